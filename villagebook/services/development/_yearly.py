"""The development annual plan and yearly statistics (发展党员年度计划及统计表).

The plan lists the open cases as they stand on the day it is printed; the statistics count
the milestones of the year (:mod:`villagebook.domain.development.statistics`).
"""  # i18n: data (official forms, printed in Chinese)

from __future__ import annotations

import datetime as dt
import uuid

from sqlmodel import Session

from villagebook.domain.common.calendar import add_years
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.development.statistics import Milestones, funnel, mix
from villagebook.reports.development_plan import DevelopmentPlanReport, PlanPerson
from villagebook.services.development import queries
from villagebook.services.roster import queries as roster_queries


def _next_steps(
    session: Session, branch_id: uuid.UUID, as_of: dt.date, rules: RuleSet
) -> dict[str, str]:
    return {
        str(card.case_id): f"第{card.next.step}步 {card.next.name}" if card.next.step else ""
        for card in queries.board(session, branch_id, as_of, rules)
    }


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def plan_people(
    cases: list[Milestones], year: int, next_steps: dict[str, str], rules: RuleSet
) -> tuple[list[PlanPerson], list[PlanPerson], list[PlanPerson]]:
    """(targets to admit, activists who may become targets, probationary due to convert)."""
    end = dt.date(year, 12, 31)
    years_active = rules.as_int("DEV-ACTIVIST-1Y.years")
    years_probation = rules.as_int("DEV-PROBATION-1Y.years")
    targets, activists, conversions = [], [], []
    for case in (c for c in cases if c.is_open):
        step = next_steps.get(case.case_id, "")
        target, activist, admitted = case.on("target"), case.on("activist"), case.on("admitted")
        if admitted and not case.on("converted"):
            due = add_years(admitted, years_probation)
            if due <= end:
                conversions.append(PlanPerson(case.name, _iso(admitted), _iso(due), step))
        elif target and not admitted:
            targets.append(PlanPerson(case.name, _iso(target), f"{year}年内", step))
        elif activist and not target:
            eligible = add_years(activist, years_active)
            if eligible <= end:
                activists.append(PlanPerson(case.name, _iso(activist), _iso(eligible), step))
    return targets, activists, conversions


def gather_plan(
    session: Session, branch_id: uuid.UUID, year: int, *, today: dt.date, rules: RuleSet
) -> DevelopmentPlanReport:
    branch = roster_queries.get_branch(session, branch_id)
    cases = queries.milestones(session, branch_id)
    targets, activists, conversions = plan_people(
        cases, year, _next_steps(session, branch_id, today, rules), rules
    )
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return DevelopmentPlanReport(
        branch_name=branch.name,
        year=year,
        as_of=today,
        targets=targets,
        activists=activists,
        conversions=conversions,
        funnel=funnel(cases, start, end),
        admitted=mix(cases, "admitted", start, end),
    )
