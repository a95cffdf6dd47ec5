"""Portfolio import: the CRM's CSV, checked whole, then upserted by crm_id."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from collectors.upsert import insert_ignore, upsert
from signals.errors import PortfolioInvalid
from signals.models import Company, Manager
from signals.name_cache import stored_entries

COLUMNS = (
    "crm_id",
    "legal_name",
    "aliases",
    "tax_number",
    "ticker",
    "sector",
    "city",
    "manager_email",
    "exposure",
    "contact_preferences",
    "status",
)
STATUSES = ("active", "closed")


@dataclass(frozen=True)
class ImportReport:
    """What an import did."""

    rows: int
    created: int
    updated: int


def parse_portfolio(data: bytes) -> list[dict[str, Any]]:
    """Check a portfolio CSV and return its rows; raise PortfolioInvalid listing every problem."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PortfolioInvalid(
            [f"file is not UTF-8: byte {exc.start} (0x{data[exc.start]:02x}) cannot be decoded"]
        ) from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = tuple(reader.fieldnames or ())
    if header != COLUMNS:
        missing = [c for c in COLUMNS if c not in header]
        unknown = [c for c in header if c not in COLUMNS]
        detail = f"missing {missing}" if missing else ""
        detail += (", " if detail and unknown else "") + (f"unknown {unknown}" if unknown else "")
        raise PortfolioInvalid(
            [f"line 1: header must be {','.join(COLUMNS)} ({detail or 'wrong order'})"]
        )
    problems: list[str] = []
    rows: list[dict[str, Any]] = []
    first_line: dict[str, int] = {}
    for record in reader:
        line = reader.line_num
        row, row_problems = _check_row(record, line)
        problems.extend(row_problems)
        crm_id = row["crm_id"]
        if crm_id and crm_id in first_line:
            problems.append(
                f"line {line}: duplicate crm_id {crm_id!r} (first on line {first_line[crm_id]})"
            )
        elif crm_id:
            first_line[crm_id] = line
        rows.append(row)
    if not rows and not problems:
        problems.append("the file has a header but no rows")
    if problems:
        raise PortfolioInvalid(problems)
    return rows


def _check_row(record: dict[str | Any, Any], line: int) -> tuple[dict[str, Any], list[str]]:
    problems: list[str] = []
    if None in record:
        problems.append(f"line {line}: more fields than the header has")
    value = {c: (record.get(c) or "").strip() for c in COLUMNS}
    if not value["crm_id"]:
        problems.append(f"line {line}: crm_id is empty")
    if not value["legal_name"]:
        problems.append(f"line {line}: legal_name is empty")
    exposure: float | None = None
    if value["exposure"]:
        try:
            exposure = float(value["exposure"])
        except ValueError:
            problems.append(f"line {line}: exposure {value['exposure']!r} is not a number")
    status = value["status"] or "active"
    if status not in STATUSES:
        problems.append(f"line {line}: status {status!r} is not one of {', '.join(STATUSES)}")
    email = value["manager_email"].lower()
    if email and "@" not in email:
        problems.append(f"line {line}: manager_email {email!r} is not an e-mail address")
    row = {
        "crm_id": value["crm_id"],
        "legal_name": value["legal_name"],
        "aliases": _split(value["aliases"]),
        "tax_number": value["tax_number"] or None,
        "ticker": value["ticker"].upper() or None,
        "sector": value["sector"] or None,
        "city": value["city"] or None,
        "manager_email": email or None,
        "exposure": exposure,
        "contact_preferences": _split(value["contact_preferences"]),
        "status": status,
    }
    return row, problems


def _split(field: str) -> list[str]:
    return [part.strip() for part in field.split("|") if part.strip()]


def import_portfolio(
    *, session: Session, rows: list[dict[str, Any]], now: datetime
) -> ImportReport:
    """Upsert managers and companies by crm_id, and derive the names of those new or renamed;
    running it twice changes nothing more."""
    emails = sorted({row["manager_email"] for row in rows if row["manager_email"]})
    insert_ignore(session, Manager, [{"email": e, "name": ""} for e in emails], keys=["email"])
    manager_ids = dict(
        session.exec(select(Manager.email, Manager.id).where(col(Manager.email).in_(emails))).all()
    )
    crm_ids = [row["crm_id"] for row in rows]
    existing = set(
        session.exec(select(Company.crm_id).where(col(Company.crm_id).in_(crm_ids))).all()
    )
    values = []
    for row in rows:
        company = {k: v for k, v in row.items() if k != "manager_email"}
        company["manager_id"] = (
            manager_ids.get(row["manager_email"]) if row["manager_email"] else None
        )
        company["updated_at"] = now
        values.append(company)
    columns = [c for c in values[0] if c != "crm_id"] if values else []
    for start in range(0, len(values), 500):
        upsert(session, Company, values[start : start + 500], keys=["crm_id"], update=columns)
    session.flush()
    # Derive the names of the companies added or renamed now, so that the next index build
    # only reads them back (signals/name_cache.py).
    stored_entries(session)
    return ImportReport(rows=len(rows), created=len(set(crm_ids) - existing), updated=len(existing))
