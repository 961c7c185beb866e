"""The JSON bodies Alexa's APIs expect, built from plain values."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

from skill.domain.local_time import DailyTime, local_now

GOAL_TASK: Final = "CheckInOnGoal"
GOAL_TASK_VERSION: Final = "1"
_LOCAL_FORMAT: Final = "%Y-%m-%dT%H:%M:%S.000"  # Alexa's local times carry no zone or Z


def goal_timer(
    *, skill_id: str, goal: str, label: str, locale: str, confirm: str, minutes: int = 1
) -> dict[str, Any]:
    """A visible timer that, when it ends, offers to bring the skill back to check in."""
    return {
        "duration": f"PT{minutes}M",
        "timerLabel": label,
        "creationBehavior": {"displayExperience": {"visibility": "VISIBLE"}},
        "triggeringBehavior": {
            "operation": {
                "type": "LAUNCH_TASK",
                "textToConfirm": [{"locale": locale, "text": confirm}],
                "task": {
                    "name": f"{skill_id}.{GOAL_TASK}",
                    "version": GOAL_TASK_VERSION,
                    "input": {"goal": goal},
                },
            },
            "notificationConfig": {"playAudible": True},
        },
    }


def daily_reminder(*, at: DailyTime, now: datetime, locale: str, text: str) -> dict[str, Any]:
    """A reminder every day at ``at``, starting at its next occurrence."""
    first = at.next_after(now).strftime(_LOCAL_FORMAT)
    rule = f"FREQ=DAILY;BYHOUR={at.hour};BYMINUTE={at.minute};BYSECOND=0;INTERVAL=1"
    return {
        "requestTime": local_now(now, at.zone_name).strftime(_LOCAL_FORMAT),
        "trigger": {
            "type": "SCHEDULED_ABSOLUTE",
            "scheduledTime": first,
            "timeZoneId": at.zone_name,
            "recurrence": {"startDateTime": first, "recurrenceRules": [rule]},
        },
        "alertInfo": {"spokenInfo": {"content": [{"locale": locale, "text": text}]}},
        "pushNotification": {"status": "ENABLED"},
    }


def reminder_once(*, at: DailyTime, now: datetime, locale: str, text: str) -> dict[str, Any]:
    """A reminder once, at the next time ``at`` comes round (today's plan: "at 4")."""
    return {
        "requestTime": local_now(now, at.zone_name).strftime(_LOCAL_FORMAT),
        "trigger": {
            "type": "SCHEDULED_ABSOLUTE",
            "scheduledTime": at.next_after(now).strftime(_LOCAL_FORMAT),
            "timeZoneId": at.zone_name,
        },
        "alertInfo": {"spokenInfo": {"content": [{"locale": locale, "text": text}]}},
        "pushNotification": {"status": "ENABLED"},
    }
