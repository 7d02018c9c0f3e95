"""``verify``: an untouched report verifies; every way of tampering fails with its reason.

Each rule code (PDF-READABLE, PDF-SIGNED, PDF-INTACT, PDF-UNCHANGED, PDF-SIGNER-KNOWN,
PDF-RECORDS, PDF-STAMP) has a passing case (the untouched report) and a failing one.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pikepdf
import pytest

from villagebook.domain.proof.values import Verdict, VerifyReport
from villagebook.services.book import Book
from villagebook.services.printing import RenderedReport, ReportRequest
from villagebook.services.proof.archive import DocumentFacts, archive
from villagebook.services.proof.signing import sign, unsigned_revision
from villagebook.storage.db import open_database

WHEN = dt.datetime(2026, 11, 22, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def failed(report: VerifyReport) -> set[str]:
    return {c.code for c in report.problems}


@pytest.fixture
def minutes(demo_book: Book) -> RenderedReport:
    meeting = demo_book.meetings.records(demo_book.roster.require_branch(None).id)[0]
    return demo_book.reports.render(
        ReportRequest("minutes", subject_id=meeting.id, generated_at=WHEN)
    )


@pytest.fixture
def other_book(tmp_path: Path, template_demo: Path) -> Book:
    """Another installation (its own data folder and key) with the same demo branch."""
    from tests.conftest import _copy_template

    folder = _copy_template(template_demo, tmp_path / "other-installation")
    return Book(open_database(folder))


def _incremental(data: bytes, change: object) -> bytes:
    """Append an incremental update made by ``change(writer)`` (as a PDF editor would)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    change(writer)  # type: ignore[operator]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _first_page(writer: object) -> object:
    return writer.root["/Pages"]["/Kids"][0].get_object()  # type: ignore[attr-defined]


# --- the untouched report ----------------------------------------------------------------


def test_an_untouched_report_verifies(demo_book: Book, minutes: RenderedReport) -> None:
    report = demo_book.reports.verify(minutes.data)
    assert report.verdict is Verdict.VALID and report.exit_code == 0
    assert {c.code for c in report.checks if c.ok} == {
        "PDF-SIGNED",
        "PDF-INTACT",
        "PDF-UNCHANGED",
        "PDF-SIGNER-KNOWN",
        "PDF-RECORDS",
        "PDF-STAMP",
    }
    assert report.report_id == minutes.report_id
    assert report.kind == "minutes"
    assert report.signer is not None and report.signer.known_as == "self"
    assert report.signer.identity.branch_name == "中共青山村支部委员会"
    assert report.records is not None and report.records.sha256 == minutes.records_sha256
    assert report.records.counts["meetings"] == 1
    assert report.to_json()["verdict"] == "valid"


# --- altered -----------------------------------------------------------------------------


def test_pdf_intact_fails_when_one_digit_of_a_content_stream_changes(
    demo_book: Book, minutes: RenderedReport
) -> None:
    with pikepdf.open(io.BytesIO(minutes.data)) as pdf:
        stream = max(pdf.pages[0].obj.Contents, key=lambda s: len(s.read_bytes()))
        content = stream.read_bytes()
        match = re.search(rb"\b(\d)\d*\.\d+ \d", content)
        assert match is not None
        digit = match.group(1)
        other = b"7" if digit != b"7" else b"3"
        stream.write(content[: match.start(1)] + other + content[match.end(1) :])
        out = io.BytesIO()
        pdf.save(out)
    report = demo_book.reports.verify(out.getvalue())
    assert report.verdict is Verdict.ALTERED and report.exit_code == 10
    assert "PDF-INTACT" in failed(report)


def test_pdf_intact_fails_when_a_byte_is_changed_in_place(
    demo_book: Book, minutes: RenderedReport
) -> None:
    data = bytearray(minutes.data)
    where = data.index(b"/Type /Page") if b"/Type /Page" in data else 4000
    data[where + 2] ^= 0x01
    report = demo_book.reports.verify(bytes(data))
    assert report.verdict is Verdict.ALTERED
    assert "PDF-INTACT" in failed(report)


