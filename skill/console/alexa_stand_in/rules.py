"""What Alexa's Timers and Reminders APIs accept, checked as strictly as Alexa checks it.

A fake that accepts anything hides the bugs it exists to find: a timer with a Z-less duration,
a reminder whose time carries an offset, a task without a version. These checks follow
Amazon's API references; each rejection names an error code in Alexa's style
(``INVALID_...``) and says what was wrong, so a failing test points at the field.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from datetime import datetime, timedelta
from typing import Any, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MAX_TIMER: Final = timedelta(hours=24)
MAX_LABEL: Final = 256
VISIBILITIES: Final = frozenset({"VISIBLE", "HIDDEN"})
PUSH_STATUSES: Final = frozenset({"ENABLED", "DISABLED"})
RRULE_KEYS: Final = frozenset(
    {"FREQ", "BYDAY", "BYHOUR", "BYMINUTE", "BYSECOND", "INTERVAL", "BYMONTH", "BYMONTHDAY"}
)
RRULE_FREQUENCIES: Final = frozenset({"DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY"})
_DURATION: Final = re.compile(
    r"P(?:(?P<days>\d+)D)?(?:T(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?"
)


class ApiRejection(Exception):
    """A request Alexa would refuse: HTTP ``status`` and an error ``code`` for the JSON body."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


def parse_duration(text: object) -> timedelta:
    """An ISO-8601 duration such as ``PT1M`` or ``PT1H30M``; positive and at most 24 hours."""
    found = _DURATION.fullmatch(text) if isinstance(text, str) else None
    if found is None or text in ("P", "PT") or str(text).endswith("T"):
        raise ApiRejection("INVALID_DURATION", f"duration must be ISO-8601 like PT1M: {text!r}")
    parts = {name: int(value or 0) for name, value in found.groupdict().items()}
    duration = timedelta(**parts)
    if not timedelta(0) < duration <= MAX_TIMER:
        raise ApiRejection("INVALID_DURATION", f"duration must be above 0 and at most 24h: {text}")
    return duration


def check_timer(body: object, active_labels: Collection[str]) -> timedelta:
    """Check a create-timer body; return its duration. ``active_labels``: timers still ON."""
    timer = _object(body, "body", "INVALID_REQUEST")
    duration = parse_duration(timer.get("duration"))
    label = timer.get("timerLabel")
    if not isinstance(label, str) or not label.strip() or len(label) > MAX_LABEL:
        raise ApiRejection("INVALID_TIMER_LABEL", f"timerLabel must be 1-{MAX_LABEL} characters")
    if label in active_labels:
        raise ApiRejection("INVALID_TIMER_LABEL", f"a timer labelled {label!r} is already on")
    creation = _object(timer.get("creationBehavior"), "creationBehavior", "INVALID_CREATION")
    display = _object(creation.get("displayExperience"), "displayExperience", "INVALID_CREATION")
    if display.get("visibility") not in VISIBILITIES:
        raise ApiRejection("INVALID_CREATION_BEHAVIOR", "visibility must be VISIBLE or HIDDEN")
    _check_triggering(timer.get("triggeringBehavior"))
    return duration


def check_reminder(body: object) -> None:
    """Check a create-reminder body (absolute with optional recurrence, or relative)."""
    reminder = _object(body, "body", "INVALID_REQUEST")
    _local_or_zoned_time(reminder.get("requestTime"), "requestTime", "INVALID_REQUEST_TIME")
    trigger = _object(reminder.get("trigger"), "trigger", "INVALID_TRIGGER")
    kind = trigger.get("type")
    if kind == "SCHEDULED_ABSOLUTE":
        _check_absolute(trigger)
    elif kind == "SCHEDULED_RELATIVE":
        offset = trigger.get("offsetInSeconds")
        if isinstance(offset, bool) or not isinstance(offset, int) or offset <= 0:
            raise ApiRejection("INVALID_TRIGGER", "offsetInSeconds must be a positive integer")
    else:
        raise ApiRejection("INVALID_TRIGGER", f"unknown trigger type {kind!r}")
    alert = _object(reminder.get("alertInfo"), "alertInfo", "INVALID_ALERT_INFO")
    spoken = _object(alert.get("spokenInfo"), "spokenInfo", "INVALID_ALERT_INFO")
    _check_content(spoken.get("content"), "spokenInfo.content", "INVALID_ALERT_INFO")
    push = reminder.get("pushNotification")
    if push is not None:
        status = _object(push, "pushNotification", "INVALID_PUSH_NOTIFICATION").get("status")
        if status not in PUSH_STATUSES:
            raise ApiRejection(
                "INVALID_PUSH_NOTIFICATION", "pushNotification.status must be ENABLED or DISABLED"
            )


