"""Test factories with sensible defaults: make_company(), make_source(), make_document()."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, select

from collectors.models import Document, Source, Story
from signals.models import Company, Manager

NOW = datetime(2026, 11, 23, 9, 0, 0, tzinfo=UTC)


def make_manager(session: Session, email: str = "ayse@bank.example") -> Manager:
    existing = session.exec(select(Manager).where(Manager.email == email)).first()
    if existing:
        return existing
    manager = Manager(email=email, name="")
    session.add(manager)
    session.flush()
    return manager


def make_company(session: Session, **fields: Any) -> Company:
    manager_email = fields.pop("manager_email", "ayse@bank.example")
    values: dict[str, Any] = {
        "crm_id": "C1",
        "legal_name": "TÜRKİYE PETROL RAFİNERİLERİ A.Ş.",
        "aliases": ["Tüpraş"],
        "ticker": "TUPRS",
        "exposure": 50_000_000.0,
        "status": "active",
        "updated_at": NOW,
    }
    values.update(fields)
    if manager_email:
        values["manager_id"] = make_manager(session, manager_email).id
    company = Company(**values)
    session.add(company)
    session.flush()
    return company


def make_source(session: Session, name: str = "news", **fields: Any) -> Source:
    existing = session.exec(select(Source).where(Source.name == name)).first()
    if existing:
        return existing
    values: dict[str, Any] = {
        "name": name,
        "kind": "rss",
        "url": f"http://127.0.0.1/{name}.xml",
        "created_at": NOW,
        "state": {},
    }
    values.update(fields)
    source = Source(**values)
    session.add(source)
    session.flush()
    return source


def make_document(
    session: Session,
    text: str,
    *,
    source: Source | None = None,
    title: str = "",
    url: str | None = None,
    language: str | None = "tr",
    sources: int = 1,
) -> Document:
    source = source or make_source(session)
    digest = hashlib.sha256((title + text).encode()).hexdigest()
    story = Story(fingerprint=digest, first_seen_at=NOW, source_count=sources)
    session.add(story)
    session.flush()
    assert source.id is not None
    document = Document(
        source_id=source.id,
        canonical_url=url or f"https://news.example/{digest[:12]}",
        content_hash=digest,
        title=title,
        text=text,
        language=language,
        fetched_at=NOW,
        published_at=NOW,
        story_id=story.id,
    )
    session.add(document)
    session.flush()
    return document
