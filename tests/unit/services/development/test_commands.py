"""Development commands: status follows the case, impossible input is refused whole,
imported history with breaches is kept and reported (DEV-* codes)."""

from __future__ import annotations

import copy
import datetime as dt
import struct
import uuid
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from sqlmodel import select

from tests.unit.domain.development.helpers import DATES, GOOD_BALLOT
from tests.unit.services.development.conftest import TODAY, Branch
from villagebook.domain.common.errors import InputError
from villagebook.domain.development.values import (
    Ballot,
    CaseState,
    Ending,
    Role,
    StepInput,
    StepPersonInput,
)
from villagebook.domain.roster.values import ChangeReason, PartyStatus
from villagebook.services import registry
from villagebook.services.development import commands, printouts, queries
from villagebook.services.roster import commands as roster_commands
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.db import Database, open_database
from villagebook.storage.models import Attachment, StatusChange
from villagebook.storage.models.development import DevelopmentStep, DevelopmentStepPerson


def step_input(b: Branch, number: int, **kw: object) -> StepInput:
    data = StepInput(number, DATES[number])
    if number == 2:
        data.people = [StepPersonInput(Role.TALKER, b.people["王书记"])]
    if number == 5:
        data.people = [StepPersonInput(Role.CONTACT, b.people["赵一"])]
    if number == 9:
        data.people = [
            StepPersonInput(Role.INTRODUCER, b.people["赵一"]),
            StepPersonInput(Role.INTRODUCER, b.people["钱二"]),
        ]
    if number == 11:
        data.training_hours = 24.0
    if number == 13:
        data.publicity_from, data.publicity_to = dt.date(2024, 6, 24), dt.date(2024, 6, 28)
    if number == 16:
        data.people = [StepPersonInput(Role.HIGHER_TALKER, None, "镇组织委员")]
    if number in (15, 23):
        data.ballot = Ballot(6, 5, 4, 1, 0, 0)
    for key, value in kw.items():
        setattr(data, key, value)
    return data


def start(db: Database, b: Branch, name: str = "张三") -> uuid.UUID:
    with db.write() as session:
        return commands.start_case(
            session, b.id, b.people[name], applied_on=DATES[1], as_of=TODAY
        ).id


def record_upto(db: Database, b: Branch, case_id: uuid.UUID, last: int, first: int = 2) -> None:
    with db.write() as session:
        for number in range(first, last + 1):
            commands.record_development_step(session, case_id, step_input(b, number), as_of=TODAY)
            if number == 6:
                for day in (dt.date(2023, 9, 15), dt.date(2024, 3, 1)):
                    commands.add_assessment(session, case_id, day, as_of=TODAY)


def history(db: Database, person_id: uuid.UUID) -> list[tuple[PartyStatus, dt.date]]:
    with db.read() as session:
        return [
            (h.status, h.effective_on) for h in roster_queries.status_history(session, person_id)
        ]


def problems_of(info: pytest.ExceptionInfo[InputError]) -> dict[str, str]:
    return {p.field: p.message for p in info.value.problems}


def test_status_follows_the_case(db: Database, branch: Branch) -> None:
    case_id = start(db, branch)
    record_upto(db, branch, case_id, 25)
    assert history(db, branch.people["张三"]) == [
        (PartyStatus.MASSES, dt.date(2010, 1, 1)),
        (PartyStatus.APPLICANT, DATES[1]),
        (PartyStatus.ACTIVIST, DATES[3]),
        (PartyStatus.TARGET, DATES[7]),
        (PartyStatus.PROBATIONARY, DATES[15]),  # from the admission meeting date
        (PartyStatus.FULL, DATES[23]),  # from the conversion meeting date
    ]
    with db.read() as session:
        assert queries.get_case(session, case_id).state is CaseState.COMPLETED
        reasons = {
            h.reason for h in roster_queries.status_history(session, branch.people["张三"])[1:]
        }
        assert reasons == {ChangeReason.DEVELOPMENT}
        findings = [
            f for f in registry.run_checks(session, as_of=TODAY) if f.code.startswith("DEV")
        ]
    # the meetings were typed in, not linked to general-meeting records
    assert {(f.code, f.message[:4]) for f in findings} == {
        ("DEV-MEETING-LINK", "第15步"),
        ("DEV-MEETING-LINK", "第23步"),
    }


