"""Tables of the exchange between a branch and its township (docs/exchange-format.md, bundles).

On a **branch**:

- ``record_version``: the version of every record the branch has sent (or will send): the
  digest of its exchange-format content and the change number (audit sequence) at which that
  content was first exported; a deleted record keeps a row marked ``deleted``;
- ``sent_bundle``: what was sent, when, up to which change;
- ``township_receipt``: what the township acknowledged (up to which change), its comments'
  count and rule set;
- ``rule_set_adoption``: every rule set the branch adopted, newest in force (history kept).

On a **township or county** (the same app holding many branches):

- ``received_branch``: each branch whose bundles arrived: the key that signs them, the last
  change received, the rule set it reported;
- ``received_record``: the version, digest and content of every record held, and the rows
  it was loaded into (so a newer version replaces exactly those rows);
- ``received_bundle``: every bundle imported (a second import of one is a no-op);
- ``merge_conflict``: records not merged (an older version, the same version with other
  content, a UUID another branch owns): both values, who and when, waiting for a decision;
- ``inspector_comment``: the inspector's 审核意见, sent back in receipts (a branch keeps the
  ones it received in the same table);
- ``stored_file``: attachment files kept in the database on a server (a folder keeps them
  under ``attachments/``); content-addressed, so not audited (no ``id``);
- ``branch_summary``: the township view's figures of one branch on one day (a cache: not
  audited, recomputed when the data or the rules change).
"""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from villagebook.storage.models.base import Row, utcnow


class RecordVersion(Row, table=True):
    """The version of one record of this branch, as last exported in a bundle."""

    __tablename__ = "record_version"
    __table_args__ = (sa.UniqueConstraint("branch_id", "section", "record_id"),)

    branch_id: uuid.UUID = Field(foreign_key="branch.id", index=True)
    section: str = Field(max_length=40)
    record_id: str = Field(max_length=40)
    digest: str = Field(max_length=64)
    version: int = Field(index=True)
    deleted: bool = False


class SentBundle(Row, table=True):
    """One bundle written for the township (报送)."""

    __tablename__ = "sent_bundle"

    branch_id: uuid.UUID = Field(foreign_key="branch.id", index=True)
    bundle_id: str = Field(max_length=40, index=True, unique=True)
    full: bool = False
    from_change: int = 0
    to_change: int = 0
    records: int = 0
    deleted: int = 0
    files: int = 0
    sha256: str = Field(max_length=64)
    file_name: str = Field(default="", max_length=255)


class TownshipReceipt(Row, table=True):
    """A receipt (回执) the branch imported: the township received its data up to a change."""

    __tablename__ = "township_receipt"

    branch_id: uuid.UUID = Field(foreign_key="branch.id", index=True)
    receipt_id: str = Field(max_length=40, index=True, unique=True)
    up_to_change: int = 0
    bundles: str = Field(default="[]")  # JSON list of bundle ids acknowledged
    issued_at: dt.datetime
    township: str = Field(default="", max_length=100)
    inspector: str = Field(default="", max_length=100)
    signer_fingerprint: str = Field(default="", max_length=64)
    comments: int = 0
    rules_version: str = Field(default="", max_length=60)


class RuleSetAdoption(Row, table=True):
    """A rule set this installation adopted (a township's, or its own); the newest is in force."""

    __tablename__ = "rule_set_adoption"

    name: str = Field(max_length=100)
    version: str = Field(max_length=60)
    params: str = Field(default="{}")  # JSON: {"RULE.param": number}
    adopted_on: dt.date
    #: Where it came from: ``township`` (a receipt), ``local`` (set here).
    source: str = Field(default="local", max_length=20)
    source_name: str = Field(default="", max_length=100)
    source_id: str = Field(default="", max_length=40)


class ReceivedBranch(Row, table=True):
    """A branch whose bundles this township holds."""

    __tablename__ = "received_branch"

    branch_id: uuid.UUID = Field(foreign_key="branch.id", index=True, unique=True)
    fingerprint: str = Field(max_length=64, index=True)
    installation_id: str = Field(default="", max_length=40)
    last_bundle_id: str = Field(default="", max_length=40)
    last_received_at: dt.datetime | None = None
    up_to_change: int = 0
    app_version: str = Field(default="", max_length=20)
    #: The rule set the branch reported applying (JSON {name, version, params}).
    rules: str = Field(default="")


