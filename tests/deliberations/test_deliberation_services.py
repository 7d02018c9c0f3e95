"""四议两公开 services: steps in order, bad input refused whole, versions, rounds, checks."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.deliberations import helpers as h
from villagebook.domain.common.errors import InputError
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.deliberations.values import Basis, Category, MatterStatus, StepKind, Verdict
from villagebook.services import registry
from villagebook.services.deliberations import matters as dlb
from villagebook.services.deliberations import read as deliberation_read
from villagebook.storage.db import Database
from villagebook.storage.models.deliberations import DeliberationStep, DeliberationText

D = dt.date


def _fields(exc: pytest.ExceptionInfo[InputError]) -> set[str]:
    return {p.field for p in exc.value.problems}


def test_full_matter_completes_without_findings(db: Database) -> None:
    with db.write() as session:
        m = h.full_matter(session, h.branch(session))
        assert m.status is MatterStatus.COMPLETED
        assert [s.kind for s in dlb.steps_of(session, m.id)] == list(StepKind)
        assert dlb.findings_of(session, m, h.TODAY) == []
        assert dlb.next_step(session, m) is None
        assert m.amount_fen == 38600000


def test_a_step_cannot_be_skipped(db: Database) -> None:
    with db.write() as session:
        m = h.matter(session, h.branch(session))
        dlb.record_step(session, m.id, h.proposal(), today=h.TODAY)
        with pytest.raises(InputError) as info:
            dlb.record_step(session, m.id, h.members(), today=h.TODAY)
        assert "不能跳过步骤" in str(info.value)
        assert "两委" in str(info.value)


def test_representatives_bad_counts_refused_and_nothing_saved(db: Database) -> None:
    with db.write() as session:
        branch_id = h.branch(session)
        m = h.matter(session, branch_id)
        for step in (h.proposal(), h.joint(), h.members()):
            dlb.record_step(session, m.id, step, today=h.TODAY)
        matter_id = m.id
    bad = h.villagers(expected=45, present=50, yes=40)
    bad.no, bad.abstain = 8, 5  # 53 votes from 50 present
    with pytest.raises(InputError) as info, db.write() as session:
        dlb.record_step(session, matter_id, bad, today=h.TODAY)
    assert {"present", "yes"} <= _fields(info)
    messages = " ".join(p.text() for p in info.value.problems)
    assert "实到人数" in messages and "多于应到" in messages and "多于实到" in messages
    with db.read() as session:
        assert len(dlb.steps_of(session, matter_id)) == 3


def test_publication_dated_before_the_resolution_is_refused(db: Database) -> None:
    with db.write() as session:
        m = h.matter(session, h.branch(session))
        for step in (h.proposal(), h.joint(), h.members(), h.villagers()):
            dlb.record_step(session, m.id, step, today=h.TODAY)
        with pytest.raises(InputError) as info:
            dlb.record_step(session, m.id, h.publication(start=D(2026, 5, 19)), today=h.TODAY)
        assert "posted_from" in _fields(info)
        assert "决议日期" in str(info.value)
        bad = h.publication(until=D(2026, 5, 20))
        bad.channels = ()
        with pytest.raises(InputError) as info:
            dlb.record_step(session, m.id, bad, today=h.TODAY)
        assert {"channels", "posted_until"} <= _fields(info)


def test_meeting_fields_required_and_dates_in_order(db: Database) -> None:
    with db.write() as session:
        m = h.matter(session, h.branch(session))
        dlb.record_step(session, m.id, h.proposal(), today=h.TODAY)
        empty = dlb.StepInput(StepKind.JOINT_MEETING)
        with pytest.raises(InputError) as info:
            dlb.record_step(session, m.id, empty, today=h.TODAY)
        assert {"held_on", "place"} <= _fields(info)
        with pytest.raises(InputError) as info:
            dlb.record_step(session, m.id, h.joint(D(2026, 5, 1)), today=h.TODAY)
        assert "不能早于上一步" in str(info.value)
        with pytest.raises(InputError):
            dlb.record_step(session, m.id, h.joint(D(2026, 12, 1)), today=h.TODAY)


def test_assembly_needs_a_notice_date(db: Database) -> None:
    with db.write() as session:
        m = h.matter(session, h.branch(session))
        for step in (h.proposal(), h.joint(), h.members()):
            dlb.record_step(session, m.id, step, today=h.TODAY)
        assembly = h.villagers(basis=Basis.ADULT_VILLAGERS, expected=820, present=460, yes=400)
        with pytest.raises(InputError) as info:
            dlb.record_step(session, m.id, assembly, today=h.TODAY)
        assert _fields(info) == {"notice_on"}
        assembly.notice_on = D(2026, 5, 8)
        dlb.record_step(session, m.id, assembly, today=h.TODAY)
        assert m.status is MatterStatus.DECIDED


def test_one_shoulder_records_proposal_and_joint_meeting_together(db: Database) -> None:
    with db.write() as session:
        m = h.matter(session, h.branch(session, one_shoulder=True))
        assert m.workflow == "one_shoulder"
        rows = dlb.record_step(session, m.id, h.proposal(with_joint_meeting=True), today=h.TODAY)
        assert [r.kind for r in rows] == [StepKind.PROPOSAL, StepKind.JOINT_MEETING]
        assert rows[1].held_with_previous and rows[0].text_id == rows[1].text_id
        next_step = dlb.next_step(session, m)
        assert next_step is not None and next_step.kind is StepKind.MEMBER_MEETING
        assert dlb.findings_of(session, m, h.TODAY) == []


def test_standard_workflow_refuses_the_joint_entry(db: Database) -> None:
    with db.write() as session:
        m = h.matter(session, h.branch(session))
        with pytest.raises(InputError) as info:
            dlb.record_step(session, m.id, h.proposal(with_joint_meeting=True), today=h.TODAY)
        assert "一肩挑" in str(info.value)


def test_text_versions_freeze_at_each_step(db: Database) -> None:
    with db.write() as session:
        m = h.matter(session, h.branch(session))
        dlb.edit_text(session, m.id, "草稿修改：硬化3.5公里。")  # draft: edited in place
        assert len(dlb.texts_of(session, m.id)) == 1
        dlb.record_step(session, m.id, h.proposal(), today=h.TODAY)
        dlb.edit_text(session, m.id, "两委商议后：硬化3.2公里，宽4.5米。")
        dlb.record_step(session, m.id, h.joint(), today=h.TODAY)
        texts = dlb.texts_of(session, m.id)
        assert [(t.version, t.frozen_by) for t in texts] == [
            (1, StepKind.PROPOSAL),
            (2, StepKind.JOINT_MEETING),
        ]
        assert texts[0].body == "草稿修改：硬化3.5公里。"
        steps = dlb.steps_of(session, m.id)
        assert [s.text_id for s in steps] == [texts[0].id, texts[1].id]
        # The member meeting decides the same text: no new version.
        dlb.record_step(session, m.id, h.members(), today=h.TODAY)
        assert len(dlb.texts_of(session, m.id)) == 2


def test_failed_vote_rejects_and_a_new_round_keeps_the_history(db: Database) -> None:
    with db.write() as session:
        m = h.matter(session, h.branch(session), Category.ASSET_LEASE)
        dlb.record_step(session, m.id, h.proposal(), today=h.TODAY)
        dlb.record_step(session, m.id, h.joint(), today=h.TODAY)
        rows = dlb.record_step(session, m.id, h.members(present=20, yes=10), today=h.TODAY)
        assert rows[0].verdict is Verdict.REJECTED
        assert m.status is MatterStatus.REJECTED and "未通过" in m.status_reason
        assert dlb.next_step(session, m) is None
        assert dlb.findings_of(session, m, h.TODAY) == []
        second = dlb.repropose(session, m.id, text="修改后：租期由20年改为10年。")
        assert (second.round_no, second.previous_id) == (2, m.id)
        assert dlb.current_text(session, second.id).body == "修改后：租期由20年改为10年。"  # type: ignore[union-attr]
        assert [r.id for r in dlb.rounds_of(session, m)] == [m.id, second.id]
        assert [r.id for r in dlb.rounds_of(session, second)] == [m.id, second.id]
        with pytest.raises(InputError):
            dlb.repropose(session, m.id)
        with pytest.raises(InputError):
            dlb.repropose(session, second.id)  # not rejected


def test_no_quorum_rejects(db: Database) -> None:
    with db.write() as session:
        m = h.matter(session, h.branch(session))
        for step in (h.proposal(), h.joint(), h.members()):
            dlb.record_step(session, m.id, step, today=h.TODAY)
        rows = dlb.record_step(session, m.id, h.villagers(present=25, yes=25), today=h.TODAY)
        assert rows[0].verdict is Verdict.NO_QUORUM
        assert m.status is MatterStatus.REJECTED


def test_two_thirds_member_quorum_when_recording(db: Database) -> None:
    two_thirds = RuleSet().replace({"DLB-MEMBER-QUORUM.present_fraction": 2 / 3})
    with db.write() as session:
        m = h.matter(session, h.branch(session))
        dlb.record_step(session, m.id, h.proposal(), today=h.TODAY)
        dlb.record_step(session, m.id, h.joint(), today=h.TODAY)
        rows = dlb.record_step(
            session,
            m.id,
            h.members(expected=30, present=18, yes=17),
            today=h.TODAY,
            rules=two_thirds,
        )
        assert rows[0].verdict is Verdict.NO_QUORUM


def test_withdraw_and_reject_need_a_reason(db: Database) -> None:
    with db.write() as session:
        m = h.matter(session, h.branch(session))
        dlb.record_step(session, m.id, h.proposal(), today=h.TODAY)
        with pytest.raises(InputError) as info:
            dlb.withdraw(session, m.id, " ", D(2026, 5, 1), today=h.TODAY)
        assert {"reason", "day"} <= _fields(info)
        dlb.withdraw(
            session, m.id, "上级项目资金已覆盖，无需村级筹资", D(2026, 5, 9), today=h.TODAY
        )
        assert m.status is MatterStatus.WITHDRAWN
        with pytest.raises(InputError):
            dlb.record_step(session, m.id, h.joint(), today=h.TODAY)
        other = h.matter(session, m.branch_id)
        dlb.reject(session, other.id, "两委会议认为方案不成熟", D(2026, 5, 9), today=h.TODAY)
        assert other.status is MatterStatus.REJECTED


def test_matter_input_problems_all_at_once(db: Database) -> None:
    with db.write() as session:
        branch_id = h.branch(session)
        with pytest.raises(InputError) as info:
            dlb.create_matter(
                session,
                branch_id,
                dlb.MatterInput(title=" ", category=Category.OTHER, amount="abc", text=""),
            )
        assert _fields(info) == {"title", "amount", "text"}
        m = h.matter(session, branch_id)
        dlb.update_matter(
            session, m.id, dlb.MatterInput("村组道路硬化（二期）", Category.PUBLIC_WELFARE, "1")
        )
        dlb.record_step(session, m.id, h.proposal(), today=h.TODAY)
        with pytest.raises(InputError):
            dlb.update_matter(session, m.id, dlb.MatterInput("改名", Category.OTHER))


def test_end_publication_later(db: Database) -> None:
    with db.write() as session:
        m = h.matter(session, h.branch(session))
        for step in (h.proposal(), h.joint(), h.members(), h.villagers()):
            dlb.record_step(session, m.id, step, today=h.TODAY)
        (row,) = dlb.record_step(session, m.id, h.publication(until=None), today=h.TODAY)
        with pytest.raises(InputError):
            dlb.end_publication(session, row.id, D(2026, 5, 20), today=h.TODAY)
        dlb.end_publication(session, row.id, D(2026, 5, 31), today=h.TODAY)
        assert row.posted_until == D(2026, 5, 31)
        with pytest.raises(InputError):
            dlb.end_publication(session, row.id, D(2026, 6, 30), today=h.TODAY)


def test_check_reports_open_result(db: Database) -> None:
    with db.write() as session:
        h.full_matter(session, h.branch(session), result=False)
    with db.read() as session:
        findings = registry.run_checks(session, as_of=h.TODAY)
    dlb_findings = [f for f in findings if f.code.startswith("DLB")]
    assert [f.code for f in dlb_findings] == ["DLB-RESULT"]
    assert "实施结果尚未公开" in dlb_findings[0].message


def test_photo_of_the_posting(db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    photo = tmp_path / "board.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    with db.write() as session:
        m = h.full_matter(session, h.branch(session))
        step = dlb.steps_of(session, m.id)[4]
        attachment = dlb.attach_photo(session, db.data_dir, step.id, photo)
        assert attachment.owner_type == "deliberation_step"
        assert [a.id for a in dlb.photos_of(session, step.id)] == [attachment.id]


def test_rows_for_the_list(db: Database) -> None:
    with db.write() as session:
        branch_id = h.branch(session)
        h.full_matter(session, branch_id, result=False)
        rows = dlb.matter_rows(session, branch_id, h.TODAY)
        assert len(rows) == 1
        assert rows[0].next_step is StepKind.RESULT_PUBLICITY
        assert rows[0].codes == ("DLB-RESULT",)
        assert session.exec(select(DeliberationStep)).all()
        assert session.exec(select(DeliberationText)).all()


def test_linked_general_meeting_counts_win(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    import uuid

    from villagebook.domain.meetings.values import MeetingKind, MeetingSummary, Vote

    meeting_id = uuid.uuid4()
    summary = MeetingSummary(
        id=meeting_id,
        branch_id=uuid.uuid4(),
        kind=MeetingKind.GENERAL,
        held_on=D(2026, 5, 13),
        title="支部党员大会",
        finalised=True,
        expected_voting=30,
        present_voting=16,
        expected_members=33,
        present_members=18,
        votes=(Vote(motion="道路硬化", yes=15, no=1, abstain=0, secret_ballot=False),),
    )
    monkeypatch.setattr(
        deliberation_read, "meeting_summary", lambda _s, mid: summary if mid == meeting_id else None
    )
    with db.write() as session:
        m = h.matter(session, h.branch(session))
        dlb.record_step(session, m.id, h.proposal(), today=h.TODAY)
        dlb.record_step(session, m.id, h.joint(), today=h.TODAY)
        typed = h.members(expected=26, present=22, yes=20)
        typed.meeting_id = meeting_id
        (row,) = dlb.record_step(session, m.id, typed, today=h.TODAY)
        # The meeting record's date and counts won: 15 yes of 30 expected is not a majority.
        assert (row.held_on, row.expected, row.present, row.yes) == (D(2026, 5, 13), 30, 16, 15)
        assert row.verdict is Verdict.REJECTED
        counts = dlb.step_counts(session, row)
        assert counts is not None and counts.expected == 30


def test_meeting_link_unavailable_keeps_typed_counts(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uuid

    def missing(_session: object, _id: object) -> None:
        raise ImportError("meetings not installed")

    monkeypatch.setattr(deliberation_read, "meeting_summary", missing)
    with db.write() as session:
        m = h.matter(session, h.branch(session))
        dlb.record_step(session, m.id, h.proposal(), today=h.TODAY)
        dlb.record_step(session, m.id, h.joint(), today=h.TODAY)
        typed = h.members()
        typed.meeting_id = uuid.uuid4()
        (row,) = dlb.record_step(session, m.id, typed, today=h.TODAY)
        assert (row.expected, row.present, row.yes, row.verdict) == (26, 22, 20, Verdict.PASSED)
