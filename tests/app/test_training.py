"""`radar train` lets the model re-weigh only the types where that beat the rules."""

from app.training import types_the_model_improves
from signals import textcat
from signals.textcat import Sentence
from tests.signals.test_textcat import TRAIN


def test_a_type_is_trusted_only_where_the_model_helped() -> None:
    model = textcat.train(TRAIN, {"insolvency", "fine"})
    held = [
        Sentence("Firma konkordato ilan etti.", frozenset({"insolvency"})),
        # A cue the rules take and the model, having seen such sentences, does not.
        Sentence("Konkordato kelimesinin sözlükteki anlamı nedir?", frozenset()),
    ]
    assert types_the_model_improves(model, held, "tr") == {"insolvency"}
    # Nothing the rules hit: no evidence either way, so the model stays out.
    assert types_the_model_improves(model, [Sentence("Hava güzel.", frozenset())], "tr") == set()


def test_the_saved_choice_limits_what_the_model_reweighs() -> None:
    model = textcat.train(TRAIN, {"insolvency"})
    restricted = textcat.SentenceModel(model.pipeline, model.types, model.meta | {"trusted": []})
    assert model.trusted == {"insolvency"} and restricted.trusted == frozenset()
