"""Qt test helpers: a roster page on the demo data; dialogs driven instead of shown."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from villagebook.storage.db import Database


@pytest.fixture
def branch_id(demo_db: Database) -> Any:
    from villagebook.services.roster import queries as roster_queries

    with demo_db.read() as session:
        branch = roster_queries.first_branch(session)
        assert branch is not None
        return branch.id


@pytest.fixture
def ctx(qtbot: Any, demo_db: Database, branch_id: Any) -> Any:
    from villagebook.services.book import Book
    from villagebook.ui.app import create_application
    from villagebook.ui.changes import ChangeHub
    from villagebook.ui.context import AppContext

    create_application()
    book = Book(demo_db)
    return AppContext(book=book, branch_id=branch_id, hub=ChangeHub(book))


@pytest.fixture
def drive(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Callable[[Any], bool]]]:
    """Queue functions that act on the next modal dialogs instead of showing them.

    Each function gets the dialog, fills it, and returns what ``exec`` would (accepted?).
    """
    from villagebook.ui.common.ask import Ask

    queue: list[Callable[[Any], bool]] = []

    def exec_dialog(dialog: Any) -> bool:
        assert queue, f"unexpected dialog {type(dialog).__name__}"
        return queue.pop(0)(dialog)

    monkeypatch.setattr(Ask, "exec_dialog", classmethod(lambda cls, d: exec_dialog(d)))
    yield queue
    assert not queue, "a queued dialog was never shown"


def accept(dialog: Any) -> bool:
    """Press OK the way a user would; True if the dialog closed accepted."""
    dialog.accept()
    return bool(dialog.result())


class MessageShown(AssertionError):
    pass


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """A message box would block a test: fail instead (tests that expect one replace this)."""
    from villagebook.ui.common.ask import Ask
    from villagebook.ui.errors import Messages

    shown: list[tuple[str, str]] = []

    def fail(cls: Any, parent: Any, title: str, text: str) -> None:
        raise MessageShown(f"{title}: {text}")

    monkeypatch.setattr(Messages, "critical", classmethod(fail))
    monkeypatch.setattr(Messages, "warning", classmethod(fail))
    monkeypatch.setattr(Ask, "inform", classmethod(fail))
    # Widgets left with typing in them are closed at the end of a test: that asks "save,
    # discard or cancel?" (discard, here); a draft left over is kept for later.
    monkeypatch.setattr(Ask, "unsaved", classmethod(lambda cls, *a: "discard"))
    monkeypatch.setattr(Ask, "recover", classmethod(lambda cls, *a: "later"))
    return shown


def previewed(store: list[Any]) -> Callable[[Any], bool]:
    """A drive step for the report preview (ReportDialog): keeps the report shown."""

    def look(dialog: Any) -> bool:
        from villagebook.ui.common.printing import ReportDialog

        assert isinstance(dialog, ReportDialog), f"expected a preview, got {type(dialog)}"
        assert dialog.document.pageCount() >= 1
        store.append(dialog.report)
        return False

    return look


def report_text(report: Any) -> str:
    """The text of a previewed report's PDF."""
    import io

    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(report.data)).pages)