def test_probationary_only_once_approved(db: Database, branch: Branch) -> None:
    case_id = start(db, branch)
    record_upto(db, branch, case_id, 16)
    assert history(db, branch.people["张三"])[-1][0] is PartyStatus.TARGET
    record_upto(db, branch, case_id, 17, first=17)
    assert history(db, branch.people["张三"])[-1] == (PartyStatus.PROBATIONARY, DATES[15])


def test_existing_status_on_that_date_is_not_duplicated(db: Database, branch: Branch) -> None:
    with db.write() as session:
        roster_commands.change_status(
            session, branch.people["张三"], PartyStatus.APPLICANT, DATES[1], as_of=TODAY
        )
    start(db, branch)
    assert history(db, branch.people["张三"]).count((PartyStatus.APPLICANT, DATES[1])) == 1


def test_dev_order_refused_out_of_order_and_nothing_saved(db: Database, branch: Branch) -> None:
    case_id = start(db, branch)
    with pytest.raises(InputError) as info, db.write() as session:
        commands.record_development_step(session, case_id, step_input(branch, 3), as_of=TODAY)
    assert "DEV-ORDER" in problems_of(info)["number"]
    with pytest.raises(InputError) as info, db.write() as session:
        commands.record_development_step(
            session, case_id, step_input(branch, 2, done_on=dt.date(2023, 1, 30)), as_of=TODAY
        )
    assert "DEV-ORDER" in problems_of(info)["done_on"]
    with db.read() as session:
        assert len(queries.steps_of(session, case_id)) == 1


def test_dev_age_18_refused(db: Database, branch: Branch) -> None:
    with pytest.raises(InputError) as info, db.write() as session:
        commands.start_case(
            session, branch.id, branch.people["小李"], applied_on=dt.date(2026, 5, 31), as_of=TODAY
        )
    assert "DEV-AGE-18" in problems_of(info)["done_on"]
    assert "2026年6月1日" in problems_of(info)["done_on"]
    with db.read() as session:  # the case itself was not kept either
        assert queries.open_case_of(session, branch.people["小李"]) is None
    with db.write() as session:
        commands.start_case(
            session, branch.id, branch.people["小李"], applied_on=dt.date(2026, 6, 1), as_of=TODAY
        )


def test_dev_introducers_probationary_or_disciplined_refused(db: Database, branch: Branch) -> None:
    case_id = start(db, branch)
    record_upto(db, branch, case_id, 8)
    for name in ("郑预备", "吴五"):
        bad = step_input(branch, 9)
        bad.people = [
            StepPersonInput(Role.INTRODUCER, branch.people["赵一"]),
            StepPersonInput(Role.INTRODUCER, branch.people[name]),
        ]
        with pytest.raises(InputError) as info, db.write() as session:
            commands.record_development_step(session, case_id, bad, as_of=TODAY)
        message = problems_of(info)["people.introducer"]
        assert "DEV-INTRODUCERS" in message and name in message
    with db.read() as session:
        assert (
            session.exec(
                select(DevelopmentStepPerson).where(DevelopmentStepPerson.role == Role.INTRODUCER)
            ).all()
            == []
        )
    record_upto(db, branch, case_id, 9, first=9)


def test_ballots_exceeding_those_present_refused(db: Database, branch: Branch) -> None:
    case_id = start(db, branch)
    record_upto(db, branch, case_id, 14)
    with pytest.raises(InputError) as info, db.write() as session:
        commands.record_development_step(
            session, case_id, step_input(branch, 15, ballot=Ballot(6, 4, 4, 1, 0, 0)), as_of=TODAY
        )
    assert "yes" in problems_of(info)
    with pytest.raises(InputError) as info, db.write() as session:
        commands.record_development_step(
            session, case_id, step_input(branch, 15, ballot=None), as_of=TODAY
        )
    assert "ballot" in problems_of(info)


def test_conversion_before_probation_ends_refused(db: Database, branch: Branch) -> None:
    case_id = start(db, branch)
    record_upto(db, branch, case_id, 22)
    early = step_input(branch, 23, done_on=dt.date(2025, 7, 19))
    with pytest.raises(InputError) as info, db.write() as session:
        commands.record_development_step(session, case_id, early, as_of=TODAY)
    assert "DEV-PROBATION-1Y" in problems_of(info)["done_on"]
    assert "2025年7月20日" in problems_of(info)["done_on"]


