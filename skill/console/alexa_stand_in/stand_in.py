"""Alexa's REST APIs (timers, reminders, time zone) served for real, over HTTPS on loopback.

The skill talks to Alexa at ``context.System.apiEndpoint`` with the request's bearer token.
Tests and the console point that endpoint here: a threaded HTTPS server on 127.0.0.1 with a
throwaway certificate authority (``ca_file``), so the skill's client keeps verifying TLS and
sends genuine HTTP. Bodies are checked as strictly as Alexa checks them (``alexa_api_rules``),
permission scopes are granted and revoked as a person would, timers really fire (on a
shortened minute if asked), and faults can be injected: an error status or a stall.
"""

from __future__ import annotations

import re
import secrets
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from types import TracebackType
from typing import Any, Final
from urllib.parse import unquote, urlsplit

from skill.console.alexa_stand_in.alert_records import (
    ReminderRecord,
    TimerRecord,
    reminder_created_json,
    reminder_json,
    timer_json,
)
from skill.console.alexa_stand_in.faults import Faults
from skill.console.alexa_stand_in.rules import ApiRejection, check_reminder, check_timer
from skill.console.alexa_stand_in.server import LoopbackHttpsServer, RecordedRequest, Reply

__all__ = [
    "REMINDERS_SCOPE",
    "TIMERS_SCOPE",
    "FakeAlexaApi",
    "RecordedRequest",
    "ReminderRecord",
    "TimerRecord",
]

TIMERS_SCOPE: Final = "alexa::alerts:timers:skill:readwrite"
REMINDERS_SCOPE: Final = "alexa::alerts:reminders:skill:readwrite"
TIME_ZONE_SETTING: Final = "System.timeZone"


@dataclass(frozen=True)
class _Route:
    method: str
    pattern: re.Pattern[str]
    action: Callable[[FakeAlexaApi, re.Match[str], Any], Reply]
    scope: str | None = None


_DEFAULT_DEVICE: Final = object()


@dataclass
class _State:
    lock: threading.Lock = field(default_factory=threading.Lock)
    scopes: set[str] = field(default_factory=set)
    zones: dict[object, str | None] = field(default_factory=dict)
    countdowns: dict[str, threading.Timer] = field(default_factory=dict)


