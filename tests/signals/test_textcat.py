from pathlib import Path

from signals import textcat
from signals.classify import CueClassifier
from signals.lexicon import load_taxonomy
from signals.textcat import Sentence

INSOLVENT = [
    "Şirket konkordato ilan etti ve alacaklılarla görüşüyor.",
    "Firma hakkında iflas kararı verildi.",
    "Borçlarını ödeyemeyen şirket konkordato talep etti.",
    "Tekstil firması iflas başvurusunda bulundu.",
]
NOTHING = [
    "Hava bugün güneşli olacak.",
    "Maçı ev sahibi takım kazandı.",
    "Yeni sezonda bilet fiyatları değişmedi.",
    "Futbolcu iflasın eşiğindeki kulübe transfer olmadı.",
    "Konkordato kelimesinin sözlükteki anlamı nedir?",
    "İflas kelimesi sözlükte hangi anlama gelir?",
]
TRAIN = [Sentence(t, frozenset({"insolvency"})) for t in INSOLVENT] * 12 + [
    Sentence(t, frozenset()) for t in NOTHING
] * 12


def test_train_save_load_and_predict(tmp_path: Path) -> None:
    model = textcat.train(TRAIN, {"insolvency", "fine"})
    model.save(textcat.model_path("tr", tmp_path))
    loaded = textcat.load("tr", tmp_path)
    assert loaded is not None
    sure, unsure = loaded.probabilities(["Şirket konkordato ilan etti.", "Maçı takım kazandı."])
    assert sure["insolvency"] > 0.5 > unsure["insolvency"]
    assert textcat.evaluate(loaded, TRAIN[:8])["f1"] == 1.0
    assert textcat.load("en", tmp_path) is None
    assert loaded.trusted == {"insolvency"}  # 48 positives; "fine" had none


def test_a_stale_model_file_means_rules_alone(tmp_path: Path) -> None:
    textcat.model_path("tr", tmp_path).write_bytes(b"not a model")
    assert textcat.load("tr", tmp_path) is None


def test_training_is_reproducible() -> None:
    first = textcat.train(TRAIN, {"insolvency"})
    second = textcat.train(TRAIN, {"insolvency"})
    text = ["Firma iflas etti."]
    assert first.probabilities(text) == second.probabilities(text)


def test_model_reweighs_rule_hits() -> None:
    model = textcat.train(TRAIN, {"insolvency"})
    rules = CueClassifier(load_taxonomy())
    with_model = CueClassifier(load_taxonomy(), {"tr": model})
    typical = "Borçlarını ödeyemeyen şirket konkordato talep etti."
    (rule_hit,) = rules.classify(typical, "tr")
    (model_hit,) = with_model.classify(typical, "tr")
    assert model_hit.model_probability is not None and model_hit.model_probability > 0.5
    assert model_hit.probability > rule_hit.probability
    odd = "Konkordato kelimesi sözlükte ne anlama gelir?"  # like the negatives it saw
    (odd_hit,) = with_model.classify(odd, "tr")
    assert odd_hit.probability < rules.classify(odd, "tr")[0].probability


def test_committed_models_load() -> None:
    for lang in ("tr", "en"):
        model = textcat.load(lang)
        assert model is not None and model.meta["lang"] == lang
        assert model.trusted and model.trusted <= set(model.meta["trusted"])
