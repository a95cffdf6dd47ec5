"""Who gets what: each decision names its recipient and its reason.

The company's manager always gets an alert; distress above the threshold also goes to
the risk team. One alert per recipient, company, type and story (more sources raise it,
never duplicate it); the same company and type not again within the repeat window
unless the priority rises; closed relationships are suppressed; "no credit offers"
marks opportunity alerts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from signals.models import Company, Signal

SEVERITY_RISE = 1.2


@dataclass(frozen=True)
class RoutingRules:
    """Routing settings, passed in from the application's settings."""

    risk_team_email: str
    distress_threshold: float
    repeat_window: timedelta


@dataclass(frozen=True)
class Decision:
    """One alert to create or raise, and why."""

    recipient: str
    recipient_kind: str
    dedupe_key: str
    reason: str
    suppression_reason: str | None
    marked: tuple[str, ...]


@dataclass(frozen=True)
class PreviousAlert:
    """The latest earlier alert to the same recipient about the same company and type."""

    id: int
    priority: float
    created_at: datetime


def dedupe_key(recipient: str, signal: Signal) -> str:
    """One alert per recipient, company, type and story."""
    story = signal.story_id if signal.story_id is not None else f"doc{signal.document_id}"
    return f"{recipient}|{signal.company_id}|{signal.type}|{story}"


def recipients(
    *, signal: Signal, company: Company, manager_email: str | None, rules: RoutingRules
) -> list[tuple[str, str, str]]:
    """(recipient, kind, reason) for everyone who should hear of this signal."""
    out: list[tuple[str, str, str]] = []
    if manager_email:
        out.append((manager_email, "manager", f"{company.crm_id} is in your portfolio"))
    if signal.kind == "distress" and signal.score >= rules.distress_threshold:
        out.append(
            (
                rules.risk_team_email,
                "team",
                f"distress score {signal.score:.2f} ≥ threshold {rules.distress_threshold:.2f}",
            )
        )
    return out


def decide(
    *,
    signal: Signal,
    company: Company,
    recipient: str,
    recipient_kind: str,
    reason: str,
    previous: PreviousAlert | None,
    rules: RoutingRules,
    now: datetime,
) -> Decision:
    """Suppression and marks for one recipient of one signal."""
    suppression: str | None = None
    if company.status == "closed":
        suppression = "relationship closed"
    elif (
        previous is not None
        and now - previous.created_at < rules.repeat_window
        and signal.score < previous.priority * SEVERITY_RISE
    ):
        hours = int(rules.repeat_window.total_seconds() // 3600)
        suppression = f"repeat of alert {previous.id} within {hours}h without rising severity"
    marked: tuple[str, ...] = ()
    if signal.kind == "investment" and "no_credit_offers" in company.contact_preferences:
        marked = ("no_credit_offers",)
    return Decision(
        recipient=recipient,
        recipient_kind=recipient_kind,
        dedupe_key=dedupe_key(recipient, signal),
        reason=reason,
        suppression_reason=suppression,
        marked=marked,
    )
