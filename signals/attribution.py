"""Which company a cue belongs to: the one its sentence is about.

Nearest company named before the cue in the same sentence (the subject comes first in
both Turkish and English), else the nearest after it, else the last company named in
the previous sentence ("The company said …"), else the document's only company.
"""

from __future__ import annotations

from signals.classify import CueHit
from signals.matching import NameHit

ONLY_COMPANY_FACTOR = 0.8


def attribute(
    hit: CueHit, mentions: list[NameHit], previous_sentence_start: int | None
) -> tuple[NameHit, float] | None:
    """The mention a cue hit belongs to and a factor for how sure that attribution is."""
    inside = [m for m in mentions if hit.sentence_start <= m.start < hit.sentence_end]
    before = [m for m in inside if m.start <= hit.cue_start]
    if before:
        return max(before, key=lambda m: m.start), 1.0
    if inside:
        return min(inside, key=lambda m: m.start), 0.9
    if previous_sentence_start is not None:
        previous = [m for m in mentions if previous_sentence_start <= m.start < hit.sentence_start]
        if previous:
            return max(previous, key=lambda m: m.start), 0.85
    companies = {m.company_id for m in mentions}
    if len(companies) == 1:
        return max(mentions, key=lambda m: m.confidence), ONLY_COMPANY_FACTOR
    return None
