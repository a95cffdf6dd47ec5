"""Signals quality round 9: English classes found by reading unlabelled company news."""

import pytest

from signals.classify import CueClassifier
from tests.signals.mentions import asserted_types, type_assertions


@pytest.mark.parametrize(
    ("text", "signal_type"),
    [
        ("Northwind can reach its debt target without asset sales.", "asset_sale"),
        ("The carrier averted bankruptcy after a late cash injection.", "insolvency"),
        ("Bluebird Foods staved off insolvency with a new credit line.", "insolvency"),
        ("Orion Mining avoided a fine by reporting the spill itself.", "fine"),
    ],
)
def test_an_event_avoided_is_not_asserted(
    classifier: CueClassifier, text: str, signal_type: str
) -> None:
    assert type_assertions(classifier, text, "en").get(signal_type) is not True


def test_an_event_had_is_still_asserted(classifier: CueClassifier) -> None:
    assert "insolvency" in asserted_types(
        classifier, "Bluebird Foods filed for bankruptcy without warning.", "en"
    )
    assert "asset_sale" in asserted_types(
        classifier, "Northwind agreed to sell its port unit to a rival.", "en"
    )


def test_wound_up_as_ended_up_is_no_insolvency(classifier: CueClassifier) -> None:
    text = "The streaming firm wound up adding more subscribers than forecast."
    assert "insolvency" not in asserted_types(classifier, text, "en")
    text = "The trading arm was wound up by the court after creditors petitioned."
    assert "insolvency" in asserted_types(classifier, text, "en")


def test_spun_off_from_a_parent_is_not_the_parents_sale_by_the_child(
    classifier: CueClassifier,
) -> None:
    text = "Lumen Pharma, which was spun off from Harbor Labs in 2012, faces new costs."
    assert "asset_sale" not in asserted_types(classifier, text, "en")
    text = "Harbor Labs spun off its drug unit last year."
    assert "asset_sale" in asserted_types(classifier, text, "en")


def test_the_companys_own_or_the_writers_investigation_is_no_proceeding(
    classifier: CueClassifier,
) -> None:
    for text in (
        "Keystone Bank said an internal investigation found no misconduct by staff.",
        "The cost jump seemed worth some investigation, so I called the finance chief.",
        "Redwood Studios dropped the director, who has been accused of harassment.",
    ):
        assert "lawsuit" not in asserted_types(classifier, text, "en"), text
    text = "The SEC opened an investigation into Keystone Bank after an internal investigation."
    assert "lawsuit" in asserted_types(classifier, text, "en")


def test_a_looming_fine_is_not_yet_a_fine(classifier: CueClassifier) -> None:
    text = "Regulators circle the search giant as fines loom over its ad business."
    assert type_assertions(classifier, text, "en").get("fine") is not True


@pytest.mark.parametrize(
    "text",
    [
        "Tax reform would spur infrastructure investment across the country.",
        "The oil major keeps delaying a final investment decision on its gas terminal.",
        "Partners are still awaiting a final investment decision for the pipeline.",
    ],
)
def test_investment_in_general_or_not_yet_decided(classifier: CueClassifier, text: str) -> None:
    assert "investment_statement" not in asserted_types(classifier, text, "en")


def test_a_final_investment_decision_taken_still_counts(classifier: CueClassifier) -> None:
    text = "Gulfstar Energy took a final investment decision on its new gas terminal."
    assert "investment_statement" in asserted_types(classifier, text, "en")


def test_an_investigational_drug_is_no_investigation(classifier: CueClassifier) -> None:
    # Guards the exclusions above: a stem "investigation*" would make this a lawsuit cue.
    text = "Marlow Bio presented data on an investigational treatment for psoriasis."
    assert "lawsuit" not in asserted_types(classifier, text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "If there is going to be a fine, it must be a large one, a rival's lawyer said.",
        "Lawyers are preparing for what may be a record penalty for the search firm.",
        "Analysts asked whether bankruptcy was now likely for the airline.",
    ],
)
def test_a_conditional_or_possible_event_is_not_asserted(
    classifier: CueClassifier, text: str
) -> None:
    assert not any(type_assertions(classifier, text, "en").values()), text


def test_an_event_after_an_if_clause_is_asserted(classifier: CueClassifier) -> None:
    text = "If nothing else, the ruling shows Acme was fined $5 million last year."
    assert "fine" in asserted_types(classifier, text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "In Lisbon, Corvid Tech is opening an engineering center next spring.",
        "The grocer opened its first 12 stores in Texas this week.",
    ],
)
def test_opening_a_centre_or_stores_is_capacity(classifier: CueClassifier, text: str) -> None:
    assert "capacity_increase" in asserted_types(classifier, text, "en")


def test_a_capex_increase_with_an_amount_is_an_investment(classifier: CueClassifier) -> None:
    text = "Harbor Parks expects a $2 billion increase in its capital expenditures next year."
    assert "investment_statement" in asserted_types(classifier, text, "en")
