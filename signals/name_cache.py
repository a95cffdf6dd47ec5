"""Each company's name-index entries, kept in the database (table DerivedNames).

Deriving a company's names costs ~30 µs (signals/names.py): ~5 s of a 150,000-company index
build. Reading them back costs ~1 µs. So a build reads the stored entries of every company
whose names and derivation are unchanged, and derives (and stores) only the others: those
new or changed since the last build, or all of them once after the derivation's code or
data changed.
"""

from __future__ import annotations

import hashlib
import json
import logging
from functools import cache
from importlib.metadata import version
from pathlib import Path

from sqlalchemy import Select, Text, cast, select
from sqlmodel import Session

from collectors.upsert import upsert
from signals.index_entries import entries_text, index_entries
from signals.matching import gc_paused
from signals.models import Company, DerivedNames

_SIGNALS = Path(__file__).resolve().parent
# What derivation reads: its code and every data file beside it (a change to one it does
# not read costs one full derivation, never a stale entry).
_DERIVATION_CODE = ("names.py", "normalize.py", "identifiers.py", "index_entries.py")
_WRITE_BATCH = 1000

log = logging.getLogger("radar.signals")


@cache
def derivation_version() -> bytes:
    """A digest of the derivation's code, data files and word-frequency tables' version."""
    digest = hashlib.blake2b(version("wordfreq").encode(), digest_size=16)
    data = sorted(path for path in (_SIGNALS / "data").iterdir() if path.is_file())
    for path in [*(_SIGNALS / name for name in _DERIVATION_CODE), *data]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


def source_digest(
    derivation: hashlib.blake2b,
    legal_name: str,
    aliases_json: str,
    ticker: str | None,
    tax_number: str | None,
) -> str:
    """What a company's stored entries were derived from: `derivation` (a digest of
    derivation_version()) and the company's name fields, aliases as the database's JSON."""
    digest = derivation.copy()  # a copy costs less than hashing the version anew
    digest.update(f"{legal_name}\0{aliases_json}\0{ticker or ''}\0{tax_number or ''}".encode())
    return digest.hexdigest()


def name_fields() -> Select[tuple[int, str, str, str | None, str | None]]:
    """Each company's id and the fields its names derive from, aliases as the database's
    JSON text (parsing it for every company was most of the read)."""
    c = Company.__table__.c  # type: ignore[attr-defined]
    return select(c.id, c.legal_name, cast(c.aliases, Text), c.ticker, c.tax_number)


def stored_entries(session: Session) -> list[tuple[int, str]]:
    """(company id, entries_text()) for every company: read back where stored for its
    current names, derived and stored (in `session`'s transaction) where not."""
    company, derived = Company.__table__, DerivedNames.__table__  # type: ignore[attr-defined]
    d = derived.c
    query = (
        name_fields()
        .add_columns(d.source, d.entries)
        .select_from(company.outerjoin(derived, d.company_id == company.c.id))
    )
    derivation = hashlib.blake2b(derivation_version(), digest_size=16)
    out: list[tuple[int, str]] = []
    stale: list[dict[str, object]] = []
    with gc_paused():
        for company_id, legal_name, aliases, ticker, tax_number, source, entries in session.execute(
            query
        ).all():
            digest = source_digest(derivation, legal_name, aliases, ticker, tax_number)
            if digest != source:
                names = index_entries(legal_name, json.loads(aliases), ticker, tax_number)
                entries = entries_text(names)
                stale.append({"company_id": company_id, "source": digest, "entries": entries})
            out.append((company_id, entries))
    if stale:
        log.info("name index: %d of %d companies' names derived anew", len(stale), len(out))
    for start in range(0, len(stale), _WRITE_BATCH):
        upsert(
            session,
            DerivedNames,
            stale[start : start + _WRITE_BATCH],
            keys=["company_id"],
            update=["source", "entries"],
        )
    return out
