"""Demo development cases for the demo roster's applicants, activists, targets and
probationary members, consistent with their status history and recorded through the
same services the window uses: cases in every stage, one overdue talk, one extension.

Each admission meeting (step 15) is a general-meeting record of that day, linked to the step,
except one, deliberately: the first probationary member's step 15 was typed in with its
counts and no meeting record (DEV-MEETING-LINK).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from sqlmodel import Session, col, select

from villagebook.domain.common.calendar import add_months, add_working_days, add_years
from villagebook.domain.development.values import Ballot, Role, StepInput, StepPersonInput
from villagebook.domain.roster.values import PartyStatus
from villagebook.services.development import commands
from villagebook.services.development._meetings import MotionMeeting, hold_general_meeting
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models import Branch, Person

DAY = dt.timedelta(days=1)


class _Builder:
    def __init__(
        self, session: Session, branch: Branch, today: dt.date, rng: random.Random
    ) -> None:
        self.session, self.branch, self.today, self.rng = session, branch, today, rng
        self.due_soon_shown = False
        #: The person of the case being built, and whether its meetings get records.
        self.name = ""
        self.link_meetings = True
        old = {
            e.person_id
            for e in roster_queries.roster_on(session, branch.id, add_years(today, -5))
            if e.can_vote
        }
        self.elders = [
            e
            for e in roster_queries.roster_on(session, branch.id, today)
            if e.can_vote and e.person_id in old
        ]

    def names(self, role: Role, count: int) -> list[StepPersonInput]:
        return [StepPersonInput(role, e.person_id) for e in self.rng.sample(self.elders, count)]

    def ballot(self, day: dt.date) -> Ballot:
        expected = sum(
            1 for e in roster_queries.roster_on(self.session, self.branch.id, day) if e.can_vote
        )
        present = expected - 2
        return Ballot(expected, present, present - 1, 1, 0, 1)

    def record(self, case_id: uuid.UUID, number: int, day: dt.date, **kw: object) -> bool:
        if day > self.today:
            return False
        if number in (2, 5, 9, 16):
            role = {2: Role.TALKER, 5: Role.CONTACT, 9: Role.INTRODUCER, 16: Role.HIGHER_TALKER}[
                number
            ]
            if role is Role.HIGHER_TALKER:
                kw["people"] = [StepPersonInput(role, None, "镇党委组织委员 周明")]
            else:
                kw["people"] = self.names(role, 2 if number in (5, 9) else 1)
        if number in (15, 23):
            kw["ballot"] = self.ballot(day)
            if self.link_meetings:
                what = "接收{name}为中共预备党员" if number == 15 else "{name}按期转为正式党员"
                motion = what.format(name=self.name)
                texts = MotionMeeting(
                    topic=f"讨论{motion}",
                    motion=motion,
                    place="村党群服务中心会议室",
                    leave_reason="外出务工",
                    explanation=f"介绍{self.name}的培养考察情况和支委会审查意见。",
                    support="同意支委会意见，该同志表现好，群众认可。",
                    resolution=f"经无记名投票表决，同意{motion}，报镇党委审批。",
                )
                kw["meeting_id"] = hold_general_meeting(
                    self.session, self.branch.id, day, texts, as_of=self.today
                )
        if number == 11:
            kw["training_days"] = 3.0
        if number == 13:
            start = day - 12 * DAY
            kw["publicity_from"], kw["publicity_to"] = start, add_working_days(start - DAY, 5)
        data = StepInput(number, day, **kw)  # type: ignore[arg-type]
        commands.record_development_step(self.session, case_id, data, as_of=self.today)
        return True

    def activist_years(
        self, case_id: uuid.UUID, applied: dt.date, activist: dt.date, until: dt.date
    ) -> None:
        """Steps 1-6 and half-yearly assessments up to ``until``."""
        self.record(case_id, 1, applied)
        self.record(case_id, 2, applied + 20 * DAY)
        self.record(case_id, 3, activist)
        for number, offset in ((4, 10), (5, 15), (6, 30)):
            self.record(case_id, number, activist + offset * DAY)
        day = add_months(activist, 5)
        while day <= min(until, self.today):
            commands.add_assessment(
                self.session, case_id, day, note="表现良好，按期递交思想汇报", as_of=self.today
            )
            day = add_months(day, 5)

    def target_steps(self, case_id: uuid.UUID, target: dt.date, last: int) -> None:
        """Steps 7 up to ``last`` after the target date."""
        offsets = {7: 0, 8: 5, 9: 10, 10: 20, 11: 28, 12: 35, 13: 50, 14: 55}
        for number in range(7, last + 1):
            self.record(case_id, number, target + offsets[number] * DAY)

    def probation_steps(self, case_id: uuid.UUID, admitted: dt.date, last: int) -> None:
        offsets = {15: 0, 16: 5, 17: 15, 18: 25, 19: 30, 20: 35, 21: 90, 22: 335}
        for number in range(15, last + 1):
            self.record(case_id, number, admitted + offsets[number] * DAY)


def _first(session: Session, person: Person) -> dt.date:
    return roster_queries.status_history(session, person.id)[0].effective_on


def populate(session: Session, branch: Branch, today: dt.date, rng: random.Random) -> None:
    builder = _Builder(session, branch, today, rng)
    path = (
        PartyStatus.APPLICANT,
        PartyStatus.ACTIVIST,
        PartyStatus.TARGET,
        PartyStatus.PROBATIONARY,
    )
    people = session.exec(
        select(Person)
        .where(Person.branch_id == branch.id, col(Person.status).in_(path))
        .order_by(col(Person.name))
    ).all()
    seen: dict[PartyStatus, int] = {}
    for person in people:
        since = _first(session, person)
        if person.status is PartyStatus.PROBATIONARY and since < add_years(today, -2):
            continue  # not one of the demo's recent members
        index = seen.get(person.status, 0)
        seen[person.status] = index + 1
        case = commands.start_case(session, branch.id, person.id, as_of=today)
        builder.name = person.name
        # the deliberate DEV-MEETING-LINK breach: one admission meeting without a record
        builder.link_meetings = not (person.status is PartyStatus.PROBATIONARY and index == 0)
        _populate_case(builder, case.id, person.status, since, index)


def _populate_case(
    b: _Builder, case_id: uuid.UUID, status: PartyStatus, since: dt.date, index: int
) -> None:
    if status is PartyStatus.APPLICANT:
        b.record(case_id, 1, since)
        if index == 0:
            b.record(case_id, 2, since + 14 * DAY)  # the other applicant's talk is overdue
        return
    if status is PartyStatus.ACTIVIST:
        if not b.due_soon_shown and since <= b.today - 165 * DAY:
            b.due_soon_shown = True
            # assessed every five months, the last one 165 days ago: the next is due soon
            b.activist_years(case_id, since - 100 * DAY, since, since)
            day = b.today - 165 * DAY
            while day >= since + 30 * DAY:
                commands.add_assessment(b.session, case_id, day, note="按期考察", as_of=b.today)
                day = add_months(day, -5)
            return
        b.activist_years(case_id, since - 100 * DAY, since, b.today)
        return
    if status is PartyStatus.TARGET:
        activist = add_months(since, -13)
        b.activist_years(case_id, activist - 100 * DAY, activist, since - DAY)
        b.target_steps(case_id, since, 9 if index == 0 else 14)
        return
    target = since - 110 * DAY
    activist = add_months(target, -13)
    b.activist_years(case_id, activist - 100 * DAY, activist, target - DAY)
    b.target_steps(case_id, target, 14)
    end = add_years(since, 1)
    if end < b.today:  # probation over: the branch extended it (DEV-EXTENSION)
        b.probation_steps(case_id, since, 22)
        commands.extend_probation(
            b.session, case_id, end, 12, reason="入党动机和思想认识仍需进一步考察", as_of=b.today
        )
    else:
        b.probation_steps(case_id, since, 21)
