"""The fake Alexa APIs over real HTTPS: shapes, auth, strict validation, faults, firing timers."""

from __future__ import annotations

import copy
import json
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from skill.console.alexa_stand_in import (
    REMINDERS_SCOPE,
    TIMERS_SCOPE,
    FakeAlexaApi,
    TimerRecord,
)

DEVICE = "amzn1.ask.device.TEST"
ZONE_PATH = f"/v2/devices/{DEVICE}/settings/System.timeZone"
TIMER: dict[str, Any] = {
    "duration": "PT1M",
    "timerLabel": "clear my desk",
    "creationBehavior": {"displayExperience": {"visibility": "VISIBLE"}},
    "triggeringBehavior": {
        "operation": {
            "type": "LAUNCH_TASK",
            "textToConfirm": [{"locale": "en-US", "text": "Your minute is up. Check in?"}],
            "task": {"name": "amzn1.ask.skill.x.CheckInOnGoal", "version": "1", "input": {"g": 1}},
        },
        "notificationConfig": {"playAudible": True},
    },
}
REMINDER: dict[str, Any] = {
    "requestTime": "2026-01-05T19:04:00.672",
    "trigger": {
        "type": "SCHEDULED_ABSOLUTE",
        "scheduledTime": "2026-01-06T08:00:00.000",
        "timeZoneId": "America/Los_Angeles",
        "recurrence": {
            "startDateTime": "2026-01-06T08:00:00.000",
            "recurrenceRules": ["FREQ=DAILY;BYHOUR=8;BYMINUTE=0;BYSECOND=0;INTERVAL=1"],
        },
    },
    "alertInfo": {"spokenInfo": {"content": [{"locale": "en-US", "text": "Your one thing?"}]}},
    "pushNotification": {"status": "ENABLED"},
}


@pytest.fixture
def api() -> Iterator[FakeAlexaApi]:
    # A real minute: no timer rings while a test looks at it, however busy the machine is.
    with FakeAlexaApi(minute_seconds=60) as fake:
        yield fake


