"""Money as integer fen: parsing what was typed, formatting what is shown."""

from __future__ import annotations

import pytest

from villagebook.domain.deliberations.amounts import format_amount, parse_amount


@pytest.mark.parametrize(
    ("text", "fen"),
    [("386,000.00", 38600000), ("１２０００", 1200000), ("0.5", 50), ("", None), ("12元", 1200)],
)
def test_amounts_are_integer_fen(text: str, fen: int | None) -> None:
    assert parse_amount(text) == (fen, None)


@pytest.mark.parametrize("text", ["abc", "-5", "1.234"])
def test_bad_amounts(text: str) -> None:
    value, message = parse_amount(text)
    assert value is None and message


def test_format_amount() -> None:
    assert format_amount(38600000) == "386,000.00元"
    assert format_amount(None) == ""
