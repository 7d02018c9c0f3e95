"""Cleaning typed text before it is checked or stored.

Two kinds of text, two rules:

- **Prose** (names, places, topics, speeches, resolutions, reasons, notes): stored exactly
  as typed.  Full-width punctuation (，。；：“”（）), full-width spaces and every character
  stay what they are; only invisible characters (zero-width spaces, the byte-order mark)
  are dropped, line breaks are made uniform and the ends are trimmed (:func:`as_typed`).
- **Codes and numbers** (ID numbers, phone numbers, amounts, numbers typed with full-width
  digits): NFKC-normalised, so ``１２３`` is ``123``, and every space dropped
  (:func:`clean_code`).  This is the normalisation that was applied to everything before;
  ID and phone numbers are stored and matched (duplicates) exactly as before.

:func:`match_key` is for comparing names (a Party group's name must be unique) without
changing what is stored: two names that differ only by width or spacing are the same name.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff]")
_SPACE_AND_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2060\ufeff]")


def as_typed(value: str | None) -> str:
    """Prose as typed: invisible characters dropped, line breaks uniform, ends trimmed."""
    if not value:
        return ""
    text = _INVISIBLE.sub("", value).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def clean_code(value: str | None) -> str:
    """A code or number: NFKC-normalised (full-width digits become ASCII), no spaces."""
    if not value:
        return ""
    return _SPACE_AND_INVISIBLE.sub("", unicodedata.normalize("NFKC", value))


def match_key(value: str | None) -> str:
    """What two names are compared by: width, case and spacing do not count."""
    return clean_code(value).casefold()
