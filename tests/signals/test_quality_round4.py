"""Fourth quality round (own sentences, not eval texts): another proper noun as the topic of
a Turkish sentence keeps an investment or a sale from another sentence's company, unless it
is a person; companies in general ("firmalara ceza") are nobody's; demands are no decisions;
a company's founding, its people's development and an anniversary of production are no
investment or new capacity; an English expansion project is a plan."""

from functools import partial

import pytest

from signals.classify import CueClassifier
from tests.signals.mentions import asserted_types, signal_owners

_owners = partial(signal_owners, asserted_only=True, previous_sentence=True)


COMPANY = {"Akdeniz Kimya": 1}


@pytest.mark.parametrize(
    "text",
    [
        "Akdeniz Kimya yeni tesisini açtı. Borvex, bölgedeki iki şirkete yüzde 15 hisse sattı.",
        "Akdeniz Kimya geçen ay teklif aldı. Norveç'in enerji şirketi Statkor, limandaki "
        "yüzde 40 hissesini satışa çıkardı.",
    ],
)
def test_another_proper_noun_as_topic_keeps_the_sale(classifier: CueClassifier, text: str) -> None:
    assert _owners(classifier, text, COMPANY, "asset_sale") == set()


def test_another_proper_noun_as_topic_keeps_the_investment(classifier: CueClassifier) -> None:
    text = "Akdeniz Kimya büyümeyi sürdürüyor. Velmora, Manisa'ya 80 milyon lira yatırım yapacak."
    assert _owners(classifier, text, COMPANY, "investment_statement") == set()


@pytest.mark.parametrize(
    "text",
    [
        # a surname used alone after the full name
        "Akdeniz Kimya Yönetim Kurulu Başkanı Selim Toprakçıoğlu basına konuştu. "
        "Toprakçıoğlu, Manisa'ya 200 milyon lira yatırım yapacaklarını söyledi.",
        # a title before the name
        "Akdeniz Kimya büyümeyi sürdürüyor. Genel Müdür Karakulak, Manisa'ya 200 milyon "
        "lira yatırım yapacaklarını söyledi.",
        # an ordinary word before the comma
        "Akdeniz Kimya büyümeyi sürdürüyor. Ayrıca, Manisa'ya 200 milyon lira yatırım yapacak.",
    ],
)
def test_a_person_or_a_word_as_topic_keeps_the_fallback(
    classifier: CueClassifier, text: str
) -> None:
    assert _owners(classifier, text, COMPANY, "investment_statement") == {1}


def test_an_authority_as_topic_still_fines_the_company(classifier: CueClassifier) -> None:
    text = "Akdeniz Kimya denetlendi. Valmark, şirkete 2 milyon lira para cezası verdi."
    assert _owners(classifier, text, COMPANY, "fine") == {1}


def test_companies_in_general_are_nobodys(classifier: CueClassifier) -> None:
    text = (
        "Akdeniz Kimya fuarda yeni ürünlerini tanıttı. Denetimlerde firmalara toplam "
        "4 milyon lira para cezası kesildi."
    )
    assert _owners(classifier, text, COMPANY, "fine") == set()
    singular = "Akdeniz Kimya denetlendi. Denetimde şirkete 4 milyon lira para cezası kesildi."
    assert _owners(classifier, singular, COMPANY, "fine") == {1}


@pytest.mark.parametrize(
    ("text", "signal_type"),
    [
        (
            "Regulators are demanding that Globex divest its cable unit before the deal.",
            "asset_sale",
        ),
        ("Shareholders urged Globex to sell its stake in the venture.", "asset_sale"),
        (
            "Activists called on Initech to invest $2 billion in its refineries.",
            "investment_statement",
        ),
    ],
)
def test_english_demands_are_no_decisions(
    classifier: CueClassifier, text: str, signal_type: str
) -> None:
    assert signal_type not in asserted_types(classifier, text, "en")


def test_english_decided_sale_still_counts(classifier: CueClassifier) -> None:
    assert "asset_sale" in asserted_types(
        classifier, "Globex agreed to divest its cable unit.", "en"
    )
    assert "asset_sale" in asserted_types(classifier, "Globex sold its stake in the venture.", "en")


def test_english_expansion_project_is_a_plan(classifier: CueClassifier) -> None:
    types = asserted_types(
        classifier, "Globex said its pipeline expansion project is on track.", "en"
    )
    assert "investment_statement" in types
    assert "capacity_increase" not in types


@pytest.mark.parametrize(
    ("text", "signal_type"),
    [
        (
            "İzmir'de 1968 yılında temelleri atılan Akdeniz Kimya bugün 40 ülkeye satıyor.",
            "investment_statement",
        ),
        (
            "Akdeniz Kimya çalışanlarının gelişimine yatırım yaptığını söyledi.",
            "investment_statement",
        ),
        ("Akdeniz Kimya Manisa'da üretime geçmesinin 25. yılını kutladı.", "capacity_increase"),
    ],
)
def test_history_people_and_anniversaries_are_no_investment(
    classifier: CueClassifier, text: str, signal_type: str
) -> None:
    assert signal_type not in asserted_types(classifier, text, "tr")


def test_groundbreaking_and_new_production_still_count(classifier: CueClassifier) -> None:
    assert "investment_statement" in asserted_types(
        classifier, "Akdeniz Kimya yeni fabrikasının temelini attı.", "tr"
    )
    assert "capacity_increase" in asserted_types(
        classifier, "Akdeniz Kimya Manisa'daki yeni tesisinde üretime başladı.", "tr"
    )


def test_a_second_cue_in_another_clause_names_its_own_company(classifier: CueClassifier) -> None:
    text = (
        "Kappa Enerji geçen ay Lambda Maden'e karşı bir davayı kaybetti, Sigma Yapı'ya karşı "
        "ise mart ayında açtığı davayı kazandı."
    )
    names = {"Kappa Enerji": 1, "Lambda Maden": 2, "Sigma Yapı": 3}
    assert _owners(classifier, text, names, "lawsuit") == {2, 3}
