from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlmodel import select

from tests.integration.window.conftest import accept
from villagebook.domain.roster.values import PartyStatus
from villagebook.services.roster import commands as roster_commands
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.models import Person
from villagebook.ui.ops import perform

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot: Any, ctx: Any) -> Any:
    from villagebook.ui.roster.page import RosterPage

    widget = RosterPage(ctx)
    qtbot.addWidget(widget)
    return widget


def _select(page: Any, name: str) -> Any:
    for row in range(page.model.rowCount()):
        if page.model.person_at(row).name == name:
            page.table.selectRow(row)
            return page.model.person_at(row)
    raise AssertionError(f"{name} not in the roster")


def _count(ctx: Any) -> int:
    with ctx.book.reading() as session:
        return len(session.exec(select(Person)).all())


def test_add_person_then_undo_and_redo(page: Any, ctx: Any, drive: Any) -> None:
    def fill(dialog: Any) -> bool:
        dialog.name.setText("赵新人")
        dialog.gender.setCurrentText("女")
        dialog.id_number.setText("11010519491231002X")
        dialog.status.setCurrentIndex(dialog.status.findData(PartyStatus.APPLICANT))
        return accept(dialog)

    opened: list[Any] = []

    def case_view(dialog: Any) -> bool:  # one path: an applicant's case opens with step 1
        from villagebook.ui.development.case_view import CaseView

        assert isinstance(dialog, CaseView)
        assert dialog.record is not None and [s.number for s in dialog.record.steps] == [1]
        opened.append(dialog.record.person_name)
        return False

    drive.extend([fill, case_view])
    page.new_person()
    assert opened == ["赵新人"]
    assert _count(ctx) == 41 and page.model.total == 41
    assert page.model.person_at(page.table.currentIndex().row()).name == "赵新人"
    ctx.book.undo()
    assert _count(ctx) == 40 and page.model.total == 40
    ctx.book.redo()
    with ctx.book.reading() as session:
        person = session.exec(select(Person).where(Person.name == "赵新人")).one()
        assert person.status is PartyStatus.APPLICANT
        assert person.birth_date == dt.date(1949, 12, 31)


def test_invalid_input_shows_inline_and_keeps_the_dialog_open(
    page: Any, ctx: Any, drive: Any
) -> None:
    seen: dict[str, Any] = {}

    def fill(dialog: Any) -> bool:
        dialog.name.setText("   ")
        dialog.birth_date.set_value(dt.date.today() + dt.timedelta(days=5))
        dialog.id_number.setText("110105194912310021")
        closed = accept(dialog)
        seen["dialog"] = dialog
        return closed

    drive.append(fill)
    page.new_person()
    dialog = seen["dialog"]
    assert not dialog.result()
    for field in ("name", "birth_date", "id_number"):
        label = dialog.problem_labels[field]
        assert not label.isHidden() and label.text()
    assert "姓名" in dialog.problem_labels["name"].text()
    assert dialog.id_number.text() == "110105194912310021"  # the input stays intact
    assert _count(ctx) == 40
    assert ctx.book.undo_label() is None


def test_edit_person_masks_numbers_until_asked_and_undo_restores(
    page: Any, ctx: Any, drive: Any
) -> None:
    person = _select(page, "林桂兰")
    full_id = person.id_number

    def fill(dialog: Any) -> bool:
        assert dialog.id_number.isReadOnly() and "*" in dialog.id_number.text()
        dialog.show_full.setChecked(True)
        assert dialog.id_number.text() == full_id and not dialog.id_number.isReadOnly()
        dialog.name.setText("林桂兰英")
        dialog.note.setPlainText("新备注")
        return accept(dialog)

    drive.append(fill)
    page.edit_person()
    with ctx.book.reading() as session:
        stored = roster_queries.get_person(session, person.id)
        assert (stored.name, stored.note, stored.id_number) == ("林桂兰英", "新备注", full_id)
    assert ctx.book.undo_label().endswith("林桂兰英”")
    ctx.book.undo()
    with ctx.book.reading() as session:
        assert roster_queries.get_person(session, person.id).name == "林桂兰"
    ctx.book.redo()
    with ctx.book.reading() as session:
        assert roster_queries.get_person(session, person.id).name == "林桂兰英"


