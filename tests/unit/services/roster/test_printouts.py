"""Personal data in the roster PDF is masked unless shown on purpose."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from sqlmodel import select

from tests.conftest import TODAY
from villagebook.services.roster import queries as roster_queries
from villagebook.storage.db import Database
from villagebook.storage.models import Person


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
