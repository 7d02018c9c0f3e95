"""Every report of the demo branch, rendered through the Book and read back as an inspector
reads it: only embedded fonts, no name broken across lines, and the key figures (counts
required and held per kind, attendance rates, the development funnel) equal to figures
counted independently from the branch's exchange export."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ACTOR, TODAY, _copy_template
from tests.pdftext import page_lines, page_texts, split_names
from villagebook.domain.common.findings import FindingKey
from villagebook.services.book import Book
from villagebook.services.printing import ReportRequest

Q3 = (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
HANDLED_NOTE = "7月3日已补开支委会，补记会议记录"


def _requests(book: Book) -> dict[str, ReportRequest]:
    branch = book.roster.require_branch(None)
    records = book.meetings.records(branch.id, dt.date(2025, 1, 1), TODAY)
    general = next(r for r in reversed(records) if r.kind.value == "general" and r.finalised)
    talks = next(r for r in records if r.kind.value == "talks")
    person = book.development.people_with_cases(branch.id)[0]
    matters = book.deliberations.deliberations(branch.id)
    decided = next(m for m in matters if m.status.value in ("decided", "completed"))
    return {
        "minutes": ReportRequest("minutes", subject_id=general.id),
        "minutes-talks": ReportRequest("minutes", subject_id=talks.id),
        "volume": ReportRequest("volume", year=2026, quarter=3),
        "roster": ReportRequest("roster", as_of=TODAY),
        "roster-unmasked": ReportRequest("roster", as_of=TODAY, options={"unmasked": True}),
        "dossier": ReportRequest("dossier", subject_id=person.person_id, as_of=TODAY),
        "development-roster": ReportRequest("development-roster", as_of=TODAY),
        "development-plan": ReportRequest("development-plan", year=2026),
        "deliberation": ReportRequest("deliberation", subject_id=matters[0].id, as_of=TODAY),
        "publicity": ReportRequest("publicity", subject_id=decided.id),
        "deliberation-ledger": ReportRequest("deliberation-ledger", year=2026),
        "attendance": ReportRequest("attendance", year=2026),
        "meeting-plan": ReportRequest("meeting-plan", year=2026, quarter=4),
        "talks": ReportRequest("talks", year=2025),
        "ledger": ReportRequest("ledger", year=2026, quarter=3),
        "annual": ReportRequest("annual", year=2026),
        "self-check": ReportRequest("self-check", start=Q3[0], end=Q3[1]),
    }


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, template_demo: Path) -> Iterator[dict[str, Any]]:
    """The demo branch's PDFs of every report kind and its exchange export."""
    folder = _copy_template(template_demo, tmp_path_factory.mktemp("ledgers") / "data")
    with Book.open(folder, actor=ACTOR, today=lambda: TODAY) as book:
        branch = book.roster.require_branch(None)
        key = FindingKey("MTG-COMMITTEE-M", "", "2026年6月")
        book.checks.mark_handled(branch.id, key, HANDLED_NOTE, day=dt.date(2026, 7, 3))
        export = book.exchange.export(branch.id, folder.parent / "export.json")
        pdfs = {name: book.reports.render(r).data for name, r in _requests(book).items()}
        kinds = {k.key for k in book.reports.kinds()}
    yield {
        "pdfs": pdfs,
        "export": json.loads(export.read_text(encoding="utf-8")),
        "kinds": kinds,
        "folder": folder,
    }


def test_every_report_kind_is_rendered(demo: dict[str, Any]) -> None:
    requested = {name.split("-talks")[0].split("-unmasked")[0] for name in demo["pdfs"]}
    # The township summary is a township installation's report (services/township).
    assert demo["kinds"] - {"township"} <= requested


