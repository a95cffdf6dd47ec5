from datetime import timedelta

import pytest
from sqlmodel import Session, select

from alerts.models import Alert
from alerts.routing import RoutingRules
from alerts.service import route_pending
from signals.classify import CueClassifier
from signals.lexicon import load_taxonomy
from signals.pipeline import build_index, process
from tests.factories import NOW, make_company, make_document, make_source

RULES = RoutingRules(
    risk_team_email="risk@bank.example", distress_threshold=0.3, repeat_window=timedelta(hours=72)
)


@pytest.fixture(scope="module")
def classifier() -> CueClassifier:
    return CueClassifier(load_taxonomy())


def pipeline(session: Session, classifier: CueClassifier, now=NOW) -> None:  # type: ignore[no-untyped-def]
    process(session=session, now=now, classifier=classifier, index=build_index(session))
    route_pending(session=session, rules=RULES, now=now)


def alerts(session: Session) -> list[Alert]:
    return list(session.exec(select(Alert).order_by(Alert.id)).all())


def test_distress_goes_to_manager_and_risk_team(
    session: Session, classifier: CueClassifier
) -> None:
    make_company(session)
    make_document(session, "Tüpraş konkordato ilan etti.")
    pipeline(session, classifier)
    got = {(a.recipient, a.type, a.status) for a in alerts(session)}
    assert got == {
        ("ayse@bank.example", "insolvency", "new"),
        ("risk@bank.example", "insolvency", "new"),
    }


def test_investment_goes_to_manager_only(session: Session, classifier: CueClassifier) -> None:
    make_company(session)
    make_document(session, "Tüpraş 2 milyar liralık yatırım yapacak.")
    pipeline(session, classifier)
    assert [a.recipient for a in alerts(session)] == ["ayse@bank.example"]


def test_same_story_from_another_source_raises_not_duplicates(
    session: Session, classifier: CueClassifier
) -> None:
    make_company(session)
    first = make_document(session, "Tüpraş 2 milyar liralık yatırım yapacak.")
    second_source = make_source(session, "other")
    second = make_document(
        session, "Tüpraş 2 milyar liralık yatırım yapacak!", source=second_source
    )
    second.story_id = first.story_id  # syndicated copy: same story
    session.add(second)
    session.flush()
    pipeline(session, classifier)
    (alert,) = alerts(session)
    assert len(alert.signal_ids) == 2
    pipeline(session, classifier)  # rerun: nothing new
    assert len(alerts(session)) == 1


def test_repeat_within_window_is_suppressed_with_reason(
    session: Session, classifier: CueClassifier
) -> None:
    make_company(session)
    make_document(session, "Tüpraş 2 milyar liralık yatırım yapacak.")
    pipeline(session, classifier)
    make_document(session, "Tüpraş İzmir'de de 1 milyar liralık yatırım yapacak.")
    pipeline(session, classifier, now=NOW + timedelta(hours=5))
    first, second = alerts(session)
    assert first.status == "new"
    assert second.status == "suppressed"
    assert second.suppression_reason and "within 72h" in second.suppression_reason


def test_closed_relationship_suppressed_and_no_credit_offers_marked(
    session: Session, classifier: CueClassifier
) -> None:
    make_company(session, status="closed")
    make_company(
        session,
        crm_id="C2",
        legal_name="ASELSAN ELEKTRONİK SANAYİ VE TİCARET A.Ş.",
        aliases=[],
        ticker="ASELS",
        contact_preferences=["no_credit_offers"],
    )
    make_document(session, "Tüpraş 2 milyar liralık yatırım yapacak.")
    make_document(session, "Aselsan 1 milyar liralık yatırım yapacak.")
    pipeline(session, classifier)
    by_status = {(a.status, a.suppression_reason, tuple(a.marked)) for a in alerts(session)}
    assert by_status == {
        ("suppressed", "relationship closed", ()),
        ("new", None, ("no_credit_offers",)),
    }
