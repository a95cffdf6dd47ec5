"""A complaint's refund problem told in a sentence that names no company goes to the
complaint's subject: the company its title names, else the one it names most (the first
named on a tie). Texts are hand-written."""

from signals.classify import CueClassifier, CueHit
from signals.pipeline import _complaint_subject
from signals.sentences import sentence_starts
from tests.signals.mentions import mentions_of

TITLE_NAMES_ONE = (
    "Garanti Bankası Kart Ücretini İade Etmiyor.\n"
    "Akbank kartımla ödeme yaptım, sonra Garanti Bankası kartımdan aidat kesildi. "
    "İtiraz ettim ama param hâlâ iade edilmedi."
)
TITLE_NAMES_NONE = (
    "ATM Paramı Yuttu.\n"
    "Ziraat Bankası ATM'sine Halkbank kartımla para yatırdım. Ziraat Bankası şubesi "
    "kamera kayıtlarına bakacağını söyledi, Ziraat Bankası çağrı merkezi de aynısını. "
    "Aradan bir ay geçti, param hâlâ iade edilmedi."
)


def last_refund_cue(classifier: CueClassifier, text: str) -> CueHit:
    return [h for h in classifier.classify(text, "tr") if h.type == "refund_problem"][-1]


def owner(classifier: CueClassifier, text: str, names: dict[str, int]) -> set[int]:
    hits = mentions_of(text, names)
    cue = last_refund_cue(classifier, text)
    starts = sentence_starts(text)
    return {mention.company_id for mention, _ in _complaint_subject(cue, hits, starts)}


def test_the_company_the_title_names(classifier: CueClassifier) -> None:
    assert owner(classifier, TITLE_NAMES_ONE, {"Garanti Bankası": 1, "Akbank": 2}) == {1}


def test_else_the_company_named_most(classifier: CueClassifier) -> None:
    text = TITLE_NAMES_NONE
    hits = mentions_of(text, {"Ziraat Bankası": 1, "Halkbank": 2})
    second = text.index("Ziraat Bankası", hits[0].end)
    third = text.index("Ziraat Bankası", second + 1)
    hits += [
        hits[0].__class__(1, at, at + 14, "Ziraat Bankası", "legal", 0.9, "test")
        for at in (second, third)
    ]
    cue = last_refund_cue(classifier, text)
    found = _complaint_subject(cue, hits, sentence_starts(text))
    assert {mention.company_id for mention, _ in found} == {1}


def test_a_sentence_naming_a_company_keeps_its_own_attribution(
    classifier: CueClassifier,
) -> None:
    text = "Banka Cevap Vermiyor.\nAkbank param iade edilmedi dedi."
    assert owner(classifier, text, {"Akbank": 2}) == set()
