"""Round 13 (English): precision and roles. A fine told in the conditional ("the fine would
be calculated"); accusations by critics or rivals that are no proceeding; money invested in
another firm; a fine on other firms named after it; and several parties named after
"against", one through an appositive ("against another maker, Globex Corp.")."""

import pytest

from tests.signals.mentions import signal_owners, type_assertions

ACME = 1
GLOBEX = 2


# --- a fine told in the conditional is hypothetical ---


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp. said the size of the fine would depend on its sales in Europe.",
        "Analysts said any penalty could reach 10 percent of Acme Corp. revenue.",
        "For Acme Corp., the fines would be set by the commission next year.",
    ],
)
def test_conditional_fine_is_not_asserted(classifier, text):
    assert type_assertions(classifier, text, "en").get("fine") is not True


def test_fine_as_fact_still_counts(classifier):
    text = "Acme Corp. paid the fine in March after losing its appeal."
    assert type_assertions(classifier, text, "en").get("fine") is True


# --- critics' accusations are no proceeding ---


@pytest.mark.parametrize(
    "text",
    [
        "Critics accused Acme Corp. of hiding from its customers.",
        "Environmental groups accused Acme Corp. of ignoring the river.",
        "Rivals -- including two smaller chains -- accused Acme Corp. of copying their menus.",
    ],
)
def test_critics_accusation_is_no_lawsuit(classifier, text):
    assert signal_owners(classifier, text, {"Acme Corp.": ACME}, "lawsuit", "en") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors accused Acme Corp. of bribing officials.",
        "Critics filed a lawsuit that accused Acme Corp. of fraud.",
    ],
)
def test_accusation_in_a_proceeding_still_counts(classifier, text):
    assert signal_owners(classifier, text, {"Acme Corp.": ACME}, "lawsuit", "en") == {ACME}


# --- investing in another firm is no own investment ---


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp. said it was investing $2 billion in Nimbus Labs, a startup that builds robots.",
        "Acme Corp. will invest $300 million in Quillon Inc. to secure battery supply.",
        "Acme Corp. is investing $1 billion in Globex Corp. this year.",
    ],
)
def test_investment_in_another_firm(classifier, text):
    names = {"Acme Corp.": ACME}
    if "Globex" in text:
        names["Globex Corp."] = GLOBEX
    assert signal_owners(classifier, text, names, "investment_statement", "en") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp. is investing $2 billion in Ohio to build a battery plant.",
        "Acme Corp. will invest $300 million in its Leeds factory.",
    ],
)
def test_investment_in_own_operations_still_counts(classifier, text):
    owners = signal_owners(classifier, text, {"Acme Corp.": ACME}, "investment_statement", "en")
    assert owners == {ACME}


# --- a fine on other firms ---


def test_fine_for_other_firms(classifier):
    text = (
        "The commission set a record with the tax bill for Acme Corp. and the cartel fine "
        "for truck companies."
    )
    assert signal_owners(classifier, text, {"Acme Corp.": ACME}, "fine", "en") == set()


def test_fine_for_a_reason_still_counts(classifier):
    text = "Acme Corp. faces a record fine for abusing its market power."
    assert signal_owners(classifier, text, {"Acme Corp.": ACME}, "fine", "en") == {ACME}


# --- several parties named after "against", one through an appositive ---


@pytest.mark.parametrize(
    ("text", "signal_type"),
    [
        (
            "Regulators are preparing penalties against Acme Corp. in two cases and against "
            "another European carmaker, Globex Corp., later this year.",
            "fine",
        ),
        (
            "The agency opened an investigation against Acme Corp. and against a smaller "
            "rival, Globex Corp., in June.",
            "lawsuit",
        ),
    ],
)
def test_appositive_after_against(classifier, text, signal_type):
    names = {"Acme Corp.": ACME, "Globex Corp.": GLOBEX}
    assert signal_owners(classifier, text, names, signal_type, "en") == {ACME, GLOBEX}


# --- cue phrasings: a fine decided, a regulator's allegation, a complaint filed, a new park ---


@pytest.mark.parametrize(
    ("text", "signal_type"),
    [
        ("The regulator is set to fine Acme Corp. for misleading it during a takeover.", "fine"),
        ("The commission alleged that Acme Corp. had hidden data from its inspectors.", "lawsuit"),
        (
            "The 40-page complaint, filed in a federal court, targets Acme Corp. and two units.",
            "lawsuit",
        ),
        ("Acme Corp. said its new water park will open next summer.", "capacity_increase"),
    ],
)
def test_new_cue_phrasings(classifier, text, signal_type):
    assert signal_owners(classifier, text, {"Acme Corp.": ACME}, signal_type, "en") == {ACME}
