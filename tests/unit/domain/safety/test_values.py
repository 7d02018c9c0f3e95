"""The safety values: backup summaries, change log labels, the folder owner, the refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from villagebook import language
from villagebook.domain.safety.errors import DatabaseDamaged, FolderInUse
from villagebook.domain.safety.values import (
    BackupInfo,
    FieldChange,
    HistoryEntry,
    LockOwner,
    table_label,
)

TAKEN = dt.datetime(2026, 11, 22, 18, 0)


@pytest.fixture
def english() -> object:
    language.use("en")
    yield None
    language.use("zh_CN")


def test_a_backup_summary_names_the_main_records_then_counts_the_rest() -> None:
    info = BackupInfo(
        Path("b.sqlite3"), TAKEN, counts={"person": 40, "branch": 1, "status_change": 60, "x": 2}
    )
    assert info.healthy
    assert info.summary() == [("支部", 1), ("人员", 40), ("其他记录", 62)]
    assert BackupInfo(Path("b"), TAKEN, counts={"person": 3}).summary() == [("人员", 3)]
    assert not BackupInfo(Path("b"), TAKEN, problems=["坏了"]).healthy


def test_labels_are_translated_where_shown(english: object) -> None:
    info = BackupInfo(Path("b.sqlite3"), TAKEN, counts={"person": 40, "x": 1})
    assert info.summary() == [("People", 40), ("Other records", 1)]
    assert table_label("meeting") == "Meeting records"
    assert table_label("unknown_table") == "unknown_table"
    entry = HistoryEntry(1, TAKEN, "a", "person", "update", [FieldChange("name", "甲", "乙")])
    assert entry.action_label == "Changed"


def test_chinese_labels_by_default() -> None:
    entry = HistoryEntry(1, TAKEN, "a", "person", "baseline", [])
    assert entry.action_label == "建档" and table_label("person") == "人员"
    assert HistoryEntry(2, TAKEN, "a", "person", "odd", []).action_label == "odd"


def test_the_folder_owner_and_the_refusals_say_who_and_what() -> None:
    owner = LockOwner(
        pid=4321, host="村委会电脑", user="wangfang", since="2026-11-22T10:00:00+00:00"
    )
    assert "进程 4321" in owner.describe() and "村委会电脑" in owner.describe()
    refused = FolderInUse(Path("/data"), owner)
    assert "已被另一个正在运行的村务记事本打开" in str(refused) and "进程 4321" in str(refused)
    assert refused.owner == owner
    assert "另一个程序" in str(FolderInUse(Path("/data"), None))
    damaged = DatabaseDamaged(Path("/data/villagebook.sqlite3"), ["a", "b", "c", "d"])
    assert "villagebook.sqlite3 已损坏（a；b；c）" in str(damaged)
    assert damaged.problems == ["a", "b", "c", "d"]


def test_the_summary_on_one_line(english: object) -> None:
    info = BackupInfo(Path("b.sqlite3"), TAKEN, counts={"branch": 1, "person": 40})
    assert info.summary_text() == "Branch 1, People 40"


def test_the_summary_on_one_line_in_chinese() -> None:
    info = BackupInfo(Path("b.sqlite3"), TAKEN, counts={"branch": 1, "person": 40, "x": 3})
    assert info.summary_text() == "支部 1，人员 40，其他记录 3"
