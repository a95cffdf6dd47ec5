"""Errors raised by the alerts stage.

AlertsError
 ├── AlertNotFound         no alert with that id (in the caller's scope)
 ├── InvalidFeedback       feedback or outcome value not understood
 └── DeliveryFailed        a channel could not deliver (the outbox retries it)
"""


class AlertsError(Exception):
    """Base of every alerts error."""


class AlertNotFound(AlertsError):
    """No such alert."""


class InvalidFeedback(AlertsError):
    """The feedback or outcome is not one Radar knows."""


class DeliveryFailed(AlertsError):
    """A channel failed to deliver a message."""
