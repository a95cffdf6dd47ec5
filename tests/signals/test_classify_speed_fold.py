"""fold()'s shortcut (capitals replaced, then bytes.lower()) gives what its definition gives."""

import json
import random
from pathlib import Path

from signals.normalize import _fold_slowly, fold

ROOT = Path(__file__).resolve().parents[2]


def test_fold_keeps_its_definition_on_real_texts() -> None:
    demo = ROOT / "app" / "demo_data" / "expected.jsonl"
    texts = [json.loads(line)["text"] for line in demo.read_text("utf-8").splitlines()]
    assert any(not text.isascii() for text in texts)
    for text in texts:
        if not text.isascii():
            assert fold(text) == _fold_slowly(text)


def test_fold_keeps_its_definition_on_any_characters() -> None:
    rnd = random.Random(0)
    alphabet = [chr(i) for i in range(0x250)] + list("İıŞĞÜÖÇΣσςẞßÅKﬀ‘’“”…—ʼ´`\x91\x92")
    alphabet += [chr(rnd.randrange(0xD800, 0x110000)) for _ in range(500)]  # surrogates too
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(1, 12))) + "ş"
        assert fold(text) == _fold_slowly(text)
    for char in alphabet:
        text = f"Aş{char}Σ b`"
        assert fold(text) == _fold_slowly(text)
        assert len(fold(text)) == len(text)
