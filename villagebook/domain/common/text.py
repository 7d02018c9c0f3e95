"""Cleaning typed text before it is checked or stored."""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2060\ufeff]")


def clean_text(value: str) -> str:
    """NFKC-normalise (full-width digits become ASCII) and drop invisible characters."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", value))
