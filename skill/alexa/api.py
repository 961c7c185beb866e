"""A small HTTPS client for Alexa's timers, reminders and settings APIs.

The ASK SDK's default client has no timeouts, and a hung call would leave a person in
silence until Alexa gives up; this one bounds every call and turns failures into the
project's own exceptions, chosen by status code.
"""

import json
from functools import cached_property
from typing import TYPE_CHECKING, Any, Final, NamedTuple
from urllib.parse import quote, urlsplit

if TYPE_CHECKING:
    import ssl

TIMERS_SCOPE: Final = "alexa::alerts:timers:skill:readwrite"
REMINDERS_SCOPE: Final = "alexa::alerts:reminders:skill:readwrite"
# Alexa waits about 8 s for the whole answer; one API call gets a fraction of that.
DEFAULT_TIMEOUT: Final = 2.5


class AlexaApiError(Exception):
    """An Alexa API call did not do what was asked."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status  # the HTTP status, when there was one


class PermissionMissing(AlexaApiError):
    """401/403: the person has not granted (or has revoked) the permission."""


class RateLimited(AlexaApiError):
    """429: too many calls; try again later."""


class ApiUnavailable(AlexaApiError):
    """5xx, a timeout, a refused connection, or an answer that makes no sense."""


class ApiRejected(AlexaApiError):
    """Another 4xx: the request itself was refused."""


class Reply(NamedTuple):
    status: int
    body: Any


class AlexaApi:
    """Calls for one request: its endpoint and access token."""

    def __init__(
        self, endpoint: str, token: str, *, context: "ssl.SSLContext", timeout: float
    ) -> None:
        if urlsplit(endpoint).scheme != "https":
            raise ValueError("Alexa API endpoints are always https")
        self._endpoint = endpoint.rstrip("/")
        self._token = token
        self._context = context
        self._timeout = timeout

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Reply:
        # Imported on first use: most requests never call Alexa's APIs, and a cold start
        # should not pay for an HTTP client (and its e-mail parser) it may not need.
        import urllib.error
        import urllib.request

        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(
            self._endpoint + path,
            data=data,
            method=method,
            headers={
                "Authorization": f"Bearer {self._token}",
                "Accept": "application/json",
                **({"Content-Type": "application/json"} if data is not None else {}),
            },
        )
        try:
            with urllib.request.urlopen(  # noqa: S310 - https enforced in __init__
                request, timeout=self._timeout, context=self._context
            ) as response:
                raw = response.read()
                return Reply(response.status, json.loads(raw) if raw else None)
        except urllib.error.HTTPError as exc:
            raise _error_for(exc.code, path) from exc
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            raise ApiUnavailable(f"{method} {path}: {type(exc).__name__}") from exc

    def time_zone(self, device_id: str) -> str | None:
        """The device's IANA time zone, or None when Alexa has none set."""
        reply = self._call(
            "GET", f"/v2/devices/{quote(device_id, safe='')}/settings/System.timeZone"
        )
        return reply.body if isinstance(reply.body, str) and reply.body else None

    def create_timer(self, body: dict[str, Any]) -> str:
        """Create a timer; returns its ID."""
        return _field(self._call("POST", "/v1/alerts/timers", body), "id")

    def create_reminder(self, body: dict[str, Any]) -> str:
        """Create a reminder; returns its alert token."""
        return _field(self._call("POST", "/v1/alerts/reminders", body), "alertToken")

    def delete_reminder(self, token: str) -> bool:
        """Delete a reminder; False when it was already gone (deleted in the Alexa app)."""
        try:
            self._call("DELETE", f"/v1/alerts/reminders/{quote(token, safe='')}")
        except ApiRejected as exc:
            if exc.status == 404:
                return False
            raise
        return True


def _field(reply: Reply, name: str) -> str:
    value = reply.body.get(name) if isinstance(reply.body, dict) else None
    if not isinstance(value, str) or not value:
        raise ApiUnavailable(f"the answer had no {name}")
    return value


def _error_for(status: int, path: str) -> AlexaApiError:
    kind: type[AlexaApiError]
    if status in (401, 403):
        kind = PermissionMissing
    elif status == 429:
        kind = RateLimited
    elif status >= 500:
        kind = ApiUnavailable
    else:
        kind = ApiRejected
    return kind(f"{path}: {status}", status)


class AlexaApis:
    """Makes an ``AlexaApi`` per request; the TLS context is built once, on first use."""

    def __init__(self, *, ca_file: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        self._ca_file = ca_file
        self._timeout = timeout

    @cached_property
    def _context(self) -> "ssl.SSLContext":
        import ssl

        return ssl.create_default_context(cafile=self._ca_file)

    def for_request(self, endpoint: str | None, token: str | None) -> AlexaApi | None:
        """The API for this request, or None when the request carries no endpoint or token."""
        if not endpoint or not token:
            return None
        return AlexaApi(endpoint, token, context=self._context, timeout=self._timeout)
