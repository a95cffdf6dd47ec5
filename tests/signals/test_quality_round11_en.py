"""Round 11 (English): cue phrasings for openings, fines as nouns, appeals and challenges;
spending that is no investment; and whose event a cue is (role nouns, a government with an
adjective, another firm's possessive or modifier, a named party after "against", a
possessive pronoun on the cue's object)."""

import pytest

from signals.attribution import PREVIOUS_SENTENCE_FACTOR, attribute
from tests.signals.mentions import mentions_of, signal_owners, type_assertions

ACME = 1
GLOBEX = 2


# --- capacity added: openings told without "new plant" ---


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp. celebrated the grand opening of its riverside resort on Saturday.",
        "Acme Corp. officially opened the hotel tower after two years of work.",
        "The Acme Corp. warehouse in Leeds began operating in October.",
        "After eight years of delays, the Acme Corp. gas project is up and running.",
        "Acme Corp. showed off its theme park expansion to reporters.",
        "Twelve more Acme Corp. outlets are slated to open in the spring.",
        "The Acme Corp. logistics hub will open in 2026 next to the motorway.",
        "Acme Corp. will add 400,000 square feet of cold storage in Ohio.",
        "Acme Corp. opened Harbor Point, its largest water park, on Thursday.",
        "Acme Corp. is opening Lakeside Village in 2027 after long delays.",
        "Acme Corp. spent $2 billion on its resort in Macau, which opened in May of 2019.",
        "Acme Corp. built the Harbor Point mall. Harbor Point opened in 2015.",
        "Acme Corp. will open 20 units in Spain by 2030.",
    ],
)
def test_openings_are_capacity(classifier, text):
    assert type_assertions(classifier, text, "en").get("capacity_increase") is True


@pytest.mark.parametrize(
    "other",
    [
        "The new film from Acme Corp. opened Friday to strong reviews.",
        "Acme Corp. opened Android to outside developers last year.",
        "Shares of Acme Corp. opened higher on Monday.",
        "Wall Street is set to open lower after the Acme Corp. results.",
        "The probe of Acme Corp. opened in May.",
    ],
)
def test_openings_that_add_no_capacity(classifier, other):
    """A day, a platform opened to others, a market opening: no capacity, unlike a place."""
    place = "Acme Corp. opened Harbor Point on Thursday."
    assert type_assertions(classifier, place, "en").get("capacity_increase") is True
    assert "capacity_increase" not in type_assertions(classifier, other, "en")


# --- fines named as nouns, and "fine" the adjective ---


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp. is fighting a record-breaking $4.3 billion fine in court.",
        "Acme Corp. won only a small cut to its fine on appeal.",
        "Acme Corp. said the fine related to sales in 2015.",
        "Acme Corp. has set aside money for the antitrust fine.",
    ],
)
def test_fine_as_noun(classifier, text):
    assert type_assertions(classifier, text, "en").get("fine") is True


@pytest.mark.parametrize(
    "adjective",
    [
        "Acme Corp. investors should read the fine print of the offer.",
        "Acme Corp. will fine-tune its pricing next quarter.",
        "Acme Corp. walks the fine line between growth and profit.",
    ],
)
def test_fine_as_adjective(classifier, adjective):
    noun = "Acme Corp. said the fine related to sales in 2015."
    assert type_assertions(classifier, noun, "en").get("fine") is True
    assert "fine" not in type_assertions(classifier, adjective, "en")


# --- appeals and challenges of a case against the company ---


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp. must file its challenge to the 900 million euro antitrust fine this week.",
        "Acme Corp. appealed the ruling in March.",
        "Acme Corp. has waited six years for a final ruling in Luxembourg.",
        "Acme Corp. will appeal the decision, a spokeswoman said.",
    ],
)
def test_appeals_and_challenges_are_lawsuits(classifier, text):
    assert type_assertions(classifier, text, "en").get("lawsuit") is True


# --- spending that is no investment in own operations ---


def test_spending_on_content_is_no_investment(classifier):
    assert "investment_statement" not in type_assertions(
        classifier, "Acme Corp. expects to spend $3 billion on content this year.", "en"
    )
    assert "investment_statement" not in type_assertions(
        classifier, "Acme Corp. will spend $2 billion on share buybacks.", "en"
    )
    assert (
        type_assertions(
            classifier, "Acme Corp. will spend $2 billion on a new smelter in Quebec.", "en"
        ).get("investment_statement")
        is True
    )


# --- attribution ---


def test_role_noun_subject_is_no_other_company(classifier):
    """A capitalised role noun ("Regulators") is no firm that would own the fine."""
    text = "Regulators are preparing fresh penalties against the chipmaker Globex Corp."
    assert signal_owners(classifier, text, {"Globex Corp.": GLOBEX}, "fine", "en") == {GLOBEX}


