"""Seals of finalised records (storage.seals): what is sealed, and that it notices changes."""

from __future__ import annotations

import json
import sqlite3

from sqlmodel import SQLModel

from villagebook.storage import seals
from villagebook.storage.db import Database


def test_every_column_of_a_sealed_table_is_sealed_or_deliberately_left_out() -> None:
    """A column added later must be listed (sealed) or ignored on purpose, never forgotten."""
    for spec in seals.SEALED.values():
        parts = [(spec.table, spec.columns, spec.ignored | {spec.hash_column})]
        parts += [(p.table, p.columns, p.ignored) for p in spec.parts]
        for table, columns, ignored in parts:
            actual = set(SQLModel.metadata.tables[table].columns.keys())
            assert set(columns) | ignored | seals.STAMPS == actual, table
            assert not set(columns) & (ignored | seals.STAMPS), table


def test_a_seal_changes_with_the_content_and_not_with_the_stamps(demo_db: Database) -> None:
    conn = sqlite3.connect(demo_db.path)
    row_id = conn.execute("SELECT id FROM meeting WHERE status = 'finalised' LIMIT 1").fetchone()[0]
    first = seals.seal_of(conn, "meeting", row_id)
    assert first is not None and seals.broken_seals(conn) == []
    with conn:
        conn.execute("UPDATE meeting SET updated_by = '别人' WHERE id = ?", (row_id,))
        conn.execute("UPDATE meeting_attendance SET position = position + 1")
    assert seals.seal_of(conn, "meeting", row_id) == first
    with conn:
        conn.execute(
            "UPDATE meeting_attendance SET presence = 'absent' WHERE meeting_id = ?", (row_id,)
        )
    assert seals.seal_of(conn, "meeting", row_id) != first
    assert [b.row_id for b in seals.broken_seals(conn)] == [row_id]
    conn.close()


def test_a_seal_reads_json_as_values_not_as_text(demo_db: Database) -> None:
    conn = sqlite3.connect(demo_db.path)
    row_id, speeches = conn.execute(
        "SELECT id, speeches FROM meeting WHERE status = 'finalised' AND speeches != '[]' LIMIT 1"
    ).fetchone()
    first = seals.seal_of(conn, "meeting", row_id)
    spaced = json.dumps(json.loads(speeches), indent=2, ensure_ascii=True)
    assert spaced != speeches
    with conn:
        conn.execute("UPDATE meeting SET speeches = ? WHERE id = ?", (spaced, row_id))
    assert seals.seal_of(conn, "meeting", row_id) == first
    conn.close()
