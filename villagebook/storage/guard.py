"""Read-only branch records on a township: a township holds its branches' records but writes
only its own (comments, receipts, its trust list, the merge bookkeeping).

:func:`protect` marks a session of a township installation; its flush then refuses any row
of a branch-owned table, except those of the township's own unit and those a merge writes
(:func:`merging`).  The refusal names what was refused; nothing is written.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from villagebook.domain.common.errors import UserError
from villagebook.domain.common.i18n import _
from villagebook.storage.models.base import Row

PROTECT_KEY = "villagebook_read_only_branches"
MERGING_KEY = "villagebook_merging"

#: Tables a township writes itself (everything else belongs to the branches it holds).
TOWNSHIP_TABLES = frozenset(
    {
        "app_setting",
        "installation_identity",
        "trusted_certificate",
        "issued_report",
        "inspector_comment",
        "received_branch",
        "received_record",
        "received_bundle",
        "merge_conflict",
        "rule_set_adoption",
        "record_version",
        "sent_bundle",
        "township_receipt",
    }
)


class ReadOnlyRecord(UserError):
    """A township tried to change a record its branch owns."""


def protect(session: Session, own_unit: uuid.UUID | None) -> None:
    """Refuse changes to branch-owned rows in ``session`` (a township's transaction)."""
    session.info[PROTECT_KEY] = own_unit


def merging(session: Session) -> None:
    """This transaction merges a bundle: it may write branch records."""
    session.info[MERGING_KEY] = True


def _check(session: Session, _context: Any, _instances: Any) -> None:
    if PROTECT_KEY not in session.info or session.info.get(MERGING_KEY):
        return
    own = session.info[PROTECT_KEY]
    for obj in [*session.new, *session.dirty, *session.deleted]:
        if not isinstance(obj, Row):
            continue
        table = getattr(type(obj), "__tablename__", "")
        if table in TOWNSHIP_TABLES:
            continue
        if own is not None and (obj.id == own or getattr(obj, "branch_id", None) == own):
            continue
        raise ReadOnlyRecord(
            _("这是乡镇（县）安装：支部的记录由支部自己维护，这里只能查看，不能修改。")
        )


def install(sessions: sessionmaker[Any]) -> None:
    event.listen(sessions, "before_flush", _check)
