"""App lock (argon2 password, idle minutes) and personal data masked by default."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import select

from tests.conftest import TODAY
from villagebook import app
from villagebook.cli import common as cli_common
from villagebook.domain.common.errors import InputError
from villagebook.services.roster import queries as roster_queries
from villagebook.services.safety import applock
from villagebook.storage.db import Database
from villagebook.storage.models import Person


def test_lock_is_off_until_a_password_is_set(db: Database) -> None:
    with db.read() as session:
        assert not applock.is_enabled(session)
        assert applock.check_password(session, "")
        assert applock.idle_minutes(session) == applock.DEFAULT_IDLE_MINUTES


def test_password_is_stored_only_as_an_argon2_hash(db: Database) -> None:
    with db.write() as session:
        applock.set_password(session, "村务1234", repeat="村务1234", idle=5)
    with db.read() as session:
        assert applock.is_enabled(session)
        assert applock.check_password(session, "村务1234")
        assert not applock.check_password(session, "村务12345")
        assert applock.idle_minutes(session) == 5
    conn = sqlite3.connect(db.path)
    stored = conn.execute(
        "SELECT value FROM app_setting WHERE key = ?", (applock.HASH_KEY,)
    ).fetchone()[0]
    log = " ".join(r[0] or "" for r in conn.execute("SELECT after FROM audit_log"))
    conn.close()
    assert stored.startswith("$argon2") and "村务1234" not in stored
    assert "村务1234" not in log
    with db.write() as session:
        applock.clear_password(session)
    with db.read() as session:
        assert not applock.is_enabled(session) and applock.check_password(session, "x")


def test_bad_password_settings_are_refused_by_field(db: Database) -> None:
    with pytest.raises(InputError) as caught, db.write() as session:
        applock.set_password(session, "12", repeat="13", idle=0)
    assert [p.field for p in caught.value.problems] == ["password", "repeat", "idle_minutes"]
    with db.read() as session:
        assert not applock.is_enabled(session)


def test_cli_lock_set_and_clear(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(data_dir)]
    assert app.main(["lock", "set", "--password", "abcd", "--idle-minutes", "3", *data]) == 0
    assert app.main(["lock", "set", "--password", "ab", *data]) == cli_common.EXIT_INPUT
    assert "至少4个字符" in capsys.readouterr().err
    assert app.main(["lock", "clear", *data]) == 0


def test_roster_pdf_masks_id_and_phone_numbers_by_default(
    demo_db: Database, tmp_path: Path
) -> None:
    from villagebook.reports import roster as roster_report
    from villagebook.services.roster import printouts as roster_printouts

    with demo_db.read() as session:
        branch = roster_queries.first_branch(session)
        assert branch is not None
        people = [p for p in session.exec(select(Person)) if p.id_number and p.phone]
        masked = roster_printouts.gather(session, branch.id, TODAY)
        unmasked = roster_printouts.gather(session, branch.id, TODAY, unmasked=True)
    assert people
    roster_report.render(masked, tmp_path / "masked.pdf")
    roster_report.render(unmasked, tmp_path / "unmasked.pdf")
    masked_text = "".join(p.extract_text() for p in PdfReader(tmp_path / "masked.pdf").pages)
    plain_text = "".join(p.extract_text() for p in PdfReader(tmp_path / "unmasked.pdf").pages)
    shown = [p for p in people if p.id_number and p.id_number in plain_text]
    assert shown, "members' numbers appear when shown on purpose"
    for person in shown:
        assert person.id_number and person.id_number not in masked_text
        assert person.phone not in masked_text
        assert person.id_number[:6] + "********" + person.id_number[-4:] in masked_text
