"""The safety refusals a caller may need to tell apart: a folder in use, a damaged database.

Both are :class:`StorageError`s (shown plainly, CLI exit code 3); the window recognises them
to offer a choice (close, or restore the newest good backup).
"""

from __future__ import annotations

from pathlib import Path

from villagebook.domain.common.errors import StorageError, UserError
from villagebook.domain.common.i18n import _
from villagebook.domain.safety.values import BackupInfo, LockOwner


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


class DatabaseTooNew(StorageError):
    """The database (or a backup) was written by a newer VillageBook; it is not touched."""

    def __init__(self, path: Path, revision: str) -> None:
        self.path = path
        self.revision = revision
        super().__init__(
            _(
                "{name} 由更新版本的村务记事本写入（数据结构 {revision}），本程序不能打开它；"
                "请安装新版本的村务记事本。文件没有被修改。",
                name=path.name,
                revision=revision,
            )
        )


class DatabaseMissing(StorageError):
    """The data folder has no database but holds earlier data (moved aside, backups,
    an interrupted copy): a new, empty village is not created over it."""

    def __init__(self, data_dir: Path, newest: BackupInfo | None) -> None:
        self.data_dir = data_dir
        self.newest = newest
        if newest is not None:
            hint = _(
                "最近的完好副本：{path}（{summary}）。恢复它：villagebook restore --newest",
                path=newest.path,
                summary=newest.summary_text() or _("空"),
            )
        else:
            hint = _("没有找到完好的副本。")
        super().__init__(
            _(
                "数据文件夹 {folder} 中没有数据库，但有以前的数据（备份或移在一旁的文件），"
                "程序没有新建空白数据库。",
                folder=data_dir,
            )
            + hint
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
