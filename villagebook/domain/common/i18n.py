"""Translatable core messages: errors, refusals and finding texts.

Core messages are written in Chinese, the language of the domain and of the default
interface, and wrapped in :func:`_`; the English catalog (``resources/i18n/core/en/*.po``,
compiled by ``scripts/build_translations.py``) translates them.  Values go in as keyword
arguments and are formatted *after* translation, so a catalog entry keeps its placeholders:

    _("正式党员只有{full}名", full=full)

:func:`N_` marks a label kept as data (enum labels, step names) for extraction; translate
it where it is shown with :func:`label`.  The core stays free of I/O here: the start-up code
(:mod:`villagebook.language`) loads the catalog and installs it with :func:`install`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

Translator = Callable[[str], str]
#: Looks up a message within a context (gettext's ``pgettext``).
ContextTranslator = Callable[[str, str], str]

_translate: Translator | None = None
_translate_in: ContextTranslator | None = None
_language = "zh_CN"
#: Per thread: True while printing an official form, which is always Chinese.
_local = threading.local()


def install(
    language: str, translate: Translator | None, translate_in: ContextTranslator | None = None
) -> None:
    """Use ``translate`` for every core message from now on (None: the Chinese source)."""
    global _translate, _translate_in, _language
    _translate = translate
    _translate_in = translate_in
    _language = language


def language() -> str:
    return "zh_CN" if getattr(_local, "chinese", False) else _language


@contextmanager
def chinese() -> Iterator[None]:
    """Core messages in Chinese in this thread for the block (PDFs are Chinese forms)."""
    before = getattr(_local, "chinese", False)
    _local.chinese = True
    try:
        yield
    finally:
        _local.chinese = before


def _lookup(message: str) -> str:
    if _translate is None or getattr(_local, "chinese", False):
        return message
    return _translate(message)


def _(message: str, /, **values: Any) -> str:
    """``message`` in the current language, with ``values`` formatted in."""
    text = _lookup(message)
    return text.format(**values) if values else text


def N_(message: str, context: str | None = None) -> str:
    """Mark ``message`` for translation where it is shown (with :func:`label`), not here.

    ``context`` tells apart two meanings of the same Chinese text (人员: "person" as a field,
    "people" as a table); pass the same context to :func:`label`.
    """
    return message


def label(message: str, context: str | None = None) -> str:
    """A label kept as data (marked with :func:`N_` where it was written), translated."""
    if context is not None and _translate_in is not None and not getattr(_local, "chinese", False):
        return _translate_in(context, message)
    return _lookup(message)
