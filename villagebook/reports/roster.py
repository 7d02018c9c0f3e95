"""The branch roster PDF (党员花名册): members by group, ID and phone masked by default."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable
from sqlmodel import Session

from villagebook.domain.common.calendar import age_on
from villagebook.domain.roster.idnumber import mask_id_number, mask_phone
from villagebook.domain.roster.status import PartyStatus
from villagebook.reports.base import (
    CONTENT_WIDTH,
    build_pdf,
    gap,
    grid_table,
    para,
    printed_on,
    styles,
)
from villagebook.services.roster import org
from villagebook.services.roster import people as roster
from villagebook.storage.models import Person


@dataclass(frozen=True)
class RosterRow:
    name: str
    gender: str
    ethnicity: str
    age: str
    education: str
    status: str
    joined: str
    group: str
    id_number: str
    phone: str


@dataclass(frozen=True)
class RosterReport:
    branch_name: str
    village: str
    township: str
    as_of: dt.date
    rows: list[RosterRow]
    counts: dict[str, int]


def gather(
    session: Session, branch_id: uuid.UUID, as_of: dt.date, *, unmasked: bool = False
) -> RosterReport:
    """Members (full and probationary) on ``as_of``, sorted by group and name."""
    branch = org.get_branch(session, branch_id)
    groups = {g.id: g.name for g in org.list_groups(session, branch_id)}
    rows = []
    counts = {"正式党员": 0, "预备党员": 0}
    members = roster.members_on(session, branch_id, as_of)
    book = roster.StatusBook(session, [m.person_id for m in members])
    for entry in members:
        person = session.get(Person, entry.person_id)  # already loaded by members_on
        assert person is not None
        joined = book.first_date(person.id, PartyStatus.PROBATIONARY)
        counts[entry.status.label] += 1
        rows.append(
            RosterRow(
                name=person.name,
                gender=person.gender,
                ethnicity=person.ethnicity,
                age=str(age_on(person.birth_date, as_of)) if person.birth_date else "",
                education=person.education,
                status=entry.status.label,
                joined=joined.isoformat() if joined else "",
                group=groups.get(entry.group_id, "") if entry.group_id else "",
                id_number=(person.id_number or "")
                if unmasked
                else mask_id_number(person.id_number),
                phone=person.phone if unmasked else mask_phone(person.phone),
            )
        )
    rows.sort(key=lambda r: (r.group, r.name))
    return RosterReport(branch.name, branch.village, branch.township, as_of, rows, counts)


def render(report: RosterReport, path: Path) -> int:
    st = styles()
    # 11 columns on A4 portrait: a smaller cell font keeps dates and ID numbers on one line.
    compact = replace(
        st, cell=ParagraphStyle("cell_compact", parent=st.cell, fontSize=8.5, leading=12)
    )

    def story() -> list[Flowable]:
        header = [
            "序号",
            "姓名",
            "性别",
            "民族",
            "年龄",
            "文化程度",
            "类别",
            "入党日期",
            "党小组",
            "身份证号",
            "联系电话",
        ]
        body: list[list[str | Flowable]] = [list(header)]
        for i, r in enumerate(report.rows, 1):
            body.append(
                [
                    str(i),
                    r.name,
                    r.gender,
                    r.ethnicity,
                    r.age,
                    r.education,
                    r.status,
                    r.joined,
                    r.group,
                    r.id_number,
                    r.phone,
                ]
            )
        widths = [8, 14, 8, 12, 8, 13, 16, 19, 18, 33, 0]
        widths[-1] = CONTENT_WIDTH / mm - sum(widths[:-1])
        summary = "，".join(f"{k}{v}名" for k, v in report.counts.items())
        return [
            para(f"{report.branch_name}党员花名册", st.title),
            para(
                f"{report.township} {report.village}　统计日期：{report.as_of.isoformat()}"
                f"　共{len(report.rows)}名（{summary}）",
                st.subtitle,
            ),
            grid_table(body, [w * mm for w in widths], st=compact),
            gap(),
            para(printed_on(), st.small),
        ]

    return build_pdf(
        path,
        story,
        title=f"{report.branch_name}党员花名册",
        footer=f"{report.branch_name} · 党员花名册",
    )
