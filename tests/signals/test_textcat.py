from pathlib import Path

from signals import textcat
from signals.classify import CueClassifier
from signals.lexicon import load_taxonomy
from signals.textcat import Sentence

TRAIN = [
    Sentence("Şirket konkordato ilan etti ve alacaklılarla görüşüyor.", frozenset({"insolvency"})),
    Sentence("Firma hakkında iflas kararı verildi.", frozenset({"insolvency"})),
    Sentence("Borçlarını ödeyemeyen şirket konkordato talep etti.", frozenset({"insolvency"})),
    Sentence(
        "Borçlarını ödeyemeyen şirket alacaklılarla masaya oturdu.", frozenset({"insolvency"})
    ),
    Sentence("Hava bugün güneşli olacak.", frozenset()),
    Sentence("Maçı ev sahibi takım kazandı.", frozenset()),
    Sentence("Yeni sezonda bilet fiyatları değişmedi.", frozenset()),
] * 5


def test_train_save_load_and_predict(tmp_path: Path) -> None:
    nlp = textcat.train(TRAIN, "tr", {"insolvency", "fine"}, epochs=6)
    nlp.to_disk(tmp_path / "textcat_tr")
    loaded = textcat.load("tr", tmp_path)
    assert loaded is not None
    sure = loaded("Şirket konkordato ilan etti.").cats["insolvency"]
    unsure = loaded("Maçı ev sahibi takım kazandı.").cats["insolvency"]
    assert sure > 0.5 > unsure
    assert textcat.evaluate(loaded, TRAIN[:6])["f1"] == 1.0
    assert textcat.load("en", tmp_path) is None


def test_training_is_reproducible() -> None:
    first = textcat.train(TRAIN, "tr", {"insolvency"}, epochs=2)
    second = textcat.train(TRAIN, "tr", {"insolvency"}, epochs=2)
    text = "Firma iflas etti."
    assert first(text).cats == second(text).cats


def test_model_adds_what_rules_miss() -> None:
    model = textcat.train(TRAIN, "tr", {"insolvency"}, epochs=6)
    with_model = CueClassifier(load_taxonomy(), {"tr": model})
    text = "Borçlarını ödeyemeyen şirket konkordato talep etti."
    assert [h.type for h in with_model.classify(text, "tr")] == ["insolvency"]  # the rule
    no_cue = "Borçlarını ödeyemeyen şirket alacaklılarla masaya oturdu."
    assert CueClassifier(load_taxonomy()).classify(no_cue, "tr") == []  # rules see nothing
    (found,) = with_model.classify(no_cue, "tr")
    assert (found.type, found.cue) == ("insolvency", "(model)") and found.probability >= 0.5
