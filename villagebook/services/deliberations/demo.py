"""Demo deliberations of 青山村 for 四议两公开, dated relative to ``today``.

Each Party member meeting (step 3) is a general-meeting record of that day, linked to the
step, except one, deliberately: the 误工补贴 deliberation's member meeting was typed in with
its counts and no meeting record (DLB-MEETING-LINK).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlmodel import Session

from villagebook.domain.deliberations.values import (
    Basis,
    Category,
    Channel,
    DeliberationInput,
    DeliberationStepInput,
    StepKind,
)
from villagebook.services.deliberations import commands, queries
from villagebook.services.deliberations._meetings import MotionMeeting, hold_general_meeting
from villagebook.storage.models import Branch

HALL = "村党群服务中心会议室"
BOARD = (Channel.BOARD, Channel.WECHAT)


@dataclass(frozen=True)
class DemoDeliberation:
    title: str
    category: Category
    amount: str
    proposal: str
    resolution: str
    result: str
    start: int  # days before today of the proposal
    stop_after: StepKind | None  # None: all six steps
    basis: Basis = Basis.REPRESENTATIVES
    #: False: the member meeting was typed in without a meeting record (DLB-MEETING-LINK).
    linked: bool = True


DELIBERATIONS = (
    DemoDeliberation(
        "二组至四组村组道路硬化",
        Category.PUBLIC_WELFARE,
        "386000",
        "村党支部提议：对二组至四组3.2公里村组道路实施硬化，路面宽4.5米、厚20厘米，"
        "申请上级“一事一议”财政奖补资金，不足部分由村集体经济收入解决，不向农户摊派。",
        "经村民代表会议表决通过：实施二组至四组3.2公里村组道路硬化，总投资38.6万元，"
        "其中申请财政奖补30万元，村集体经济收入列支8.6万元；施工单位通过镇公共资源"
        "交易平台比选确定，村务监督委员会全程监督。",
        "二组至四组村组道路硬化工程已完工并经镇、村联合验收合格。实际支出37.256万元"
        "（财政奖补30万元，村集体7.256万元），结余资金留存村集体账户。",
        220,
        None,
    ),
    DemoDeliberation(
        "后山集体土地流转（租赁）",
        Category.ASSET_LEASE,
        "120000",
        "村党支部提议：将后山村集体所有的85亩荒坡地出租给云岭县绿源茶业合作社种植茶叶，"
        "租期10年，公开竞价确定租金。",
        "经村民代表会议表决通过：后山85亩集体荒坡地出租给云岭县绿源茶业合作社，"
        "租期10年，年租金12万元（每三年递增5%），租金纳入村集体经济收入统一管理；"
        "合作社优先吸纳本村村民务工。",
        "",
        140,
        StepKind.RESOLUTION_PUBLICITY,
    ),
    DemoDeliberation(
        "村组干部及协管员误工补贴标准",
        Category.WAGE_SUBSIDY,
        "48000",
        "村党支部提议：明确2026年度享受误工补贴的人员范围（村民小组长8名、护林员2名、"
        "保洁协管员4名）及补贴标准，全年补贴总额不超过4.8万元。",
        "经村民会议表决通过：村民小组长每人每月200元，护林员、保洁协管员每人每月"
        "300元，按季度考核发放，全年总额不超过4.8万元，发放情况按季度公开。",
        "2026年度误工补贴已按季度考核发放完毕，实际发放4.68万元，发放名单及金额已张榜公示。",
        300,
        None,
        Basis.HOUSEHOLDS,
        linked=False,
    ),
    DemoDeliberation(
        "农村人居环境整治：垃圾分类收集点建设",
        Category.PUBLIC_WELFARE,
        "65000",
        "村党支部提议：在全村6个村民小组各建设1处垃圾分类收集点，配备分类垃圾桶，"
        "所需资金从村集体经济收入中列支，村民投工投劳平整场地。",
        "",
        "",
        25,
        StepKind.JOINT_MEETING,
    ),
)


def _texts(title: str, *, passed: bool = True) -> MotionMeeting:
    """The Party member meeting's record: a general meeting deliberating ``title``."""
    motion = f"同意将“{title}”提交村民代表会议或村民会议决议"
    outcome = "表决通过" if passed else "表决未通过，退回重新提议"
    return MotionMeeting(
        topic=f"审议“{title}”（四议两公开）",
        motion=motion,
        place=HALL,
        leave_reason="外出务工",
        explanation=f"介绍“{title}”的提议内容和两委商议意见。",
        support="同意提交村民代表会议，建议实施过程全程公开。"
        if passed
        else "方案涉及每户切身利益，建议先充分征求群众意见再议。",
        resolution=f"经无记名投票，{motion}{outcome}。",
        passed=passed,
    )


def _meeting(kind: StepKind, day: dt.date, **kw: object) -> DeliberationStepInput:
    return DeliberationStepInput(kind, held_on=day, place=HALL, **kw)  # type: ignore[arg-type]


