"""Nothing typed is lost: the drafts an editor keeps while the user types.

Each open editor saves what is typed every few seconds as one JSON file in the data folder,
``drafts/<login>/<key>.json`` (one folder per computer login, so two people sharing a data
folder never see each other's half-typed text), written atomically (beside the target,
flushed, renamed).  Closing the editor normally (saved, or discarded on purpose) removes its
draft; a draft still there at the next start was interrupted (a crash, a power cut) and
is offered back.  Drafts are not records: they are never audited, exported or undone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from villagebook.services.printing import write_atomically

FOLDER = "drafts"
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


class _Core(Protocol):
    @property
    def data_dir(self) -> Path: ...

    @property
    def login(self) -> str: ...


@dataclass(frozen=True)
class Draft:
    """What an editor held when it was last saved as a draft."""

    key: str  # the editor and its subject, e.g. "meeting:new", "meeting:<id>"
    title: str  # what it is, in words (shown when the draft is offered back)
    saved_at: dt.datetime
    payload: dict[str, Any]


def _file_name(key: str) -> str:
    readable = _UNSAFE.sub("_", key)[:60]
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
    return f"{readable}-{digest}.json"


class DraftsApi:
    """``book.drafts``: the current login's drafts in the data folder."""

    def __init__(self, core: _Core) -> None:
        self.core = core

    @property
    def folder(self) -> Path:
        login = _UNSAFE.sub("_", self.core.login) or "user"
        return self.core.data_dir / FOLDER / login

    def save(self, key: str, title: str, payload: dict[str, Any]) -> None:
        """Keep ``payload`` (JSON values) as the draft ``key``, replacing the previous one."""
        self.folder.mkdir(parents=True, exist_ok=True)
        document = {
            "key": key,
            "title": title,
            "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
            "payload": payload,
        }
        data = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
        write_atomically(data, self.folder / _file_name(key))

    def load(self, key: str) -> Draft | None:
        return self._read(self.folder / _file_name(key))

    def discard(self, key: str) -> None:
        (self.folder / _file_name(key)).unlink(missing_ok=True)

    def pending(self) -> list[Draft]:
        """Every draft left in the folder (interrupted editors), newest first."""
        if not self.folder.is_dir():
            return []
        found = [self._read(path) for path in self.folder.glob("*.json")]
        drafts = [d for d in found if d is not None]
        return sorted(drafts, key=lambda d: d.saved_at, reverse=True)

    @staticmethod
    def _read(path: Path) -> Draft | None:
        """The draft in ``path``; None if there is none or it cannot be read (a torn file
        cannot happen with atomic writes, but a hand-edited one is skipped, not fatal)."""
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            return Draft(
                key=str(document["key"]),
                title=str(document.get("title", "")),
                saved_at=dt.datetime.fromisoformat(str(document["saved_at"])),
                payload=dict(document["payload"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None
