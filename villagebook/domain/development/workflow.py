"""The development workflow as data: stages, steps, status effects, endings, extension.

Like OpenSlides' motion workflows, the path a case follows is a versioned definition,
not if-statements in the window: the board, the step editor, the status sync and the
checks all read :data:`CPC_2014`.  A case stores the id and version it was opened under.
Names of stages and steps are labels kept as data (``N_``), translated where shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from villagebook.domain.common.i18n import N_, _, label
from villagebook.domain.development.values import Ending, Role
from villagebook.domain.roster.values import PartyStatus


@dataclass(frozen=True)
class StatusEffect:
    """Recording the step sets ``status`` in the roster from the date of ``date_of_step``."""

    status: PartyStatus
    date_of_step: int


@dataclass(frozen=True)
class DevelopmentStepDef:
    """One step of a development workflow (e.g. 9: 确定入党介绍人) and what recording it needs."""

    number: int
    stage: int
    name: str
    roles: tuple[Role, ...] = ()
    meeting: bool = False  # a branch general meeting with a secret ballot
    training: bool = False  # days / class hours of concentrated training
    publicity: bool = False  # the public notice (公示) period before this step
    approval_of: int | None = None  # an approval: the meeting step it approves
    documents: tuple[str, ...] = ()
    status: StatusEffect | None = None


@dataclass(frozen=True)
class StageDef:
    number: int
    name: str


@dataclass(frozen=True)
class DevelopmentWorkflow:
    """A versioned development workflow: its stages and steps, in order."""

    id: str
    version: int
    title: str
    stages: tuple[StageDef, ...]
    steps: tuple[DevelopmentStepDef, ...]
    endings: tuple[Ending, ...] = tuple(Ending)
    #: A probation extension may be decided after this step and before ``extension_before``.
    extension_after: int = 17
    extension_before: int = 23
    #: The step from which the probation runs (the admission meeting).
    probation_from: int = 15
    activist_from: int = 3
    target_from: int = 7
    _by_number: dict[int, DevelopmentStepDef] = field(
        default_factory=dict, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        self._by_number.update({s.number: s for s in self.steps})

    @property
    def label(self) -> str:
        return _(
            "{title}（{id} v{version}）", title=label(self.title), id=self.id, version=self.version
        )

    @property
    def last(self) -> int:
        return self.steps[-1].number

    def step(self, number: int) -> DevelopmentStepDef:
        return self._by_number[number]

    def has_step(self, number: int) -> bool:
        return number in self._by_number

    def stage(self, number: int) -> StageDef:
        return self.stages[number - 1]

    def next_step(self, done: set[int] | frozenset[int]) -> DevelopmentStepDef | None:
        """The first step not yet recorded (steps happen in order)."""
        for step in self.steps:
            if step.number not in done:
                return step
        return None

    def effects_of(self, number: int) -> StatusEffect | None:
        return self.step(number).status


def _s(number: int, stage: int, name: str, **kw: object) -> DevelopmentStepDef:
    return DevelopmentStepDef(number, stage, name, **kw)  # type: ignore[arg-type]


_P = PartyStatus

#: 《中国共产党发展党员工作细则》(2014): 5 stages, 25 steps.
CPC_2014 = DevelopmentWorkflow(
    id="cpc-2014-rules",
    version=1,
    title=N_("发展党员工作细则（2014）"),
    stages=(
        StageDef(1, N_("申请入党")),
        StageDef(2, N_("入党积极分子的确定和培养教育")),
        StageDef(3, N_("发展对象的确定和考察")),
        StageDef(4, N_("预备党员的接收")),
        StageDef(5, N_("预备党员的教育考察和转正")),
    ),
    steps=(
        _s(
            1,
            1,
            N_("递交入党申请书"),
            documents=(N_("入党申请书"),),
            status=StatusEffect(_P.APPLICANT, 1),
        ),
        _s(2, 1, N_("党组织派人谈话"), roles=(Role.TALKER,), documents=(N_("谈话记录"),)),
        _s(3, 2, N_("推荐和确定入党积极分子"), status=StatusEffect(_P.ACTIVIST, 3)),
        _s(4, 2, N_("上级党委备案")),
        _s(5, 2, N_("指定培养联系人"), roles=(Role.CONTACT,)),
        _s(6, 2, N_("培养教育考察"), documents=(N_("培养考察登记表"), N_("思想汇报"))),
        _s(7, 3, N_("确定发展对象"), status=StatusEffect(_P.TARGET, 7)),
        _s(8, 3, N_("报上级党委备案")),
        _s(9, 3, N_("确定入党介绍人"), roles=(Role.INTRODUCER,)),
        _s(10, 3, N_("政治审查"), documents=(N_("政治审查材料"),)),
        _s(11, 3, N_("集中培训"), training=True, documents=(N_("培训结业证书"),)),
        _s(12, 4, N_("支部委员会审查")),
        _s(13, 4, N_("上级党委预审"), publicity=True),
        _s(14, 4, N_("填写入党志愿书"), documents=(N_("入党志愿书"),)),
        _s(15, 4, N_("支部大会讨论"), meeting=True, documents=(N_("支部大会决议"),)),
        _s(16, 4, N_("上级党委派人谈话"), roles=(Role.HIGHER_TALKER,)),
        _s(
            17,
            4,
            N_("上级党委审批"),
            approval_of=15,
            documents=(N_("审批意见"),),
            status=StatusEffect(_P.PROBATIONARY, 15),
        ),
        _s(18, 4, N_("再上一级党委组织部门备案")),
        _s(19, 5, N_("编入党支部和党小组")),
        _s(20, 5, N_("入党宣誓")),
        _s(21, 5, N_("继续教育考察")),
        _s(22, 5, N_("提出转正申请"), documents=(N_("转正申请书"),)),
        _s(23, 5, N_("支部大会讨论"), meeting=True, documents=(N_("支部大会决议"),)),
        _s(24, 5, N_("上级党委审批"), approval_of=23, status=StatusEffect(_P.FULL, 23)),
        _s(25, 5, N_("材料归档")),
    ),
)

WORKFLOWS = {(CPC_2014.id, CPC_2014.version): CPC_2014}
DEFAULT = CPC_2014


def get_workflow(workflow_id: str, version: int) -> DevelopmentWorkflow:
    try:
        return WORKFLOWS[(workflow_id, version)]
    except KeyError:
        raise KeyError(f"unknown development workflow {workflow_id} v{version}") from None


#: Document kinds a step's attachments may carry (the dossier lists them).
DOCUMENT_KINDS = (
    N_("入党申请书"),
    N_("谈话记录"),
    N_("思想汇报"),
    N_("培养考察登记表"),
    N_("政治审查材料"),
    N_("培训结业证书"),
    N_("入党志愿书"),
    N_("支部大会决议"),
    N_("审批意见"),
    N_("转正申请书"),
    N_("其他"),
)
