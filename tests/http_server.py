"""A real HTTP server on 127.0.0.1 serving recorded files exactly as stored, with faults.

Faults are chosen by the request (or forced per path with `override`):

    /<file>                  the file's bytes, with ETag and Last-Modified; 304 on a match
        ?status=N            answer N with a short body (?retry_after=S adds Retry-After)
        ?fail_times=N        the first N requests for this path get 503 (or ?status), then 200
        ?delay=S             sleep S seconds before answering
        ?content_type=T      send T as Content-Type
        ?truncate=N          send the first N bytes but declare the full length, then close
                             (the client sees a cut connection); &declare=short declares N
                             (the client gets a complete but cut document)
        ?etag=0              send no ETag;  ?last_modified=0  send no Last-Modified
    /huge                    50 MiB of filler streamed without Content-Length (?declare=1 sends it)
    /redirect?to=URL         302 to URL (?pad=N adds N bytes of body to the redirect)
    /loop                    302 to itself, forever

Every request counts against its path (`hits`), so a test can see retries happen, and the
last request's headers are kept (`last_headers`) to check conditional GETs.
"""

from __future__ import annotations

import hashlib
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

HUGE_BYTES = 50 * 1024 * 1024
CHUNK = 64 * 1024


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.root = root
        self.lock = threading.Lock()
        self.counts: dict[str, int] = {}
        self.headers_seen: dict[str, dict[str, str]] = {}
        self.overrides: dict[str, dict[str, str]] = {}

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients that time out or stop reading (size cap) leave broken pipes behind: expected.
        pass


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        with self.server.lock:
            hit = self.server.counts[path] = self.server.counts.get(path, 0) + 1
            self.server.headers_seen[path] = {k.lower(): v for k, v in self.headers.items()}
            params = dict(parse_qsl(parts.query)) | self.server.overrides.get(path, {})
        if "delay" in params:
            time.sleep(float(params["delay"]))
        if path == "/huge":
            self._huge(declare=params.get("declare") == "1")
        elif path == "/redirect":
            self._redirect(params["to"], pad=int(params.get("pad", "0")))
        elif path == "/loop":
            self._redirect("/loop", pad=0)
        elif "fail_times" in params and hit <= int(params["fail_times"]):
            self._status(int(params.get("status", "503")), params)
        elif "status" in params and "fail_times" not in params:
            self._status(int(params["status"]), params)
        else:
            self._file(path, params)

    def _status(self, status: int, params: dict[str, str]) -> None:
        body = f"status {status}\n".encode()
        self.send_response(status)
        if "retry_after" in params:
            self.send_header("Retry-After", params["retry_after"])
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, to: str, *, pad: int) -> None:
        self.send_response(302)
        self.send_header("Location", to)
        self.send_header("Content-Length", str(pad))
        self.end_headers()
        for start in range(0, pad, CHUNK):
            self.wfile.write(b" " * min(CHUNK, pad - start))

    def _huge(self, *, declare: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        if declare:
            self.send_header("Content-Length", str(HUGE_BYTES))
        self.end_headers()
        chunk = (b"<!-- filler -->\n" * (CHUNK // 16))[:CHUNK]
        for _ in range(HUGE_BYTES // CHUNK):
            self.wfile.write(chunk)

    def _file(self, path: str, params: dict[str, str]) -> None:
        file = (self.server.root / path.lstrip("/")).resolve()
        if self.server.root.resolve() not in file.parents or not file.is_file():
            self._status(404, {})
            return
        body = file.read_bytes()
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        modified = formatdate(file.stat().st_mtime, usegmt=True)
        send_etag = params.get("etag") != "0"
        send_modified = params.get("last_modified") != "0"
        if (send_etag and self.headers.get("If-None-Match") == etag) or (
            send_modified
            and "If-None-Match" not in self.headers
            and self.headers.get("If-Modified-Since") == modified
        ):
            self.send_response(304)
            if send_etag:
                self.send_header("ETag", etag)
            self.end_headers()
            return
        cut = int(params.get("truncate", len(body)))
        declared = cut if params.get("declare") == "short" else len(body)
        self.send_response(200)
        self.send_header("Content-Type", params.get("content_type", _content_type(file)))
        self.send_header("Content-Length", str(declared))
        if send_etag:
            self.send_header("ETag", etag)
        if send_modified:
            self.send_header("Last-Modified", modified)
        self.end_headers()
        self.wfile.write(body[:cut])


def _content_type(file: Path) -> str:
    return {".xml": "application/xml", ".html": "text/html; charset=utf-8"}.get(
        file.suffix, "application/octet-stream"
    )


class FaultServer:
    """The server in a background thread; use as a context manager."""

    def __init__(self, root: Path) -> None:
        self._server = _Server(root)
        # A short poll interval: shutdown() waits for it, once per test.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        host, port = self._server.server_address[:2]
        self.base_url = f"http://{host!s}:{port}"

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()

    def url(self, path_and_query: str) -> str:
        """The absolute URL of a path on this server."""
        return self.base_url + path_and_query

    def hits(self, path: str) -> int:
        """How many requests this path has received."""
        with self._server.lock:
            return self._server.counts.get(path, 0)

    def last_headers(self, path: str) -> dict[str, str]:
        """The headers (lower-case names) of the last request for this path."""
        with self._server.lock:
            return dict(self._server.headers_seen.get(path, {}))

    def override(self, path: str, **params: str) -> None:
        """Force query parameters on every request for `path` (e.g. status="503")."""
        with self._server.lock:
            self._server.overrides[path] = params

    def clear(self, path: str) -> None:
        """Stop forcing parameters on `path`."""
        with self._server.lock:
            self._server.overrides.pop(path, None)
