from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from alerts.routing import RoutingRules
from alerts.service import route_pending
from app.keys import create_key
from app.main import create_app
from app.settings import Settings
from signals.classify import CueClassifier
from signals.lexicon import load_taxonomy
from signals.pipeline import build_index, process
from tests.factories import NOW, make_company, make_document

RULES = RoutingRules(
    risk_team_email="risk@bank.example", distress_threshold=0.3, repeat_window=timedelta(hours=72)
)


@pytest.fixture
def keys(session: Session) -> dict[str, str]:
    make_company(session)  # Tüpraş, manager ayse
    make_company(
        session,
        crm_id="C2",
        legal_name="ASELSAN ELEKTRONİK SANAYİ VE TİCARET A.Ş.",
        aliases=[],
        ticker="ASELS",
        manager_email="mehmet@bank.example",
    )
    make_document(session, "Tüpraş konkordato ilan etti.")
    make_document(session, "Tüpraş 2 milyar liralık yatırım yapacak.")
    make_document(session, "Aselsan'a 3 milyon lira idari para cezası verildi.")
    process(
        session=session,
        now=NOW,
        classifier=CueClassifier(load_taxonomy()),
        index=build_index(session),
    )
    route_pending(session=session, rules=RULES, now=NOW)
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


def test_health_needs_no_key(client: TestClient) -> None:
    response = client.get("/api/v1/health")
    assert response.status_code == 200 and response.json()["status"] == "ok"


def test_missing_and_unknown_keys_get_problem_json(client: TestClient) -> None:
    for headers in ({}, {"X-API-Key": "rk_nope"}):
        response = client.get("/api/v1/alerts", headers=headers)
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["title"] == "Unauthorized"


@pytest.mark.parametrize("role", ["admin", "integration", "risk"])
def test_portfolio_wide_roles_see_every_alert(
    client: TestClient, keys: dict[str, str], role: str
) -> None:
    items = client.get("/api/v1/alerts", headers={"X-API-Key": keys[role]}).json()["items"]
    assert {i["crm_id"] for i in items} == {"C1", "C2"}


def test_manager_sees_only_own_companies(client: TestClient, keys: dict[str, str]) -> None:
    headers = {"X-API-Key": keys["manager"]}
    items = client.get("/api/v1/alerts", headers=headers).json()["items"]
    assert items and {i["crm_id"] for i in items} == {"C1"}
    assert client.get("/api/v1/companies/C1/timeline", headers=headers).status_code == 200
    hidden = client.get("/api/v1/companies/C2/timeline", headers=headers)
    assert hidden.status_code == 404
    assert hidden.headers["content-type"] == "application/problem+json"
    other = next(
        i
        for i in client.get("/api/v1/alerts", headers={"X-API-Key": keys["admin"]}).json()["items"]
        if i["crm_id"] == "C2"
    )
    assert (
        client.post(
            f"/api/v1/alerts/{other['id']}/feedback?value=useful", headers=headers
        ).status_code
        == 404
    )


def test_alert_filters(client: TestClient, keys: dict[str, str]) -> None:
    headers = {"X-API-Key": keys["admin"]}
    distress = client.get("/api/v1/alerts?kind=distress", headers=headers).json()["items"]
    assert distress and {i["kind"] for i in distress} == {"distress"}
    mehmet = client.get("/api/v1/alerts?manager=mehmet@bank.example", headers=headers).json()[
        "items"
    ]
    assert {i["crm_id"] for i in mehmet} == {"C2"}
    later = (NOW + timedelta(days=1)).isoformat().replace("+00:00", "Z")
    assert client.get(f"/api/v1/alerts?since={later}", headers=headers).json()["items"] == []
    bad = client.get("/api/v1/alerts?kind=maybe", headers=headers)
    assert bad.status_code == 422 and bad.headers["content-type"] == "application/problem+json"


def test_timeline_pages_with_a_cursor_and_draws_a_picture(
    client: TestClient, keys: dict[str, str]
) -> None:
    headers = {"X-API-Key": keys["risk"]}
    first = client.get("/api/v1/companies/C1/timeline?limit=1", headers=headers).json()
    assert len(first["items"]) == 1 and first["next_cursor"]
    second = client.get(
        f"/api/v1/companies/C1/timeline?limit=1&cursor={first['next_cursor']}", headers=headers
    ).json()
    assert len(second["items"]) == 1 and second["next_cursor"] is None
    assert {first["items"][0]["type"], second["items"][0]["type"]} == {
        "insolvency",
        "investment_statement",
    }
    svg = client.get("/api/v1/companies/C1/timeline.svg", headers=headers)
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert svg.text.count("<circle") == 2
    assert (
        client.get("/api/v1/companies/C1/timeline?cursor=garbage", headers=headers).status_code
        == 400
    )


def test_feedback_roles_and_values(client: TestClient, keys: dict[str, str]) -> None:
    alert = client.get("/api/v1/alerts", headers={"X-API-Key": keys["manager"]}).json()["items"][0]
    url = f"/api/v1/alerts/{alert['id']}/feedback"
    denied = client.post(url + "?value=useful", headers={"X-API-Key": keys["integration"]})
    assert denied.status_code == 403
    wrong = client.post(url + "?value=great", headers={"X-API-Key": keys["manager"]})
    assert wrong.status_code == 422 and wrong.json()["title"] == "Invalid feedback"
    ok = client.post(url + "?value=useful", headers={"X-API-Key": keys["manager"]})
    assert ok.status_code == 200 and ok.json()["feedback"] == "useful"
