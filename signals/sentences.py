"""Sentence boundaries from the text with one regular expression, abbreviations respected.

spaCy's tokenizer stops caching for the rest of a text once a tokenizer exception
("Inc.", "U.S.") occurs in it, which makes news ~30× slower to tokenise; Radar's
pipelines therefore have no exceptions and find sentences here instead.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

# End punctuation (plus closing quotes) and whitespace before something that can open a
# sentence, or a line break — unless the next line goes on in lower case: a page's markup
# broke the sentence there ("… soruşturma\nbaşlatıldı"). One leading character class, so
# the scan skips ahead in C (twice as fast as an alternation).
_AFTER_END = r"[\"'”’»)]*\s+(?=[\"'“‘«(]*[A-ZÇĞİÖŞÜ0-9])"
_AFTER_BREAK = r"\n*+(?![ \t]*[a-zçğıöşü])"
_BOUNDARY = re.compile(rf"[.!?…\n](?:(?<=[.!?…]){_AFTER_END}|(?<=\n){_AFTER_BREAK})")
# _BOUNDARY once per first character, for a whole text: a pattern that starts with a
# character (not a class) is looked for by a fast scan in C, where a class is tried at every
# position (~6 ns a character, most of a whole text's scan).
_BOUNDARY_BY_FIRST = (
    *((end, re.compile(re.escape(end) + _AFTER_END)) for end in ".!?…"),
    ("\n", re.compile("\n" + _AFTER_BREAK)),
)
_LAST_WORD = re.compile(r"([^\W\d_][\w.]*)[.]$")
ABBREVIATIONS = frozenset(
    {
        "inc", "corp", "co", "ltd", "llc", "plc", "mr", "mrs", "ms", "dr", "prof", "st", "jr",
        "sr", "no", "vs", "u.s", "u.k", "e.g", "i.e", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "a.ş", "aş", "şti", "tic", "san", "doç",
        "av", "vb", "vd", "bkz", "yrd", "müh", "op", "gen", "org", "alb", "tel", "cad", "sok",
        "mah", "blv",
    }
)  # fmt: skip
# The last two characters of each abbreviation: a dot after any other two (lower-cased) ends
# no abbreviation, so the word before it need not be looked for (all are 2+ characters).
_ENDINGS = frozenset(word[-2:] for word in ABBREVIATIONS)


@lru_cache(maxsize=256)
def sentence_starts(text: str) -> tuple[int, ...]:
    """Character offsets where sentences begin (always includes 0). Kept for the last texts
    (more than the pipeline's batch of 200): the cue finder, the complaint rule and
    attribution each ask for the same text's."""
    return (0, *_all_boundaries(text))


def _all_boundaries(text: str) -> list[int]:
    """_boundaries(text, 0), from one search per first character of _BOUNDARY. A match
    that starts inside an earlier one is one the single scan never tries: it goes on after
    each match (only a line break can stand inside one, in an end's spaces)."""
    spans = []
    for first, pattern in _BOUNDARY_BY_FIRST:
        if first in text:
            spans += [match.span() for match in pattern.finditer(text)]
    spans.sort()
    found = []
    end = 0
    for start, stop in spans:
        if start < end:
            continue
        end = stop
        if not (
            text[start] == "."
            and text[start - 2 : start].lower() in _ENDINGS
            and _abbreviation(text, start)
        ):
            found.append(stop)
    return found


def _boundaries(text: str, scan: int) -> Iterator[int]:
    """Where sentences begin, from `scan` on: the ends of _BOUNDARY's matches. A line break
    always ends a sentence; a dot after an abbreviation does not."""
    for match in _BOUNDARY.finditer(text, scan):
        dot = match.start()
        if (
            text[dot] == "."
            and text[dot - 2 : dot].lower() in _ENDINGS
            and _abbreviation(text, dot)
        ):
            continue
        yield match.end()


def _abbreviation(text: str, dot: int) -> bool:
    """Does the dot at `dot`, after one of _ENDINGS, end an abbreviation ("Inc.", "A.Ş.")?"""
    word = _LAST_WORD.search(text, max(0, dot - 12), dot + 1)
    return word is not None and word.group(1).lower() in ABBREVIATIONS


SCAN_BACK = 200  # characters before an offset scanned for its sentence's start (see Sentences)


class Sentences:
    """The sentences of one text around offsets asked for in text order, as sentence_at()
    would give them, but found by scanning near the offsets only: the cue finder and the
    complaint rule need a few sentences of a text, not all of its boundaries.

    The boundaries found from a position are the ones sentence_starts() finds there when
    the scan starts at 0, at the end of a boundary, or after a letter or digit (no boundary
    holds one, so none runs over it)."""

    def __init__(self, text: str, many: bool = False) -> None:
        self.text = text
        self.end = 0  # where the last sentence returned ends; a scan can start there
        # Asked for `many` sentences, one scan of the whole text (kept for the other
        # callers) costs less than scans near each.
        self.starts = [*sentence_starts(text), len(text)] if many else None

    def at(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence holding `offset`, at or after the last one's end."""
        if self.starts is not None:
            index = bisect.bisect_right(self.starts, offset) - 1
            return self.starts[index], self.starts[index + 1]
        text, floor, back = self.text, self.end, SCAN_BACK
        while True:
            scan = max(floor, offset - back)
            while scan > floor and not text[scan - 1].isalnum():
                scan -= 1
            start, end = None, len(text)
            for boundary in _boundaries(text, scan):
                if boundary > offset:
                    end = boundary
                    break
                start = boundary
            if start is not None or scan == floor:
                self.end = end
                return (floor if start is None else start), end
            back *= 4  # no boundary between the scan's start and the offset: look further back


def sentences_holding(text: str, offsets: Iterable[int]) -> list[tuple[int, int]]:
    """(start, end) of each sentence holding one of the offsets, in text order, once."""
    sentences = Sentences(text)
    found: list[tuple[int, int]] = []
    for offset in sorted(offsets):
        if not found or offset >= found[-1][1]:
            found.append(sentences.at(offset))
    return found


def sentence_at(starts: Sequence[int], text_length: int, offset: int) -> tuple[int, int]:
    """(start, end) of the sentence holding the character at `offset`."""
    index = bisect.bisect_right(starts, offset) - 1
    end = starts[index + 1] if index + 1 < len(starts) else text_length
    return starts[index], end