def _check_triggering(raw: object) -> None:
    triggering = _object(raw, "triggeringBehavior", "INVALID_TRIGGERING_BEHAVIOR")
    operation = _object(triggering.get("operation"), "operation", "INVALID_TRIGGERING_BEHAVIOR")
    kind = operation.get("type")
    if kind == "ANNOUNCE":
        _check_content(operation.get("textToAnnounce"), "textToAnnounce", "INVALID_OPERATION")
    elif kind == "LAUNCH_TASK":
        _check_content(operation.get("textToConfirm"), "textToConfirm", "INVALID_OPERATION")
        _check_task(operation.get("task"))
    elif kind != "NOTIFY_ONLY":
        raise ApiRejection("INVALID_OPERATION", f"unknown operation type {kind!r}")
    notification = _object(
        triggering.get("notificationConfig"), "notificationConfig", "INVALID_NOTIFICATION_CONFIG"
    )
    if not isinstance(notification.get("playAudible"), bool):
        raise ApiRejection("INVALID_NOTIFICATION_CONFIG", "playAudible must be true or false")


def _check_task(raw: object) -> None:
    task = _object(raw, "task", "INVALID_TASK")
    for key in ("name", "version"):
        if not isinstance(task.get(key), str) or not task[key]:
            raise ApiRejection("INVALID_TASK", f"task.{key} must be a non-empty string")
    if "input" in task and not isinstance(task["input"], dict):
        raise ApiRejection("INVALID_TASK", "task.input must be an object")


def _check_absolute(trigger: Mapping[str, Any]) -> None:
    recurrence = trigger.get("recurrence")
    # With the newer recurrence fields Alexa ignores scheduledTime, so only then is it optional.
    if "scheduledTime" in trigger or recurrence is None:
        _local_time(trigger.get("scheduledTime"), "scheduledTime", "INVALID_TRIGGER_SCHEDULED_TIME")
    zone = trigger.get("timeZoneId")
    if zone is not None:
        _check_zone(zone)
    if recurrence is not None:
        _check_recurrence(recurrence)


def _check_recurrence(raw: object) -> None:
    recurrence = _object(raw, "recurrence", "INVALID_RECURRENCE")
    rules = recurrence.get("recurrenceRules")
    if rules is None and recurrence.get("freq") in ("DAILY", "WEEKLY"):
        return  # the older form, still accepted
    _local_time(recurrence.get("startDateTime"), "startDateTime", "INVALID_RECURRENCE")
    if "endDateTime" in recurrence:
        _local_time(recurrence["endDateTime"], "endDateTime", "INVALID_RECURRENCE")
    if not isinstance(rules, list) or not rules:
        raise ApiRejection("INVALID_RECURRENCE", "recurrenceRules must be a non-empty list")
    for rule in rules:
        _check_rrule(rule)


def _check_rrule(rule: object) -> None:
    if not isinstance(rule, str) or not rule:
        raise ApiRejection("INVALID_RECURRENCE", f"not an RRULE: {rule!r}")
    fields: dict[str, str] = {}
    for part in rule.split(";"):
        key, _, value = part.partition("=")
        if key not in RRULE_KEYS or not value or key in fields:
            raise ApiRejection("INVALID_RECURRENCE", f"bad RRULE part {part!r} in {rule!r}")
        fields[key] = value
    if fields.get("FREQ") not in RRULE_FREQUENCIES:
        raise ApiRejection("INVALID_RECURRENCE", f"RRULE needs a known FREQ: {rule!r}")
    for key in ("BYHOUR", "BYMINUTE", "BYSECOND", "INTERVAL"):
        if key in fields and not all(v.isdigit() for v in fields[key].split(",")):
            raise ApiRejection("INVALID_RECURRENCE", f"{key} must be numbers: {rule!r}")


def _check_zone(zone: object) -> None:
    try:
        if not isinstance(zone, str) or not zone:
            raise ValueError(zone)
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ApiRejection("INVALID_TIME_ZONE", f"not an IANA time zone: {zone!r}") from exc


def _check_content(raw: object, name: str, code: str) -> None:
    if not isinstance(raw, list) or not raw:
        raise ApiRejection(code, f"{name} must be a non-empty list of {{locale, text}}")
    for item in raw:
        entry = _object(item, name, code)
        if not isinstance(entry.get("locale"), str) or not entry["locale"]:
            raise ApiRejection(code, f"{name} needs a locale in every entry")
        text = entry.get("text") or entry.get("ssml")
        if not isinstance(text, str) or not text.strip():
            raise ApiRejection(code, f"{name} needs text in every entry")


def _local_time(raw: object, name: str, code: str) -> datetime:
    """A wall-clock time: ISO-8601 without ``Z`` or an offset, as Alexa requires."""
    moment = _local_or_zoned_time(raw, name, code)
    if moment.tzinfo is not None:
        raise ApiRejection(code, f"{name} must not carry Z or an offset: {raw!r}")
    return moment


def _local_or_zoned_time(raw: object, name: str, code: str) -> datetime:
    if not isinstance(raw, str):
        raise ApiRejection(code, f"{name} must be an ISO-8601 date-time")
    try:
        return datetime.fromisoformat(raw)
    except ValueError as exc:
        raise ApiRejection(code, f"{name} is not ISO-8601: {raw!r}") from exc


def _object(raw: object, name: str, code: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ApiRejection(code, f"{name} must be an object")
    return raw
