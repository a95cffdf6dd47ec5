"""Cue patterns with gaps ("put * up for sale") matched on a sentence's NORM hashes.

spaCy's Matcher costs ~20 µs a call whatever the sentence holds (it makes a Token object
for each token), and the classifier calls it for most sentences that hold a gapped cue's
words. A group here matches the same patterns in Python on the sentence's NORM array and
finds the same (name, start, end) spans (tests/signals/test_classify_speed_gapped.py). The
Matcher is still asked when two cues of a group match one span (its order of them decides
the order of the classifier's hits) or for a pattern of another shape.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

# The gap `*` of a cue (signals/lexicon.py): any 0 to n tokens.
_GAP = re.compile(r"\{0,([1-9][0-9]*)\}")


def pattern_steps(pattern: list[dict[str, Any]], vocab: Vocab) -> tuple[int, ...] | None:
    """A Matcher pattern as steps: a word's NORM hash (≥ 0), or -n for a gap of 0 to n
    tokens. None for any other shape (a token test on another attribute, another
    operator, or a gap first)."""
    steps: list[int] = []
    for token in pattern:
        if token.keys() == {"NORM"}:
            steps.append(vocab.strings.add(token["NORM"]))
        elif token.keys() == {"OP"} and (gap := _GAP.fullmatch(token["OP"])) and steps:
            steps.append(-int(gap.group(1)))
        else:
            return None
    return tuple(steps) if steps else None


def span_ends(norms: list[int], steps: tuple[int, ...], start: int) -> set[int]:
    """Where the matches of `steps` that start at token `start` end."""
    ends = {start}
    length = len(norms)
    for step in steps:
        if step >= 0:
            ends = {end + 1 for end in ends if end < length and norms[end] == step}
        else:
            ends = {end + skip for end in ends for skip in range(1 - step) if end + skip <= length}
        if not ends:
            break
    return ends


class GappedCues:
    """The gapped cue patterns that share an anchor word (see CueClassifier._setup)."""

    def __init__(self, vocab: Vocab) -> None:
        self.matcher = Matcher(vocab)
        self.vocab = vocab
        self.strings = vocab.strings
        self.patterns: list[tuple[str, tuple[int, ...]]] = []
        self.all_steps = True  # every pattern has a shape matched here

    def add(self, name: str, pattern: list[dict[str, Any]]) -> None:
        self.matcher.add(name, [pattern])
        steps = pattern_steps(pattern, self.vocab)
        if steps is None:
            self.all_steps = False
        else:
            self.patterns.append((name, steps))

    def __call__(self, doc: Doc, norms: list[int]) -> list[tuple[str, int, int]]:
        """(name, start, end) of each match in the sentence `doc`, whose tokens' NORM
        hashes are `norms`: each once, by start and end."""
        if not self.all_steps:
            return self._matcher(doc)
        names: dict[tuple[int, int], str] = {}
        for name, steps in self.patterns:
            first = steps[0]
            start = -1
            for _ in range(norms.count(first)):
                start = norms.index(first, start + 1)
                for end in span_ends(norms, steps, start):
                    if names.setdefault((start, end), name) != name:
                        return self._matcher(doc)  # two cues on one span: the Matcher's order
        return [(name, start, end) for (start, end), name in sorted(names.items())]

    def _matcher(self, doc: Doc) -> list[tuple[str, int, int]]:
        strings = self.strings
        return [(strings[key], start, end) for key, start, end in self.matcher(doc)]
