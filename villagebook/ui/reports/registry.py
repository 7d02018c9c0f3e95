"""The report centre's catalogue: every report the Book prints, as the 报表 page offers it.

Each entry says what the report needs: a period (``span``: a quarter, a year, any period,
or the state on one day) or a record (``subject``: a meeting, a person, a deliberation),
and which options it has.  ``tests/integration/window/test_reports_page.py`` checks that
the catalogue names every report kind of the Book.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class ReportEntry:
    key: str
    title: str  # translated
    description: str  # translated
    #: quarter / year / period / day, or None for a report about one record
    span: str | None = None
    #: meeting / talks / person / deliberation / decided (a decided deliberation)
    subject: str | None = None
    #: The report may print full ID and phone numbers on request.
    unmaskable: bool = False
    group: str = ""


def entries() -> list[ReportEntry]:
    """The reports in the order the page lists them (grouped as an inspector asks)."""
    ledgers = QCoreApplication.translate("ReportCatalogue", "Ledgers and statistics")
    meetings = QCoreApplication.translate("ReportCatalogue", "Organisational life (三会一课)")
    development = QCoreApplication.translate("ReportCatalogue", "Party member development")
    deliberations = QCoreApplication.translate(
        "ReportCatalogue", "Major village matters (四议两公开)"
    )
    roster = QCoreApplication.translate("ReportCatalogue", "Roster")
    return [
        ReportEntry(
            "ledger",
            QCoreApplication.translate("ReportCatalogue", "Quarterly ledger (季度台账)"),
            QCoreApplication.translate(
                "ReportCatalogue",
                "A quarter as the township scores it: each kind of activity required against "
                "held, attendance, development steps, 四议两公开 matters, and every finding "
                "open at the quarter's end or handled, with a cover and a sign-off.",
            ),
            span="quarter",
            group=ledgers,
        ),
        ReportEntry(
            "annual",
            QCoreApplication.translate("ReportCatalogue", "Annual work report (年度工作报告)"),
            QCoreApplication.translate(
                "ReportCatalogue",
                "The year in numbers and charts for the secretary's report: activities held "
                "and missed by month, attendance by month, the development funnel, decisions "
                "by category and money.",
            ),
            span="year",
            group=ledgers,
        ),
        ReportEntry(
            "self-check",
            QCoreApplication.translate("ReportCatalogue", "Self-check report (自查报告)"),
            QCoreApplication.translate(
                "ReportCatalogue",
                "The rule checks of a period as a form the branch signs and sends up, with "
                "the notes on findings already handled.",
            ),
            span="period",
            group=ledgers,
        ),
        ReportEntry(
            "attendance",
            QCoreApplication.translate(
                "ReportCatalogue", "Attendance statistics (参加组织生活统计)"
            ),
            QCoreApplication.translate(
                "ReportCatalogue",
                "Each member's attendance (attended, on leave, absent), by kind and by month; "
                "members away six months without a valid reason (MTG-ABSENT-6M).",
            ),
            span="period",
            group=meetings,
        ),
        ReportEntry(
            "meeting-plan",
            QCoreApplication.translate("ReportCatalogue", "Quarterly plan as filed (计划报备)"),
            QCoreApplication.translate(
                "ReportCatalogue",
                "The quarter's plan as filed with the township, and what became of it.",
            ),
            span="quarter",
            group=meetings,
        ),
        ReportEntry(
            "volume",
            QCoreApplication.translate("ReportCatalogue", "Quarterly bound volume (一季度一合订)"),
            QCoreApplication.translate(
                "ReportCatalogue",
                "Every record of a quarter, with a compliance summary and contents.",
            ),
            span="quarter",
            group=meetings,
        ),
        ReportEntry(
            "minutes",
            QCoreApplication.translate("ReportCatalogue", "Meeting minutes (三会一课记录)"),
            QCoreApplication.translate(
                "ReportCatalogue", "One meeting record as on a page of the paper record book."
            ),
            subject="meeting",
            group=meetings,
        ),
        ReportEntry(
            "talks",
            QCoreApplication.translate("ReportCatalogue", "Talk records (谈心谈话记录表)"),
            QCoreApplication.translate(
                "ReportCatalogue",
                "The 谈心谈话 records of a period on the talk form (a blank form if none).",
            ),
            span="period",
            group=meetings,
        ),
        ReportEntry(
            "development-plan",
            QCoreApplication.translate(
                "ReportCatalogue", "Development plan and statistics (发展党员计划及统计)"
            ),
            QCoreApplication.translate(
                "ReportCatalogue",
                "Who is to be admitted, named a development target or converted this year; "
                "the year's figures and the age, gender and education of those admitted.",
            ),
            span="year",
            group=development,
        ),
        ReportEntry(
            "development-roster",
            QCoreApplication.translate("ReportCatalogue", "Development roster (发展党员工作台账)"),
            QCoreApplication.translate(
                "ReportCatalogue",
                "All open development cases by stage with the standard columns.",
            ),
            span="day",
            group=development,
        ),
        ReportEntry(
            "dossier",
            QCoreApplication.translate(
                "ReportCatalogue", "Development dossier (发展党员全程纪实表)"
            ),
            QCoreApplication.translate(
                "ReportCatalogue",
                "One person's development file: every step, the people, the rule checks.",
            ),
            subject="person",
            unmaskable=True,
            group=development,
        ),
        ReportEntry(
            "deliberation-ledger",
            QCoreApplication.translate("ReportCatalogue", "Annual ledger of 四议两公开 (年度台账)"),
            QCoreApplication.translate(
                "ReportCatalogue",
                "Every matter of a year with its amount, step dates, status and findings.",
            ),
            span="year",
            group=deliberations,
        ),
        ReportEntry(
            "deliberation",
            QCoreApplication.translate("ReportCatalogue", "Decision record (四议两公开工作记录)"),
            QCoreApplication.translate(
                "ReportCatalogue",
                "One deliberation step by step, with the text as decided at each step.",
            ),
            subject="deliberation",
            group=deliberations,
        ),
        ReportEntry(
            "publicity",
            QCoreApplication.translate(
                "ReportCatalogue", "Village affairs publicity sheet (村务公开栏)"
            ),
            QCoreApplication.translate(
                "ReportCatalogue",
                "A decided matter's resolution (or its result) to print and post.",
            ),
            subject="decided",
            group=deliberations,
        ),
        ReportEntry(
            "roster",
            QCoreApplication.translate("ReportCatalogue", "Party member roster (花名册)"),
            QCoreApplication.translate(
                "ReportCatalogue",
                "Full and probationary members on a chosen day; ID and phone numbers masked "
                "unless you ask otherwise (then marked 内部资料).",
            ),
            span="day",
            unmaskable=True,
            group=roster,
        ),
    ]
