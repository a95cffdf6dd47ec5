"""Near-duplicate stories: the same story syndicated by several outlets, with a changed first
sentence, a byline or different line breaks, is one Story.

Each text is folded (Unicode compatibility form, accents and case dropped, dotless ı as i),
cut into words, and described by its word 5-shingles; a MinHash of 64 permutations estimates
the Jaccard similarity of two shingle sets and an LSH index (threshold 0.7) finds the stored
texts likely to be that similar. Of those candidates the one with the highest estimate wins.
Texts under `MIN_WORDS` words are too short to judge and only ever match exactly (by content
hash, in runner.py).

The index lives in memory for one collect run: `recent_story_index` builds it from the stored
documents of stories first seen within the window, and the runner adds each new document, so
a story older than the window is never joined again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime, timedelta

from datasketch import MinHash, MinHashLSH
from sqlalchemy import distinct
from sqlmodel import Session, col, func, select, update

from collectors.models import Document, Story
from collectors.upsert import insert_ignore

SHINGLE_WORDS = 5
NUM_PERM = 64
THRESHOLD = 0.7
MIN_WORDS = 25
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower case without accents: 'İstanbul'da IŞIK' -> "istanbul'da isik"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def shingles(text: str) -> set[str]:
    """Word 5-shingles of the folded text (empty when it has fewer than MIN_WORDS words)."""
    words = _WORD.findall(fold(text))
    if len(words) < MIN_WORDS:
        return set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str, num_perm: int = NUM_PERM) -> MinHash | None:
    """The MinHash of a text's shingles; None for a text too short to compare."""
    found = shingles(text)
    if not found:
        return None
    minhash = MinHash(num_perm=num_perm)
    minhash.update_batch([shingle.encode("utf-8") for shingle in found])
    return minhash


class StoryIndex:
    """Documents' MinHashes in an LSH index, each remembering its story."""

    def __init__(self, *, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._documents: dict[str, tuple[int, MinHash]] = {}

    def __len__(self) -> int:
        return len(self._documents)

    def add(self, key: str, story_id: int, text: str) -> None:
        """Index a document under a unique `key` (a short text is not indexed)."""
        minhash = signature(text, self.num_perm)
        if minhash is None or key in self._documents:
            return
        self._lsh.insert(key, minhash)
        self._documents[key] = (story_id, minhash)

    def match(self, text: str) -> int | None:
        """The story of the most similar indexed document, or None."""
        minhash = signature(text, self.num_perm)
        if minhash is None:
            return None
        best: tuple[float, int] | None = None
        for key in self._lsh.query(minhash):
            story_id, other = self._documents[key]
            similarity = float(minhash.jaccard(other))
            # Ties go to the older story (smaller id), so the choice does not depend on order.
            if best is None or (similarity, -story_id) > (best[0], -best[1]):
                best = (similarity, story_id)
        return best[1] if best else None


def document_key(source_id: int, canonical_url: str) -> str:
    """The index key of a document: its unique (source, canonical URL)."""
    return f"{source_id} {canonical_url}"


def recent_story_index(
    *,
    session: Session,
    now: datetime,
    window: timedelta,
    threshold: float = THRESHOLD,
    num_perm: int = NUM_PERM,
) -> StoryIndex:
    """An index of the stored documents whose story was first seen since `now - window`."""
    index = StoryIndex(threshold=threshold, num_perm=num_perm)
    rows: Iterable[tuple[int, str, int | None, str]] = session.exec(
        select(Document.source_id, Document.canonical_url, Document.story_id, Document.text)
        .join(Story, col(Story.id) == col(Document.story_id))
        .where(col(Story.first_seen_at) >= now - window)
        .order_by(col(Document.id))
    )
    for source_id, url, story_id, text in rows:
        if story_id is not None:
            index.add(document_key(source_id, url), story_id, text)
    return index


def assign_story(
    *, session: Session, fingerprint: str, text: str, index: StoryIndex, now: datetime
) -> int:
    """The story of a stored document with this exact content hash, else of the most similar
    recent document, else a new story keyed by the fingerprint."""
    exact = session.exec(
        select(Document.story_id)
        .where(Document.content_hash == fingerprint, col(Document.story_id).is_not(None))
        .limit(1)
    ).first()
    if exact is not None:
        return exact
    similar = index.match(text)
    if similar is not None:
        return similar
    insert_ignore(
        session,
        Story,
        [{"fingerprint": fingerprint, "first_seen_at": now, "source_count": 1}],
        keys=["fingerprint"],
    )
    story_id = session.exec(select(Story.id).where(Story.fingerprint == fingerprint)).one()
    assert story_id is not None
    return story_id


def count_story_sources(*, session: Session, story_id: int) -> None:
    """Set the story's source_count to the number of distinct sources of its documents."""
    sources = (
        select(func.count(distinct(col(Document.source_id))))
        .where(Document.story_id == story_id)
        .scalar_subquery()
    )
    session.exec(update(Story).where(col(Story.id) == story_id).values(source_count=sources))
