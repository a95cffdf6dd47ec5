"""Tables owned by the service, and the list of every table for migrations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from alerts import models as alert_models
from collectors import models as collector_models
from signals import models as signal_models


class ApiKey(SQLModel, table=True):
    """An API key (stored as a SHA-256 digest) with a role and, for managers, a scope."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    key_hash: str = Field(unique=True, max_length=64)
    role: str = Field(max_length=16)  # admin | integration | risk | manager
    manager_email: str | None = Field(default=None, max_length=320)
    created_at: datetime


class AuditEntry(SQLModel, table=True):
    """Who changed what, when: imports, keys, sources, feedback."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    actor: str = Field(max_length=100)
    action: str = Field(max_length=100)
    detail: str = Field(default="", sa_column=Column(Text, nullable=False))


ALL_TABLES = (collector_models, signal_models, alert_models, ApiKey, AuditEntry)
