from signals.normalize import fold, strip_legal_forms, words


def test_turkish_casing_and_ascii_folding_meet() -> None:
    assert fold("TÜPRAŞ") == fold("Tüpraş") == fold("Tupras") == "tupras"
    assert fold("İSTANBUL") == "istanbul"
    assert fold("ISPARTA") == "isparta"  # I → ı → i after folding


def test_fold_keeps_length_so_offsets_hold() -> None:
    text = "İŞBANK’ın ISI"
    assert len(fold(text)) == len(text)
    assert fold(text)[6] == "'"


def test_legal_forms_are_stripped() -> None:
    assert strip_legal_forms(words("ASELSAN ELEKTRONİK SANAYİ VE TİCARET A.Ş.")) == [
        "aselsan",
        "elektronik",
    ]
    assert strip_legal_forms(words("Arçelik Anonim Şirketi")) == ["arcelik"]
    assert strip_legal_forms(words("Boot Barn Holdings, Inc.")) == ["boot", "barn", "holdings"]
    assert strip_legal_forms(words("Deutsche Bank AG")) == ["deutsche", "bank"]
