"""spaCy factories for Radar's own pipeline components."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from signals.normalize import fold


@Language.component("radar_fold_norms")
def fold_norms(doc: Doc) -> Doc:
    """Set each token's NORM to its folded form, so cues match Tüpraş/TÜPRAŞ/Tupras alike."""
    for token in doc:
        token.norm_ = fold(token.text)
    return doc
