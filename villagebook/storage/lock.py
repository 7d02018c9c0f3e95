"""One writer per data folder: an OS-level lock on ``<data-dir>/villagebook.lock``.

The lock is ``fcntl.flock`` on POSIX and ``msvcrt.locking`` on Windows, so the operating
system releases it when the holding process dies: a lock file left behind by a crash is
simply taken over.  The file also records who holds the folder (pid, host, user, since),
so a refused second instance can name the first.

Within one process the lock is shared (reference counted): the window and a CLI command
run in the same process, or tests opening the folder twice, do not lock each other out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import json
import os
import socket
import sys
from pathlib import Path
from typing import IO, Any, ClassVar

from villagebook.domain.common.errors import os_error_text
from villagebook.domain.common.i18n import _
from villagebook.domain.safety.errors import FolderInUse
from villagebook.domain.safety.values import LockOwner
from villagebook.storage.errors import StorageError

__all__ = ["LOCK_FILENAME", "FolderInUse", "FolderLock", "LockOwner", "current_owner", "read_owner"]

LOCK_FILENAME = "villagebook.lock"
# Windows locks byte ranges; the owner info is written after the locked byte.
_LOCKED_BYTES = 1


def current_owner() -> LockOwner:
    """This process, as the lock file names it."""
    try:
        user = getpass.getuser()
    except Exception:
        user = "?"
    return LockOwner(
        pid=os.getpid(),
        host=socket.gethostname(),
        user=user,
        since=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    )


def _try_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, _LOCKED_BYTES)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, _LOCKED_BYTES)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def read_owner(data_dir: Path) -> LockOwner | None:
    """Who the lock file names (possibly a crashed process: the file outlives it)."""
    try:
        with (data_dir / LOCK_FILENAME).open("rb") as handle:
            handle.seek(_LOCKED_BYTES)  # Windows refuses reads of the locked byte
            raw = handle.read()
        info: dict[str, Any] = json.loads(raw.decode("utf-8"))
        return LockOwner(int(info["pid"]), str(info["host"]), str(info["user"]), str(info["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class FolderLock:
    """The exclusive right to write to one data folder."""

    _held: ClassVar[dict[Path, tuple[IO[bytes], int]]] = {}

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._key = data_dir.resolve()
        self.acquired = False
        #: The owner found in a lock file that was not locked any more (a crash).
        self.stale_owner: LockOwner | None = None

    def acquire(self) -> FolderLock:
        """Take the lock or raise :class:`FolderInUse` naming the holder."""
        if self.acquired:
            return self
        held = self._held.get(self._key)
        if held is not None:
            self._held[self._key] = (held[0], held[1] + 1)
            self.acquired = True
            return self
        path = self.data_dir / LOCK_FILENAME
        try:
            handle = open(path, "a+b")  # noqa: SIM115 (kept open while locked)
        except OSError as exc:
            raise StorageError(
                _(
                    "数据文件夹不能写入（{error}），本次修改没有保存，原有数据未受影响。"
                    "如果数据在只读的U盘或光盘上，请先复制到电脑上。",
                    error=exc.strerror or exc,
                )
            ) from exc
        if not _try_lock(handle):
            handle.close()
            raise FolderInUse(self.data_dir, read_owner(self.data_dir))
        self.stale_owner = read_owner(self.data_dir)
        # Keep the locked byte; the owner follows it (the file is opened for appending).
        try:
            handle.truncate(_LOCKED_BYTES)
            info = dataclasses.asdict(current_owner())
            handle.write(json.dumps(info, ensure_ascii=False).encode("utf-8"))
            handle.flush()
        except OSError as exc:  # a full disk: the lock is not taken, nothing is left open
            _unlock(handle)
            handle.close()
            raise StorageError(
                _(
                    "无法写入文件夹 {folder}：{error}",
                    folder=self.data_dir,
                    error=os_error_text(exc),
                )
            ) from exc
        self._held[self._key] = (handle, 1)
        self.acquired = True
        return self

    def release(self) -> None:
        if not self.acquired:
            return
        self.acquired = False
        handle, count = self._held[self._key]
        if count > 1:
            self._held[self._key] = (handle, count - 1)
            return
        del self._held[self._key]
        try:
            handle.truncate(_LOCKED_BYTES)
            handle.flush()
            _unlock(handle)
        finally:
            handle.close()

    def __enter__(self) -> FolderLock:
        return self.acquire()

    def __exit__(self, *_exc: object) -> None:
        self.release()
