import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from app.keys import create_key
from app.main import create_app
from app.settings import Settings
from tests.factories import NOW, make_company


@pytest.fixture
def keys(session: Session) -> dict[str, str]:
    make_company(session, tax_number="4540536920", city="KOCAELİ")  # Tüpraş
    make_company(
        session,
        crm_id="C2",
        legal_name="ASELSAN ELEKTRONİK SANAYİ VE TİCARET A.Ş.",
        aliases=[],
        ticker="ASELS",
        city="ANKARA",
    )
    make_company(
        session,
        crm_id="C3",
        legal_name="ASELSAN KONYA SİLAH SİSTEMLERİ A.Ş.",
        aliases=[],
        ticker=None,
        city="KONYA",
    )
    made = {
        role: create_key(session=session, name=role, role=role, manager_email=None, now=NOW)
        for role in ("admin", "integration", "risk")
    }
    made["manager"] = create_key(
        session=session, name="ayse", role="manager", manager_email="ayse@bank.example", now=NOW
    )
    session.commit()
    return made


@pytest.fixture
def client(engine: Engine, settings: Settings) -> TestClient:
    return TestClient(create_app(settings, engine))


def post(client: TestClient, key: str, body: object) -> dict:  # type: ignore[type-arg]
    response = client.post("/api/v1/match", json=body, headers={"X-API-Key": key})
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


@pytest.mark.parametrize("role", ["admin", "integration"])
def test_identifier_and_name_matches_rank_first_with_explanations(
    client: TestClient, keys: dict[str, str], role: str
) -> None:
    body = {
        "queries": [
            {"name": "Tupras", "tax_number": "454 053 6920", "reference": "t-1"},
            {"name": "Aselsan Elektronik Sanayi ve Ticaret AŞ", "city": "Ankara"},
            {"name": "Nothing Alike Ltd"},
        ]
    }
    results = post(client, keys[role], body)["results"]
    assert [r["query"]["reference"] for r in results] == ["t-1", None, None]
    tupras = results[0]["candidates"][0]
    assert tupras["crm_id"] == "C1" and tupras["match"] and tupras["score"] >= 0.99
    assert tupras["features"]["tax_number"] == 1.0
    assert "same tax number 4540536920" in tupras["explanation"]
    aselsan = results[1]["candidates"]
    assert aselsan[0]["crm_id"] == "C2" and aselsan[0]["score"] == 1.0
    assert aselsan[0]["features"]["name_equal"] == 1.0 and aselsan[0]["features"]["city"] == 1.0
    assert any("same city" in why for why in aselsan[0]["explanation"])
    assert all(c["crm_id"] != "C2" or c is aselsan[0] for c in aselsan)
    assert results[2]["candidates"] == []


def test_ticker_and_different_tax_number(client: TestClient, keys: dict[str, str]) -> None:
    body = {
        "queries": [
            {"name": "Aselsan", "ticker": "BIST:ASELS"},
            {"name": "Türkiye Petrol Rafinerileri", "tax_number": "1234567890"},
        ],
        "threshold": 0.0,
    }
    first, second = post(client, keys["admin"], body)["results"]
    assert first["candidates"][0]["crm_id"] == "C2"
    assert first["candidates"][0]["features"]["ticker"] == 1.0
    tupras = second["candidates"][0]
    assert tupras["crm_id"] == "C1" and tupras["features"]["tax_number"] == 0.0
    assert tupras["score"] < 0.85 and not tupras["match"]  # a different VKN: another company


def test_index_follows_portfolio_changes(
    client: TestClient, keys: dict[str, str], session: Session
) -> None:
    body = {"queries": [{"name": "Koç Holding"}]}
    assert post(client, keys["admin"], body)["results"][0]["candidates"] == []
    make_company(session, crm_id="C9", legal_name="KOÇ HOLDİNG A.Ş.", aliases=[], ticker="KCHOL")
    session.commit()
    candidates = post(client, keys["admin"], body)["results"][0]["candidates"]
    assert [c["crm_id"] for c in candidates] == ["C9"]


@pytest.mark.parametrize("role", ["risk", "manager"])
def test_other_roles_may_not_match(client: TestClient, keys: dict[str, str], role: str) -> None:
    response = client.post(
        "/api/v1/match", json={"queries": [{"name": "x"}]}, headers={"X-API-Key": keys[role]}
    )
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"


def test_missing_key_is_unauthorized(client: TestClient) -> None:
    response = client.post("/api/v1/match", json={"queries": [{"name": "x"}]})
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    "body",
    [
        {"queries": []},
        {"queries": [{"name": f"Company {i}"} for i in range(1001)]},
        {"queries": [{"name": ""}]},
        {},
    ],
    ids=["empty", "too-large", "empty-name", "no-queries"],
)
def test_bad_batches_get_problem_json(
    client: TestClient, keys: dict[str, str], body: object
) -> None:
    response = client.post("/api/v1/match", json=body, headers={"X-API-Key": keys["admin"]})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["title"] == "Invalid request" and problem["errors"]


def test_a_full_batch_of_a_thousand_is_accepted(client: TestClient, keys: dict[str, str]) -> None:
    body = {"queries": [{"name": "Tüpraş"}] * 1000}
    results = post(client, keys["integration"], body)["results"]
    assert len(results) == 1000
