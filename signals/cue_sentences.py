"""Which sentences of a text can hold a cue: one Aho-Corasick pass over the folded text.

Tokenising is the classifier's main cost, and most sentences of a news text hold no cue.
A cue matches only a sentence that has, for each of the cue's words in the cue's order, a
word starting with it (folded; the word itself for a word without `*`), so only such
sentences go to spaCy. The test is a superset of what the Matcher accepts: a stem found
inside a longer word, or words too far apart for the cue's gaps, cost a needless parse,
never a missed cue.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Iterable
from functools import cache

from ahocorasick_rs import BytesAhoCorasick, Implementation, MatchKind
from wordfreq import get_frequency_dict, word_frequency

from signals.lexicon import cue_words
from signals.normalize import fold, match_form
from signals.sentences import Sentences

# Only the letters and digits of the folded text stay (as match_form() keeps them), the rest
# is a space, so that keys written " key" match where a word starts, and the automaton
# reports nothing else. Digits stay for cues like "chapter 11" (a digit that became a space
# would never match " 11 "). The text is encoded with one "?" per non-ASCII character, so
# offsets stay. (A number glued to a cue word, "5in", is one word here; spaCy splits off
# only unit words there, and "in" is never a trigger, so this misses nothing real.)
_WORD_CHARS = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + bytes(128)


# Up to this many trigger hits (some 6 sentences), a text's sentences are found near the
# hits (see Sentences); for more, one scan of the whole text costs about as much, and is kept
# for the complaint rule and attribution.
LOCAL_HITS = 12
MIN_FREQUENCY = 1e-6  # words rarer than this (zipf 3) do not count in _key_frequency


@cache
def _folded_words(lang: str) -> tuple[list[str], list[float]]:
    """wordfreq's common words of a language as the prepared text writes them, sorted, with
    the running sum of their frequencies."""
    frequencies: dict[str, float] = {}
    for word, frequency in get_frequency_dict(lang).items():
        if frequency < MIN_FREQUENCY:
            continue  # rarer words change no trigger, and folding all takes a second
        folded = fold(word).encode("ascii", "replace").translate(_WORD_CHARS).decode().strip()
        frequencies[folded] = frequencies.get(folded, 0.0) + frequency
    words = sorted(frequencies)
    return words, list(itertools.accumulate((frequencies[w] for w in words), initial=0.0))


def _key_frequency(key: str, lang: str) -> float:
    """How often a key (" stem" or " word ") starts a word in `lang`: the summed frequency
    of the words starting with the stem, or of the word. Only orders the triggers."""
    stem = key.strip()
    if any(c.isdigit() for c in stem):
        return word_frequency(stem, lang)  # wordfreq files numbers by shape ("11" as "00")
    words, running = _folded_words(lang)
    first = bisect.bisect_left(words, stem)
    if key.endswith(" "):
        last = first + 1 if first < len(words) and words[first] == stem else first
    else:
        last = bisect.bisect_left(words, stem + "\x7f")
    return running[last] - running[first]


def prepared_words(folded: str) -> bytes:
    """A folded text as the finders read it: letters and digits, every other character a
    space, one space in front so the first word starts a word and one after so the last one
    ends; one byte a character, so offsets are the text's plus one."""
    return b" " + folded.encode("ascii", "replace").translate(_WORD_CHARS) + b" "


