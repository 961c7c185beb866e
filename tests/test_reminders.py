"""The daily morning reminder through Alexa's Reminders API, faked over real HTTPS."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from skill.alexa.api import REMINDERS_SCOPE
from skill.console.alexa_stand_in import FakeAlexaApi
from skill.entry import Handler
from skill.speech.catalog import catalog_for
from skill.storage.interface import PortableStore
from tests.conftest import SPEAKER, Clock, Envelope, ends_session, speech

pytestmark = pytest.mark.any_hour  # the date, hour or zone could change its outcome

PERSON = SPEAKER
GRANTED = {REMINDERS_SCOPE: "GRANTED"}

WORDS = catalog_for("en-US")


def created(alexa: FakeAlexaApi) -> list[Any]:
    return [
        r.body for r in alexa.requests if r.method == "POST" and r.path == "/v1/alerts/reminders"
    ]


def deleted(alexa: FakeAlexaApi) -> list[str]:
    return [r.path for r in alexa.requests if r.method == "DELETE"]


def remind_every_morning(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi, **options: Any
) -> dict[str, Any]:
    """ "Remind me every morning", then yes to the time put to the person (8 AM)."""
    before = len(created(alexa))
    asked = handler(request_for("set_reminder", **options), None)
    assert "8 AM" in speech(asked) and "?" in speech(asked) and not ends_session(asked)
    assert len(created(alexa)) == before, "no reminder before the person agrees to its time"
    attributes = asked.get("sessionAttributes") or {}
    return handler(request_for("yes", attributes=attributes, **options), None)


@pytest.fixture
def granted(alexa: FakeAlexaApi, clock: Clock) -> FakeAlexaApi:
    alexa.grant(REMINDERS_SCOPE)
    alexa.set_time_zone("America/Los_Angeles")
    clock.now = datetime(2026, 11, 21, 18, 0, tzinfo=UTC)  # 10:00 Saturday in Los Angeles
    return alexa


def test_remind_me_every_morning_creates_a_daily_8am_reminder_in_the_persons_zone(
    handler: Handler, request_for: Envelope, granted: FakeAlexaApi, store: PortableStore
) -> None:
    response = remind_every_morning(handler, request_for, granted, scopes=GRANTED)
    assert "every day at 8 AM" in speech(response)
    [body] = created(granted)
    assert body["requestTime"] == "2026-11-21T10:00:00.000"
    trigger = body["trigger"]
    assert trigger["type"] == "SCHEDULED_ABSOLUTE"
    assert trigger["timeZoneId"] == "America/Los_Angeles"
    assert trigger["scheduledTime"] == "2026-11-22T08:00:00.000"  # 8:00 has passed today
    assert trigger["recurrence"] == {
        "startDateTime": "2026-11-22T08:00:00.000",
        "recurrenceRules": ["FREQ=DAILY;BYHOUR=8;BYMINUTE=0;BYSECOND=0;INTERVAL=1"],
    }
    [content] = body["alertInfo"]["spokenInfo"]["content"]
    assert content["locale"] == "en-US"
    assert content["text"] == "What's your one thing today? Say: Alexa, open small wins."
    assert body["pushNotification"] == {"status": "ENABLED"}
    profile = store.load_profile(PERSON)
    assert profile.reminder_token in granted.reminders and profile.reminder_time == "08:00"


def test_a_chosen_time_is_used_and_said_back(
    handler: Handler, request_for: Envelope, granted: FakeAlexaApi, clock: Clock
) -> None:
    clock.now = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)  # 06:00 in Los Angeles
    envelope = request_for("set_reminder", slots={"time": "07:30"}, scopes=GRANTED)
    assert "every day at 7:30 AM" in speech(handler(envelope, None))
    [body] = created(granted)
    assert body["trigger"]["scheduledTime"] == "2026-11-21T07:30:00.000"  # still ahead today
    assert "BYHOUR=7;BYMINUTE=30" in body["trigger"]["recurrence"]["recurrenceRules"][0]


def test_an_evening_reminder_says_what_it_is_for_in_words_that_fit_the_evening(
    handler: Handler, request_for: Envelope, granted: FakeAlexaApi
) -> None:
    envelope = request_for("set_reminder", slots={"time": "20:00"}, scopes=GRANTED)
    said = speech(handler(envelope, None))
    assert "every day at 8 PM to notice what you did" in said and "one thing" not in said
    [body] = created(granted)
    [content] = body["alertInfo"]["spokenInfo"]["content"]
    assert content["text"] == WORDS.text("reminder.text_evening")
    assert "one thing" not in content["text"] and "morning" not in content["text"]


def test_only_one_morning_reminder_exists_per_person(
    handler: Handler, request_for: Envelope, granted: FakeAlexaApi, store: PortableStore
) -> None:
    remind_every_morning(handler, request_for, granted, scopes=GRANTED)
    first = store.load_profile(PERSON).reminder_token
    handler(request_for("set_reminder", slots={"time": "09:15"}, scopes=GRANTED), None)
    assert deleted(granted) == [f"/v1/alerts/reminders/{first}"]
    assert list(granted.reminders) == [store.load_profile(PERSON).reminder_token]


def test_stop_the_morning_reminder_deletes_it(
    handler: Handler, request_for: Envelope, granted: FakeAlexaApi, store: PortableStore
) -> None:
    remind_every_morning(handler, request_for, granted, scopes=GRANTED)
    token = store.load_profile(PERSON).reminder_token
    response = handler(request_for("stop_reminder", scopes=GRANTED), None)
    assert "Your reminder is off." in speech(response) and ends_session(response)
    assert deleted(granted) == [f"/v1/alerts/reminders/{token}"]
    assert granted.reminders == {} and store.load_profile(PERSON).reminder_token is None
    again = handler(request_for("stop_reminder", scopes=GRANTED), None)
    assert "no reminder to stop" in speech(again)


def test_a_reminder_deleted_in_the_app_is_still_stopped_cleanly(
    handler: Handler, request_for: Envelope, granted: FakeAlexaApi, store: PortableStore
) -> None:
    remind_every_morning(handler, request_for, granted, scopes=GRANTED)
    granted.reminders.clear()  # the person deleted it in the Alexa app: the API answers 404
    response = handler(request_for("stop_reminder", scopes=GRANTED), None)
    assert "is off" in speech(response)
    assert store.load_profile(PERSON).reminder_token is None


def test_a_failed_stop_says_so_and_keeps_track_of_the_reminder(
    handler: Handler, request_for: Envelope, granted: FakeAlexaApi, store: PortableStore
) -> None:
    remind_every_morning(handler, request_for, granted, scopes=GRANTED)
    granted.fail_next(500, path_prefix="/v1/alerts/reminders")
    response = handler(request_for("stop_reminder", scopes=GRANTED), None)
    assert "couldn't turn off" in speech(response)
    assert store.load_profile(PERSON).reminder_token in granted.reminders


def test_permission_is_asked_by_voice_and_the_time_survives_the_question(
    handler: Handler, request_for: Envelope, granted: FakeAlexaApi
) -> None:
    response = handler(request_for("set_reminder", slots={"time": "07:30"}), None)
    [directive] = response["response"]["directives"]
    assert directive["payload"]["permissionScope"] == REMINDERS_SCOPE
    assert "7:30 AM" in speech(response)
    assert created(granted) == []
    answer = request_for("permission_response", attributes=response["sessionAttributes"])
    answer["request"]["payload"]["permissionScope"] = REMINDERS_SCOPE
    done = handler(answer, None)
    assert "every day at 7:30 AM" in speech(done)
    assert (
        "BYHOUR=7;BYMINUTE=30" in created(granted)[0]["trigger"]["recurrence"]["recurrenceRules"][0]
    )


@pytest.mark.parametrize("status", ["DENIED", "NOT_ANSWERED"])
def test_refused_permission_sets_no_reminder_and_leaves_a_card(
    handler: Handler, request_for: Envelope, granted: FakeAlexaApi, status: str
) -> None:
    answer = request_for("permission_response")
    answer["request"]["payload"] = {"permissionScope": REMINDERS_SCOPE, "status": status}
    response = handler(answer, None)
    assert "no reminder" in speech(response)
    assert response["response"]["card"] == {
        "type": "AskForPermissionsConsent",
        "permissions": [REMINDERS_SCOPE],
    }
    assert created(granted) == []


@pytest.mark.parametrize(
    ("status", "said"),
    [
        (401, "no longer have permission"),
        (403, "no longer have permission"),
        (429, "busy"),
        (502, "couldn't reach"),
    ],
)
def test_api_errors_are_told_truthfully(
    handler: Handler,
    request_for: Envelope,
    granted: FakeAlexaApi,
    store: PortableStore,
    status: int,
    said: str,
) -> None:
    granted.fail_next(status, path_prefix="/v1/alerts/reminders")
    response = remind_every_morning(handler, request_for, granted, scopes=GRANTED)
    assert said in speech(response)
    assert "I'll remind you" not in speech(response)
    assert store.load_profile(PERSON).reminder_token is None


def test_consent_not_answered_is_no_refusal_and_says_how_to_set_the_time_agreed(
    handler: Handler, request_for: Envelope, granted: FakeAlexaApi
) -> None:
    """Something else said over Alexa's consent question ("what time is my reminder") comes
    back NOT_ANSWERED: no reminder is set, said plainly, with the time that was agreed."""
    asking = handler(request_for("set_reminder", slots={"time": "07:30"}), None)
    answer = request_for("permission_response", attributes=asking["sessionAttributes"])
    answer["request"]["payload"] = {"permissionScope": REMINDERS_SCOPE, "status": "NOT_ANSWERED"}

    response = handler(answer, None)

    assert "No reminder is set" in speech(response)
    assert "remind me every day at 7:30 AM" in speech(response)
    assert created(granted) == []


def test_what_time_is_my_reminder_over_morning_or_evening_is_answered_and_asked_again_once(
    handler: Handler, request_for: Envelope, granted: FakeAlexaApi
) -> None:
    attributes = {"asked": "reminder_half", "reminder_hour": "07:00"}

    def asking(attributes: dict[str, Any]) -> dict[str, Any]:
        envelope = request_for("hear_win", attributes=attributes, new=False)
        envelope["request"]["intent"] = {"name": "AskReminderIntent", "confirmationStatus": "NONE"}
        return handler(envelope, None)

    first = asking(attributes)
    assert "No reminder is set yet" in speech(first)
    assert "7 in the morning, or 7 in the evening?" in speech(first)
    assert first["sessionAttributes"]["asked"] == "reminder_half"

    second = asking(first["sessionAttributes"])  # asked over it again: the question is dropped
    assert "You don't have a reminder" in speech(second)
    assert "reminder_hour" not in second["sessionAttributes"]
    assert not ends_session(second) or "asked" not in second["sessionAttributes"]
