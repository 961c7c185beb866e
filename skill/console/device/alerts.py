"""Timers and reminders as an Echo makes them known: set, ringing, gone.

The skill creates timers and reminders through Alexa's APIs (the fake on loopback); an Echo
would show them and, in time, ring. This module turns the fake's records into short lines for
the person ("Reminder set: every day at 08:00 (America/Los_Angeles): ...") and notices what
changed after each turn, so a reminder the skill set or deleted is seen at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from skill.console.alexa_stand_in.rules import ApiRejection, parse_duration
from skill.console.alexa_stand_in.stand_in import FakeAlexaApi, TimerRecord

DAILY: Final = "DAILY"
FALLBACK_TIMER_WORDS: Final = "A timer from Small Wins is ringing."


def timer_set(body: Mapping[str, Any]) -> str:
    """ "Timer set: 1 minute (clear my desk)."."""
    label = body.get("timerLabel")
    return f"Timer set: {_duration_words(str(body.get('duration', '')))}" + (
        f" ({label})." if label else "."
    )


def reminder_set(body: Mapping[str, Any]) -> str:
    """ "Reminder set: every day at 08:00 (Europe/Paris): What's your one thing today?"."""
    return f"Reminder set: {_when(body.get('trigger') or {})}: {_spoken(body)}"


def ringing_words(record: TimerRecord, locale: str) -> str:
    """What the Echo says when ``record`` rings: its confirmation or announcement text."""
    operation = (record.body.get("triggeringBehavior") or {}).get("operation") or {}
    texts = operation.get("textToConfirm") or operation.get("textToAnnounce") or []
    return _localised(texts, locale) or FALLBACK_TIMER_WORDS


def task_of(record: TimerRecord) -> dict[str, Any] | None:
    """The task a LAUNCH_TASK timer asks Alexa to launch, exactly as the skill gave it."""
    operation = (record.body.get("triggeringBehavior") or {}).get("operation") or {}
    task = operation.get("task")
    if operation.get("type") != "LAUNCH_TASK" or not isinstance(task, dict):
        return None
    return task


class AlertWatcher:
    """Notices timers and reminders that appeared (or reminders that went) since last time."""

    def __init__(self, api: FakeAlexaApi) -> None:
        self._api = api
        self._timers: set[str] = set(api.timers)
        self._reminders: set[str] = set(api.reminders)

    def changes(self) -> list[str]:
        """One line per change since the last call, oldest first."""
        lines: list[str] = []
        timers = dict(self._api.timers)
        for timer_id, record in timers.items():
            if timer_id not in self._timers:
                lines.append(timer_set(record.body))
        reminders = dict(self._api.reminders)
        for token, reminder in reminders.items():
            if token not in self._reminders:
                lines.append(reminder_set(reminder.body))
        lines.extend("Reminder deleted." for token in self._reminders if token not in reminders)
        self._timers, self._reminders = set(timers), set(reminders)
        return lines


def _when(trigger: Mapping[str, Any]) -> str:
    if trigger.get("type") == "SCHEDULED_RELATIVE":
        return f"in {_seconds_words(int(trigger.get('offsetInSeconds') or 0))}"
    zone = trigger.get("timeZoneId") or "the device's time zone"
    recurrence = trigger.get("recurrence") or {}
    rules: Sequence[str] = recurrence.get("recurrenceRules") or []
    if rules:
        return f"{'; '.join(_rule_words(rule) for rule in rules)} ({zone})"
    if recurrence.get("freq") == DAILY:
        return f"every day at {_clock(str(trigger.get('scheduledTime', '')))} ({zone})"
    scheduled = str(trigger.get("scheduledTime", ""))
    return f"on {scheduled[:10]} at {_clock(scheduled)} ({zone})"


def _rule_words(rule: str) -> str:
    fields = dict(part.partition("=")[::2] for part in rule.split(";"))
    at = f"{int(fields.get('BYHOUR', '0') or 0):02d}:{int(fields.get('BYMINUTE', '0') or 0):02d}"
    interval = fields.get("INTERVAL", "1")
    if fields.get("FREQ") == DAILY:
        return f"{'every day' if interval == '1' else f'every {interval} days'} at {at}"
    if fields.get("FREQ") == "WEEKLY":
        days = fields.get("BYDAY", "")
        return f"every week{f' on {days}' if days else ''} at {at}"
    return f"{rule} at {at}"


def _clock(local: str) -> str:
    return local[11:16] if len(local) >= 16 else local


def _spoken(body: Mapping[str, Any]) -> str:
    spoken = (body.get("alertInfo") or {}).get("spokenInfo") or {}
    return _localised(spoken.get("content") or [], None) or "(no words)"


def _localised(texts: Sequence[Mapping[str, Any]], locale: str | None) -> str:
    chosen = next((t for t in texts if t.get("locale") == locale), texts[0] if texts else {})
    return str(chosen.get("text") or chosen.get("ssml") or "")


def _duration_words(duration: str) -> str:
    try:
        return _seconds_words(int(parse_duration(duration).total_seconds()))
    except ApiRejection:
        return duration


def _seconds_words(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    if rest or not minutes:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
