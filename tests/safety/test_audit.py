"""The audit trail: every change logged and chained; tampering behind the app detected."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from tests.conftest import TODAY
from villagebook import app
from villagebook.cli import common as cli_common
from villagebook.domain.roster.validation import PersonInput
from villagebook.domain.roster.values import PartyStatus
from villagebook.services.roster import commands as roster_commands
from villagebook.services.safety import audit as audit_service
from villagebook.storage import audit
from villagebook.storage.db import Database
from villagebook.storage.models import Person, StatusChange
from villagebook.storage.models.safety import AuditEntry


def _first_person(db: Database) -> Person:
    with db.read() as session:
        person = session.exec(select(Person).order_by(Person.name)).first()
        assert person is not None
        return person


def _conn(db: Database) -> sqlite3.Connection:
    return sqlite3.connect(db.path)


def test_demo_data_is_fully_logged_and_verifies(demo_db: Database) -> None:
    assert audit.verify(demo_db.path) == []
    with demo_db.read() as session:
        entries = session.exec(select(AuditEntry)).all()
        people = session.exec(select(Person)).all()
    assert len(entries) > len(people)
    assert "insert" in {e.action for e in entries}
    assert all(e.actor == "测试员" for e in entries)


def test_update_logs_before_and_after_and_history_shows_it(demo_db: Database) -> None:
    person = _first_person(demo_db)
    with demo_db.write() as session:
        roster_commands.update_person(
            session,
            person.id,
            PersonInput(
                name="改过的名字",
                gender=person.gender,
                birth_date=person.birth_date,
                id_number=person.id_number or "",
                phone=person.phone,
                education=person.education,
                committee_role=person.committee_role,
                ethnicity=person.ethnicity,
                note=person.note,
            ),
            as_of=TODAY,
        )
    with demo_db.read() as session:
        entries = audit_service.history(session, person.id)
    assert entries[0].action == "insert"
    last = entries[-1]
    assert last.action == "update" and last.action_label == "修改"
    assert [(c.field, c.before, c.after) for c in last.changes] == [
        ("name", person.name, "改过的名字")
    ]
    assert last.actor == "测试员"
    assert audit.verify(demo_db.path) == []


def test_delete_and_bulk_statements_are_logged(demo_db: Database) -> None:
    person = _first_person(demo_db)
    with demo_db.write() as session:
        session.exec(delete(StatusChange).where(StatusChange.person_id == person.id))  # type: ignore[call-overload]
    with demo_db.write() as session:
        change = roster_commands.change_status(
            session, person.id, PartyStatus.FULL, TODAY, allow_backdated=True, as_of=TODAY
        )
        change_id = change.id
    with demo_db.write() as session:
        session.delete(session.get(StatusChange, change_id))
    with demo_db.read() as session:
        actions = [e.action for e in audit_service.history(session, change_id)]
    assert actions == ["insert", "delete"]
    assert audit.verify(demo_db.path) == []


def test_a_refused_change_leaves_no_log_entry(demo_db: Database) -> None:
    with demo_db.read() as session:
        before = len(session.exec(select(AuditEntry)).all())
    with pytest.raises(IntegrityError), demo_db.write() as session:
        roster_commands.create_person(session, uuid.uuid4(), PersonInput(name="没有支部的人"))
    with demo_db.read() as session:
        assert len(session.exec(select(AuditEntry)).all()) == before


def test_hash_chain_links_every_entry(demo_db: Database) -> None:
    with demo_db.read() as session:
        entries = session.exec(select(AuditEntry).order_by(AuditEntry.seq)).all()  # type: ignore[arg-type]
    previous = audit.GENESIS
    for entry in entries:
        assert entry.prev_hash == previous
        assert audit.entry_hash(entry.prev_hash, entry.model_dump()) == entry.hash
        previous = entry.hash


def test_verify_detects_a_row_edited_behind_the_app(demo_db: Database) -> None:
    person = _first_person(demo_db)
    with _conn(demo_db) as conn:
        conn.execute("UPDATE person SET name = '偷改' WHERE id = ?", (person.id.hex,))
    issues = audit.verify(demo_db.path)
    assert [(i.kind, i.table_name, i.row_id) for i in issues] == [
        ("edited", "person", person.id.hex)
    ]
    assert "name" in issues[0].message


def test_verify_detects_a_row_deleted_behind_the_app(demo_db: Database) -> None:
    with _conn(demo_db) as conn:
        (row_id,) = conn.execute("SELECT id FROM status_change LIMIT 1").fetchone()
        conn.execute("DELETE FROM status_change WHERE id = ?", (row_id,))
    issues = audit.verify(demo_db.path)
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
    issues = audit.verify(demo_db.path)
    assert [i.kind for i in issues] == ["inserted"]


def test_verify_detects_a_tampered_or_removed_log_entry(demo_db: Database) -> None:
    with _conn(demo_db) as conn:
        conn.execute("UPDATE audit_log SET actor = '别人' WHERE seq = 5")
    assert {i.kind for i in audit.verify(demo_db.path)} == {"chain"}
    with _conn(demo_db) as conn:
        conn.execute("UPDATE audit_log SET actor = '测试员' WHERE seq = 5")
    assert audit.verify(demo_db.path) == []
    with _conn(demo_db) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq = 7")
    kinds = {i.kind for i in audit.verify(demo_db.path)}
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
    assert [i.kind for i in audit.verify(demo_db.path)] == ["edited"]


def test_cli_audit_verify(demo_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["audit", "verify", "--data-dir", str(demo_db.data_dir)]
    assert app.main(args) == cli_common.EXIT_OK
    assert "审计日志完整" in capsys.readouterr().out
    with _conn(demo_db) as conn:
        conn.execute("UPDATE person SET phone = '13800000000'")
    assert app.main(args) == cli_common.EXIT_FINDINGS
    out = capsys.readouterr().out
    assert "被绕过程序修改" in out and "phone" in out
