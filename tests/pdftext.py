"""Reading rendered PDFs as a reader sees them: the lines of text, where they stand.

:func:`page_lines` rebuilds each printed line (a table cell's line, a paragraph's line) from
the text operations of a page: runs on the same baseline that follow on from each other
are one line.  :func:`split_names` finds a name broken across two lines of one cell or
paragraph: the first part ends a line, the rest starts the next line below, at the same
left edge.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from villagebook.reports.base import FONT, register_font


@dataclass
class Line:
    x: float
    y: float
    size: float
    text: str
    end: float


def page_lines(pdf: bytes) -> list[list[Line]]:
    """Each page's printed lines, in the order they were drawn."""
    register_font()
    return [_lines(page) for page in PdfReader(io.BytesIO(pdf)).pages]


def _lines(page: Any) -> list[Line]:
    runs: list[Line] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        text = text.replace("\n", "")
        if not text.strip():
            return
        scale = tm[0] * cm[0] or 1
        x = tm[4] * cm[0] + cm[4]
        y = tm[5] * cm[3] + cm[5]
        real = size * scale
        width = stringWidth(text, FONT, real)
        last = runs[-1] if runs else None
        if last and abs(last.y - y) < 0.5 and abs(last.end - x) < 1.0:
            last.text += text
            last.end = x + width
        else:
            runs.append(Line(x, y, real, text, x + width))

    page.extract_text(visitor_text=visit)
    return runs


def split_names(pdf: bytes, names: Iterable[str]) -> list[str]:
    """Every name printed broken across two lines (``"孙凤|英"``), with the page number."""
    wanted = [n for n in set(names) if len(n) > 1]
    found = []
    for number, lines in enumerate(page_lines(pdf), 1):
        for first in lines:
            below = [
                line
                for line in lines
                if abs(line.x - first.x) < 0.8 and 0 < first.y - line.y < first.size * 2.2
            ]
            if not below:
                continue
            second = max(below, key=lambda line: line.y)
            head, tail = first.text.rstrip(), second.text.lstrip()
            for name in wanted:
                for k in range(1, len(name)):
                    if head.endswith(name[:k]) and tail.startswith(name[k:]):
                        found.append(f"p{number}: {name[:k]}|{name[k:]}")
    return found


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text with line breaks and spaces removed (for figures)."""
    return [
        page.extract_text().replace("\n", "").replace(" ", "")
        for page in PdfReader(io.BytesIO(pdf)).pages
    ]
