import pytest

from signals.classify import CueClassifier
from signals.lexicon import load_taxonomy


@pytest.fixture(scope="module")
def classifier() -> CueClassifier:
    return CueClassifier(load_taxonomy())


def types(classifier: CueClassifier, text: str, lang: str) -> dict[str, float]:
    return {hit.type: hit.probability for hit in classifier.classify(text, lang)}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Şirket konkordato ilan etti.", "tr", "insolvency"),
        ("Firma hakkında iflas kararı verildi.", "tr", "insolvency"),
        ("Rekabet Kurulu şirkete 12 milyon lira idari para cezası verdi.", "tr", "fine"),
        ("Şirket hakkında dava açıldı.", "tr", "lawsuit"),
        ("Aylardır param iade edilmedi.", "tr", "refund_problem"),
        ("Şirket Gebze'de 50 dönüm arsa satın aldı.", "tr", "land_purchase"),
        ("Şirket yatırım teşvik belgesi aldı.", "tr", "incentive"),
        (
            "Fabrikada yeni üretim hattı devreye girdi ve kapasite artışı sağlandı.",
            "tr",
            "capacity_increase",
        ),
        ("Şirket 500 milyon liralık yatırım yapacak.", "tr", "investment_statement"),
        ("Şirket genel müdürlük binasını satışa çıkardı.", "tr", "asset_sale"),
        ("Şirket yeni buluşu için patent aldı.", "tr", "patent"),
        ("The company filed for Chapter 11 bankruptcy protection.", "en", "insolvency"),
        ("The regulator fined the bank $5 million.", "en", "fine"),
        ("Shareholders sued the company over the merger.", "en", "lawsuit"),
        ("The company was granted a patent for its battery design.", "en", "patent"),
        ("It plans to invest $2 billion in a new plant.", "en", "investment_statement"),
        ("The group agreed to sell its stake in the joint venture.", "en", "asset_sale"),
    ],
)
def test_cues_in_both_languages(
    classifier: CueClassifier, text: str, lang: str, expected: str
) -> None:
    found = types(classifier, text, lang)
    assert expected in found
    assert found[expected] >= 0.5


def test_cue_with_turkish_capital_i_is_folded(classifier: CueClassifier) -> None:
    assert "insolvency" in types(classifier, "ŞİRKET İFLAS ETTİ.", "tr")


def test_denial_lowers_the_probability(classifier: CueClassifier) -> None:
    assert types(classifier, "Şirket iflas iddialarını yalanladı.", "tr")["insolvency"] < 0.5
    assert (
        types(classifier, "The company denied it had filed for bankruptcy.", "en")["insolvency"]
        < 0.5
    )


def test_negation_stays_in_its_sentence(classifier: CueClassifier) -> None:
    found = types(classifier, "Söylentiler yalanlandı. Şirket konkordato ilan etti.", "tr")
    assert found["insolvency"] >= 0.5


def test_evidence_sentence_is_the_cue_sentence(classifier: CueClassifier) -> None:
    (hit,) = classifier.classify(
        "Hava güzeldi. Şirket konkordato ilan etti. Başka haber yok.", "tr"
    )
    assert hit.sentence == "Şirket konkordato ilan etti."


def _asserted(classifier: CueClassifier, text: str, lang: str = "tr") -> set[str]:
    return {h.type for h in classifier.classify(text, lang) if not h.negated}


def test_turkish_verb_forms_that_do_not_assert_the_event(classifier: CueClassifier) -> None:
    assert _asserted(classifier, "Şirket 100 milyon liralık yatırım yapacak.") == {
        "investment_statement"
    }
    assert _asserted(classifier, "Firma geçen yıl fabrikaya yatırım yapmış.") == {
        "investment_statement"
    }
    for text in (
        "Türkiye'nin notu yatırım yapılabilir seviyeye yükseldi.",  # only possible
        "Yatırım yapmak isteyenler için yeni fırsatlar var.",  # the act talked about
        "Şirket bu yıl yatırım yapmadı.",  # negated
        "Temel atma törenlerinde hep yanımızdaydı.",  # verbal noun
    ):
        assert "investment_statement" not in _asserted(classifier, text), text


def test_allegations_doubt_other_types_but_not_lawsuits(classifier: CueClassifier) -> None:
    text = "Şirketin fabrikasını sattığı iddia edildi."
    assert "asset_sale" not in _asserted(classifier, text)
    lawsuit = "Rüşvet iddiasıyla şirket hakkında dava açıldı."
    assert "lawsuit" in _asserted(classifier, lawsuit)
    indictment = "Savcılığın iddianamesinde şirket de yer aldı."  # iddianame is not iddia
    assert "lawsuit" in _asserted(classifier, indictment)


def test_buying_is_not_selling(classifier: CueClassifier) -> None:
    assert "asset_sale" not in _asserted(classifier, "Holding borsada hisse satın aldı.")
    assert "asset_sale" in _asserted(classifier, "Holding iştirakindeki hisselerini sattı.")


def test_brink_of_bankruptcy_is_not_insolvency(classifier: CueClassifier) -> None:
    assert "insolvency" not in _asserted(classifier, "Firma iflasın eşiğine geldi.")
    assert "insolvency" not in _asserted(classifier, "It is on the brink of bankruptcy.", "en")
    assert "insolvency" in _asserted(classifier, "Firma iflas etti.")


def test_putting_up_for_sale_needs_an_asset(classifier: CueClassifier) -> None:
    assert "asset_sale" in _asserted(classifier, "Şirket genel merkez binasını satışa çıkardı.")
    assert "asset_sale" in _asserted(classifier, "Holding otelini yeniden satışa çıkardı.")
    product = "Balları kavanozlara koyarak satışa çıkaracağız."
    assert "asset_sale" not in _asserted(classifier, product)


def test_english_cues_that_name_no_event(classifier: CueClassifier) -> None:
    for text, absent in (
        ("AbbVie will present studies on two investigational treatments.", "lawsuit"),
        ("Ford is investing heavily in new technologies.", "investment_statement"),
        ("Goldman earned a higher yield on its loan portfolio.", "asset_sale"),
    ):
        assert absent not in _asserted(classifier, text, "en"), text
    assert "lawsuit" in _asserted(classifier, "The SEC opened an investigation into Acme.", "en")


def test_commissioning_and_new_facilities_are_capacity(classifier: CueClassifier) -> None:
    assert "capacity_increase" in _asserted(classifier, "Şirket Samsun santralini devreye aldı.")
    assert "capacity_increase" not in _asserted(classifier, "Santral henüz devreye alınmadı.")
    english = "Facebook is expanding its U.K. headquarters in London."
    assert "capacity_increase" in _asserted(classifier, english, "en")


def test_new_words_keep_the_attributes_the_rules_read(classifier: CueClassifier) -> None:
    # The vocabulary computes only the attributes the rules read, for every unseen word.
    doc = classifier.parse("Zorlubaştepe Fabrikası 2027'de açıldı", "tr")
    first, second = doc[0], doc[1]
    assert (first.lower_, first.is_title, first.is_alpha) == ("zorlubaştepe", True, True)
    assert second.norm_ == "fabrika"  # the cue stem
    assert not doc[2].is_alpha
    assert classifier.parse("Opened in Qwertyville", "en")[2].is_title