class WordStarts:
    """Where keys written " key" start a word of a prepared text (letters and digits, every
    other character a space, one in front): the matches an overlapping search for " key"
    finds, found faster.

    The space in front of every key makes every space of the text a possible start, so the
    automaton steps through each byte. Without it, a leftmost-longest search of a few dozen
    keys skips ahead with a SIMD prefilter (aho-corasick's "Teddy") to the few places where
    a key may start: ~6x as fast for the complaint rule's refusals. A key it finds counts
    where it starts a word; the shorter keys that start there too are its prefixes (known in
    advance), and a key found inside a word ends before the next word starts (a key holds no
    space but a last one), so it hides no word's key.
    """

    def __init__(self, keys: list[bytes]) -> None:
        bare = [key.removeprefix(b" ") for key in keys]
        # A key of several words ("u s ", from "U.S.") found inside a word could run over the
        # next word's start: those keys keep their space and the overlapping search.
        self._spaced = [i for i, key in enumerate(bare) if b" " in key.rstrip(b" ")]
        plain = sorted(set(range(len(bare))) - set(self._spaced))
        self._plain = plain
        self._automaton = BytesAhoCorasick(
            [bare[i] for i in plain] or [b" "],  # (an automaton needs a pattern)
            matchkind=MatchKind.LeftmostLongest,
            implementation=Implementation.DFA,  # a few hundred words: small, and the fastest
        )
        # For each plain key, the plain keys it starts with (itself too).
        self._prefixes = [tuple(j for j in plain if bare[i].startswith(bare[j])) for i in plain]
        self._overlapping = (
            BytesAhoCorasick(
                [keys[i] for i in self._spaced],
                matchkind=MatchKind.Standard,
                implementation=Implementation.DFA,
            )
            if self._spaced
            else None
        )

    def find(self, prepared: bytes) -> list[tuple[int, int]]:
        """(text offset, key number) of each word-start match, in order. A match's text
        offset is the position of the space in front (prepared has one more in front)."""
        prefixes = self._prefixes
        # One comprehension: a list made per match cost as much as the automaton's search.
        found = (
            [
                (start - 1, key)
                for number, start, _ in self._automaton.find_matches_as_indexes(prepared)
                if prepared[start - 1] == 32  # 32: a space. start > 0: prepared[0] is one
                for key in prefixes[number]
            ]
            if self._plain
            else []
        )
        if self._overlapping is not None:
            spaced = self._spaced
            found += [
                (start, spaced[number])
                for number, start, _ in self._overlapping.find_matches_as_indexes(
                    prepared, overlapping=True
                )
            ]
        found.sort()
        return found


