"""这条规则是什么: every rule code the checks emit has its text, in both languages."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from villagebook import language, paths
from villagebook.services import rule_texts

ROOT = Path(__file__).resolve().parents[3]
CODE = re.compile(r"^(?:MTG|DEV|DLB|ORG)-[A-Z0-9-]+$")
DOMAIN = Path("/work/shared/DOMAIN.md")


def emitted_codes() -> Iterator[str]:
    """Every rule code written as a literal in the rule checks (domain and services)."""
    for layer in ("domain", "services"):
        for path in (ROOT / "villagebook" / layer).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                value = node.value if isinstance(node, ast.Constant) else None
                if isinstance(value, str) and CODE.match(value):
                    yield value


def test_every_code_the_checks_emit_has_a_text_in_english_and_chinese() -> None:
    known = rule_texts.codes()
    chinese = json.loads(paths.resource("rules", "rules-zh.json").read_text(encoding="utf-8"))
    found = set(emitted_codes())
    assert {"MTG-THIN", "MTG-CONSISTENCY", "DEV-MEETING-LINK", "DLB-MEETING-LINK"} <= found
    for code in sorted(found):
        # "DEV-ADMIT" is the prefix of DEV-ADMIT-QUORUM and DEV-ADMIT-VOTE (an f-string)
        with_text = code in known or any(k.startswith(code + "-") for k in known)
        assert with_text, f"{code} has no rule text"
        if code in known:
            assert chinese.get(code, {}).get("text"), f"{code} has no Chinese text"
            assert chinese[code].get("source"), f"{code} has no Chinese source"


def test_the_rule_text_follows_the_interface_language() -> None:
    language.use("zh_CN")
    rule = rule_texts.rule_text("MTG-THIN")
    assert rule is not None and "空壳" not in rule.text and "议题" in rule.text
    assert rule.section.startswith("§8") and "as data" in rule.default
    language.use("en")
    try:
        english = rule_texts.rule_text("MTG-THIN")
        assert english is not None and english.text.startswith("a finalised record holds")
        assert english.domain_text == rule.domain_text
    finally:
        language.use("zh_CN")
    assert rule_texts.rule_text("NO-SUCH-RULE") is None


@pytest.mark.skipif(not DOMAIN.exists(), reason="the domain brief is not on this machine")
def test_the_shipped_texts_are_extracted_from_the_domain_brief() -> None:
    script = ROOT / "scripts" / "extract_rules.py"
    result = subprocess.run(
        [sys.executable, str(script), str(DOMAIN), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
