"""Core messages are translatable, and the English catalog translates every one of them.

Every Chinese text the core shows a user (errors, refusals, findings, labels) is wrapped in
``_()`` or ``N_()`` (:mod:`villagebook.domain.common.i18n`) and has an English translation
in ``resources/i18n/core/en/``.  Exempt: docstrings; the PDF layouts and the printouts that
feed them (official forms, printed in Chinese); demo data; modules marked ``# i18n: data``;
values stored in the database, marked ``# i18n: stored`` on their line, and other
deliberate exceptions marked ``# i18n: <why>``.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import core_messages  # noqa: E402

HAN = re.compile(r"[\u4e00-\u9fff]")


def _exempt_module(path: Path, source: str) -> bool:
    return (
        "reports" in path.relative_to(core_messages.PACKAGE).parts
        or path.stem in ("printouts", "demo")
        or "# i18n: data" in source
    )


def bare_literals(path: Path) -> list[tuple[int, str]]:
    """Chinese string literals outside ``_()``/``N_()``, docstrings and exempt lines."""
    source = path.read_text(encoding="utf-8")
    if _exempt_module(path, source):
        return []
    lines = source.splitlines()
    tree = ast.parse(source)
    wrapped: set[int] = set()
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in core_messages.MARKERS
        ):
            wrapped.update(id(sub) for sub in ast.walk(node))
        body = getattr(node, "body", None)
        if (
            isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
        ):
            docstrings.add(id(body[0].value))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and HAN.search(node.value)
            and id(node) not in wrapped
            and id(node) not in docstrings
            and "# i18n:" not in lines[node.lineno - 1]
        ):
            found.append((node.lineno, node.value))
    return found


def test_the_checker_sees_a_bare_literal(tmp_path: Path) -> None:
    module = core_messages.PACKAGE / "domain" / "example_for_test.py"
    tree_text = 'from x import _\nA = _("包好的")\nB = "裸露的"\nC = "存储的"  # i18n: stored\n'
    module.write_text(tree_text, encoding="utf-8")
    try:
        assert bare_literals(module) == [(3, "裸露的")]
    finally:
        module.unlink()


def test_every_core_message_is_wrapped() -> None:
    found = {
        str(path.relative_to(ROOT)): bare
        for path in core_messages.core_files()
        if (bare := bare_literals(path))
    }
    assert found == {}


def test_every_marker_wraps_a_literal() -> None:
    found = {
        str(path.relative_to(ROOT)): lines
        for path in core_messages.core_files()
        if (lines := list(core_messages.non_literal_calls(path)))
    }
    assert found == {}


def test_every_core_message_has_english() -> None:
    assert core_messages.untranslated() == []


@pytest.mark.parametrize("language", ["en"])
def test_the_catalog_is_compiled_and_used(language: str) -> None:
    from villagebook import language as lang
    from villagebook.domain.common.errors import InputError

    lang.use(language)
    try:
        text = str(InputError([]))
    finally:
        lang.use("zh_CN")
    assert text != "输入有误" and not HAN.search(text)
