"""API keys: created once, stored only as a SHA-256 digest."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlmodel import Session, select

from app.models import ApiKey

ROLES = ("admin", "integration", "risk", "manager")


class InvalidKeyRequest(ValueError):
    """A key cannot be created as asked (unknown role, manager key without an e-mail)."""


def digest(key: str) -> str:
    """The stored form of a key."""
    return hashlib.sha256(key.encode()).hexdigest()


def create_key(
    *, session: Session, name: str, role: str, manager_email: str | None, now: datetime
) -> str:
    """Create a key and return it in clear (the only time it is ever shown)."""
    if role not in ROLES:
        raise InvalidKeyRequest(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if role == "manager" and not manager_email:
        raise InvalidKeyRequest("a manager key needs --manager EMAIL")
    key = "rk_" + secrets.token_urlsafe(24)
    session.add(
        ApiKey(
            name=name,
            key_hash=digest(key),
            role=role,
            manager_email=manager_email.lower() if manager_email else None,
            created_at=now,
        )
    )
    session.flush()
    return key


def find_key(session: Session, key: str) -> ApiKey | None:
    """The key row for a presented key, if any."""
    return session.exec(select(ApiKey).where(ApiKey.key_hash == digest(key))).first()
