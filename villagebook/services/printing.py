"""Every PDF the Book prints goes through one pipeline: gather → render → finish → write.

- **gather** (``services/<capability>/printouts.py``): reads the records in one read
  transaction and returns the plain dataclass the report lays out;
- **render** (``reports/``): ReportLab layout only, from that dataclass into bytes;
- **finish** (here, :meth:`ReportsApi.finish`): the one place where a rendered PDF becomes
  the file VillageBook hands out, for every kind alike: the page stamp (branch, period,
  report ID, generation time and version, the records' short digest; a QR code on the
  first page), PDF/A-3b with the report's records embedded, the installation's signature
  (:mod:`villagebook.services.proof`) and a row in ``issued_report`` (audited);
- **write**: beside the target and moved into place, so a failure never leaves a half file.

Each capability lists its report kinds as ``REPORTS`` in its ``printouts`` module; the Book
hands them all to :class:`ReportsApi`.  A kind may say which records its PDF embeds
(:attr:`ReportKind.records`) and what period it covers (:attr:`ReportKind.period`); the
defaults serve any kind.

Reproducible: the same data, version, report ID and generation time give the same bytes
before signing (:attr:`ReportRequest.report_id` and :attr:`ReportRequest.generated_at`;
both are made when not given).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import secrets
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

from sqlmodel import Session

from villagebook import __version__
from villagebook.domain.common.errors import (
    InputError,
    NotFoundError,
)
from villagebook.domain.common.i18n import _, chinese, label
from villagebook.domain.common.reports import (
    RenderedReport as RenderedReport,
)
from villagebook.domain.common.reports import (
    ReportCancelled as ReportCancelled,
)
from villagebook.domain.common.reports import (
    ReportRequest as ReportRequest,
)
from villagebook.domain.proof.values import NOT_A_SEAL, VerifyReport
from villagebook.reports.typeset import keep_words
from villagebook.services.capability import BookCore, Capability
from villagebook.services.files import write_atomically
from villagebook.services.proof import records as embedded
from villagebook.services.roster.queries import first_branch, get_branch, names_in_branch
from villagebook.storage.models import Branch
from villagebook.storage.models.proof import IssuedReport

if TYPE_CHECKING:
    from villagebook.services.proof.signing import Signer

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class RecordSelection:
    """Which records of the exchange format a report's PDF embeds, besides the branch and its
    Party groups: records by section, and the people those records refer to."""

    #: Section key (``meetings``, ``development_cases`` …) → ids of the records to embed
    #: (None: the whole section).  None: every section whole.
    sections: Mapping[str, frozenset[uuid.UUID] | None] | None = field(default_factory=dict)
    #: People embedded besides those the records refer to (None: every person).
    people: frozenset[uuid.UUID] | None = frozenset()


#: The records of the whole branch.
WHOLE_BRANCH = RecordSelection(sections=None, people=None)

Selector = Callable[[Session, "ReportRequest", Any], RecordSelection]


@dataclass(frozen=True)
class ReportKind:
    """One kind of report: how to gather its data and how to lay it out."""

    key: str
    #: Shown in the window (a core message, translated with ``_`` where shown).
    title: str
    gather: Callable[[Session, ReportRequest], Any]
    render: Callable[[Any, BinaryIO], int]
    #: ``meeting`` / ``person`` / ``matter`` when the report is about one record.
    subject: str | None = None
    #: A descriptive file name for Save (without ``.pdf``), from the gathered data.
    file_name: Callable[[Any], str] | None = None
    #: A short summary of what was printed (e.g. "12 份记录"), from the gathered data.
    summary: Callable[[Any], str] | None = None
    #: What the report covers, for the report centre and the command line: ``quarter``,
    #: ``year``, ``period`` (any range), ``day`` (a day's state) or None (a record).
    span: str | None = None
    #: The records the PDF embeds.  Default: for a report about one record, that record,
    #: the records that name it and the people they refer to; otherwise the whole branch.
    records: Selector | None = None
    #: The period printed on every page, from the gathered data.  Default: from the
    #: request (quarter, year, dates, or the day it is "as of").
    period: Callable[[Any], str] | None = None


@dataclass(frozen=True)
class ReportFacts:
    """What :meth:`ReportsApi.finish` stamps, embeds and logs, gathered with the data."""

    branch_id: uuid.UUID
    branch_name: str
    place: str
    title: str
    period: str
    records: embedded.EmbeddedRecords


@dataclass(frozen=True)
class ReportResult:
    kind: str
    path: Path
    pages: int
    sha256: str
    summary: str = ""
    report_id: str = ""


#: Where to find report kinds without loading them: kind → the function listing its module's
#: kinds (a report loads only its own capability's modules).
KindSources = Mapping[str, Callable[[], Sequence[ReportKind]]]


class SigningIdentity(Protocol):
    """The installation identity as the report pipeline sees it (``book.identity``)."""

    def signer(self, branch_id: uuid.UUID | None = None) -> Signer: ...

    def known(self) -> dict[str, str]: ...


#: Exports a branch in the exchange format, with only the named sections (None: all).
#: The branch's records in the exchange format: only the sections named (None: all), each
#: with only the records of the ids given for it (None: the whole section).
Exporter = Callable[
    [Session, Branch, "Mapping[str, frozenset[uuid.UUID] | None] | None"], embedded.Record
]


def new_report_id(moment: dt.datetime) -> str:
    """``VB-20261122-7K3M9QXA``: the day, and 40 random bits in Crockford's base 32."""
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    bits = secrets.randbits(40)
    tail = "".join(alphabet[(bits >> (5 * i)) & 31] for i in reversed(range(8)))
    return f"VB-{moment:%Y%m%d}-{tail}"


