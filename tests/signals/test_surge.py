"""The complaint-surge detector: counts per brand and day → complaint_surge signals."""

from __future__ import annotations

import math
from datetime import timedelta

import pytest
from sqlmodel import Session, func, select

from collectors.complaints import company_key
from collectors.models import ComplaintCount, Document, Source
from signals.models import Company, Mention, Signal
from signals.surge import detect_surges, poisson_tail
from tests.factories import NOW, make_company, make_document, make_source

TODAY = NOW.date()
BASELINE = range(7, 63)  # days ago: the 56 days before the 7-day window (0 = today)


def complaint_source(session: Session, name: str = "sikayetvar", age_days: int = 365) -> Source:
    return make_source(
        session,
        name,
        kind="complaints",
        url=f"http://127.0.0.1/{name}#profile=sikayetvar",
        created_at=NOW - timedelta(days=age_days),
    )


def add_counts(session: Session, source: Source, brand: str, by_days_ago: dict[int, int]) -> None:
    assert source.id is not None
    for days_ago, count in by_days_ago.items():
        day = TODAY - timedelta(days=days_ago)
        session.add(
            ComplaintCount(
                source_id=source.id, company_key=company_key(brand), day=day, count=count
            )
        )
    session.flush()


def add_complaint(session: Session, source: Source, brand: str, days_ago: int) -> Document:
    document = make_document(
        session,
        f"{brand} faturama fazladan ücret yansıttı ({source.name}, {days_ago} gün önce).",
        source=source,
        title=f"{brand} haksız ücret",
    )
    published = NOW - timedelta(days=days_ago)
    document.published_at = published
    document.extra = {
        "complaint": {"company": brand, "status": "open", "day": published.date().isoformat()}
    }
    session.add(document)
    session.flush()
    return document


def signal_count(session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(Signal)).one())


def test_poisson_tail() -> None:
    assert poisson_tail(0, 2.0) == 1.0
    assert poisson_tail(3, 1.0) == pytest.approx(1 - math.exp(-1) * 2.5, rel=1e-12)
    assert poisson_tail(1000, 1000.0) == pytest.approx(0.5, abs=0.02)  # no underflow at e^-1000
    tiny = poisson_tail(42, 9.125)
    assert 0 < tiny < 1e-12  # not lost to 1 − 0.999…
    assert poisson_tail(43, 9.125) < tiny


def test_a_surge_is_detected_with_its_numbers(session: Session) -> None:
    company = make_company(session)  # Tüpraş
    source = complaint_source(session)
    # 73 complaints in 56 days (1.3/day), then 6 a day for a week: 42, ×4.6.
    add_counts(session, source, "Tüpraş", {d: 2 if d < 24 else 1 for d in BASELINE})
    add_counts(session, source, "Tüpraş", dict.fromkeys(range(7), 6))
    add_complaint(session, source, "Tüpraş", days_ago=30)
    add_complaint(session, source, "Tüpraş", days_ago=3)
    latest = add_complaint(session, source, "Tüpraş", days_ago=0)
    add_complaint(session, source, "Başka Marka", days_ago=0)
    assert company.id is not None and latest.id is not None
    session.add(
        Mention(
            document_id=latest.id,
            company_id=company.id,
            start=0,
            end=6,
            surface="Tüpraş",
            method="alias",
            confidence=0.95,
        )
    )
    session.flush()

    [surge] = detect_surges(session, NOW)

    assert (surge.company_id, surge.recent, surge.ratio) == (company.id, 42, 4.6)
    assert surge.baseline_per_day == pytest.approx(73 / 56, abs=1e-4)
    assert surge.p_value == pytest.approx(poisson_tail(42, 73 / 56 * 7))
    signal = session.exec(select(Signal)).one()
    assert (signal.kind, signal.type, signal.company_id) == (
        "distress",
        "complaint_surge",
        company.id,
    )
    assert signal.document_id == latest.id  # the most recent complaint in the window
    assert signal.mention_id is not None
    assert signal.evidence.startswith(
        "42 complaints in the last 7 days vs 1.3/day in the 56 days before (×4.6;"
    )
    assert signal.probability == pytest.approx(1 - surge.p_value, abs=1e-4)
    assert signal.factors["link_confidence"] == 0.95
    assert signal.factors["exposure"] > 1.0  # distress weighs exposure
    assert signal.score == pytest.approx(math.prod(signal.factors.values()), abs=1e-3)
    assert signal.occurred_at.replace(tzinfo=None) == NOW.replace(tzinfo=None)


def test_brands_and_sources_add_up(session: Session) -> None:
    company = make_company(session)
    site, export = complaint_source(session, "site"), complaint_source(session, "export")
    add_counts(session, site, "Tüpraş", dict.fromkeys(range(7), 1))
    add_counts(session, export, "Türkiye Petrol Rafinerileri A.Ş.", dict.fromkeys(range(7), 1))
    add_complaint(session, export, "Türkiye Petrol Rafinerileri A.Ş.", days_ago=1)

    # 7 + 7 from two brand names on two sites: above the minimum only together.
    [surge] = detect_surges(session, NOW)

    assert (surge.company_id, surge.recent) == (company.id, 14)
    assert session.exec(select(Signal)).one().factors["corroboration"] == 1.15


