"""PDF/A-3b with pikepdf: the stamp laid over every page, the records as an associated file,
XMP metadata, an sRGB output intent, and a deterministic save.

ReportLab cannot write PDF/A by itself; pikepdf (qpdf) does the rest:

- ReportLab's empty text objects (``BT /F1 12 Tf 14.4 TL ET`` at each page's start) name a
  Helvetica it never embeds and never draws with; they are removed with the fonts nothing
  uses, so every font left is embedded, and the empty ``/Trans`` entries go too;
- the sRGB output intent and the PDF/A-3b declaration are added, and the metadata is
  written from the report (title, branch, period, report ID, generator, dates from the
  generation time), so the output is the same for the same input;
- saved with pikepdf's PDF/A save settings and a deterministic file ID.

Of what ``pikepdf.pdfa.prepare`` repairs in an arbitrary document, a ReportLab page needs
only those two (the output intent and the declaration): the tests prove it against
``prepare`` itself for every report kind.  ``pikepdf.pdfa`` is not imported to make a
report because importing it loads the whole validator (fontTools, jsonschema; 0.3 s, and
12 MiB in the Windows payload, which no longer carries it nor fontTools).  The tests run
that validator (the veraPDF rule catalogue) on the result of every kind
(tests/integration/test_pdf_proof.py); nothing in the app imports it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from villagebook import __version__
from villagebook.reports.stamp import RECORDS_DESCRIPTION
from villagebook.services.proof.records import FILE_NAME, MIME_TYPE

if TYPE_CHECKING:
    import pikepdf

FLAVOUR = "3b"
#: The output intent's profile: Little CMS's sRGB IEC61966-2.1 (the one pikepdf ships for
#: its own PDF/A output intents; resources/icc/README.md).
OUTPUT_CONDITION = "sRGB"
OUTPUT_INFO = "sRGB"
#: ``dc:source`` is "sha256:<digest of the embedded records>".
SOURCE_PREFIX = "sha256:"
#: ``dc:relation`` holds "villagebook-key:<fingerprint>" and "villagebook-kind:<kind>".
KEY_PREFIX = "villagebook-key:"
KIND_PREFIX = "villagebook-kind:"


@dataclass(frozen=True)
class DocumentFacts:
    """What the metadata says about the report."""

    title: str
    branch: str
    kind: str
    period: str
    report_id: str
    generated_at: dt.datetime
    records_sha256: str
    fingerprint: str
    description: str


def _pdf_date(moment: dt.datetime) -> str:
    offset = moment.strftime("%z") or "+0000"
    return moment.strftime("D:%Y%m%d%H%M%S") + f"{offset[:3]}'{offset[3:]}'"


#: A text object that only sets a font and leading and draws nothing (ReportLab starts
#: every page with one naming Helvetica).
_EMPTY_TEXT = re.compile(rb"BT\s+/[^\s/\[\]()<>{}%]+\s+[-\d.]+\s+Tf\s+[-\d.]+\s+TL\s+ET\s*")
_FONT_USE = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s+[-\d.]+\s+Tf\b")


def _page_streams(page: pikepdf.Page) -> list[pikepdf.Stream]:
    import pikepdf

    contents = page.obj.get(pikepdf.Name.Contents)
    if contents is None:
        return []
    if isinstance(contents, pikepdf.Array):
        return [item for item in contents if isinstance(item, pikepdf.Stream)]
    return [contents] if isinstance(contents, pikepdf.Stream) else []


def clean(pdf: pikepdf.Pdf) -> None:
    """Remove ReportLab's empty text objects, the fonts nothing draws with, and /Trans."""
    import pikepdf

    used: set[str] = set()
    for page in pdf.pages:
        if pikepdf.Name.Trans in page.obj:
            del page.obj[pikepdf.Name.Trans]
        for stream in _page_streams(page):
            content = stream.read_bytes()
            stripped = _EMPTY_TEXT.sub(b"", content)
            if stripped != content:
                stream.write(stripped)
            used.update("/" + m.decode("latin-1") for m in _FONT_USE.findall(stripped))
    for page in pdf.pages:
        resources = page.obj.get(pikepdf.Name.Resources)
        fonts = resources.get(pikepdf.Name.Font) if resources is not None else None
        if fonts is None:
            continue
        for key in list(fonts.keys()):
            if key not in used:
                del fonts[key]


STAMP_NAME = "/VBStamp"


def _overlay(pdf: pikepdf.Pdf, page: pikepdf.Page, stamp: pikepdf.Page) -> None:
    """Draw ``stamp`` (a page of the same size) over ``page``, as the form ``/VBStamp``
    (pikepdf's own ``add_overlay`` picks a random name: the output would differ each time).
    """
    import pikepdf

    form = pdf.copy_foreign(stamp.as_form_xobject())
    page.add_resource(form, pikepdf.Name.XObject, pikepdf.Name(STAMP_NAME))
    page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
    page.contents_add(pdf.make_stream(f"\nQ\nq {STAMP_NAME} Do Q\n".encode()), prepend=False)