def test_pdf_unchanged_fails_when_an_annotation_is_appended(
    demo_book: Book, minutes: RenderedReport
) -> None:
    from pyhanko.pdf_utils import generic

    def annotate(writer: object) -> None:
        page = _first_page(writer)
        note = generic.DictionaryObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/Annot"),
                generic.NameObject("/Subtype"): generic.NameObject("/Text"),
                generic.NameObject("/Rect"): generic.ArrayObject(
                    [generic.NumberObject(n) for n in (100, 600, 120, 620)]
                ),
                generic.NameObject("/Contents"): generic.TextStringObject("实到28人"),
                generic.NameObject("/F"): generic.NumberObject(4),
            }
        )
        annots = page.get("/Annots", generic.ArrayObject())  # type: ignore[attr-defined]
        annots.append(writer.add_object(note))  # type: ignore[attr-defined]
        page[generic.NameObject("/Annots")] = annots  # type: ignore[index]
        writer.update_container(page)  # type: ignore[attr-defined]

    report = demo_book.reports.verify(_incremental(minutes.data, annotate))
    assert report.verdict is Verdict.ALTERED
    assert "PDF-UNCHANGED" in failed(report)
    assert "PDF-INTACT" not in failed(report)  # the signed bytes themselves are untouched


def test_pdf_unchanged_fails_for_a_white_box_drawn_over_the_page(
    demo_book: Book, minutes: RenderedReport
) -> None:
    from pyhanko.pdf_utils import generic

    def cover(writer: object) -> None:
        page = _first_page(writer)
        box = generic.StreamObject(stream_data=b"q 1 1 1 rg 300 640 120 18 re f Q\n")
        contents = page["/Contents"]  # type: ignore[index]
        parts = (
            list(contents)
            if isinstance(contents, generic.ArrayObject)
            else [page.raw_get("/Contents")]  # type: ignore[attr-defined]
        )
        page[generic.NameObject("/Contents")] = generic.ArrayObject(  # type: ignore[index]
            [*parts, writer.add_object(box)]  # type: ignore[attr-defined]
        )
        writer.update_container(page)  # type: ignore[attr-defined]

    report = demo_book.reports.verify(_incremental(minutes.data, cover))
    assert report.verdict is Verdict.ALTERED
    assert "PDF-UNCHANGED" in failed(report)


def _replace_records(writer: object, new: bytes) -> None:
    from pyhanko.pdf_utils import generic

    names = writer.root["/Names"]["/EmbeddedFiles"]["/Names"]  # type: ignore[attr-defined]
    spec = names[1].get_object()
    stream = generic.StreamObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/EmbeddedFile"),
            generic.NameObject("/Subtype"): generic.NameObject("/application/json"),
        },
        stream_data=new,
    )
    ref = writer.add_object(stream)  # type: ignore[attr-defined]
    for key in spec["/EF"]:  # /F and /UF
        spec["/EF"][generic.NameObject(key)] = ref
    writer.update_container(spec)  # type: ignore[attr-defined]


def test_replaced_records_fail_pdf_records_and_pdf_unchanged(
    demo_book: Book, minutes: RenderedReport
) -> None:
    with pikepdf.open(io.BytesIO(minutes.data)) as pdf:
        records = json.loads(pdf.attachments["villagebook-records.json"].get_file().read_bytes())
    records["meetings"][0]["attendance"] = records["meetings"][0]["attendance"][:3]
    new = json.dumps(records, ensure_ascii=False).encode()
    report = demo_book.reports.verify(
        _incremental(minutes.data, lambda w: _replace_records(w, new))
    )
    assert report.verdict is Verdict.ALTERED
    assert {"PDF-RECORDS", "PDF-UNCHANGED"} <= failed(report)


# --- unsigned, unknown signer, damaged ---------------------------------------------------------


def test_pdf_signed_fails_when_the_signature_is_stripped(
    demo_book: Book, minutes: RenderedReport
) -> None:
    report = demo_book.reports.verify(unsigned_revision(minutes.data))
    assert report.verdict is Verdict.UNSIGNED and report.exit_code == 11
    assert "PDF-SIGNED" in failed(report)
    # the records and the stamp are still consistent: only the signature is missing
    assert {"PDF-RECORDS", "PDF-STAMP"}.isdisjoint(failed(report))


def test_pdf_signed_fails_when_the_signature_field_is_removed(
    demo_book: Book, minutes: RenderedReport
) -> None:
    with pikepdf.open(io.BytesIO(minutes.data)) as pdf:
        del pdf.Root.AcroForm
        page = pdf.pages[0]
        del page.obj.Annots
        out = io.BytesIO()
        pdf.save(out)
    report = demo_book.reports.verify(out.getvalue())
    assert report.verdict is Verdict.UNSIGNED


def test_re_signing_with_another_key_gives_unknown_signer(
    demo_book: Book, other_book: Book, minutes: RenderedReport
) -> None:
    forged = sign(unsigned_revision(minutes.data), other_book.identity.signer())
    report = demo_book.reports.verify(forged)
    assert report.verdict is Verdict.UNKNOWN_SIGNER and report.exit_code == 12
    assert failed(report) == {"PDF-SIGNER-KNOWN"}
    assert report.signer is not None and report.signer.known_as == "unknown"