class ReceivedRecord(Row, table=True):
    """The township's copy of one branch record: its version, content and rows."""

    __tablename__ = "received_record"
    __table_args__ = (sa.UniqueConstraint("section", "record_id"),)

    branch_id: uuid.UUID = Field(foreign_key="branch.id", index=True)
    section: str = Field(max_length=40)
    record_id: str = Field(max_length=40)
    version: int
    digest: str = Field(max_length=64)
    content: str  # the record in the exchange format (JSON)
    changed_at: dt.datetime | None = None
    changed_by: str = Field(default="", max_length=100)
    #: JSON [[table, row id], …]: the rows the record was loaded into.
    rows: str = Field(default="[]")


class ReceivedBundle(Row, table=True):
    """One bundle imported into this township."""

    __tablename__ = "received_bundle"

    bundle_id: str = Field(max_length=40, index=True, unique=True)
    branch_id: uuid.UUID = Field(foreign_key="branch.id", index=True)
    full: bool = False
    from_change: int = 0
    to_change: int = 0
    sha256: str = Field(max_length=64)
    created_at_branch: dt.datetime | None = None
    signer_fingerprint: str = Field(default="", max_length=64)
    added: int = 0
    replaced: int = 0
    identical: int = 0
    deleted: int = 0
    conflicts: int = 0
    files: int = 0


class MergeConflict(Row, table=True):
    """A record a bundle brought that was not merged; both values kept for the inspector."""

    __tablename__ = "merge_conflict"

    branch_id: uuid.UUID = Field(foreign_key="branch.id", index=True)
    bundle_id: str = Field(max_length=40)
    section: str = Field(max_length=40)
    record_id: str = Field(max_length=40, index=True)
    #: ``older`` / ``same_version`` / ``other_branch``
    kind: str = Field(max_length=20)
    held_branch_id: str = Field(default="", max_length=40)
    held_version: int = 0
    held: str = Field(default="")
    held_by: str = Field(default="", max_length=100)
    held_at: dt.datetime | None = None
    incoming_version: int = 0
    incoming: str = Field(default="")
    incoming_digest: str = Field(default="", max_length=64)
    incoming_by: str = Field(default="", max_length=100)
    incoming_at: dt.datetime | None = None
    #: ``open`` / ``kept`` (the township's copy stays) / ``taken`` (the incoming replaced it)
    status: str = Field(default="open", max_length=10, index=True)
    resolved_by: str = Field(default="", max_length=100)
    resolved_on: dt.date | None = None


class InspectorComment(Row, table=True):
    """审核意见: the township's comment on a branch, one of its findings or one record."""

    __tablename__ = "inspector_comment"

    branch_id: uuid.UUID = Field(foreign_key="branch.id", index=True)
    #: The finding commented on (its key), or empty.
    code: str = Field(default="", max_length=40)
    subject_id: str = Field(default="", max_length=40)
    period: str = Field(default="", max_length=40)
    #: The record commented on (exchange section and id), or empty.
    section: str = Field(default="", max_length=40)
    record_id: str = Field(default="", max_length=40)
    text: str = Field(max_length=2000)
    written_on: dt.date
    written_by: str = Field(default="", max_length=100)
    township: str = Field(default="", max_length=100)
    #: On a branch: the receipt that brought it.
    receipt_id: str = Field(default="", max_length=40)


class StoredFile(SQLModel, table=True):
    """An attachment's bytes, on a server (content-addressed by SHA-256)."""

    __tablename__ = "stored_file"

    sha256: str = Field(primary_key=True, max_length=64)
    size: int
    content: bytes = Field(sa_type=sa.LargeBinary)
    stored_at: dt.datetime = Field(default_factory=utcnow)


class BranchSummary(SQLModel, table=True):
    """The township view's figures of one branch on one day (cache, JSON)."""

    __tablename__ = "branch_summary"

    branch_id: uuid.UUID = Field(primary_key=True)
    as_of: dt.date = Field(primary_key=True)
    #: What the figures were computed from: last change received and the rules' version.
    mark: str = Field(max_length=200)
    figures: str
    computed_at: dt.datetime = Field(default_factory=utcnow)
