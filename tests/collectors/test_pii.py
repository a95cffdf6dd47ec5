"""collectors.pii: what is masked, what is left alone, and the checksums that decide.

Every number, name and address below is made up (TCKNs and IBANs computed to pass or fail
their check digits on purpose)."""

from __future__ import annotations

import pytest

from collectors.pii import (
    EMAIL,
    IBAN,
    NAME,
    PHONE,
    TCKN,
    is_valid_iban,
    is_valid_tckn,
    mask,
    mask_personal_data,
)

VALID_TCKN = "28417395076"
VALID_IBAN = "TR290006400000112345678901"
SPACED_IBAN = "TR29 0006 4000 0011 2345 6789 01"


# --- checksums -----------------------------------------------------------------------------


def test_tckn_checksum() -> None:
    assert is_valid_tckn(VALID_TCKN) and is_valid_tckn("47160539230")
    assert not is_valid_tckn("28417395077")  # 11th digit off by one
    assert not is_valid_tckn("28417395176")  # 10th digit off by one
    assert not is_valid_tckn("08417395076")  # a TCKN never starts with 0
    assert not is_valid_tckn("2841739507")  # ten digits
    assert is_valid_tckn("284 173 950 76")  # groups written with spaces


def test_iban_checksum() -> None:
    assert is_valid_iban(VALID_IBAN) and is_valid_iban(SPACED_IBAN)
    assert not is_valid_iban("TR290006400000112345678902")  # one digit changed
    assert not is_valid_iban("TR29000640000011234567890")  # 23 digits
    assert not is_valid_iban("DE89370400440532013000")  # valid, but not Turkish


# --- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    [
        "0532 418 27 65",
        "05324182765",
        "5324182765",
        "0 (532) 418 27 65",
        "+90 532 418 27 65",
        "+90 (216) 555 01 23",
        "0090 532 418 2765",
        "0212 801 06 00",
        "0 850 724 0 724",
        "0232 4525252",
        "+44 20 7946 0958",
    ],
)
def test_phone_numbers_are_masked(phone: str) -> None:
    masked = mask_personal_data(f"Beni {phone} numarasından arayın.")
    assert masked.text == f"Beni {PHONE} numarasından arayın."
    assert masked.counts == {PHONE: 1}


@pytest.mark.parametrize(
    "number",
    [
        "ISBN25123056894",  # a bank's reference number, glued to its prefix
        "4743407245",  # a customer number: ten digits, no 0 or +90, not a mobile
        "25.12.2025",
        "1.500.000 TL",
        "2011/4736 esas",
        "3021-1008610",
    ],
)
def test_numbers_that_are_not_phones_stay(number: str) -> None:
    assert mask(f"Kayıt: {number}.") == f"Kayıt: {number}."


def test_a_bracketed_phone_keeps_its_brackets_balanced() -> None:
    assert mask("şube (0212 801 0600) aradı") == f"şube ({PHONE}) aradı"


def test_tckn_masked_only_when_it_passes_the_check() -> None:
    text = f"T.C. kimlik numaram {VALID_TCKN}, başvuru numaram 25122240651."
    masked = mask_personal_data(text)
    assert masked.text == f"T.C. kimlik numaram {TCKN}, başvuru numaram 25122240651."
    assert masked.counts == {TCKN: 1}
    assert mask("kimlik: 284 173 950 76.") == f"kimlik: {TCKN}."


def test_iban_masked_only_when_it_passes_mod_97() -> None:
    assert mask(f"IBAN: {SPACED_IBAN}.") == f"IBAN: {IBAN}."
    assert mask(f"IBAN'ım {VALID_IBAN} olup") == f"IBAN'ım {IBAN} olup"
    # People drop the TR: 24 bare digits that validate once it is put back.
    assert mask(f"{VALID_IBAN[2:]} IBAN numarasına") == f"{IBAN} IBAN numarasına"
    wrong = "TR29 0006 4000 0011 2345 6789 02"
    assert mask(f"IBAN: {wrong}.") == f"IBAN: {wrong}."


def test_emails_are_masked_even_half_masked_ones() -> None:
    masked = mask_personal_data("Yanıt: ali.veli@example.com.tr ya da a*******@gmail.com’dur.")
    assert masked.text == f"Yanıt: {EMAIL} ya da {EMAIL}’dur."
    assert masked.counts == {EMAIL: 2}


# --- names ---------------------------------------------------------------------------------


def test_the_layouts_username_is_masked_wherever_it_appears() -> None:
    masked = mask_personal_data("Selin olarak yazıyorum; SELİN, selin.", names=["Selin"])
    assert masked.text == f"{NAME} olarak yazıyorum; {NAME}, {NAME}."
    assert masked.counts == {NAME: 3}
    assert mask("Selinay geldi.", names=["Selin"]) == "Selinay geldi."  # whole words only
    # Too short to be told from ordinary words: left alone.
    assert mask("Ali ve Can geldi.", names=["Al", ""]) == "Ali ve Can geldi."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Adım Mehmet Kaya. Kartım kayboldu.", f"Adım {NAME}. Kartım kayboldu."),
        ("Merhaba, ben Zeynep Kaya. Uzun süredir", f"Merhaba, ben {NAME}. Uzun süredir"),
        ("Ad Soyad: Ayşe Demir", f"Ad Soyad: {NAME}"),
        (
            "İade bekliyorum.\nSaygılarımla,\nDeniz Aksoy",
            f"İade bekliyorum.\nSaygılarımla,\n{NAME}",
        ),
        ("Teşekkürler, Ahmet Yılmaz.", f"Teşekkürler, {NAME}."),
    ],
)
def test_names_after_introductions_and_sign_offs(text: str, expected: str) -> None:
    assert mask(text) == expected


def test_lower_case_uses_of_the_same_words_are_not_names() -> None:
    text = "Adım ve bilgilerim kullanılarak benim adıma kredi çekildi. Merhaba, ben 15 yıldır"
    assert mask(text) == text


def test_names_the_site_half_masked_lose_their_initials_too() -> None:
    text = "avukat M*** T***’ye verildi. Kampanyaya Yusuf Buğra A**** olarak, c**u ş** ile"
    assert mask(text) == f"avukat {NAME}’ye verildi. Kampanyaya {NAME} olarak, {NAME} ile"
    # A relative or a sentence opener before the name is not part of it.
    assert mask("Annem F**** G***** emekli. Ancak M*** dedi.") == (
        f"Annem {NAME} emekli. Ancak {NAME} dedi."
    )


def test_a_username_already_masked_does_not_leave_the_surname() -> None:
    text = "Merhaba, ben Zeynep Kaya.\nSaygılarımla,\nZeynep Kaya"
    assert mask(text, names=["Zeynep"]) == f"Merhaba, ben {NAME}.\nSaygılarımla,\n{NAME}"


def test_counts_every_kind_in_one_text() -> None:
    text = (
        f"Adım Can Ak. Tel 0532 418 27 65, e-posta can@example.com, TC {VALID_TCKN}, "
        f"IBAN {SPACED_IBAN}."
    )
    masked = mask_personal_data(text)
    assert masked.counts == {NAME: 1, PHONE: 1, EMAIL: 1, TCKN: 1, IBAN: 1}
    assert not any(digit in masked.text for digit in "0123456789")
