"""``ReportsApi.finish``: every kind stamped, PDF/A-3b with its records, signed, logged;
reproducible before signing; the installation identity and its key."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
import uuid
from pathlib import Path

import pikepdf
import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from villagebook.domain.common.errors import InputError
from villagebook.domain.proof.values import Verdict
from villagebook.domain.safety.errors import PasswordRequired
from villagebook.services.book import Book
from villagebook.services.printing import ReportRequest
from villagebook.services.proof.signing import unsigned_revision
from villagebook.services.safety.identity import IdentityLocked
from villagebook.storage import attempts
from villagebook.storage.db import Database, open_database

WHEN = dt.datetime(2026, 11, 22, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def _records(data: bytes) -> dict[str, object]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return dict(json.loads(pdf.attachments["villagebook-records.json"].get_file().read_bytes()))


def _requests(book: Book) -> list[ReportRequest]:
    branch = book.roster.require_branch(None).id
    meeting = book.meetings.records(branch)[0].id
    matters = book.deliberations.deliberations(branch)
    published = [m.id for m in matters if m.status.value in ("decided", "completed")]
    matter = published[0]
    person = book.development.board(branch, dt.date(2026, 11, 22))[0].person_id
    return [
        ReportRequest("roster"),
        ReportRequest("minutes", subject_id=meeting),
        ReportRequest("volume", year=2026, quarter=3),
        ReportRequest("dossier", subject_id=person),
        ReportRequest("development-roster"),
        ReportRequest("deliberation", subject_id=matter),
        ReportRequest("publicity", subject_id=matter),
    ]


def test_the_same_data_gives_the_same_bytes_before_signing(demo_book: Book) -> None:
    request = ReportRequest(
        "volume", year=2026, quarter=3, report_id="VB-20261122-TEST0001", generated_at=WHEN
    )
    first = demo_book.reports.render(request, sign=False).data
    second = demo_book.reports.render(request, sign=False).data
    assert first == second
    signed = demo_book.reports.render(request).data
    assert unsigned_revision(signed) == first
    assert signed != demo_book.reports.render(request).data  # signing time differs


def test_another_generation_time_gives_other_bytes(demo_book: Book) -> None:
    request = ReportRequest("roster", report_id="VB-20261122-TEST0001", generated_at=WHEN)
    later = ReportRequest(
        "roster", report_id="VB-20261122-TEST0001", generated_at=WHEN + dt.timedelta(minutes=1)
    )
    assert (
        demo_book.reports.render(request, sign=False).data
        != demo_book.reports.render(later, sign=False).data
    )


def test_the_stamp_and_metadata_name_branch_period_report_and_version(demo_book: Book) -> None:
    report = demo_book.reports.render(
        ReportRequest("volume", year=2026, quarter=3, generated_at=WHEN)
    )
    reader = PdfReader(io.BytesIO(report.data))
    for page in reader.pages:
        text = page.extract_text()
        assert "中共青山村支部委员会 · 2026年第3季度" in text
        assert f"报表编号 {report.report_id}" in text
        assert "2026-11-22 10:30 由 VillageBook" in text
        short = report.records_sha256[:16].upper()
        assert f"校验码 {short[:4]} {short[4:8]} {short[8:12]} {short[12:]}" in text
    with pikepdf.open(io.BytesIO(report.data)) as pdf:
        meta = pdf.open_metadata()
        assert meta["dc:identifier"] == report.report_id
        assert meta["dc:coverage"] == "2026年第3季度"
        assert meta["pdfaid:part"] == "3" and meta["pdfaid:conformance"] == "B"
        assert meta["xmp:CreateDate"].startswith("2026-11-22T10:30:00")
        assert str(pdf.Root.OutputIntents[0].OutputConditionIdentifier) == "sRGB"
        spec = pdf.Root.AF[0]
        assert spec.AFRelationship == pikepdf.Name.Source


def test_the_volume_embeds_its_quarter_and_the_people_it_names(demo_book: Book) -> None:
    report = demo_book.reports.render(ReportRequest("volume", year=2026, quarter=3))
    records = _records(report.data)
    meetings = records["meetings"]
    assert isinstance(meetings, list) and meetings
    assert all("2026-07-01" <= m["held_on"] <= "2026-09-30" for m in meetings)
    assert "development_cases" not in records
    named = {r["person_id"] for m in meetings for r in m["attendance"] if r.get("person_id")}
    assert {p["id"] for p in records["people"]} >= named  # type: ignore[union-attr]


def test_the_meeting_plan_embeds_its_plan_and_the_meetings_held_for_it(demo_book: Book) -> None:
    records = _records(
        demo_book.reports.render(ReportRequest("meeting-plan", year=2026, quarter=4)).data
    )
    (plan,) = records["meeting_plans"]  # type: ignore[misc]
    assert (plan["year"], plan["quarter"]) == (2026, 4)
    held = {i["meeting_id"] for i in plan["items"] if i.get("meeting_id")}
    assert held, "the demo's plan has items held as meetings"
    assert {m["id"] for m in records["meetings"]} == held  # type: ignore[union-attr]
    assert "development_cases" not in records and "deliberations" not in records


@pytest.mark.parametrize(
    ("request_", "first", "last"),
    [
        (ReportRequest("annual", year=2026), "2026-01-01", "2026-12-31"),
        (ReportRequest("ledger", year=2026, quarter=3), "2026-07-01", "2026-09-30"),
        (ReportRequest("attendance", year=2026, quarter=2), "2026-04-01", "2026-06-30"),
    ],
    ids=["annual", "ledger", "attendance"],
)
def test_a_report_of_a_period_embeds_that_periods_records(
    demo_book: Book, request_: ReportRequest, first: str, last: str
) -> None:
    records = _records(demo_book.reports.render(request_).data)
    held = [m["held_on"] for m in records["meetings"]]  # type: ignore[union-attr]
    assert held and all(first <= day <= last for day in held)
    everything = demo_book.exchange.export_document(demo_book.roster.require_branch(None).id)
    assert len(held) == sum(first <= m["held_on"] <= last for m in everything["meetings"])
    assert len(held) < len(everything["meetings"])


def test_pdfa_save_settings_and_profile_are_pikepdfs() -> None:
    """The PDF/A pieces written without importing ``pikepdf.pdfa`` are the library's own."""
    from pikepdf.pdfa import resolve_save_kwargs

    from villagebook.paths import resource
    from villagebook.services.proof.archive import FLAVOUR, save_kwargs

    assert save_kwargs() == resolve_save_kwargs(FLAVOUR, deterministic_id=True)
    shipped = Path(pikepdf.__file__).parent / "pdfa" / "data" / "sRGB.icc"
    assert resource("icc", "sRGB.icc").read_bytes() == shipped.read_bytes()


