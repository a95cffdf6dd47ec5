"""Which sentences of a text can hold a cue: one Aho-Corasick pass over the folded text.

Tokenising is the classifier's main cost, and most sentences of a news text hold no cue.
A cue matches only a sentence that has, for each of the cue's words, a word starting
with it (folded), so only such sentences go to spaCy. The test is a superset of what the
Matcher accepts: a stem found inside a longer word, or words in the wrong order, cost a
needless parse, never a missed cue.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ahocorasick_rs import AhoCorasick, Implementation, MatchKind

from signals.lexicon import cue_words
from signals.normalize import match_form
from signals.sentences import sentence_starts

# match_form() keeps letters, digits, "'" and "&"; here only letters stay, so that keys
# written " key" match where a word starts, and the automaton reports nothing else.
_LETTERS_ONLY = bytes(c if chr(c).isalpha() else 32 for c in range(128)) + bytes(128)


class CueSentenceFinder:
    """Sentences holding every word (as a word's start) of at least one cue."""

    def __init__(self, cues: Iterable[str]) -> None:
        ids: dict[str, int] = {}
        needs: set[frozenset[int]] = set()  # each cue's words as key ids
        for cue in cues:
            stems, exact = cue_words([cue])
            keys = {match_form(word).strip() for word in stems | exact} - {""}
            if keys:
                needs.add(frozenset(ids.setdefault(key, len(ids)) for key in sorted(keys)))
        # One-word cues: a set intersection. Longer ones are filed under their word that the
        # fewest cues share ("patent" rather than "million"), so a sentence is checked only
        # against cues whose most particular word it holds.
        self._single = frozenset(key for need in needs if len(need) == 1 for key in need)
        shared = Counter(key for need in needs for key in need)
        self._needs: dict[int, list[frozenset[int]]] = {}
        for need in sorted(needs, key=sorted):
            if len(need) > 1:
                particular = min(sorted(need), key=lambda key: shared[key])
                self._needs.setdefault(particular, []).append(need)
        # Pattern i is key number i (ids are numbered in insertion order).
        self._automaton = AhoCorasick(
            [f" {key}" for key in ids],
            matchkind=MatchKind.Standard,
            implementation=Implementation.ContiguousNFA,
            store_patterns=False,
        )
        self._empty = not ids

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence that may hold a cue, in text order."""
        if self._empty:
            return []
        # match_form() text is ASCII; one space in front so the first word starts a word.
        prepared = " " + match_form(text).encode().translate(_LETTERS_ONLY).decode()
        # A match starts at the space before the word: its text offset, as prepared has one
        # character more in front.
        hits = [
            (start, number)
            for number, start, _ in self._automaton.find_matches_as_indexes(
                prepared, overlapping=True
            )
        ]
        if not hits:
            return []
        hits.sort()
        starts = [*sentence_starts(text), len(text)]
        found: list[tuple[int, int]] = []
        sentence, keys = 0, set[int]()
        for start, number in hits:
            if start >= starts[sentence + 1]:
                self._close(starts, sentence, keys, found)
                while start >= starts[sentence + 1]:
                    sentence += 1
                keys = set()
            keys.add(number)
        self._close(starts, sentence, keys, found)
        return found

    def _close(
        self, starts: list[int], sentence: int, keys: set[int], found: list[tuple[int, int]]
    ) -> None:
        needs = self._needs
        if not self._single.isdisjoint(keys) or any(
            need <= keys for key in keys if key in needs for need in needs[key]
        ):
            found.append((starts[sentence], starts[sentence + 1]))
