"""The JSON exchange format (export / import), once for every capability.

Documented in docs/exchange-format.md.  Import validates everything first (JSON Schema,
then the same rules the services apply) and writes nothing if any record is bad, listing
every problem with its path in the file.

The roster is the *root section* (``branch``, ``groups``, ``people`` at the top level);
every other capability adds one or more :class:`Section` objects (``SECTIONS`` in its
``services/<capability>/exchange.py``) under their own key.  The Book hands the root and
the sections to :class:`ExchangeApi`, so this module imports no capability.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, col, select

from villagebook import __version__
from villagebook.domain.common.errors import InputError, Problem
from villagebook.domain.common.i18n import _
from villagebook.services import attachments, exchange_schema
from villagebook.services.capability import BookCore, Capability
from villagebook.services.files import write_atomically
from villagebook.services.roster.queries import get_branch
from villagebook.storage import cipher
from villagebook.storage.models import Branch

log = logging.getLogger(__name__)

FORMAT = "villagebook-exchange"
VERSION = 1
Record = dict[str, Any]


class ImportFailed(InputError):
    """The file was refused; ``problems`` lists every problem with its path."""

    show_paths = True


@dataclass
class ImportContext:
    """What a section may consult while validating or loading."""

    document: Record
    branch_id: uuid.UUID
    today: dt.date
    person_ids: set[uuid.UUID] = field(default_factory=set)
    group_ids: set[uuid.UUID] = field(default_factory=set)
    #: Ids of records loaded so far by any section (for cross-references).
    loaded: dict[str, set[uuid.UUID]] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordId:
    """One record a section would add: where its id is in the file, and its table."""

    path: str
    table: type[SQLModel]
    value: Any


class Section(Protocol):
    """A capability's records under ``key`` in the document."""

    key: str

    def export(
        self, session: Session, branch: Branch, only: frozenset[uuid.UUID] | None = None
    ) -> list[Record]:
        """The branch's records of this section (only those with the ids ``only``, when
        given: a report embeds the records it was made from, and reads no others)."""
        ...

    def record_ids(self, items: list[Record]) -> Iterable[RecordId]:
        """Every record the section would add (checked for duplicates before anything)."""
        ...

    def validate(self, items: list[Record], ctx: ImportContext) -> list[Problem]: ...

    def load(self, session: Session, items: list[Record], ctx: ImportContext) -> None: ...


class RootSection(Protocol):
    """The records every other section refers to (the roster: branch, groups, people)."""

    keys: tuple[str, ...]

    def export(self, session: Session, branch: Branch) -> Record: ...

    def context(self, document: Record, today: dt.date) -> ImportContext: ...

    def record_ids(self, document: Record) -> Iterable[RecordId]: ...

    def validate(self, session: Session, document: Record, ctx: ImportContext) -> list[Problem]: ...

    def load(self, session: Session, document: Record, ctx: ImportContext) -> None: ...

    def validate_records(self, document: Record, ctx: ImportContext) -> list[Problem]: ...

    def load_records(
        self, session: Session, key: str, items: list[Record], ctx: ImportContext
    ) -> None: ...


# --- helpers shared by sections ----------------------------------------------------------


