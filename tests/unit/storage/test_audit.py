"""The audit trail: every change logged (who, before, after) and chained by hashes."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from tests.conftest import TODAY
from villagebook.domain.roster.validation import PersonInput
from villagebook.domain.roster.values import PartyStatus
from villagebook.services.book import Book
from villagebook.services.roster import commands as roster_commands
from villagebook.storage import audit
from villagebook.storage.audit_reading import verify
from villagebook.storage.db import Database
from villagebook.storage.models import Person, StatusChange
from villagebook.storage.models.safety import AuditEntry


def _first_person(db: Database) -> Person:
    with db.read() as session:
        person = session.exec(select(Person).order_by(Person.name)).first()
        assert person is not None
        return person


def test_demo_data_is_fully_logged_and_verifies(demo_db: Database) -> None:
    assert verify(demo_db.path) == []
    with demo_db.read() as session:
        entries = session.exec(select(AuditEntry)).all()
        people = session.exec(select(Person)).all()
    assert len(entries) > len(people)
    assert "insert" in {e.action for e in entries}
    # The branch and its people are entered by whoever made the demo; from then on the
    # secretary, the demo's recorder, signs every record.
    secretary = next(p.name for p in people if p.committee_role == "书记")
    assert {e.actor for e in entries} == {"测试员", secretary}


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
    entries = Book(demo_db).safety.history(person.id)
    assert entries[0].action == "insert"
    last = entries[-1]
    assert last.action == "update" and last.action_label == "修改"
    assert [(c.field, c.before, c.after) for c in last.changes] == [
        ("name", person.name, "改过的名字")
    ]
    assert last.actor == "测试员"
    assert verify(demo_db.path) == []


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
    actions = [e.action for e in Book(demo_db).safety.history(change_id)]
    assert actions == ["insert", "delete"]
    assert verify(demo_db.path) == []


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
