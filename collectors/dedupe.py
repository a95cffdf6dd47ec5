"""The keys that make reruns change nothing: canonical URL (per source) and content hash
(the story fingerprint: the same text from many outlets is one story)."""

from __future__ import annotations

import hashlib
import unicodedata
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid", "ref"})
DEFAULT_PORTS = {"http": 80, "https": 443}
# News alerts wrap the article in a redirect; the article is what the document is.
REDIRECT_WRAPPERS = {("www.google.com", "/url"), ("google.com", "/url")}


def canonical_url(url: str) -> str:
    """One spelling per address: scheme and host lower-cased, default port, fragment and
    tracking parameters (utm_*, fbclid, gclid, mc_cid, mc_eid, ref) dropped, the remaining
    query parameters sorted. Values keep their exact encoding; Google redirect links become
    the article URL they carry."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    pairs = [pair for pair in parts.query.split("&") if pair]
    if (host, parts.path) in REDIRECT_WRAPPERS:
        query = dict(parse_qsl(parts.query))  # decodes the wrapped URL once
        target = query.get("url") or query.get("q")
        if target and target.startswith(("http://", "https://")):
            return canonical_url(target)
    netloc = host
    if ":" in host:  # an IPv6 literal keeps its brackets
        netloc = f"[{host}]"
    if parts.port is not None and parts.port != DEFAULT_PORTS.get(scheme):
        netloc = f"{netloc}:{parts.port}"
    if parts.username or parts.password:
        netloc = f"{parts.netloc.rsplit('@', 1)[0]}@{netloc}"
    kept = sorted(pair for pair in pairs if not _tracking(pair))
    return urlunsplit((scheme, netloc, parts.path or "/", "&".join(kept), ""))


def _tracking(pair: str) -> bool:
    name = unquote(pair.split("=", 1)[0]).lower()
    return name.startswith("utm_") or name in TRACKING_PARAMETERS


def content_hash(title: str, text: str) -> str:
    """SHA-256 hex of title and text, each case-folded with whitespace collapsed (so casing
    and layout differences between outlets do not split a story)."""
    parts = (
        " ".join(unicodedata.normalize("NFC", part).casefold().split()) for part in (title, text)
    )
    # A separator that never survives normalisation keeps ("ab", "c") apart from ("a", "bc").
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