def test_a_steady_high_volume_company_is_not_flagged(session: Session) -> None:
    make_company(session)
    source = complaint_source(session)
    # 50 a day, then 60 a day: Poisson alone would call 420 vs 350 unusual; ×1.2 is not.
    add_counts(session, source, "Tüpraş", dict.fromkeys(BASELINE, 50))
    add_counts(session, source, "Tüpraş", dict.fromkeys(range(7), 60))
    add_complaint(session, source, "Tüpraş", days_ago=0)
    assert poisson_tail(420, 350.0) < 0.001

    assert detect_surges(session, NOW) == []
    assert signal_count(session) == 0


def test_a_rise_within_chance_is_not_flagged(session: Session) -> None:
    make_company(session)
    source = complaint_source(session)
    # 0.68 a day, then 10 in a week: ×2.1, but a 2.4 % chance at the usual rate.
    add_counts(session, source, "Tüpraş", {d: 1 for d in BASELINE if d % 10 < 7})
    add_counts(session, source, "Tüpraş", {0: 4, 1: 3, 2: 3})
    add_complaint(session, source, "Tüpraş", days_ago=0)

    assert detect_surges(session, NOW) == []


def test_too_few_complaints_are_not_flagged(session: Session) -> None:
    make_company(session)
    source = complaint_source(session)
    # One a week, then 9 this week: ×6.4 and unlikely, but fewer than the minimum of 10.
    add_counts(session, source, "Tüpraş", {d: 1 for d in BASELINE if d % 7 == 0})
    add_counts(session, source, "Tüpraş", {0: 3, 1: 3, 2: 3})
    add_complaint(session, source, "Tüpraş", days_ago=0)

    assert detect_surges(session, NOW) == []
    assert len(detect_surges(session, NOW, min_recent=9)) == 1  # the minimum is what held it


def test_a_company_without_baseline_is_flagged_only_above_the_minimum(session: Session) -> None:
    make_company(session)
    source = complaint_source(session)
    add_counts(session, source, "Tüpraş", {0: 5, 1: 4})
    add_complaint(session, source, "Tüpraş", days_ago=0)

    assert detect_surges(session, NOW) == []  # 9 complaints

    add_counts(session, source, "Tüpraş", {2: 1})
    [surge] = detect_surges(session, NOW)  # 10 complaints

    assert surge.recent == 10
    assert "vs 0.0/day in the 56 days before; counted as 0.2/day (×7.1;" in surge.evidence


def test_a_rerun_adds_nothing(session: Session) -> None:
    make_company(session)
    source = complaint_source(session)
    add_counts(session, source, "Tüpraş", dict.fromkeys(BASELINE, 1))
    add_counts(session, source, "Tüpraş", dict.fromkeys(range(2, 7), 5))
    add_complaint(session, source, "Tüpraş", days_ago=2)
    assert len(detect_surges(session, NOW)) == 1

    assert detect_surges(session, NOW) == []  # same window

    # Two days on, the surge goes on and a newer complaint could be its evidence: still
    # the same surge in the same window.
    add_counts(session, source, "Tüpraş", {0: 8})
    add_complaint(session, source, "Tüpraş", days_ago=0)
    assert detect_surges(session, NOW + timedelta(days=2)) == []
    assert signal_count(session) == 1


def test_an_unknown_brand_is_ignored(session: Session) -> None:
    make_company(session)
    source = complaint_source(session)
    add_counts(session, source, "Trendyol", dict.fromkeys(range(7), 20))
    add_complaint(session, source, "Trendyol", days_ago=0)

    assert detect_surges(session, NOW) == []
    assert signal_count(session) == 0
    assert session.exec(select(func.count()).select_from(Company)).one() == 1


def test_a_new_source_has_no_baseline_yet(session: Session) -> None:
    make_company(session)
    # Its first scrape put everything the listing showed on the last few days.
    source = complaint_source(session, age_days=10)
    add_counts(session, source, "Tüpraş", dict.fromkeys(range(5), 10))
    add_complaint(session, source, "Tüpraş", days_ago=0)

    assert detect_surges(session, NOW) == []


def test_a_young_source_s_baseline_counts_only_its_own_days(session: Session) -> None:
    make_company(session)
    source = complaint_source(session, age_days=30)  # 24 baseline days, not 56
    add_counts(session, source, "Tüpraş", dict.fromkeys(range(7, 31), 4))
    add_counts(session, source, "Tüpraş", dict.fromkeys(range(7), 4))
    add_complaint(session, source, "Tüpraş", days_ago=0)

    # 4 a day all along; over 56 days the same 96 complaints would read as ×2.3.
    assert detect_surges(session, NOW) == []
