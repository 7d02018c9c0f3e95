"""Chinese line breaking: never inside a name, a date, a number or a status; no closing mark
at a line start, no opening mark at a line end; text shrinks rather than splits."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from villagebook.reports.base import build_pdf, grid_table, para, styles, whole
from villagebook.reports.typeset import CLOSING, OPENING, CJKParagraph, clusters, keep_words

TEXT = (
    "出席人员：孙凤英、胡国华、李玉梅（外出务工，已请假）。会议于2026年11月22日召开，"
    "应到12人，实到10人；表决：赞成9票、反对0票、弃权1票，“关于《村规民约》修订的决议”"
    "通过。规则MTG-ABSENT-6M已检查，参加率86.5%，涉及金额386,000.00元。"
)
NAMES = ["孙凤英", "胡国华", "李玉梅"]
WHOLE = [*NAMES, "2026年11月22日", "弃权1票", "赞成9票", "MTG-ABSENT-6M", "86.5%", "386,000.00元"]


def _lines(text: str, width: float, names: list[str] = NAMES) -> list[str]:
    with keep_words(names):
        p = para(text, styles().body)
        p.wrap(width, 10_000)
        return p.line_texts()


@pytest.mark.parametrize("width_mm", range(22, 120, 3))
def test_names_dates_numbers_and_votes_stay_on_one_line(width_mm: int) -> None:
    lines = _lines(TEXT, width_mm * mm)
    assert "".join(lines) == TEXT
    for word in WHOLE:
        assert any(word in line for line in lines), (word, lines)


@pytest.mark.parametrize("width_mm", range(22, 120, 3))
def test_no_closing_mark_starts_and_no_opening_mark_ends_a_line(width_mm: int) -> None:
    lines = _lines(TEXT, width_mm * mm)
    assert all(line[0] not in CLOSING for line in lines[1:]), lines
    assert all(line[-1] not in OPENING for line in lines[:-1]), lines


def test_an_unknown_name_may_break_but_a_kept_one_never() -> None:
    """Without the roster's names a name is just characters (the failing case)."""
    broken = [_lines("出席：孙凤英、胡国华、李玉梅", w * mm, names=[]) for w in range(14, 40)]
    assert any(line.endswith(("孙凤", "孙")) for lines in broken for line in lines)
    kept = [_lines("出席：孙凤英、胡国华、李玉梅", w * mm) for w in range(14, 40)]
    assert not any(line.endswith(("孙凤", "孙")) for lines in kept for line in lines)


def test_a_closing_quote_never_starts_a_line_where_reportlab_would_put_it() -> None:
    text = "会议同意“关于村规民约修订的决议”，由支委会组织实施。"
    plain = Paragraph(text, styles().body)
    plain.wrap(46, 1000)
    theirs = ["".join(line[1]) for line in plain.blPara.lines]  # (space, [text])
    assert any(line.startswith("”") for line in theirs)  # ReportLab's own wrapping
    ours = _lines(text, 46)
    assert "".join(ours) == text and all(line[0] not in CLOSING for line in ours[1:])


def test_a_whole_cell_shrinks_to_fit_instead_of_breaking() -> None:
    cell = whole("文化程度", styles().cell)
    cell.wrap(8 * mm, 100)
    assert cell.line_texts() == ["文化程度"] and cell.style.fontSize < styles().cell.fontSize
    date = CJKParagraph("2026-11-22", styles().cell)
    date.wrap(12 * mm, 100)
    assert date.line_texts() == ["2026-11-22"]


def test_clusters_follow_the_rules() -> None:
    text = "第3步（确定）：2026-11-22"
    spans = [text[s:e] for s, e in clusters(text)]
    assert "2026-11-22" in spans and "第3步（" not in spans
    assert not any(span.startswith(("）", "：")) for span in spans)


def test_no_pdf_names_helvetica_even_with_empty_table_cells(tmp_path: object) -> None:
    out = io.BytesIO()
    build_pdf(
        out,
        lambda: [grid_table([["甲", ""], ["", "乙"]], [30 * mm, 30 * mm])],
        title="t",
        footer="f",
    )
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(out).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("WenQuanYi" in f for f in fonts)
    raw = out.getvalue()
    assert b"Helvetica" not in raw
    plain = io.BytesIO()
    SimpleDocTemplate(plain).build([Table([["", ""]])])
    assert b"Helvetica" in plain.getvalue()  # what ReportLab does unless told otherwise


def test_a_long_record_carries_its_heading_on_further_pages() -> None:
    from villagebook.reports.base import RecordEnd, RecordStart

    out = io.BytesIO()
    st = styles()
    body = [para("发言摘要" * 40, st.body) for _ in range(30)]
    build_pdf(
        out,
        lambda: [
            RecordStart("支部党员大会记录　2026-08-20"),
            *body,
            RecordEnd(),
            para("完", st.body),
        ],
        title="t",
        footer="f",
    )
    pages = [p.extract_text() for p in PdfReader(out).pages]
    assert len(pages) >= 3
    assert "（续）" not in pages[0]
    assert all("支部党员大会记录" in p and "（续）" in p for p in pages[1:])
