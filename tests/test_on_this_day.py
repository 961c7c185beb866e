"""On this day: "what did I do a year ago today" by voice, and a heard win that lands on an
anniversary said to be one, at most once a week, drawn from the injected random source. The
clock is pinned (Saturday 21 November 2026, 07:30 in Los Angeles)."""

from __future__ import annotations

from datetime import UTC, datetime
from random import Random
from typing import Any

import pytest

from skill.console.alexa_stand_in import FakeAlexaApi
from skill.entry import Handler, make_handler
from skill.services.wins import Heard, WinsService
from skill.speech.catalog import catalog_for
from skill.storage.interface import PortableStore
from skill.storage.records import Person, Profile, StoredWin
from tests.conftest import ACCOUNT, SKILL_ID, SPEAKER, Clock, Envelope, plain, speech
from tests.test_recall import LOS_ANGELES, attributes, seed
from tests.test_recap import named

WORDS = catalog_for("en-US")


class Drawn(Random):
    """A random source whose draws in [0, 1) are all ``value``: the coin comes up as told."""

    def __init__(self, value: float) -> None:
        super().__init__(0)
        self._value = value

    def random(self) -> float:
        return self._value


def hear(store: PortableStore, clock: Clock, rng: Random, person: Person = SPEAKER) -> Heard:
    heard = WinsService(store, clock, rng).hear_win(person, recognised=person.recognised)
    assert isinstance(heard, Heard)
    return heard


def test_a_win_from_a_year_ago_today_is_said_to_be_one_once_a_week(
    store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, [("2025-11-21 18:00", "ran my first 5k")])

    first = hear(store, clock, Drawn(0.0))
    again = hear(store, clock, Drawn(0.0))

    assert first.anniversary == "year"
    assert again.anniversary is None  # at most once a week
    assert store.load_profile(SPEAKER).anniversary_offered is not None


@pytest.mark.parametrize(
    ("logged", "said"),
    [
        ("2026-10-21 18:00", "month"),
        ("2024-11-21 18:00", None),  # two years: not said
        ("2026-11-14 18:00", None),  # a week ago: no anniversary
    ],
)
def test_a_month_ago_today_and_no_other_day(
    store: PortableStore, clock: Clock, logged: str, said: str | None
) -> None:
    seed(store, clock, [(logged, "ran my first 5k")])
    assert hear(store, clock, Drawn(0.0)).anniversary == said


def test_the_coin_decides_and_a_recovery_step_is_never_brought_up(
    store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, [("2025-11-21 18:00", "ran my first 5k")])
    assert hear(store, clock, Drawn(0.99)).anniversary is None
    assert store.load_profile(SPEAKER).anniversary_offered is None

    seed(store, clock, [("2025-11-21 18:00", "went a whole year without self harm")])
    assert hear(store, clock, Drawn(0.0)).anniversary is None


def test_never_to_a_voice_not_recognised_on_an_account_with_voices(
    store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, [("2025-11-21 18:00", "ran my first 5k")])
    store.note_voices(Person.of_voice(ACCOUNT, "amzn1.ask.person.ANNA"))

    assert hear(store, clock, Drawn(0.0)).anniversary is None


def year_ago_today(store: PortableStore, clock: Clock) -> None:
    moment = datetime(2025, 11, 21, 18, tzinfo=LOS_ANGELES).astimezone(UTC)
    profile = Profile(win_count=1, zone="America/Los_Angeles", zone_checked_at=clock())
    store.restore(SPEAKER, profile, [StoredWin(1, "ran my first 5k", moment)])


def hear_times(handler: Handler, request_for: Envelope, times: int) -> list[str]:
    said = []
    for _ in range(times):
        response: dict[str, Any] = handler(request_for("hear_win"), None)
        said.append(plain(speech(response)))
    return said


def test_the_anniversary_is_said_in_place_of_the_day(
    request_for: Envelope, store: PortableStore, clock: Clock, alexa: FakeAlexaApi
) -> None:
    year_ago_today(store, clock)
    handler = make_handler(
        store, skill_id=SKILL_ID, clock=clock, rng=Drawn(0.0), api_ca_file=alexa.ca_file
    )

    said = hear_times(handler, request_for, 4)

    assert said[0].startswith("A year ago today, you ran your first 5k.")
    assert all(not line.startswith("A year ago") for line in said[1:])  # once a week
    assert all("you ran your first 5k" in line for line in said)


def test_the_first_landing_spends_the_week_whether_or_not_it_is_said(
    request_for: Envelope, store: PortableStore, clock: Clock, alexa: FakeAlexaApi
) -> None:
    """The coin is drawn once a week, the first time a heard win lands on its anniversary:
    so whether the week was spent follows from what was heard, and needs no write."""
    year_ago_today(store, clock)
    unlucky = make_handler(
        store, skill_id=SKILL_ID, clock=clock, rng=Drawn(0.99), api_ca_file=alexa.ca_file
    )
    lucky = make_handler(
        store, skill_id=SKILL_ID, clock=clock, rng=Drawn(0.0), api_ca_file=alexa.ca_file
    )

    first = hear_times(unlucky, request_for, 1)
    later = hear_times(lucky, request_for, 3)

    assert not any(line.startswith("A year ago") for line in [*first, *later])


@pytest.mark.parametrize(
    ("ago", "day", "words"),
    [("year", "2025-11-21", "On November 21, 2025, you"), ("month", "2026-10-21", "On Wednesday")],
)
def test_what_did_i_do_a_year_or_a_month_ago_today(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    clock: Clock,
    ago: str,
    day: str,
    words: str,
) -> None:
    seed(store, clock, [(f"{day} 18:00", "ran my first 5k"), ("2026-11-20 09:00", "made tea")])

    response = handler(named(request_for, "OnThisDayIntent", ago_slot(ago)), None)

    assert plain(speech(response)).startswith(words)
    assert "first 5k" in plain(speech(response)) and "tea" not in plain(speech(response))


def test_a_year_ago_with_nothing_says_so_and_never_passes_another_day_off(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, [("2025-11-20 18:00", "ran my first 5k")])

    response = handler(named(request_for, "OnThisDayIntent", ago_slot("year")), None)

    said = plain(speech(response))
    assert said.startswith("I don't have any wins logged on November 21, 2025, and that's okay.")
    assert "5k" not in said and attributes(response)["asked"] == "other_day"


def ago_slot(unit: str) -> dict[str, Any]:
    authority = {
        "authority": "amzn1.er-authority.echo-sdk.skill.AgoSpan",
        "status": {"code": "ER_SUCCESS_MATCH"},
        "values": [{"value": {"name": f"a {unit}", "id": unit}}],
    }
    return {
        "ago": {
            "name": "ago",
            "value": f"a {unit}",
            "confirmationStatus": "NONE",
            "resolutions": {"resolutionsPerAuthority": [authority]},
        }
    }
