"""The NLP quality gate: `radar eval` on held-out labelled sets, floors from eval_floors.json."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.evaluation import evaluate

HERE = Path(__file__).parent
FLOORS: dict[str, dict[str, Any]] = json.loads((HERE / "eval_floors.json").read_text())["sets"]


@pytest.fixture(scope="module", params=sorted(FLOORS))
def measured(request: pytest.FixtureRequest) -> tuple[dict[str, Any], dict[str, Any]]:
    floors = FLOORS[request.param]
    gold = HERE / floors["gold"]
    assert hashlib.sha256(gold.read_bytes()).hexdigest() == floors["gold_sha256"], (
        "the gold set changed: re-measure and update the floors with it"
    )
    result = evaluate(HERE / floors["portfolio"], gold, now=datetime(2026, 1, 1, tzinfo=UTC))
    return floors, result


def test_result_has_the_designed_shape(measured: tuple[dict[str, Any], dict[str, Any]]) -> None:
    _, result = measured
    assert set(result) == {"documents", "seconds", "docs_per_s", "linking", "signals", "errors"}
    assert set(result["linking"]) == {"tp", "fp", "fn", "precision", "recall", "f1"}
    assert "micro" in result["signals"] and "per_type" in result["signals"]
    assert len(result["errors"]) <= 50


def test_linking_f1_floor(measured: tuple[dict[str, Any], dict[str, Any]]) -> None:
    floors, result = measured
    assert result["linking"]["f1"] >= floors["linking_f1"], result["linking"]


def test_signal_micro_f1_floor(measured: tuple[dict[str, Any], dict[str, Any]]) -> None:
    floors, result = measured
    assert result["signals"]["micro"]["f1"] >= floors["signals_micro_f1"], result["signals"][
        "micro"
    ]


def test_signal_per_type_f1_floors(measured: tuple[dict[str, Any], dict[str, Any]]) -> None:
    """Types with enough support to measure (see per_type_f1 in eval_floors.json)."""
    floors, result = measured
    per_type = result["signals"]["per_type"]
    for signal_type, floor in floors.get("per_type_f1", {}).items():
        assert per_type[signal_type]["f1"] >= floor, (signal_type, per_type[signal_type])
