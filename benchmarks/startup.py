"""Start-up time: VillageBook's window against a bare PySide6 window, side by side.

Usage::

    .venv/bin/python benchmarks/startup.py [--runs 10] [--data-dir DIR]

Each run starts a fresh process (offscreen) and measures from just before the process is
spawned until it reports, on the first turn of its event loop after ``show()``:

* ``bare``:    a script that creates a QApplication and shows an empty QMainWindow;
* ``shown``:   ``python -m villagebook --data-dir DIR`` with ``VILLAGEBOOK_BENCH_EXIT=shown``
               (translations, font, navigation and menus; no database yet);
* ``roster``:  the same with ``VILLAGEBOOK_BENCH_EXIT=roster``: until the database is open,
               upgraded if needed, and the roster page is filled (the time a user waits to
               see people).

The three kinds are interleaved run by run, so background load hits them alike; medians
are reported with the ratio shown/bare (target: at most 1.5).  The app also reports which
heavy modules (sqlalchemy, sqlmodel, pydantic, reportlab, ...) were loaded before the
window was shown: there should be none.  Without ``--data-dir`` a demo folder is created.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

BARE = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1180, 740)
    window.show()
    def shown():
        print(f"shown {time.time():.6f}", flush=True)
        app.quit()
    QTimer.singleShot(0, shown)
    app.exec()
    """
)


def _env(config: Path, mode: str | None) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = str(config)  # no remembered window state from the user
    env.pop("VILLAGEBOOK_BENCH_EXIT", None)
    if mode:
        env["VILLAGEBOOK_BENCH_EXIT"] = mode
    return env


def _measure(cmd: list[str], env: dict[str, str], key: str) -> tuple[float, str]:
    start = time.time()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    for line in result.stdout.splitlines():
        parts = line.split()
        if parts and parts[0] == key:
            return float(parts[1]) - start, " ".join(parts[2:])
    raise SystemExit(f"no '{key}' line from {cmd}:\n{result.stdout}\n{result.stderr}")


def make_demo(folder: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "villagebook", "demo", "--data-dir", str(folder)],
        check=True,
        capture_output=True,
    )
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vb-startup-") as tmp:
        work = Path(tmp)
        data_dir = args.data_dir or make_demo(work / "demo")
        bare_script = work / "bare.py"
        bare_script.write_text(BARE, encoding="utf-8")
        app = [sys.executable, "-m", "villagebook", "--data-dir", str(data_dir)]
        times: dict[str, list[float]] = {"bare": [], "shown": [], "roster": []}
        heavy = set()
        # one untimed warm-up of each, so the file cache is warm for all kinds alike
        _measure([sys.executable, str(bare_script)], _env(work, None), "shown")
        _measure(app, _env(work, "roster"), "roster")
        for _ in range(args.runs):
            times["bare"].append(
                _measure([sys.executable, str(bare_script)], _env(work, None), "shown")[0]
            )
            elapsed, extra = _measure(app, _env(work, "shown"), "shown")
            times["shown"].append(elapsed)
            heavy.add(extra)
            times["roster"].append(_measure(app, _env(work, "roster"), "roster")[0])
    medians = {kind: statistics.median(values) for kind, values in times.items()}
    ratio = medians["shown"] / medians["bare"]
    report = {
        "runs": args.runs,
        "median_seconds": {k: round(v, 4) for k, v in medians.items()},
        "ratio_shown_to_bare": round(ratio, 3),
        "ratio_roster_to_bare": round(medians["roster"] / medians["bare"], 3),
        "heavy_modules_before_show": sorted(heavy),
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"runs: {args.runs} each, interleaved (offscreen)")
        for kind, label in (
            ("bare", "bare PySide6 QMainWindow shown"),
            ("shown", "VillageBook main window shown"),
            ("roster", "VillageBook roster filled"),
        ):
            values = times[kind]
            print(
                f"  {label:32s} median {medians[kind] * 1000:7.1f} ms"
                f"  (min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f})"
            )
        print(f"  ratio shown/bare: {ratio:.2f}x (target <= 1.5x)")
        print(f"  ratio roster/bare: {report['ratio_roster_to_bare']:.2f}x")
        print(f"  before show: {', '.join(sorted(heavy))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
