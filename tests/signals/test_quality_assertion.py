"""Second quality round: verb forms that do not assert a cue, refund problems made of
negated verbs, per-type exclusion phrases, roles in the previous sentence, English court
cues (own sentences, not eval texts)."""

import pytest

from signals.attribution import attribute
from signals.classify import CueClassifier
from signals.lexicon import load_taxonomy
from signals.matching import NameHit
from tests.signals.mentions import type_assertions


@pytest.fixture(scope="module")
def classifier() -> CueClassifier:
    return CueClassifier(load_taxonomy())


@pytest.mark.parametrize(
    "text",
    [
        "Yönetim, bölgeye yeni bir yatırım yapmasın diye şirketi uyardı.",
        "Kurul, holdinge tesise yatırım yapmasınlar diye yazı gönderdi.",
    ],
)
def test_negative_optative_does_not_assert(classifier: CueClassifier, text: str) -> None:
    assert type_assertions(classifier, text).get("investment_statement") is False


@pytest.mark.parametrize(
    "text",
    [
        "Yönetim kurulu, şirketin Manisa'ya yatırım yapmasına karar verdi.",
        "Genel kurul, fabrikaya yatırım yapmasını onayladı.",
    ],
)
def test_verbal_noun_with_a_case_suffix_asserts(classifier: CueClassifier, text: str) -> None:
    assert type_assertions(classifier, text).get("investment_statement") is True


@pytest.mark.parametrize(
    "text",
    [
        # an obligation, an expectation, a negation after a cue that ends in the noun
        "Yeni modeller için 30 milyon liralık ek yatırım daha yapmamız gerekiyor.",
        "Grubun gelecek yıl 2 milyar liralık yatırım yapması bekleniyor.",
        "Şirket geçen yıl 80 milyon dolarlık yatırım yapmadı.",
        "Holding bu bölgede 40 milyon avroluk yatırım gerçekleştirmeyecek.",
    ],
)
def test_a_light_verb_after_a_noun_cue_can_withhold_it(
    classifier: CueClassifier, text: str
) -> None:
    assert type_assertions(classifier, text).get("investment_statement") is False


@pytest.mark.parametrize(
    "text",
    [
        "Şirket Kayseri'ye 120 milyon liralık yatırım yapacak.",
        "Holding geçen yıl 50 milyon dolarlık yatırım yaptı.",
        "Şirket bölgeye yatırım yapmaya devam ediyor.",
        "Yönetim kurulu Adana'da yatırım yapma kararı aldı.",
    ],
)
def test_finite_and_continued_investment_is_asserted(classifier: CueClassifier, text: str) -> None:
    assert type_assertions(classifier, text).get("investment_statement") is True


def test_refund_problem_is_not_doubted_by_negation() -> None:
    assert load_taxonomy().types["refund_problem"].negation_doubts is False
    assert load_taxonomy().types["lawsuit"].negation_doubts is True


@pytest.mark.parametrize(
    "text",
    [
        # a negation word elsewhere in the complaint
        "Kargoya verdiğim ürünün ücret iadesi yapılmadı, firma sorumlu olmadığını söylüyor.",
        "İade alamıyorum, verilen bilgiler doğru değil.",
        # the negated light verb after the cue is the event itself
        "Mağaza üç aydır paramı iade etmiyor.",
    ],
)
def test_a_refund_not_made_stays_a_refund_problem(classifier: CueClassifier, text: str) -> None:
    assert type_assertions(classifier, text).get("refund_problem") is True


def test_a_rumoured_refund_problem_is_still_doubted(classifier: CueClassifier) -> None:
    text = "Firmanın para iadesi yapılmadığı iddiası sosyal medyada yayıldı."
    assert type_assertions(classifier, text).get("refund_problem") is False


@pytest.mark.parametrize(
    ("text", "lang", "signal_type"),
    [
        ("Ülke geçen yıl 12 milyar dolarlık yabancı yatırım çekti.", "tr", "investment_statement"),
        (
            "Tasarruf sahipleri 3 milyar liralık yatırım araçlarına yöneldi.",
            "tr",
            "investment_statement",
        ),
        ('Mucit, "40 patentim var" diyerek söze başladı.', "tr", "patent"),
        ("The founder said his patent covers the folding hinge.", "en", "patent"),
        (
            "The region drew foreign direct investment of 4 billion in 2023.",
            "en",
            "investment_statement",
        ),
    ],
)
def test_exclusion_phrases_drop_the_cue(
    classifier: CueClassifier, text: str, lang: str, signal_type: str
) -> None:
    assert signal_type not in type_assertions(classifier, text, lang)


