"""Storage failures the user can understand, kept apart from bugs."""

from __future__ import annotations

import sqlalchemy as sa

from villagebook.domain.common.errors import StorageError
from villagebook.domain.common.i18n import _

__all__ = ["StorageError", "classify_operational_error"]


def classify_operational_error(exc: sa.exc.OperationalError) -> Exception:
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    if "full" in text:
        return StorageError(
            _("磁盘空间已满，本次修改没有保存，原有数据未受影响。请清理磁盘后重试。")
        )
    if "readonly" in text or "read-only" in text:
        return StorageError(_("数据文件夹是只读的，本次修改没有保存，原有数据未受影响。"))
    if "locked" in text or "busy" in text:
        return StorageError(_("数据库正被其他程序占用，本次修改没有保存，请稍后重试。"))
    if "malformed" in text or "not a database" in text:
        return StorageError(_("数据库文件已损坏，本次修改没有保存。请从备份恢复。"))
    return exc