def test_government_with_adjective_is_the_doer(classifier):
    text = (
        "Acme Corp. sells small cars in Asia. The Chinese government has long offered a tax "
        "incentive on vehicles with smaller engines."
    )
    owners = signal_owners(
        classifier, text, {"Acme Corp.": ACME}, "incentive", "en", previous_sentence=True
    )
    assert owners == set()


@pytest.mark.parametrize(
    ("text", "signal_type"),
    [
        ("Acme Corp. said Ostwick's bankruptcy filing hurt its sales.", "insolvency"),
        ("Acme Corp. must report on the Ostwick bankruptcy and its reactor plans.", "insolvency"),
        ("Acme Corp. supplies steel for Ostwick's new plant in Ohio.", "capacity_increase"),
    ],
)
def test_other_firms_event_after_portfolio_company(classifier, text, signal_type):
    assert signal_owners(classifier, text, {"Acme Corp.": ACME}, signal_type, "en") == set()


def test_own_event_still_goes_to_the_company(classifier):
    names = {"Acme Corp.": ACME}
    other = "Acme Corp. said the Ostwick bankruptcy hurt its sales."
    own = "Acme Corp. filed for bankruptcy in May."
    assert signal_owners(classifier, other, names, "insolvency", "en") == set()
    assert signal_owners(classifier, own, names, "insolvency", "en") == {ACME}


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp. filed a lawsuit against Ostwick over unpaid royalties.",
        "Acme Corp. halted the show after accusations of assault against Brandt by co-workers.",
    ],
)
def test_proceedings_against_a_named_other_party(classifier, text):
    assert signal_owners(classifier, text, {"Acme Corp.": ACME}, "lawsuit", "en") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp. faces a lawsuit from Ostwick.",
        "Acme Corp. filed an appeal against the Commission's decision.",
        "Prosecutors filed charges against Acme Corp. and two of its managers.",
    ],
)
def test_company_still_defendant(classifier, text):
    """Proceedings against a named other party go to nobody here; against Acme, to Acme."""
    names = {"Acme Corp.": ACME}
    plaintiff = "Acme Corp. filed a lawsuit against Ostwick."
    assert signal_owners(classifier, plaintiff, names, "lawsuit", "en") == set()
    assert signal_owners(classifier, text, names, "lawsuit", "en") == {ACME}


def _previous_factor(classifier, text: str, signal_type: str) -> float:
    hits = [h for h in classifier.classify(text, "en") if h.type == signal_type]
    assert hits
    owners = attribute(hits[0], mentions_of(text, {"Acme Corp.": ACME}), 0, text, "en")
    assert [m.company_id for m, _ in owners] == [ACME]
    return owners[0][1]


def test_possessive_pronoun_on_the_cue_makes_it_the_previous_company_own(classifier):
    own = "Acme Corp. beat forecasts. Staff will move to its new headquarters next year."
    plain = "Acme Corp. beat forecasts. Staff will move to a new headquarters next year."
    assert _previous_factor(classifier, own, "capacity_increase") == 1.0
    assert _previous_factor(classifier, plain, "capacity_increase") == PREVIOUS_SENTENCE_FACTOR


def test_list_in_previous_sentence_points_to_the_lead_company(classifier):
    """In a story led by Acme, "the social media company" after a list of three is Acme, not
    the list's last company."""
    text = (
        "Pressure is growing on Acme Corp., Globex Corp. and Initech Corp. in Europe. The "
        "social media company's third fine this year is due."
    )
    names = {"Acme Corp.": ACME, "Globex Corp.": GLOBEX, "Initech Corp.": 3}
    owners = signal_owners(classifier, text, names, "fine", "en", previous_sentence=True)
    assert owners == {ACME}


@pytest.mark.parametrize(
    "text",
    [
        "New York City bars Acme Corp. from municipal bond work.",
        "The city council blocked Acme Corp. & Co. from leading bond sales.",
        "Acme Corp. was barred from bidding for city contracts.",
        "Acme Corp. faces scrutiny. The city voted to ban the bank from new work.",
    ],
)
def test_ban_by_an_authority_is_a_case_against_the_company(classifier, text):
    owners = signal_owners(
        classifier, text, {"Acme Corp.": ACME}, "lawsuit", "en", previous_sentence=True
    )
    assert owners == {ACME}


@pytest.mark.parametrize(
    "text",
    [
        "The government banned imports from Acme Corp. last year.",
        "Acme Corp. banned employees from using phones at work.",
        "Acme Corp. blocked Globex Corp. from using its patents.",
    ],
)
def test_ban_by_a_company_or_on_goods_is_no_case(classifier, text):
    names = (
        {"Acme Corp.": ACME, "Globex Corp.": GLOBEX} if "Globex" in text else {"Acme Corp.": ACME}
    )
    sanction = "New York City bars Acme Corp. from municipal bond work."
    assert signal_owners(classifier, sanction, {"Acme Corp.": ACME}, "lawsuit", "en") == {ACME}
    assert signal_owners(classifier, text, names, "lawsuit", "en") == set()
