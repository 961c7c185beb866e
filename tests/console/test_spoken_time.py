"""AMAZON.TIME as Alexa fills it, and the built-in yes/no phrases, through the real model."""

from __future__ import annotations

import pytest

from skill.console.hearing.resolver import Resolver
from skill.console.hearing.spoken_time import spoken_time


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("7:30", "07:30"),
        ("7 30", "07:30"),
        ("seven thirty", "07:30"),
        ("7:30 am", "07:30"),
        ("7:30 a.m.", "07:30"),
        ("7 pm", "19:00"),
        ("7pm", "19:00"),
        ("seven thirty in the evening", "19:30"),
        ("eleven forty five pm", "23:45"),
        ("seven oh five", "07:05"),
        ("730", "07:30"),
        ("19:00", "19:00"),
        ("noon", "12:00"),
        ("midnight", "00:00"),
        ("12 am", "00:00"),
        ("12 pm", "12:00"),
        ("eight o'clock", "08:00"),
        ("eight oclock", "08:00"),
        ("morning", "MO"),
        ("in the morning", "MO"),
        ("afternoon", "AF"),
        ("evening", "EV"),
        ("night", "NI"),
        ("seven in the morning", "07:00"),
        ("midday", "12:00"),
        ("7:30 pm", "19:30"),
    ],
)
def test_spoken_times_become_alexa_values(said: str, value: str) -> None:
    assert spoken_time(said) == value


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("half past seven", "07:30"),
        ("half past 7", "07:30"),
        ("quarter past eight", "08:15"),
        ("a quarter past eight", "08:15"),
        ("quarter after eight", "08:15"),
        ("quarter to eight", "07:45"),
        ("a quarter of eight", "07:45"),
        ("ten to nine", "08:50"),
        ("ten till nine", "08:50"),
        ("ten minutes to nine", "08:50"),
        ("twenty past six", "06:20"),
        ("twenty five to nine", "08:35"),
        ("five past 7", "07:05"),
        ("one minute past eight", "08:01"),
        ("half seven", "07:30"),  # British
        ("half seven pm", "19:30"),
        ("half past seven pm", "19:30"),
        ("half past seven in the evening", "19:30"),
        ("quarter to eight in the evening", "19:45"),
        ("quarter to one", "12:45"),  # the clock reads twelve forty five
        ("quarter to one pm", "12:45"),
        ("ten to twelve am", "11:50"),  # am is the half of the day of the time meant
        ("ten past twelve am", "00:10"),
        ("ten to midnight", "23:50"),
        ("quarter past noon", "12:15"),
        ("quarter past fourteen", "14:15"),
    ],
)
def test_minutes_from_an_hour_become_alexa_values(said: str, value: str) -> None:
    assert spoken_time(said) == value


@pytest.mark.parametrize(
    "said",
    [
        "banana",
        "25:00",
        "13 pm",
        "7:75",
        "",
        "every day",
        "pm",
        "half",
        "half to eight",
        "past eight",
        "ten to",
        "thirty one past six",
        "quarter past fourteen pm",
        "ten to noon pm",
        "I went to bed",
        "half past the hour",
    ],
)
def test_words_that_are_no_time_are_not_a_time(said: str) -> None:
    assert spoken_time(said) is None


def test_a_time_slot_carries_the_alexa_value(resolver: Resolver) -> None:
    heard = resolver.resolve("tell small wins to remind me every morning at seven thirty am")

    assert heard.intent is not None
    assert heard.intent.name == "SetMorningReminderIntent"
    assert heard.intent.slot("time").value == "07:30"


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("half past seven", "07:30"),
        ("quarter to eight", "07:45"),
        ("ten to nine pm", "20:50"),
        ("half seven", "07:30"),
        ("quarter past seven", "07:15"),
        ("seven fifteen", "07:15"),
        ("7.15", "07:15"),
        ("7:15 pm", "19:15"),
        ("9 tonight", "21:00"),
    ],
)
def test_a_time_said_from_the_hour_fills_a_time_slot(
    resolver: Resolver, said: str, value: str
) -> None:
    heard = resolver.resolve(f"tell small wins to remind me every day at {said}")

    assert heard.intent is not None
    assert heard.intent.name == "SetDailyReminderIntent"  # no "morning" said
    assert heard.intent.slot("time").value == value


def test_a_time_slot_does_not_swallow_words_that_are_no_time(resolver: Resolver) -> None:
    heard = resolver.resolve("remind me every day at the bakery")

    assert heard.intent is not None
    assert heard.intent.name not in ("SetMorningReminderIntent", "SetDailyReminderIntent")


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("yes", "AMAZON.YesIntent"),
        ("yeah", "AMAZON.YesIntent"),
        ("sure", "AMAZON.YesIntent"),
        ("please do", "AMAZON.YesIntent"),
        ("I approve", "AMAZON.YesIntent"),
        ("no", "AMAZON.NoIntent"),
        ("nope", "AMAZON.NoIntent"),
        ("not yet", "AMAZON.NoIntent"),
        ("no thanks", "AMAZON.NoIntent"),
    ],
)
def test_yes_and_no_reach_the_built_in_intents(resolver: Resolver, said: str, intent: str) -> None:
    heard = resolver.resolve(said)

    assert heard.intent is not None
    assert heard.intent.name == intent
