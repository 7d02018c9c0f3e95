"""The branch's side: record versions, the bundle sent to the township, the receipt back.

Versions: every time a bundle is written, each record's exchange-format content is
digested; a record whose digest differs from the one recorded (or that is new) gets the
current change number (the audit trail's newest sequence) as its version, and a record gone
since gets a deletion with that number.  "Since the last receipt" is then every record and
deletion whose version is newer than the change the township acknowledged.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from villagebook.domain.common.errors import InputError, StorageError
from villagebook.domain.common.i18n import _
from villagebook.domain.common.rules import RuleSet
from villagebook.domain.township.values import BundleSummary
from villagebook.services import exchange
from villagebook.services.township import bundle as files_format
from villagebook.services.township import records as rec
from villagebook.services.township.summary import rules_json
from villagebook.storage import files, rows
from villagebook.storage.models import Attachment, Branch
from villagebook.storage.models.township import RecordVersion, SentBundle, TownshipReceipt
from villagebook.storage.schema import SCHEMA_HEAD

if TYPE_CHECKING:
    from villagebook.services.proof.signing import Signer


@dataclass(frozen=True)
class Versioned:
    section: str
    record_id: str
    item: dict[str, Any]
    version: int
    digest: str


def acknowledged(session: Session, branch_id: uuid.UUID) -> int:
    """The change up to which the township acknowledged this branch's data (0: none)."""
    found = session.exec(
        select(TownshipReceipt.up_to_change).where(TownshipReceipt.branch_id == branch_id)
    ).all()
    return max(found, default=0)


def version_records(
    session: Session, branch: Branch, document: dict[str, Any], keys: Sequence[str]
) -> tuple[list[Versioned], list[RecordVersion], int]:
    """Every record with its version (recording new versions), the deletions, the head."""
    head = rows.head(session.connection())
    known = {
        (v.section, v.record_id): v
        for v in session.exec(select(RecordVersion).where(RecordVersion.branch_id == branch.id))
    }
    found: list[Versioned] = []
    seen: set[tuple[str, str]] = set()
    for section, record_id, item in rec.iter_records(document, keys):
        digest = rec.record_digest(item)
        seen.add((section, record_id))
        row = known.get((section, record_id))
        if row is None or row.digest != digest or row.deleted:
            version = max(head, row.version + 1 if row else 0)
            row = row or RecordVersion(
                branch_id=branch.id, section=section, record_id=record_id, digest=digest, version=0
            )
            row.digest, row.version, row.deleted = digest, version, False
            session.add(row)
        found.append(Versioned(section, record_id, item, row.version, digest))
    gone = []
    for key, row in known.items():
        if key not in seen:
            if not row.deleted:
                row.deleted = True
                row.version = max(head, row.version + 1)
                session.add(row)
            gone.append(row)
    session.flush()
    return found, gone, head


def _files_of(
    session: Session, data_dir: Path, branch_id: uuid.UUID, chosen: list[Versioned]
) -> dict[str, bytes]:
    wanted = {
        a["sha256"]: a.get("filename", "")
        for v in chosen
        for a in rec.attachments_in(v.item)
        if a.get("sha256")
    }
    if not wanted:
        return {}
    paths = {
        a.sha256: a.stored_path
        for a in session.exec(
            select(Attachment).where(
                Attachment.branch_id == branch_id, col(Attachment.sha256).in_(list(wanted))
            )
        )
    }
    found: dict[str, bytes] = {}
    for sha, name in wanted.items():
        data = files.get(session, data_dir, paths.get(sha, ""), sha) if sha in paths else None
        if data is None or files_format.sha256(data) != sha:
            raise InputError.single(
                "attachment",
                _("附件"),
                _("附件“{name}”在数据文件夹中找不到或已损坏，无法报送", name=name or sha[:12]),
            )
        found[sha] = data
    return found