def test_pdffonts_lists_only_embedded_fonts_for_every_report(
    demo: dict[str, Any], tmp_path: Path
) -> None:
    pdffonts = shutil.which("pdffonts")
    assert pdffonts, "poppler-utils (pdffonts) is installed by scripts/setup.sh"
    for name, data in demo["pdfs"].items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(data)
        listing = subprocess.run(
            [pdffonts, str(path)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert listing, name
        for line in listing:
            assert "Helvetica" not in line, (name, line)
            embedded = line[line.index("WinAnsi") :].split()[1] if "WinAnsi" in line else ""
            assert " yes " in f" {line} " and embedded == "yes", (name, line)


def test_no_name_is_split_across_lines_in_any_report(demo: dict[str, Any]) -> None:
    names = [p["name"] for p in demo["export"]["people"]]
    names += [g["name"] for g in demo["export"]["groups"]]
    broken = {name: split_names(data, names) for name, data in demo["pdfs"].items()}
    assert {k: v for k, v in broken.items() if v} == {}


def test_the_split_finder_sees_reportlabs_own_breaks() -> None:
    """ReportLab's own CJK wrapping breaks names (孙凤|英): the finder must see that."""
    import io

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from villagebook.reports.base import FONT, register_font

    register_font()
    plain = ParagraphStyle("plain", fontName=FONT, fontSize=9.5, wordWrap="CJK")
    out = io.BytesIO()
    cell = Paragraph("出席人员：孙凤英、胡国华、李玉梅", plain)
    SimpleDocTemplate(out).build([Table([[cell]], colWidths=[40])])
    assert split_names(out.getvalue(), ["孙凤英", "胡国华", "李玉梅"])


# --- figures against the exchange export ---------------------------------------------------


def _rows(data: bytes) -> list[list[str]]:
    """Each table row as the first lines of its cells, left to right (all pages)."""
    rows = []
    for lines in page_lines(data):
        by_y: dict[float, list[Any]] = {}
        for line in lines:
            by_y.setdefault(round(line.y, 1), []).append(line)
        for y in sorted(by_y, reverse=True):
            rows.append([x.text for x in sorted(by_y[y], key=lambda x: x.x)])
    return rows


def _row(rows: list[list[str]], first: str) -> list[str]:
    return next(r for r in rows if r and r[0] == first)


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _meetings_in(export: dict[str, Any], start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    return [m for m in export["meetings"] if start <= _day(m["held_on"]) <= end]


KIND_NAMES = {
    "general": "支部党员大会",
    "committee": "支部委员会会议",
    "lesson": "党课",
    "theme_day": "主题党日",
    "org_life": "组织生活会",
    "appraisal": "民主评议党员",
    "talks": "谈心谈话",
}
#: What the rules ask for in one (past) quarter, counted by hand: monthly kinds 3, quarterly 1.
PER_QUARTER = {"general": 1, "committee": 3, "lesson": 1, "theme_day": 3, "group": 3}


def test_quarterly_ledger_counts_required_and_held_per_kind(demo: dict[str, Any]) -> None:
    export = demo["export"]
    rows = _rows(demo["pdfs"]["ledger"])
    held = Counter((m["kind"], m["group_id"]) for m in _meetings_in(export, *Q3))
    for kind, name in KIND_NAMES.items():
        row = _row(rows, name)
        assert row[2:4] == [str(PER_QUARTER.get(kind, 0)), str(held[(kind, None)])], name
    for group in export["groups"]:
        row = _row(rows, f"{group['name']} 党小组会")
        assert row[2:4] == ["3", str(held[("group", group["id"])])], group["name"]


def _rate(present: int, expected: int) -> str:
    return f"{present / expected * 100:.1f}%" if expected else "—"


def test_quarterly_ledger_attendance_rate_matches_the_export(demo: dict[str, Any]) -> None:
    lines = [a for m in _meetings_in(demo["export"], *Q3) for a in m["attendance"] if a["expected"]]
    present = sum(1 for a in lines if a["presence"] == "present")
    cover = _rows(demo["pdfs"]["ledger"])
    row = next(r for r in cover if "参加率" in r)
    assert row[row.index("参加率") + 1] == _rate(present, len(lines))


def test_attendance_report_per_member_matches_the_export(demo: dict[str, Any]) -> None:
    per: dict[str, Counter[str]] = {}
    names: dict[str, str] = {}
    for meeting in _meetings_in(demo["export"], dt.date(2026, 1, 1), dt.date(2026, 12, 31)):
        for a in meeting["attendance"]:
            if a["expected"] and a["person_id"]:
                per.setdefault(a["person_id"], Counter())[a["presence"]] += 1
                names[a["person_id"]] = a["name"]
    rows = _rows(demo["pdfs"]["attendance"])
    assert len(per) > 20
    for person, counts in per.items():
        expected = sum(counts.values())
        row = next(r for r in rows if len(r) == 7 and r[1] == names[person])
        assert row[2:] == [
            str(expected),
            str(counts["present"]),
            str(counts["leave"]),
            str(counts["absent"]),
            _rate(counts["present"], expected),
        ], names[person]


FUNNEL_STEPS = (1, 3, 7, 15, 23)


def _funnel(export: dict[str, Any], year: int) -> list[int]:
    counts = Counter(
        step["number"]
        for case in export["development_cases"]
        for step in case["steps"]
        if step["done_on"] and _day(step["done_on"]).year == year
    )
    return [counts[n] for n in FUNNEL_STEPS]


def test_the_development_funnel_matches_the_export(demo: dict[str, Any]) -> None:
    expected = _funnel(demo["export"], 2026)
    assert sum(expected) > 3
    plan = _rows(demo["pdfs"]["development-plan"])
    assert _row(plan, "人数")[1:6] == [str(n) for n in expected]
    annual = "".join(page_texts(demo["pdfs"]["annual"]))
    labels = ("入党申请人", "入党积极分子", "发展对象", "预备党员", "正式党员")
    for label, count in zip(labels, expected, strict=True):
        assert f"{label}{count}人" in annual, label


def test_the_annual_report_counts_the_year_per_kind(demo: dict[str, Any]) -> None:
    year = _meetings_in(demo["export"], dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    rows = _rows(demo["pdfs"]["annual"])
    table = [r for r in rows if len(r) > 3 and r[1].startswith("每")]  # not the heatmap's
    for kind, name in KIND_NAMES.items():
        row = _row(table, name)
        assert row[3] == str(sum(1 for m in year if m["kind"] == kind)), name


def test_the_ledger_lists_open_findings_and_handled_ones_with_their_notes(
    demo: dict[str, Any],
) -> None:
    text = "".join(page_texts(demo["pdfs"]["ledger"]))
    handled = text[text.index("已处理的问题及处理情况") :]
    assert "MTG-COMMITTEE-M" in handled and HANDLED_NOTE.replace(" ", "") in handled
    open_part = text[text.index("季度末尚未处理的问题") : text.index("已处理的问题及处理情况")]
    assert "MTG-LESSON-Q" in open_part and "MTG-COMMITTEE-M" not in open_part
    assert "填报人" in text and "审核人" in text


def test_the_volume_shows_the_quarters_compliance(demo: dict[str, Any]) -> None:
    first = page_texts(demo["pdfs"]["volume"])[0]
    assert "合规情况" in first and "逾期定稿记录1份" in first
    assert "MTG-RECORD-3WD" in first


def test_continuation_pages_of_a_record_carry_its_heading(demo: dict[str, Any]) -> None:
    pages = page_texts(demo["pdfs"]["minutes"])
    assert len(pages) >= 2
    assert all("支部党员大会记录" in p and "（续）" in p for p in pages[1:])
    assert "（续）" not in pages[0]


def test_the_talk_record_prints_on_the_talk_form(demo: dict[str, Any]) -> None:
    text = "".join(page_texts(demo["pdfs"]["minutes-talks"]))
    assert "谈心谈话记录表" in text and "谈话对象" in text
    assert "应到0" not in text and "出席情况" not in text


def test_the_unmasked_roster_is_marked_internal(demo: dict[str, Any]) -> None:
    unmasked = page_texts(demo["pdfs"]["roster-unmasked"])
    masked = page_texts(demo["pdfs"]["roster"])
    assert all("内部资料" in p for p in unmasked)
    assert not any("内部资料" in p for p in masked)
    assert "转正日期" in masked[0] and "职务" in masked[0]


def test_the_dossier_names_each_role_once_and_no_internal_code(demo: dict[str, Any]) -> None:
    text = "".join(page_texts(demo["pdfs"]["dossier"]))
    assert "cpc-2014-rules" not in text
    assert text.count("培养联系人：") <= 1


def test_the_development_roster_has_the_standard_columns(demo: dict[str, Any]) -> None:
    text = "".join(page_texts(demo["pdfs"]["development-roster"]))
    for column in (
        "申请入党",
        "确定积极分子",
        "确定发展对象",
        "接收预备党员",
        "培养联系人",
        "入党介绍人",
    ):
        assert column in text
    assert "填表人" in text and "审核人" in text


def test_the_registry_knows_which_module_lists_each_report_kind() -> None:
    from villagebook.services import registry

    for source in registry.REPORT_MODULES:
        for kind in source():
            assert registry.REPORT_SOURCES[kind.key] is source, kind.key
    listed = {k.key for source in registry.REPORT_MODULES for k in source()}
    assert set(registry.REPORT_SOURCES) == listed


def test_a_report_command_loads_only_its_own_capability(tmp_path: Path) -> None:
    """``villagebook report meeting-plan`` does not load the other capabilities' code."""
    import sys

    script = (
        "import sys\n"
        "from villagebook.services.book import Book\n"
        "from villagebook.services.printing import ReportRequest\n"
        f"book = Book.open(__import__('pathlib').Path({str(tmp_path)!r}))\n"
        "book.reports.kind('meeting-plan')\n"
        "print(sorted(m for m in sys.modules if m.startswith('villagebook.services')))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    loaded = out.stdout
    assert "villagebook.services.meetings.printouts" in loaded
    # Opening a folder loads the app lock (an encrypted folder needs its password) and a
    # report needs the installation's signing identity: safety is loaded, nothing else.
    for other in ("development.printouts", "deliberations.printouts", ".exchange", ".demo"):
        assert other not in loaded, other