def test_second_extension_refused(db: Database, branch: Branch) -> None:
    case_id = start(db, branch)
    record_upto(db, branch, case_id, 22)
    with db.write() as session:
        commands.extend_probation(
            session, case_id, dt.date(2025, 7, 20), 6, reason="需继续考察", as_of=TODAY
        )
    with pytest.raises(InputError) as info, db.write() as session:
        commands.extend_probation(
            session, case_id, dt.date(2026, 1, 20), 6, reason="再延", as_of=TODAY
        )
    assert "DEV-EXTENSION" in problems_of(info)["months"]
    with pytest.raises(InputError), db.write() as session:
        commands.extend_probation(
            session, case_id, dt.date(2025, 7, 20), 13, reason="太长", as_of=TODAY
        )
    # The extension moved the end of probation: converting on the old date is refused.
    with pytest.raises(InputError) as info, db.write() as session:
        commands.record_development_step(session, case_id, step_input(branch, 23), as_of=TODAY)
    assert "DEV-PROBATION-1Y" in problems_of(info)["done_on"]
    with db.write() as session:
        commands.record_development_step(
            session, case_id, step_input(branch, 23, done_on=dt.date(2026, 1, 20)), as_of=TODAY
        )


def test_historical_file_with_breaches_is_kept_and_reported(db: Database, branch: Branch) -> None:
    with db.write() as session:
        case = commands.start_case(
            session,
            branch.id,
            branch.people["张三"],
            applied_on=DATES[1],
            historical=True,
            as_of=TODAY,
        )
        for number in range(2, 16):
            data = step_input(branch, number)
            if number == 9:
                data.people = [StepPersonInput(Role.INTRODUCER, branch.people["郑预备"])]
            if number == 15:
                data.ballot = Ballot(6, 4, 5, 0, 0, 0)
            commands.record_development_step(session, case.id, data, as_of=TODAY)
    with db.read() as session:
        codes = {
            f.code for f in registry.run_checks(session, as_of=TODAY) if f.code.startswith("DEV")
        }
    assert {"DEV-INTRODUCERS", "DEV-BALLOT", "DEV-ASSESS-6M"} <= codes


def test_late_talk_is_accepted_and_reported(db: Database, branch: Branch) -> None:
    case_id = start(db, branch)
    with db.write() as session:
        commands.record_development_step(
            session, case_id, step_input(branch, 2, done_on=dt.date(2023, 3, 15)), as_of=TODAY
        )
        findings = [f for f in registry.run_checks(session, as_of=TODAY) if f.code == "DEV-TALK-1M"]
    assert findings and findings[0].due == dt.date(2023, 2, 28)
    assert "2023年2月28日" in findings[0].message


def test_future_dates_and_duplicates_refused(db: Database, branch: Branch) -> None:
    case_id = start(db, branch)
    with pytest.raises(InputError) as info, db.write() as session:
        commands.record_development_step(
            session,
            case_id,
            step_input(branch, 2, done_on=TODAY + dt.timedelta(days=1)),
            as_of=TODAY,
        )
    assert "done_on" in problems_of(info)
    with pytest.raises(InputError) as info, db.write() as session:
        commands.record_development_step(session, case_id, step_input(branch, 1), as_of=TODAY)
    assert "number" in problems_of(info)


def test_end_case_early_with_reason(db: Database, branch: Branch) -> None:
    case_id = start(db, branch)
    record_upto(db, branch, case_id, 3)
    with pytest.raises(InputError) as info, db.write() as session:
        commands.end_case(
            session, case_id, Ending.WITHDRAWN, dt.date(2023, 5, 1), reason=" ", as_of=TODAY
        )
    assert "ending_reason" in problems_of(info)
    with db.write() as session:
        commands.end_case(
            session,
            case_id,
            Ending.WITHDRAWN,
            dt.date(2023, 5, 1),
            reason="本人书面申请撤回",
            as_of=TODAY,
        )
    assert history(db, branch.people["张三"])[-1] == (PartyStatus.MASSES, dt.date(2023, 5, 1))
    with pytest.raises(InputError), db.write() as session:
        commands.record_development_step(session, case_id, step_input(branch, 4), as_of=TODAY)