def test_a_second_signature_appended_counts_as_altered(
    demo_book: Book, other_book: Book, minutes: RenderedReport
) -> None:
    from pyhanko.sign import fields

    from villagebook.services.proof import signing

    original = signing.FIELD_NAME
    try:
        signing.FIELD_NAME = "Second"
        twice = sign(minutes.data, other_book.identity.signer())
    finally:
        signing.FIELD_NAME = original
    assert fields  # pyHanko appended a second signature field
    report = demo_book.reports.verify(twice)
    assert report.verdict is Verdict.ALTERED
    assert "PDF-UNCHANGED" in failed(report)


def test_a_report_of_an_installation_not_in_the_trust_list_is_unknown_until_trusted(
    demo_book: Book, other_book: Book, tmp_path: Path
) -> None:
    report = other_book.reports.render(ReportRequest("roster", generated_at=WHEN))
    unknown = demo_book.reports.verify(report.data)
    assert unknown.verdict is Verdict.UNKNOWN_SIGNER
    assert "PDF-SIGNER-KNOWN" in failed(unknown)
    certificate = other_book.identity.export_certificate(tmp_path / "branch.pem")
    demo_book.identity.trust(certificate)
    trusted = demo_book.reports.verify(report.data)
    assert trusted.verdict is Verdict.VALID
    assert trusted.signer is not None and trusted.signer.known_as == "trusted"


@pytest.mark.parametrize(
    "data",
    [b"", b"not a pdf at all", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"],
    ids=["empty", "text", "truncated"],
)
def test_pdf_readable_fails_for_a_damaged_file(demo_book: Book, data: bytes) -> None:
    report = demo_book.reports.verify(data)
    assert report.verdict is Verdict.DAMAGED and report.exit_code == 13


def test_a_truncated_report_is_damaged_or_unsigned_never_valid(
    demo_book: Book, minutes: RenderedReport
) -> None:
    report = demo_book.reports.verify(minutes.data[: len(minutes.data) // 2])
    assert report.verdict in (Verdict.DAMAGED, Verdict.UNSIGNED, Verdict.ALTERED)


# --- consistency of records, metadata and stamp, signed by the right key ----------------------


def _rebuild(demo_book: Book, minutes: RenderedReport, **change: str) -> bytes:
    """The minutes finished again from their own parts with one fact changed, and signed
    with this installation's own key (a bug or a forger holding the key)."""
    with pikepdf.open(io.BytesIO(minutes.data)) as pdf:
        records = pdf.attachments["villagebook-records.json"].get_file().read_bytes()
    stamped = unsigned_revision(minutes.data)
    signer = demo_book.identity.signer()
    facts = DocumentFacts(
        title="t",
        branch="b",
        kind="minutes",
        period="p",
        report_id=change.get("report_id", minutes.report_id),
        generated_at=WHEN,
        records_sha256=change.get("digest", minutes.records_sha256),
        fingerprint=signer.identity.fingerprint,
        description="d",
    )
    with pikepdf.open(io.BytesIO(stamped)) as pdf:
        del pdf.Root.AF
        del pdf.Root.Names
        out = io.BytesIO()
        pdf.save(out)
    # the already stamped pages with no stamp over them again: an empty overlay page
    from reportlab.pdfgen.canvas import Canvas

    blank = io.BytesIO()
    canvas = Canvas(blank)
    with pikepdf.open(io.BytesIO(out.getvalue())) as pdf:
        for page in pdf.pages:
            canvas.setPageSize((float(page.mediabox[2]), float(page.mediabox[3])))
            canvas.showPage()
    canvas.save()
    return sign(archive(out.getvalue(), blank.getvalue(), records, facts), signer)


def test_pdf_records_fails_when_the_metadata_digest_differs(
    demo_book: Book, minutes: RenderedReport
) -> None:
    data = _rebuild(demo_book, minutes, digest="0" * 64)
    report = demo_book.reports.verify(data)
    assert report.verdict is Verdict.ALTERED
    assert "PDF-RECORDS" in failed(report)
    assert "PDF-INTACT" not in failed(report)


def test_pdf_stamp_fails_when_the_pages_name_another_report(
    demo_book: Book, minutes: RenderedReport
) -> None:
    data = _rebuild(demo_book, minutes, report_id="VB-20261122-AAAAAAAA")
    report = demo_book.reports.verify(data)
    assert report.verdict is Verdict.ALTERED
    assert failed(report) == {"PDF-STAMP"}
