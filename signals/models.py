"""Tables owned by the signals stage: portfolio companies, mentions and signals."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class Manager(SQLModel, table=True):
    """A relationship manager; companies point at one by e-mail."""

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(unique=True, max_length=320)
    name: str = Field(default="", max_length=200)


class Company(SQLModel, table=True):
    """A corporate customer as the CRM exports it."""

    id: int | None = Field(default=None, primary_key=True)
    crm_id: str = Field(unique=True, max_length=64)
    legal_name: str = Field(max_length=500)
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    tax_number: str | None = Field(default=None, max_length=32, index=True)
    ticker: str | None = Field(default=None, max_length=16, index=True)
    sector: str | None = Field(default=None, max_length=200)
    city: str | None = Field(default=None, max_length=100)
    manager_id: int | None = Field(default=None, foreign_key="manager.id", index=True)
    exposure: float | None = None
    contact_preferences: list[str] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    status: str = Field(default="active", max_length=16)
    updated_at: datetime


class DerivedNames(SQLModel, table=True):
    """A company's name-index entries as its names derive them (signals/index_entries.py),
    kept so that a rebuild of the index derives only the companies whose names changed.
    `source` is a digest of the derivation's code and data, `names` the company's name
    fields the entries were derived from (as signals/name_cache.py joins them, in SQL)."""

    company_id: int = Field(foreign_key="company.id", primary_key=True)
    source: str = Field(max_length=32)
    entries: str = Field(sa_column=Column(Text, nullable=False))
    names: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class Mention(SQLModel, table=True):
    """A place in a document that names a portfolio company, and how sure we are."""

    __table_args__ = (UniqueConstraint("document_id", "company_id", "start"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    company_id: int = Field(foreign_key="company.id", index=True)
    start: int
    end: int
    surface: str = Field(max_length=500)
    method: str = Field(max_length=40)
    confidence: float
    explanation: str = Field(default="", max_length=500)


class Signal(SQLModel, table=True):
    """A typed investment or distress signal about one company from one document."""

    __table_args__ = (UniqueConstraint("document_id", "company_id", "type"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    company_id: int = Field(foreign_key="company.id", index=True)
    mention_id: int | None = Field(default=None, foreign_key="mention.id")
    story_id: int | None = Field(default=None, foreign_key="story.id")
    kind: str = Field(max_length=16)
    type: str = Field(max_length=40, index=True)
    probability: float
    evidence: str = Field(sa_column=Column(Text, nullable=False))
    cue: str = Field(default="", max_length=200)
    score: float
    factors: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    occurred_at: datetime
    created_at: datetime
    # Set by the alerts stage once routed; None means "not routed yet".
    routed_at: datetime | None = Field(default=None, index=True)
