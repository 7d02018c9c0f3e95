"""What the core refuses, kept apart from bugs.

Every error meant for the user derives from :class:`UserError`: the window and the CLI show
its text plainly (the CLI with exit code 2, or 3 for storage); anything else is a bug and is
reported with the log file.  Texts are translated core messages (:mod:`.i18n`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from villagebook.domain.common.i18n import _


class UserError(Exception):
    """A refusal the user can act on; nothing has been written."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input.

    ``field`` is the machine path (``id_number``, ``people[3].birth_date``), ``label`` the
    field name shown to the user, ``message`` the explanation (both translated).
    """

    field: str
    label: str
    message: str

    def text(self) -> str:
        return f"{self.label}：{self.message}"


class InputError(UserError, ValueError):
    """Raised when input is refused; nothing has been written."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("；".join(p.text() for p in self.problems) or _("输入有误"))

    @classmethod
    def single(cls, field: str, label: str, message: str) -> InputError:
        return cls([Problem(field, label, message)])


class NotFoundError(UserError, LookupError):
    """A record named by id does not exist."""


class LockedRecordError(UserError, PermissionError):
    """A finalised record cannot be changed directly or deleted (only amended)."""


class StorageError(UserError, RuntimeError):
    """A known storage failure (disk full, read-only, locked, damaged); nothing was written."""
