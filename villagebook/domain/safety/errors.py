"""The safety refusals a caller may need to tell apart: a folder in use, a damaged database.

Both are :class:`StorageError`s (shown plainly, CLI exit code 3); the window recognises them
to offer a choice (close, or restore the newest good backup).
"""

from __future__ import annotations

from pathlib import Path

from villagebook.domain.common.errors import StorageError, UserError
from villagebook.domain.common.i18n import _
from villagebook.domain.safety.values import LockOwner


class FolderInUse(StorageError):
    """Another running VillageBook holds the data folder."""

    def __init__(self, data_dir: Path, owner: LockOwner | None) -> None:
        self.data_dir = data_dir
        self.owner = owner
        who = owner.describe() if owner else _("另一个程序")
        super().__init__(
            _(
                "数据文件夹 {folder} 已被另一个正在运行的村务记事本打开：{who}。"
                "为避免数据互相覆盖，同一时间只能有一个程序修改它。请先关闭那个窗口再试。",
                folder=data_dir,
                who=who,
            )
        )


class DatabaseDamaged(StorageError):
    """The database failed its integrity check; it has not been written to."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(
            _(
                "数据库文件 {name} 已损坏（{detail}）。为保护数据，程序没有对它做任何修改。"
                "可以从最近一次完好的备份恢复：损坏的文件会被保留在一旁，不会删除。",
                name=path.name,
                detail="；".join(problems[:3]),
            )
        )


class PasswordRequired(UserError):
    """The data is protected by the app lock: its password (or the recovery key) is needed,
    or was wrong, or must wait after too many wrong ones."""


class WrongPassword(PasswordRequired):
    """The password (or recovery key) given does not open the lock."""


class TryLater(PasswordRequired):
    """Too many wrong passwords: the next attempt must wait ``seconds``."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        super().__init__(_("密码错误次数过多，请 {seconds} 秒后再试", seconds=seconds))