class CueSentenceFinder:
    """Sentences holding the words (a stem as a word's start) of at least one cue, in the
    cue's order."""

    def __init__(self, cues: Iterable[str], lang: str | None = None) -> None:
        ids: dict[str, int] = {}
        # Each cue's words as key ids, and the orders the cues with those words give them.
        orders: dict[frozenset[int], set[tuple[int, ...]]] = {}
        for cue in cues:
            keys = _cue_keys(cue)
            for key in sorted(set(keys)):
                ids.setdefault(key, len(ids))
            if keys:
                order = tuple(ids[key] for key in keys)
                orders.setdefault(frozenset(order), set()).add(order)
        needs = orders.keys()
        # key id → what the automaton looks for
        self._words = [f" {key}".encode() for key in ids]

        def rarity(key: int) -> tuple[float, int]:
            word = self._words[key].decode()
            return (_key_frequency(word, lang) if lang else 0.0), -len(word)

        # One-word cues: a set intersection. Longer ones are filed under one of their words,
        # the trigger: a sentence is checked only against cues whose trigger it holds. Only
        # triggers go into the automaton: the other words of a cue ("a", "the", "bir") start
        # a word in every sentence; they are looked for by str.find in the few sentences
        # that hold a trigger. The trigger is the word that the fewest words of `lang` start
        # with (see _key_frequency: "fine", not "with"), then the longest, then the one the
        # fewest cues share.
        single = frozenset(key for need in needs if len(need) == 1 for key in need)
        shared = Counter(key for need in needs for key in need)
        # trigger → the other words, and the orders of all the words
        by_trigger: dict[int, list[tuple[tuple[bytes, ...], list[tuple[bytes, ...]]]]] = {}
        for need in sorted(needs, key=sorted):
            if len(need) > 1:
                trigger = min(sorted(need), key=lambda key: (rarity(key), shared[key]))
                # The other words, rarest first: the check stops at the first one missing.
                rest = sorted(need - {trigger}, key=lambda key: (rarity(key), key))
                in_order = [tuple(self._words[k] for k in order) for order in sorted(orders[need])]
                by_trigger.setdefault(trigger, []).append(
                    (tuple(self._words[k] for k in rest), in_order)
                )
        self._triggers = sorted(single | by_trigger.keys())
        self._scanner = WordStarts([self._words[key] for key in self._triggers])
        # By the scanner's key numbers (a trigger's place in _triggers).
        self._single = frozenset(i for i, key in enumerate(self._triggers) if key in single)
        self._needs = {
            i: by_trigger[key] for i, key in enumerate(self._triggers) if key in by_trigger
        }
        self._empty = not ids

    def sentences(
        self, text: str, folded: str | None = None, prepared: bytes | None = None
    ) -> list[tuple[int, int]]:
        """(start, end) of each sentence that may hold a cue, in text order. `folded` is
        fold(text) and `prepared` prepared_words(folded), when the caller has them (several
        finders read one text)."""
        if self._empty:
            return []
        if prepared is None:
            prepared = prepared_words(fold(text) if folded is None else folded)
        # A match starts at the space before the word: its text offset, as prepared has one
        # character more in front.
        hits = self._scanner.find(prepared)
        if not hits:
            return []
        # Only the sentences around the hits: finding all of a text's boundaries cost more
        # than the rest of this.
        sentences = Sentences(text, many=len(hits) > LOCAL_HITS)
        found: list[tuple[int, int]] = []
        (start, end), keys = sentences.at(hits[0][0]), set[int]()
        for offset, key in hits:
            if offset >= end:
                self._close(prepared, start, end, keys, found)
                (start, end), keys = sentences.at(offset), set()
            keys.add(key)
        self._close(prepared, start, end, keys, found)
        return found

    def _close(
        self, prepared: bytes, start: int, end: int, keys: set[int], found: list[tuple[int, int]]
    ) -> None:
        """Keep the sentence [start, end) if it holds a one-word cue, or a trigger and its
        cue's other words (`keys`: the triggers it holds)."""
        if not self._single.isdisjoint(keys) or self._completed(prepared, start, end, keys):
            found.append((start, end))

    def _completed(self, prepared: bytes, start: int, end: int, keys: set[int]) -> bool:
        """Does the sentence [start, end) hold every other word of a cue whose trigger it
        holds, and all of them in the cue's order? A word's match in `prepared` starts at
        the space before it, at the word's text offset, so it must start before `end`.
        (Plain loops: this runs for most sentences that hold a trigger.)"""
        for trigger in keys:
            for rest, orders in self._needs.get(trigger, ()):
                for word in rest:
                    if prepared.find(word, start, end + len(word) - 1) < 0:
                        break
                else:
                    for words in orders:
                        if _in_order(prepared, start, end, words):
                            return True
        return False


def _cue_keys(cue: str) -> list[str]:
    """A cue's words as the finder's keys, in order: a stem as the start of a word, an exact
    word with a space after it (it must end where its key ends: "a" is not "about"; every
    character but a letter or digit is a space in the prepared text)."""
    keys = []
    for word in cue.split():
        stems, exact = cue_words([word])  # one of them holds the word, unless it is a gap
        key = [match_form(stem).strip() for stem in stems] + [
            match_form(word).strip() + " " for word in exact
        ]
        if key and key[0].strip():
            keys.append(key[0])
    return keys


def _in_order(prepared: bytes, start: int, end: int, words: tuple[bytes, ...]) -> bool:
    """Do `words` start words of the sentence [start, end) one after another? The tokens
    a cue matches follow each other, and each starts a word of the prepared text."""
    at = start
    for word in words:
        at = prepared.find(word, at, end + len(word) - 1)
        if at < 0:
            return False
        at += 1
    return True
