"""A record that contradicts itself (MTG-CONSISTENCY, DOMAIN.md §8).

The host, the recorder and every speaker attended (a speaker may also be a non-member
attendee, 列席); the yes, no and abstain votes are no more than the voting members present.
:func:`contradictions` lists what is wrong with one record's parts.  The record editor's
save refuses them (the Book's ``create``/``update``); MTG-CONSISTENCY reports them on records
that hold them all the same (imported, amended after finalising, or kept from before).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from villagebook.domain.common.i18n import _
from villagebook.domain.meetings.requirements import SPEAKERS_ARE_SUBJECTS
from villagebook.domain.meetings.values import (
    AttendanceRecord,
    MeetingKind,
    MeetingRecord,
    Presence,
    Speech,
    Vote,
)


@dataclass(frozen=True)
class Contradiction:
    """One contradiction: the input's field it concerns, the role's label and the message."""

    field: str
    label: str
    message: str


def _absent(line: AttendanceRecord) -> bool:
    return line.expected and line.presence is not Presence.PRESENT


def _role(
    person_id: uuid.UUID | None,
    field: str,
    label: str,
    lines: Sequence[AttendanceRecord],
) -> Contradiction | None:
    if person_id is None:
        return None
    line = next((a for a in lines if a.person_id == person_id), None)
    if line is None or not _absent(line):
        return None
    message = _(
        "{role}{name}在出席情况中登记为{presence}",
        role=label,
        name=line.name,
        presence=line.presence.label,
    )
    return Contradiction(field, label, message)


def _speaker(index: int, speech: Speech, lines: Sequence[AttendanceRecord]) -> Contradiction | None:
    label = _("发言人")
    field = f"speeches[{index}].speaker"
    name = speech.speaker.strip()
    if speech.speaker_id is not None:
        line = next((a for a in lines if a.person_id == speech.speaker_id), None)
    else:
        line = next((a for a in lines if a.name == name and not _absent(a)), None)
        line = line or next((a for a in lines if a.name == name), None)
    if line is None:
        message = _("{name}既不在出席人员中，也不是列席人员", name=name or _("（无姓名）"))
        return Contradiction(field, label, message)
    if _absent(line):
        message = _(
            "{name}在出席情况中登记为{presence}，却记录了发言",
            name=line.name,
            presence=line.presence.label,
        )
        return Contradiction(field, label, message)
    return None


def vote_excess(vote: Vote, lines: Sequence[AttendanceRecord]) -> str | None:
    """Yes + no + abstain above the voting members present, as a message; else None."""
    present = sum(1 for a in lines if a.expected and a.voting and a.presence is Presence.PRESENT)
    if vote.ballots <= present:
        return None
    return _(
        "赞成、反对、弃权共{ballots}票，多于到会有表决权的党员{present}名",
        ballots=vote.ballots,
        present=present,
    )


def contradictions(
    kind: MeetingKind,
    host_id: uuid.UUID | None,
    recorder_id: uuid.UUID | None,
    speeches: Sequence[Speech],
    votes: Sequence[Vote],
    lines: Sequence[AttendanceRecord],
) -> list[Contradiction]:
    """Everything in one record's parts that contradicts its attendance."""
    found = [
        c
        for c in (
            _role(host_id, "host_id", _("主持人"), lines),
            _role(recorder_id, "recorder_id", _("记录人"), lines),
        )
        if c is not None
    ]
    if kind not in SPEAKERS_ARE_SUBJECTS:
        for index, speech in enumerate(speeches):
            problem = _speaker(index, speech, lines)
            if problem is not None:
                found.append(problem)
    for index, vote in enumerate(votes):
        message = vote_excess(vote, lines)
        if message is not None:
            tally = _("表决“{motion}”的票数", motion=vote.motion)
            found.append(Contradiction(f"votes[{index}].yes", tally, message))
    return found


def record_contradictions(record: MeetingRecord) -> list[Contradiction]:
    return contradictions(
        record.kind,
        record.host_id,
        record.recorder_id,
        record.speeches,
        record.votes,
        record.attendance,
    )
