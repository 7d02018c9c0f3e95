"""Hostile imports (property): every file the mutation generator makes from the demo export
is refused with exit 2 and a path, or imported whole; nothing else ever happens.

The generator and the long run (2,000 mutations) are ``benchmarks/hostile_import.py``;
this runs a few hundred.  A failure names the seed: reproduce it with
``check_one(base, SEED, targets)`` from that module.
"""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HARNESS = Path(__file__).resolve().parents[3] / "benchmarks" / "hostile_import.py"


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hostile_import", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("hostile_import", module)
    spec.loader.exec_module(module)
    return module


h = _harness()


class Setup(tuple[Any, Any]):
    def __repr__(self) -> str:  # hypothesis prints the arguments of a failing example
        return "Setup(base, targets)"


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    work = tmp_path_factory.mktemp("hostile")
    base = h.trimmed(h.demo_export(work / "demo"))
    return Setup((base, h.Targets(work, base)))


def test_the_base_document_imports_whole(setup: tuple[Any, Any]) -> None:
    base, targets = setup
    mutant = h.Mutant(json.dumps(base, ensure_ascii=False).encode("utf-8"), [])
    folder = targets.fresh(existing=False)
    file = folder.parent / "base.json"
    file.write_bytes(mutant.data)
    before = h.counts(folder / "villagebook.sqlite3")
    outcome = h.run_import(file, folder)
    assert outcome.exit_code == 0, outcome.stderr
    assert h.judge(mutant, outcome, before, h.counts(folder / "villagebook.sqlite3")) == ""
    for section in ("meetings", "meeting_plans", "development_cases", "deliberations"):
        assert base[section], section  # the trimmed base still reaches every section


def test_the_same_file_again_is_refused_by_id(setup: tuple[Any, Any]) -> None:
    base, targets = setup
    folder = targets.fresh(existing=True)
    file = folder.parent / "again.json"
    file.write_text(json.dumps(base, ensure_ascii=False), encoding="utf-8")
    outcome = h.run_import(file, folder)
    assert outcome.exit_code == 2
    assert "branch.id" in outcome.stderr and "不能重复导入" in outcome.stderr
    assert "Traceback" not in outcome.stderr


def test_the_generator_reaches_every_kind_of_mutation(setup: tuple[Any, Any]) -> None:
    base, _targets = setup
    seen = set()
    for seed in range(300):
        seen.update(step.split(" ")[0] for step in h.mutate(base, random.Random(seed)).steps)
    assert {"set", "delete", "duplicate", "id", "reference", "nested", "header"} <= seen


@pytest.mark.slow
@settings(
    max_examples=250,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_a_mutated_file_is_refused_with_a_path_or_imported_whole(
    setup: tuple[Any, Any], seed: int
) -> None:
    base, targets = setup
    mutant, _outcome, verdict = h.check_one(base, seed, targets)
    assert verdict == "", f"seed {seed} ({'; '.join(mutant.steps)}): {verdict}"
