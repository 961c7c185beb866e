"""The morning one thing and the person's own time zone, via the Settings API over HTTPS."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from skill.console.alexa_stand_in import FakeAlexaApi
from skill.entry import Handler
from skill.speech.catalog import catalog_for
from skill.storage.interface import PortableStore
from tests.conftest import (
    SPEAKER,
    Clock,
    Envelope,
    ends_session,
    is_morning_prompt,
    plain,
    reprompt,
    speech,
)

pytestmark = pytest.mark.any_hour  # the date, hour or zone could change its outcome

AUCKLAND = "Pacific/Auckland"  # UTC+13 in November
LOS_ANGELES = "America/Los_Angeles"  # UTC-8 in November


def settings_calls(alexa: FakeAlexaApi) -> int:
    return sum(1 for r in alexa.requests if "/settings/System.timeZone" in r.path)


def say(handler: Handler, envelope: dict[str, Any]) -> str:
    return speech(handler(envelope, None))


@pytest.mark.parametrize(
    ("zone", "utc_hour", "prompted"),
    [
        (AUCKLAND, 21, True),  # 10:00 the next day in Auckland
        (LOS_ANGELES, 21, False),  # 13:00 in Los Angeles
        (LOS_ANGELES, 16, True),  # 08:00 in Los Angeles
        ("UTC", 12, False),  # noon is no longer morning
        ("UTC", 11, True),
        (AUCKLAND, 12, False),  # 01:00 in Auckland: the small hours are still the night
        (LOS_ANGELES, 13, False),  # 05:00 in Los Angeles: a night shift is ending
        (LOS_ANGELES, 14, True),  # 06:00 in Los Angeles: the morning begins
    ],
)
def test_the_morning_prompt_follows_the_devices_clock(
    handler: Handler,
    request_for: Envelope,
    alexa: FakeAlexaApi,
    clock: Clock,
    zone: str,
    utc_hour: int,
    prompted: bool,
) -> None:
    alexa.set_time_zone(zone)
    clock.now = datetime(2026, 11, 21, utc_hour, 0, tzinfo=UTC)
    response = handler(request_for("launch"), None)
    is_prompt = is_morning_prompt(response)
    assert is_prompt is prompted
    assert not ends_session(response) and reprompt(response)


def test_the_one_thing_is_stored_for_today_and_said_back(
    handler: Handler, request_for: Envelope, clock: Clock, store: PortableStore
) -> None:
    clock.now = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
    launch = handler(request_for("launch"), None)
    assert "Good morning" in speech(launch)
    answer = request_for(
        "set_one_thing", slots={"thing": "call my bank"}, attributes=launch["sessionAttributes"]
    )
    said = say(handler, answer)
    assert "call your bank" in said and "my bank" not in said
    assert "Good morning" not in say(handler, request_for("launch"))  # once a day only
    assert "Your one thing today is: call your bank." in say(handler, request_for("read_one_thing"))


@pytest.mark.parametrize(
    ("words", "said_back"),
    [
        ("do the dishes", "do the dishes"),  # from "I'll do the dishes"
        ("calling the bank", "calling the bank"),  # from "my one thing is calling the bank"
        ("go outside", "go outside"),  # from "today I want to go outside"
        ("just text my sister", "text your sister"),
    ],
)
def test_the_one_thing_is_repeated_back_in_the_second_person(
    handler: Handler, request_for: Envelope, words: str, said_back: str
) -> None:
    assert said_back in say(handler, request_for("set_one_thing", slots={"thing": words}))


def test_doing_the_one_thing_is_a_win_celebrated_like_any_other(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    say(handler, request_for("set_one_thing", slots={"thing": "go outside"}))
    done = say(handler, request_for("one_thing_done"))
    assert "You did your one thing: go outside" in done and "first win" in done
    again = say(handler, request_for("one_thing_done"))
    assert "You already did it today: go outside. That still counts." in again
    assert "you did it" in say(handler, request_for("read_one_thing")).lower()
    heard = say(handler, request_for("hear_win"))
    assert "you did your one thing: go outside." in heard


def test_a_new_day_starts_fresh_and_never_mentions_yesterday(
    handler: Handler, request_for: Envelope, clock: Clock
) -> None:
    clock.now = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    say(handler, request_for("set_one_thing", slots={"thing": "fold the laundry"}))
    clock.now = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
    launch = say(handler, request_for("launch"))
    assert "Good morning" in launch and "laundry" not in launch
    read = say(handler, request_for("read_one_thing"))
    assert "laundry" not in read and "haven't picked" in read
    assert "didn't" not in read and "yesterday" not in read.lower()
    done = handler(request_for("one_thing_done"), None)
    assert "laundry" not in speech(done) and not ends_session(done)  # asks what they did


def test_today_is_the_persons_own_day_in_auckland_and_los_angeles(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi, clock: Clock
) -> None:
    def log_twice(zone: str, person: str) -> str:
        alexa.set_time_zone(zone)
        clock.now = datetime(2026, 11, 21, 10, 30, tzinfo=UTC)  # Auckland 23:30, LA 02:30
        say(handler, request_for("log_win", win="made tea", person=person))
        clock.now = datetime(2026, 11, 21, 11, 30, tzinfo=UTC)  # Auckland 00:30 next day
        return say(handler, request_for("log_win", win="drank water", person=person))

    assert "second win today" not in log_twice(AUCKLAND, "amzn1.ask.person.AKL")
    assert "second win today" in log_twice(LOS_ANGELES, "amzn1.ask.person.LAX")


def test_relative_dates_use_the_persons_zone(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi, clock: Clock
) -> None:
    alexa.set_time_zone(AUCKLAND)
    clock.now = datetime(2026, 11, 21, 10, 30, tzinfo=UTC)  # Saturday 23:30 in Auckland
    say(handler, request_for("log_win", win="walked the dog"))
    clock.now = datetime(2026, 11, 22, 11, 30, tzinfo=UTC)  # Monday 00:30 in Auckland
    heard = say(handler, request_for("hear_win"))
    assert heard.startswith("<speak>On Saturday, you walked the dog.")  # UTC would say yesterday


def test_the_zone_is_cached_and_refreshed_when_stale(
    handler: Handler,
    request_for: Envelope,
    alexa: FakeAlexaApi,
    clock: Clock,
    store: PortableStore,
) -> None:
    alexa.set_time_zone(LOS_ANGELES)
    say(handler, request_for("log_win", win="made tea"))
    assert settings_calls(alexa) == 1
    person = SPEAKER
    assert store.load_profile(person).zone == LOS_ANGELES
    for _ in range(3):
        clock.advance(hours=1)
        say(handler, request_for("log_win", win="drank water"))
        say(handler, request_for("launch"))
    assert settings_calls(alexa) == 1  # fresh: no more calls
    clock.advance(hours=13)
    say(handler, request_for("log_win", win="stretched"))
    assert settings_calls(alexa) == 2


def test_without_a_zone_the_skill_uses_utc_and_loses_nothing(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi, clock: Clock, dynamodb: Any
) -> None:
    alexa.fail_next(503, times=5, path_prefix="/v2/devices")
    clock.now = datetime(2026, 11, 21, 11, 0, tzinfo=UTC)
    assert "Good morning" in say(handler, request_for("launch"))  # 11:00 UTC
    assert "You made tea" in say(handler, request_for("log_win", win="made tea"))
    alexa.set_time_zone(None)  # a device with no zone set
    assert "You drank water" in say(handler, request_for("log_win", win="drank water"))


@pytest.mark.parametrize("said", ["nothing", "not much", "I dunno"])
def test_nothing_as_the_one_thing_sets_none_and_asks_for_none(
    handler: Handler, request_for: Envelope, store: PortableStore, said: str
) -> None:
    response = handler(request_for("set_one_thing", slots={"thing": said}), None)

    assert store.load_profile(SPEAKER).one_thing is None
    assert plain(speech(response)) in catalog_for("en-US").variants("answer.no_plan")


@pytest.mark.parametrize("said", ["couldnt drag myself out of bed", "do nothing"])
def test_how_things_are_said_for_a_plan_is_heard_and_not_set(
    handler: Handler, request_for: Envelope, store: PortableStore, said: str
) -> None:
    response = handler(request_for("set_one_thing", slots={"thing": said}), None)

    assert store.load_profile(SPEAKER).one_thing is None
    assert "one thing today" not in speech(response).lower()
    assert reprompt(response) and not ends_session(response)
