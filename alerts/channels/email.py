"""Send one digest over SMTP as a multipart (text + HTML) message."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

from alerts.errors import DeliveryFailed
from alerts.models import Digest


def build_message(*, digest: Digest, sender: str) -> EmailMessage:
    """The digest as an e-mail: plain text first, HTML as the alternative."""
    message = EmailMessage()
    message["Subject"] = digest.subject
    message["From"] = sender
    message["To"] = digest.recipient
    message["Message-ID"] = f"<digest-{digest.id}-{digest.day.isoformat()}@radar>"
    message.set_content(digest.text)
    message.add_alternative(digest.html, subtype="html")
    return message


def plain_message(*, recipient: str, sender: str, subject: str, text: str) -> EmailMessage:
    """A plain-text e-mail (notices to admins)."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = recipient
    message.set_content(text)
    return message


def send(*, smtp_url: str, message: EmailMessage, timeout: float = 10.0) -> None:
    """Deliver over smtp://[user:password@]host:port (smtps:// for implicit TLS)."""
    parts = urlsplit(smtp_url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise DeliveryFailed(f"RADAR_SMTP_URL must look like smtp://host:port, not {smtp_url!r}")
    smtp_class = smtplib.SMTP_SSL if parts.scheme == "smtps" else smtplib.SMTP
    try:
        with smtp_class(parts.hostname, parts.port or 25, timeout=timeout) as client:
            if parts.username:
                client.login(unquote(parts.username), unquote(parts.password or ""))
            client.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryFailed(
            f"SMTP delivery to {parts.hostname}:{parts.port} failed: {exc}"
        ) from exc