class FakeAlexaApi:
    """A real HTTPS server speaking Alexa's Timers, Reminders and Settings APIs."""

    def __init__(
        self,
        *,
        time_zone: str | None = "America/Los_Angeles",
        minute_seconds: float = 60.0,
        on_timer_fired: Callable[[TimerRecord], None] | None = None,
    ) -> None:
        self.access_token = secrets.token_urlsafe(24)
        self.requests: list[RecordedRequest] = []
        self.timers: dict[str, TimerRecord] = {}
        self.reminders: dict[str, ReminderRecord] = {}
        self.minute_seconds = minute_seconds
        self.on_timer_fired = on_timer_fired
        self._first = (time_zone, minute_seconds)
        self._state = _State(zones={_DEFAULT_DEVICE: time_zone})
        self._stopping = threading.Event()
        self._faults = Faults()
        self._server = LoopbackHttpsServer(self.handle)

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        """Make certificates and serve on an ephemeral loopback port, in a daemon thread."""
        self._stopping.clear()
        self._server.start()

    def stop(self) -> None:
        """Stop serving, cancel pending timers, wake stalled requests, delete the certificates."""
        self._stopping.set()
        with self._state.lock:
            countdowns = list(self._state.countdowns.values())
            self._state.countdowns.clear()
        for countdown in countdowns:
            countdown.cancel()
        self._server.stop()

    def reset(self) -> None:
        """Forget everything since it started, as if new: for one server shared by many tests.

        A new access token (requests built before are refused), no permissions, timers,
        reminders, recorded requests or faults, the first time zone and minute again. The server,
        its port and its certificates stay.
        """
        with self._state.lock:
            countdowns = list(self._state.countdowns.values())
            self._state.countdowns.clear()
            self._state.scopes.clear()
            self._state.zones = {_DEFAULT_DEVICE: self._first[0]}
            self.access_token = secrets.token_urlsafe(24)
            self.requests.clear()
            self.timers.clear()
            self.reminders.clear()
            self.minute_seconds = self._first[1]
            self.on_timer_fired = None
            self._faults = Faults()
        for countdown in countdowns:
            countdown.cancel()

    def __enter__(self) -> FakeAlexaApi:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def endpoint(self) -> str:
        """The base URL to put in ``context.System.apiEndpoint``: ``https://127.0.0.1:<port>``."""
        return self._server.endpoint

    @property
    def ca_file(self) -> str:
        """The PEM file of the certificate authority clients must trust."""
        return self._server.ca_file

    # -- what the person and the test control ------------------------------------------------

    def grant(self, scope: str) -> None:
        """The person allows ``scope`` (as in the Alexa app or by voice)."""
        with self._state.lock:
            self._state.scopes.add(scope)

    def revoke(self, scope: str) -> None:
        """The person withdraws ``scope``; calls needing it answer 401 from now on."""
        with self._state.lock:
            self._state.scopes.discard(scope)

    def granted(self, scope: str) -> bool:
        with self._state.lock:
            return scope in self._state.scopes

    def set_time_zone(self, time_zone: str | None, device_id: str | None = None) -> None:
        """The zone the Settings API reports, for one device or (no ``device_id``) any other."""
        with self._state.lock:
            self._state.zones[_DEFAULT_DEVICE if device_id is None else device_id] = time_zone

    def fail_next(self, status: int, *, times: int = 1, path_prefix: str = "/") -> None:
        """Answer the next ``times`` requests under ``path_prefix`` with ``status``."""
        self._faults.arm("fail", status, times=times, path_prefix=path_prefix)

    def stall_next(self, seconds: float, *, times: int = 1, path_prefix: str = "/") -> None:
        """Hold the next ``times`` requests under ``path_prefix`` for ``seconds`` first."""
        self._faults.arm("stall", seconds, times=times, path_prefix=path_prefix)

    # -- serving -----------------------------------------------------------------------------

    def handle(self, request: RecordedRequest) -> Reply:
        """Record ``request``, apply injected faults, check auth, then route it."""
        with self._state.lock:
            self.requests.append(request)
        path = urlsplit(request.path).path
        stall = self._faults.take("stall", path)
        if stall is not None:
            self._stopping.wait(stall)
        status = self._faults.take("fail", path)
        if status is not None:
            return _error(int(status), HTTPStatus(int(status)).name, "injected failure")
        found = [(route, m) for route in _ROUTES if (m := route.pattern.fullmatch(path))]
        if not found:
            return _error(404, "NOT_FOUND", f"no such resource: {path}")
        chosen = next(((r, m) for r, m in found if r.method == request.method), None)
        if chosen is None:
            return _error(405, "METHOD_NOT_ALLOWED", f"{request.method} is not allowed here")
        route, match = chosen
        if _header(request.headers, "authorization") != f"Bearer {self.access_token}":
            return _error(401, "UNAUTHORIZED", "missing or wrong bearer token")
        if route.scope is not None and not self.granted(route.scope):
            return _error(401, "UNAUTHORIZED", f"permission {route.scope} is not granted")
        try:
            return route.action(self, match, request.body)
        except ApiRejection as rejection:
            return _error(rejection.status, rejection.code, rejection.message)

    # -- timers ------------------------------------------------------------------------------

    def _create_timer(self, _match: re.Match[str], body: Any) -> Reply:
        now = datetime.now(UTC)
        with self._state.lock:
            active = {r.body.get("timerLabel") for r in self.timers.values() if r.status == "ON"}
            duration = check_timer(body, {label for label in active if isinstance(label, str)})
            delay = duration.total_seconds() * self.minute_seconds / 60
            record = TimerRecord(
                id=str(uuid.uuid4()),
                body=body,
                created_at=now,
                fires_at=now + timedelta(seconds=delay),
            )
            self.timers[record.id] = record
            countdown = threading.Timer(delay, self._fire, args=(record.id,))
            countdown.daemon = True
            self._state.countdowns[record.id] = countdown
            countdown.start()
        return Reply(200, timer_json(record))

    def _fire(self, timer_id: str) -> None:
        with self._state.lock:
            self._state.countdowns.pop(timer_id, None)
            record = self.timers.get(timer_id)
            if record is None or record.status != "ON" or self._stopping.is_set():
                return
            record.status = "OFF"
        if self.on_timer_fired is not None:
            self.on_timer_fired(record)

    def _list_timers(self, _match: re.Match[str], _body: Any) -> Reply:
        with self._state.lock:
            on = [timer_json(r) for r in self.timers.values() if r.status == "ON"]
        return Reply(200, {"timers": on, "totalCount": len(on), "nextToken": None})

    def _get_timer(self, match: re.Match[str], _body: Any) -> Reply:
        with self._state.lock:
            record = self.timers.get(unquote(match["id"]))
            if record is None:
                return _error(404, "TIMER_NOT_FOUND", "no such timer")
            return Reply(200, timer_json(record))

    def _delete_timer(self, match: re.Match[str], _body: Any) -> Reply:
        with self._state.lock:
            record = self.timers.get(unquote(match["id"]))
            if record is None or record.status != "ON":
                return _error(404, "TIMER_NOT_FOUND", "no such timer")
            self._switch_off(record)
        return Reply(200, {})

    def _delete_timers(self, _match: re.Match[str], _body: Any) -> Reply:
        with self._state.lock:
            for record in self.timers.values():
                if record.status == "ON":
                    self._switch_off(record)
        return Reply(200, {})

    def _switch_off(self, record: TimerRecord) -> None:
        record.status = "OFF"
        countdown = self._state.countdowns.pop(record.id, None)
        if countdown is not None:
            countdown.cancel()

    # -- reminders ---------------------------------------------------------------------------

    def _create_reminder(self, _match: re.Match[str], body: Any) -> Reply:
        check_reminder(body)
        record = ReminderRecord(token=str(uuid.uuid4()), body=body, created_at=datetime.now(UTC))
        with self._state.lock:
            self.reminders[record.token] = record
        return Reply(201, reminder_created_json(record))

    def _list_reminders(self, _match: re.Match[str], _body: Any) -> Reply:
        with self._state.lock:
            alerts = [reminder_json(r) for r in self.reminders.values()]
        return Reply(200, {"totalCount": str(len(alerts)), "alerts": alerts, "links": None})

    def _get_reminder(self, match: re.Match[str], _body: Any) -> Reply:
        with self._state.lock:
            record = self.reminders.get(unquote(match["token"]))
        if record is None:
            return _error(404, "NOT_FOUND", "no such reminder")
        return Reply(200, reminder_json(record))

    def _delete_reminder(self, match: re.Match[str], _body: Any) -> Reply:
        with self._state.lock:
            record = self.reminders.pop(unquote(match["token"]), None)
        if record is None:
            return _error(404, "NOT_FOUND", "no such reminder")
        return Reply(200, {})

    # -- settings ----------------------------------------------------------------------------

    def _time_zone(self, match: re.Match[str], _body: Any) -> Reply:
        device = unquote(match["device"])
        with self._state.lock:
            zones = self._state.zones
            zone = zones[device] if device in zones else zones[_DEFAULT_DEVICE]
        return Reply(204) if zone is None else Reply(200, zone)


