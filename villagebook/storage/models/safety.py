"""Tables for the safety capability: the append-only audit log (审计日志).

The log is not a :class:`Row` (it has no who/when stamps of its own and is never itself
audited); entries are written by ``storage.audit`` from the session's flush events, never
by services.
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class AuditEntry(SQLModel, table=True):
    """One change to one row: who, when, which table and row, before and after (JSON).

    ``hash`` = sha256(``prev_hash`` + canonical JSON of the entry), so removing, changing
    or inserting an entry breaks the chain.
    """

    __tablename__ = "audit_log"

    seq: int | None = Field(default=None, primary_key=True)
    at: str = Field(max_length=40)
    actor: str = Field(default="", max_length=100)
    table_name: str = Field(max_length=80, index=True)
    row_id: str = Field(max_length=40, index=True)
    action: str = Field(max_length=10)
    before: str | None = None
    after: str | None = None
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)
    #: The computer login that made the change: technical detail beside ``actor`` (the
    #: recorder's name).  Not part of ``hash`` (added by migration 0010 after the chain).
    login: str | None = Field(default=None, max_length=100)
