"""The demo's development cases: every stage, one overdue talk, one extension."""

from __future__ import annotations

from tests.conftest import TODAY
from villagebook.domain.development.values import Urgency
from villagebook.domain.roster.values import PartyStatus
from villagebook.services import registry
from villagebook.services.development import queries
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.db import Database
from villagebook.storage.models import Person


def _branch_id(db: Database):  # type: ignore[no-untyped-def]
    with db.read() as session:
        branch = roster_queries.first_branch(session)
        assert branch is not None
        return branch.id


def test_demo_has_cases_in_every_stage_one_overdue_one_extension(demo_db: Database) -> None:
    with demo_db.read() as session:
        cards = queries.board(session, _branch_id(demo_db), TODAY)
        assert {c.stage for c in cards} == {1, 2, 3, 4, 5}
        assert any(c.urgency is Urgency.OVERDUE for c in cards)
        assert any(c.urgency is Urgency.SOON for c in cards)
        extended = [c for c in cards if queries.case_facts(session, c.case_id).extensions]
        assert len(extended) == 1
        person = session.get(Person, extended[0].person_id)
        assert person is not None and person.status is PartyStatus.PROBATIONARY
        findings = [
            f for f in registry.run_checks(session, as_of=TODAY) if f.code.startswith("DEV")
        ]
    assert any(f.code == "DEV-TALK-1M" for f in findings)


def test_demo_status_history_matches_the_cases(demo_db: Database) -> None:
    with demo_db.read() as session:
        for card in queries.board(session, _branch_id(demo_db), TODAY):
            facts = queries.case_facts(session, card.case_id)
            person = session.get(Person, card.person_id)
            assert person is not None
            day = facts.date(3)
            if day is not None:
                assert roster_queries.status_on(session, person.id, day) in (
                    PartyStatus.ACTIVIST,
                    PartyStatus.TARGET,
                    PartyStatus.PROBATIONARY,
                )
            assert roster_queries.status_on(session, person.id, facts.date(1) or TODAY) is not None
