"""Long text in a PDF costs time linear in its length: it is laid out in chunks."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from villagebook.reports import base

SENTENCE = "村党支部研究决定，加强基层组织建设，落实三会一课制度，切实提高党员教育管理水平。"


@given(
    text=st.text(alphabet=st.sampled_from(["王", "。", "\n", "a", " ", "&", "<"]), max_size=900),
    size=st.integers(min_value=5, max_value=120),
)
def test_chunks_are_bounded_and_keep_every_character(text: str, size: int) -> None:
    chunks = base.text_chunks(text, size)
    assert all(len(chunk) <= size for chunk in chunks)
    assert "".join(chunks).replace("\n", "") == text.replace("\n", "")
    if all(len(line) <= size for line in text.split("\n")):
        assert "\n".join(chunks) == text  # a short line is never cut: pieces end at breaks


def test_a_long_line_is_cut_after_a_sentence() -> None:
    chunks = base.text_chunks(SENTENCE * 100, 500)
    assert all(chunk.endswith("。") for chunk in chunks[:-1])


def test_short_text_stays_one_paragraph() -> None:
    st_ = base.styles()
    assert isinstance(base.para("短文", st_.body), Paragraph)
    assert isinstance(base.para(SENTENCE * 200, st_.body), base.LongText)


@pytest.fixture
def wrapped(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Characters ReportLab measures to break lines, call by call (the work of a layout)."""
    from reportlab.lib import textsplit

    counts: list[int] = []
    original = textsplit.getCharWidths

    def counting(word: str, font_name: str, font_size: float) -> list[float]:
        counts.append(len(word))
        return original(word, font_name, font_size)  # type: ignore[no-any-return]

    monkeypatch.setattr(textsplit, "getCharWidths", counting)
    from villagebook.reports import typeset

    units = typeset._units

    def counting_units(frags: Any) -> Any:  # the Chinese line breaker measures here
        made = units(frags)
        counts.append(len(made))
        return made

    monkeypatch.setattr(typeset, "_units", counting_units)
    yield counts


def _render(chars: int) -> bytes:
    text = (SENTENCE * (chars // len(SENTENCE) + 1))[:chars] + "【完】"
    st_ = base.styles()
    out = io.BytesIO()
    base.build_pdf(
        out,
        lambda: [base.para("决议", st_.heading), base.para(text, st_.body)],
        title="test",
        footer="test",
    )
    return out.getvalue()


def test_rule_pdf_linear_laying_out_long_text_is_linear_in_its_length(
    wrapped: list[int],
) -> None:
    _render(20_000)
    small = sum(wrapped)
    wrapped.clear()
    pdf = _render(100_000)
    large = sum(wrapped)
    # five times the text, about five times the work (one long paragraph: about 25 times)
    assert large < 6.5 * small, (small, large)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 40
    assert "【完】" in reader.pages[-1].extract_text()


def test_rule_pdf_linear_one_long_paragraph_would_be_quadratic(wrapped: list[int]) -> None:
    """The failing case the chunks avoid: ReportLab re-wraps the rest on every page."""
    st_ = base.styles()
    for chars in (10_000, 40_000):
        text = (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]
        base.build_pdf(
            io.BytesIO(),
            lambda text=text: [Paragraph(base.escape(text), st_.body)],
            title="t",
            footer="t",
        )
        wrapped.append(-1)
    first = wrapped.index(-1)
    small, large = sum(wrapped[:first]), sum(wrapped[first + 1 : -1])
    assert large > 8 * small, (small, large)  # four times the text, far more than 4× the work


def test_rule_pdf_linear_the_minutes_of_a_100k_character_resolution(demo_book: object) -> None:
    """Through the Book's pipeline: every character is printed, on about 50 pages."""
    import sqlite3
    import uuid

    from villagebook.services.book import Book
    from villagebook.services.printing import ReportRequest

    assert isinstance(demo_book, Book)
    text = (SENTENCE * 2500)[:100_000] + "【决议完】"
    conn = sqlite3.connect(demo_book.path)
    with conn:
        meeting = conn.execute("SELECT id FROM meeting LIMIT 1").fetchone()[0]
        conn.execute("UPDATE meeting SET resolutions = ? WHERE id = ?", (text, meeting))
    conn.close()
    report = demo_book.reports.render(ReportRequest("minutes", subject_id=uuid.UUID(meeting)))
    reader = PdfReader(io.BytesIO(report.data))
    assert 40 <= report.pages == len(reader.pages) <= 70
    printed = "".join(page.extract_text() for page in reader.pages)
    assert "【决议完】" in printed
    assert "".join(printed.split()).count("落实三会一课制度") >= 2450  # (some cut by a page)


@pytest.mark.parametrize("above_mm", [0, 37, 120, 200, 240, 246, 249])
def test_long_text_starting_anywhere_on_a_page_flows_on(above_mm: int) -> None:
    """Wherever it begins (even a line above the bottom), it fills the page and goes on."""
    st_ = base.styles()
    text = "\n".join(SENTENCE * 30 for _ in range(8)) + "【完】"
    out = io.BytesIO()
    pages = base.build_pdf(
        out,
        lambda: [base.gap(above_mm), base.para(text, st_.body), base.para("其后", st_.body)],
        title="t",
        footer="页脚",
    )
    reader = PdfReader(io.BytesIO(out.getvalue()))
    printed = "".join(  # the text of the pages without their footers, spaces or line ends
        re.sub(r"页脚第\d+页共\d+页", "", "".join(page.extract_text().split()))
        for page in reader.pages
    )
    assert printed.count("落实三会一课制度") == 240 and "【完】其后" in printed
    assert pages == len(reader.pages) <= 7
