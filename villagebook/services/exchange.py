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
import functools
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlmodel import Session

from villagebook import __version__, paths
from villagebook.domain.common.errors import InputError, Problem
from villagebook.domain.common.i18n import _, label
from villagebook.domain.roster.validation import FIELD_LABELS
from villagebook.services import attachments
from villagebook.services.capability import BookCore, Capability
from villagebook.services.roster.queries import get_branch
from villagebook.storage import cipher
from villagebook.storage.models import Branch

FORMAT = "villagebook-exchange"
VERSION = 1
Record = dict[str, Any]


class ImportFailed(InputError):
    """The file was refused; ``problems`` lists every problem with its path."""


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


class Section(Protocol):
    """A capability's records under ``key`` in the document."""

    key: str

    def export(self, session: Session, branch: Branch) -> list[Record]: ...

    def validate(self, items: list[Record], ctx: ImportContext) -> list[Problem]: ...

    def load(self, session: Session, items: list[Record], ctx: ImportContext) -> None: ...


class RootSection(Protocol):
    """The records every other section refers to (the roster: branch, groups, people)."""

    keys: tuple[str, ...]

    def export(self, session: Session, branch: Branch) -> Record: ...

    def context(self, document: Record, today: dt.date) -> ImportContext: ...

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
        problems.append(
            Problem(path, label, _("“{value}”不是有效日期（应为YYYY-MM-DD）", value=value))
        )
        return None


def parse_uuid(value: Any) -> uuid.UUID:
    return uuid.UUID(str(value))


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# --- schema --------------------------------------------------------------------------------


@functools.cache
def _schema_validator() -> Any:
    """The exchange format's validator, built once per process (the schemas never change
    while the program runs)."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    schema_dir = paths.resource("schema")
    resources = []
    main: Record | None = None
    for file in sorted(schema_dir.glob("*.schema.json")):
        contents = json.loads(file.read_text(encoding="utf-8"))
        resources.append((contents["$id"], Resource.from_contents(contents)))
        if contents["$id"] == "urn:villagebook:exchange-v1":
            main = contents
    assert main is not None, "exchange-v1.schema.json missing"
    registry: Registry[Any] = Registry().with_resources(resources)
    return Draft202012Validator(main, registry=registry)


def _json_path(parts: Sequence[Any]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "$"


def schema_problems(document: Any) -> list[Problem]:
    validator = _schema_validator()
    problems = []
    for error in sorted(
        validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))
    ):
        path = _json_path(list(error.absolute_path))
        field_name = str(error.absolute_path[-1]) if error.absolute_path else _("文件")
        shown = label(FIELD_LABELS[field_name]) if field_name in FIELD_LABELS else field_name
        problems.append(Problem(path, shown, _("格式不符合交换格式：{error}", error=error.message)))
    return problems


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
    session: Session, branch: Branch, root: RootSection, sections: Sequence[Section]
) -> Record:
    document: Record = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": dt.datetime.now().replace(microsecond=0).isoformat(),
        "app_version": __version__,
    }
    document.update(root.export(session, branch))
    for section in sections:
        document[section.key] = section.export(session, branch)
    return document


def write_json(document: Record, path: Path) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)


def write_bytes(data: bytes, path: Path) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _text_of(path: Path, password: str | None) -> str:
    """The file's text; a sealed export (app lock on) is opened with a key this program
    knows, or ``password`` (the lock's password at export time, or the recovery key)."""
    raw = path.read_bytes()
    if cipher.is_sealed(raw):
        raw = cipher.open_sealed(raw, password)
    return raw.decode("utf-8")


def read_document(path: Path, password: str | None = None) -> Record:
    try:
        document = json.loads(_text_of(path, password))
    except FileNotFoundError as exc:
        raise ImportFailed([Problem("$", _("文件"), _("找不到文件 {path}", path=path))]) from exc
    except UnicodeDecodeError as exc:
        raise ImportFailed([Problem("$", _("文件"), _("不是UTF-8编码的文本文件"))]) from exc
    except json.JSONDecodeError as exc:
        raise ImportFailed(
            [
                Problem(
                    "$",
                    _("文件"),
                    _(
                        "不是有效的JSON（第{line}行第{column}列）",
                        line=exc.lineno,
                        column=exc.colno,
                    ),
                )
            ]
        ) from exc
    if not isinstance(document, dict):
        raise ImportFailed([Problem("$", _("文件"), _("顶层应为一个JSON对象"))])
    return document


def validate_document(
    session: Session,
    document: Record,
    today: dt.date,
    root: RootSection,
    sections: Sequence[Section],
) -> tuple[ImportContext | None, list[Problem]]:
    problems = schema_problems(document)
    if problems:
        return None, problems
    problems += stored_path_problems(document)
    ctx = root.context(document, today)
    problems += root.validate(session, document, ctx)
    for section in sections:
        problems += section.validate(document.get(section.key, []), ctx)
    return ctx, problems


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
    root.load(session, document, ctx)
    for section in sections:
        section.load(session, document.get(section.key, []), ctx)
    session.flush()
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
