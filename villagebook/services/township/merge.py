"""Merging a branch's bundle into a township, by record UUID, in one transaction.

For every record the bundle carries (see :mod:`.records`):

- not held yet → **added**;
- held with the same digest → **identical**: nothing is written;
- the bundle's version is newer than the one held → **replaced**: the rows the held copy was
  loaded into are deleted and the new copy is loaded with the same ids (foreign keys are
  checked at commit);
- an older version, the same version with other content, or a UUID another branch owns →
  a **conflict**: kept with both values, who entered them and when, and never applied;
- a deletion newer than the copy held → the copy is **deleted**.

Before anything is written the bundle's records are checked like any exchange file: the
JSON Schema, then the records' own rules over the branch as it would be after the merge (the
held copies with the bundle applied).  Any problem refuses the whole bundle.  A bundle
imported a second time is recognised by its id and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from villagebook.domain.common.errors import InputError, Problem
from villagebook.domain.common.i18n import _
from villagebook.domain.township.values import ConflictKind, ImportOutcome, Signer
from villagebook.services.exchange import (
    ImportFailed,
    Record,
    RootSection,
    Section,
    schema_problems,
)
from villagebook.services.township import records as rec
from villagebook.services.township.bundle import RECORDS, VERSIONS, Bundle, BundleRefused
from villagebook.storage import audit, files, guard, rows
from villagebook.storage.models import Attachment, Branch
from villagebook.storage.models.township import (
    BranchSummary,
    MergeConflict,
    ReceivedBranch,
    ReceivedBundle,
    ReceivedRecord,
)

RecordKey = tuple[str, str]


@dataclass
class Incoming:
    section: str
    record_id: str
    item: Record
    version: int
    digest: str
    changed_at: dt.datetime | None
    changed_by: str


@dataclass
class Plan:
    """What a bundle will do, decided before anything is written."""

    add: list[Incoming] = field(default_factory=list)
    replace: list[tuple[Incoming, ReceivedRecord]] = field(default_factory=list)
    identical: int = 0
    delete: list[ReceivedRecord] = field(default_factory=list)
    conflicts: list[MergeConflict] = field(default_factory=list)


def _moment(value: Any) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def incoming_records(
    bundle: Bundle, keys: Sequence[str]
) -> tuple[Record, list[Incoming], list[Record]]:
    """The bundle's document, its records with their versions, and its deletions.

    Refused when the versions part does not describe exactly the records carried.
    """
    try:
        document = bundle.json_part(RECORDS)
        versions = bundle.json_part(VERSIONS)
    except (KeyError, ValueError) as exc:
        raise BundleRefused(bundle.path, _("数据包缺少记录或版本清单")) from exc
    if not isinstance(document, dict) or not isinstance(versions, dict):
        raise BundleRefused(bundle.path, _("数据包的记录已损坏"))
    listed: dict[RecordKey, Record] = {}
    for entry in versions.get("records", []):
        try:
            listed[(str(entry["section"]), uuid.UUID(str(entry["id"])).hex)] = entry
        except (KeyError, ValueError) as exc:
            raise BundleRefused(bundle.path, _("数据包的版本清单已损坏")) from exc
    found: list[Incoming] = []
    try:
        carried = list(rec.iter_records(document, keys))
    except (KeyError, ValueError, TypeError) as exc:
        raise BundleRefused(bundle.path, _("数据包的记录已损坏")) from exc
    for section, record_id, item in carried:
        entry = listed.pop((section, record_id), None)
        if entry is None or entry.get("digest") != rec.record_digest(item):
            raise BundleRefused(bundle.path, _("数据包的记录与版本清单不符"))
        found.append(
            Incoming(
                section,
                record_id,
                item,
                int(entry["version"]),
                str(entry["digest"]),
                _moment(entry.get("changed_at")),
                str(entry.get("changed_by", ""))[:100],
            )
        )
    if listed:
        raise BundleRefused(bundle.path, _("数据包的记录与版本清单不符"))
    branch_id = str(bundle.manifest.get("branch", {}).get("id", ""))
    if not found or found[0].section != "branch" or found[0].record_id != uuid.UUID(branch_id).hex:
        raise BundleRefused(bundle.path, _("数据包的支部信息不符"))
    deleted = [d for d in versions.get("deleted", []) if isinstance(d, dict)]
    return document, found, deleted


class Merger:
    """Merges one verified bundle in the caller's transaction."""

    def __init__(
        self,
        session: Session,
        *,
        root: RootSection,
        sections: Sequence[Section],
        data_dir: Path,
        today: dt.date,
        actor: str,
    ) -> None:
        self.session = session
        self.root = root
        self.sections = list(sections)
        self.keys = rec.section_keys(self.sections)
        self.data_dir = data_dir
        self.today = today
        self.actor = actor

    # --- one bundle ------------------------------------------------------------------------

    def merge(self, bundle: Bundle, signer: Signer, sha256: str) -> ImportOutcome:
        session = self.session
        guard.merging(session)
        manifest = bundle.manifest
        branch_info = manifest.get("branch") or {}
        branch_id = uuid.UUID(str(branch_info.get("id")))
        name = str(branch_info.get("name", ""))
        done = session.exec(
            select(ReceivedBundle).where(ReceivedBundle.bundle_id == bundle.bundle_id)
        ).first()
        if done is not None:
            return ImportOutcome(
                bundle.path, bundle.bundle_id, branch_id, name, already=True, signer=signer
            )
        document, incoming, deletions = incoming_records(bundle, self.keys)
        problems = schema_problems(document)
        if problems:
            raise ImportFailed(problems)
        held = {
            (r.section, r.record_id): r
            for r in session.exec(
                select(ReceivedRecord).where(ReceivedRecord.branch_id == branch_id)
            )
        }
        plan = self._plan(bundle, branch_id, incoming, deletions, held)
        merged = self._merged(held, plan)
        self._validate(merged)
        self._apply(bundle, branch_id, plan, merged)
        changes = manifest.get("changes") or {}
        to_change = int(changes.get("to", 0))
        self._remember(bundle, branch_id, signer, sha256, plan, to_change)
        session.flush()
        return ImportOutcome(
            bundle.path,
            bundle.bundle_id,
            branch_id,
            name,
            added=len(plan.add),
            replaced=len(plan.replace),
            identical=plan.identical,
            deleted=len(plan.delete),
            conflicts=len(plan.conflicts),
            files=len(bundle.files()),
            to_change=to_change,
            signer=signer,
        )

    def _plan(
        self,
        bundle: Bundle,
        branch_id: uuid.UUID,
        incoming: list[Incoming],
        deletions: list[Record],
        held: dict[RecordKey, ReceivedRecord],
    ) -> Plan:
        plan = Plan()
        others = self._held_elsewhere(branch_id, [i.record_id for i in incoming])
        for item in incoming:
            mine = held.get((item.section, item.record_id))
            other = others.get((item.section, item.record_id))
            if other is not None:
                plan.conflicts.append(
                    self._conflict(bundle, branch_id, item, other, ConflictKind.OTHER_BRANCH)
                )
            elif mine is None:
                plan.add.append(item)
            elif mine.digest == item.digest:
                plan.identical += 1
            elif item.version > mine.version:
                plan.replace.append((item, mine))
            else:
                kind = (
                    ConflictKind.OLDER if item.version < mine.version else ConflictKind.SAME_VERSION
                )
                plan.conflicts.append(self._conflict(bundle, branch_id, item, mine, kind))
        for gone in deletions:
            try:
                key = (str(gone["section"]), uuid.UUID(str(gone["id"])).hex)
                version = int(gone["version"])
            except (KeyError, ValueError) as exc:
                raise BundleRefused(bundle.path, _("数据包的版本清单已损坏")) from exc
            mine = held.get(key)
            if mine is not None and version > mine.version:
                plan.delete.append(mine)
        plan.conflicts = [c for c in plan.conflicts if not self._known_conflict(c)]
        return plan

    def _held_elsewhere(
        self, branch_id: uuid.UUID, record_ids: list[str]
    ) -> dict[RecordKey, ReceivedRecord]:
        found: dict[RecordKey, ReceivedRecord] = {}
        for start in range(0, len(record_ids), 500):
            chunk = record_ids[start : start + 500]
            for row in self.session.exec(
                select(ReceivedRecord).where(
                    col(ReceivedRecord.record_id).in_(chunk), ReceivedRecord.branch_id != branch_id
                )
            ):
                found[(row.section, row.record_id)] = row
        return found

    def _conflict(
        self,
        bundle: Bundle,
        branch_id: uuid.UUID,
        item: Incoming,
        held: ReceivedRecord,
        kind: ConflictKind,
    ) -> MergeConflict:
        return MergeConflict(
            branch_id=branch_id,
            bundle_id=bundle.bundle_id,
            section=item.section,
            record_id=item.record_id,
            kind=kind.value,
            held_branch_id=held.branch_id.hex,
            held_version=held.version,
            held=held.content,
            held_by=held.changed_by,
            held_at=held.changed_at,
            incoming_version=item.version,
            incoming=json.dumps(item.item, ensure_ascii=False),
            incoming_digest=item.digest,
            incoming_by=item.changed_by,
            incoming_at=item.changed_at,
        )

    def _known_conflict(self, conflict: MergeConflict) -> bool:
        """The same incoming value already waits (another bundle brought it too)."""
        return (
            self.session.exec(
                select(MergeConflict).where(
                    MergeConflict.record_id == conflict.record_id,
                    MergeConflict.incoming_digest == conflict.incoming_digest,
                    MergeConflict.status == "open",
                )
            ).first()
            is not None
        )

    # --- checking the branch as it would be -------------------------------------------------

    def _merged(self, held: dict[RecordKey, ReceivedRecord], plan: Plan) -> Record:
        by_key: dict[RecordKey, Record] = {k: json.loads(r.content) for k, r in held.items()}
        for gone in plan.delete:
            by_key.pop((gone.section, gone.record_id), None)
        for new in plan.add:
            by_key[(new.section, new.record_id)] = new.item
        for new, _mine in plan.replace:
            by_key[(new.section, new.record_id)] = new.item
        grouped: dict[str, list[Record]] = {}
        for (section, _rid), content in by_key.items():
            grouped.setdefault(section, []).append(content)
        return rec.assemble({}, grouped, self.keys)

    def _validate(self, merged: Record) -> None:
        if not isinstance(merged.get("branch"), dict):
            raise InputError.single("branch", _("支部"), _("数据包中没有支部信息"))
        ctx = self.root.context(merged, self.today)
        problems: list[Problem] = self.root.validate_records(merged, ctx)
        for section in self.sections:
            problems += section.validate(merged.get(section.key, []), ctx)
        if problems:
            raise ImportFailed(problems)

    # --- writing ----------------------------------------------------------------------------

    def _apply(self, bundle: Bundle, branch_id: uuid.UUID, plan: Plan, merged: Record) -> None:
        session = self.session
        stale: list[tuple[str, str]] = []
        for mine in [*plan.delete, *(m for _i, m in plan.replace)]:
            stale += [(str(t), str(i)) for t, i in json.loads(mine.rows)]
        if stale:
            rows.delete_rows(session, stale)
        for gone in plan.delete:
            session.delete(gone)
        ctx = self.root.context(merged, self.today)
        loading = [*plan.add, *(i for i, _m in plan.replace)]
        order = {key: index for index, key in enumerate(self.keys)}
        loading.sort(key=lambda i: order[i.section])
        sections = {s.key: s for s in self.sections}
        replaced = {(i.section, i.record_id): m for i, m in plan.replace}
        store = bundle.files()
        try:
            for item in loading:
                session.flush()  # the bookkeeping of the previous record is not this one's
                before = len(session.info.get(audit.CHANGES_KEY, []))
                if item.section in rec.ROOT_KEYS:
                    self.root.load_records(session, item.section, [item.item], ctx)
                else:
                    sections[item.section].load(session, [item.item], ctx)
                loaded = [
                    r
                    for r in rows.changed_rows(session.info.get(audit.CHANGES_KEY, [])[before:])
                    if r[0] not in guard.TOWNSHIP_TABLES
                ]
                self._keep_files(loaded, store, bundle)
                self._record(branch_id, item, loaded, replaced.get((item.section, item.record_id)))
        except sa.exc.IntegrityError as exc:
            raise BundleRefused(
                bundle.path, _("数据包中有记录的编号与本安装已有的其他记录相同，未导入")
            ) from exc
        session.add_all(plan.conflicts)

    def _keep_files(
        self, loaded: list[tuple[str, str]], store: dict[str, bytes], bundle: Bundle
    ) -> None:
        for table, row_id in loaded:
            if table != "attachment":
                continue
            row = self.session.get(Attachment, uuid.UUID(row_id))
            if row is None:
                continue
            data = store.get(row.sha256)
            if data is None:
                raise BundleRefused(bundle.path, _("数据包缺少附件“{name}”", name=row.filename))
            files.put(self.session, self.data_dir, row.stored_path, row.sha256, data)

    def _record(
        self,
        branch_id: uuid.UUID,
        item: Incoming,
        loaded: list[tuple[str, str]],
        mine: ReceivedRecord | None,
    ) -> None:
        row = mine or ReceivedRecord(
            branch_id=branch_id,
            section=item.section,
            record_id=item.record_id,
            version=item.version,
            digest=item.digest,
            content="",
        )
        row.version = item.version
        row.digest = item.digest
        row.content = json.dumps(item.item, ensure_ascii=False)
        row.changed_at = item.changed_at
        row.changed_by = item.changed_by
        row.rows = json.dumps(loaded)
        self.session.add(row)

    def _remember(
        self,
        bundle: Bundle,
        branch_id: uuid.UUID,
        signer: Signer,
        sha256: str,
        plan: Plan,
        to_change: int,
    ) -> None:
        session = self.session
        manifest = bundle.manifest
        known = session.exec(
            select(ReceivedBranch).where(ReceivedBranch.branch_id == branch_id)
        ).first()
        row = known or ReceivedBranch(branch_id=branch_id, fingerprint=signer.fingerprint)
        row.fingerprint = signer.fingerprint
        row.installation_id = signer.installation_id
        row.last_bundle_id = bundle.bundle_id
        row.last_received_at = dt.datetime.now(dt.UTC)
        row.up_to_change = max(row.up_to_change, to_change)
        row.app_version = str(manifest.get("app_version", ""))[:20]
        if manifest.get("rules"):
            row.rules = json.dumps(manifest["rules"], ensure_ascii=False)
        session.add(row)
        changes = manifest.get("changes") or {}
        session.add(
            ReceivedBundle(
                bundle_id=bundle.bundle_id,
                branch_id=branch_id,
                full=bool(manifest.get("full")),
                from_change=int(changes.get("from", 0)),
                to_change=to_change,
                sha256=sha256,
                created_at_branch=_moment(manifest.get("created_at")),
                signer_fingerprint=signer.fingerprint,
                added=len(plan.add),
                replaced=len(plan.replace),
                identical=plan.identical,
                deleted=len(plan.delete),
                conflicts=len(plan.conflicts),
                files=len(bundle.files()),
            )
        )
        session.execute(sa.delete(BranchSummary).where(col(BranchSummary.branch_id) == branch_id))

    # --- a conflict decided ------------------------------------------------------------------

    def take(self, conflict: MergeConflict) -> None:
        """Replace the township's copy by the conflict's incoming value."""
        session = self.session
        guard.merging(session)
        branch_id = conflict.branch_id
        held = {
            (r.section, r.record_id): r
            for r in session.exec(
                select(ReceivedRecord).where(ReceivedRecord.branch_id == branch_id)
            )
        }
        mine = held.get((conflict.section, conflict.record_id))
        item = Incoming(
            conflict.section,
            conflict.record_id,
            json.loads(conflict.incoming),
            conflict.incoming_version,
            conflict.incoming_digest,
            conflict.incoming_at,
            conflict.incoming_by,
        )
        plan = Plan()
        if mine is None:
            plan.add.append(item)
        else:
            plan.replace.append((item, mine))
        merged = self._merged(held, plan)
        self._validate(merged)
        bundle = Bundle(manifest={}, path=conflict.bundle_id)
        self._apply(bundle, branch_id, plan, merged)
        session.execute(sa.delete(BranchSummary).where(col(BranchSummary.branch_id) == branch_id))


def branch_exists(session: Session, branch_id: uuid.UUID) -> bool:
    return session.get(Branch, branch_id) is not None