def test_second_open_case_refused(db: Database, branch: Branch) -> None:
    start(db, branch)
    with pytest.raises(InputError), db.write() as session:
        commands.start_case(session, branch.id, branch.people["张三"], as_of=TODAY)
    with pytest.raises(InputError), db.write() as session:
        commands.start_case(session, branch.id, branch.people["王书记"], as_of=TODAY)


def test_meeting_step_linked_to_a_general_meeting_uses_its_counts(
    db: Database, branch: Branch
) -> None:
    from villagebook.domain.meetings.values import AttendanceInput, MeetingInput, MeetingKind, Vote
    from villagebook.services.meetings import commands as meeting_commands

    case_id = start(db, branch)
    record_upto(db, branch, case_id, 14)
    held = dt.date(2024, 7, 22)
    names = ("王书记", "赵一", "钱二", "孙三")
    with db.write() as session:
        meeting = meeting_commands.create(
            session,
            branch.id,
            MeetingInput(
                kind=MeetingKind.GENERAL,
                held_on=held,
                start_time=dt.time(9, 0),
                end_time=dt.time(11, 0),
                place="村委会议室",
                host_id=branch.people["王书记"],
                recorder_id=branch.people["赵一"],
                topics=["讨论接收张三为预备党员"],
                attendance=[AttendanceInput(branch.people[n], n) for n in names],
                votes=[Vote(motion="接收张三为预备党员", yes=4, written_yes=0, secret_ballot=True)],
            ),
            as_of=TODAY,
        )
        data = step_input(branch, 15, meeting_id=meeting.id, ballot=replace(GOOD_BALLOT))
        step = commands.record_development_step(session, case_id, data, as_of=TODAY)
    with db.read() as session:
        stored = session.get(DevelopmentStep, step.id)
        assert stored is not None and stored.meeting_id == meeting.id
        assert stored.done_on == held  # the meeting's date wins over the typed date
        assert stored.yes == 4 and stored.present_voting == 4  # and its counts
        with_meeting = {s.number: s for s in queries.case_facts(session, case_id).steps.values()}
    assert with_meeting[15].ballot is not None and with_meeting[15].ballot.yes == 4


def test_nothing_half_saved_when_status_cannot_follow(db: Database, branch: Branch) -> None:
    with db.read() as session:
        before = len(session.exec(select(StatusChange)).all())
    with pytest.raises(InputError), db.write() as session:
        commands.start_case(
            session, branch.id, branch.people["小李"], applied_on=dt.date(2020, 1, 1), as_of=TODAY
        )
    with db.read() as session:
        assert len(session.exec(select(StatusChange)).all()) == before


# --- documents kept with steps: hashed attachments, in the exchange file and the dossier ---


def tiny_png(path: Path) -> Path:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80")
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
    return path


def test_document_attached_exported_and_printed(
    db: Database, branch: Branch, tmp_path: Path
) -> None:
    case_id = start(db, branch)
    scan = tiny_png(tmp_path / "申请书.png")
    with db.write() as session:
        step = queries.steps_of(session, case_id)[0]
        kept = commands.attach_document(session, db.data_dir, step.id, scan, kind="入党申请书")
    assert (db.data_dir / kept.stored_path).is_file()
    with pytest.raises(InputError), db.write() as session:
        commands.attach_document(session, db.data_dir, step.id, scan, kind="照片")
    with db.read() as session:
        branch_row = roster_queries.get_branch(session, branch.id)
        document = registry.export_branch(session, branch_row)
        data = printouts.gather_dossier(session, branch.people["张三"], TODAY)
    exported = document["development_cases"][0]["steps"][0]["attachments"]
    assert exported[0]["sha256"] == kept.sha256 and exported[0]["kind"] == "入党申请书"
    assert "入党申请书" in data.steps[0].detail
    document.pop("exported_at")
    other = open_database(tmp_path / "other")
    with other.write() as session:
        registry.import_document(session, copy.deepcopy(document), today=TODAY)
    with other.read() as session:
        again = registry.export_branch(session, roster_queries.get_branch(session, branch.id))
        rows = session.exec(select(Attachment)).all()
    again.pop("exported_at")
    assert again == document
    assert [r.sha256 for r in rows] == [kept.sha256]