def test_making_a_report_does_not_load_the_pdfa_validator(demo_db: Database) -> None:
    """``pikepdf.pdfa`` loads fontTools and jsonschema's validator: only tests use it."""
    import subprocess
    import sys

    script = (
        "import sys, datetime as dt\n"
        "from pathlib import Path\n"
        "from villagebook.services.book import Book\n"
        "from villagebook.services.printing import ReportRequest\n"
        f"with Book.open(Path({str(demo_db.data_dir)!r})) as book:\n"
        "    book.reports.render(ReportRequest('meeting-plan', year=2026, quarter=4))\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pikepdf.pdfa', 'fontTools'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_embedded_people_are_masked_unless_the_report_is_unmasked(demo_book: Book) -> None:
    masked = _records(demo_book.reports.render(ReportRequest("roster")).data)
    people = masked["people"]
    assert isinstance(people, list) and people
    assert all(p["id_number"] is None and p["phone"] == "" for p in people)
    unmasked = _records(
        demo_book.reports.render(ReportRequest("roster", options={"unmasked": True})).data
    )
    assert any(p["id_number"] for p in unmasked["people"])  # type: ignore[union-attr]


def test_a_report_about_one_record_embeds_that_record(demo_book: Book) -> None:
    request = _requests(demo_book)[3]  # the dossier of one person
    records = _records(demo_book.reports.render(request).data)
    cases = records["development_cases"]
    assert isinstance(cases, list) and len(cases) == 1
    assert cases[0]["person_id"] == str(request.subject_id)
    assert str(request.subject_id) in {p["id"] for p in records["people"]}  # type: ignore[union-attr]


def test_each_pdf_is_logged_in_the_audit_log_without_touching_undo(demo_book: Book) -> None:
    branch = demo_book.roster.require_branch(None)
    demo_book.roster.create_group(branch.id, "第三党小组")
    undo = demo_book.undo_label()
    report = demo_book.reports.render(ReportRequest("roster", generated_at=WHEN))
    assert demo_book.undo_label() == undo  # printing is not an undo step
    with sqlite3.connect(demo_book.path) as conn:
        row = conn.execute(
            "SELECT kind, period, records_sha256, pdf_sha256, created_by FROM issued_report"
            " WHERE report_id = ?",
            (report.report_id,),
        ).fetchone()
        logged = conn.execute(
            "SELECT count(*) FROM audit_log WHERE table_name = 'issued_report'"
        ).fetchone()[0]
    assert row == ("roster", "截至2026-11-22", report.records_sha256, report.sha256, "测试员")
    assert logged == 1


def test_the_identity_is_made_once_naming_the_branch(demo_book: Book, tmp_path: Path) -> None:
    assert demo_book.identity.show() is None
    first = demo_book.identity.ensure()
    assert first.branch_name == "中共青山村支部委员会"
    assert first.township and first.county and uuid.UUID(first.installation_id)
    assert len(first.fingerprint) == 64
    assert demo_book.identity.ensure().fingerprint == first.fingerprint
    path = demo_book.identity.export_certificate(tmp_path / "branch.pem")
    assert path.read_text().startswith("-----BEGIN CERTIFICATE-----")
    assert demo_book.identity.read_certificate(path).fingerprint == first.fingerprint
    with pytest.raises(InputError):
        demo_book.identity.trust(path)  # its own certificate


def test_a_renamed_branch_gets_a_new_certificate_for_the_same_key(demo_book: Book) -> None:
    from villagebook.domain.roster.values import BranchInput

    before = demo_book.identity.ensure()
    branch = demo_book.roster.require_branch(None)
    demo_book.roster.update_branch(
        branch.id,
        BranchInput(
            name="中共青山村委员会",
            village=branch.village,
            township=branch.township,
            county=branch.county,
            has_committee=branch.has_committee,
            secretary_is_director=branch.secretary_is_director,
        ),
    )
    after = demo_book.identity.ensure()
    assert after.branch_name == "中共青山村委员会"
    assert after.fingerprint == before.fingerprint
    assert after.certificate_pem != before.certificate_pem


def test_trust_list_add_and_remove(demo_book: Book, tmp_path: Path, template_demo: Path) -> None:
    from tests.conftest import _copy_template

    other = Book(open_database(_copy_template(template_demo, tmp_path / "other")))
    pem = other.identity.export_certificate(tmp_path / "other.pem")
    trusted = demo_book.identity.trust(pem)
    assert trusted.identity.fingerprint == other.identity.ensure().fingerprint
    assert demo_book.identity.known()[trusted.identity.fingerprint] == "trusted"
    assert [t.identity.fingerprint for t in demo_book.identity.trusted()] == [
        trusted.identity.fingerprint
    ]
    demo_book.identity.untrust(trusted.identity.fingerprint)
    assert demo_book.identity.trusted() == []
    (tmp_path / "junk.pem").write_text("not a certificate")
    with pytest.raises(InputError):
        demo_book.identity.trust(tmp_path / "junk.pem")


def _stored_key(book: Book) -> tuple[str, int]:
    with book.reading() as session:  # through the Book: the file is encrypted once locked
        row = session.execute(sa.text("SELECT sealed, protected FROM installation_key")).fetchone()
    assert row is not None
    return str(row[0]), int(row[1])


def test_the_key_follows_the_app_lock_and_never_reaches_the_audit_log(
    demo_book: Book, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [1_000_000.0]  # the retry delay after a wrong password runs on this clock
    monkeypatch.setattr(attempts, "clock", lambda: now[0])
    demo_book.identity.ensure()
    plain, protected = _stored_key(demo_book)
    assert not protected and json.loads(plain)["kdf"] == "none"
    demo_book.safety.set_app_lock("村务1234", repeat="村务1234")
    sealed, protected = _stored_key(demo_book)
    assert protected and json.loads(sealed)["kdf"] == "argon2id"
    with demo_book.reading() as session:  # the database is encrypted now: read it through
        rows = session.execute(sa.text("SELECT before, after FROM audit_log"))
        log = "".join(str(r[0]) + str(r[1]) for r in rows)
    assert json.loads(plain)["key"] not in log
    assert json.loads(sealed)["key"] not in log
    assert "installation_key" not in log

    # a new session needs the password to sign
    reopened = Book(open_database(demo_book.data_dir))
    assert reopened.identity.needs_password()
    with pytest.raises(IdentityLocked):
        reopened.reports.render(ReportRequest("roster"))
    assert not reopened.safety.check_password("wrong")
    assert reopened.identity.needs_password()
    now[0] += 60
    assert reopened.safety.check_password("村务1234")
    assert not reopened.identity.needs_password()
    assert (
        reopened.reports.verify(reopened.reports.render(ReportRequest("roster")).data).verdict
        is Verdict.VALID
    )
    reopened.safety.clear_app_lock("村务1234")
    assert _stored_key(reopened)[1] == 0


def test_the_app_lock_cannot_change_while_the_key_is_locked(demo_book: Book) -> None:
    demo_book.identity.ensure()
    demo_book.safety.set_app_lock("村务1234", repeat="村务1234")
    reopened = Book(open_database(demo_book.data_dir))
    with pytest.raises((IdentityLocked, PasswordRequired)):  # the current password is needed
        reopened.safety.set_app_lock("新密码5678", repeat="新密码5678")
    assert reopened.safety.check_password("村务1234")  # unchanged


def test_a_backup_carries_the_identity_to_a_new_laptop(demo_book: Book, tmp_path: Path) -> None:
    identity = demo_book.identity.ensure()
    demo_book.safety.back_up(tmp_path / "usb")
    new_laptop = Book.folder(tmp_path / "new-laptop")
    snapshot = new_laptop.backups(tmp_path / "usb")[0].path
    (tmp_path / "new-laptop").mkdir()
    new_laptop.restore(snapshot)
    with Book.open(tmp_path / "new-laptop") as moved:
        assert moved.identity.ensure().fingerprint == identity.fingerprint
        report = moved.reports.render(ReportRequest("roster"))
        assert demo_book.reports.verify(report.data).verdict is Verdict.VALID
