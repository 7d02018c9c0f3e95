"""The navigation entries: (key, title, factory).  Each capability adds its page here.

The window opens on the first entry, 工作台 (the home screen of what is due).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from villagebook.ui.context import AppContext

Factory = Callable[[AppContext, QWidget], QWidget]


def _workbench(ctx: AppContext, parent: QWidget) -> QWidget:
    from villagebook.ui.workbench.page import WorkbenchPage

    return WorkbenchPage(ctx, parent)


def _roster(ctx: AppContext, parent: QWidget) -> QWidget:
    from villagebook.ui.roster.page import RosterPage

    return RosterPage(ctx, parent)


def _reports(ctx: AppContext, parent: QWidget) -> QWidget:
    from villagebook.ui.reports.page import ReportsPage

    return ReportsPage(ctx, parent)


def _deliberations(ctx: AppContext, parent: QWidget) -> QWidget:
    from villagebook.ui.deliberations.page import DeliberationsPage

    return DeliberationsPage(ctx, parent)


def _development(ctx: AppContext, parent: QWidget) -> QWidget:
    from villagebook.ui.development.page import DevelopmentPage

    return DevelopmentPage(ctx, parent)


def _meetings(ctx: AppContext, parent: QWidget) -> QWidget:
    from villagebook.ui.meetings.page import MeetingsPage

    return MeetingsPage(ctx, parent)


def _verify(ctx: AppContext, parent: QWidget) -> QWidget:
    from villagebook.ui.proof.page import VerifyPage

    return VerifyPage(ctx, parent)


def _pending(title: str) -> Factory:
    def make(ctx: AppContext, parent: QWidget) -> QWidget:
        from PySide6.QtCore import Qt  # not at start-up: the Qt namespace costs ~30 ms

        label = QLabel(title, parent)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    return make


def entries(window: QWidget) -> list[tuple[str, str, Factory]]:
    return [
        ("workbench", QCoreApplication.translate("Navigation", "Workbench"), _workbench),
        ("roster", QCoreApplication.translate("Navigation", "Roster"), _roster),
        ("meetings", QCoreApplication.translate("Navigation", "Meetings"), _meetings),
        ("development", QCoreApplication.translate("Navigation", "Development"), _development),
        (
            "deliberations",
            QCoreApplication.translate("Navigation", "Deliberations"),
            _deliberations,
        ),
        ("reports", QCoreApplication.translate("Navigation", "Reports"), _reports),
        ("verify", QCoreApplication.translate("Navigation", "Verify PDF"), _verify),
    ]
