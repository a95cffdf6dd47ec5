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

from sqlalchemy import ColumnElement, Select, Table, Text, cast, func, or_, select
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
_SEPARATOR = "\x1f"  # between a company's name fields: a control character no name has

log = logging.getLogger("radar.signals")


@cache
def derivation_version() -> bytes:
    """A digest of the derivation's code, data files and word-frequency tables' version."""
    digest = hashlib.blake2b(version("wordfreq").encode(), digest_size=16)
    data = sorted(path for path in (_SIGNALS / "data").iterdir() if path.is_file())
    for path in [*(_SIGNALS / name for name in _DERIVATION_CODE), *data]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


def name_fields() -> Select[tuple[int, str, str, str | None, str | None]]:
    """Each company's id and the fields its names derive from, aliases as the database's
    JSON text (parsing it for every company was most of the read)."""
    c = Company.__table__.c  # type: ignore[attr-defined]
    return select(c.id, c.legal_name, cast(c.aliases, Text), c.ticker, c.tax_number)


def _name_text(company: Table) -> ColumnElement[str]:
    """A company's name fields as one text, made in SQL (aliases as the database's JSON): a
    stored entry is current while the text it was derived from equals this one."""
    c = company.c
    return (
        c.legal_name
        + _SEPARATOR
        + cast(c.aliases, Text)
        + _SEPARATOR
        + func.coalesce(c.ticker, "")
        + _SEPARATOR
        + func.coalesce(c.tax_number, "")
    )


def stored_entries(session: Session) -> list[tuple[int, str]]:
    """(company id, entries_text()) for every company: derived and stored (in `session`'s
    transaction) where not stored for its current names and derivation, then all read back.
    The database finds the changed companies, so a rebuild with few changes reads only ids and
    entries (digesting every company's names in Python was half the read)."""
    company, derived = Company.__table__, DerivedNames.__table__  # type: ignore[attr-defined]
    d = derived.c
    version = hashlib.blake2b(derivation_version(), digest_size=16).hexdigest()
    names = _name_text(company)
    changed = (
        name_fields()
        .add_columns(names)
        .select_from(company.outerjoin(derived, d.company_id == company.c.id))
        .where(or_(d.source.is_distinct_from(version), d.names.is_distinct_from(names)))
    )
    stale: list[dict[str, object]] = []
    with gc_paused():
        for company_id, legal_name, aliases, ticker, tax_number, text in session.execute(
            changed
        ).all():
            entries = entries_text(
                index_entries(legal_name, json.loads(aliases), ticker, tax_number)
            )
            stale.append(
                {"company_id": company_id, "source": version, "entries": entries, "names": text}
            )
    if stale:
        log.info("name index: the names of %d companies derived anew", len(stale))
    for start in range(0, len(stale), _WRITE_BATCH):
        upsert(
            session,
            DerivedNames,
            stale[start : start + _WRITE_BATCH],
            keys=["company_id"],
            update=["source", "entries", "names"],
        )
    every = select(company.c.id, d.entries).select_from(
        company.join(derived, d.company_id == company.c.id)
    )
    with gc_paused():
        return [tuple(row) for row in session.execute(every).all()]
