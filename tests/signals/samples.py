"""Real texts kept in the repository, for the speed tests that check a fast path against its
definition: the Turkish demo texts and the English SENTiVENT eval sample."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = {
    "tr": ROOT / "app" / "demo_data" / "expected.jsonl",
    "en": ROOT / "tests" / "fixtures" / "eval" / "sentivent_eval_sample.jsonl",
}


def sample_texts(*languages: str) -> list[str]:
    """The texts of the samples of `languages` (both when none is given)."""
    return [
        json.loads(line)["text"]
        for lang in languages or tuple(SAMPLES)
        for line in SAMPLES[lang].read_text("utf-8").splitlines()
    ]
