"""Site profiles: where a complaint site keeps each field (`collectors/complaint_profiles.yml`),
and which profile a source uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from collectors.complaints.fold import fold
from collectors.errors import InvalidSource

PROFILES_FILE = Path(__file__).resolve().parent.parent / "complaint_profiles.yml"


@dataclass(frozen=True)
class Profile:
    """Where one complaint site keeps each field (see complaint_profiles.yml)."""

    name: str
    hosts: tuple[str, ...]
    language: str
    timezone: str
    listing: dict[str, str]
    complaint: dict[str, Any]
    status_values: dict[str, str] = field(default_factory=dict)


@cache
def load_profiles(path: Path = PROFILES_FILE) -> tuple[str, dict[str, Profile]]:
    """(default profile name, profiles by name) from a profiles file; InvalidSource if bad."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        profiles = {
            name: Profile(
                name=name,
                hosts=tuple(str(host).lower() for host in spec.get("hosts", [])),
                language=str(spec.get("language", "tr")),
                timezone=str(spec.get("timezone", "UTC")),
                listing={key: str(value) for key, value in spec["listing"].items()},
                complaint=dict(spec["complaint"]),
                status_values={
                    fold(str(key)): str(value)
                    for key, value in spec["complaint"].get("status", {}).get("values", {}).items()
                },
            )
            for name, spec in data["profiles"].items()
        }
        default = str(data.get("default", ""))
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise InvalidSource(f"complaint profiles file {path} is unusable: {exc!r}") from exc
    for profile in profiles.values():
        missing = [f"listing.{key}" for key in ("container", "links") if key not in profile.listing]
        missing += [f"complaint.{key}" for key in ("title", "text") if key not in profile.complaint]
        if missing:
            raise InvalidSource(f"complaint profile {profile.name!r} lacks {', '.join(missing)}")
    return default, profiles


def choose_profile(
    url: str, state: dict[str, Any], profiles: tuple[str, dict[str, Profile]]
) -> Profile:
    """The profile for a source: state option, URL fragment, host, default (in that order)."""
    default, by_name = profiles
    fragment = dict(part.split("=", 1) for part in urlsplit(url).fragment.split("&") if "=" in part)
    name = state.get("profile") or fragment.get("profile")
    if not name:
        host = (urlsplit(url).hostname or "").lower()
        name = next(
            (
                profile.name
                for profile in by_name.values()
                if any(host == h or host.endswith("." + h) for h in profile.hosts)
            ),
            default,
        )
    if name not in by_name:
        known = ", ".join(sorted(by_name))
        raise InvalidSource(f"no complaint site profile {name!r} (known: {known})")
    return by_name[name]
