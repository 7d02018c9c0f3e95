"""Shared fixtures.  Every path a test touches lives in a temporary folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from villagebook.storage.db import Database, open_database

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VILLAGEBOOK_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_database(data_dir, actor="测试员")
    yield database
    database.close()


@pytest.fixture
def demo_db(db: Database) -> Database:
    from villagebook.services import demo

    with db.write() as session:
        demo.create_demo(session, today=TODAY)
    return db


# Property-based tests (hypothesis): modest and without deadlines so the suite stays fast.
from hypothesis import HealthCheck  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402

hypothesis_settings.register_profile(
    "villagebook",
    deadline=None,
    max_examples=50,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.load_profile("villagebook")
