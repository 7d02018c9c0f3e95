"""The records a PDF carries: the subset of the exchange format the report shows.

The branch, its Party groups, the records the report is about (chosen by the kind's
:class:`~villagebook.services.printing.RecordSelection`) and the people those records refer
to.  ID numbers and phone numbers are left out (``null`` / ``""``) unless the report prints
them unmasked, as the layouts do.  The subset is a valid exchange document (it validates
against ``resources/schema/``), written as canonical UTF-8 JSON so the same data gives the
same bytes and so the same digest.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from villagebook import __version__

Record = dict[str, Any]
#: The top-level keys of the exchange format that are not record sections.
ROOT_KEYS = frozenset({"format", "version", "exported_at", "app_version", "branch", "groups"})
FILE_NAME = "villagebook-records.json"
MIME_TYPE = "application/json"


@dataclass(frozen=True)
class Selection:
    """Which records to keep (see ``printing.RecordSelection``, which this mirrors)."""

    #: section key → ids to keep (None: the whole section); None: every section whole.
    sections: dict[str, frozenset[uuid.UUID] | None] | None
    #: people kept besides those the kept records refer to (None: every person).
    people: frozenset[uuid.UUID] | None


@dataclass(frozen=True)
class EmbeddedRecords:
    """The records of one report, as embedded in its PDF."""

    data: bytes
    sha256: str
    counts: dict[str, int]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _ids(values: frozenset[uuid.UUID]) -> frozenset[str]:
    return frozenset(str(v) for v in values)


def _keep_section(items: list[Record], wanted: frozenset[uuid.UUID] | None) -> list[Record]:
    if wanted is None:
        return list(items)
    ids = _ids(wanted)
    return [r for r in items if str(r.get("id")) in ids]


def about_subject(document: Record, subject: uuid.UUID) -> Selection:
    """The default for a report about one record: the records whose id is ``subject`` or
    that name it (a development case of a person), and the person if it is one."""
    text = str(subject)
    sections: dict[str, frozenset[uuid.UUID] | None] = {}
    for key, items in document.items():
        if key in ROOT_KEYS or key == "people" or not isinstance(items, list):
            continue
        found = {
            uuid.UUID(str(r["id"]))
            for r in items
            if isinstance(r, dict)
            and "id" in r
            and (str(r["id"]) == text or text in (str(v) for v in r.values()))
        }
        if found:
            sections[key] = frozenset(found)
    people = frozenset({subject}) if any(p.get("id") == text for p in document["people"]) else None
    return Selection(sections, people if people is not None else frozenset())


def select(document: Record, selection: Selection, *, unmasked: bool = False) -> Record:
    """The subset of an exported ``document`` that ``selection`` names."""
    subset: Record = {
        k: document[k] for k in ("format", "version", "exported_at", "app_version") if k in document
    }
    subset["branch"] = document["branch"]
    subset["groups"] = document["groups"]
    kept: dict[str, list[Record]] = {}
    for key, items in document.items():
        if key in ROOT_KEYS or key == "people" or not isinstance(items, list):
            continue
        if selection.sections is None:
            kept[key] = list(items)
        elif key in selection.sections:
            kept[key] = _keep_section(items, selection.sections[key])
    if selection.people is None:
        people = list(document["people"])
    else:
        wanted = set(_ids(selection.people))
        for items in kept.values():
            wanted.update(_strings(items))
        people = [p for p in document["people"] if p["id"] in wanted]
    subset["people"] = [person if unmasked else _masked(person) for person in people]
    subset.update(kept)
    return subset


def _masked(person: Record) -> Record:
    return {**person, "id_number": None, "phone": ""}


def embed(document: Record, *, exported_at: str) -> EmbeddedRecords:
    """Canonical JSON bytes, their SHA-256 and the record counts."""
    import hashlib

    document = {**document, "exported_at": exported_at, "app_version": __version__}
    data = (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return EmbeddedRecords(data, hashlib.sha256(data).hexdigest(), counts(document))


def counts(document: Record) -> dict[str, int]:
    """Records per key (people and every section present), for summaries."""
    return {
        key: len(items)
        for key, items in document.items()
        if key not in ROOT_KEYS and isinstance(items, list)
    }
