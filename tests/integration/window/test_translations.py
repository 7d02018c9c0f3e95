"""Every Qt Linguist file of every capability is fully translated; Chinese is the default."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from villagebook import paths

TS_FILES = sorted(paths.resource("i18n", "zh_CN").glob("*.ts"))


def _untranslated(ts: Path) -> list[str]:
    bad = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            if kind in ("obsolete", "vanished"):
                continue
            forms = [] if translation is None else [translation.text or ""]
            if translation is not None and message.get("numerus") == "yes":
                forms = [form.text or "" for form in translation.iter("numerusform")]
            if kind in ("unfinished", "missing") or not any(f.strip() for f in forms):
                bad.append(f"{ts.name}: {name}: {message.findtext('source')!r}")
    return bad


def test_there_are_translation_files() -> None:
    assert any(ts.name == "core.ts" for ts in TS_FILES)


@pytest.mark.parametrize("ts", TS_FILES, ids=[ts.name for ts in TS_FILES])
def test_every_message_is_translated(ts: Path) -> None:
    assert _untranslated(ts) == []


@pytest.fixture
def language_setting(qtbot: Any) -> Any:
    from PySide6.QtCore import QSettings

    from villagebook.ui.app import create_application
    from villagebook.ui.preferences import LANG_KEY

    create_application()  # names the organisation, so QSettings() is the app's own
    yield QSettings()
    QSettings().remove(LANG_KEY)


@pytest.mark.gui
def test_chinese_by_default_english_on_switch(qtbot: Any, language_setting: Any) -> None:
    from PySide6.QtCore import QCoreApplication

    from villagebook.ui.app import create_application
    from villagebook.ui.preferences import LANG_KEY

    def roster() -> str:
        return QCoreApplication.translate("Navigation", "Roster")

    language_setting.remove(LANG_KEY)
    create_application()
    assert roster() == "花名册"
    create_application(english=True)
    assert roster() == "Roster"
    language_setting.setValue(LANG_KEY, "en")
    create_application()
    assert roster() == "Roster"
    language_setting.setValue(LANG_KEY, "zh_CN")
    create_application()
    assert roster() == "花名册"


def test_every_window_string_in_the_code_is_in_a_ts_file_and_translated() -> None:
    """lupdate over ui/: a tr() string missing from the .ts files would show untranslated."""
    import sys

    sys.path.insert(0, str(paths.resources_dir().parent / "scripts"))
    import ui_messages

    assert ui_messages.problems() == []
