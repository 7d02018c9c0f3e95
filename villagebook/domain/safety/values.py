"""What the safety capability hands out: backups, the audit trail, the folder lock, the app lock.

Plain values, no storage: the window and the command line show them as they are.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from villagebook.domain.common.i18n import N_, _, label

#: Names of the tables a backup summary and a change log show (others by their own name);
#: their English is plural ("People"), so they carry the message context "table".
TABLE_LABELS = {
    "branch": N_("支部", context="table"),
    "person": N_("人员", context="table"),
    "meeting": N_("会议记录", context="table"),
    "development_case": N_("发展党员案卷", context="table"),
    "deliberation": N_("四议两公开事项", context="table"),
    "attachment": N_("附件", context="table"),
    "status_change": N_("党员状态变化", context="table"),
    "group_assignment": N_("党小组变动", context="table"),
    "party_group": N_("党小组", context="table"),
    "app_setting": N_("设置", context="table"),
}
#: The tables a backup summary names one by one (the rest are counted together).
SUMMARY_TABLES = ("branch", "person", "meeting", "development_case", "deliberation", "attachment")

#: What an audit log entry did to its row.
ACTION_LABELS = {
    "insert": N_("新增"),
    "update": N_("修改"),
    "delete": N_("删除"),
    "baseline": N_("建档"),
}


def table_label(table_name: str) -> str:
    """A table's name as a user knows it (translated), or its own name."""
    if table_name not in TABLE_LABELS:
        return table_name
    return label(TABLE_LABELS[table_name], context="table")


# --- backups -------------------------------------------------------------------------------


@dataclass
class BackupInfo:
    """One database snapshot (备份) and what it holds."""

    path: Path
    taken_at: dt.datetime
    revision: str | None = None
    #: Rows per table (the audit log, settings and Alembic's table are not counted).
    counts: dict[str, int] = field(default_factory=dict)
    #: The newest audit log entry's number inside the snapshot.
    last_change: int = 0
    #: What the integrity check found; empty when the snapshot is healthy.
    problems: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems

    def summary(self) -> list[tuple[str, int]]:
        """(label, count) for the main records, then all other rows together."""
        known = [(table_label(t), self.counts[t]) for t in SUMMARY_TABLES if t in self.counts]
        rest = sum(n for t, n in self.counts.items() if t not in SUMMARY_TABLES)
        return [*known, (_("其他记录"), rest)] if rest else known

    def summary_text(self) -> str:
        """The summary on one line: ``支部 1，人员 40，…``."""
        return _("，").join(f"{name} {count}" for name, count in self.summary())


# --- the audit trail -----------------------------------------------------------------------


@dataclass(frozen=True)
class AuditIssue:
    """One discrepancy between the audit log and the tables; ``message`` is translated."""

    #: chain | edited | deleted | inserted | dropped | columns | table | sealed | anchor
    kind: str
    table_name: str
    row_id: str
    message: str


@dataclass(frozen=True)
class AuditAnchor:
    """The head of the audit chain (its newest entry's number and hash), kept outside the
    database: in the data folder, beside each backup, in exchange bundles."""

    seq: int
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash}


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class HistoryEntry:
    """One logged change of one record (修改记录): who, when, what."""

    seq: int
    at: dt.datetime
    actor: str
    table_name: str
    action: str
    changes: list[FieldChange]
    #: The computer login the change was made from (technical detail; "" before 0010).
    login: str = ""

    @property
    def action_label(self) -> str:
        return label(ACTION_LABELS[self.action]) if self.action in ACTION_LABELS else self.action


# --- the folder lock and the app lock ------------------------------------------------------


@dataclass(frozen=True)
class LockOwner:
    """Who holds a data folder (the running program that writes to it)."""

    pid: int
    host: str
    user: str
    since: str

    def describe(self) -> str:
        since = self.since
        with contextlib.suppress(ValueError):
            since = dt.datetime.fromisoformat(self.since).astimezone().strftime("%Y-%m-%d %H:%M")
        return _(
            "用户 {user}（电脑 {host}，进程 {pid}），自 {since} 起",
            user=self.user,
            host=self.host,
            pid=self.pid,
            since=since,
        )


@dataclass(frozen=True)
class AppLockSettings:
    """The app lock (程序锁): on when a password is set; locks after ``idle_minutes``."""

    enabled: bool
    idle_minutes: int
    #: The data folder is encrypted at rest (database, backups, exports).
    encrypted: bool = field(default=False, compare=False)
    #: Only right after the lock was turned on: the recovery key, shown once, to be printed
    #: and kept in the township's safe.
    recovery_key: str = field(default="", compare=False, repr=False)
