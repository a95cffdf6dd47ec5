"""Settings: the only place that reads the environment (prefix RADAR_)."""

from __future__ import annotations

import ipaddress
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob Radar has; packages receive these values as arguments."""

    model_config = SettingsConfigDict(env_prefix="RADAR_", env_file=None, extra="ignore")

    database_url: str = "sqlite:///./radar.db"
    # Comma-separated networks that user-supplied source URLs may reach (SSRF gate).
    allowed_networks: str = ""
    http_timeout_seconds: float = 10.0
    http_max_body_bytes: int = 10 * 1024 * 1024
    http_retries: int = 2
    http_min_interval_seconds: float = 1.0  # between two requests to the same host
    rss_max_articles: int = 20  # full-text fetches per feed and run for summary-only items
    user_agent: str = "RadarBot/0.1 (+https://radar.example/bot)"

    smtp_url: str | None = None
    smtp_from: str = "radar@bank.example"
    risk_team_email: str = "risk@bank.example"
    admin_email: str = "radar-admin@bank.example"  # source-health notices

    # Signed webhooks to the CRM: one POST per new alert (none when the URL is unset). The URL
    # is the admin's, so it may be internal: it is not subject to RADAR_ALLOWED_NETWORKS.
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None  # HMAC-SHA256 key; required with the URL
    webhook_max_attempts: int = 8
    webhook_timeout_seconds: float = 10.0

    use_trained_models: bool = True
    distress_risk_threshold: float = 0.25
    repeat_window_hours: int = 72
    manager_daily_cap: int = 25
    out_dir: Path = Path("out")
    api_host: str = "127.0.0.1"
    api_port: int = 8000

    @field_validator("webhook_url", "webhook_secret", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _check_webhook(self) -> Settings:
        if self.webhook_url is None:
            return self
        parts = urlsplit(self.webhook_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"RADAR_WEBHOOK_URL must be an http(s) URL, not {self.webhook_url!r}")
        if self.webhook_secret is None or not self.webhook_secret.get_secret_value():
            raise ValueError(
                "RADAR_WEBHOOK_SECRET is required when RADAR_WEBHOOK_URL is set "
                "(the key that signs every webhook body)"
            )
        if self.webhook_max_attempts < 1:
            raise ValueError("RADAR_WEBHOOK_MAX_ATTEMPTS must be at least 1")
        return self

    @cached_property
    def allowed_network_list(self) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
        """The parsed RADAR_ALLOWED_NETWORKS."""
        return [
            ipaddress.ip_network(part.strip(), strict=False)
            for part in self.allowed_networks.split(",")
            if part.strip()
        ]
