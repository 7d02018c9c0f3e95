"""Pure validation of a meeting record: facts in, the normalised record and problems out.

No database: the roster on the meeting date is a list of RosterEntry values.
"""

from __future__ import annotations

import datetime as dt
import uuid

from villagebook.domain.common.errors import Problem
from villagebook.domain.meetings.periods import (
    PlanItemInput,
)
from villagebook.domain.meetings.validation import (
    MeetingFacts,
    clean_meeting,
    expected_attendance,
    expected_entries,
    finalise_problem,
    plan_problems,
    vote_problems,
)
from villagebook.domain.meetings.values import (
    Appraisal,
    AttendanceInput,
    MeetingInput,
    MeetingKind,
    Presence,
    Speech,
    Vote,
)
from villagebook.domain.roster.values import PartyStatus, RosterEntry

DAY = dt.date(2026, 10, 15)
TODAY = dt.date(2026, 11, 22)
GROUP_ONE, GROUP_TWO = uuid.uuid4(), uuid.uuid4()


def _entry(
    name: str,
    status: PartyStatus = PartyStatus.FULL,
    role: str = "",
    group: uuid.UUID | None = GROUP_ONE,
    disciplined: bool = False,
) -> RosterEntry:
    return RosterEntry(uuid.uuid4(), name, status, group, role, disciplined)


ROSTER = [
    _entry("王书记", role="书记"),
    _entry("张委员", role="组织委员", group=GROUP_TWO),
    _entry("赵一"),
    _entry("钱二", group=GROUP_TWO),
    _entry("吴五", disciplined=True),  # 留党察看: no vote
    _entry("郑预备", PartyStatus.PROBATIONARY, group=GROUP_TWO),
    _entry("冯离开", PartyStatus.TRANSFERRED_OUT),
    _entry("陈群众", PartyStatus.MASSES, group=None),
]
PEOPLE = {e.name: e.person_id for e in ROSTER}
FACTS = MeetingFacts(roster=ROSTER, group_ids=frozenset({GROUP_ONE, GROUP_TWO}), as_of=TODAY)


def _general(**kw: object) -> MeetingInput:
    data = MeetingInput(
        kind=MeetingKind.GENERAL,
        held_on=DAY,
        start_time=dt.time(9, 0),
        end_time=dt.time(11, 0),
        place="村委会议室",
        host_id=PEOPLE["王书记"],
        recorder_id=PEOPLE["张委员"],
        topics=["传达学习上级精神"],
    )
    for key, value in kw.items():
        setattr(data, key, value)
    return data


def _fields(problems: list[Problem]) -> set[str]:
    return {p.field for p in problems}


def test_who_is_expected_depends_on_the_kind() -> None:
    members = {"王书记", "张委员", "赵一", "钱二", "吴五", "郑预备"}
    assert {e.name for e in expected_entries(ROSTER, MeetingKind.GENERAL, None)} == members
    assert {e.name for e in expected_entries(ROSTER, MeetingKind.COMMITTEE, None)} == {
        "王书记",
        "张委员",
    }
    group = expected_entries(ROSTER, MeetingKind.GROUP, GROUP_TWO)
    assert {e.name for e in group} == {"张委员", "钱二", "郑预备"}
    assert expected_entries(ROSTER, MeetingKind.GROUP, None) == []
    rows = expected_attendance(ROSTER, MeetingKind.GENERAL)
    assert all(r.presence is Presence.PRESENT and r.expected for r in rows)


def test_a_good_record_is_normalised_with_its_attendance_lines() -> None:
    data = _general(
        place=" 村委 会议室 ",
        topics=["传达学习上级精神", "  "],
        speeches=[Speech(speaker_id=PEOPLE["赵一"], speaker="小赵", summary=" 同意 ")],
        attendance=[
            AttendanceInput(PEOPLE["王书记"], "王书记"),
            AttendanceInput(PEOPLE["吴五"], "吴五", Presence.LEAVE, "外出务工"),
            AttendanceInput(PEOPLE["郑预备"], "郑预备"),
            AttendanceInput(PEOPLE["赵一"], "赵一"),
            AttendanceInput(None, "驻村第一书记", Presence.ABSENT, expected=False),
        ],
    )
    cleaned, problems = clean_meeting(data, FACTS)
    assert problems == []
    # prose is kept as typed (inner spaces too), only the ends are trimmed
    assert cleaned.data.place == "村委 会议室" and cleaned.data.topics == ["传达学习上级精神"]
    assert cleaned.data.speeches == [
        Speech(speaker_id=PEOPLE["赵一"], speaker="赵一", summary="同意")
    ]
    assert cleaned.data.attendance is None
    lines = {line.name: line for line in cleaned.attendance}
    assert lines["王书记"].voting and not lines["吴五"].voting and not lines["郑预备"].voting
    assert lines["驻村第一书记"].presence is Presence.PRESENT  # 列席: present by definition


def test_attendance_defaults_to_every_member_present() -> None:
    cleaned, problems = clean_meeting(_general(), FACTS)
    assert problems == [] and len(cleaned.attendance) == 6
    assert sum(1 for a in cleaned.attendance if a.voting) == 4


