"""Tables owned by the collectors: sources, their health, documents, stories and complaint
counts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class Source(SQLModel, table=True):
    """A place Radar reads on a schedule (a feed, a listing page, a bulk file)."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=200)
    kind: str = Field(index=True, max_length=40)
    url: str = Field(max_length=2000)
    every_seconds: int = Field(default=1800)
    reliability: float = Field(default=0.8)
    enabled: bool = Field(default=True)
    # Per-kind memory between runs: ETag, Last-Modified, cursors.
    state: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime


class SourceHealth(SQLModel, table=True):
    """How a source's last runs went; failures are data, not log lines."""

    source_id: int = Field(foreign_key="source.id", primary_key=True)
    last_attempt_at: datetime | None = None
    last_success_at: datetime | None = None
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    error_streak: int = 0
    next_attempt_at: datetime | None = None
    items_last_run: int = 0
    new_documents_last_run: int = 0


class Story(SQLModel, table=True):
    """One story told by one or more documents (syndicated copies share a story)."""

    id: int | None = Field(default=None, primary_key=True)
    fingerprint: str = Field(unique=True, max_length=64)
    first_seen_at: datetime
    source_count: int = 1


class Document(SQLModel, table=True):
    """One normalised text from a source, stored once per source and canonical URL."""

    __table_args__ = (UniqueConstraint("source_id", "canonical_url"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    canonical_url: str = Field(max_length=2000)
    content_hash: str = Field(index=True, max_length=64)
    title: str = Field(default="", sa_column=Column(Text, nullable=False))
    text: str = Field(default="", sa_column=Column(Text, nullable=False))
    language: str | None = Field(default=None, max_length=8)
    published_at: datetime | None = None
    fetched_at: datetime
    story_id: int | None = Field(default=None, foreign_key="story.id", index=True)
    # The collector's structured fields (tenders: buyer, winners, CPV; patents: number,
    # applicants; ...), JSON as RawItem.extra has them, minus the runner's own flags.
    extra: dict[str, Any] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False, server_default="{}")
    )
    # Set by the signals stage once linked and classified; None means "to do".
    processed_at: datetime | None = Field(default=None, index=True)


class ComplaintCount(SQLModel, table=True):
    """Complaints one source showed about one company on one day, for the surge detector.
    `company_key` is the company or brand as the site names it, folded to lower case."""

    __table_args__ = (UniqueConstraint("source_id", "company_key", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    company_key: str = Field(max_length=200)
    day: date
    count: int = 0
