"""The development rule checks from the admission meeting on (stages 4 and 5): the two
branch general meetings, the approvals, the probation and its extension (no database)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from villagebook.domain.common.calendar import add_months, cn_date
from villagebook.domain.common.i18n import N_, _
from villagebook.domain.common.rules import DEFAULT_PARAMS, RuleSet
from villagebook.domain.development.facts import CaseFacts
from villagebook.domain.development.schedule import probation_end
from villagebook.domain.development.values import Ballot
from villagebook.domain.development.violations import DUE, E, Violation, W, due_soon, pending


def ballot_problems(ballot: Ballot) -> list[tuple[str, str, str]]:
    """Impossible counts, as (field, label as data, translated message)."""
    problems = []
    if (
        min(ballot.expected_voting, ballot.present_voting, ballot.yes, ballot.no) < 0
        or min(ballot.abstain, ballot.written_yes) < 0
    ):
        problems.append(("ballot", N_("表决票数"), _("人数和票数不能为负数")))
    if ballot.present_voting > ballot.expected_voting:
        problems.append(("present_voting", N_("到会有表决权党员"), _("不能多于应到有表决权党员")))
    if ballot.yes + ballot.no + ballot.abstain > ballot.present_voting:
        message = _("赞成、反对、弃权票合计不能多于到会有表决权党员")
        problems.append(("yes", N_("赞成票"), message))
    if ballot.written_yes > ballot.expected_voting - ballot.present_voting:
        message = _("书面赞成意见不能多于未到会的有表决权党员")
        problems.append(("written_yes", N_("书面意见"), message))
    return problems


def _meeting_checks(facts: CaseFacts, number: int, prefix: str, what: str) -> Iterator[Violation]:
    step = facts.steps.get(number)
    if step is None:
        return
    ballot = step.ballot
    present_label = N_("到会有表决权党员")
    if ballot is None:
        message = _("{what}没有记录到会人数和表决结果", what=what)
        yield Violation(f"{prefix}-QUORUM", E, message, number, "present_voting", present_label)
        return
    for field, label, problem in ballot_problems(ballot):
        message = _("{what}：{problem}", what=what, problem=problem)
        yield Violation("DEV-BALLOT", E, message, number, field, label)
    if ballot.present_voting * 2 <= ballot.expected_voting:
        message = _(
            "{what}到会有表决权党员{present}名，未超过应到{expected}名的半数",
            what=what,
            present=ballot.present_voting,
            expected=ballot.expected_voting,
        )
        yield Violation(f"{prefix}-QUORUM", E, message, number, "present_voting", present_label)
    total_yes = ballot.yes + ballot.written_yes
    if total_yes * 2 <= ballot.expected_voting:
        message = _(
            "{what}赞成票{yes}票（含书面意见{written}票则共{total}票），"
            "未超过应到有表决权正式党员{expected}名的半数，至少需要{needed}票",
            what=what,
            yes=ballot.yes,
            written=ballot.written_yes,
            total=total_yes,
            expected=ballot.expected_voting,
            needed=ballot.expected_voting // 2 + 1,
        )
        yield Violation(f"{prefix}-VOTE", E, message, number, "yes", N_("赞成票"))


def check_admission_meeting(
    facts: CaseFacts, rules: RuleSet, as_of: dt.date
) -> Iterator[Violation]:
    yield from _meeting_checks(facts, 15, "DEV-ADMIT", _("接收预备党员的支部大会"))


def check_conversion_meeting(
    facts: CaseFacts, rules: RuleSet, as_of: dt.date
) -> Iterator[Violation]:
    yield from _meeting_checks(facts, 23, "DEV-CONVERT", _("讨论转正的支部大会"))


def _late_approval(what: str, done_on: dt.date, months: int, due: dt.date, explained: bool) -> str:
    why = "" if explained else _("且未说明原因")
    return _(
        "{what}日期{date}超过支部大会后{months}个月{why}，应不晚于{due}",
        what=what,
        date=cn_date(done_on),
        months=months,
        why=why,
        due=cn_date(due),
    )


def _approval(
    facts: CaseFacts, rules: RuleSet, as_of: dt.date, code: str, meeting_no: int, what: str
) -> Iterator[Violation]:
    """DEV-APPROVAL-3M / DEV-CONVERT-APPROVAL-3M: the approval follows the meeting in time."""
    meeting = facts.date(meeting_no)
    if meeting is None:
        return
    months = rules.as_int(f"{code}.months")
    due = add_months(meeting, months)
    limit_key = f"{code}.max_months"
    longest = add_months(meeting, rules.as_int(limit_key)) if limit_key in DEFAULT_PARAMS else due
    number = next(s.number for s in facts.workflow.steps if s.approval_of == meeting_no)
    step = facts.steps.get(number)
    if step is not None:
        explained = bool(step.reason.strip())
        if step.done_on > due and (step.done_on > longest or not explained):
            message = _late_approval(what, step.done_on, months, due, explained)
            yield Violation(code, E, message, number, due=due)
        return
    if not facts.is_open:
        return
    if as_of > longest:
        message = _("{what}已逾期，应不晚于{due}", what=what, due=cn_date(due))
        yield Violation(code, E, message, number, due=due)
    elif as_of > due:
        message = _("{what}已超过{due}，延长须说明原因", what=what, due=cn_date(due))
        yield Violation(code, W, message, number, due=due)
    else:
        yield from pending(facts, code, number, due, as_of, rules, what)


def check_approval(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    yield from _approval(facts, rules, as_of, "DEV-APPROVAL-3M", 15, _("上级党委审批"))


def check_convert_approval(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    yield from _approval(facts, rules, as_of, "DEV-CONVERT-APPROVAL-3M", 23, _("转正审批"))


def check_probation(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    wf = facts.workflow
    admitted = facts.date(wf.probation_from)
    if admitted is None or facts.date(wf.extension_after) is None:
        return
    end = probation_end(admitted, facts.extensions, rules)
    conversion = facts.date(wf.extension_before)
    number = wf.extension_before
    if conversion is not None and conversion < end:
        message = _(
            "转正支部大会（{meeting}）早于预备期满，应不早于{due}",
            meeting=cn_date(conversion),
            due=cn_date(end),
        )
        yield Violation("DEV-PROBATION-1Y", E, message, number, due=end)
    elif conversion is not None and conversion > add_months(end, 1):
        message = _(
            "预备期于{end}届满，转正支部大会（{meeting}）未及时召开",
            end=cn_date(end),
            meeting=cn_date(conversion),
        )
        yield Violation("DEV-PROBATION-1Y", W, message, number, due=end)
    if conversion is None and facts.is_open:
        if as_of > add_months(end, 1):
            message = _("预备期已于{end}届满，尚未讨论转正", end=cn_date(end))
            yield Violation("DEV-PROBATION-1Y", E, message, number, due=end)
        elif as_of <= end and due_soon(end, as_of, rules):
            message = _("预备期将于{end}届满，届时应召开支部大会讨论转正", end=cn_date(end))
            yield Violation("DEV-PROBATION-1Y", DUE, message, number, due=end)


def check_extension(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    allowed = rules.as_int("DEV-EXTENSION.max_count")
    low, high = rules.as_int("DEV-EXTENSION.min_months"), rules.as_int("DEV-EXTENSION.max_months")
    months_label = N_("延长月数")
    for index, extension in enumerate(facts.extensions):
        if index >= allowed:
            message = _("预备期只能延长{allowed}次，这是第{nth}次", allowed=allowed, nth=index + 1)
            yield Violation("DEV-EXTENSION", E, message, None, "months", months_label)
        if not low <= extension.months <= high:
            message = _(
                "预备期延长{months}个月，应为{low}至{high}个月",
                months=extension.months,
                low=low,
                high=high,
            )
            yield Violation("DEV-EXTENSION", E, message, None, "months", months_label)


MEETING = N_("会议记录")


def check_meeting_link(facts: CaseFacts, rules: RuleSet, as_of: dt.date) -> Iterator[Violation]:
    """DEV-MEETING-LINK: steps 15 and 23 are decided by a branch general meeting whose record
    exists and is linked (DOMAIN.md §8).  A record of that day left unlinked is a warning;
    no record of that day at all is a breach."""
    for definition in facts.workflow.steps:
        step = facts.steps.get(definition.number)
        if not definition.meeting or step is None:
            continue
        day = cn_date(step.done_on)
        if step.meeting_id is not None and step.meeting_found:
            continue
        if step.meeting_id is not None:
            message = _("所关联的支部党员大会记录已不存在，请重新关联{day}的会议记录", day=day)
            yield Violation(
                "DEV-MEETING-LINK", E, message, definition.number, "meeting_id", MEETING
            )
        elif step.done_on in facts.general_meeting_days:
            message = _("{day}有支部党员大会记录，但本步骤没有关联该记录", day=day)
            yield Violation(
                "DEV-MEETING-LINK", W, message, definition.number, "meeting_id", MEETING
            )
        else:
            message = _(
                "{day}没有支部党员大会记录：本步骤须由支部党员大会讨论决定，请补记该次会议并关联",
                day=day,
            )
            yield Violation(
                "DEV-MEETING-LINK", E, message, definition.number, "meeting_id", MEETING
            )
