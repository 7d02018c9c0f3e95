"""Final means final (定稿即定): the names a finalised record shows and its seal.

At finalisation a record keeps the names it shows (:class:`NamesShown`: the host, recorder
and lecturer from the roster, the Party group, the branch and village), so renaming any of
them later never changes an archived record, and it is sealed: the SHA-256 of its stored
content (:mod:`villagebook.storage.seals`).  An amendment — the one way a finalised record
changes — re-seals it.  Anything else that changes it (an edit behind the program's back, a
forged import, a bug) leaves a broken seal, which ``check`` (MTG-TAMPERED) and
``audit verify`` report.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection

from sqlmodel import Session

from villagebook.domain.meetings.values import MeetingStatus, NamesShown
from villagebook.services.roster import queries as roster_queries
from villagebook.storage import seals
from villagebook.storage.models import PartyGroup, Person
from villagebook.storage.models.meetings import Meeting


def _person(session: Session, person_id: uuid.UUID | None) -> str:
    person = session.get(Person, person_id) if person_id else None
    return person.name if person else ""


def names_shown(session: Session, meeting: Meeting, *, unverified: bool = False) -> NamesShown:
    """The names ``meeting`` shows now."""
    branch = roster_queries.get_branch(session, meeting.branch_id)
    group = session.get(PartyGroup, meeting.group_id) if meeting.group_id else None
    return NamesShown(
        branch=branch.name,
        village=branch.village,
        group=group.name if group else "",
        host=_person(session, meeting.host_id),
        recorder=_person(session, meeting.recorder_id),
        lecturer=_person(session, meeting.lecturer_id),
        unverified=unverified,
    )


def current_seal(session: Session, meeting_id: uuid.UUID) -> str:
    """The seal of the record's content as stored now (the session's pending rows flushed)."""
    session.flush()
    return seals.seal_of(session.connection(), "meeting", meeting_id) or ""


def finalise(
    session: Session, meeting: Meeting, *, on: dt.date, by: str, names: NamesShown
) -> None:
    """Finalise and seal ``meeting`` in one stored change (one audit entry): the seal is
    computed from the stored content with the finalisation's own values put in."""
    session.flush()
    raw = {
        "status": MeetingStatus.FINALISED.value,
        "finalised_on": on.isoformat(),
        "finalised_by": by,
        "names_shown": names.model_dump(mode="json"),
    }
    sealed = seals.seal_of(session.connection(), "meeting", meeting.id, raw) or ""
    meeting.status = MeetingStatus.FINALISED
    meeting.finalised_on = on
    meeting.finalised_by = by
    meeting.names_shown = names
    meeting.content_hash = sealed
    session.add(meeting)
    if current_seal(session, meeting.id) != sealed:  # the stored form was foreseen wrongly
        raise RuntimeError(f"seal of meeting {meeting.id} does not match its stored content")


def seal(session: Session, meeting: Meeting) -> None:
    """(Re-)seal a finalised record after finalising or amending it."""
    meeting.content_hash = current_seal(session, meeting.id)
    session.add(meeting)
    session.flush()


def broken(session: Session, among: Collection[uuid.UUID] | None = None) -> list[uuid.UUID]:
    """Finalised records (of ``among``, when given) whose content does not match their seal."""
    session.flush()
    ids = {m.hex for m in among} if among is not None else None
    found = seals.broken_seals(session.connection(), ["meeting"], among=ids)
    return [uuid.UUID(b.row_id) for b in found]
