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

    #: True when ``field`` is a path in a file the user gave (an import): shown with it.
    show_paths = False

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


def os_error_text(exc: OSError) -> str:
    """What a failed file operation means, in the user's words (not the system's English)."""
    import errno

    known = {
        errno.ENOSPC: _("磁盘空间已满"),
        errno.EDQUOT: _("磁盘空间已满"),
        errno.EROFS: _("磁盘或文件夹是只读的"),
        errno.EACCES: _("没有写入权限"),
        errno.EPERM: _("没有写入权限"),
        errno.ENOENT: _("找不到文件或文件夹"),
        errno.EISDIR: _("这是一个文件夹"),
        errno.ENOTDIR: _("路径中有一项不是文件夹"),
        errno.EIO: _("读写磁盘出错（磁盘或U盘可能有故障）"),
    }
    return known.get(exc.errno or 0) or str(exc.strerror or exc)
