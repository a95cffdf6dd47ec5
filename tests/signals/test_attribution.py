"""Which company a cue belongs to: roles (defendant, seller) and lists."""

import pytest

from signals.attribution import attribute
from signals.classify import CueClassifier, CueHit
from tests.signals.mentions import mentions_of


def _owners(classifier: CueClassifier, text: str, names: dict[str, int], lang: str) -> set[int]:
    (hit,) = [h for h in classifier.classify(text, lang) if h.type == "lawsuit"]
    return {m.company_id for m, _ in attribute(hit, mentions_of(text, names), None, text, lang)}


@pytest.mark.parametrize(
    ("text", "defendants"),
    [
        ("Arçelik, Vestel'e patent ihlali nedeniyle dava açtı.", {2}),  # dative = defendant
        ("Rekabet Kurulu, Arçelik hakkında soruşturma başlattı.", {1}),
        ("Arçelik ve Vestel hakkında dava açıldı.", {1, 2}),  # a list shares the cue
        ("Savcılık; Arçelik, Vestel ve Beko hakkında dava açtı.", {1, 2, 3}),
    ],
)
def test_turkish_lawsuit_goes_to_the_defendants(
    classifier: CueClassifier, text: str, defendants: set[int]
) -> None:
    names = {"Arçelik": 1, "Vestel": 2, "Beko": 3}
    assert _owners(classifier, text, {n: c for n, c in names.items() if n in text}, "tr") == (
        defendants
    )


@pytest.mark.parametrize(
    ("text", "defendants"),
    [
        ("Qualcomm sued Apple over royalty payments.", {2}),  # active: the object
        ("Apple was sued by Qualcomm over royalties.", {2}),  # passive: the subject
        ("Regulators filed a lawsuit against Apple and Qualcomm.", {1, 2}),
    ],
)
def test_english_lawsuit_goes_to_the_defendants(
    classifier: CueClassifier, text: str, defendants: set[int]
) -> None:
    names = {"Qualcomm": 1, "Apple": 2}
    assert _owners(classifier, text, names, "en") == defendants


def test_the_buyer_gets_no_asset_sale(classifier: CueClassifier) -> None:
    text = "Koç Holding, iştirakindeki hisselerini Sabancı'ya sattı."
    (hit,) = [h for h in classifier.classify(text, "tr") if h.type == "asset_sale"]
    mentions = mentions_of(text, {"Koç Holding": 1, "Sabancı": 2})
    assert [m.company_id for m, _ in attribute(hit, mentions, None, text, "tr")] == [1]


def test_companies_listed_as_subject_share_the_signal() -> None:
    text = "Ford ve Tofaş yeni fabrika kuracak."
    hit = CueHit("investment_statement", "investment", 0.65, "yeni fabrika", 14, text, 0,
                 len(text), False)  # fmt: skip
    owners = attribute(hit, mentions_of(text, {"Ford": 1, "Tofaş": 2}), None, text, "tr")
    assert {m.company_id for m, _ in owners} == {1, 2}


def test_english_seller_is_named_before_the_selling_verb(classifier: CueClassifier) -> None:
    text = "Abbott spun off AbbVie as a separate company."
    (hit,) = [h for h in classifier.classify(text, "en") if h.type == "asset_sale"]
    mentions = mentions_of(text, {"Abbott": 1, "AbbVie": 2})
    assert [m.company_id for m, _ in attribute(hit, mentions, None, text, "en")] == [1]


def test_the_english_buyer_after_to_gets_no_asset_sale(classifier: CueClassifier) -> None:
    text = "The sale of the paper unit to Globex was completed by Acme on Friday."
    (hit,) = [h for h in classifier.classify(text, "en") if h.type == "asset_sale"]
    mentions = mentions_of(text, {"Acme": 1, "Globex": 2})
    assert [m.company_id for m, _ in attribute(hit, mentions, None, text, "en")] == [1]
