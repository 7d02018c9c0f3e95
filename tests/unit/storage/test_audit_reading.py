"""Verifying the audit trail: rows changed, deleted or inserted behind the app, and a
tampered or removed log entry, are all detected."""

from __future__ import annotations

import sqlite3
import uuid

from sqlmodel import select

from villagebook.storage.audit_reading import verify
from villagebook.storage.db import Database
from villagebook.storage.models import Person


def _first_person(db: Database) -> Person:
    with db.read() as session:
        person = session.exec(select(Person).order_by(Person.name)).first()
        assert person is not None
        return person


def _conn(db: Database) -> sqlite3.Connection:
    return sqlite3.connect(db.path)


def test_verify_detects_a_row_edited_behind_the_app(demo_db: Database) -> None:
    person = _first_person(demo_db)
    with _conn(demo_db) as conn:
        conn.execute("UPDATE person SET name = '偷改' WHERE id = ?", (person.id.hex,))
    issues = verify(demo_db.path)
    assert [(i.kind, i.table_name, i.row_id) for i in issues] == [
        ("edited", "person", person.id.hex)
    ]
    assert "name" in issues[0].message


def test_verify_detects_a_row_deleted_behind_the_app(demo_db: Database) -> None:
    with _conn(demo_db) as conn:
        (row_id,) = conn.execute("SELECT id FROM status_change LIMIT 1").fetchone()
        conn.execute("DELETE FROM status_change WHERE id = ?", (row_id,))
    issues = verify(demo_db.path)
    assert [(i.kind, i.row_id) for i in issues] == [("deleted", row_id)]


def test_verify_detects_a_row_inserted_behind_the_app(demo_db: Database) -> None:
    person = _first_person(demo_db)
    with _conn(demo_db) as conn:
        conn.execute(
            "INSERT INTO status_change (id, created_at, created_by, person_id, status,"
            " effective_on, reason, note) VALUES (?, '2026-01-01', 'x', ?, 'full',"
            " '2026-01-01', 'recorded', '')",
            (uuid.uuid4().hex, person.id.hex),
        )
    issues = verify(demo_db.path)
    assert [i.kind for i in issues] == ["inserted"]


def test_verify_detects_a_tampered_or_removed_log_entry(demo_db: Database) -> None:
    with _conn(demo_db) as conn:
        conn.execute("UPDATE audit_log SET actor = '别人' WHERE seq = 5")
    assert {i.kind for i in verify(demo_db.path)} == {"chain"}
    with _conn(demo_db) as conn:
        conn.execute("UPDATE audit_log SET actor = '测试员' WHERE seq = 5")
    assert verify(demo_db.path) == []
    with _conn(demo_db) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq = 7")
    kinds = {i.kind for i in verify(demo_db.path)}
    assert "chain" in kinds


def test_edit_then_app_change_is_still_detected(demo_db: Database) -> None:
    """A row edited behind the app and later changed by the app still shows the edit."""
    person = _first_person(demo_db)
    with _conn(demo_db) as conn:
        conn.execute("UPDATE person SET note = '偷改' WHERE id = ?", (person.id.hex,))
    with demo_db.write() as session:
        row = session.get(Person, person.id)
        assert row is not None
        row.note = "正常修改"
        session.add(row)
    assert [i.kind for i in verify(demo_db.path)] == ["edited"]
