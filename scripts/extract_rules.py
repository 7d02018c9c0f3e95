"""Extract the rule texts of DOMAIN.md into the data the app ships (这条规则是什么).

    .venv/bin/python scripts/extract_rules.py /work/shared/DOMAIN.md

Every rule code of the domain brief's tables (and of §3's "other rules" list) becomes one
entry of ``resources/rules/domain-rules.json``: the rule's text, its default, its source or
status, and the section it comes from, all as written in DOMAIN.md (English).  The Chinese
text of each rule, and the few codes the checks emit that DOMAIN.md states without a code
(§2's organisation facts, the development ballot), are kept by hand in
``resources/rules/rules-zh.json`` and ``resources/rules/extra-rules.json``; a test checks
that every rule code the checks emit has both.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources" / "rules" / "domain-rules.json"
CODE = re.compile(r"^(?:MTG|DEV|DLB|ORG)-[A-Z0-9-]+$")
SECTION = re.compile(r"^##\s+(\d+)\.\s+(.*)$")
BULLET = re.compile(r"^-\s+((?:MTG|DEV|DLB|ORG)-[A-Z0-9-]+):\s+(.*)$")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _plain(text: str) -> str:
    """Markdown emphasis and code marks dropped."""
    return re.sub(r"[*`]", "", text).strip()


def extract(markdown: str) -> dict[str, dict[str, str]]:
    rules: dict[str, dict[str, str]] = {}
    section = ""
    header: list[str] = []
    for line in markdown.splitlines():
        found = SECTION.match(line)
        if found:
            section = f"§{found.group(1)} {found.group(2).strip()}"
            header = []
            continue
        bullet = BULLET.match(line.strip())
        if bullet:
            rules[bullet.group(1)] = {"text": _plain(bullet.group(2)), "section": section}
            continue
        if not line.strip().startswith("|"):
            header = []
            continue
        cells = _cells(line)
        if set("".join(cells)) <= set("-: "):
            continue  # the separator row
        if not header:
            header = [c.lower() for c in cells]
            continue
        _row(rules, header, cells, section)
    return rules


def _row(
    rules: dict[str, dict[str, str]], header: list[str], cells: list[str], section: str
) -> None:
    codes = [c.strip() for c in cells[0].split("/")]
    if not codes or not all(CODE.match(c) for c in codes):
        return
    values = dict(zip(header, cells, strict=False))
    if "rule" in values:
        text = values["rule"]
    else:  # §3's cadence table: the kind and how often
        text = f"{values.get('kind', '')}: {values.get('cadence (default)', '')}"
    entry = {
        "text": _plain(text),
        "default": _plain(values.get("default", values.get("cadence (default)", ""))),
        "source": _plain(values.get("source", values.get("status", ""))),
        "section": section,
    }
    for code in codes:
        rules[code] = {k: v for k, v in entry.items() if v and v != "—"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("domain", type=Path, help="the domain brief (DOMAIN.md)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args()
    rules = extract(args.domain.read_text(encoding="utf-8"))
    text = json.dumps(dict(sorted(rules.items())), ensure_ascii=False, indent=1) + "\n"
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is stale: run scripts/extract_rules.py {args.domain}")
            return 1
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"rules: {len(rules)} rule texts → {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
