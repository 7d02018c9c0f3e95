"""Crash safety: a writer killed with SIGKILL at random moments loses nothing it committed.

The CI run is short (30 kills); the documented long run is
``.venv/bin/python benchmarks/crash_harness.py run --kills 200`` (see docs/reliability.md).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

HARNESS = Path(__file__).resolve().parents[3] / "benchmarks" / "crash_harness.py"


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("crash_harness", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("crash_harness", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_during_writes_never_corrupts_or_loses_committed_records(tmp_path: Path) -> None:
    result = _harness().run(kills=30, data_dir=tmp_path / "data", seed=3)
    assert result.kills == 30
    assert result.corruptions == 0, result.problems
    assert result.lost == 0, result.problems
    assert result.audit_mismatches == 0, result.problems
    assert result.committed > 30  # the writer really was writing when killed
    assert result.stale_locks_taken_over == 30


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_during_restore_never_strands_the_village(tmp_path: Path) -> None:
    result = _harness().run_operation("restore", kills=8, work=tmp_path, seed=5)
    assert result.kills == 8 and result.completed > 0, result.text()
    assert result.stranded == 0, result.problems
    assert result.corruptions == 0 and result.wrong_content == 0, result.problems
    assert result.empty_village == 0 and result.leftovers == 0, result.problems


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_during_backup_leaves_only_whole_backups(tmp_path: Path) -> None:
    result = _harness().run_operation("backup", kills=8, work=tmp_path, seed=5)
    assert result.kills == 8 and result.completed > 0, result.text()
    assert result.corruptions == 0 and result.wrong_content == 0, result.problems
    assert result.leftovers == 0, result.problems
