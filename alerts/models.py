"""Tables owned by the alerts stage: alerts, the delivery outbox, digests, outcomes, teams."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    """A group that receives alerts, such as the risk team."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=100)
    email: str = Field(max_length=320)
    # Which kinds of signal the team subscribes to, and from what score up.
    kinds: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    min_score: float = 0.0


class Alert(SQLModel, table=True):
    """One alert for one recipient about one company, signal type and story."""

    id: int | None = Field(default=None, primary_key=True)
    dedupe_key: str = Field(unique=True, max_length=300)
    company_id: int = Field(foreign_key="company.id", index=True)
    recipient: str = Field(max_length=320, index=True)
    recipient_kind: str = Field(max_length=16)  # manager | team
    kind: str = Field(max_length=16)
    type: str = Field(max_length=40)
    story_id: int | None = Field(default=None, foreign_key="story.id")
    priority: float
    signal_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    source_count: int = 1
    status: str = Field(default="new", max_length=16)  # new | suppressed | acked
    reason: str = Field(default="", max_length=300)
    suppression_reason: str | None = Field(default=None, max_length=300)
    marked: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    feedback: str | None = Field(default=None, max_length=32)
    created_at: datetime = Field(index=True)
    updated_at: datetime


class Digest(SQLModel, table=True):
    """One manager's daily digest, rendered once per day."""

    __table_args__ = (UniqueConstraint("recipient", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    recipient: str = Field(max_length=320)
    day: date
    alert_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    subject: str = Field(max_length=300)
    html: str = Field(sa_column=Column(Text, nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime


class Delivery(SQLModel, table=True):
    """Outbox row: one message on one channel, retried until delivered or dead."""

    id: int | None = Field(default=None, primary_key=True)
    idempotency_key: str = Field(unique=True, max_length=300)
    channel: str = Field(max_length=16)  # email | webhook
    target: str = Field(max_length=2000)
    digest_id: int | None = Field(default=None, foreign_key="digest.id")
    alert_id: int | None = Field(default=None, foreign_key="alert.id")
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    status: str = Field(default="pending", max_length=16)  # pending | sent | dead
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_result: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime


class Outcome(SQLModel, table=True):
    """What happened after an alert: offer won or lost, risk realised or not."""

    id: int | None = Field(default=None, primary_key=True)
    alert_id: int = Field(foreign_key="alert.id", index=True)
    result: str = Field(max_length=32)
    reason: str | None = Field(default=None, max_length=500)
    competitor: str | None = Field(default=None, max_length=200)
    amount: float | None = None
    realised_at: datetime | None = None
    created_at: datetime
