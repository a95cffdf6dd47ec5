"""Collector parse and extract throughput on recorded data: no network, no HTTP.

    .venv/bin/python bench/collect.py [--runs 5] [--passes 10] [--pages 300] [--memory-docs 10000]

(a) Feed items/s: `collectors.rss.items_from_feed` (feedparser and Radar's normalisation) on the
    bytes of every recorded feed in tests/fixtures/feeds/ and app/demo_data/feeds/; files the
    collector refuses (truncated, not a feed) are listed and left out. A run parses the set
    `--passes` times.
(b) Pages/s: `collectors.rss.article_text` (trafilatura `fast=True`, comments off, precision
    focus) on
    - the hand-written page fixtures (tests/fixtures/pages/, tests/fixtures/articles/), and
    - `--pages` news pages of about 100 KB built here: each wraps one TTC-3600 text
      (../shared/data/ttc3600/ttc3600.jsonl, CC BY 4.0) in a template with inline CSS and ad
      scripts, 120 navigation links, 90 related-news cards, 50 reader comments naming made-up
      companies and 80 footer links. Also counted: pages whose article is found, and pages
      whose text takes in a commenter's company or a navigation link; the same for
      `collectors.webpage.main_text` (trafilatura's default balanced focus), timed too.
    Feeds and pages also on a persistent multiprocessing.Pool(2) (feeds or pages sent to the
    workers, items or texts sent back).
(c) Memory: resident set size (VmRSS, and its peak VmHWM) of a fresh process after 1,000 and
    after `--memory-docs` extractions of distinct 100 KB pages, then of feed items.

Prints the median of `--runs` timed runs after a warm-up: docs/s, MB/s, and the ratio to one
pass of `bytes.lower().count(b"'")` over the same bytes in the same run (the "touch every byte
once" line of shared/reference/hot-path-measurements.md; the line is single-core, also for the
Pool rows).
"""

from __future__ import annotations

import argparse
import html
import json
import multiprocessing
import os
import platform
import random
import re
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from collectors.errors import ParseFailed
from collectors.http import HttpResponse
from collectors.rss import article_text, items_from_feed
from collectors.webpage import decode_html, main_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
TTC = SHARED / "ttc3600" / "ttc3600.jsonl"
FEED_DIRS = (ROOT / "tests" / "fixtures" / "feeds", ROOT / "app" / "demo_data" / "feeds")
PAGE_DIRS = (ROOT / "tests" / "fixtures" / "pages", ROOT / "tests" / "fixtures" / "articles")
# Made-up companies named only in reader comments (none occurs in TTC-3600).
COMMENT_COMPANIES = (
    "Deneme Gıda A.Ş.",
    "Kuzey Tekstil",
    "Karabulut Kimya",
    "Ilgaz Lojistik",
    "Poyraz Enerji",
)
SECTIONS = ("Gündem", "Ekonomi", "Piyasalar", "Şirketler", "Dünya", "Spor", "Teknoloji", "Sağlık")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_SPACE = re.compile(r"\s+")
_C1 = re.compile("[\x80-\x9f]")
HTML_TYPE = "text/html; charset=utf-8"
NAV_LINES = {f"{SECTIONS[n % 8]} {n}" for n in range(120)}


# --- data ----------------------------------------------------------------------------------


def feed_responses() -> tuple[list[HttpResponse], list[str]]:
    """Every recorded feed as the response the collector would get; and the refused files."""
    kept, refused = [], []
    for path in sorted(p for folder in FEED_DIRS for p in folder.glob("*.xml")):
        response = HttpResponse(
            status=200,
            url=f"http://127.0.0.1/{path.parent.name}/{path.name}",
            headers={"content-type": "application/xml"},
            body=path.read_bytes(),
        )
        try:
            items_from_feed(response)
        except ParseFailed as exc:
            refused.append(f"{path.relative_to(ROOT)} ({str(exc).split(': ', 1)[-1][:40]})")
            continue
        kept.append(response)
    return kept, refused


def fixture_pages() -> tuple[list[bytes], list[str]]:
    """The hand-written page fixtures that have main text; and those that have none."""
    kept, refused = [], []
    for path in sorted(p for folder in PAGE_DIRS for p in folder.glob("*.html")):
        body = path.read_bytes()
        try:
            article_text(body, content_type=HTML_TYPE)
        except ParseFailed:
            refused.append(str(path.relative_to(ROOT)))
            continue
        kept.append(body)
    return kept, refused


