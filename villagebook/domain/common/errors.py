"""User-facing input errors: every problem names its field in Chinese."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input.

    ``field`` is the machine path (``id_number``, ``people[3].birth_date``), ``label`` the
    Chinese field name shown to the user, ``message`` the Chinese explanation.
    """

    field: str
    label: str
    message: str

    def text(self) -> str:
        return f"{self.label}：{self.message}"


class InputError(ValueError):
    """Raised by services when input is refused; nothing has been written."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("；".join(p.text() for p in self.problems) or "输入有误")

    @classmethod
    def single(cls, field: str, label: str, message: str) -> InputError:
        return cls([Problem(field, label, message)])


class NotFoundError(LookupError):
    """A record named by id does not exist."""


class LockedRecordError(PermissionError):
    """A finalised record cannot be changed directly or deleted (only amended)."""
