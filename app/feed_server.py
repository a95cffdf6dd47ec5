"""A static file server on 127.0.0.1 for the bundled demo feeds (no network needed)."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012  (overrides the base class's table)
        **SimpleHTTPRequestHandler.extensions_map,
        ".xml": "application/xml",
    }

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the demo's console readable."""


class FeedServer:
    """Serve a folder on 127.0.0.1 (port 0 picks a free port) in a background thread."""

    def __init__(self, folder: Path, port: int = 0) -> None:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self._server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        """http://127.0.0.1:PORT"""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
