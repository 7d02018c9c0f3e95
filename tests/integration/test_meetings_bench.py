"""The benchmark generator stays runnable (a tiny run; the real figures are in docs)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import meetings_bench

    yield meetings_bench
    sys.modules.pop("meetings_bench", None)


def test_generator_and_check_run(bench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bench.generate(tmp_path, 2, 1)
    one_provider, _one, total = bench.bench_check(tmp_path)
    assert one_provider > 0 and total > 0