def _attach(pdf: pikepdf.Pdf, records: bytes, facts: DocumentFacts) -> None:
    import pikepdf

    when = _pdf_date(facts.generated_at)
    spec = pikepdf.AttachedFileSpec(
        pdf,
        records,
        description=RECORDS_DESCRIPTION.format(
            report_id=facts.report_id, digest=facts.records_sha256
        ),
        filename=FILE_NAME,
        mime_type=MIME_TYPE,
        creation_date=when,
        mod_date=when,
        relationship=pikepdf.Name.Source,
    )
    pdf.attachments[FILE_NAME] = spec


def _metadata(pdf: pikepdf.Pdf, facts: DocumentFacts) -> None:
    import pikepdf
    import reportlab

    when = facts.generated_at.isoformat()
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
        meta["dc:title"] = facts.title
        meta["dc:creator"] = [facts.branch]
        meta["dc:description"] = facts.description
        meta["dc:identifier"] = facts.report_id
        meta["dc:coverage"] = facts.period
        meta["dc:source"] = SOURCE_PREFIX + facts.records_sha256
        meta["dc:relation"] = {KEY_PREFIX + facts.fingerprint, KIND_PREFIX + facts.kind}
        meta["pdf:Keywords"] = f"VillageBook; {facts.report_id}; {facts.kind}"
        meta["pdf:Producer"] = (
            f"VillageBook {__version__} (ReportLab {reportlab.Version}, pikepdf "
            f"{pikepdf.__version__})"
        )
        meta["xmp:CreatorTool"] = f"VillageBook {__version__}"
        meta["xmp:CreateDate"] = when
        meta["xmp:ModifyDate"] = when
        meta["xmp:MetadataDate"] = when
        meta["pdfaid:part"] = FLAVOUR[0]  # PDF/A-3, conformance level B
        meta["pdfaid:conformance"] = FLAVOUR[1].upper()


def save_kwargs() -> dict[str, Any]:
    """pikepdf's PDF/A-3b save settings (``pikepdf.pdfa.resolve_save_kwargs("3b",
    deterministic_id=True)``; a test keeps the two equal) with a deterministic file ID."""
    import pikepdf

    return {
        "compress_streams": True,
        "recompress_flate": False,
        "linearize": False,
        "progress": None,
        "deterministic_id": True,
        "static_id": False,
        "min_version": "",
        "object_stream_mode": pikepdf.ObjectStreamMode.generate,
        "force_version": "",
        "preserve_pdfa": True,
        "encryption": None,
        "qdf": False,
        "normalize_content": False,
        "stream_decode_level": pikepdf.StreamDecodeLevel.generalized,
        "fix_metadata_version": False,
    }


def _output_intent(pdf: pikepdf.Pdf) -> None:
    """The one PDF/A output intent, sRGB (as ``pikepdf.pdfa.prepare`` writes it)."""
    import pikepdf

    from villagebook.paths import resource

    profile = pikepdf.Stream(pdf, resource("icc", "sRGB.icc").read_bytes())
    profile[pikepdf.Name.N] = 3
    intent = pikepdf.Dictionary(
        {
            "/Type": pikepdf.Name.OutputIntent,
            "/S": pikepdf.Name("/GTS_PDFA1"),
            "/OutputConditionIdentifier": pikepdf.String(OUTPUT_CONDITION),
            "/Info": pikepdf.String(OUTPUT_INFO),
            "/DestOutputProfile": profile,
        }
    )
    pdf.Root[pikepdf.Name.OutputIntents] = pikepdf.Array([pdf.make_indirect(intent)])


def archive(report: bytes, stamp: bytes, records: bytes, facts: DocumentFacts) -> bytes:
    """The finished, unsigned PDF/A-3b: ``stamp``'s pages over ``report``'s, ``records``
    attached.  The same inputs give the same bytes."""
    import pikepdf

    with pikepdf.open(io.BytesIO(report)) as pdf, pikepdf.open(io.BytesIO(stamp)) as overlay:
        clean(pdf)
        clean(overlay)
        for page, stamp_page in zip(pdf.pages, overlay.pages, strict=True):
            _overlay(pdf, page, stamp_page)
        _attach(pdf, records, facts)
        len(pdf.pages)  # reading the page count makes qpdf correct /Count when saving
        _output_intent(pdf)
        _metadata(pdf, facts)
        out = io.BytesIO()
        pdf.save(out, **save_kwargs())
    return out.getvalue()


def page_sizes(report: bytes) -> list[tuple[float, float]]:
    """(width, height) of each page, in points."""
    import pikepdf

    with pikepdf.open(io.BytesIO(report)) as pdf:
        sizes = []
        for page in pdf.pages:
            box = page.mediabox
            sizes.append((float(box[2]) - float(box[0]), float(box[3]) - float(box[1])))
        return sizes