def ttc_texts() -> list[str]:
    """TTC-3600 texts in a fixed shuffled order."""
    lines = TTC.read_text(encoding="utf-8").splitlines()
    # A few texts keep windows-1252 punctuation as C1 controls (\x92 for ’): map them back,
    # as a real page would show them, so the check for the article's text is fair.
    texts = [_C1.sub(_cp1252, json.loads(line)["text"]) for line in lines]
    random.Random(3600).shuffle(texts)
    return texts


@dataclass(frozen=True)
class NewsPage:
    """A built page and the start of its article's longest paragraph (to check extraction)."""

    body: bytes
    first_line: str


def news_page(texts: list[str], index: int) -> NewsPage:
    """A ~100 KB news page around texts[index], its surroundings drawn with seed `index`."""
    rng = random.Random(index)
    text = texts[index % len(texts)]
    others = [texts[rng.randrange(len(texts))] for _ in range(140)]
    paragraphs = _paragraphs(text)
    title = _SPACE.sub(" ", _SENTENCE_END.split(text.strip(), 1)[0])[:110]
    parts = [
        '<!DOCTYPE html>\n<html lang="tr">\n<head>\n<meta charset="utf-8">\n',
        f"<title>{html.escape(title)} | Ekonomi Gündem</title>\n",
        f'<meta name="description" content="{html.escape(paragraphs[0][:150])}">\n',
        "<style>\n",
        *(
            f".c{n} {{ margin: {n % 7}px {n % 5}px; padding: 0 {n % 3}px;"
            f" color: #{n * 2047 % 4096:03x};"
            f" font: {12 + n % 6}px/1.4 'Helvetica Neue', Arial, sans-serif; }}\n"
            for n in range(150)
        ),
        "</style>\n",
        *(
            f"<script>window.ads = window.ads || []; window.ads.push({{slot: 'slot-{n}', "
            f"sizes: [[300, 250], [728, 90]], targeting: {{section: 'ekonomi', pos: {n}}}}});"
            f" (function() {{ var s = document.createElement('script'); s.async = true;"
            f" s.src = 'https://ads.example/tag.js?slot={n}'; document.head.appendChild(s); }})();"
            "</script>\n"
            for n in range(16)
        ),
        '</head>\n<body>\n<header class="site-header">',
        '<a class="logo" href="/">Ekonomi Gündem</a>\n',
        '<nav class="main-nav"><ul>',
        *(
            f'<li class="c{n % 90}"><a href="/{SECTIONS[n % 8].lower()}/{n}">'
            f"{SECTIONS[n % 8]} {n}</a></li>"
            for n in range(120)
        ),
        "</ul></nav></header>\n",
        '<main id="content">\n<article class="news-article">\n',
        f"<h1>{html.escape(title)}</h1>\n",
        '<p class="byline">Haber Merkezi · <time datetime="2015-06-01T09:30:00+03:00">'
        "1 Haziran 2015</time></p>\n",
        *(f"<p>{html.escape(paragraph)}</p>\n" for paragraph in paragraphs),
        '<div class="share"><a href="#">Paylaş</a> <a href="#">Tweetle</a></div>\n</article>\n',
        '<aside class="related"><h3>İlgili haberler</h3>\n',
        *(
            f'<div class="card c{n % 90}"><a href="/haber/{index}-{n}">'
            f'<img src="/img/{index}-{n}.jpg" alt="{html.escape(_head(other, 60))}">'
            f"<h4>{html.escape(_head(other, 90))}</h4></a>"
            f"<p>{html.escape(_head(other[90:], 160))}</p></div>\n"
            for n, other in enumerate(others[:90])
        ),
        "</aside>\n",
        f'<section id="comments" class="comments"><h3>Yorumlar ({50})</h3>\n',
        *(
            f'<div class="comment"><p class="comment-author">okur_{n}</p>'
            f'<p class="comment-text">{COMMENT_COMPANIES[n % len(COMMENT_COMPANIES)]} de '
            f"aynısını yapmıştı. {html.escape(_head(other, 300))}</p></div>\n"
            for n, other in enumerate(others[90:140])
        ),
        '</section>\n</main>\n<footer class="site-footer"><ul>',
        *(f'<li><a href="/kurumsal/{n}">Kurumsal bağlantı {n}</a></li>' for n in range(80)),
        "</ul><p>© 2015 Ekonomi Gündem. Tüm hakları saklıdır.</p></footer>\n</body>\n</html>\n",
    ]
    longest = max(paragraphs, key=len)
    return NewsPage(body="".join(parts).encode("utf-8"), first_line=longest[:60])


