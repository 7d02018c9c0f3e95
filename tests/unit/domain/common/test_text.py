"""Prose is kept as typed; codes and numbers are normalised (NFKC)."""

from __future__ import annotations

from villagebook.domain.common.text import as_typed, clean_code, match_key
from villagebook.domain.roster.idnumber import normalize_id_number, normalize_phone

TYPED = "同意，修路；资金：３８.６万元（“一事一议”）　按期完成。"


def test_prose_keeps_full_width_punctuation_spaces_and_digits() -> None:
    assert as_typed(TYPED) == TYPED
    assert as_typed("  张　三 \n") == "张　三"
    assert as_typed("第一段\r\n第二段\r第三段") == "第一段\n第二段\n第三段"


def test_prose_drops_only_invisible_characters() -> None:
    assert as_typed("村\u200b委\ufeff会，议") == "村委会，议"
    assert as_typed(None) == ""


def test_codes_and_numbers_are_nfkc_normalised_without_spaces() -> None:
    assert clean_code("１１０１０５ １９４９１００１００２Ｘ") == "11010519491001002X"
    assert normalize_id_number("１１０１０５１９４９１００１００２ｘ") == "11010519491001002X"
    assert normalize_phone("１３８－００１３－８０００".replace("－", "-")) == "13800138000"


def test_names_match_regardless_of_width_and_spacing() -> None:
    assert match_key("第１组") == match_key("第1组") == match_key(" 第 1 组")
    assert match_key("一组") != match_key("二组")
