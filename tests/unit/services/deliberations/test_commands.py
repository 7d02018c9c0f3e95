"""四议两公开 commands: steps in order, bad input refused whole, versions, rounds, photos."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.services.deliberations import helpers as h
from villagebook.domain.common.errors import InputError
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.deliberations.values import (
    Basis,
    Category,
    DeliberationInput,
    DeliberationStatus,
    DeliberationStepInput,
    DeliberationVerdict,
    StepKind,
)
from villagebook.services.deliberations import _meetings, commands, queries
from villagebook.storage.db import Database

D = dt.date


def _fields(exc: pytest.ExceptionInfo[InputError]) -> set[str]:
    return {p.field for p in exc.value.problems}


def test_full_deliberation_completes_without_findings(db: Database) -> None:
    with db.write() as session:
        m = h.full_deliberation(session, h.branch(session))
        assert m.status is DeliberationStatus.COMPLETED
        assert [s.kind for s in queries.steps_of(session, m.id)] == list(StepKind)
        assert h.besides_link(queries.findings_of(session, m, h.TODAY)) == []
        assert queries.next_step(session, m) is None
        assert m.amount_fen == 38600000


def test_a_step_cannot_be_skipped(db: Database) -> None:
    with db.write() as session:
        m = h.deliberation(session, h.branch(session))
        commands.record_deliberation_step(session, m.id, h.proposal(), today=h.TODAY)
        with pytest.raises(InputError) as info:
            commands.record_deliberation_step(session, m.id, h.members(), today=h.TODAY)
        assert "不能跳过步骤" in str(info.value)
        assert "两委" in str(info.value)


def test_representatives_bad_counts_refused_and_nothing_saved(db: Database) -> None:
    with db.write() as session:
        branch_id = h.branch(session)
        m = h.deliberation(session, branch_id)
        for step in (h.proposal(), h.joint(), h.members()):
            commands.record_deliberation_step(session, m.id, step, today=h.TODAY)
        deliberation_id = m.id
    bad = h.villagers(expected=45, present=50, yes=40)
    bad.no, bad.abstain = 8, 5  # 53 votes from 50 present
    with pytest.raises(InputError) as info, db.write() as session:
        commands.record_deliberation_step(session, deliberation_id, bad, today=h.TODAY)
    assert {"present", "yes"} <= _fields(info)
    messages = " ".join(p.text() for p in info.value.problems)
    assert "实到人数" in messages and "多于应到" in messages and "多于实到" in messages
    with db.read() as session:
        assert len(queries.steps_of(session, deliberation_id)) == 3


def test_publication_dated_before_the_resolution_is_refused(db: Database) -> None:
    with db.write() as session:
        m = h.deliberation(session, h.branch(session))
        for step in (h.proposal(), h.joint(), h.members(), h.villagers()):
            commands.record_deliberation_step(session, m.id, step, today=h.TODAY)
        with pytest.raises(InputError) as info:
            commands.record_deliberation_step(
                session, m.id, h.publication(start=D(2026, 5, 19)), today=h.TODAY
            )
        assert "posted_from" in _fields(info)
        assert "决议日期" in str(info.value)
        bad = h.publication(until=D(2026, 5, 20))
        bad.channels = ()
        with pytest.raises(InputError) as info:
            commands.record_deliberation_step(session, m.id, bad, today=h.TODAY)
        assert {"channels", "posted_until"} <= _fields(info)


def test_meeting_fields_required_and_dates_in_order(db: Database) -> None:
    with db.write() as session:
        m = h.deliberation(session, h.branch(session))
        commands.record_deliberation_step(session, m.id, h.proposal(), today=h.TODAY)
        empty = DeliberationStepInput(StepKind.JOINT_MEETING)
        with pytest.raises(InputError) as info:
            commands.record_deliberation_step(session, m.id, empty, today=h.TODAY)
        assert {"held_on", "place"} <= _fields(info)
        with pytest.raises(InputError) as info:
            commands.record_deliberation_step(session, m.id, h.joint(D(2026, 5, 1)), today=h.TODAY)
        assert "不能早于上一步" in str(info.value)
        with pytest.raises(InputError):
            commands.record_deliberation_step(session, m.id, h.joint(D(2026, 12, 1)), today=h.TODAY)


def test_assembly_needs_a_notice_date(db: Database) -> None:
    with db.write() as session:
        m = h.deliberation(session, h.branch(session))
        for step in (h.proposal(), h.joint(), h.members()):
            commands.record_deliberation_step(session, m.id, step, today=h.TODAY)
        assembly = h.villagers(basis=Basis.ADULT_VILLAGERS, expected=820, present=460, yes=400)
        with pytest.raises(InputError) as info:
            commands.record_deliberation_step(session, m.id, assembly, today=h.TODAY)
        assert _fields(info) == {"notice_on"}
        assembly.notice_on = D(2026, 5, 8)
        commands.record_deliberation_step(session, m.id, assembly, today=h.TODAY)
        assert m.status is DeliberationStatus.DECIDED


def test_one_shoulder_records_proposal_and_joint_meeting_together(db: Database) -> None:
    with db.write() as session:
        m = h.deliberation(session, h.branch(session, one_shoulder=True))
        assert m.workflow == "one_shoulder"
        rows = commands.record_deliberation_step(
            session, m.id, h.proposal(with_joint_meeting=True), today=h.TODAY
        )
        assert [r.kind for r in rows] == [StepKind.PROPOSAL, StepKind.JOINT_MEETING]
        assert rows[1].held_with_previous and rows[0].text_id == rows[1].text_id
        next_step = queries.next_step(session, m)
        assert next_step is not None and next_step.kind is StepKind.MEMBER_MEETING
        assert h.besides_link(queries.findings_of(session, m, h.TODAY)) == []


def test_standard_workflow_refuses_the_joint_entry(db: Database) -> None:
    with db.write() as session:
        m = h.deliberation(session, h.branch(session))
        with pytest.raises(InputError) as info:
            commands.record_deliberation_step(
                session, m.id, h.proposal(with_joint_meeting=True), today=h.TODAY
            )
        assert "一肩挑" in str(info.value)


def test_text_versions_freeze_at_each_step(db: Database) -> None:
    with db.write() as session:
        m = h.deliberation(session, h.branch(session))
        commands.edit_text(session, m.id, "草稿修改：硬化3.5公里。")  # draft: edited in place
        assert len(queries.texts_of(session, m.id)) == 1
        commands.record_deliberation_step(session, m.id, h.proposal(), today=h.TODAY)
        commands.edit_text(session, m.id, "两委商议后：硬化3.2公里，宽4.5米。")
        commands.record_deliberation_step(session, m.id, h.joint(), today=h.TODAY)
        texts = queries.texts_of(session, m.id)
        assert [(t.version, t.frozen_by) for t in texts] == [
            (1, StepKind.PROPOSAL),
            (2, StepKind.JOINT_MEETING),
        ]
        assert texts[0].body == "草稿修改：硬化3.5公里。"
        steps = queries.steps_of(session, m.id)
        assert [s.text_id for s in steps] == [texts[0].id, texts[1].id]
        # The member meeting decides the same text: no new version.
        commands.record_deliberation_step(session, m.id, h.members(), today=h.TODAY)
        assert len(queries.texts_of(session, m.id)) == 2


def test_failed_vote_rejects_and_a_new_round_keeps_the_history(db: Database) -> None:
    with db.write() as session:
        m = h.deliberation(session, h.branch(session), Category.ASSET_LEASE)
        commands.record_deliberation_step(session, m.id, h.proposal(), today=h.TODAY)
        commands.record_deliberation_step(session, m.id, h.joint(), today=h.TODAY)
        rows = commands.record_deliberation_step(
            session, m.id, h.members(present=20, yes=10), today=h.TODAY
        )
        assert rows[0].verdict is DeliberationVerdict.REJECTED
        assert m.status is DeliberationStatus.REJECTED and "未通过" in m.status_reason
        assert queries.next_step(session, m) is None
        assert h.besides_link(queries.findings_of(session, m, h.TODAY)) == []
        second = commands.repropose(session, m.id, text="修改后：租期由20年改为10年。")
        assert (second.round_no, second.previous_id) == (2, m.id)
        assert queries.current_text(session, second.id).body == "修改后：租期由20年改为10年。"  # type: ignore[union-attr]
        assert [r.id for r in queries.rounds_of(session, m)] == [m.id, second.id]
        assert [r.id for r in queries.rounds_of(session, second)] == [m.id, second.id]
        with pytest.raises(InputError):
            commands.repropose(session, m.id)
        with pytest.raises(InputError):
            commands.repropose(session, second.id)  # not rejected


def test_no_quorum_rejects(db: Database) -> None:
    with db.write() as session:
        m = h.deliberation(session, h.branch(session))
        for step in (h.proposal(), h.joint(), h.members()):
            commands.record_deliberation_step(session, m.id, step, today=h.TODAY)
        rows = commands.record_deliberation_step(
            session, m.id, h.villagers(present=25, yes=25), today=h.TODAY
        )
        assert rows[0].verdict is DeliberationVerdict.NO_QUORUM
        assert m.status is DeliberationStatus.REJECTED


def test_two_thirds_member_quorum_when_recording(db: Database) -> None:
    two_thirds = RuleSet().replace({"DLB-MEMBER-QUORUM.present_fraction": 2 / 3})
    with db.write() as session:
        m = h.deliberation(session, h.branch(session))
        commands.record_deliberation_step(session, m.id, h.proposal(), today=h.TODAY)
        commands.record_deliberation_step(session, m.id, h.joint(), today=h.TODAY)
        rows = commands.record_deliberation_step(
            session,
            m.id,
            h.members(expected=30, present=18, yes=17),
            today=h.TODAY,
            rules=two_thirds,
        )
        assert rows[0].verdict is DeliberationVerdict.NO_QUORUM


def test_withdraw_and_reject_need_a_reason(db: Database) -> None:
    with db.write() as session:
        m = h.deliberation(session, h.branch(session))
        commands.record_deliberation_step(session, m.id, h.proposal(), today=h.TODAY)
        with pytest.raises(InputError) as info:
            commands.withdraw(session, m.id, " ", D(2026, 5, 1), today=h.TODAY)
        assert {"reason", "day"} <= _fields(info)
        commands.withdraw(
            session, m.id, "上级项目资金已覆盖，无需村级筹资", D(2026, 5, 9), today=h.TODAY
        )
        assert m.status is DeliberationStatus.WITHDRAWN
        with pytest.raises(InputError):
            commands.record_deliberation_step(session, m.id, h.joint(), today=h.TODAY)
        other = h.deliberation(session, m.branch_id)
        commands.reject(session, other.id, "两委会议认为方案不成熟", D(2026, 5, 9), today=h.TODAY)
        assert other.status is DeliberationStatus.REJECTED


def test_deliberation_input_problems_all_at_once(db: Database) -> None:
    with db.write() as session:
        branch_id = h.branch(session)
        with pytest.raises(InputError) as info:
            commands.create_deliberation(
                session,
                branch_id,
                DeliberationInput(title=" ", category=Category.OTHER, amount="abc", text=""),
            )
        assert _fields(info) == {"title", "amount", "text"}
        m = h.deliberation(session, branch_id)
        commands.update_deliberation(
            session, m.id, DeliberationInput("村组道路硬化（二期）", Category.PUBLIC_WELFARE, "1")
        )
        commands.record_deliberation_step(session, m.id, h.proposal(), today=h.TODAY)
        with pytest.raises(InputError):
            commands.update_deliberation(session, m.id, DeliberationInput("改名", Category.OTHER))


def test_end_publication_later(db: Database) -> None:
    with db.write() as session:
        m = h.deliberation(session, h.branch(session))
        for step in (h.proposal(), h.joint(), h.members(), h.villagers()):
            commands.record_deliberation_step(session, m.id, step, today=h.TODAY)
        (row,) = commands.record_deliberation_step(
            session, m.id, h.publication(until=None), today=h.TODAY
        )
        with pytest.raises(InputError):
            commands.end_publication(session, row.id, D(2026, 5, 20), today=h.TODAY)
        commands.end_publication(session, row.id, D(2026, 5, 31), today=h.TODAY)
        assert row.posted_until == D(2026, 5, 31)
        with pytest.raises(InputError):
            commands.end_publication(session, row.id, D(2026, 6, 30), today=h.TODAY)


def test_photo_of_the_posting(db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    photo = tmp_path / "board.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    with db.write() as session:
        m = h.full_deliberation(session, h.branch(session))
        step = queries.steps_of(session, m.id)[4]
        attachment = commands.attach_photo(session, db.data_dir, step.id, photo)
        assert attachment.owner_type == "deliberation_step"
        assert [a.id for a in queries.photos_of(session, step.id)] == [attachment.id]


def test_linked_general_meeting_counts_win(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    import uuid
    from types import SimpleNamespace

    meeting_id = uuid.uuid4()
    # What the meetings capability's summary of a general meeting record holds.
    summary = SimpleNamespace(
        id=meeting_id,
        branch_id=uuid.uuid4(),
        kind="general",
        held_on=D(2026, 5, 13),
        title="支部党员大会",
        finalised=True,
        expected_voting=30,
        present_voting=16,
        expected_members=33,
        present_members=18,
        votes=(SimpleNamespace(motion="道路硬化", yes=15, no=1, abstain=0, written_yes=0),),
    )
    monkeypatch.setattr(
        _meetings.meeting_queries,
        "meeting_summary",
        lambda _s, mid: summary if mid == meeting_id else None,
    )
    with db.write() as session:
        m = h.deliberation(session, h.branch(session))
        commands.record_deliberation_step(session, m.id, h.proposal(), today=h.TODAY)
        commands.record_deliberation_step(session, m.id, h.joint(), today=h.TODAY)
        typed = h.members(expected=26, present=22, yes=20)
        typed.meeting_id = meeting_id
        (row,) = commands.record_deliberation_step(session, m.id, typed, today=h.TODAY)
        # The meeting record's date and counts won: 15 yes of 30 expected is not a majority.
        assert (row.held_on, row.expected, row.present, row.yes) == (D(2026, 5, 13), 30, 16, 15)
        assert row.verdict is DeliberationVerdict.REJECTED
        counts = queries.step_record(session, row).effective_counts
        assert counts is not None and counts.expected == 30


def test_meeting_link_unavailable_keeps_typed_counts(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uuid

    def missing(_session: object, _id: object) -> None:
        raise ImportError("meetings not installed")

    monkeypatch.setattr(_meetings.meeting_queries, "meeting_summary", missing)
    with db.write() as session:
        m = h.deliberation(session, h.branch(session))
        commands.record_deliberation_step(session, m.id, h.proposal(), today=h.TODAY)
        commands.record_deliberation_step(session, m.id, h.joint(), today=h.TODAY)
        typed = h.members()
        typed.meeting_id = uuid.uuid4()
        (row,) = commands.record_deliberation_step(session, m.id, typed, today=h.TODAY)
        assert (row.expected, row.present, row.yes, row.verdict) == (
            26,
            22,
            20,
            DeliberationVerdict.PASSED,
        )


def test_a_rejected_rounds_reason_is_stored_in_chinese(db: Database) -> None:
    from villagebook import language

    language.use("en")
    try:
        with db.write() as session:
            m = h.deliberation(session, h.branch(session))
            h.record(session, m.id, h.proposal(), h.joint(), h.members(present=20, yes=10))
            reason = m.status_reason
    finally:
        language.use("zh_CN")
    assert reason == "党员大会审议未通过：赞成10票，未超过应到有表决权党员26名的半数"