def test_status_change_and_its_undo(page: Any, ctx: Any, drive: Any) -> None:
    person = _select(page, "孙婷婷")
    assert person.status is PartyStatus.ACTIVIST

    def fill(dialog: Any) -> bool:
        dialog.status.setCurrentIndex(dialog.status.findData(PartyStatus.TARGET))
        dialog.note.setText("支委会确定")
        return accept(dialog)

    drive.append(fill)
    page.change_status()
    with ctx.book.reading() as session:
        assert roster_queries.get_person(session, person.id).status is PartyStatus.TARGET
        assert roster_queries.status_history(session, person.id)[-1].note == "支委会确定"
    ctx.book.undo()
    with ctx.book.reading() as session:
        assert roster_queries.get_person(session, person.id).status is PartyStatus.ACTIVIST


def test_status_change_refused_keeps_dialog_open(page: Any, drive: Any) -> None:
    _select(page, "孙婷婷")
    seen: dict[str, Any] = {}

    def fill(dialog: Any) -> bool:
        dialog.effective_on.set_value(dt.date(1950, 1, 1))
        seen["closed"] = accept(dialog)
        seen["text"] = dialog.problem_labels["effective_on"].text()
        return False

    drive.append(fill)
    page.change_status()
    assert not seen["closed"] and "生效日期" in seen["text"]


def test_group_assignment_and_history(page: Any, ctx: Any, drive: Any) -> None:
    person = _select(page, "孙婷婷")
    first_group = next(iter(page.model.group_names))

    def fill(dialog: Any) -> bool:
        dialog.group.setCurrentIndex(dialog.group.findData(str(first_group)))
        return accept(dialog)

    def look(dialog: Any) -> bool:
        assert dialog.statuses.rowCount() >= 1
        assert dialog.groups.rowCount() == 1
        assert dialog.groups.item(0, 1).text() == page.model.group_names[first_group]
        return False

    drive.extend([fill, look])
    page.assign_group()
    page.show_history()
    ctx.book.undo()
    with ctx.book.reading() as session:
        assert roster_queries.get_person(session, person.id).group_id is None


def test_search_and_filter(page: Any, qtbot: Any) -> None:
    page.status.setCurrentIndex(page.status.findData(PartyStatus.FULL))
    assert page.model.total == 26
    page.status.setCurrentIndex(0)
    page.search.setText("林桂")
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert "1" in page.count.text()
    page.search.clear()
    group = next(iter(page.model.group_names))
    page.group.setCurrentIndex(page.group.findData(str(group)))
    assert 0 < page.model.total < 40


def test_context_menu_and_enter_open_edit(page: Any, qtbot: Any, drive: Any) -> None:
    from PySide6.QtCore import Qt

    _select(page, "林桂兰")
    assert page.edit_action.isEnabled() and page.history_action.isEnabled()
    seen: list[str] = []
    drive.append(lambda dialog: seen.append(dialog.name.text()) or False)
    page.show()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert seen == ["林桂兰"]


def test_roster_model_modeltester(qtmodeltester: Any, ctx: Any) -> None:
    from villagebook.ui.roster.model import RosterModel

    qtmodeltester.check(RosterModel(ctx.book, ctx.branch_id))


def test_undo_of_an_add_is_refused_once_referenced(
    page: Any, ctx: Any, drive: Any, monkeypatch: Any
) -> None:
    from villagebook.ui.errors import Messages

    warned: list[str] = []
    monkeypatch.setattr(
        Messages, "warning", classmethod(lambda cls, p, t, text: warned.append(text))
    )

    def fill(dialog: Any) -> bool:
        dialog.name.setText("钱多多")
        dialog.status.setCurrentIndex(dialog.status.findData(PartyStatus.FULL))
        return accept(dialog)

    drive.append(fill)
    page.new_person()
    person_id = page.selected_id()
    with ctx.book.database.write() as session:
        roster_commands.add_discipline(session, person_id, dt.date(2026, 1, 1), None)
    perform(page, ctx.book.undo)  # the window's route for Edit ▸ Undo
    assert warned and "不能撤销添加" in warned[0]
    assert _count(ctx) == 41
    assert ctx.book.undo_label() is None  # the step that could not be undone is dropped