def _villagers(demo: DemoDeliberation, decided: dt.date) -> DeliberationStepInput:
    """The villagers' decision: a households' assembly or a representatives' meeting."""
    if demo.basis is Basis.HOUSEHOLDS:
        return DeliberationStepInput(
            StepKind.VILLAGER_DECISION,
            held_on=decided,
            place="村小学操场",
            basis=Basis.HOUSEHOLDS,
            expected=312,
            present=236,
            yes=221,
            no=9,
            abstain=6,
            notice_on=decided - dt.timedelta(days=12),
            text=demo.resolution,
        )
    return _meeting(
        StepKind.VILLAGER_DECISION,
        decided,
        basis=Basis.REPRESENTATIVES,
        expected=45,
        present=39,
        yes=36,
        no=2,
        abstain=1,
        text=demo.resolution,
    )


def _publications(
    demo: DemoDeliberation, decided: dt.date, today: dt.date
) -> list[DeliberationStepInput]:
    return [
        DeliberationStepInput(
            StepKind.RESOLUTION_PUBLICITY,
            channels=BOARD,
            posted_from=decided + dt.timedelta(days=1),
            posted_until=decided + dt.timedelta(days=10),
        ),
        DeliberationStepInput(
            StepKind.RESULT_PUBLICITY,
            channels=(Channel.BOARD, Channel.WECHAT, Channel.LOUDSPEAKER),
            posted_from=today - dt.timedelta(days=30),
            posted_until=today - dt.timedelta(days=20),
            text=demo.result,
        ),
    ]


def _steps(
    session: Session, branch: Branch, demo: DemoDeliberation, today: dt.date
) -> list[DeliberationStepInput]:
    start = today - dt.timedelta(days=demo.start)
    members_on = start + dt.timedelta(days=6)
    voting = queries.voting_members(session, branch.id, members_on)
    decided = start + dt.timedelta(days=14)
    present = voting - 3
    record = None
    early = (StepKind.PROPOSAL, StepKind.JOINT_MEETING)
    if demo.linked and demo.stop_after not in early and members_on < today:
        record = hold_general_meeting(
            session, branch.id, members_on, _texts(demo.title), as_of=today
        )
    return [
        _meeting(StepKind.PROPOSAL, start),
        _meeting(StepKind.JOINT_MEETING, start + dt.timedelta(days=3)),
        _meeting(
            StepKind.MEMBER_MEETING,
            members_on,
            basis=Basis.VOTING_MEMBERS,
            expected=voting,
            present=present,
            yes=present - 1,
            no=0,
            abstain=1,
            meeting_id=record,
        ),
        _villagers(demo, decided),
        *_publications(demo, decided, today),
    ]


def _reproposed(session: Session, branch: Branch, today: dt.date) -> None:
    """A land contracting plan the Party members voted down, proposed again as round 2."""
    start = today - dt.timedelta(days=80)
    first = commands.create_deliberation(
        session,
        branch.id,
        DeliberationInput(
            "集体林地承包经营方案",
            Category.LAND_CONTRACTING,
            "",
            "村党支部提议：将村集体统一经营的320亩林地按户均分承包，承包期30年。",
        ),
    )
    voting = queries.voting_members(session, branch.id, start + dt.timedelta(days=8))
    present = voting - 4
    yes = voting // 2 - 2
    voted_down = hold_general_meeting(
        session,
        branch.id,
        start + dt.timedelta(days=8),
        _texts("集体林地承包经营方案", passed=False),
        as_of=today,
    )
    for step in (
        _meeting(StepKind.PROPOSAL, start),
        _meeting(StepKind.JOINT_MEETING, start + dt.timedelta(days=3)),
        _meeting(
            StepKind.MEMBER_MEETING,
            start + dt.timedelta(days=8),
            basis=Basis.VOTING_MEMBERS,
            expected=voting,
            present=present,
            yes=yes,
            no=present - yes - 2,
            abstain=2,
            meeting_id=voted_down,
        ),
    ):
        commands.record_deliberation_step(session, first.id, step, today=today)
    second = commands.repropose(
        session,
        first.id,
        text="村党支部重新提议：320亩林地中，200亩按户均分承包，承包期30年；"
        "其余120亩水源涵养林由村集体统一管护，收益按户分红。",
    )
    for step in (
        _meeting(StepKind.PROPOSAL, start + dt.timedelta(days=40)),
        _meeting(StepKind.JOINT_MEETING, start + dt.timedelta(days=44)),
    ):
        commands.record_deliberation_step(session, second.id, step, today=today)


def populate(session: Session, branch: Branch, today: dt.date, rng: random.Random) -> None:
    """Five deliberations: two completed, one awaiting its result publication, two under way
    (one of them re-proposed after the Party members voted it down)."""
    for demo in DELIBERATIONS:
        row = commands.create_deliberation(
            session,
            branch.id,
            DeliberationInput(demo.title, demo.category, demo.amount, demo.proposal),
        )
        for step in _steps(session, branch, demo, today):
            commands.record_deliberation_step(session, row.id, step, today=today)
            if step.kind is demo.stop_after:
                break
    _reproposed(session, branch, today)
