"""Failed password attempts (密码错误次数), kept in the data folder so that every program on
it — the window, each command-line run — waits the same growing delay after a wrong
password: 1 s after the first, then 2, 4, 8 … up to 5 minutes.  A right password clears it.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path

ATTEMPTS_FILENAME = "villagebook.attempts"
MAX_DELAY_SECONDS = 300

#: The clock (tests replace it).
clock = time.time


def _path(data_dir: Path) -> Path:
    return data_dir / ATTEMPTS_FILENAME


def _read(data_dir: Path) -> tuple[int, float]:
    try:
        data = json.loads(_path(data_dir).read_text(encoding="utf-8"))
        return int(data["failures"]), float(data["last"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0, 0.0


def delay_after(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passwords in a row."""
    return 0 if failures <= 0 else min(2 ** (failures - 1), MAX_DELAY_SECONDS)


def wait_left(data_dir: Path) -> int:
    """Seconds still to wait before the next attempt is accepted (0: go ahead)."""
    failures, last = _read(data_dir)
    left = last + delay_after(failures) - clock()
    return max(0, int(left + 0.999))


def failed(data_dir: Path) -> int:
    """Count a wrong password; returns the seconds to wait now."""
    failures, _last = _read(data_dir)
    failures += 1
    try:
        tmp = _path(data_dir).with_name(ATTEMPTS_FILENAME + ".tmp")
        tmp.write_text(json.dumps({"failures": failures, "last": clock()}), encoding="utf-8")
        os.replace(tmp, _path(data_dir))
    except OSError:
        pass  # a read-only folder: the delay of this run still applies below
    return delay_after(failures)


def succeeded(data_dir: Path) -> None:
    with contextlib.suppress(OSError):
        _path(data_dir).unlink(missing_ok=True)
