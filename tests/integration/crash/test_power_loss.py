"""Power loss, not only SIGKILL: after a cut only what was synced is on the disk, and that
is enough — no committed record lost, no corruption, restore leaves the old or the new data.

The harness is ``benchmarks/power_loss.py`` (documented long runs in docs/reliability.md);
CI runs a few cuts of each kind, and first shows the model really drops unsynced writes.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

HARNESS = Path(__file__).resolve().parents[3] / "benchmarks" / "power_loss.py"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="LD_PRELOAD and /proc"),
    pytest.mark.skipif(shutil.which("cc") is None, reason="no C compiler for the fsync shim"),
]


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("power_loss", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("power_loss", module)
    spec.loader.exec_module(module)
    return module


UNSYNCED_AND_SYNCED = """
import os, sys
folder = sys.argv[1]
with open(os.path.join(folder, "unsynced.txt"), "w") as f:
    f.write("lost in the cut")
with open(os.path.join(folder, "synced.txt"), "w") as f:
    f.write("kept")
    f.flush()
    os.fsync(f.fileno())
with open(os.path.join(folder, "synced.txt"), "a") as f:
    f.write(" and this not")
handle = os.open(folder, os.O_RDONLY)
os.fsync(handle)
"""


def test_the_model_keeps_only_what_was_synced(tmp_path: Path) -> None:
    """The failing case the harness detects: a write never synced is gone after the cut."""
    h = _harness()
    shim = h.build_shim(tmp_path)
    folder, shadow = tmp_path / "disk", tmp_path / "shadow"
    folder.mkdir()
    (folder / "before.txt").write_text("there before")
    h.baseline(folder, shadow)
    env = {"LD_PRELOAD": str(shim), "VB_SHADOW_DIR": str(shadow), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", UNSYNCED_AND_SYNCED, str(folder)], check=True, env=env)
    after = tmp_path / "after"
    h.materialise(shadow, folder, after)
    assert (after / "before.txt").read_text() == "there before"
    assert (after / "synced.txt").read_text() == "kept"  # the later append was not synced
    assert (after / "unsynced.txt").read_bytes() == b""  # named (the folder was synced), empty


def test_power_cuts_while_writing_lose_no_committed_record(tmp_path: Path) -> None:
    result = _harness().run("write", cuts=6, work=tmp_path, seed=4)
    assert result.cuts == 6 and result.committed > 6, result.text()
    assert not result.failed(), result.problems


def test_power_cuts_while_restoring_leave_the_old_or_the_new_database(tmp_path: Path) -> None:
    result = _harness().run("restore", cuts=4, work=tmp_path, seed=4, max_delay=1.5)
    assert result.cuts == 4 and result.completed > 0, result.text()
    assert not result.failed(), result.problems
