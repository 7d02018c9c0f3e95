"""The seven kinds of tampering issue 14 found passing ``audit verify``, one test each.

1. an audited table dropped;  2. a column added (with data);  3. every table and the log
emptied;  4. the whole chain rewritten with recomputed hashes;  5. the newest entries cut
off together with their rows;  6. a finalised record changed with its log entries
rewritten to match (and the anchor file too);  7. a forged finalised record inserted with
a well-formed log entry (and a finalisation date in the future).

Each starts from the demo village, which verifies clean, and edits the file with plain
``sqlite3`` as someone working behind the program's back would.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

import pytest

from tests.conftest import ACTOR, TODAY
from villagebook import app
from villagebook.cli import common as cli_common
from villagebook.domain.roster.validation import PersonInput
from villagebook.services.roster import commands as roster_commands
from villagebook.services.roster import queries as roster_queries
from villagebook.storage import anchor, audit, seals
from villagebook.storage.audit_reading import quick_verify, verify
from villagebook.storage.db import Database
from villagebook.storage.integrity import DatabaseDamaged


def _kinds(db: Database) -> set[str]:
    return {i.kind for i in verify(db.path)}


def _rechain(conn: sqlite3.Connection) -> None:
    """Recompute every hash of the log, as someone rewriting the whole chain would."""
    conn.row_factory = sqlite3.Row
    prev = audit.GENESIS
    for row in list(conn.execute("SELECT * FROM audit_log ORDER BY seq")):
        entry = dict(row)
        digest = audit.entry_hash(prev, entry)
        conn.execute(
            "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?",
            (prev, digest, entry["seq"]),
        )
        prev = digest
    conn.row_factory = None


@pytest.fixture
def clean(demo_db: Database) -> Database:
    assert verify(demo_db.path) == []
    assert quick_verify(demo_db.path) == []
    return demo_db


def test_1_a_dropped_audited_table_is_found(clean: Database) -> None:
    with sqlite3.connect(clean.path) as conn:
        conn.execute("DROP TABLE meeting_plan_item")
    assert "dropped" in _kinds(clean)
    assert "dropped" in {i.kind for i in quick_verify(clean.path)}


def test_2_an_added_column_with_data_is_found(clean: Database) -> None:
    with sqlite3.connect(clean.path) as conn:
        conn.execute("ALTER TABLE person ADD COLUMN remark TEXT")
        conn.execute("UPDATE person SET remark = '私下加的'")
    issues = verify(clean.path)
    assert [(i.kind, i.table_name) for i in issues] == [("columns", "person")]
    assert "remark" in issues[0].message
    assert [i.kind for i in quick_verify(clean.path)] == ["columns"]


def test_3_every_table_and_the_log_emptied_is_found(clean: Database) -> None:
    with sqlite3.connect(clean.path) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version'"
        ).fetchall():
            conn.execute(f'DELETE FROM "{name}"')
    assert _kinds(clean) == {"anchor"}
    assert [i.kind for i in quick_verify(clean.path)] == ["anchor"]


def test_3b_emptied_and_the_anchor_file_deleted_is_still_found_from_the_backups(
    clean: Database,
) -> None:
    assert app.main(["backup", "--data-dir", str(clean.data_dir)]) == cli_common.EXIT_OK
    with sqlite3.connect(clean.path) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version'"
        ).fetchall():
            conn.execute(f'DELETE FROM "{name}"')
    anchor.anchor_path(clean.data_dir).unlink()
    assert _kinds(clean) == {"anchor"}


def test_4_the_whole_chain_rewritten_with_recomputed_hashes_is_found(clean: Database) -> None:
    with sqlite3.connect(clean.path) as conn:
        conn.execute("UPDATE audit_log SET actor = '别人' WHERE seq = 1")
        _rechain(conn)
    issues = verify(clean.path)
    assert [i.kind for i in issues] == ["anchor"]
    assert "改写" in issues[0].message
    assert [i.kind for i in quick_verify(clean.path)] == ["anchor"]


def test_5_the_newest_entries_cut_off_with_their_rows_is_found(clean: Database) -> None:
    before = anchor.head_of_file(clean.path)
    with clean.write() as session:
        branch = roster_queries.first_branch(session)
        assert branch is not None
        person = roster_commands.create_person(
            session,
            branch.id,
            PersonInput(name="新来的人"),
            as_of=TODAY,
        )
    with sqlite3.connect(clean.path) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DELETE FROM status_change WHERE person_id = ?", (person.id.hex,))
        conn.execute("DELETE FROM person WHERE id = ?", (person.id.hex,))
        conn.execute("DELETE FROM audit_log WHERE seq > ?", (before.seq,))
    issues = verify(clean.path)
    assert [i.kind for i in issues] == ["anchor"]
    assert "截断" in issues[0].message


def _finalised_meeting(conn: sqlite3.Connection) -> str:
    return str(
        conn.execute("SELECT id FROM meeting WHERE status='finalised' LIMIT 1").fetchone()[0]
    )


def test_6_a_finalised_record_changed_with_its_log_rewritten_is_found(clean: Database) -> None:
    with sqlite3.connect(clean.path) as conn:
        row_id = _finalised_meeting(conn)
        conn.execute("UPDATE meeting SET resolutions = '偷改的决议' WHERE id = ?", (row_id,))
        seq, after = conn.execute(
            "SELECT seq, after FROM audit_log WHERE row_id = ? AND table_name = 'meeting'"
            " ORDER BY seq DESC LIMIT 1",
            (row_id,),
        ).fetchone()
        logged = json.loads(after)
        logged["resolutions"] = "偷改的决议"
        conn.execute(
            "UPDATE audit_log SET after = ? WHERE seq = ?",
            (audit.dump(logged), seq),
        )
        _rechain(conn)
        forged_head = anchor.head(conn)
    anchor.write(clean.data_dir, forged_head)  # the anchor file rewritten as well
    issues = verify(clean.path)
    assert [(i.kind, i.row_id) for i in issues] == [("sealed", row_id)]


def test_7_a_forged_finalised_record_with_a_well_formed_log_entry_is_found(
    clean: Database,
) -> None:
    with sqlite3.connect(clean.path) as conn:
        conn.row_factory = sqlite3.Row
        source = dict(
            conn.execute("SELECT * FROM meeting WHERE status='finalised' LIMIT 1").fetchone()
        )
        forged = {**source, "id": uuid.uuid4().hex, "resolutions": "伪造的决议"}
        forged["finalised_by"] = "冒名的人"
        marks = ", ".join("?" * len(forged))
        conn.execute(
            f"INSERT INTO meeting ({', '.join(forged)}) VALUES ({marks})", list(forged.values())
        )
        audit.append(
            conn,
            [audit.Change("meeting", forged["id"], "insert", None, forged)],
            ACTOR,
        )
        conn.commit()
        head = anchor.head(conn)
    anchor.write(clean.data_dir, head)
    assert [(i.kind, i.row_id) for i in verify(clean.path)] == [("sealed", forged["id"])]
    # Sealed properly, but finalised in the future: still found.
    with sqlite3.connect(clean.path) as conn:
        conn.execute("UPDATE meeting SET finalised_on = '9999-12-31' WHERE id = ?", (forged["id"],))
        seal = seals.seal_of(conn, "meeting", forged["id"])
        conn.execute("UPDATE meeting SET content_hash = ? WHERE id = ?", (seal, forged["id"]))
    issues = [i for i in verify(clean.path) if i.kind == "sealed"]
    assert any("9999-12-31" in i.message for i in issues)


def test_audit_verify_on_a_damaged_database_says_so_with_exit_3(
    clean: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    clean.close()
    data = bytearray(clean.path.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xff" * (4096 * 3)
    clean.path.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged):
        verify(clean.path)
    assert app.main(["audit", "verify", "--data-dir", str(clean.data_dir)]) == 3
    assert "损坏" in capsys.readouterr().err


def test_a_restored_backup_gets_its_own_anchor(clean: Database, tmp_path: Path) -> None:
    data = ["--data-dir", str(clean.data_dir)]
    assert app.main(["backup", *data]) == cli_common.EXIT_OK
    snapshot = next((clean.data_dir / "backups").glob("villagebook-*.sqlite3"))
    assert anchor.read_file(anchor.sidecar_path(snapshot)) == anchor.head_of_file(snapshot)
    with sqlite3.connect(snapshot) as conn:  # the chain inside the backup rewritten
        conn.execute("UPDATE audit_log SET actor = '别人' WHERE seq = 1")
        _rechain(conn)
    clean.close()
    assert app.main(["restore", str(snapshot), *data]) == cli_common.EXIT_OK
    assert [i.kind for i in verify(clean.path)] == ["anchor"]
