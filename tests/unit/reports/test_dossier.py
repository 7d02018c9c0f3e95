"""The dossier PDF (text extracted): every step with its date, the ID masked, the verdicts."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.conftest import TODAY
from villagebook.domain.common.calendar import cn_date
from villagebook.reports import dossier
from villagebook.services.development import printouts, queries
from villagebook.storage.db import Database


def _text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def _cards(db: Database):  # type: ignore[no-untyped-def]
    from villagebook.services.roster import queries as roster_queries

    with db.read() as session:
        branch = roster_queries.first_branch(session)
        assert branch is not None
        return queries.board(session, branch.id, TODAY)


def test_dossier_lists_every_step_with_dates_and_masks_the_id(
    demo_db: Database, tmp_path: Path
) -> None:
    card = next(c for c in _cards(demo_db) if c.stage == 5)
    with demo_db.read() as session:
        data = printouts.gather_dossier(session, card.person_id, TODAY)
        steps = queries.steps_of(session, queries.open_case_of(session, card.person_id).id)  # type: ignore[union-attr]
    out = tmp_path / "dossier.pdf"
    pages = dossier.render(data, out)
    text = _text(out).replace("\n", "")
    assert "发展党员全程纪实表" in text and card.name in text
    for name in ("递交入党申请书", "确定入党介绍人", "支部大会讨论", "材料归档"):
        assert name in text
    for step in steps:
        assert cn_date(step.done_on) in text
    assert "****" in text  # the ID number is masked
    assert f"共 {pages} 页" in text
    assert "规则检查结果" in text


def test_dossier_shows_the_checks_verdicts(demo_db: Database, tmp_path: Path) -> None:
    overdue = next(c for c in _cards(demo_db) if c.urgency.value == "overdue")
    with demo_db.read() as session:
        data = printouts.gather_dossier(session, overdue.person_id, TODAY)
    assert any(v.code == "DEV-TALK-1M" for v in data.verdicts)
    out = tmp_path / "d.pdf"
    dossier.render(data, out)
    assert "DEV-TALK-1M" in _text(out)


def test_dev_meeting_link_an_admission_without_its_meeting_record_is_not_compliant(
    demo_db: Database, tmp_path: Path
) -> None:
    """DEV-MEETING-LINK: step 15 decided by a general meeting must name its record."""
    from sqlmodel import select

    from villagebook.services.meetings import queries as meeting_queries
    from villagebook.storage.models.development import DevelopmentStep

    with demo_db.read() as session:
        step = session.exec(select(DevelopmentStep).where(DevelopmentStep.number == 15)).first()
        assert step is not None and step.meeting_id is None
        case = queries.get_case(session, step.case_id)
        person_id = case.person_id
        data = printouts.gather_dossier(session, person_id, TODAY)
    out = tmp_path / "dossier.pdf"
    dossier.render(data, out)
    assert "DEV-MEETING-LINK" in _text(out) and "未发现问题" not in _text(out)
    with demo_db.write() as session:
        general = meeting_queries.general_meetings(session, case.branch_id)[0]
        row = session.get(DevelopmentStep, step.id)
        assert row is not None
        row.meeting_id = general.id
        session.add(row)
    with demo_db.read() as session:
        linked = printouts.gather_dossier(session, person_id, TODAY)
    assert all(v.code != "DEV-MEETING-LINK" for v in linked.verdicts)
