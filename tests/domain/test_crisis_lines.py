"""Which crisis line a person is given: where the device is, and never a number that does not
work there."""

from __future__ import annotations

import json
from importlib import resources
from zoneinfo import available_timezones

import pytest

from skill.domain.crisis_lines import NO_LINE, crisis_line, crisis_words


@pytest.mark.parametrize(
    ("locale", "zone"),
    [
        ("en-US", "America/Chicago"),
        ("en-US", None),  # no zone known: the locale decides
        ("en-US", "UTC"),  # a zone that says nothing of a place
        ("en-GB", "America/Los_Angeles"),  # a British voice in California: the place decides
        (None, "Pacific/Honolulu"),
    ],
)
def test_in_the_us_the_line_is_988_and_the_emergency_number_911(
    locale: str | None, zone: str | None
) -> None:
    line = crisis_line(locale, zone)
    assert line is not None and (line.number, line.emergency) == ("988", "911")
    words = crisis_words(locale, zone)
    assert words["reach"] == "call or text 988"
    assert "Lifeline" in words["reach_named"] and "988" in words["card_line"]


@pytest.mark.parametrize(
    ("locale", "zone"),
    [
        ("en-ZA", None),  # no line known for the locale
        (None, None),
    ],
)
def test_where_no_line_is_known_no_number_is_given(locale: str | None, zone: str | None) -> None:
    words = crisis_words(locale, zone)
    assert words == NO_LINE
    assert not any(character.isdigit() for text in words.values() for character in text)


def test_every_zone_in_the_table_is_a_real_zone_and_in_one_country() -> None:
    raw = resources.files("skill.data").joinpath("crisis_lines.json").read_text("utf-8")
    data = json.loads(raw)
    zones = [zone for listed in data["zones"].values() for zone in listed]
    assert len(zones) == len(set(zones))
    assert set(zones) <= available_timezones()
    assert set(data["zones"]) <= set(data["lines"])
    assert set(data["locales"].values()) <= set(data["lines"])


@pytest.mark.parametrize(
    ("locale", "zone", "reach", "card", "emergency"),
    [
        (
            "en-US",
            "Europe/London",
            "call one one six, one two three, or in the US call or text 988",
            "116 123",
            "999",
        ),
        ("en-GB", None, "call one one six, one two three", "116 123", "999"),
        (
            "en-US",
            "Europe/Dublin",
            "call one one six, one two three, or in the US call or text 988",
            "116 123",
            "112 or 999",
        ),
        ("en-US", "America/Toronto", "call or text 988", "988", "911"),
        ("en-AU", None, "call thirteen eleven fourteen", "13 11 14", "000"),
        (
            "en-US",
            "Australia/Perth",
            "call thirteen eleven fourteen, or in the US call or text 988",
            "13 11 14",
            "000",
        ),
        (
            "en-US",
            "Pacific/Auckland",
            "call or text one seven three seven, or in the US call or text 988",
            "1737",
            "111",
        ),
        (
            "en-US",
            "Europe/Berlin",
            "call zero eight zero zero, one one one, zero, one one one,"
            " or in the US call or text 988",
            "0800 111 0 111 or 0800 111 0 222",
            "112",
        ),
        (
            "en-US",
            "Asia/Kolkata",
            "call one four four one six, or in the US call or text 988",
            "14416",
            "112",
        ),
        (
            "en-US",
            "Asia/Calcutta",
            "call one four four one six, or in the US call or text 988",
            "14416",
            "112",
        ),
        ("en-IN", None, "call one four four one six", "14416", "112"),
    ],
)
def test_where_the_device_is_decides_the_line_it_is_given(
    locale: str | None, zone: str | None, reach: str, card: str, emergency: str
) -> None:
    words = crisis_words(locale, zone)
    assert words["reach"] == reach
    assert card in words["card_line"] and words["emergency"] == emergency


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "Europe/Paris", "Not/AZone"])
def test_an_american_voice_where_no_line_is_known_hears_the_us_line(zone: str) -> None:
    assert crisis_words("en-US", zone)["reach"] == "call or text 988"
