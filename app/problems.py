"""Every package's errors as application/problem+json (RFC 9457), in one table."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from alerts.errors import AlertNotFound, AlertsError, InvalidFeedback
from collectors.errors import (
    CollectorError,
    InvalidSource,
    SourceUrlRefused,
    UnknownSourceKind,
)
from signals.errors import PortfolioInvalid, SignalsError

log = logging.getLogger("radar.api")

# Most specific first: the first matching class decides status and title.
PROBLEMS: list[tuple[type[Exception], int, str]] = [
    (AlertNotFound, 404, "Alert not found"),
    (InvalidFeedback, 422, "Invalid feedback"),
    (AlertsError, 500, "Alert processing failed"),
    (PortfolioInvalid, 422, "Portfolio rejected"),
    (SignalsError, 500, "Signal processing failed"),
    (SourceUrlRefused, 422, "Source URL refused"),
    (UnknownSourceKind, 422, "Unknown source kind"),
    (InvalidSource, 422, "Invalid source"),
    (CollectorError, 502, "Source could not be collected"),
]

PROBLEM_JSON = "application/problem+json"


def problem(status: int, title: str, detail: str, **extra: Any) -> JSONResponse:
    """A problem+json response."""
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)


def install(app: FastAPI) -> None:
    """Register the handlers on an app."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        title = {401: "Unauthorized", 403: "Forbidden", 404: "Not found"}.get(
            exc.status_code, "HTTP error"
        )
        response = problem(exc.status_code, title, str(exc.detail))
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        return problem(422, "Invalid request", "the request does not validate", errors=errors)

    for error_class, status, title in PROBLEMS:
        app.add_exception_handler(error_class, _handler(status, title))

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return problem(500, "Internal error", "an unexpected error occurred; it has been logged")


def _handler(status: int, title: str) -> Any:
    async def handle(_: Request, exc: Exception) -> JSONResponse:
        log.warning("%s: %s", title, exc)
        extra = {"problems": exc.problems} if isinstance(exc, PortfolioInvalid) else {}
        return problem(status, title, str(exc), **extra)

    return handle
