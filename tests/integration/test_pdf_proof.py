"""Every report kind of the demo branch, checked by the tools an inspector has: poppler's
``pdfsig`` (signature present and valid), ``qpdf --check``, ``pdffonts`` (every font
embedded), pikepdf's PDF/A-3b validator, and ``verify``."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from pikepdf.pdfa import prepare
from pypdf import PdfReader

from villagebook.domain.proof.values import Verdict
from villagebook.services.book import Book
from villagebook.services.exchange import schema_problems
from villagebook.services.printing import ReportRequest
from villagebook.services.proof.archive import FLAVOUR
from villagebook.services.proof.signing import unsigned_revision
from villagebook.storage.db import open_database

TOOLS = ("pdfsig", "qpdf", "pdffonts")


def check(data: bytes) -> list[str]:
    """pikepdf's PDF/A-3b verdict on ``data``: the findings, empty when it passes (the
    validator lives here, not in the app: the Windows payload carries neither
    ``pikepdf.pdfa`` nor fontTools)."""
    from pikepdf.pdfa import validate_written

    report = validate_written(io.BytesIO(data), FLAVOUR)
    return [f"[{f.kind}] {f.rule} {f.where}: {f.message}" for f in report.findings]


def demo_requests(book: Book) -> list[ReportRequest]:
    """One request of every report kind of the demo branch."""
    branch = book.roster.require_branch(None).id
    meeting = book.meetings.records(branch)[0].id
    matters = book.deliberations.deliberations(branch)
    matter = next(m.id for m in matters if m.status.value in ("decided", "completed"))
    person = book.development.board(branch, dt.date(2026, 11, 22))[0].person_id
    return [
        ReportRequest("roster"),
        ReportRequest("minutes", subject_id=meeting),
        ReportRequest("volume", year=2026, quarter=3),
        ReportRequest("dossier", subject_id=person),
        ReportRequest("development-roster"),
        ReportRequest("deliberation", subject_id=matter),
        ReportRequest("publicity", subject_id=matter),
        ReportRequest("attendance", year=2026),
        ReportRequest("meeting-plan", year=2026, quarter=4),
        ReportRequest("talks", year=2026, quarter=3),
        ReportRequest("development-plan", year=2026),
        ReportRequest("deliberation-ledger", year=2026),
        ReportRequest("ledger", year=2026, quarter=3),
        ReportRequest("annual", year=2025),
        ReportRequest("self-check", year=2026, quarter=3),
        ReportRequest("township"),
    ]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False)


@pytest.mark.slow
@pytest.mark.skipif(
    any(shutil.which(t) is None for t in TOOLS), reason="poppler-utils and qpdf (setup.sh)"
)
def test_every_kind_passes_pdfsig_qpdf_pdffonts_pdfa_and_verify(
    demo_book: Book, tmp_path: Path
) -> None:
    requests = demo_requests(demo_book)
    assert {r.kind for r in requests} == {k.key for k in demo_book.reports.kinds()}, (
        "a new report kind: add a request for it here"
    )
    township = Book(open_database(tmp_path / "township", actor="测试"))
    township.township.init("中共石门镇委员会", township="石门镇", county="云岭县")
    for request in requests:
        # the township summary is made on a township installation (refused on a branch)
        book = township if request.kind == "township" else demo_book
        report = book.reports.render(request)
        path = tmp_path / f"{request.kind}.pdf"
        path.write_bytes(report.data)

        signature = _run("pdfsig", str(path)).stdout
        assert "Signature #1" in signature, request.kind
        assert "Signature Validation: Signature is Valid." in signature, request.kind
        assert "Total document signed" in signature, request.kind

        qpdf = _run("qpdf", "--check", str(path))
        assert qpdf.returncode == 0, (request.kind, qpdf.stdout, qpdf.stderr)

        fonts = _run("pdffonts", str(path)).stdout.splitlines()[2:]
        assert fonts, request.kind
        for line in fonts:  # name type encoding emb sub uni object ID
            assert line.split()[-5] == "yes", (request.kind, line)

        # PDF/A-3b: the document as finished passes pikepdf's validator; the signature
        # revision adds a form field, which the validator does not evaluate (README)
        assert check(unsigned_revision(report.data)) == [], request.kind
        with pikepdf.open(io.BytesIO(unsigned_revision(report.data))) as pdf:
            # our own output intent and declaration: pikepdf's prepare finds nothing to do
            repairs = prepare(pdf, FLAVOUR)
            assert not repairs.changed, (request.kind, repairs.describe())
        assert not [f for f in check(report.data) if f.startswith("[violation]")]
        with pikepdf.open(io.BytesIO(report.data)) as pdf:  # the signature field's clauses
            assert pikepdf.Name.NeedAppearances not in pdf.Root.AcroForm  # 6.4.1
            (field,) = pdf.Root.AcroForm.Fields
            assert [float(x) for x in field.Rect] == [0, 0, 0, 0]  # invisible widget
            assert int(field.F) & 4  # 6.3.2: the Print flag
            assert field.V.SubFilter == pikepdf.Name("/ETSI.CAdES.detached")  # 6.4.3

        verdict = book.reports.verify(report.data)
        assert verdict.verdict is Verdict.VALID, (request.kind, verdict.problems)
        with pikepdf.open(io.BytesIO(report.data)) as pdf:
            records = json.loads(
                pdf.attachments["villagebook-records.json"].get_file().read_bytes()
            )
        assert schema_problems(records) == [], request.kind
        first = PdfReader(io.BytesIO(report.data)).pages[0].extract_text()
        assert report.report_id in first and "不是电子签章" in first, request.kind
    township.close()
