"""Errors raised by collectors.

CollectorError
 ├── SourceUrlRefused      the URL or a redirect hop points somewhere we must not go (SSRF gate)
 ├── FetchFailed           transport error, timeout or HTTP error status after retries
 │    └── BodyTooLarge     the body passed the size cap
 ├── ParseFailed           the body is not what the source kind expects (malformed feed)
 ├── InvalidSource         a source definition is unusable (empty name, bad interval)
 └── UnknownSourceKind     no collector is registered for the kind
"""


class CollectorError(Exception):
    """Base of every collector error."""


class SourceUrlRefused(CollectorError):
    """The URL or one of its redirect hops is not allowed."""


class FetchFailed(CollectorError):
    """The source could not be fetched."""


class BodyTooLarge(FetchFailed):
    """The response body passed the configured size cap."""


class ParseFailed(CollectorError):
    """The fetched body could not be parsed as the source kind expects."""


class InvalidSource(CollectorError):
    """A source definition cannot be stored as given."""


class UnknownSourceKind(CollectorError):
    """No collector is registered under the given kind."""
