"""Asked what is set, answered literally: the reminder's time, the style, the goal, the first
day; and the reminder told any way ("remind me at 7" said at 6 pm asks which 7 is meant).
Real request envelopes, the real skill on SQLite, Alexa's Reminders API faked over HTTPS."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from skill.alexa.api import REMINDERS_SCOPE
from skill.console.alexa_stand_in import FakeAlexaApi
from skill.domain.choice import Style
from skill.entry import Handler
from skill.speech.catalog import catalog_for
from skill.storage.interface import PortableStore
from tests.conftest import SPEAKER, Clock, Envelope, ends_session, plain, reprompt, speech

WORDS = catalog_for("en-US")
GRANTED = {REMINDERS_SCOPE: "GRANTED"}


def said(response: dict[str, Any]) -> str:
    return plain(speech(response))


def asking(request_for: Envelope, intent: str, **options: Any) -> dict[str, Any]:
    """A request for ``intent`` with no slots, in the envelope of a plain yes."""
    envelope = request_for("yes", **options)
    envelope["request"]["intent"] = {"name": intent, "confirmationStatus": "NONE", "slots": {}}
    return envelope


def reminding(
    request_for: Envelope, intent: str, time: str | None, **options: Any
) -> dict[str, Any]:
    """``intent`` (a reminder intent) with its time slot as Alexa fills it ("07:00", "EV")."""
    envelope = request_for("set_reminder", slots={"time": time} if time else None, **options)
    envelope["request"]["intent"]["name"] = intent
    return envelope


def created(alexa: FakeAlexaApi) -> list[Any]:
    return [
        r.body for r in alexa.requests if r.method == "POST" and r.path == "/v1/alerts/reminders"
    ]


def rule(body: Any) -> str:
    return str(body["trigger"]["recurrence"]["recurrenceRules"][0])


@pytest.fixture
def london(alexa: FakeAlexaApi, clock: Clock) -> FakeAlexaApi:
    alexa.grant(REMINDERS_SCOPE)
    alexa.set_time_zone("Europe/London")
    clock.now = datetime(2026, 12, 7, 18, 0, tzinfo=UTC)  # 6 pm on a Monday in London
    return alexa


# --- what is set ---------------------------------------------------------------------------


def test_what_time_is_my_reminder_names_it_or_says_how_to_set_one(
    handler: Handler, request_for: Envelope, london: FakeAlexaApi
) -> None:
    none = handler(asking(request_for, "AskReminderIntent"), None)
    assert said(none) in map(plain, WORDS.variants("asks.reminder_none"))
    assert ends_session(none)

    handler(reminding(request_for, "SetMorningReminderIntent", "07:30", scopes=GRANTED), None)
    told = handler(asking(request_for, "AskReminderIntent"), None)
    assert said(told) == "Your reminder is every day at 7:30 AM."
    assert ends_session(told)


def test_what_is_my_style_says_calm_or_cheerful_and_brief_when_on(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    assert said(handler(asking(request_for, "AskStyleIntent"), None)) == ("Your style is cheerful.")
    store.set_style(SPEAKER, Style.CALM)
    store.set_brief(SPEAKER, True)
    assert said(handler(asking(request_for, "AskStyleIntent"), None)) == (
        "Your style is calm, and brief."
    )


def test_what_are_my_settings_lists_each_literally_none_when_unset(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    london: FakeAlexaApi,
    clock: Clock,
) -> None:
    nothing = handler(asking(request_for, "AskSettingsIntent"), None)
    assert said(nothing) == (
        "Your settings. Style: cheerful. Reminder: none. One thing today: none yet. "
        "Goal: none. Recap: your week starts on Monday."
    )
    assert ends_session(nothing)

    store.set_style(SPEAKER, Style.CALM)
    store.set_brief(SPEAKER, True)
    store.set_goal(SPEAKER, "clear my desk", clock.now)
    store.set_one_thing(SPEAKER, "call the bank", clock.now.date(), "Europe/London", clock.now)
    store.set_recap(SPEAKER, day=6)
    handler(reminding(request_for, "SetMorningReminderIntent", "07:30", scopes=GRANTED), None)
    told = handler(asking(request_for, "AskSettingsIntent"), None)
    assert said(told) == (
        "Your settings. Style: calm, and brief. Reminder: every day at 7:30 AM. "
        "One thing today: call the bank. Goal: clear your desk. "
        "Recap: your week starts on Sunday."
    )

    store.set_recap(SPEAKER, off=True)
    assert said(handler(asking(request_for, "AskSettingsIntent"), None)).endswith("Recap: off.")


def test_what_is_my_goal_says_the_open_goal_in_the_second_person_or_none(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    none = handler(asking(request_for, "AskGoalIntent"), None)
    assert said(none) in map(plain, WORDS.variants("asks.goal_none"))
    store.set_goal(SPEAKER, "clear my desk", clock.now)
    told = handler(asking(request_for, "AskGoalIntent"), None)
    assert said(told) == "Your one-minute goal is to clear your desk."


def test_a_goal_that_no_longer_screens_as_a_plan_is_never_said_back(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    store.set_goal(SPEAKER, "kill myself", clock.now)
    told = handler(asking(request_for, "AskGoalIntent"), None)
    assert "kill" not in said(told)
    assert said(told) in map(plain, WORDS.variants("asks.goal_none"))


def test_when_did_i_start_names_the_first_day_on_the_persons_calendar(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi, clock: Clock
) -> None:
    alexa.set_time_zone("Pacific/Auckland")
    assert said(handler(asking(request_for, "AskStartIntent"), None)) in map(
        plain, WORDS.variants("asks.started_none")
    )
    # 20:00 UTC on Saturday 21 November is already Sunday 22 November in Auckland.
    clock.now = datetime(2026, 11, 21, 20, 0, tzinfo=UTC)
    handler(request_for("log_win", win="I did the laundry"), None)
    assert said(handler(asking(request_for, "AskStartIntent"), None)) == (
        "Your first win here was today, Sunday."
    )
    clock.now += timedelta(days=1)
    assert "yesterday" in said(handler(asking(request_for, "AskStartIntent"), None))
    clock.now += timedelta(days=30)
    assert said(handler(asking(request_for, "AskStartIntent"), None)) == (
        "Your first win here was on Sunday, November 22."
    )


# --- reminders told any way ----------------------------------------------------------------


def test_an_hour_said_after_its_morning_has_gone_asks_which_half_of_the_day(
    handler: Handler, request_for: Envelope, london: FakeAlexaApi, store: PortableStore
) -> None:
    asked = handler(reminding(request_for, "SetDailyReminderIntent", "07:00", scopes=GRANTED), None)
    assert said(asked) == "7 in the morning, or 7 in the evening?"
    assert reprompt(asked) and not ends_session(asked)
    assert created(london) == []
    [directive] = asked["response"]["directives"]
    assert directive["type"] == "Dialog.ElicitSlot"
    assert directive["updatedIntent"]["name"] == "SetDailyReminderIntent"

    answer = reminding(
        request_for,
        "SetDailyReminderIntent",
        "EV",
        scopes=GRANTED,
        attributes=asked["sessionAttributes"],
    )
    answer["request"]["dialogState"] = "IN_PROGRESS"
    done = handler(answer, None)
    assert "every day at 7 PM" in said(done)
    assert "BYHOUR=19;BYMINUTE=0" in rule(created(london)[-1])
    assert store.load_profile(SPEAKER).reminder_time == "19:00"


@pytest.mark.parametrize(("answer", "hour"), [("MO", 7), ("07:00", 7), ("19:00", 19)])
def test_the_half_of_the_day_can_be_answered_as_people_say_it(
    handler: Handler, request_for: Envelope, london: FakeAlexaApi, answer: str, hour: int
) -> None:
    asked = handler(reminding(request_for, "SetDailyReminderIntent", "07:00", scopes=GRANTED), None)
    done = handler(
        reminding(
            request_for,
            "SetDailyReminderIntent",
            answer,
            scopes=GRANTED,
            attributes=asked["sessionAttributes"],
        ),
        None,
    )
    assert f"BYHOUR={hour};BYMINUTE=0" in rule(created(london)[-1]), said(done)


def test_an_early_afternoon_hour_is_asked_about_with_the_afternoon(
    handler: Handler, request_for: Envelope, london: FakeAlexaApi
) -> None:
    asked = handler(reminding(request_for, "SetDailyReminderIntent", "03:00", scopes=GRANTED), None)
    assert said(asked) == "3 in the morning, or 3 in the afternoon?"


@pytest.mark.parametrize(
    ("intent", "time", "hour"),
    [
        ("SetMorningReminderIntent", "07:00", 7),  # the morning reminder: the morning's 7
        ("SetEveningReminderIntent", "07:00", 19),  # "every evening at 7"
        ("SetEveningReminderIntent", "08:30", 20),  # "every night at half eight"
        ("SetDailyReminderIntent", "19:15", 19),  # "7:15 pm": no question
        ("SetDailyReminderIntent", "21:00", 21),  # "9 tonight"
        ("SetDailyReminderIntent", "20:30", 20),  # "half eight pm"
    ],
)
def test_a_time_that_says_its_half_of_the_day_is_set_without_a_question(
    handler: Handler,
    request_for: Envelope,
    london: FakeAlexaApi,
    intent: str,
    time: str,
    hour: int,
) -> None:
    done = handler(reminding(request_for, intent, time, scopes=GRANTED), None)
    assert "every day at" in said(done)
    assert f"BYHOUR={hour};" in rule(created(london)[-1])


def test_an_hour_still_ahead_this_morning_is_taken_as_said(
    handler: Handler, request_for: Envelope, london: FakeAlexaApi, clock: Clock
) -> None:
    clock.now = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)  # 6 am in London
    done = handler(reminding(request_for, "SetDailyReminderIntent", "07:15", scopes=GRANTED), None)
    assert "every day at 7:15 AM" in said(done)


def test_a_part_of_the_day_alone_is_put_to_the_person_as_a_time_first(
    handler: Handler, request_for: Envelope, london: FakeAlexaApi
) -> None:
    asked = handler(reminding(request_for, "SetDailyReminderIntent", "EV", scopes=GRANTED), None)
    assert "7 PM" in said(asked) and said(asked).endswith("?")
    assert created(london) == []
    done = handler(request_for("yes", attributes=asked["sessionAttributes"], scopes=GRANTED), None)
    assert "every day at 7 PM" in said(done)


def test_make_it_half_eight_moves_the_reminder_just_set(
    handler: Handler, request_for: Envelope, london: FakeAlexaApi, store: PortableStore
) -> None:
    handler(reminding(request_for, "SetDailyReminderIntent", "19:30", scopes=GRANTED), None)
    moved = handler(reminding(request_for, "ChangeReminderIntent", "20:30", scopes=GRANTED), None)
    assert "every day at 8:30 PM" in said(moved)
    assert list(london.reminders) == [store.load_profile(SPEAKER).reminder_token]
    told = handler(asking(request_for, "AskReminderIntent"), None)
    assert said(told) == "Your reminder is every day at 8:30 PM."


def test_make_it_nine_with_no_reminder_offers_to_set_one_and_sets_it_only_on_a_yes(
    handler: Handler, request_for: Envelope, london: FakeAlexaApi
) -> None:
    reply = handler(reminding(request_for, "ChangeReminderIntent", "21:00", scopes=GRANTED), None)
    assert said(reply) in [
        plain(text.format(time="9 PM")) for text in WORDS.variants("reminder.change_none")
    ]
    assert not ends_session(reply)
    assert created(london) == []
