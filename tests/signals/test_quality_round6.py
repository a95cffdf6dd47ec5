"""Sixth quality round (own sentences, not eval texts): a creditor that sells what a debtor
owes it ("alacağına karşılık … satışa çıkardı") is not the seller of its own asset, and a
sale through debt enforcement ("icradan satışa çıkarıldı") in a sentence naming no company
is no sale of a company named elsewhere."""

from functools import partial

import pytest

from signals.attribution import attribute
from signals.classify import CueClassifier
from tests.signals.mentions import mentions_of, signal_owners

_owners = partial(signal_owners, asserted_only=True)


@pytest.mark.parametrize(
    "text",
    [
        "Karanfil Bank, alacağına karşılık eski bir tekstil fabrikasını satışa çıkardı.",
        "Karanfil Bank'ın alacakları nedeniyle satışa çıkardığı otel yeniden ihaleye kondu.",
        "Karanfil Bank alacağı için debitörünün arsasını satışa çıkardı.",
    ],
)
def test_a_creditor_is_not_the_seller(classifier: CueClassifier, text: str) -> None:
    assert _owners(classifier, text, {"Karanfil Bank": 1}, "asset_sale") == set()


def test_a_seller_next_to_a_creditor_keeps_the_sale(classifier: CueClassifier) -> None:
    text = "Borvex Lojistik, Karanfil Bank'a olan borcu için fabrikasını satışa çıkardı."
    owners = signal_owners(
        classifier,
        text,
        {"Borvex Lojistik": 1, "Karanfil Bank": 2},
        "asset_sale",
        asserted_only=True,
    )
    assert owners == {1}


def test_an_enforced_sale_is_not_the_only_companys(classifier: CueClassifier) -> None:
    text = (
        "Karanfil Bank bu yıl kârını artırdı. Ünlü iş insanına ait otel icradan satışa çıkarıldı."
    )
    hits = [h for h in classifier.classify(text, "tr") if h.type == "asset_sale"]
    assert hits
    for hit in hits:
        assert attribute(hit, mentions_of(text, {"Karanfil Bank": 1}), None, text, "tr") == []


def test_a_companys_own_enforced_sale_still_counts(classifier: CueClassifier) -> None:
    text = "Borvex Lojistik zor günler geçiriyor. Şirketin fabrikası icradan satışa çıkarıldı."
    hits = [h for h in classifier.classify(text, "tr") if h.type == "asset_sale"]
    assert hits
    owners = {
        m.company_id
        for hit in hits
        for m, _ in attribute(hit, mentions_of(text, {"Borvex Lojistik": 1}), None, text, "tr")
    }
    assert owners == {1}