def _cp1252(found: re.Match[str]) -> str:
    return found[0].encode("latin-1").decode("cp1252", errors="ignore")


def _paragraphs(text: str) -> list[str]:
    """The text's own lines, or groups of three sentences when it has a single line."""
    lines = [_SPACE.sub(" ", line).strip() for line in text.splitlines() if line.strip()]
    if len(lines) > 1:
        return lines
    sentences = _SENTENCE_END.split(lines[0]) if lines else [""]
    return [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]


def _head(text: str, limit: int) -> str:
    return _SPACE.sub(" ", text).strip()[:limit]


# --- work (top-level functions, so Pool workers can run them) ------------------------------


def _page_text(body: bytes) -> str:
    return article_text(body, content_type=HTML_TYPE)


def _balanced_text(body: bytes) -> str:
    """What the page-watch kind runs: trafilatura fast, comments off, default focus."""
    try:
        return main_text(decode_html(body, HTML_TYPE))
    except ParseFailed:
        return ""


def _rss_line(count: int, unit: str) -> str:
    # VmHWM, not getrusage's ru_maxrss, which a spawned child inherits from its parent.
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    rss, peak = (int(status[key].split()[0]) / 1024 for key in ("VmRSS", "VmHWM"))
    return f"after {count:>6,} {unit}: VmRSS {rss:6.1f} MB, peak {peak:6.1f} MB"


def _memory_pages(docs: int, queue: multiprocessing.Queue[str]) -> None:
    texts = ttc_texts()
    for index in range(docs):
        _page_text(news_page(texts, index).body)
        if index + 1 in (1000, docs):
            queue.put(_rss_line(index + 1, "pages"))


def _memory_feeds(docs: int, queue: multiprocessing.Queue[str]) -> None:
    responses, _ = feed_responses()
    marks, done = sorted({1000, docs}), 0
    while marks:
        for response in responses:
            done += len(items_from_feed(response))
            while marks and done >= marks[0]:
                queue.put(_rss_line(marks.pop(0), "items"))


# --- timing --------------------------------------------------------------------------------


def _timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def report(
    label: str, unit: str, docs: int, blob: bytes, work: Callable[[], object], runs: int
) -> None:
    """Warm up, then time `work` and the limit line over `blob` (the same bytes) `runs`
    times, interleaved; print the medians."""

    def limit() -> None:
        blob.lower().count(b"'")

    work()
    timings = [(_timed(work), _timed(limit)) for _ in range(runs)]
    median = statistics.median(t[0] for t in timings)
    ratio = statistics.median(t[0] / t[1] for t in timings)
    print(
        f"    {label:<32} median {median:7.3f} s over {runs} runs: "
        f"{docs / median:8,.0f} {unit}/s, {len(blob) / median / 1e6:6.2f} MB/s, "
        f"{ratio:5.0f}x the bytes.lower().count() line",
        flush=True,
    )