def test_bad_input_names_every_field() -> None:
    data = _general(
        held_on=TODAY + dt.timedelta(days=1),
        start_time=dt.time(10, 0),
        end_time=dt.time(9, 0),
        host_id=PEOPLE["陈群众"],
    )
    _cleaned, problems = clean_meeting(data, FACTS)
    assert {"held_on", "end_time", "host_id"} <= _fields(problems)
    assert any("不能晚于今天" in p.message for p in problems)


def test_someone_no_longer_a_member_cannot_be_expected() -> None:
    data = _general(attendance=[AttendanceInput(PEOPLE["冯离开"], "冯离开")])
    _cleaned, problems = clean_meeting(data, FACTS)
    assert _fields(problems) == {"attendance[0].person_id"}
    assert "已转出" in problems[0].message


def test_duplicates_leave_without_reason_and_a_nameless_guest() -> None:
    data = _general(
        attendance=[
            AttendanceInput(PEOPLE["赵一"], "赵一", Presence.LEAVE),
            AttendanceInput(PEOPLE["赵一"], "赵一"),
            AttendanceInput(None, " ", expected=False),
        ]
    )
    _cleaned, problems = clean_meeting(data, FACTS)
    assert _fields(problems) == {
        "attendance[0].reason",
        "attendance[1].person_id",
        "attendance[2].name",
    }


def test_votes_are_counted_against_the_voting_members_present() -> None:
    data = _general(votes=[Vote(motion="通过决议", yes=3, no=1, abstain=1)])
    _cleaned, problems = clean_meeting(data, FACTS)
    assert _fields(problems) == {"votes[0].yes"}
    assert "多于到会有表决权的党员4名" in problems[0].message
    data = _general(votes=[Vote(motion=" ", yes=2)])
    _cleaned, problems = clean_meeting(data, FACTS)
    assert _fields(problems) == {"votes[0].motion"}


def test_group_meeting_needs_a_group_of_the_branch_and_lesson_a_lecturer() -> None:
    _c, problems = clean_meeting(_general(kind=MeetingKind.GROUP, group_id=uuid.uuid4()), FACTS)
    assert _fields(problems) == {"group_id"}
    _c, problems = clean_meeting(_general(kind=MeetingKind.LESSON), FACTS)
    assert _fields(problems) == {"lecturer_name", "title"}
    lesson = _general(kind=MeetingKind.LESSON, title="党课", lecturer_id=PEOPLE["赵一"])
    cleaned, problems = clean_meeting(lesson, FACTS)
    assert problems == [] and cleaned.data.lecturer_name == "赵一"


def test_texts_have_limits_and_a_speech_needs_a_speaker() -> None:
    data = _general(
        place="地" * 101,
        title="题" * 201,
        topics=["议" * 201],
        speeches=[Speech(speaker="", summary="说了什么")],
    )
    _cleaned, problems = clean_meeting(data, FACTS)
    assert _fields(problems) == {"place", "title", "topics[0]", "speeches[0].speaker"}


def test_appraisals_are_trimmed() -> None:
    data = _general(
        kind=MeetingKind.APPRAISAL,
        appraisals=[Appraisal(person_id=PEOPLE["赵一"], name=" 赵一 ", self_review=" 好 ")],
    )
    cleaned, problems = clean_meeting(data, FACTS)
    assert problems == []
    assert (cleaned.data.appraisals[0].name, cleaned.data.appraisals[0].self_review) == (
        "赵一",
        "好",
    )


def test_vote_problems() -> None:
    assert vote_problems(Vote(motion="m", yes=4, no=1, abstain=1), 5, 2)
    assert vote_problems(Vote(motion="m", yes=4, no=1, written_yes=3), 5, 2)
    assert vote_problems(Vote(motion="m", yes=4, no=1, written_yes=2), 5, 2) == []
    assert vote_problems(Vote(motion="m", yes=-1), 5, 2) == ["票数不能为负数"]


def test_finalising_needs_a_host_and_a_date_between_the_meeting_and_today() -> None:
    host = PEOPLE["王书记"]
    assert finalise_problem(DAY, host, DAY, TODAY) is None
    early = finalise_problem(DAY, host, DAY - dt.timedelta(days=1), TODAY)
    assert early is not None and early.field == "finalised_on"
    late = finalise_problem(DAY, host, TODAY + dt.timedelta(days=1), TODAY)
    assert late is not None and late.message == "不能晚于今天"
    nobody = finalise_problem(DAY, None, DAY, TODAY)
    assert nobody is not None and nobody.field == "host_id"


def test_plan_items_lie_in_the_quarter_and_group_meetings_name_a_group() -> None:
    groups = frozenset({GROUP_ONE})
    good = [
        PlanItemInput(MeetingKind.GENERAL, dt.date(2026, 10, 10)),
        PlanItemInput(MeetingKind.GROUP, dt.date(2026, 11, 1), group_id=GROUP_ONE),
    ]
    assert plan_problems(2026, 4, good, groups) == []
    bad = [PlanItemInput(MeetingKind.GROUP, dt.date(2027, 1, 2))]
    assert _fields(plan_problems(2026, 4, bad, groups)) == {
        "items[0].planned_on",
        "items[0].group_id",
    }
    assert _fields(plan_problems(2026, 5, good, groups)) == {"quarter"}