def parse_date(value: Any, path: str, label: str, problems: list[Problem]) -> dt.date | None:
    """Parse ``YYYY-MM-DD``; on failure add a problem and return None."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        shown = exchange_schema.quote(value)
        problems.append(
            Problem(path, label, _("“{value}”不是有效日期（应为YYYY-MM-DD）", value=shown))
        )
        return None


def parse_time(value: Any, path: str, label: str, problems: list[Problem]) -> dt.time | None:
    """Parse ``HH:MM`` (00:00 to 23:59); on failure add a problem and return None."""
    if value is None:
        return None
    try:
        return dt.time.fromisoformat(str(value))
    except ValueError:
        shown = exchange_schema.quote(value)
        problems.append(
            Problem(path, label, _("“{value}”不是有效时间（应为00:00至23:59）", value=shown))
        )
        return None


def parse_uuid(value: Any) -> uuid.UUID:
    return uuid.UUID(str(value))


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# --- reading a file ------------------------------------------------------------------------

#: The largest file import reads.  A branch's file is a few MB (the demo village with two
#: years of records: 0.9 MB); importing takes about twelve times the file's size in memory
#: (a 36 MB file of 8,120 meetings: 410 MB at most), so 32 MB keeps an old laptop usable.
MAX_FILE_BYTES = 32 * 1024 * 1024
#: A sealed export (app lock on) is the same text encrypted and in base64: a third larger.
MAX_SEALED_BYTES = MAX_FILE_BYTES * 4 // 3 + 64 * 1024
#: Digits an integer in the file may have (every count, amount and size fits in 16).
MAX_DIGITS = 20


class _NumberRefused(ValueError):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _NumberRefused(text)
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NumberRefused(text)
    return value


def _parse_constant(text: str) -> float:
    raise _NumberRefused(text)  # NaN, Infinity, -Infinity: not JSON


def _refused(message: str) -> ImportFailed:
    return ImportFailed([Problem("$", _("文件"), message)])


def read_document(path: Path, password: str | None = None) -> Record:
    """Read and parse an exchange file; anything unreadable is refused (:class:`ImportFailed`).

    A sealed export (app lock on) is opened with a key this program knows, or ``password``
    (the lock's password at export time, or the recovery key)."""
    try:
        if path.is_dir():
            raise _refused(_("“{path}”是一个文件夹，请选择导出的JSON文件", path=path))
        size = path.stat().st_size
        if size > MAX_SEALED_BYTES or (size > MAX_FILE_BYTES and not _sealed_file(path)):
            raise _refused(
                _(
                    "文件太大（{size} MB），最多可导入 {limit} MB；一个支部的交换文件通常只有几 MB",
                    size=size // (1024 * 1024),
                    limit=MAX_FILE_BYTES // (1024 * 1024),
                )
            )
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise _refused(_("找不到文件 {path}", path=path)) from exc
    except PermissionError as exc:
        raise _refused(_("没有权限读取文件 {path}", path=path)) from exc
    except OSError as exc:
        raise _refused(
            _("无法读取文件 {path}：{reason}", path=path, reason=exc.strerror or exc)
        ) from exc
    return parse_document(_opened(raw, password))


def _sealed_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return cipher.is_sealed(handle.read(200))


def _opened(raw: bytes, password: str | None) -> bytes:
    """The file's bytes; a sealed export is opened (PasswordRequired when it cannot be)."""
    if cipher.is_sealed(raw):
        return cipher.open_sealed(raw, password)
    return raw


def parse_document(raw: bytes) -> Record:
    """Parse the bytes of an exchange file (UTF-8, with or without a byte order mark)."""
    if len(raw) > MAX_FILE_BYTES:
        raise _refused(_("文件太大，最多可导入 {limit} MB", limit=MAX_FILE_BYTES // (1024 * 1024)))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _refused(_("文件是UTF-16编码的；请用记事本“另存为”UTF-8编码后再导入"))
    try:
        text = raw.decode("utf-8-sig")  # Windows Notepad writes a byte order mark
    except UnicodeDecodeError as exc:
        raise _refused(
            _("不是UTF-8编码的文本文件（第{offset}个字节无法识别）", offset=exc.start + 1)
        ) from exc
    try:
        document = json.loads(
            text,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=_parse_constant,
        )
    except json.JSONDecodeError as exc:
        raise _refused(
            _("不是有效的JSON（第{line}行第{column}列）", line=exc.lineno, column=exc.colno)
        ) from exc
    except _NumberRefused as exc:
        raise _refused(
            _("数字“{number}”超出可以导入的范围", number=exchange_schema.quote(exc.text))
        ) from exc
    except RecursionError as exc:
        raise _refused(_("嵌套层数过多，不是交换文件的结构")) from exc
    except ValueError as exc:  # anything else the parser cannot take
        raise _refused(_("不是有效的JSON")) from exc
    if not isinstance(document, dict):
        raise _refused(_("顶层应为一个JSON对象"))
    return document


# --- validating ---------------------------------------------------------------------------


def schema_problems(document: Any) -> list[Problem]:
    """Every way ``document`` breaks the exchange schema (translated, with paths)."""
    return exchange_schema.schema_problems(document)


def header_problems(document: Any) -> list[Problem]:
    """Whether this is an exchange file at all, and of a version this program reads."""
    if not isinstance(document, dict):
        return [Problem("$", _("文件"), _("顶层应为一个JSON对象"))]
    if document.get("format") != FORMAT:
        message = _('不是VillageBook交换文件（缺少 "format": "{format}"）', format=FORMAT)
        return [Problem("format", _("文件格式"), message)]
    version = document.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        message = _(
            "该文件由更新版本的VillageBook制作（格式第{version}版），本程序只能读取第{supported}版；"
            "请先升级VillageBook",
            version=version,
            supported=VERSION,
        )
        return [Problem("version", _("格式版本"), message)]
    return []


def id_problems(session: Session, ids: Iterable[RecordId]) -> list[Problem]:
    """Ids used twice in the file (whatever their case or hyphens), or already used by a
    record of the same table in the data folder."""
    problems: list[Problem] = []
    first: dict[uuid.UUID, str] = {}
    by_table: dict[type[SQLModel], dict[uuid.UUID, str]] = defaultdict(dict)
    for ref in ids:
        if ref.value in (None, ""):
            continue  # a record without an id gets a new one
        key = parse_uuid(ref.value)
        if key in first:
            message = _("与 {other} 的编号重复（编号不区分大小写和连字符）", other=first[key])
            problems.append(Problem(ref.path, _("编号"), message))
            continue
        first[key] = ref.path
        by_table[ref.table][key] = ref.path
    for table, wanted in by_table.items():
        keys = list(wanted)
        column = col(table.id)  # type: ignore[attr-defined]
        for start in range(0, len(keys), 500):
            for found in session.exec(select(column).where(column.in_(keys[start : start + 500]))):
                problems.append(_taken(wanted[found], table))
    return sorted(problems, key=lambda p: exchange_schema.path_key(p.field))


def _taken(path: str, table: type[SQLModel]) -> Problem:
    if table is Branch:
        return Problem(path, _("支部"), _("该支部已在本数据文件夹中，不能重复导入"))
    return Problem(path, _("编号"), _("本数据文件夹中已有相同编号的记录"))


def validate_document(
    session: Session,
    document: Record,
    today: dt.date,
    root: RootSection,
    sections: Sequence[Section],
) -> tuple[ImportContext | None, list[Problem]]:
    """Every problem with ``document``, in stages: each stage runs only when the ones before
    found nothing (a file of the wrong shape would otherwise give misleading problems)."""
    for stage in (exchange_schema.structure_problems, header_problems, schema_problems):
        problems = stage(document)
        if problems:
            return None, exchange_schema.limit(problems)
    ids = list(root.record_ids(document))
    for section in sections:
        ids += section.record_ids(document.get(section.key, []))
    problems = id_problems(session, ids)
    if problems:
        return None, exchange_schema.limit(problems)
    ctx = root.context(document, today)
    problems = stored_path_problems(document)
    problems += root.validate(session, document, ctx)
    for section in sections:
        problems += section.validate(document.get(section.key, []), ctx)
    return ctx, exchange_schema.limit(problems)


def stored_path_problems(document: Any, path: str = "") -> list[Problem]:
    """Every attachment ``stored_path`` in the document that would leave the data folder's
    ``attachments/`` (``../../etc/passwd``, ``/etc/shadow``, ``C:\\...``) or not name the
    file's own hash: refused, whichever section it is in."""
    problems: list[Problem] = []
    if isinstance(document, dict):
        if "stored_path" in document:
            message = attachments.stored_path_problem(
                document["stored_path"], document.get("sha256")
            )
            if message is not None:
                where = f"{path}.stored_path" if path else "stored_path"
                problems.append(Problem(where, _("附件存放位置"), message))
        for key, value in document.items():
            if isinstance(value, dict | list):
                problems += stored_path_problems(value, f"{path}.{key}" if path else str(key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            problems += stored_path_problems(value, f"{path}[{index}]")
    return problems


# --- export / import -------------------------------------------------------------------------


def export_branch(
    session: Session,
    branch: Branch,
    root: RootSection,
    sections: Sequence[Section],
    only: Mapping[str, frozenset[uuid.UUID] | None] | None = None,
) -> Record:
    """``branch`` in the exchange format: the root and ``sections``; with ``only``, a
    section named there holds only the records of the ids given for it (None: all)."""
    document: Record = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": dt.datetime.now().replace(microsecond=0).isoformat(),
        "app_version": __version__,
    }
    document.update(root.export(session, branch))
    for section in sections:
        ids = only.get(section.key) if only is not None else None
        document[section.key] = section.export(session, branch, ids)
    return document


def write_json(document: Record, path: Path) -> None:
    """Write ``document`` to ``path`` atomically (nothing is left behind on failure)."""
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    write_atomically(text.encode("utf-8"), path)


def write_bytes(data: bytes, path: Path) -> None:
    """Write ``data`` (a sealed export) to ``path`` atomically."""
    write_atomically(data, path)


def import_document(
    session: Session,
    document: Record,
    root: RootSection,
    sections: Sequence[Section],
    *,
    today: dt.date | None = None,
) -> uuid.UUID:
    """Validate, then load everything into ``session``; the caller commits.

    Raises :class:`ImportFailed` with every problem and adds nothing if any record is bad.
    """
    ctx, problems = validate_document(session, document, today or dt.date.today(), root, sections)
    if problems or ctx is None:
        raise ImportFailed(problems)
    try:
        root.load(session, document, ctx)
        for section in sections:
            section.load(session, document.get(section.key, []), ctx)
        session.flush()
    except sa.exc.IntegrityError as exc:  # a rule of the database validation did not know
        log.warning("import refused by the database after validation: %s", exc)
        message = _("与本数据文件夹中已有的记录冲突，没有导入任何内容")
        raise ImportFailed([Problem("$", _("文件"), message)]) from exc
    return ctx.branch_id


class ExchangeApi(Capability):
    """Export a branch to the exchange format; import a file all or nothing."""

    def __init__(self, core: BookCore, root: RootSection, sections: Sequence[Section]) -> None:
        super().__init__(core)
        self.root = root
        self.sections = list(sections)

    def export_document(self, branch_id: uuid.UUID) -> Record:
        """The branch as an exchange document (full personal data: the app lock's password
        is needed while the lock is on)."""
        self.core.require_unlocked()
        with self.core.reading() as session:
            return export_branch(session, get_branch(session, branch_id), self.root, self.sections)

    def export(self, branch_id: uuid.UUID, path: Path, *, plain: bool = False) -> Path:
        """Write branch ``branch_id`` to ``path`` in the exchange format.

        While the app lock is on the file is sealed (encrypted; the password as it is now or
        the recovery key opens it), unless ``plain`` — a deliberate choice, which needs the
        password like any export.
        """
        document = self.export_document(branch_id)
        sealing = None if plain else cipher.folder_key(self.core.data_dir)
        keys = cipher.read_keys(self.core.data_dir)
        if sealing is not None and keys is not None:
            text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
            write_bytes(cipher.seal_bytes(text.encode("utf-8"), sealing, keys), path)
        else:
            write_json(document, path)
        return path

    def import_document(self, document: Record) -> uuid.UUID:
        """Import a whole branch (all or nothing); returns its id."""
        with self.core.transaction(_("导入数据"), undoable=False) as session:
            return import_document(
                session, document, self.root, self.sections, today=self.core.today()
            )

    def import_file(self, path: Path, password: str | None = None) -> uuid.UUID:
        return self.import_document(read_document(path, password))