def call(
    api: FakeAlexaApi,
    method: str,
    path: str,
    body: Any = None,
    *,
    token: str | None = "",
    timeout: float = 5,
) -> tuple[int, Any]:
    """One request with verification on, trusting only the fake's CA; (status, parsed body)."""
    headers = {"Content-Type": "application/json"}
    bearer = api.access_token if token == "" else token
    if bearer is not None:
        headers["Authorization"] = f"Bearer {bearer}"
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(api.endpoint + path, data, headers, method=method)
    context = ssl.create_default_context(cafile=api.ca_file)
    try:
        with urllib.request.urlopen(request, context=context, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        with error:
            status, raw = error.code, error.read()
    return status, json.loads(raw) if raw else None


def changed(base: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A deep copy of ``base`` with the dotted ``path`` set to ``value`` (or removed: ...)."""
    body = copy.deepcopy(base)
    *parents, last = path.split(".")
    target = body
    for key in parents:
        target = target[key]
    if value is ...:
        del target[last]
    else:
        target[last] = value
    return body


# -- TLS ------------------------------------------------------------------------------------


def test_it_serves_https_on_loopback_with_a_certificate_for_ip_and_name(api: FakeAlexaApi) -> None:
    assert api.endpoint.startswith("https://127.0.0.1:")
    port = int(api.endpoint.rsplit(":", 1)[1])
    context = ssl.create_default_context(cafile=api.ca_file)

    for host in ("127.0.0.1", "localhost"):
        with (
            socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
            context.wrap_socket(raw, server_hostname=host) as tls,
        ):
            assert tls.version() in ("TLSv1.2", "TLSv1.3")


def test_a_client_without_the_ca_fails_verification(api: FakeAlexaApi) -> None:
    request = urllib.request.Request(api.endpoint + ZONE_PATH)

    with pytest.raises(urllib.error.URLError) as caught:
        urllib.request.urlopen(request, context=ssl.create_default_context(), timeout=5)

    assert isinstance(caught.value.reason, ssl.SSLCertVerificationError)


def test_the_certificates_are_removed_on_stop() -> None:
    from pathlib import Path

    fake = FakeAlexaApi()
    with fake:
        ca = Path(fake.ca_file)
        assert ca.read_text().startswith("-----BEGIN CERTIFICATE-----")
    assert not ca.exists()
    with pytest.raises(RuntimeError):
        _ = fake.endpoint


# -- timers ---------------------------------------------------------------------------------


def test_a_timer_is_created_listed_and_deleted(api: FakeAlexaApi) -> None:
    api.grant(TIMERS_SCOPE)

    status, created = call(api, "POST", "/v1/alerts/timers", TIMER)

    assert status == 200
    assert created["status"] == "ON"
    assert created["duration"] == "PT1M"
    assert created["timerLabel"] == "clear my desk"
    assert {"id", "triggerTime", "createdTime", "updatedTime"} <= created.keys()
    assert created["createdTime"].endswith("Z")
    assert api.timers[created["id"]].body == TIMER
    listed = call(api, "GET", "/v1/alerts/timers")[1]
    assert [timer["id"] for timer in listed["timers"]] == [created["id"]]
    assert call(api, "DELETE", f"/v1/alerts/timers/{created['id']}")[0] == 200
    assert api.timers[created["id"]].status == "OFF"
    assert call(api, "DELETE", f"/v1/alerts/timers/{created['id']}")[0] == 404
    assert call(api, "GET", "/v1/alerts/timers")[1]["timers"] == []


def test_an_announce_timer_is_accepted(api: FakeAlexaApi) -> None:
    api.grant(TIMERS_SCOPE)
    operation = {"type": "ANNOUNCE", "textToAnnounce": [{"locale": "en-US", "text": "Time!"}]}

    status, _ = call(
        api, "POST", "/v1/alerts/timers", changed(TIMER, "triggeringBehavior.operation", operation)
    )

    assert status == 200


def test_a_timer_fires_after_its_scaled_duration_and_calls_back() -> None:
    fired: list[TimerRecord] = []
    done = threading.Event()

    def on_fired(record: TimerRecord) -> None:
        fired.append(record)
        done.set()

    with FakeAlexaApi(minute_seconds=0.2, on_timer_fired=on_fired) as api:
        api.grant(TIMERS_SCOPE)
        started = time.monotonic()
        timer_id = call(api, "POST", "/v1/alerts/timers", TIMER)[1]["id"]
        assert api.timers[timer_id].status == "ON"

        assert done.wait(5)
        elapsed = time.monotonic() - started

    assert 0.15 <= elapsed < 3
    assert [record.id for record in fired] == [timer_id]
    assert fired[0].status == "OFF"
    assert fired[0].body["triggeringBehavior"]["operation"]["task"]["input"] == {"g": 1}


def test_a_deleted_timer_never_fires() -> None:
    fired: list[TimerRecord] = []
    with FakeAlexaApi(minute_seconds=0.2, on_timer_fired=fired.append) as api:
        api.grant(TIMERS_SCOPE)
        timer_id = call(api, "POST", "/v1/alerts/timers", TIMER)[1]["id"]
        call(api, "DELETE", f"/v1/alerts/timers/{timer_id}")
        time.sleep(0.4)
    assert fired == []


def test_labels_must_be_unique_among_running_timers(api: FakeAlexaApi) -> None:
    api.grant(TIMERS_SCOPE)
    first = call(api, "POST", "/v1/alerts/timers", TIMER)[1]

    status, error = call(api, "POST", "/v1/alerts/timers", TIMER)

    assert (status, error["code"]) == (400, "INVALID_TIMER_LABEL")
    call(api, "DELETE", f"/v1/alerts/timers/{first['id']}")
    assert call(api, "POST", "/v1/alerts/timers", TIMER)[0] == 200


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("duration", "1 minute"),
        ("duration", "PT0S"),
        ("duration", "PT25H"),
        ("duration", "PT"),
        ("duration", ...),
        ("timerLabel", ""),
        ("timerLabel", "x" * 257),
        ("creationBehavior.displayExperience.visibility", "SOMETIMES"),
        ("triggeringBehavior.operation.type", "SING"),
        ("triggeringBehavior.operation.textToConfirm", []),
        ("triggeringBehavior.operation.textToConfirm", [{"locale": "en-US"}]),
        ("triggeringBehavior.operation.task", ...),
        ("triggeringBehavior.operation.task.version", ...),
        ("triggeringBehavior.operation.task.name", ""),
        ("triggeringBehavior.notificationConfig.playAudible", "yes"),
        ("triggeringBehavior.notificationConfig", ...),
    ],
)
def test_a_malformed_timer_is_refused(api: FakeAlexaApi, path: str, value: Any) -> None:
    api.grant(TIMERS_SCOPE)

    status, error = call(api, "POST", "/v1/alerts/timers", changed(TIMER, path, value))

    assert status == 400
    assert error["code"].startswith("INVALID_")
    assert error["message"]
    assert api.timers == {}


def test_a_body_that_is_not_json_is_refused(api: FakeAlexaApi) -> None:
    api.grant(TIMERS_SCOPE)
    request = urllib.request.Request(
        api.endpoint + "/v1/alerts/timers",
        b"{not json",
        {"Authorization": f"Bearer {api.access_token}"},
        method="POST",
    )
    context = ssl.create_default_context(cafile=api.ca_file)

    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, context=context, timeout=5)

    caught.value.close()
    assert caught.value.code == 400
    assert api.requests[-1].body == "{not json"


# -- auth and permissions -------------------------------------------------------------------


@pytest.mark.parametrize("token", [None, "someone-elses-token"])
def test_without_the_bearer_token_every_api_answers_401(
    api: FakeAlexaApi, token: str | None
) -> None:
    api.grant(TIMERS_SCOPE)
    api.grant(REMINDERS_SCOPE)

    for method, path, body in (
        ("POST", "/v1/alerts/timers", TIMER),
        ("POST", "/v1/alerts/reminders", REMINDER),
        ("GET", ZONE_PATH, None),
    ):
        status, error = call(api, method, path, body, token=token)
        assert (status, error["code"]) == (401, "UNAUTHORIZED")
    assert api.timers == {}
    assert api.reminders == {}


def test_without_the_scope_timers_and_reminders_answer_401(api: FakeAlexaApi) -> None:
    assert call(api, "POST", "/v1/alerts/timers", TIMER)[0] == 401
    assert call(api, "POST", "/v1/alerts/reminders", REMINDER)[0] == 401

    api.grant(REMINDERS_SCOPE)

    assert call(api, "POST", "/v1/alerts/timers", TIMER)[0] == 401
    assert call(api, "POST", "/v1/alerts/reminders", REMINDER)[0] == 201


def test_a_revoked_scope_answers_401_again(api: FakeAlexaApi) -> None:
    api.grant(REMINDERS_SCOPE)
    token = call(api, "POST", "/v1/alerts/reminders", REMINDER)[1]["alertToken"]

    api.revoke(REMINDERS_SCOPE)

    assert not api.granted(REMINDERS_SCOPE)
    assert call(api, "DELETE", f"/v1/alerts/reminders/{token}")[0] == 401
    assert token in api.reminders


# -- reminders ------------------------------------------------------------------------------


def test_a_daily_reminder_is_created_read_and_deleted(api: FakeAlexaApi) -> None:
    api.grant(REMINDERS_SCOPE)

    status, created = call(api, "POST", "/v1/alerts/reminders", REMINDER)

    assert status == 201
    token = created["alertToken"]
    assert created["status"] == "ON"
    assert created["version"] == "1"
    assert created["href"] == f"/v1/alerts/reminders/{token}"
    assert {"createdTime", "updatedTime"} <= created.keys()
    assert api.reminders[token].body == REMINDER
    status, read = call(api, "GET", f"/v1/alerts/reminders/{token}")
    assert status == 200
    assert read["trigger"] == REMINDER["trigger"]
    assert (read["alertToken"], read["status"]) == (token, "ON")
    assert call(api, "DELETE", f"/v1/alerts/reminders/{token}")[0] == 200
    assert api.reminders == {}
    assert call(api, "GET", f"/v1/alerts/reminders/{token}")[0] == 404
    assert call(api, "DELETE", f"/v1/alerts/reminders/{token}")[0] == 404


def test_a_relative_reminder_is_accepted(api: FakeAlexaApi) -> None:
    api.grant(REMINDERS_SCOPE)
    trigger = {"type": "SCHEDULED_RELATIVE", "offsetInSeconds": 3600}

    assert (
        call(api, "POST", "/v1/alerts/reminders", changed(REMINDER, "trigger", trigger))[0] == 201
    )


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("requestTime", ...),
        ("requestTime", "yesterday"),
        ("trigger.type", "WHENEVER"),
        ("trigger.scheduledTime", "2026-01-06T08:00:00Z"),
        ("trigger.scheduledTime", "2026-01-06T08:00:00-08:00"),
        ("trigger.timeZoneId", "Mars/Olympus_Mons"),
        ("trigger.recurrence.recurrenceRules", []),
        ("trigger.recurrence.recurrenceRules", ["EVERY=DAY"]),
        ("trigger.recurrence.recurrenceRules", ["FREQ=SOMETIMES;BYHOUR=8"]),
        ("trigger.recurrence.recurrenceRules", ["FREQ=DAILY;BYHOUR=eight"]),
        ("trigger.recurrence.startDateTime", "2026-01-06T08:00:00Z"),
        ("alertInfo.spokenInfo.content", []),
        ("alertInfo.spokenInfo.content", [{"locale": "en-US", "text": " "}]),
        ("alertInfo", ...),
        ("pushNotification.status", "LOUD"),
    ],
)
def test_a_malformed_reminder_is_refused(api: FakeAlexaApi, path: str, value: Any) -> None:
    api.grant(REMINDERS_SCOPE)

    status, error = call(api, "POST", "/v1/alerts/reminders", changed(REMINDER, path, value))

    assert status == 400
    assert error["code"].startswith("INVALID_")
    assert api.reminders == {}


def test_a_relative_reminder_needs_a_positive_offset(api: FakeAlexaApi) -> None:
    api.grant(REMINDERS_SCOPE)
    trigger = {"type": "SCHEDULED_RELATIVE", "offsetInSeconds": -5}

    assert (
        call(api, "POST", "/v1/alerts/reminders", changed(REMINDER, "trigger", trigger))[0] == 400
    )


# -- settings -------------------------------------------------------------------------------


def test_the_time_zone_is_a_json_string(api: FakeAlexaApi) -> None:
    assert call(api, "GET", ZONE_PATH) == (200, "America/Los_Angeles")


def test_the_time_zone_can_be_set_per_device_or_unset(api: FakeAlexaApi) -> None:
    api.set_time_zone("Pacific/Auckland")
    api.set_time_zone("Europe/Berlin", device_id="amzn1.ask.device.OTHER")

    assert call(api, "GET", ZONE_PATH) == (200, "Pacific/Auckland")
    other = "/v2/devices/amzn1.ask.device.OTHER/settings/System.timeZone"
    assert call(api, "GET", other) == (200, "Europe/Berlin")

    api.set_time_zone(None)

    assert call(api, "GET", ZONE_PATH) == (204, None)
    assert call(api, "GET", other) == (200, "Europe/Berlin")


def test_the_time_zone_needs_no_scope_but_a_token(api: FakeAlexaApi) -> None:
    assert not api.granted(TIMERS_SCOPE)
    assert call(api, "GET", ZONE_PATH)[0] == 200
    assert call(api, "GET", ZONE_PATH, token=None)[0] == 401


# -- faults, unknown paths, recording -------------------------------------------------------


def test_unknown_paths_answer_404(api: FakeAlexaApi) -> None:
    status, error = call(api, "GET", "/v1/nothing/here")

    assert (status, error["code"]) == (404, "NOT_FOUND")


def test_fail_next_answers_the_status_then_recovers(api: FakeAlexaApi) -> None:
    api.grant(TIMERS_SCOPE)
    api.fail_next(503, times=2, path_prefix="/v1/alerts/timers")

    assert call(api, "GET", ZONE_PATH)[0] == 200  # another path is not affected
    first, error = call(api, "POST", "/v1/alerts/timers", TIMER)
    second, _ = call(api, "POST", "/v1/alerts/timers", TIMER)
    third, _ = call(api, "POST", "/v1/alerts/timers", TIMER)

    assert (first, second, third) == (503, 503, 200)
    assert error == {"code": "SERVICE_UNAVAILABLE", "message": "injected failure"}


def test_fail_next_comes_before_auth(api: FakeAlexaApi) -> None:
    api.fail_next(429)

    status, error = call(api, "POST", "/v1/alerts/timers", TIMER, token=None)

    assert (status, error["code"]) == (429, "TOO_MANY_REQUESTS")


def test_stall_next_makes_a_client_time_out_once(api: FakeAlexaApi) -> None:
    api.stall_next(2, path_prefix="/v2/")

    with pytest.raises((TimeoutError, urllib.error.URLError)):
        call(api, "GET", ZONE_PATH, timeout=0.3)
    started = time.monotonic()
    assert call(api, "GET", ZONE_PATH, timeout=5)[0] == 200
    assert time.monotonic() - started < 1.5


def test_every_request_is_recorded_in_order(api: FakeAlexaApi) -> None:
    api.grant(TIMERS_SCOPE)

    call(api, "GET", ZONE_PATH, token=None)
    call(api, "POST", "/v1/alerts/timers", TIMER)

    assert [(r.method, r.path) for r in api.requests] == [
        ("GET", ZONE_PATH),
        ("POST", "/v1/alerts/timers"),
    ]
    assert api.requests[0].body is None
    assert api.requests[1].body == TIMER
    assert api.requests[1].headers["Authorization"] == f"Bearer {api.access_token}"


def test_the_sdk_http_stack_verifies_against_the_ca(api: FakeAlexaApi) -> None:
    requests = pytest.importorskip("requests")

    response = requests.get(
        api.endpoint + ZONE_PATH,
        headers={"Authorization": f"Bearer {api.access_token}"},
        verify=api.ca_file,
        timeout=5,
    )

    assert response.json() == "America/Los_Angeles"
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(api.endpoint + ZONE_PATH, timeout=5)


def test_a_reset_forgets_everything_and_keeps_serving(api: FakeAlexaApi) -> None:
    # GIVEN a stand-in that has been used: a grant, a timer that will not ring, a reminder,
    # another zone, a fault armed, and a token handed out
    fired: list[TimerRecord] = []
    api.on_timer_fired = fired.append
    api.grant(TIMERS_SCOPE)
    api.grant(REMINDERS_SCOPE)
    assert call(api, "POST", "/v1/alerts/timers", TIMER)[0] == 200
    assert call(api, "POST", "/v1/alerts/reminders", REMINDER)[0] == 201
    api.set_time_zone("Pacific/Auckland")
    api.fail_next(503, times=5)
    old_token, endpoint = api.access_token, api.endpoint

    # WHEN it is reset, as between two tests
    api.reset()

    # THEN it keeps its address but forgets all of it, as if it had just started
    assert api.endpoint == endpoint and api.access_token != old_token
    assert (api.timers, api.reminders, api.requests) == ({}, {}, [])
    assert not api.granted(TIMERS_SCOPE) and not api.granted(REMINDERS_SCOPE)
    assert api.on_timer_fired is None and api.minute_seconds == 60
    assert call(api, "GET", ZONE_PATH) == (200, "America/Los_Angeles")  # no fault, first zone
    assert call(api, "GET", ZONE_PATH, token=old_token)[0] == 401
    assert call(api, "GET", "/v1/alerts/timers")[0] == 401  # the grant is gone
