"""Settings: the only place that reads the environment (prefix RADAR_)."""

from __future__ import annotations

import ipaddress
from functools import cached_property
from pathlib import Path

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

    use_trained_models: bool = True
    distress_risk_threshold: float = 0.25
    repeat_window_hours: int = 72
    manager_daily_cap: int = 25
    out_dir: Path = Path("out")
    api_host: str = "127.0.0.1"
    api_port: int = 8000

    @cached_property
    def allowed_network_list(self) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
        """The parsed RADAR_ALLOWED_NETWORKS."""
        return [
            ipaddress.ip_network(part.strip(), strict=False)
            for part in self.allowed_networks.split(",")
            if part.strip()
        ]
