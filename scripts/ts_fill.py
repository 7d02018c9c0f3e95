"""Fill translations into a Qt Linguist .ts file from a JSON map {source: translation}.

Usage: python scripts/ts_fill.py resources/i18n/zh_CN/core.ts map.json
Plural messages (%n) take a list of forms; Chinese has one form.
Unknown sources in the map are reported; untranslated messages left are listed.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def fill(ts_path: Path, mapping: dict[str, str | list[str]]) -> list[str]:
    tree = ET.parse(ts_path)
    missing = []
    used = set()
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if source in mapping:
            used.add(source)
            value = mapping[source]
            forms = value if isinstance(value, list) else [value]
            if message.get("numerus") == "yes":
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = forms[0]
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished":
            missing.append(source)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    unused = sorted(set(mapping) - used)
    if unused:
        print("not in the .ts file:", ", ".join(unused), file=sys.stderr)
    return missing


def main() -> int:
    ts_path, map_path = Path(sys.argv[1]), Path(sys.argv[2])
    missing = fill(ts_path, json.loads(map_path.read_text(encoding="utf-8")))
    for source in missing:
        print("untranslated:", source)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
