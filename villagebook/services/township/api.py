"""Township and county as the Book offers them (``book.township``).

On a **branch**: write a bundle for the township (报送乡镇: everything, or what changed since
the last receipt), see what was sent and acknowledged, import the township's receipt (its
comments, its rule set), read the comments.

On a **township or county** (``init`` makes one; the same app holding many branches,
read-only for their records): import bundles (verified, then merged by record UUID in one
transaction per bundle), decide conflicts, comment (审核意见), write receipts, set the local
rule set, and the township view: one row per branch, a county roll-up per township.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlmodel import Session, col, select

from villagebook.domain.common.errors import InputError, NotFoundError, Problem, UserError
from villagebook.domain.common.findings import FindingKey
from villagebook.domain.common.i18n import _
from villagebook.domain.common.rules import DEFAULT_PARAMS, RuleSet
from villagebook.domain.roster.values import BranchRecord
from villagebook.domain.township.values import (
    BundleSummary,
    CommentRecord,
    ConflictKind,
    ConflictRecord,
    CountyRollup,
    ImportOutcome,
    ReceiptSummary,
    Role,
    RuleSetEntry,
    Signer,
    TownshipGroup,
    TownshipSummary,
)
from villagebook.services import checks, exchange
from villagebook.services.capability import BookCore, Capability
from villagebook.services.roster.queries import branch_record, first_branch, get_branch
from villagebook.services.safety.identity import identity_of, load_certificate, trust_in
from villagebook.services.township import bundle as bundle_file
from villagebook.services.township import role as installation
from villagebook.services.township import sending, summary
from villagebook.services.township.merge import Merger
from villagebook.storage.models import Branch
from villagebook.storage.models.township import (
    InspectorComment,
    MergeConflict,
    ReceivedBranch,
    ReceivedBundle,
    RuleSetAdoption,
    TownshipReceipt,
)

if TYPE_CHECKING:
    from villagebook.services.proof.signing import Signer as KeySigner

#: Asked before a bundle or receipt signed by an unknown key is accepted: True to trust it.
Confirm = Callable[[Signer], bool]


class SigningIdentity(Protocol):
    def signer(self, branch_id: uuid.UUID | None = None) -> KeySigner: ...

    def known(self) -> dict[str, str]: ...


class Storage(Protocol):
    @property
    def is_server(self) -> bool: ...


class UnknownSigner(UserError):
    """A bundle signed by a key this installation does not trust, and not confirmed."""


def _comment(row: InspectorComment) -> CommentRecord:
    return CommentRecord(
        id=row.id,
        branch_id=row.branch_id,
        text=row.text,
        written_on=row.written_on,
        written_by=row.written_by,
        township=row.township,
        code=row.code,
        subject_id=row.subject_id,
        period=row.period,
        section=row.section,
        record_id=row.record_id,
    )


def _rule_entry(row: RuleSetAdoption, current: bool) -> RuleSetEntry:
    return RuleSetEntry(
        id=row.id,
        name=row.name,
        version=row.version,
        params={k: float(v) for k, v in json.loads(row.params or "{}").items()},
        adopted_on=row.adopted_on,
        source=row.source,
        source_name=row.source_name,
        current=current,
    )


def adopted_rules(session: Session) -> RuleSet | None:
    """The rule set this installation adopted last (None: none adopted, use the file)."""
    row = session.exec(
        select(RuleSetAdoption).order_by(col(RuleSetAdoption.created_at).desc()).limit(1)
    ).first()
    if row is None:
        return None
    return summary.rules_of(
        json.dumps({"name": row.name, "version": row.version, "params": json.loads(row.params)}),
        RuleSet(),
    )


def _clean_params(values: dict[str, Any]) -> dict[str, float | int]:
    problems = []
    clean: dict[str, float | int] = {}
    for key, value in values.items():
        if key not in DEFAULT_PARAMS:
            problems.append(Problem(key, key, _("没有这条规则参数")))
        elif isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            problems.append(Problem(key, key, _("应为不小于0的数")))
        else:
            clean[key] = value
    if problems:
        raise InputError(problems)
    return clean


def _signer(info: Any, known: str, previous: str = "") -> Signer:
    return Signer(
        fingerprint=info.fingerprint,
        installation_id=info.installation_id,
        name=info.branch_name,
        township=info.township,
        county=info.county,
        known=known,
        previous_fingerprint=previous,
    )


class TownshipApi(Capability):
    """Bundles, receipts, the merge and the township view."""

    def __init__(
        self,
        core: BookCore,
        *,
        root: exchange.RootSection,
        sections: Sequence[exchange.Section],
        providers: Sequence[checks.CheckProvider],
        identity: SigningIdentity,
        storage: Storage,
    ) -> None:
        super().__init__(core)
        self.root = root
        self.sections = list(sections)
        self.providers = list(providers)
        self.identity = identity
        self.storage = storage

    # --- what this installation is ---------------------------------------------------------

    def role(self) -> Role:
        with self.core.reading() as session:
            return installation.role(session)

    def own_unit(self) -> uuid.UUID | None:
        """On a township or county: the branch row standing for the township itself."""
        with self.core.reading() as session:
            return installation.own_unit(session)

    def init(
        self, name: str, *, township: str = "", county: str = "", role: Role = Role.TOWNSHIP
    ) -> BranchRecord:
        """Make this (empty) installation a township's or county's (乡镇/县安装)."""
        problems = []
        if not name.strip():
            problems.append(Problem("name", _("名称"), _("不能为空")))
        if role is Role.BRANCH:
            problems.append(Problem("role", _("安装类型"), _("应为乡镇或县")))
        if problems:
            raise InputError(problems)
        with self.core.transaction(_("设为乡镇安装"), undoable=False) as session:
            if first_branch(session) is not None:
                raise InputError.single(
                    "data_dir",
                    _("数据文件夹"),
                    _("这个数据文件夹已有支部的记录：乡镇安装请使用新的数据文件夹"),
                )
            unit = Branch(
                name=name.strip()[:100],
                village=(township or name).strip()[:100],
                township=township.strip()[:100],
                county=county.strip()[:100],
            )
            session.add(unit)
            session.flush()
            installation.set_role(session, role, unit.id)
            return branch_record(unit)

    # --- a branch: bundles out, receipts in ------------------------------------------------

    def export_bundle(
        self, path: Path, *, full: bool = False, branch_id: uuid.UUID | None = None
    ) -> BundleSummary:
        """报送乡镇: write this branch's bundle (what changed since the last receipt, or
        everything with ``full``), signed by this installation.  It carries full personal
        data, like an export: the app lock's password is needed while the lock is on."""
        self.core.require_unlocked()
        with self.core.reading() as session:
            if installation.role(session) is not Role.BRANCH:
                raise InputError.single(
                    "role", _("安装类型"), _("乡镇（县）安装不报送数据包，请写回执")
                )
            branch = get_branch(session, branch_id) if branch_id else first_branch(session)
            if branch is None:
                raise InputError.single(
                    "branch", _("支部"), _("数据文件夹中还没有支部，请先导入或运行 demo")
                )
            chosen = branch.id
        signer = self.identity.signer(chosen)
        with self.core.transaction(_("报送乡镇"), keep_history=True) as session:
            return sending.write_bundle(
                session,
                branch=get_branch(session, chosen),
                root=self.root,
                sections=self.sections,
                data_dir=self.core.data_dir,
                path=path,
                full=full,
                signer=signer,
                rules=self.core.rules(),
            )

    def sent(self, branch_id: uuid.UUID | None = None) -> list[BundleSummary]:
        """The bundles this branch wrote, newest first."""
        with self.core.reading() as session:
            return [
                BundleSummary(
                    r.bundle_id,
                    r.file_name,
                    r.full,
                    r.from_change,
                    r.to_change,
                    r.records,
                    r.deleted,
                    r.files,
                    r.sha256,
                )
                for r in sending.sent_bundles(session, branch_id)
            ]

    def acknowledged(self, branch_id: uuid.UUID | None = None) -> int:
        """The change up to which the township acknowledged this branch's data."""
        with self.core.reading() as session:
            branch = get_branch(session, branch_id) if branch_id else first_branch(session)
            return sending.acknowledged(session, branch.id) if branch else 0

    def receipts(self, branch_id: uuid.UUID | None = None) -> list[ReceiptSummary]:
        with self.core.reading() as session:
            return [
                ReceiptSummary(
                    r.receipt_id,
                    r.branch_id,
                    "",
                    r.up_to_change,
                    r.comments,
                    r.rules_version,
                    township=r.township,
                )
                for r in sending.receipt_rows(session, branch_id)
            ]

    def import_receipt(self, path: Path, confirm: Confirm | None = None) -> ReceiptSummary:
        """A township's receipt: what it received, its comments, its rule set (adopted,
        the previous one kept in the history)."""
        found = bundle_file.read(path)
        if found.kind != "receipt":
            raise bundle_file.BundleRefused(
                path, _("这是支部的数据包，不是回执：请在乡镇安装中导入")
            )
        signer = self._check_signer(found, confirm, branch_id=None)
        body = found.json_part(bundle_file.RECEIPT)
        branch_id = uuid.UUID(str(body["branch_id"]))
        with self.core.transaction(_("导入乡镇回执"), undoable=False) as session:
            branch = session.get(Branch, branch_id)
            if branch is None or installation.role(session) is not Role.BRANCH:
                raise bundle_file.BundleRefused(path, _("这份回执是给另一个支部的"))
            if signer.known == "unknown":
                trust_in(session, identity_of(load_certificate(found.certificate_pem.encode())))
            done = session.exec(
                select(TownshipReceipt).where(TownshipReceipt.receipt_id == found.bundle_id)
            ).first()
            township = str(body.get("township", ""))
            if done is not None:
                return ReceiptSummary(
                    done.receipt_id,
                    branch_id,
                    branch.name,
                    done.up_to_change,
                    done.comments,
                    done.rules_version,
                    str(path),
                    township,
                )
            comments = list(body.get("comments", []))
            for item in comments:
                comment_id = uuid.UUID(str(item["id"]))
                row = session.get(InspectorComment, comment_id) or InspectorComment(
                    id=comment_id, branch_id=branch_id, text="", written_on=dt.date.today()
                )
                row.branch_id = branch_id
                row.text = str(item.get("text", ""))[:2000]
                row.written_on = dt.date.fromisoformat(str(item["written_on"]))
                row.written_by = str(item.get("written_by", ""))[:100]
                row.township = township[:100]
                for key in ("code", "subject_id", "period", "section", "record_id"):
                    setattr(row, key, str(item.get(key, ""))[:40])
                row.receipt_id = found.bundle_id
                session.add(row)
            adopted = False
            rules = body.get("rules")
            if isinstance(rules, dict):
                adopted = self._adopt(session, rules, township, found.bundle_id)
            rules_version = str(rules.get("version", "")) if isinstance(rules, dict) else ""
            session.add(
                TownshipReceipt(
                    branch_id=branch_id,
                    receipt_id=found.bundle_id,
                    up_to_change=int(body.get("up_to_change", 0)),
                    bundles=json.dumps(body.get("bundles", [])),
                    issued_at=sending.moment(found.manifest.get("created_at")),
                    township=township[:100],
                    inspector=str(body.get("inspector", ""))[:100],
                    signer_fingerprint=signer.fingerprint,
                    comments=len(comments),
                    rules_version=rules_version[:60],
                )
            )
            return ReceiptSummary(
                found.bundle_id,
                branch_id,
                branch.name,
                int(body.get("up_to_change", 0)),
                len(comments),
                rules_version,
                str(path),
                township,
                adopted,
            )

    def _adopt(self, session: Session, rules: dict[str, Any], source: str, source_id: str) -> bool:
        params = {
            k: v
            for k, v in dict(rules.get("params", {})).items()
            if k in DEFAULT_PARAMS and isinstance(v, int | float) and not isinstance(v, bool)
        }
        current = adopted_rules(session) or self.core.rules()
        name = str(rules.get("name", ""))[:100] or source
        version = str(rules.get("version", ""))[:60]
        if (current.version, dict(current.overrides)) == (version, params):
            return False
        session.add(
            RuleSetAdoption(
                name=name,
                version=version,
                params=json.dumps(params),
                adopted_on=self.core.today(),
                source="township",
                source_name=source[:100],
                source_id=source_id,
            )
        )
        return True

    def comments(self, branch_id: uuid.UUID | None = None) -> list[CommentRecord]:
        """审核意见: on a branch, those its township sent back; on a township, those written."""
        with self.core.reading() as session:
            query = select(InspectorComment).order_by(
                col(InspectorComment.written_on).desc(), col(InspectorComment.created_at).desc()
            )
            if branch_id is not None:
                query = query.where(InspectorComment.branch_id == branch_id)
            return [_comment(r) for r in session.exec(query)]

    def rule_sets(self) -> list[RuleSetEntry]:
        """Every rule set adopted here, newest (in force) first."""
        with self.core.reading() as session:
            rows = list(
                session.exec(
                    select(RuleSetAdoption).order_by(col(RuleSetAdoption.created_at).desc())
                )
            )
            return [_rule_entry(r, i == 0) for i, r in enumerate(rows)]

    def set_rules(self, params: dict[str, Any], *, name: str, version: str) -> RuleSetEntry:
        """Set this installation's local rule set (a township's stricter thresholds, e.g.
        ``{"DEV-PUBLICITY.working_days": 7}``); the previous one stays in the history."""
        clean = _clean_params(params)
        if not version.strip():
            raise InputError.single("version", _("版本"), _("不能为空"))
        with self.core.transaction(_("设置规则")) as session:
            row = RuleSetAdoption(
                name=(name.strip() or version.strip())[:100],
                version=version.strip()[:60],
                params=json.dumps(clean),
                adopted_on=self.core.today(),
                source="local",
            )
            session.add(row)
            session.flush()
            return _rule_entry(row, True)

    # --- a township: bundles in -----------------------------------------------------------

    def inspect(self, path: Path) -> tuple[bundle_file.Bundle, Signer]:
        """Read and verify a bundle; who signed it and whether this installation knows them."""
        found = bundle_file.read(path)
        return found, self._signer_of(found)

    def _signer_of(self, found: bundle_file.Bundle) -> Signer:
        info = identity_of(load_certificate(found.certificate_pem.encode("ascii")))
        known = self.identity.known().get(info.fingerprint, "unknown")
        previous = ""
        branch_id = (found.manifest.get("branch") or {}).get("id")
        if found.kind == "records" and branch_id:
            with self.core.reading() as session:
                row = session.exec(
                    select(ReceivedBranch).where(
                        ReceivedBranch.branch_id == uuid.UUID(str(branch_id))
                    )
                ).first()
            if row is not None and row.fingerprint != info.fingerprint:
                previous = row.fingerprint
        return _signer(info, known, previous)

    def _check_signer(
        self, found: bundle_file.Bundle, confirm: Confirm | None, branch_id: uuid.UUID | None
    ) -> Signer:
        signer = self._signer_of(found)
        if signer.known == "self":
            raise bundle_file.BundleRefused(found.path, _("这是本安装自己签名的文件"))
        if (signer.known == "unknown" or signer.previous_fingerprint) and (
            confirm is None or not confirm(signer)
        ):
            raise UnknownSigner(
                _(
                    "{file}：签名者“{name}”（证书指纹 {fingerprint}）不在信任列表中，"
                    "未导入。请核对指纹后确认信任。",
                    file=Path(found.path).name,
                    name=signer.name,
                    fingerprint=signer.fingerprint_text,
                )
            )
        return signer

    def import_bundle(self, path: Path, confirm: Confirm | None = None) -> ImportOutcome:
        """Verify one branch bundle, then merge it in one transaction (all or nothing)."""
        found = bundle_file.read(path)
        if found.kind != "records":
            raise bundle_file.BundleRefused(path, _("这是乡镇的回执，请在支部的安装中导入"))
        with self.core.reading() as session:
            if installation.role(session) is Role.BRANCH:
                raise bundle_file.BundleRefused(
                    path, _("本安装是村党支部的安装：请先设为乡镇安装（township init）")
                )
            own = installation.own_unit(session)
        signer = self._check_signer(found, confirm, None)
        branch_id = uuid.UUID(str((found.manifest.get("branch") or {}).get("id")))
        if branch_id == own:
            raise bundle_file.BundleRefused(path, _("数据包的支部编号与本安装相同"))
        digest = bundle_file.sha256(Path(path).read_bytes())
        label = _(
            "导入数据包：{branch}", branch=(found.manifest.get("branch") or {}).get("name", "")
        )
        with self.core.transaction(label, undoable=False) as session:
            trusted_now = False
            if signer.known == "unknown":
                trust_in(session, identity_of(load_certificate(found.certificate_pem.encode())))
                trusted_now = True
            merger = Merger(
                session,
                root=self.root,
                sections=self.sections,
                data_dir=self.core.data_dir,
                today=self.core.today(),
                actor=self.core.actor,
            )
            outcome = merger.merge(found, signer, digest)
        if trusted_now:
            from dataclasses import replace

            outcome = replace(outcome, trusted_now=True)
        return outcome

    def import_bundles(
        self,
        paths: Sequence[Path],
        confirm: Confirm | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> tuple[list[ImportOutcome], list[tuple[Path, UserError]]]:
        """Import several bundles, each on its own (one refused leaves the others merged)."""
        done: list[ImportOutcome] = []
        refused: list[tuple[Path, UserError]] = []
        for index, path in enumerate(paths):
            if progress is not None:
                progress(index, len(paths))
            try:
                done.append(self.import_bundle(Path(path), confirm))
            except UserError as exc:
                refused.append((Path(path), exc))
        touched = list(dict.fromkeys(o.branch_id for o in done if not o.already))
        if touched:  # the township view's figures of these branches, kept for today
            self.summary(branch_ids=touched)
        if progress is not None:
            progress(len(paths), len(paths))
        return done, refused

    # --- conflicts ---------------------------------------------------------------------------

    def conflicts(
        self, branch_id: uuid.UUID | None = None, *, waiting_only: bool = True
    ) -> list[ConflictRecord]:
        with self.core.reading() as session:
            rows = summary.conflicts_of(session, branch_id, "open" if waiting_only else None)
            names = {b.id: b.name for b in session.exec(select(Branch))}
            return [self._conflict(r, names) for r in rows]

    @staticmethod
    def _conflict(row: MergeConflict, names: dict[uuid.UUID, str]) -> ConflictRecord:
        held_branch = uuid.UUID(row.held_branch_id) if row.held_branch_id else None
        return ConflictRecord(
            id=row.id,
            branch_id=row.branch_id,
            branch_name=names.get(row.branch_id, ""),
            bundle_id=row.bundle_id,
            section=row.section,
            record_id=row.record_id,
            kind=ConflictKind(row.kind),
            held_version=row.held_version,
            held=json.loads(row.held) if row.held else None,
            held_by=row.held_by,
            held_at=row.held_at,
            incoming_version=row.incoming_version,
            incoming=json.loads(row.incoming) if row.incoming else {},
            incoming_by=row.incoming_by,
            incoming_at=row.incoming_at,
            status=row.status,
            held_branch=names.get(held_branch, "") if held_branch else "",
        )

    def resolve(self, conflict_id: uuid.UUID, *, take_incoming: bool) -> ConflictRecord:
        """Keep the township's copy, or take the bundle's value in its place."""
        with self.core.transaction(_("处理冲突"), undoable=False) as session:
            row = session.get(MergeConflict, conflict_id)
            if row is None:
                raise NotFoundError(_("冲突不存在：{id}", id=conflict_id))
            if row.status != "open":
                raise InputError.single("conflict", _("冲突"), _("这个冲突已经处理过了"))
            if take_incoming:
                if row.kind == ConflictKind.OTHER_BRANCH.value:
                    raise InputError.single(
                        "conflict",
                        _("冲突"),
                        _("编号属于另一个支部的记录不能改归这个支部，只能保留原记录"),
                    )
                Merger(
                    session,
                    root=self.root,
                    sections=self.sections,
                    data_dir=self.core.data_dir,
                    today=self.core.today(),
                    actor=self.core.actor,
                ).take(row)
            row.status = "taken" if take_incoming else "kept"
            row.resolved_by = self.core.actor[:100]
            row.resolved_on = self.core.today()
            session.add(row)
            session.flush()
            names = {b.id: b.name for b in session.exec(select(Branch))}
            return self._conflict(row, names)

    # --- comments and receipts -----------------------------------------------------------

    def comment(
        self,
        branch_id: uuid.UUID,
        text: str,
        *,
        finding: FindingKey | None = None,
        section: str = "",
        record_id: str = "",
    ) -> CommentRecord:
        """审核意见 on a branch, one of its findings or one of its records (sent back in the
        next receipt)."""
        text = text.strip()
        if not text:
            raise InputError.single("text", _("审核意见"), _("不能为空"))
        if len(text) > 2000:
            raise InputError.single("text", _("审核意见"), _("不能超过{count}个字", count=2000))
        with self.core.transaction(_("填写审核意见")) as session:
            get_branch(session, branch_id)
            unit = installation.own_unit(session)
            own = session.get(Branch, unit) if unit else None
            row = InspectorComment(
                branch_id=branch_id,
                code=finding.code if finding else "",
                subject_id=finding.subject_id if finding else "",
                period=finding.period if finding else "",
                section=section,
                record_id=record_id,
                text=text,
                written_on=self.core.today(),
                written_by=self.core.actor[:100],
                township=(own.name if own else "")[:100],
            )
            session.add(row)
            session.flush()
            return _comment(row)

    def write_receipt(self, branch_id: uuid.UUID, path: Path) -> ReceiptSummary:
        """回执: what this township received from ``branch_id`` up to which change, the
        inspector's comments, and the township's rule set when the branch applies another."""
        with self.core.reading() as session:
            got = session.exec(
                select(ReceivedBranch).where(ReceivedBranch.branch_id == branch_id)
            ).first()
            if got is None:
                raise InputError.single(
                    "branch", _("支部"), _("还没有收到这个支部的数据包，无法写回执")
                )
            branch = get_branch(session, branch_id)
            bundles = [
                r.bundle_id
                for r in session.exec(
                    select(ReceivedBundle)
                    .where(ReceivedBundle.branch_id == branch_id)
                    .order_by(col(ReceivedBundle.created_at))
                )
            ]
            comments = [
                {
                    "id": str(c.id),
                    "text": c.text,
                    "written_on": c.written_on.isoformat(),
                    "written_by": c.written_by,
                    "code": c.code,
                    "subject_id": c.subject_id,
                    "period": c.period,
                    "section": c.section,
                    "record_id": c.record_id,
                }
                for c in session.exec(
                    select(InspectorComment)
                    .where(InspectorComment.branch_id == branch_id)
                    .order_by(col(InspectorComment.created_at))
                )
            ]
            unit = installation.own_unit(session)
            own = session.get(Branch, unit) if unit else None
            township = own.name if own else ""
            reported = summary.rules_of(got.rules, RuleSet())
            up_to = got.up_to_change
        mine = self.core.rules()
        differs = (mine.version, dict(mine.overrides)) != (
            reported.version,
            dict(reported.overrides),
        )
        rules = summary.rules_json(mine) if differs else None
        signer = self.identity.signer(unit)
        body = {
            "branch_id": str(branch_id),
            "up_to_change": up_to,
            "bundles": bundles,
            "township": township,
            "inspector": self.core.actor,
            "comments": comments,
            "rules": rules,
        }
        manifest = bundle_file.new_manifest(
            "receipt",
            signer,
            branch={"id": str(branch.id), "name": branch.name, "village": branch.village},
            extra={"changes": {"from": 0, "to": up_to}},
        )
        bundle_file.write(
            path, manifest, {bundle_file.RECEIPT: bundle_file.json_bytes(body)}, signer
        )
        return ReceiptSummary(
            manifest["bundle_id"],
            branch_id,
            branch.name,
            up_to,
            len(comments),
            str(rules["version"]) if rules else "",
            str(path),
            township,
        )

    # --- the township view -------------------------------------------------------------------

    def summary(
        self, as_of: dt.date | None = None, *, branch_ids: Sequence[uuid.UUID] | None = None
    ) -> TownshipSummary:
        """One row per branch: activities this quarter held against required, development
        steps overdue, deliberations open, findings open and handled, last data received,
        conflicts waiting; every figure as the branch's own ``check`` finds it.

        Without ``as_of`` (today's view) a branch's figures are those computed when its last
        bundle was merged, while the quarter, its data and its rules are the same
        (``BranchRow.figures_as_of``); with ``as_of`` they are computed for that day."""
        from villagebook.domain.common.calendar import quarter_of

        day = as_of or self.core.today()
        fallback = self.core.rules()
        with self.core.reading() as session:
            unit = installation.own_unit(session)
            own = session.get(Branch, unit) if unit else None
            chosen_role = installation.role(session)
            rows, fresh = summary.branch_rows(
                session,
                self.providers,
                as_of=day,
                fallback=fallback,
                exclude=unit,
                keep=True,
                branch_ids=branch_ids,
                current=as_of is None,
            )
        if fresh:
            self._keep(fresh)
        return TownshipSummary(
            name=own.name if own else "",
            county=own.county if own else "",
            role=chosen_role,
            year=day.year,
            quarter=quarter_of(day),
            as_of=day,
            rows=tuple(rows),
        )

    def _keep(self, fresh: list[Any]) -> None:
        """Keep computed figures for the next look (a cache: never undone, never logged)."""
        try:
            with self.core.transaction(_("保存乡镇汇总数字"), keep_history=True) as session:
                for row in fresh:
                    session.merge(row)
        except UserError:
            pass  # a folder on read-only media: figures are computed again next time

    def county(
        self, as_of: dt.date | None = None, *, found: TownshipSummary | None = None
    ) -> CountyRollup:
        """The county roll-up: per township, then per branch (of ``found``, a summary
        already at hand, or of today's)."""
        found = found or self.summary(as_of)
        groups: dict[str, list[Any]] = {}
        for row in found.rows:
            groups.setdefault(row.township or _("（未填乡镇）"), []).append(row)
        return CountyRollup(
            name=found.name,
            year=found.year,
            quarter=found.quarter,
            as_of=found.as_of,
            townships=tuple(TownshipGroup(t, tuple(rs)) for t, rs in sorted(groups.items())),
        )
