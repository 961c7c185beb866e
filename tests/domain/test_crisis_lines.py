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
        ("en-US", "Europe/London"),  # an American voice in London: 988 does not work there
        ("en-GB", None),  # no line known for the locale
        ("en-AU", "Australia/Sydney"),
        (None, None),
        ("en-US", "Not/AZone"),  # unknown to the zone database: the locale decides
    ],
)
def test_where_no_line_is_known_no_number_is_given(locale: str | None, zone: str | None) -> None:
    words = crisis_words(locale, zone)
    if zone == "Not/AZone":
        assert words["reach"] == "call or text 988"
        return
    assert crisis_line(locale, zone) is None
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
