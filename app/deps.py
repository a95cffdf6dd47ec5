"""Typed dependencies: a session per request, the caller's API key, role checks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import APIKeyHeader
from sqlmodel import Session, select

from app.keys import find_key
from signals.models import Company, Manager

api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)


def get_session(request: Request) -> Iterator[Session]:
    """One session per request; the route commits if it writes."""
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


@dataclass(frozen=True)
class Caller:
    """Who is calling: role and, for a manager, the manager's id."""

    role: str
    manager_id: int | None

    def may_see(self, company: Company) -> bool:
        """A manager sees only their own companies; every other role sees all."""
        return self.role != "manager" or company.manager_id == self.manager_id


def get_caller(session: SessionDep, key: Annotated[str | None, Depends(api_key_header)]) -> Caller:
    """The caller behind the X-API-Key header."""
    if not key:
        raise HTTPException(
            401,
            "send an API key in the X-API-Key header",
            headers={"WWW-Authenticate": "X-API-Key"},
        )
    row = find_key(session, key)
    if row is None:
        raise HTTPException(401, "unknown API key", headers={"WWW-Authenticate": "X-API-Key"})
    manager_id = None
    if row.role == "manager":
        manager = session.exec(select(Manager).where(Manager.email == row.manager_email)).first()
        manager_id = manager.id if manager else -1  # a manager with no companies sees nothing
    return Caller(role=row.role, manager_id=manager_id)


def require(*roles: str) -> Callable[[Caller], Caller]:
    """A dependency that admits only the given roles."""

    def check(caller: Annotated[Caller, Depends(get_caller)]) -> Caller:
        if caller.role not in roles:
            raise HTTPException(
                403, f"role {caller.role!r} may not do this; needs {', '.join(roles)}"
            )
        return caller

    return check
