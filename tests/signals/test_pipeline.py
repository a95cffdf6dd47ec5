import pytest
from sqlmodel import Session, select

from signals.classify import CueClassifier
from signals.lexicon import load_taxonomy
from signals.models import Mention, Signal
from signals.pipeline import build_index, process
from tests.factories import NOW, make_company, make_document


@pytest.fixture(scope="module")
def classifier() -> CueClassifier:
    return CueClassifier(load_taxonomy())


def run(session: Session, classifier: CueClassifier) -> None:
    process(session=session, now=NOW, classifier=classifier, index=build_index(session))


def test_links_classifies_scores_and_keeps_evidence(
    session: Session, classifier: CueClassifier
) -> None:
    company = make_company(session)
    make_document(
        session,
        "Tüpraş'ın Kocaeli rafinerisi için konkordato talebi mahkemeye sunuldu. Hava güneşliydi.",
        title="Rafineride kriz",
    )
    run(session, classifier)
    (mention,) = session.exec(select(Mention)).all()
    assert mention.company_id == company.id and mention.surface == "Tüpraş"
    (signal,) = session.exec(select(Signal)).all()
    assert (signal.type, signal.kind) == ("insolvency", "distress")
    assert signal.evidence.startswith("Tüpraş'ın Kocaeli rafinerisi için konkordato")
    assert set(signal.factors) == {
        "type_weight",
        "probability",
        "link_confidence",
        "source_reliability",
        "novelty",
        "corroboration",
        "exposure",
    }
    product = 1.0
    for value in signal.factors.values():
        product *= value
    assert signal.score == pytest.approx(product, abs=1e-3)


def test_rerun_changes_nothing(session: Session, classifier: CueClassifier) -> None:
    make_company(session)
    document = make_document(session, "Tüpraş 2 milyar liralık yatırım yapacak.")
    run(session, classifier)
    document.processed_at = None  # force the same document through again
    session.add(document)
    run(session, classifier)
    assert len(session.exec(select(Signal)).all()) == 1
    assert len(session.exec(select(Mention)).all()) == 1


def test_signal_goes_to_the_company_the_sentence_is_about(
    session: Session, classifier: CueClassifier
) -> None:
    tupras = make_company(session)
    aselsan = make_company(
        session,
        crm_id="C2",
        legal_name="ASELSAN ELEKTRONİK SANAYİ VE TİCARET A.Ş.",
        aliases=[],
        ticker="ASELS",
    )
    make_document(session, "Aselsan yeni bir fabrika kuracak. Tüpraş ise konkordato ilan etti.")
    run(session, classifier)
    got = {(s.company_id, s.type) for s in session.exec(select(Signal)).all()}
    assert got == {(aselsan.id, "investment_statement"), (tupras.id, "insolvency")}


def test_denied_event_is_no_signal(session: Session, classifier: CueClassifier) -> None:
    make_company(session)
    make_document(session, "Tüpraş iflas iddialarını kesin bir dille yalanladı.")
    run(session, classifier)
    assert session.exec(select(Signal)).all() == []


def test_more_sources_raise_the_score(session: Session, classifier: CueClassifier) -> None:
    make_company(session)
    one = make_document(session, "Tüpraş konkordato ilan etti.", sources=1)
    three = make_document(session, "Tüpraş'a haciz geldi, konkordato süreci başladı.", sources=3)
    run(session, classifier)
    by_doc = {s.document_id: s for s in session.exec(select(Signal)).all()}
    assert by_doc[three.id].factors["corroboration"] > by_doc[one.id].factors["corroboration"]
