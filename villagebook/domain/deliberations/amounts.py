"""Money in a deliberation: yuan as typed, kept as integer fen."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from villagebook.domain.common.i18n import _
from villagebook.domain.common.text import clean_code


def parse_amount(text: str) -> tuple[int | None, str | None]:
    """Yuan as typed ("12,000.50", "１２０００") to integer fen; (None, message) if invalid."""
    # Drop separators, spaces and 元 (written as \u5143: a pattern, not a message).
    cleaned = re.sub(r"[,，\s\u5143]", "", clean_code(text))
    if not cleaned:
        return None, None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None, _("“{text}”不是有效金额（以元为单位，最多两位小数）", text=text)
    if value < 0:
        return None, _("不能为负数")
    if value != value.quantize(Decimal("0.01")):
        return None, _("最多两位小数（精确到分）")
    if value >= Decimal("1e12"):
        return None, _("金额过大")
    return int(value * 100), None


def yuan_digits(fen: int) -> str:
    """``38600000`` → ``386,000.00``."""
    yuan, cents = divmod(fen, 100)
    return f"{yuan:,}.{cents:02d}"


def format_amount(fen: int | None) -> str:
    """The amount as shown (``386,000.00元``); empty when there is none."""
    if fen is None:
        return ""
    return _("{amount}元", amount=yuan_digits(fen))


def yuan_text(fen: int | None) -> str:
    """The amount as an edit field shows it (``386000.00``)."""
    if fen is None:
        return ""
    return f"{fen // 100}.{fen % 100:02d}"
