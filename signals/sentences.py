"""Sentence boundaries from the text with one regular expression, abbreviations respected.

spaCy's tokenizer stops caching for the rest of a text once a tokenizer exception
("Inc.", "U.S.") occurs in it, which makes news ~30× slower to tokenise; Radar's
pipelines therefore have no exceptions and find sentences here instead.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

# End punctuation (plus closing quotes) and whitespace before something that can open a
# sentence, or a line break — unless the next line goes on in lower case: a page's markup
# broke the sentence there ("… soruşturma\nbaşlatıldı"). One leading character class, so
# the scan skips ahead in C (twice as fast as an alternation).
_BOUNDARY = re.compile(
    r"[.!?…\n](?:(?<=[.!?…])[\"'”’»)]*\s+(?=[\"'“‘«(]*[A-ZÇĞİÖŞÜ0-9])"
    r"|(?<=\n)\n*+(?![ \t]*[a-zçğıöşü]))"
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
_ABBREVIATION_ENDINGS = frozenset(word[-2:] for word in ABBREVIATIONS)


@lru_cache(maxsize=256)
def sentence_starts(text: str) -> tuple[int, ...]:
    """Character offsets where sentences begin (always includes 0). Kept for the last texts
    (more than the pipeline's batch of 200): the cue finder, the complaint rule and
    attribution each ask for the same text's."""
    starts = [0]
    last_word = _LAST_WORD.search
    for match in _BOUNDARY.finditer(text):
        # A line break always ends a sentence; a dot after an abbreviation does not.
        dot = match.start()
        if text[dot] == "." and text[dot - 2 : dot].lower() in _ABBREVIATION_ENDINGS:
            word = last_word(text, max(0, dot - 12), dot + 1)
            if word is not None and word.group(1).lower() in ABBREVIATIONS:
                continue
        starts.append(match.end())
    return tuple(starts)


def sentence_at(starts: Sequence[int], text_length: int, offset: int) -> tuple[int, int]:
    """(start, end) of the sentence holding the character at `offset`."""
    index = bisect.bisect_right(starts, offset) - 1
    end = starts[index + 1] if index + 1 < len(starts) else text_length
    return starts[index], end
