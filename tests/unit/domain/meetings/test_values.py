"""The values of a meeting record: the vote and quorum rules, the JSON parts declared once."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from pydantic import ValidationError

from villagebook.domain.common import i18n
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
    display_title,
    motion_passes,
    quorum_met,
)


def test_mtg_quorum_rules() -> None:
    assert quorum_met(10, 5) and not quorum_met(10, 4)
    assert not quorum_met(0, 0)
    assert motion_passes(Vote(motion="m", yes=6), 10) and not motion_passes(
        Vote(motion="m", yes=5), 10
    )
    assert motion_passes(Vote(motion="m", yes=5, written_yes=1), 10)


def test_the_parts_dump_to_the_stored_json_keys_in_their_stored_order() -> None:
    person = uuid.uuid4()
    assert Speech(speaker="王书记", summary="说明").model_dump(mode="json") == {
        "speaker_id": None,
        "speaker": "王书记",
        "summary": "说明",
    }
    vote = Vote(motion="决议", yes=5, secret_ballot=True).model_dump(mode="json")
    assert list(vote) == ["motion", "yes", "no", "abstain", "written_yes", "secret_ballot"]
    appraisal = Appraisal(person_id=person, name="赵一", verdict=AppraisalVerdict.EXCELLENT)
    assert appraisal.model_dump(mode="json") == {
        "person_id": str(person),
        "name": "赵一",
        "self_review": "",
        "peer_review": "",
        "rating": "",
        "verdict": "excellent",
    }


def test_stored_json_reads_back_typed_and_unknown_keys_are_refused() -> None:
    stored = {"motion": "决议", "yes": 3, "no": 0, "abstain": 1}  # older files: no written_yes
    vote = Vote.model_validate(stored)
    assert (vote.yes, vote.written_yes, vote.secret_ballot, vote.ballots) == (3, 0, False, 4)
    with pytest.raises(ValidationError):
        Vote.model_validate({**stored, "yes_votes": 3})
    with pytest.raises(ValidationError):
        Appraisal.model_validate({"name": "赵一", "verdict": "great"})


def _record(**kw: object) -> MeetingRecord:
    values: dict[str, object] = dict(
        id=uuid.uuid4(),
        branch_id=uuid.uuid4(),
        kind=MeetingKind.GENERAL,
        held_on=dt.date(2026, 10, 15),
        start_time=None,
        end_time=None,
        place="",
        place_type="",
        group_id=None,
        title="",
        host_id=None,
        recorder_id=None,
        lecturer_id=None,
        lecturer_name="",
        topics=[],
        speeches=[],
        resolutions="",
        votes=[],
        appraisals=[],
        note="",
        status=MeetingStatus.DRAFT,
        finalised_on=None,
        finalised_by="",
    )
    values.update(kw)
    return MeetingRecord(**values)  # type: ignore[arg-type]


def test_a_record_reads_as_the_editor_input_it_came_from() -> None:
    person = uuid.uuid4()
    record = _record(
        topics=["议题"],
        attendance=[
            AttendanceRecord(person, "赵一", True, True, Presence.LEAVE, "外出"),
            AttendanceRecord(None, "驻村第一书记", False, False, Presence.PRESENT),
        ],
    )
    data = record.to_input()
    assert data.topics == ["议题"] and data.topics is not record.topics
    assert [(a.person_id, a.presence, a.expected) for a in data.attendance or []] == [
        (person, Presence.LEAVE, True),
        (None, Presence.PRESENT, False),
    ]
    assert record.present_count == 0 and len(record.expected) == 1


def test_display_title_and_labels_follow_the_language() -> None:
    assert display_title(MeetingKind.LESSON, "党课题目", ["议题"]) == "党课题目"
    assert display_title(MeetingKind.LESSON, "", ["一", "二"]) == "一；二"
    assert display_title(MeetingKind.LESSON, "", []) == "党课"
    i18n.install("en", lambda m: {"党课": "Party lesson"}.get(m, m))
    try:
        assert MeetingKind.LESSON.label == "Party lesson"
        assert display_title(MeetingKind.LESSON, "", []) == "Party lesson"
    finally:
        i18n.install("zh_CN", None)
