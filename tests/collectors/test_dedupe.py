"""Canonical URLs and content hashes: the two keys that make reruns change nothing."""

from __future__ import annotations

import pytest

from collectors.dedupe import canonical_url, content_hash


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("HTTP://News.Example.COM/Path/Story", "http://news.example.com/Path/Story"),
        ("https://news.example.com:443/a", "https://news.example.com/a"),
        ("http://news.example.com:80/a", "http://news.example.com/a"),
        ("http://news.example.com:8080/a", "http://news.example.com:8080/a"),
        ("https://news.example.com/a#comments", "https://news.example.com/a"),
        ("https://news.example.com", "https://news.example.com/"),
        (
            "https://news.example.com/a?utm_source=rss&id=7&UTM_Medium=x&fbclid=1&gclid=2"
            "&mc_cid=3&mc_eid=4&ref=home&b=2",
            "https://news.example.com/a?b=2&id=7",
        ),
        ("https://news.example.com/a?b=2&a=1&a=0", "https://news.example.com/a?a=0&a=1&b=2"),
        ("https://news.example.com/a?utm_source=rss", "https://news.example.com/a"),
        # Values keep their exact encoding: only the order changes.
        ("https://x.example/s?q=a%20b&p=%2F", "https://x.example/s?p=%2F&q=a%20b"),
        (
            "https://x.example/s?referrer=kept&reference=kept",
            "https://x.example/s?reference=kept&referrer=kept",
        ),
    ],
)
def test_canonical_url(raw: str, canonical: str) -> None:
    assert canonical_url(raw) == canonical


def test_canonical_url_unwraps_google_redirects() -> None:
    wrapped = (
        "https://www.google.com/url?rct=j&sa=t&url=https://investorplace.com/2019/07/"
        "slack-stock-truly-compelling/&ct=ga&cd=CAIyHGU4&usg=AFQjCNEZ"
    )
    assert (
        canonical_url(wrapped) == "https://investorplace.com/2019/07/slack-stock-truly-compelling/"
    )


def test_canonical_url_is_idempotent() -> None:
    once = canonical_url("HTTPS://A.example:443/x?utm_campaign=1&z=1&y=2#top")
    assert canonical_url(once) == once


def test_content_hash_ignores_case_and_whitespace() -> None:
    a = content_hash("Tüpraş Kapasite  Artışı", "Yeni üretim\nhattı   kuruldu.")
    b = content_hash("tüpraş kapasite artışı", " yeni Üretim hattı kuruldu. ")
    assert a == b and len(a) == 64 and int(a, 16) >= 0


def test_content_hash_tells_different_texts_apart() -> None:
    assert content_hash("A", "text one") != content_hash("A", "text two")
    assert content_hash("ab", "c") != content_hash("a", "bc")  # title and text stay apart
