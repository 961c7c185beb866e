"""What the fake Alexa API keeps of each timer and reminder, and how Alexa's JSON shows them.

Tests and the console read these records directly (what was asked for, when a timer really
fires); clients see them only through the JSON shapes below, which follow Amazon's API
references (times in UTC with milliseconds and a ``Z``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from skill.console.alexa_stand_in.rules import parse_duration


@dataclass
class TimerRecord:
    """A timer created through the API. ``status`` turns "OFF" when it fires or is deleted.

    ``fires_at`` is when it really fires here (on the fake's minute); the API's ``triggerTime``
    is Alexa's, a full duration after creation.
    """

    id: str
    body: dict[str, Any]
    created_at: datetime
    fires_at: datetime
    status: str = "ON"


@dataclass
class ReminderRecord:
    """A reminder created through the API; deleting it removes it from ``reminders``."""

    token: str
    body: dict[str, Any]
    created_at: datetime


def iso(moment: datetime) -> str:
    """Alexa's timestamp format: UTC, milliseconds, ``Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def timer_json(record: TimerRecord) -> dict[str, Any]:
    """A timer as the Timers API returns it."""
    duration = parse_duration(record.body["duration"])
    return {
        "id": record.id,
        "status": record.status,
        "duration": record.body["duration"],
        "timerLabel": record.body["timerLabel"],
        "triggerTime": iso(record.created_at + duration),
        "createdTime": iso(record.created_at),
        "updatedTime": iso(record.created_at),
    }


def reminder_created_json(record: ReminderRecord) -> dict[str, Any]:
    """The Reminders API's answer to creating ``record``."""
    created = iso(record.created_at)
    return {
        "alertToken": record.token,
        "createdTime": created,
        "updatedTime": created,
        "status": "ON",
        "version": "1",
        "href": f"/v1/alerts/reminders/{record.token}",
    }


def reminder_json(record: ReminderRecord) -> dict[str, Any]:
    """A reminder as the Reminders API returns it: what was asked for, plus its state."""
    state = {k: v for k, v in reminder_created_json(record).items() if k != "href"}
    return {**record.body, **state}
