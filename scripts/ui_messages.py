"""Keep the window's Qt Linguist files in step with the code (pyside6-lupdate).

    .venv/bin/python scripts/ui_messages.py           # add new tr() strings to the .ts files
    .venv/bin/python scripts/ui_messages.py --check   # exit 1 if a string is missing/untranslated

Each area has its file: ``ui/<capability>/`` → ``resources/i18n/zh_CN/<capability>.ts``
(``ui/safety/`` → ``safety.ts``); everything else in ``ui/`` → ``core.ts``.  lupdate keeps
existing translations; fill new ones with ``scripts/ts_fill.py``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "villagebook" / "ui"
TS_DIR = ROOT / "resources" / "i18n" / "zh_CN"
AREAS = ("meetings", "development", "deliberations", "safety", "proof", "township")


def lupdate() -> str:
    exe = Path(sys.executable).parent / "pyside6-lupdate"
    return str(exe) if exe.exists() else "pyside6-lupdate"


def sources(area: str) -> list[Path]:
    if area in AREAS:
        return sorted((UI / area).rglob("*.py"))
    return sorted(
        p for p in UI.rglob("*.py") if not any(a in p.relative_to(UI).parts for a in AREAS)
    )


def run_lupdate(files: list[Path], ts: Path) -> None:
    cmd = [lupdate(), *map(str, files), "-ts", str(ts), "-no-obsolete", "-silent"]
    subprocess.run(cmd, check=True, capture_output=True)


def messages(ts: Path) -> dict[tuple[str, str], bool]:
    """(context, source) → translated?"""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in ("unfinished",)
            if translation is not None and message.get("numerus") == "yes":
                done = done and any((f.text or "").strip() for f in translation.iter("numerusform"))
            elif translation is not None:
                done = done and bool((translation.text or "").strip())
            found[(name, message.findtext("source") or "")] = done
    return found


def problems() -> list[str]:
    """Strings in the code that the committed .ts files lack or leave untranslated."""
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        for area in ("core", *AREAS):
            committed = TS_DIR / f"{area}.ts"
            fresh = Path(tmp) / f"{area}.ts"
            fresh.write_bytes(committed.read_bytes())
            run_lupdate(sources(area), fresh)
            for (context, source), done in messages(fresh).items():
                if not done:
                    found.append(f"{area}.ts: {context}: {source!r}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--area", help="update only this area's file (core, meetings, ...)")
    args = parser.parse_args()
    if args.check:
        missing = problems()
        print("\n".join(missing))
        return 1 if missing else 0
    for area in ("core", *AREAS):
        if args.area in (None, area):
            run_lupdate(sources(area), TS_DIR / f"{area}.ts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
