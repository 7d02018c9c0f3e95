"""final and private: seals of finalised meetings, masked ID numbers in the audit log

Revision ID: 0009_final_private
Revises: 0008_proof

A finalised 三会一课 record keeps the names it shows (``names_shown``: host, recorder,
lecturer, group, branch, village) and a seal of its content (``content_hash``,
``storage.seals``).  Records finalised before this revision get both here, from the names
they show today, and one audit entry each (action ``migrate``) so the log describes the
new columns too.

The audit log keeps ID numbers masked from now on (``storage.audit.MASKED_COLUMNS``); the
entries written before are masked here and the chain's hashes recomputed — only when the
chain is intact, so a log tampered with before the upgrade still shows it.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0009_final_private"
down_revision = "0008_proof"
branch_labels = None
depends_on = None


def _name(conn: sa.Connection, table: str, row_id: Any) -> str:
    if row_id is None:
        return ""
    row = conn.execute(sa.text(f'SELECT name FROM "{table}" WHERE id = :id'), {"id": row_id})
    found = row.first()
    return str(found[0]) if found else ""


def _seal_finalised(conn: sa.Connection) -> None:
    from villagebook.storage import audit, seals

    meetings = conn.execute(
        sa.text(
            "SELECT m.id, m.group_id, m.host_id, m.recorder_id, m.lecturer_id,"
            " b.name AS branch, b.village AS village"
            " FROM meeting m JOIN branch b ON b.id = m.branch_id"
            " WHERE m.status = 'finalised' ORDER BY m.id"
        )
    ).mappings()
    changes = []
    for m in list(meetings):
        names = {
            "branch": m["branch"] or "",
            "village": m["village"] or "",
            "group": _name(conn, "party_group", m["group_id"]),
            "host": _name(conn, "person", m["host_id"]),
            "recorder": _name(conn, "person", m["recorder_id"]),
            "lecturer": _name(conn, "person", m["lecturer_id"]),
            "unverified": False,
        }
        conn.execute(
            sa.text("UPDATE meeting SET names_shown = :names WHERE id = :id"),
            {"names": json.dumps(names, ensure_ascii=False), "id": m["id"]},
        )
        seal = seals.seal_of(conn, "meeting", m["id"])
        conn.execute(
            sa.text("UPDATE meeting SET content_hash = :seal WHERE id = :id"),
            {"seal": seal, "id": m["id"]},
        )
        row = conn.execute(sa.text("SELECT * FROM meeting WHERE id = :id"), {"id": m["id"]})
        after = dict(row.mappings().one())
        changes.append(audit.Change("meeting", str(after["id"]), "migrate", None, after))
    if changes:
        audit.append(conn, changes, "migration")


def _chain_intact(entries: list[dict[str, Any]]) -> bool:
    from villagebook.storage import audit

    prev = audit.GENESIS
    for entry in entries:
        if entry["prev_hash"] != prev or audit.entry_hash(prev, entry) != entry["hash"]:
            return False
        prev = entry["hash"]
    return True


def _mask_log(conn: sa.Connection) -> None:
    from villagebook.storage import audit

    rows = conn.execute(sa.text("SELECT * FROM audit_log ORDER BY seq")).mappings()
    entries = [dict(r) for r in rows]
    if not entries or not _chain_intact(entries):
        return
    prev = audit.GENESIS
    for entry in entries:
        old = (entry["before"], entry["after"], entry["prev_hash"], entry["hash"])
        for key in ("before", "after"):
            if entry[key]:
                entry[key] = audit.dump(audit.for_log(entry["table_name"], json.loads(entry[key])))
        entry["prev_hash"] = prev
        entry["hash"] = audit.entry_hash(prev, entry)
        prev = entry["hash"]
        if (entry["before"], entry["after"], entry["prev_hash"], entry["hash"]) != old:
            conn.execute(
                sa.text(
                    "UPDATE audit_log SET before = :before, after = :after,"
                    " prev_hash = :prev_hash, hash = :hash WHERE seq = :seq"
                ),
                {k: entry[k] for k in ("before", "after", "prev_hash", "hash", "seq")},
            )


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("names_shown", sa.JSON(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "content_hash",
                sqlmodel.sql.sqltypes.AutoString(length=64),
                nullable=False,
                server_default="",
            )
        )
    _mask_log(op.get_bind())
    _seal_finalised(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("content_hash")
        batch_op.drop_column("names_shown")
