"""The cue-sentence finder's shortcuts (triggers, str.find, whole words) keep what it finds."""

import json
from itertools import pairwise
from pathlib import Path

from signals.classify import CueClassifier
from signals.cue_sentences import _WORD_CHARS, CueSentenceFinder
from signals.lexicon import LANGUAGES, load_taxonomy
from signals.normalize import match_form
from signals.sentences import sentence_starts

ROOT = Path(__file__).resolve().parents[2]


def _reference(cues: list[str], text: str) -> list[tuple[int, int]]:
    """The finder by its definition: sentences holding, for some cue, each stem as a word's
    start and each other word whole (letters and digits only, folded), in the cue's order."""
    out = []
    for start, end in pairwise([*sentence_starts(text), len(text)]):
        letters = match_form(text[start:end]).encode().translate(_WORD_CHARS).decode()
        words = f" {letters} "
        for cue in cues:
            wanted = []
            for word in cue.split():
                key = match_form(word.removesuffix("*")).strip()
                if key and word != "*":
                    wanted.append(f" {key}" if word.endswith("*") else f" {key} ")
            if wanted and _one_after_another(words, wanted):
                out.append((start, end))
                break
    return out


def _one_after_another(words: str, wanted: list[str]) -> bool:
    """Does each of `wanted` occur in `words`, each starting after the one before?"""
    last = -1
    for key in wanted:
        places = [i for i in range(last + 1, len(words)) if words.startswith(key, i)]
        if not places:
            return False
        last = places[0]
    return True


def test_a_word_without_a_star_must_end_where_the_cue_word_ends() -> None:
    finder = CueSentenceFinder(["a fine*"])
    assert finder.sentences("About fines. He paid a fine.") == [(13, 28)]
    assert finder.sentences("A fine-tuned model.") == [(0, 19)]  # "-" ends the word


def test_other_words_are_looked_for_only_in_sentences_holding_the_trigger() -> None:
    finder = CueSentenceFinder(["put * up for sale", "capacity"], "en")
    text = "Put it up. For sale: a car. They put the unit up for sale. Capacity rose."
    assert finder.sentences(text) == [(28, 59), (59, 73)]


def test_a_cues_words_must_come_in_its_order() -> None:
    finder = CueSentenceFinder(["put * up for sale", "a * a fine*"], "en")
    text = "For sale, put it up. Up for sale they put it. Put it up for sale. A fine. A a fine."
    assert finder.sentences(text) == [(46, 66), (74, 83)]


def test_the_finder_keeps_what_its_definition_keeps_on_real_texts() -> None:
    taxonomy = load_taxonomy()
    classifier = CueClassifier(taxonomy)
    demo = ROOT / "app" / "demo_data" / "expected.jsonl"
    english = ROOT / "tests" / "fixtures" / "eval" / "sentivent_eval_sample.jsonl"
    texts = {
        "tr": [json.loads(line)["text"] for line in demo.read_text("utf-8").splitlines()],
        "en": [json.loads(line)["text"] for line in english.read_text("utf-8").splitlines()],
    }
    kept = 0
    for lang in LANGUAGES:
        cues = [cue for t in taxonomy.types.values() for cue in t.cues[lang]]
        cues += ["opens", "opened", "opening"] if lang == "en" else []
        for text in texts[lang]:
            found = classifier._finders[lang].sentences(text)
            assert found == _reference(cues, text)
            kept += len(found)
    assert kept > 100