_ROUTES: Final = (
    _Route("POST", re.compile(r"/v1/alerts/timers"), FakeAlexaApi._create_timer, TIMERS_SCOPE),
    _Route("GET", re.compile(r"/v1/alerts/timers"), FakeAlexaApi._list_timers, TIMERS_SCOPE),
    _Route("DELETE", re.compile(r"/v1/alerts/timers"), FakeAlexaApi._delete_timers, TIMERS_SCOPE),
    _Route(
        "GET", re.compile(r"/v1/alerts/timers/(?P<id>[^/]+)"), FakeAlexaApi._get_timer, TIMERS_SCOPE
    ),
    _Route(
        "DELETE",
        re.compile(r"/v1/alerts/timers/(?P<id>[^/]+)"),
        FakeAlexaApi._delete_timer,
        TIMERS_SCOPE,
    ),
    _Route(
        "POST", re.compile(r"/v1/alerts/reminders"), FakeAlexaApi._create_reminder, REMINDERS_SCOPE
    ),
    _Route(
        "GET", re.compile(r"/v1/alerts/reminders"), FakeAlexaApi._list_reminders, REMINDERS_SCOPE
    ),
    _Route(
        "GET",
        re.compile(r"/v1/alerts/reminders/(?P<token>[^/]+)"),
        FakeAlexaApi._get_reminder,
        REMINDERS_SCOPE,
    ),
    _Route(
        "DELETE",
        re.compile(r"/v1/alerts/reminders/(?P<token>[^/]+)"),
        FakeAlexaApi._delete_reminder,
        REMINDERS_SCOPE,
    ),
    _Route(
        "GET",
        re.compile(rf"/v2/devices/(?P<device>[^/]+)/settings/{re.escape(TIME_ZONE_SETTING)}"),
        FakeAlexaApi._time_zone,
    ),
)


def _error(status: int, code: str, message: str) -> Reply:
    return Reply(status, {"code": code, "message": message})


def _header(headers: dict[str, str], name: str) -> str | None:
    return next((value for key, value in headers.items() if key.lower() == name), None)
