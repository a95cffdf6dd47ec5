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
    # Words a text drops go too (data/legal_forms.yml): "Fitch Ratings" → Fitch.
    assert strip_legal_forms(words("Boot Barn Holdings, Inc.")) == ["boot", "barn"]
    assert strip_legal_forms(words("FITCH RATINGS, INC.")) == ["fitch"]
    assert strip_legal_forms(words("PJSC SBERBANK")) == ["sberbank"]
    assert strip_legal_forms(words("OMV AKTIENGESELLSCHAFT")) == ["omv"]
    assert strip_legal_forms(words("Deutsche Bank AG")) == ["deutsche", "bank"]


def test_match_form_keeps_length_and_only_word_characters() -> None:
    from signals.normalize import match_form

    text = "Toyota\x92nın “Aselsan’ın” ‘Koç’ A.Ş.'nin Straße — İŞBANK"
    prepared = match_form(text)
    assert len(prepared) == len(text)
    assert set(prepared) <= set("abcdefghijklmnopqrstuvwxyz0123456789'& ")
    assert prepared.split() == [
        "toyota'nin",
        "aselsan'in",
        "koc'",
        "a",
        "s",
        "'nin",
        "strase",
        "isbank",
    ]
    assert match_form("Procter & Gamble, AT&T") == "procter & gamble  at&t"


def test_fold_keeps_length_for_every_character() -> None:
    sample = "".join(chr(c) for c in range(32, 0x3000) if not 0xD800 <= c < 0xE000)
    assert len(fold(sample)) == len(sample)


def test_issue_legal_forms_are_all_known() -> None:
    from signals.normalize import legal_forms

    known = set(legal_forms())
    for form in (
        "A.Ş.", "AŞ", "Anonim Şirketi", "Anonim Ortaklığı", "Ltd. Şti.", "Limited Şirketi",
        "San. ve Tic.", "Sanayi ve Ticaret", "Holding", "T.A.Ş.", "Koll. Şti.", "Inc.",
        "Corp.", "LLC", "Ltd", "PLC", "GmbH", "AG", "S.A.", "N.V.", "S.p.A.",
    ):  # fmt: skip
        assert tuple(words(form)) in known, form


def test_connectors_and_name_keys() -> None:
    from signals.normalize import connector_variants, name_key

    assert name_key("Procter and Gamble Co") == name_key("PROCTER & GAMBLE COMPANY")
    assert name_key("Koç Holding A.Ş.") == "koc"
    assert connector_variants(["procter", "&", "gamble"]) == [
        ["procter", "&", "gamble"],
        ["procter", "and", "gamble"],
        ["procter", "ve", "gamble"],
    ]
    assert strip_legal_forms(words("Ford Motor Co. SA")) == ["ford"]
    assert strip_legal_forms(words("AB Volvo")) == ["ab", "volvo"]  # forms go from the end
