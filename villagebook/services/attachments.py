"""Attachments: files kept with records, copied into the data folder and hashed.

A file is stored once per content under ``attachments/<first two hex>/<sha256><suffix>``;
the row remembers the original name, type and size.  Only readable images (PNG, JPEG,
GIF, BMP, WebP) and PDFs are accepted.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, col, select

from villagebook import paths
from villagebook.domain.common.errors import InputError, NotFoundError
from villagebook.domain.common.i18n import _
from villagebook.storage.models import Attachment

MAX_BYTES = 50 * 1024 * 1024

_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"GIF87a", "image/gif", ".gif"),
    (b"GIF89a", "image/gif", ".gif"),
    (b"BM", "image/bmp", ".bmp"),
    (b"%PDF-", "application/pdf", ".pdf"),
)


@dataclass(frozen=True)
class FileKind:
    media_type: str
    suffix: str

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


def sniff(head: bytes) -> FileKind | None:
    """The file type from its first bytes, or None if it is not an accepted type."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return FileKind("image/webp", ".webp")
    for magic, media_type, suffix in _SIGNATURES:
        if head.startswith(magic):
            return FileKind(media_type, suffix)
    return None


def _pdf_readable(path: Path) -> bool:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        return len(PdfReader(path).pages) > 0
    except (PdfReadError, OSError, ValueError, KeyError):
        return False


def inspect_file(source: Path, field: str = "attachment", label: str | None = None) -> FileKind:
    """Check that ``source`` is a readable image or PDF; raise InputError naming the field
    (``label``: its name as the user knows it, by default 附件)."""
    name = label if label is not None else _("附件")
    if not source.is_file():
        raise InputError.single(field, name, _("找不到文件：{name}", name=source.name))
    size = source.stat().st_size
    if size == 0:
        raise InputError.single(field, name, _("“{name}”是空文件", name=source.name))
    if size > MAX_BYTES:
        raise InputError.single(field, name, _("“{name}”超过50MB", name=source.name))
    with source.open("rb") as handle:
        kind = sniff(handle.read(16))
    if kind is None:
        message = _(
            "“{name}”不是可读取的图片或PDF文件（支持PNG、JPEG、GIF、BMP、WebP、PDF）",
            name=source.name,
        )
        raise InputError.single(field, name, message)
    if kind.media_type == "application/pdf" and not _pdf_readable(source):
        message = _("“{name}”是损坏的PDF文件，无法读取", name=source.name)
        raise InputError.single(field, name, message)
    return kind


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _copy_once(source: Path, target: Path, sha: str, field: str, label: str | None) -> None:
    """Copy ``source`` to ``target`` unless that content is kept already; checked by hash."""
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    shutil.copyfile(source, partial)
    if file_sha256(partial) != sha:
        partial.unlink(missing_ok=True)
        message = _("复制“{name}”时内容发生变化，请重试", name=source.name)
        raise InputError.single(field, label or _("附件"), message)
    partial.replace(target)


def add_attachment(
    session: Session,
    data_dir: Path,
    *,
    branch_id: uuid.UUID,
    owner_type: str,
    owner_id: uuid.UUID,
    source: Path,
    kind: str = "",
    note: str = "",
    field: str = "attachment",
    label: str | None = None,
) -> Attachment:
    """Copy ``source`` into the data folder (if not there yet) and record it."""
    file_kind = inspect_file(source, field, label)
    sha = file_sha256(source)
    relative = Path("attachments") / sha[:2] / f"{sha}{file_kind.suffix}"
    _copy_once(source, data_dir / relative, sha, field, label)
    attachment = Attachment(
        branch_id=branch_id,
        owner_type=owner_type,
        owner_id=owner_id,
        kind=kind,
        filename=source.name[:255],
        media_type=file_kind.media_type,
        size=source.stat().st_size,
        sha256=sha,
        stored_path=relative.as_posix(),
        note=note,
    )
    session.add(attachment)
    session.flush()
    return attachment


def attachments_of(session: Session, owner_type: str, owner_id: uuid.UUID) -> list[Attachment]:
    query = (
        select(Attachment)
        .where(Attachment.owner_type == owner_type, Attachment.owner_id == owner_id)
        .order_by(col(Attachment.created_at))
    )
    return list(session.exec(query))


#: Where an attachment may be stored: ``attachments/<first two hex>/<sha256><suffix>``.
STORED_PATH = re.compile(r"attachments/([0-9a-f]{2})/([0-9a-f]{64})(\.[a-z]{2,5})?")


def stored_path_problem(value: object, sha256: object) -> str | None:
    """Why ``value`` cannot be an attachment's stored path (None: it can).

    Only the content-addressed form inside the data folder is accepted, and it must name
    the file's own hash: no ``..``, no absolute path, no drive letter, no other folder.
    """
    match = STORED_PATH.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return _("附件存放位置只能是数据文件夹中的 attachments/xx/<SHA-256>")
    if match.group(2) != sha256 or match.group(1) != match.group(2)[:2]:
        return _("附件存放位置与文件的SHA-256不符")
    return None


def stored_file(data_dir: Path, attachment: Attachment) -> Path:
    """The kept file of ``attachment``: always inside ``<data_dir>/attachments``.

    A stored path that would lead elsewhere (``../../etc/passwd``, ``/etc/shadow``, a link
    out of the folder) is refused with NotFoundError rather than followed.
    """
    root = paths.attachments_dir(data_dir).resolve()
    target = (data_dir / attachment.stored_path).resolve()
    if stored_path_problem(attachment.stored_path, attachment.sha256) or not target.is_relative_to(
        root
    ):
        raise NotFoundError(
            _("附件“{name}”的存放位置不在数据文件夹内，已拒绝读取", name=attachment.filename)
        )
    return target


def kept_file(data_dir: Path, attachment: Attachment) -> Path:
    """:func:`stored_file`, or for a refused stored path a path in the attachments folder
    that does not exist (lists show the attachment as missing, nothing outside is read)."""
    try:
        return stored_file(data_dir, attachment)
    except NotFoundError:
        return paths.attachments_dir(data_dir) / "refused" / attachment.sha256


def verify(data_dir: Path, attachment: Attachment) -> bool:
    """True when the stored file exists and still has the recorded hash."""
    path = kept_file(data_dir, attachment)
    return path.is_file() and file_sha256(path) == attachment.sha256


def attachments_root(data_dir: Path) -> Path:
    return paths.attachments_dir(data_dir)
