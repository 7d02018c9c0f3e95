"""No hollow record, no record that contradicts itself (DOMAIN.md §8): MTG-THIN and
MTG-CONSISTENCY on plain records, and the needs per kind that finalising enforces."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace

import pytest

from villagebook.domain.common.findings import Severity
from villagebook.domain.meetings.checks import record_findings
from villagebook.domain.meetings.consistency import record_contradictions
from villagebook.domain.meetings.requirements import (
    NEEDS,
    Need,
    RecordContent,
    finalise_problems,
    missing,
)
from villagebook.domain.meetings.values import (
    Appraisal,
    AppraisalVerdict,
    AttendanceRecord,
    MeetingKind,
    MeetingRecord,
    MeetingStatus,
    Presence,
    Speech,
    Vote,
)

HOST, RECORDER, MEMBER, OTHER = (uuid.uuid4() for _ in range(4))
BRANCH = str(uuid.uuid4())


def _line(
    person_id: uuid.UUID, name: str, presence: Presence = Presence.PRESENT
) -> AttendanceRecord:
    return AttendanceRecord(person_id, name, True, True, presence)


def _record(kind: MeetingKind = MeetingKind.GENERAL, **kw: object) -> MeetingRecord:
    record = MeetingRecord(
        id=uuid.uuid4(),
        branch_id=uuid.uuid4(),
        kind=kind,
        held_on=dt.date(2026, 10, 20),
        start_time=None,
        end_time=None,
        place="村委会议室",
        place_type="",
        group_id=None,
        title="",
        host_id=HOST,
        recorder_id=RECORDER,
        lecturer_id=None,
        lecturer_name="",
        topics=["讨论道路硬化"],
        speeches=[Speech(speaker_id=MEMBER, speaker="赵一", summary="同意，建议尽快实施。")],
        resolutions="会议同意实施道路硬化。",
        votes=[],
        appraisals=[],
        note="",
        status=MeetingStatus.FINALISED,
        finalised_on=dt.date(2026, 10, 21),
        finalised_by="王芳",
        attendance=[
            _line(HOST, "王书记"),
            _line(RECORDER, "张委员"),
            _line(MEMBER, "赵一"),
            _line(OTHER, "钱二", Presence.LEAVE),
        ],
    )
    return replace(record, **kw)  # type: ignore[arg-type]


def _codes(record: MeetingRecord) -> list[str]:
    return [f.code for f in record_findings(BRANCH, [record])]


# --- what each kind needs ------------------------------------------------------------------


def test_needs_are_data_for_every_kind() -> None:
    assert set(NEEDS) == set(MeetingKind)
    assert {Need.TOPICS, Need.RESOLUTIONS} <= set(NEEDS[MeetingKind.GENERAL])
    assert {Need.TOPICS, Need.RESOLUTIONS} <= set(NEEDS[MeetingKind.COMMITTEE])
    assert {Need.LECTURER, Need.TITLE} <= set(NEEDS[MeetingKind.LESSON])
    assert {Need.HOST, Need.TALKED_WITH} <= set(NEEDS[MeetingKind.TALKS])


def test_a_blank_general_meeting_lacks_topics_speeches_and_resolutions() -> None:
    blank = _record(topics=[], speeches=[], resolutions="")
    assert missing(RecordContent.of(blank)) == [Need.TOPICS, Need.RESOLUTIONS]
    problems = finalise_problems(RecordContent.of(blank))
    assert {p.field for p in problems} == {"topics", "resolutions"}


def test_topics_discussed_need_speech_summaries() -> None:
    quiet = _record(speeches=[Speech(speaker_id=MEMBER, speaker="赵一", summary="  ")])
    assert missing(RecordContent.of(quiet)) == [Need.SPEECHES]


def test_a_lesson_needs_a_lecturer_and_a_title() -> None:
    lesson = _record(MeetingKind.LESSON, topics=[], speeches=[], resolutions="")
    assert missing(RecordContent.of(lesson)) == [Need.LECTURER, Need.TITLE]
    given = replace(lesson, lecturer_name="镇党委组织委员", title="坚定理想信念")
    assert missing(RecordContent.of(given)) == []


def test_talks_need_a_talker_and_someone_talked_with() -> None:
    talks = _record(MeetingKind.TALKS, host_id=None, speeches=[], attendance=[])
    assert missing(RecordContent.of(talks)) == [Need.HOST, Need.TALKED_WITH]


def test_an_appraisal_needs_a_verdict() -> None:
    appraisal = _record(MeetingKind.APPRAISAL)
    assert missing(RecordContent.of(appraisal)) == [Need.APPRAISALS]
    rated = Appraisal(person_id=MEMBER, name="赵一", verdict=AppraisalVerdict.QUALIFIED)
    assert missing(RecordContent.of(replace(appraisal, appraisals=[rated]))) == []


# --- MTG-THIN ------------------------------------------------------------------------------


def test_mtg_thin_passes_a_complete_finalised_record() -> None:
    assert "MTG-THIN" not in _codes(_record())


def test_mtg_thin_reports_a_finalised_record_without_topics() -> None:
    hollow = _record(topics=[], speeches=[], resolutions="")
    findings = [f for f in record_findings(BRANCH, [hollow]) if f.code == "MTG-THIN"]
    assert len(findings) == 1
    assert findings[0].severity is Severity.WARNING
    assert findings[0].subject_id == str(hollow.id)
    assert "议题" in findings[0].message and "决议" in findings[0].message


def test_mtg_thin_reports_no_speech_summary_where_something_was_discussed() -> None:
    assert "MTG-THIN" in _codes(_record(speeches=[]))


def test_mtg_thin_leaves_drafts_to_the_editor() -> None:
    draft = _record(topics=[], status=MeetingStatus.DRAFT, finalised_on=None)
    assert "MTG-THIN" not in _codes(draft)


# --- MTG-CONSISTENCY -----------------------------------------------------------------------


def test_mtg_consistency_passes_a_consistent_record_and_a_guest_speaker() -> None:
    guest = AttendanceRecord(None, "驻村第一书记", False, False, Presence.PRESENT)
    record = _record(
        attendance=[*_record().attendance, guest],
        speeches=[*_record().speeches, Speech(speaker="驻村第一书记", summary="讲了政策。")],
        votes=[Vote(motion="道路硬化", yes=2, no=0, abstain=1)],
    )
    assert record_contradictions(record) == []
    assert "MTG-CONSISTENCY" not in _codes(record)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"host_id": OTHER}, "主持人钱二在出席情况中登记为请假"),
        ({"recorder_id": OTHER}, "记录人钱二在出席情况中登记为请假"),
        (
            {"speeches": [Speech(speaker_id=OTHER, speaker="钱二", summary="发言")]},
            "钱二在出席情况中登记为请假，却记录了发言",
        ),
        (
            {"speeches": [Speech(speaker="孙三", summary="发言")]},
            "孙三既不在出席人员中，也不是列席人员",
        ),
        (
            {"votes": [Vote(motion="道路硬化", yes=3, no=0, abstain=1)]},
            "赞成、反对、弃权共4票，多于到会有表决权的党员3名",
        ),
    ],
)
def test_mtg_consistency_reports_what_contradicts_the_attendance(
    change: dict[str, object], words: str
) -> None:
    record = _record(**change)
    findings = [f for f in record_findings(BRANCH, [record]) if f.code == "MTG-CONSISTENCY"]
    assert len(findings) == 1 and findings[0].severity is Severity.ERROR
    assert words in findings[0].message


def test_mtg_consistency_reports_drafts_too_but_one_finding_per_record() -> None:
    record = _record(
        status=MeetingStatus.DRAFT,
        host_id=OTHER,
        speeches=[Speech(speaker="孙三", summary="发言")],
    )
    findings = [f for f in record_findings(BRANCH, [record]) if f.code == "MTG-CONSISTENCY"]
    assert len(findings) == 1 and "；" in findings[0].message


def test_mtg_consistency_lets_talks_speak_with_whom_the_talk_was() -> None:
    talks = _record(
        MeetingKind.TALKS,
        attendance=[],
        speeches=[Speech(speaker_id=OTHER, speaker="钱二", summary="谈了家庭情况。")],
    )
    assert record_contradictions(talks) == []
