"""Compile the translations: the window's and the core's.

- Qt Linguist sources ``resources/i18n/<lang>/*.ts`` into one ``villagebook_<lang>.qm``;
- the core's gettext catalogs ``resources/i18n/core/<lang>/*.po`` (one per area) into one
  ``villagebook_core_<lang>.mo`` (babel reads and writes them).

Both are build products: built here, never committed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"


def lrelease() -> str:
    exe = Path(sys.executable).parent / "pyside6-lrelease"
    if exe.exists():
        return str(exe)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease not found; install PySide6-Essentials")
    return found


def core_catalogs() -> None:
    """Merge each language's .po files into one compiled .mo."""
    core = I18N / "core"
    if not core.is_dir():
        return
    for lang_dir in sorted(p for p in core.iterdir() if p.is_dir()):
        sources = sorted(lang_dir.glob("*.po"))
        if not sources:
            continue
        target = I18N / f"villagebook_core_{lang_dir.name}.mo"
        newest = max(p.stat().st_mtime for p in sources)
        if target.exists() and target.stat().st_mtime >= newest:
            continue
        from babel.messages.catalog import Catalog
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        merged = Catalog(locale=lang_dir.name)
        for source in sources:
            with source.open("rb") as stream:
                for message in read_po(stream):
                    if message.id and message.string:
                        merged.add(message.id, message.string, context=message.context)
        with target.open("wb") as stream:
            write_mo(stream, merged)
        print(f"translations: {target.relative_to(ROOT)} from {len(sources)} source(s)")


def main() -> int:
    core_catalogs()
    tool = lrelease()
    for lang_dir in sorted(p for p in I18N.iterdir() if p.is_dir() and p.name != "core"):
        sources = sorted(lang_dir.glob("*.ts"))
        if not sources:
            continue
        target = I18N / f"villagebook_{lang_dir.name}.qm"
        newest = max(p.stat().st_mtime for p in sources)
        if target.exists() and target.stat().st_mtime >= newest:
            continue
        cmd = [tool, "-silent", *map(str, sources), "-qm", str(target)]
        subprocess.run(cmd, check=True)
        print(f"translations: {target.relative_to(ROOT)} from {len(sources)} source(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
