"""Every PDF the Book prints goes through one pipeline: gather → render → finish → write.

- **gather** (``services/<capability>/printouts.py``): reads the records in one read
  transaction and returns the plain dataclass the report lays out;
- **render** (``reports/``): ReportLab layout only, from that dataclass into bytes;
- **finish** (here, :meth:`ReportsApi.finish`): the one place where a rendered PDF becomes
  the file VillageBook hands out (metadata, embedded records, signature and the audit
  entry belong here);
- **write**: beside the target and moved into place, so a failure never leaves a half file.

Each capability lists its report kinds as ``REPORTS`` in its ``printouts`` module; the Book
hands them all to :class:`ReportsApi`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from sqlmodel import Session

from villagebook.domain.common.errors import InputError, NotFoundError, StorageError
from villagebook.domain.common.i18n import _, chinese, label
from villagebook.domain.common.rules import RuleSet
from villagebook.reports.typeset import keep_words
from villagebook.services.capability import BookCore, Capability
from villagebook.services.roster.queries import first_branch, names_in_branch

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ReportCancelled(Exception):
    """The user cancelled a report while it was being built; nothing was written."""


@dataclass(frozen=True)
class ReportRequest:
    """What to print.  Which fields a kind needs is said by its :class:`ReportKind`."""

    kind: str
    branch_id: uuid.UUID | None = None
    #: The record the report is about: a meeting, a person, a matter.
    subject_id: uuid.UUID | None = None
    year: int | None = None
    quarter: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    as_of: dt.date | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    #: The Book's today and rule set, filled in by :meth:`ReportsApi.render` (reports that
    #: print check results or "as of today" use them).
    today: dt.date | None = None
    rules: RuleSet | None = None

    @property
    def day(self) -> dt.date:
        """The day the report is made (the Book's today)."""
        return self.today or dt.date.today()

    @property
    def rule_set(self) -> RuleSet:
        return self.rules or RuleSet()


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


@dataclass(frozen=True)
class RenderedReport:
    kind: str
    pages: int
    data: bytes
    file_name: str
    summary: str = ""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class ReportResult:
    kind: str
    path: Path
    pages: int
    sha256: str
    summary: str = ""


def write_atomically(data: bytes, path: Path) -> None:
    """Write ``data`` beside ``path`` and move it into place; nothing is left on failure."""
    if path.is_dir():
        raise InputError.single("output", _("输出文件"), _("“{path}”是一个文件夹", path=path))
    if not path.parent.is_dir():
        raise InputError.single(
            "output", _("输出文件"), _("文件夹“{path}”不存在", path=path.parent)
        )
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with open(tmp, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(
            _("无法写入“{path}”：{reason}", path=path, reason=exc.strerror or exc)
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


#: Where to find report kinds without loading them: kind → the function listing its module's
#: kinds (a report loads only its own capability's modules).
KindSources = Mapping[str, Callable[[], Sequence[ReportKind]]]


class ReportsApi(Capability):
    """Builds every report kind of every capability."""

    def __init__(self, core: BookCore, kinds: Sequence[ReportKind] | KindSources) -> None:
        super().__init__(core)
        self._sources: dict[str, Callable[[], Sequence[ReportKind]]] = {}
        self._kinds: dict[str, ReportKind] = {}
        if isinstance(kinds, Mapping):
            self._sources = dict(kinds)
        else:
            self._kinds = {k.key: k for k in kinds}

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
        filled = {"today": request.today or self.core.today(), "rules": request.rules}
        if request.rules is None:
            filled["rules"] = self.core.rules()
        if request.branch_id is not None:
            return ReportRequest(**{**request.__dict__, **filled})
        with self.core.reading() as session:
            branch = first_branch(session)
        if branch is None:
            raise InputError.single(
                "branch", _("支部"), _("数据文件夹中还没有支部，请先导入或运行 demo")
            )
        return ReportRequest(**{**request.__dict__, **filled, "branch_id": branch.id})

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
    ) -> RenderedReport:
        """Gather, lay out and finish one report in memory (for preview, print and save)."""
        kind = self.kind(request.kind)
        request = self._request(request)
        step = progress or (lambda _done, _total: None)
        step(0, 3)
        try:
            with self.core.reading() as session, chinese():  # official forms are Chinese
                data = kind.gather(session, request)
        except NotFoundError as exc:  # the record the report is about
            raise InputError.single(kind.subject or "subject", label(kind.title), str(exc)) from exc
        if cancelled is not None and cancelled():
            raise ReportCancelled
        step(1, 3)
        buffer = io.BytesIO()
        with chinese(), keep_words(self._names(request.branch_id)):
            pages = kind.render(data, buffer)
        if cancelled is not None and cancelled():
            raise ReportCancelled
        step(2, 3)
        finished = self.finish(kind, request, buffer.getvalue())
        step(3, 3)
        name = kind.file_name(data) if kind.file_name else kind.key
        summary = kind.summary(data) if kind.summary else ""
        return RenderedReport(kind.key, pages, finished, name, summary)

    def finish(self, kind: ReportKind, request: ReportRequest, pdf: bytes) -> bytes:
        """The one place where a rendered PDF becomes the file VillageBook hands out."""
        return pdf

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
        write_atomically(report.data, output)
        return ReportResult(report.kind, output, report.pages, report.sha256, report.summary)
