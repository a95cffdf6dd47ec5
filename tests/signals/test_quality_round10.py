"""Round 10: an English cue whose clause has another, non-portfolio company as its subject
belongs to that company, not to a portfolio company named elsewhere or after the cue."""

import pytest

from tests.signals.mentions import signal_owners

ACME = 1
GLOBEX = 2


@pytest.mark.parametrize(
    ("text", "signal_type"),
    [
        # A subject of the cue's own clause, after an opening phrase.
        (
            "Acme Corp. reported higher sales. Last spring, Brindlewood Partners purchased "
            "40 acres of land near the harbour for $12 million.",
            "land_purchase",
        ),
        # A relative clause after another company's name.
        (
            "Acme Corp. faces new rivals. Farrowmart, which opened its first 8 stores in "
            "Ohio last month, wants more.",
            "capacity_increase",
        ),
        # Another company paid the fines.
        (
            "Acme Corp. sells diesel trucks. Three years on, Vornhagen has paid out billions "
            "of dollars in fines to regulators.",
            "fine",
        ),
        # A possessive: another company's bankruptcy.
        (
            "Acme Corp. builds reactors. Regulators want to know how Ostwick's bankruptcy "
            "filing affects the schedule.",
            "insolvency",
        ),
    ],
)
def test_other_subject_keeps_cue_from_fallback(classifier, text, signal_type):
    owners = signal_owners(
        classifier, text, {"Acme Corp.": ACME}, signal_type, "en", previous_sentence=True
    )
    assert owners == set()


def test_other_subject_before_cue_beats_company_after_it(classifier):
    text = "Brindlewood Partners bought 40 acres of land next to a warehouse of Acme Corp. in Ohio."
    owners = signal_owners(classifier, text, {"Acme Corp.": ACME}, "land_purchase", "en")
    assert owners == set()


def test_only_a_company_subject_takes_the_cue_away(classifier):
    """A person speaking, a regulator fining and a sentence-initial ordinary word leave the
    fallback to the company named before; another company as the doer does not."""
    names = {"Acme Corp.": ACME}

    def owners(text: str, signal_type: str) -> set[int]:
        return signal_owners(classifier, text, names, signal_type, "en", previous_sentence=True)

    growing = "Acme Corp. is growing. "
    plant = " plans to invest $40 million in a new plant."
    assert owners(growing + "Brindlewood Partners" + plant, "investment_statement") == set()
    assert owners(growing + "Mr. Halloway said it" + plant, "investment_statement") == {ACME}
    assert owners(growing + "Dana Whitcombe said it" + plant, "investment_statement") == {ACME}
    assert owners(growing + "However, it" + plant, "investment_statement") == {ACME}
    fined = "Acme Corp. sold tainted milk. The Competition Bureau fined it $3 million."
    assert owners(fined, "fine") == {ACME}
    names["Globex Inc."] = GLOBEX
    both = "Last spring, Globex Inc. bought 40 acres of land next to a mill of Acme Corp."
    assert owners(both, "land_purchase") == {GLOBEX}


@pytest.mark.parametrize(
    "text",
    [
        "Some cable firms face federal investigations over billing, while even Acme Corp.'s "
        "lawyers praise them.",
        "A penalty in the pricing probe could come soon and many expect it to top the earlier "
        "fine on Acme Corp. last year.",
    ],
)
def test_company_in_a_later_clause_does_not_take_the_cue(classifier, text):
    owners = signal_owners(classifier, text, {"Acme Corp.": ACME}, "lawsuit", "en")
    assert owners == set()
    into = "Regulators opened an investigation into Acme Corp. last week."
    assert signal_owners(classifier, into, {"Acme Corp.": ACME}, "lawsuit", "en") == {ACME}