def request_period(request: ReportRequest) -> str:
    """The period a request names, as printed on the pages."""
    from villagebook.reports.stamp import period_text

    as_of = request.as_of or request.today
    return period_text(request.year, request.quarter, request.start, request.end, as_of)


class ReportsApi(Capability):
    """Builds every report kind of every capability."""

    def __init__(
        self,
        core: BookCore,
        kinds: Sequence[ReportKind] | KindSources,
        *,
        identity: SigningIdentity | None = None,
        records: Exporter | None = None,
    ) -> None:
        super().__init__(core)
        self._sources: dict[str, Callable[[], Sequence[ReportKind]]] = {}
        self._kinds: dict[str, ReportKind] = {}
        if isinstance(kinds, Mapping):
            self._sources = dict(kinds)
        else:
            self._kinds = {k.key: k for k in kinds}
        self.identity = identity
        self._export = records

    def kinds(self) -> list[ReportKind]:
        for key in self._sources:
            self.kind(key)
        order = [*self._sources, *(k for k in self._kinds if k not in self._sources)]
        return [self._kinds[k] for k in order]

    def kind(self, key: str) -> ReportKind:
        if key not in self._kinds and key in self._sources:
            for kind in self._sources[key]():
                self._kinds.setdefault(kind.key, kind)
        try:
            return self._kinds[key]
        except KeyError:
            raise InputError.single("kind", _("报表"), _("没有这种报表：{key}", key=key)) from None

    def _request(self, request: ReportRequest) -> ReportRequest:
        """``request`` with its branch, report ID, generation time, and the Book's today and
        rule set filled in (a report "as of" no day given shows ``today``)."""
        generated = request.generated_at or dt.datetime.now().astimezone()
        generated = generated.replace(microsecond=0)
        if generated.tzinfo is None:
            generated = generated.astimezone()
        branch_id = request.branch_id
        if branch_id is None:
            with self.core.reading() as session:
                branch = first_branch(session)
            if branch is None:
                raise InputError.single(
                    "branch", _("支部"), _("数据文件夹中还没有支部，请先导入或运行 demo")
                )
            branch_id = branch.id
        # The day the report is made: the Book's today, or the day of a given generation
        # time (a rebuild gives the same bytes on any later day).
        today = request.today or (
            generated.date() if request.generated_at is not None else self.core.today()
        )
        return replace(
            request,
            branch_id=branch_id,
            report_id=request.report_id or new_report_id(generated),
            generated_at=generated,
            today=today,
            rules=request.rules if request.rules is not None else self.core.rules(),
        )

    def _names(self, branch_id: uuid.UUID | None) -> list[str]:
        """The names a report keeps whole on a line (people, Party groups)."""
        if branch_id is None:
            return []
        with self.core.reading() as session:
            return names_in_branch(session, branch_id)

    def render(
        self,
        request: ReportRequest,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        sign: bool = True,
    ) -> RenderedReport:
        """Gather, lay out and finish one report in memory (for preview, print and save).

        ``sign=False`` stops before the signature and the log entry (tests and benchmarks
        compare builds with it; the window and the command line always sign).
        """
        from villagebook.reports.base import reproducible

        kind = self.kind(request.kind)
        if request.options.get("unmasked"):  # full ID and phone numbers: the lock's password
            self.core.require_unlocked()
        request = self._request(request)
        assert request.generated_at is not None
        step = progress or (lambda _done, _total: None)
        step(0, 4)
        try:
            with self.core.reading() as session, chinese():  # official forms are Chinese
                data = kind.gather(session, request)
                facts = self._facts(session, kind, request, data)
        except NotFoundError as exc:  # the record the report is about
            raise InputError.single(kind.subject or "subject", label(kind.title), str(exc)) from exc
        if cancelled is not None and cancelled():
            raise ReportCancelled
        step(1, 4)
        buffer = io.BytesIO()
        names = self._names(request.branch_id)
        with chinese(), reproducible(request.generated_at.date()), keep_words(names):
            pages = kind.render(data, buffer)
        if cancelled is not None and cancelled():
            raise ReportCancelled
        step(2, 4)
        finished = self.finish(kind, request, buffer.getvalue(), facts=facts, sign=sign)
        step(4, 4)
        name = kind.file_name(data) if kind.file_name else kind.key
        summary = kind.summary(data) if kind.summary else ""
        return RenderedReport(
            kind.key,
            pages,
            finished,
            name,
            summary,
            report_id=request.report_id or "",
            records_sha256=facts.records.sha256,
        )

    # --- finish: stamp, PDF/A with the records, signature, log -----------------------------

    def _facts(
        self, session: Session, kind: ReportKind, request: ReportRequest, data: Any
    ) -> ReportFacts:
        assert request.branch_id is not None
        branch = get_branch(session, request.branch_id)
        chosen = kind.records(session, request, data) if kind.records is not None else None
        only = None  # every section whole, unless the kind chose its records
        if chosen is not None and chosen.sections is not None:
            only = dict(chosen.sections)
        if self._export is None:
            document: embedded.Record = {"branch": {"name": branch.name}, "people": []}
        else:
            document = self._export(session, branch, only)
        selection = self._selection(chosen, request, document)
        subset = embedded.select(
            document, selection, unmasked=bool(request.options.get("unmasked", False))
        )
        assert request.generated_at is not None
        records = embedded.embed(subset, exported_at=request.generated_at.isoformat())
        title = kind.file_name(data) if kind.file_name and data is not None else ""
        period = kind.period(data) if kind.period and data is not None else ""
        return ReportFacts(
            branch_id=branch.id,
            branch_name=branch.name,
            place=f"{branch.county}{branch.township}{branch.village}",
            title=title or f"{branch.name} {label(kind.title)}",
            period=period or request_period(request),
            records=records,
        )

    @staticmethod
    def _selection(
        chosen: RecordSelection | None, request: ReportRequest, document: embedded.Record
    ) -> embedded.Selection:
        if chosen is not None:
            sections = None if chosen.sections is None else dict(chosen.sections)
            return embedded.Selection(sections, chosen.people)
        if request.subject_id is not None:
            return embedded.about_subject(document, request.subject_id)
        return embedded.Selection(None, None)

    def finish(
        self,
        kind: ReportKind,
        request: ReportRequest,
        pdf: bytes,
        *,
        facts: ReportFacts | None = None,
        sign: bool = True,
    ) -> bytes:
        """The one place where a rendered PDF becomes the file VillageBook hands out.

        Every kind alike: the stamp laid over every page, PDF/A-3b with the report's
        records embedded (``facts``, gathered with the data when not given), the
        installation's signature, and a row in the audit log.
        """
        from villagebook.reports.stamp import StampData
        from villagebook.reports.stamp import render as render_stamp
        from villagebook.services.proof.archive import DocumentFacts, archive, page_sizes
        from villagebook.services.proof.signing import sign as sign_pdf

        if request.report_id is None or request.generated_at is None:
            request = self._request(request)
        assert request.report_id is not None and request.generated_at is not None
        if facts is None:
            with self.core.reading() as session, chinese():
                facts = self._facts(session, kind, request, None)
        signer = self.identity.signer(request.branch_id) if self.identity is not None else None
        fingerprint = signer.identity.fingerprint if signer is not None else ""
        stamp = io.BytesIO()
        with chinese():
            render_stamp(
                StampData(
                    branch=facts.branch_name,
                    period=facts.period,
                    report_id=request.report_id,
                    generated=f"{request.generated_at:%Y-%m-%d %H:%M}",
                    version=__version__,
                    digest=facts.records.sha256,
                    fingerprint=fingerprint,
                    pages=page_sizes(pdf),
                ),
                stamp,
            )
            description = f"{facts.title}（{kind.key}）· {label(NOT_A_SEAL)}"
        unsigned = archive(
            pdf,
            stamp.getvalue(),
            facts.records.data,
            DocumentFacts(
                title=facts.title,
                branch=facts.branch_name,
                kind=kind.key,
                period=facts.period,
                report_id=request.report_id,
                generated_at=request.generated_at,
                records_sha256=facts.records.sha256,
                fingerprint=fingerprint,
                description=description,
            ),
        )
        if not sign or signer is None:
            return unsigned
        signed = sign_pdf(unsigned, signer, location=facts.place)
        self._log(kind, request, facts, signed, fingerprint)
        return signed

    def _log(
        self,
        kind: ReportKind,
        request: ReportRequest,
        facts: ReportFacts,
        signed: bytes,
        fingerprint: str,
    ) -> None:
        """One audited row per finished PDF: report ID, kind, period, digests, who."""
        import pikepdf

        assert request.report_id is not None and request.generated_at is not None
        with pikepdf.open(io.BytesIO(signed)) as pdf:
            pages = len(pdf.pages)
        label_text = _("生成报表 {report_id}", report_id=request.report_id)
        with self.core.transaction(label_text, keep_history=True) as session:
            session.add(
                IssuedReport(
                    branch_id=facts.branch_id,
                    report_id=request.report_id,
                    kind=kind.key,
                    title=facts.title[:200],
                    period=facts.period[:100],
                    subject_id=str(request.subject_id) if request.subject_id else "",
                    generated_at=request.generated_at,
                    pages=pages,
                    records_sha256=facts.records.sha256,
                    pdf_sha256=hashlib.sha256(signed).hexdigest(),
                    signer_fingerprint=fingerprint,
                )
            )

    # --- verify ----------------------------------------------------------------------------

    def verify(self, data: bytes) -> VerifyReport:
        """What a VillageBook PDF proves: who signed it, whether this installation knows the
        signer, whether it is unaltered since signing, and whether its records, their
        digest and the digest on its pages agree."""
        from villagebook.services.proof.verify import verify

        known = self.identity.known() if self.identity is not None else {}
        return verify(data, known)

    def verify_file(self, path: Path) -> VerifyReport:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError.single(
                "file",
                _("文件"),
                _("无法读取“{path}”：{reason}", path=path, reason=exc.strerror or exc),
            ) from exc
        return self.verify(data)

    def save(self, report: RenderedReport, output: Path) -> Path:
        """Write a rendered report to ``output`` (atomically): the window's Save…."""
        write_atomically(report.data, output)
        return output

    def build(
        self,
        request: ReportRequest,
        output: Path,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ReportResult:
        """Render ``request`` and write it to ``output`` (atomically)."""
        report = self.render(request, progress=progress, cancelled=cancelled)
        self.save(report, output)
        return ReportResult(
            report.kind, output, report.pages, report.sha256, report.summary, report.report_id
        )