@pytest.mark.parametrize(
    "text",
    [
        # the company's own investment next to an excluded phrase
        "Yabancı yatırım ortamı zayıflarken şirket 90 milyon liralık yatırım yapacak.",
        # an exclusion phrase inside a company's name does not overlap the cue
        "Ege Gayrimenkul Yatırım Ortaklığı 100 milyon liralık yatırım yapacak.",
    ],
)
def test_exclusions_touch_only_the_cue_they_overlap(classifier: CueClassifier, text: str) -> None:
    assert type_assertions(classifier, text).get("investment_statement") is True


def _mention(text: str, name: str, company: int) -> NameHit:
    start = text.index(name)
    return NameHit(company, start, start + len(name), name, "legal", 0.9, "test")


def _owners_from_previous(
    classifier: CueClassifier, text: str, names: dict[str, int], signal_type: str, lang: str
) -> set[int]:
    second = text.index(". ") + 2
    (hit,) = [
        h
        for h in classifier.classify(text, lang)
        if h.type == signal_type and h.cue_start >= second
    ]
    mentions = [_mention(text, name, company) for name, company in names.items()]
    return {m.company_id for m, _ in attribute(hit, mentions, 0, text, lang)}


@pytest.mark.parametrize(
    ("text", "names", "signal_type", "lang", "owners"),
    [
        # the plaintiff of the previous sentence gets no lawsuit
        (
            "Kaya Tekstil, belediyeye iki kez dava açtı. İlk dava geçen ay reddedildi.",
            {"Kaya Tekstil": 1},
            "lawsuit",
            "tr",
            set(),
        ),
        # the defendant of the previous sentence does
        (
            "Savcılık, Kaya Tekstil hakkında inceleme başlattı. Soruşturma sürüyor.",
            {"Kaya Tekstil": 1},
            "lawsuit",
            "tr",
            {1},
        ),
        # the buyer of the previous sentence gets no asset sale
        (
            "The deal moves the brand to Globex Group. It sold the unit for 40 million.",
            {"Globex Group": 2},
            "asset_sale",
            "en",
            set(),
        ),
        (
            "Initech reviewed its brands. It sold the unit for 40 million.",
            {"Initech": 1},
            "asset_sale",
            "en",
            {1},
        ),
    ],
)
def test_previous_sentence_fallback_keeps_roles(
    classifier: CueClassifier,
    text: str,
    names: dict[str, int],
    signal_type: str,
    lang: str,
    owners: set[int],
) -> None:
    assert _owners_from_previous(classifier, text, names, signal_type, lang) == owners


@pytest.mark.parametrize(
    "text",
    [
        "A federal judge ruled that Acme must face the shareholders' claims.",
        "The state court ruled in favour of the drivers, not Acme.",
        "Regulators opened an inquiry into Acme's pricing of insulin.",
        "Acme faces criminal charges over the spill.",
        "The long-running antitrust price-fixing case against Acme resumes in May.",
        "Acme set aside 300 million for litigation over its talc products.",
    ],
)
def test_english_court_stories_without_a_filing_verb_are_lawsuits(
    classifier: CueClassifier, text: str
) -> None:
    assert type_assertions(classifier, text, "en").get("lawsuit") is True


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause puts the verb before the noun
        "Şirketin bu yıl fabrikaya yaptığı yatırım 40 milyon lirayı buldu.",
        "Holding, Bursa'daki tesisine gerçekleştireceği yatırımı açıkladı.",
        # an inflected noun before the light verb
        "Şirket Çanakkale'de rüzgâr enerjisi yatırımı yapıyor.",
    ],
)
def test_investment_told_in_a_relative_clause_or_inflected(
    classifier: CueClassifier, text: str
) -> None:
    assert type_assertions(classifier, text).get("investment_statement") is True
