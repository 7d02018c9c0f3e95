"""Files the program writes for the user (reports, exports, drafts): whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

from villagebook.domain.common.errors import InputError, StorageError, os_error_text
from villagebook.domain.common.i18n import _


def write_atomically(data: bytes, path: Path) -> None:
    """Write ``data`` beside ``path`` and move it into place; nothing is left on failure."""
    if path.is_dir():
        raise InputError.single("output", _("输出文件"), _("“{path}”是一个文件夹", path=path))
    if not path.parent.is_dir():
        raise InputError.single(
            "output", _("输出文件"), _("文件夹“{path}”不存在", path=path.parent)
        )
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with open(tmp, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(
            _("无法写入“{path}”：{reason}", path=path, reason=os_error_text(exc))
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
