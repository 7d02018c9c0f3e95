"""A branch's exchange document seen as *records*: the unit of versions and merging.

A record is one top-level item of the exchange format: the branch itself, one Party group,
one person (with the histories nested in it), one recorder, one meeting (with its
attendance, amendments and attachments), one quarterly plan, one development case, one
deliberation, one note on a handled finding.  Its key is ``(section, id)``; equal digests
mean equal contents."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from villagebook.services.exchange import FORMAT, VERSION, Record, Section
from villagebook.services.township.bundle import digest

#: The root section's keys, in load order; ``branch`` is a single object, not a list.
ROOT_KEYS = ("branch", "groups", "people", "recorders")


def section_keys(sections: Sequence[Section]) -> list[str]:
    """Every record section, in the order records are loaded."""
    return [*ROOT_KEYS, *(s.key for s in sections)]


def record_key(section: str, item: Record) -> str:
    return uuid.UUID(str(item["id"])).hex


def iter_records(document: Record, keys: Sequence[str]) -> Iterator[tuple[str, str, Record]]:
    """``(section, id hex, item)`` of every record in ``document``."""
    for key in keys:
        if key == "branch":
            if isinstance(document.get("branch"), dict):
                yield "branch", record_key(key, document["branch"]), document["branch"]
            continue
        for item in document.get(key) or []:
            if isinstance(item, dict) and item.get("id"):
                yield key, record_key(key, item), item


def record_digest(item: Record) -> str:
    return digest(item)


def assemble(header: Record, records: dict[str, list[Record]], keys: Sequence[str]) -> Record:
    """An exchange document from records by section (``branch`` a one-item list)."""
    document: Record = {
        "format": FORMAT,
        "version": VERSION,
        **{k: v for k, v in header.items() if k in ("exported_at", "app_version")},
    }
    branch = records.get("branch") or []
    document["branch"] = branch[0] if branch else header.get("branch")
    for key in keys:
        if key != "branch":
            document[key] = list(records.get(key, []))
    return document


def row_ids(item: Any) -> set[str]:
    """The ids (hex) of every row nested in a record (for who changed it and when)."""
    found: set[str] = set()
    stack = [item]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            raw = value.get("id")
            if isinstance(raw, str):
                with contextlib.suppress(ValueError):
                    found.add(uuid.UUID(raw).hex)
            stack.extend(v for v in value.values() if isinstance(v, dict | list))
        elif isinstance(value, list):
            stack.extend(v for v in value if isinstance(v, dict | list))
    return found


def attachments_in(item: Any) -> list[Record]:
    """The attachment entries nested in a record (they carry ``sha256`` and ``media_type``)."""
    found: list[Record] = []
    stack = [item]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if "sha256" in value and "media_type" in value and "filename" in value:
                found.append(value)
            stack.extend(v for v in value.values() if isinstance(v, dict | list))
        elif isinstance(value, list):
            stack.extend(v for v in value if isinstance(v, dict | list))
    return found
