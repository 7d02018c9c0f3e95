"""What each rule says (这条规则是什么): the rule texts shipped with the app.

``resources/rules/domain-rules.json`` is extracted from the domain brief by
``scripts/extract_rules.py`` (the text, default, source and section as DOMAIN.md states
them); ``extra-rules.json`` adds the few codes the checks emit that DOMAIN.md states without
a code; ``rules-zh.json`` holds each rule in Chinese.  The window shows the rule in the
interface language, with DOMAIN.md's own wording and its source.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from villagebook import paths
from villagebook.domain.common.findings import RuleText
from villagebook.domain.common.i18n import language


@cache
def _load(name: str) -> dict[str, dict[str, Any]]:
    path = paths.resource("rules", name)
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def codes() -> frozenset[str]:
    """Every rule code with a text."""
    return frozenset(_load("domain-rules.json")) | frozenset(_load("extra-rules.json"))


def rule_text(code: str) -> RuleText | None:
    """The rule ``code`` in the interface language, or None if no text is known."""
    english = _load("domain-rules.json").get(code) or _load("extra-rules.json").get(code)
    if english is None:
        return None
    chinese = _load("rules-zh.json").get(code, {})
    in_chinese = language() != "en" and bool(chinese)
    return RuleText(
        code=code,
        text=str(chinese["text"] if in_chinese else english["text"]),
        source=str(chinese.get("source", "") if in_chinese else english.get("source", "")),
        default=str(english.get("default", "")),
        section=str(english.get("section", "")),
        domain_text=str(english["text"]),
    )
