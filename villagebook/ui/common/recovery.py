"""Drafts left by an interrupted editor (a crash, a power cut) are offered back at start.

Each draft says how to open its editor again (``reopen``); restoring opens that editor the
usual way, and the editor finds its own draft and puts the typing back.  "Later" leaves the
draft for the next start (or for when the same editor is opened); "Discard" removes it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from villagebook.ui.common.ask import Ask

Reopener = Callable[[Any, dict[str, Any]], bool]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Recovery", text)


def _meeting(window: Any, spec: dict[str, Any]) -> bool:
    from villagebook.ui.meetings.editor import MeetingEditor

    meeting_id = spec.get("meeting_id")
    editor = MeetingEditor(
        window.context, uuid.UUID(meeting_id) if meeting_id else None, parent=window
    )
    Ask.exec_dialog(editor)
    editor.deleteLater()
    return True


def _development_step(window: Any, spec: dict[str, Any]) -> bool:
    from villagebook.ui.development.dialogs import DevelopmentStepDialog

    case_id = uuid.UUID(spec["case_id"])
    case = window.context.book.development.case(case_id)
    step = case.workflow.step(int(spec["number"]))
    Ask.exec_dialog(DevelopmentStepDialog(window.context, case_id, step, window))
    return True


def _deliberation_step(window: Any, spec: dict[str, Any]) -> bool:
    from villagebook.ui.deliberations.page import step_dialog

    dialog = step_dialog(window.context, uuid.UUID(spec["deliberation_id"]), window)
    if dialog is None:
        return False
    Ask.exec_dialog(dialog)
    return True


def _new_person(window: Any, _spec: dict[str, Any]) -> bool:
    page = window.roster_page()
    if page is None:
        return False
    page.new_person()
    return True


def _new_applicant(window: Any, _spec: dict[str, Any]) -> bool:
    from villagebook.ui.development.page import DevelopmentPage

    for row in range(window.nav.count()):
        page = window.go_to(row)
        if isinstance(page, DevelopmentPage):
            page.new_applicant()
            return True
    return False


REOPENERS: dict[str, Reopener] = {
    "meeting": _meeting,
    "development-step": _development_step,
    "deliberation-step": _deliberation_step,
    "person-new": _new_person,
    "applicant-new": _new_applicant,
}


def offer_drafts(window: Any) -> int:
    """Offer back every draft left by an interrupted editor; returns how many were restored."""
    book = window.book
    restored = 0
    for draft in book.drafts.pending():
        spec = draft.payload.get("reopen") or {}
        reopener = REOPENERS.get(str(spec.get("dialog", "")))
        when = draft.saved_at.strftime("%Y-%m-%d %H:%M")
        text = (
            _tr(
                "VillageBook was closed while you were typing (%1, last kept at %2).\n\n"
                "Restore what you typed?"
            )
            .replace("%1", draft.title)
            .replace("%2", when)
        )
        answer = Ask.recover(window, _tr("Unsaved input"), text)
        if answer == "discard" or reopener is None:
            book.drafts.discard(draft.key)
            continue
        if answer == "later":
            continue
        try:
            opened = reopener(window, spec)
        except Exception as exc:  # the record it belonged to may be gone
            from villagebook.ui.errors import show_error

            show_error(window, exc)
            opened = False
        if opened:
            restored += 1
        else:
            book.drafts.discard(draft.key)
    return restored
