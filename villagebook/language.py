"""Choosing the language of core messages (the window's own strings use Qt's translator).

``zh_CN`` is the source language of core messages; ``en`` loads the compiled English
catalog built from ``resources/i18n/core/en/*.po`` by ``scripts/build_translations.py``.
"""

from __future__ import annotations

import gettext
import os
import sys

from villagebook import paths
from villagebook.domain.common import i18n

ENV = "VILLAGEBOOK_LANG"


def catalog_path(language: str) -> os.PathLike[str]:
    return paths.resource("i18n", f"villagebook_core_{language}.mo")


def use(language: str) -> None:
    """Core messages in ``language`` (``zh_CN`` or ``en``) from now on."""
    if language == "en":
        try:
            with open(catalog_path(language), "rb") as stream:
                translations = gettext.GNUTranslations(stream)
        except OSError:
            print(
                "VillageBook: the English core catalog is not compiled; run scripts/setup.sh",
                file=sys.stderr,
            )
            i18n.install("zh_CN", None)
            return
        i18n.install("en", translations.gettext, translations.pgettext)
        return
    i18n.install("zh_CN", None)


def from_environment(english: bool = False) -> str:
    """The language asked for by ``--english`` or ``VILLAGEBOOK_LANG``; installs it."""
    language = "en" if english else os.environ.get(ENV, "zh_CN")
    use(language)
    return language