def write_bundle(
    session: Session,
    *,
    branch: Branch,
    root: exchange.RootSection,
    sections: Sequence[exchange.Section],
    data_dir: Path,
    path: Path,
    full: bool,
    signer: Signer,
    rules: RuleSet,
) -> BundleSummary:
    """Write the bundle of ``branch`` to ``path`` (in the caller's transaction)."""
    keys = rec.section_keys(sections)
    document = exchange.export_branch(session, branch, root, sections)
    records, gone, head = version_records(session, branch, document, keys)
    since = 0 if full else acknowledged(session, branch.id)
    chosen = [r for r in records if full or r.version > since or r.section == "branch"]
    deleted = [g for g in gone if full or g.version > since]
    latest = rows.last_changes(session.connection())
    listed = []
    for r in chosen:
        stamps = [latest[i] for i in rec.row_ids(r.item) if i in latest]
        newest = max(stamps, key=lambda s: s.seq, default=None)
        listed.append(
            {
                "section": r.section,
                "id": r.record_id,
                "version": r.version,
                "digest": r.digest,
                "changed_at": newest.at.isoformat() if newest and newest.at else None,
                "changed_by": newest.actor if newest else "",
            }
        )
    grouped: dict[str, list[dict[str, Any]]] = {}
    for r in chosen:
        grouped.setdefault(r.section, []).append(r.item)
    body = rec.assemble(document, grouped, keys)
    attachments = _files_of(session, data_dir, branch.id, chosen)
    to_change = max([head, *(r.version for r in records), *(g.version for g in gone)])
    versions = {
        "records": listed,
        "deleted": [
            {"section": g.section, "id": g.record_id, "version": g.version} for g in deleted
        ],
    }
    parts = {
        files_format.RECORDS: files_format.json_bytes(body),
        files_format.VERSIONS: files_format.json_bytes(versions),
        **{f"{files_format.ATTACHMENTS}{sha}": data for sha, data in attachments.items()},
    }
    manifest = files_format.new_manifest(
        "records",
        signer,
        branch=_branch_info(branch),
        extra={
            "schema": SCHEMA_HEAD,
            "full": full,
            "changes": {"from": since, "to": to_change},
            "rules": rules_json(rules),
            "counts": {"records": len(chosen), "deleted": len(deleted), "files": len(attachments)},
        },
    )
    digest = files_format.write(path, manifest, parts, signer)
    session.add(
        SentBundle(
            branch_id=branch.id,
            bundle_id=manifest["bundle_id"],
            full=full,
            from_change=since,
            to_change=to_change,
            records=len(chosen),
            deleted=len(deleted),
            files=len(attachments),
            sha256=digest,
            file_name=path.name[:255],
        )
    )
    return BundleSummary(
        manifest["bundle_id"],
        str(path),
        full,
        since,
        to_change,
        len(chosen),
        len(deleted),
        len(attachments),
        digest,
    )


def _branch_info(branch: Branch) -> dict[str, Any]:
    return {
        "id": str(branch.id),
        "name": branch.name,
        "village": branch.village,
        "township": branch.township,
        "county": branch.county,
    }


def sent_bundles(session: Session, branch_id: uuid.UUID | None) -> list[SentBundle]:
    query = select(SentBundle).order_by(col(SentBundle.created_at).desc())
    if branch_id is not None:
        query = query.where(SentBundle.branch_id == branch_id)
    return list(session.exec(query))


def receipt_rows(session: Session, branch_id: uuid.UUID | None) -> list[TownshipReceipt]:
    query = select(TownshipReceipt).order_by(col(TownshipReceipt.created_at).desc())
    if branch_id is not None:
        query = query.where(TownshipReceipt.branch_id == branch_id)
    return list(session.exec(query))


def check_writable(path: Path) -> None:
    if not path.parent.is_dir():
        raise StorageError(_("文件夹“{path}”不存在", path=path.parent))


def moment(value: Any) -> dt.datetime:
    try:
        found = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return dt.datetime.now(dt.UTC)
    return found if found.tzinfo else found.replace(tzinfo=dt.UTC)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
