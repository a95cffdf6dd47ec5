import pytest

from signals.identifiers import (
    explicit_ticker_form,
    find_identifiers,
    is_valid_isin,
    is_valid_mersis,
    is_valid_vkn,
    normalize_isin,
    normalize_ticker,
    normalize_vkn,
    vkn_check_digit,
)


@pytest.mark.parametrize("vkn", ["4540536920", "0010000009", "1234567890"])
def test_valid_vkn(vkn: str) -> None:
    assert is_valid_vkn(vkn)


@pytest.mark.parametrize(
    "vkn", ["4540536921", "1234567891", "454053692", "45405369200", "45405A6920", "４540536920"]
)
def test_invalid_vkn(vkn: str) -> None:
    assert not is_valid_vkn(vkn)


def test_vkn_check_digit_follows_the_official_steps() -> None:
    # 454053692: t_i = (d_i + 10 - i) mod 10 = 3,3,1,6,0,7,9,1,3;
    # v_i = 9 if t_i = 9 else (t_i · 2^(10-i)) mod 9 = 6,3,2,6,0,4,9,4,6; Σ = 40;
    # check = (10 - 40 mod 10) mod 10 = 0.
    assert vkn_check_digit("454053692") == 0
    assert all(
        is_valid_vkn(f"{n:09d}{vkn_check_digit(f'{n:09d}')}") for n in range(0, 10**9, 7919 * 1013)
    )


def test_mersis_number_carries_the_vkn() -> None:
    assert is_valid_mersis("0454053692000015")
    assert not is_valid_mersis("1454053692000015")  # must start with 0
    assert not is_valid_mersis("0454053692100015")  # embedded VKN fails its check
    assert normalize_vkn("0454-0536-9200-0015") == "4540536920"
    assert normalize_vkn(" 454 053 6920 ") == "4540536920"
    assert normalize_vkn("12345678901") is None  # an 11-digit TCKN is not matched


def test_isin_luhn_check() -> None:
    assert is_valid_isin("US0378331005")  # Apple
    assert is_valid_isin("TRASISEW91Q3")  # Şişecam
    assert is_valid_isin("TRATUPRS91E8")  # Tüpraş
    assert not is_valid_isin("US0378331003")
    assert not is_valid_isin("TRASISEW91Q4")
    assert not is_valid_isin("1RASISEW91Q3")
    assert normalize_isin("us 0378331005") == "US0378331005"


def test_ticker_forms() -> None:
    assert normalize_ticker("bist:sise") == "SISE"
    assert normalize_ticker("Türk Hava Yolları") is None
    text = "Şişecam (SISE) ve BIST:ASELS, Apple (NYSE: AAPL) ile (NASDAQ:AAPL) ve BIST: KCHOL"
    tickers = [(i.value, i.exchange) for i in find_identifiers(text) if i.kind == "ticker"]
    assert tickers == [
        ("SISE", None),
        ("ASELS", "BIST"),
        ("AAPL", "NYSE"),
        ("AAPL", "NASDAQ"),
        ("KCHOL", "BIST"),
    ]
    start = text.index("SISE")
    assert explicit_ticker_form(text, start, start + 4) == "(SISE)"
    start = text.index("KCHOL")
    assert explicit_ticker_form(text, start, start + 5) == "BIST: KCHOL"
    assert explicit_ticker_form("SISE yükseldi", 0, 4) is None


def test_numbers_in_text() -> None:
    text = "Vergi No: 4540536920, telefon 5321234567, MERSİS 0454053692000015"
    found = [(i.kind, i.value, i.labelled, i.vkn) for i in find_identifiers(text)]
    assert ("vkn", "4540536920", True, "4540536920") in found
    assert ("mersis", "0454053692000015", True, "4540536920") in found
    assert all(value != "5321234567" or kind == "vkn" for kind, value, *_ in found)
