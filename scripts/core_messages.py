"""Keep the core's English catalogs in step with the code.

    .venv/bin/python scripts/core_messages.py          # add new messages, drop unused ones
    .venv/bin/python scripts/core_messages.py --area meetings   # only one catalog
    .venv/bin/python scripts/core_messages.py --check  # exit 1 if a message lacks English

Core messages are the Chinese literals wrapped in ``_()`` or ``N_()`` in the core packages
(domain, storage, services, reports, cli, selftest).  Each goes to the catalog of its
capability, ``resources/i18n/core/en/<area>.po`` (the area is the package after the layer:
``services/meetings/...`` → ``meetings``; anything else → ``common``).  Fill in ``msgstr``
by hand; ``scripts/build_translations.py`` compiles the catalogs.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "villagebook"
CATALOGS = ROOT / "resources" / "i18n" / "core" / "en"
CORE = ("domain", "storage", "services", "reports", "cli")
CORE_FILES = ("selftest.py", "language.py", "app.py")
AREAS = {"roster", "meetings", "development", "deliberations", "safety", "proof", "township"}
MARKERS = {"_", "N_"}


def core_files() -> Iterator[Path]:
    for layer in CORE:
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path
    for name in CORE_FILES:
        yield PACKAGE / name


def area_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    if len(parts) > 2 and parts[1] in AREAS:
        return parts[1]
    stem = path.stem
    return stem if stem in AREAS else "common"


Key = tuple[str, str | None]  # (msgid, msgctxt)


def _context(node: ast.Call) -> str | None:
    for keyword in node.keywords:
        if keyword.arg == "context" and isinstance(keyword.value, ast.Constant):
            return str(keyword.value.value)
    return None


def messages(path: Path) -> Iterator[tuple[Key, int]]:
    """((msgid, context), line) of every ``_("...")`` / ``N_("...")`` call in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in MARKERS
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            context = _context(node) if node.func.id == "N_" else None
            yield (node.args[0].value, context), node.lineno


def non_literal_calls(path: Path) -> Iterator[int]:
    """Lines where ``_()`` is called with something other than a string literal."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in MARKERS
            and not (
                node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            )
        ):
            yield node.lineno


def collect() -> dict[str, dict[Key, list[str]]]:
    """area → (msgid, context) → locations."""
    found: dict[str, dict[Key, list[str]]] = {}
    for path in core_files():
        for msgid, line in messages(path):
            where = f"{path.relative_to(ROOT)}:{line}"
            found.setdefault(area_of(path), {}).setdefault(msgid, []).append(where)
    return found


def read(area: str):  # type: ignore[no-untyped-def]
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    path = CATALOGS / f"{area}.po"
    if not path.exists():
        return Catalog(locale="en", project="VillageBook", domain=area)
    with path.open("rb") as stream:
        return read_po(stream, locale="en")


def untranslated() -> list[str]:
    """``area: msgid`` for every message in the code without an English translation."""
    missing = []
    translations: dict[Key, set[str]] = {}
    for area, ids in sorted(collect().items()):
        catalog = read(area)
        for msgid, context in sorted(ids, key=str):
            message = catalog.get(msgid, context=context)
            if message is None or not message.string:
                missing.append(f"{area}: {msgid}" + (f" [{context}]" if context else ""))
            else:
                translations.setdefault((msgid, context), set()).add(str(message.string))
    # One compiled catalog serves every area: a message must mean the same everywhere.
    for (msgid, _context), texts in sorted(translations.items(), key=str):
        if len(texts) > 1:
            missing.append(f"differs between catalogs: {msgid} → {sorted(texts)}")
    return missing


def update(only: str | None = None) -> None:
    from babel.messages.pofile import write_po

    CATALOGS.mkdir(parents=True, exist_ok=True)
    # Translations are kept by message, whichever catalog held them before (a message may
    # move between areas when code moves).
    old: dict[Key, str] = {}
    for path in sorted(CATALOGS.glob("*.po")):
        old.update({(m.id, m.context): m.string for m in read(path.stem) if m.id and m.string})
    for area, ids in sorted(collect().items()):
        if only is not None and area != only:
            continue
        catalog = read(area)
        catalog = type(catalog)(locale="en", project="VillageBook", domain=area)
        for key in sorted(ids, key=str):
            msgid, context = key
            where = [(loc, None) for loc in ids[key][:3]]
            catalog.add(msgid, old.get(key, ""), locations=where, context=context)
        with (CATALOGS / f"{area}.po").open("wb") as stream:
            write_po(stream, catalog, width=100, sort_output=True, omit_header=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--area", help="update only this area's catalog (e.g. meetings)")
    args = parser.parse_args()
    if args.check:
        missing = untranslated()
        for line in missing:
            print(line)
        return 1 if missing else 0
    update(args.area)
    return 0


if __name__ == "__main__":
    sys.exit(main())