def _chunks(items: list[bytes], size: int) -> Iterator[list[bytes]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _page_texts(bodies: list[bytes]) -> list[str]:
    return [_page_text(body) for body in bodies]


# --- main ----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--passes", type=int, default=10, help="the feed set, N times a run")
    parser.add_argument("--pages", type=int, default=300, help="100 KB pages a run")
    parser.add_argument("--memory-docs", type=int, default=10_000)
    parser.add_argument("--skip-memory", action="store_true")
    options = parser.parse_args()
    print(
        f"machine: {os.cpu_count()} cores, {platform.platform()}, Python "
        f"{platform.python_version()}, load1 {os.getloadavg()[0]:.2f}; feedparser "
        f"{version('feedparser')}, trafilatura {version('trafilatura')}, lxml {version('lxml')}",
        flush=True,
    )
    bench_feeds(options.passes, options.runs)
    bench_pages(options.pages, options.runs)
    if not options.skip_memory:
        bench_memory(options.memory_docs)
    print(
        f"load1 at the end: {os.getloadavg()[0]:.2f} (other work on the machine shares the cores)"
    )


def bench_feeds(passes: int, runs: int) -> None:
    """(a) items/s over the recorded feeds, one process and a Pool(2)."""
    responses, refused = feed_responses()
    feeds = responses * passes
    items = sum(len(items_from_feed(response)) for response in feeds)
    blob = b"".join(response.body for response in feeds)
    print(
        f"(a) feeds: {len(responses)} recorded feeds, {items // passes} items, "
        f"{len(blob) / passes / 1e6:.2f} MB; {passes} passes a run ({items:,} items). "
        f"Refused, left out: {', '.join(refused) or 'none'}",
        flush=True,
    )
    report("1 process", "items", items, blob, lambda: [items_from_feed(r) for r in feeds], runs)
    with multiprocessing.Pool(2) as pool:
        report(
            "Pool(2), a feed per task",
            "items",
            items,
            blob,
            lambda: list(pool.imap_unordered(items_from_feed, feeds)),
            runs,
        )


def bench_pages(count: int, runs: int) -> None:
    """(b) pages/s: the page fixtures, then `count` ~100 KB news pages; 1 process and Pool(2)."""
    small, no_text = fixture_pages()
    small_runs = small * 50
    blob = b"".join(small_runs)
    print(
        f"(b) fixture pages: {len(small)} hand-written pages "
        f"({len(blob) / len(small_runs) / 1000:.1f} KB avg), 50 passes a run. "
        f"No main text, left out: {', '.join(no_text) or 'none'}",
        flush=True,
    )
    report("1 process", "pages", len(small_runs), blob, lambda: _page_texts(small_runs), runs)

    texts = ttc_texts()
    pages = [news_page(texts, index) for index in range(count)]
    bodies = [page.body for page in pages]
    blob = b"".join(bodies)
    now = _page_texts(bodies)
    balanced = [_balanced_text(body) for body in bodies]
    print(
        f"    news pages: {len(pages)} pages from TTC-3600 texts "
        f"({len(blob) / len(pages) / 1000:.1f} KB avg, article "
        f"{statistics.median(len(t) for t in now) / 1000:.1f} KB median)\n"
        f"      rss.article_text (precision): {_quality(pages, now)}\n"
        f"      webpage.main_text (balanced): {_quality(pages, balanced)}",
        flush=True,
    )
    report("1 process", "pages", len(bodies), blob, lambda: _page_texts(bodies), runs)
    with multiprocessing.Pool(2) as pool:
        report(
            "Pool(2), 10 pages per task",
            "pages",
            len(bodies),
            blob,
            lambda: list(pool.imap_unordered(_page_texts, _chunks(bodies, 10))),
            runs,
        )
    report(
        "balanced (main_text), 1 process",
        "pages",
        len(bodies),
        blob,
        lambda: [_balanced_text(body) for body in bodies],
        runs,
    )


def _quality(pages: list[NewsPage], texts: list[str]) -> str:
    # html.unescape on both: a few TTC-3600 texts carry entities (&amp;) as literal text.
    found = sum(
        html.unescape(page.first_line) in html.unescape(text)
        for page, text in zip(pages, texts, strict=True)
    )
    comments = sum(any(name in text for name in COMMENT_COMPANIES) for text in texts)
    menus = sum(bool(NAV_LINES & set(text.splitlines())) for text in texts)
    return (
        f"article found in {found}/{len(pages)}, commenters' companies in {comments}, "
        f"navigation links in {menus}"
    )


def bench_memory(docs: int) -> None:
    """(c) RSS of a fresh process after 1,000 and after `docs` pages, then feed items."""
    spawn = multiprocessing.get_context("spawn")
    targets = (("pages", _memory_pages), ("feed items", _memory_feeds))
    for label, target in targets:
        queue: multiprocessing.Queue[str] = spawn.Queue()
        child = spawn.Process(target=target, args=(docs, queue))
        child.start()
        lines = [queue.get() for _ in {1000, docs}]
        child.join()
        print(f"(c) memory, {label}, fresh process:\n      " + "\n      ".join(lines), flush=True)


if __name__ == "__main__":
    main()
