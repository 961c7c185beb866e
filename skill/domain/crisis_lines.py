"""Which crisis line to give: by the device's time zone, failing that by its locale.

A person is given a number only where it works. The lines, the zones and the locales are data
(``skill/data/crisis_lines.json``): the US, Canada, the UK, Ireland, Germany, India,
Australia and New Zealand today. A device in a zone of another country gets no number, but the
words to reach local help.
"""

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Final, NamedTuple

# Zones that say nothing of where someone is.
_NOT_A_PLACE: Final = ("Etc/", "UTC", "GMT", "Universal", "Zulu")


class CrisisLine(NamedTuple):
    number: str  # as said: "988"
    name: str  # "the Suicide and Crisis Lifeline"
    card_name: str  # for the card: "Suicide & Crisis Lifeline, US"
    how: str  # "call or text"
    emergency: str  # "911"
    said: str = ""  # how the number is spoken, where its digits as written would be misread
    where: str = ""  # where the line works, said when another place's line comes first

    def fields(self) -> dict[str, str]:
        """The words the catalogue's crisis texts are filled with; the card shows the digits."""
        spoken = self.said or self.number
        return {
            "reach": f"{self.how} {spoken}",
            "reach_named": f"{self.how} {spoken}, {self.name}",
            "card_line": f"{self.how} {self.number} ({self.card_name})",
            "emergency": self.emergency,
        }


# Where no line is known: the words to find one, and no number.
NO_LINE: Final = {
    "reach": "call a crisis line where you are",
    "reach_named": "call a crisis line where you are",
    "card_line": "call a crisis line where you are",
    "emergency": "your local emergency number",
}


def crisis_words(locale: str | None, zone: str | None = None) -> dict[str, str]:
    """The fields for the catalogue's crisis texts: the line's, or how to find one.

    A device whose zone has a line of its own hears that line first, then the line of the
    country the skill's locale serves ("call one one six, one two three, Samaritans, or in the
    US call or text 988"), since a person may be away from home. A zone with no known line
    hears the locale's line, as the skill's market is the locale's.
    """
    data = _data()
    home = _line(data["locales"].get(locale or ""))
    place = zone if zone and not zone.startswith(_NOT_A_PLACE) else None
    here = _line(_country_of_zone(place)) if place else None
    if here is None:
        line = home or crisis_line(locale, zone)
        return line.fields() if line else dict(NO_LINE)
    fields = here.fields()
    if home is None or home.number == here.number or not home.where:
        return fields
    also = home.fields()["reach"]
    for key in ("reach", "reach_named"):
        fields[key] = f"{fields[key]}, or {home.where} {also}"
    fields["card_line"] = f"{fields['card_line']}, or {home.where} {home.how} {home.number}"
    return fields


def _line(country: str | None) -> CrisisLine | None:
    line = _data()["lines"].get(country or "")
    return CrisisLine(**line) if line else None


def crisis_line(locale: str | None, zone: str | None = None) -> CrisisLine | None:
    """The line for a device in ``zone`` (an IANA name) with ``locale``; None: no line known.

    The zone says where the person is; the locale only says what language they speak, so it
    decides only when the zone is unknown.
    """
    data = _data()
    place = zone if zone and not zone.startswith(_NOT_A_PLACE) else None
    country = _country_of_zone(place) if place else None
    if place and country is None and place in _all_known_zones():
        return None
    if country is None:
        country = data["locales"].get(locale or "")
    line = data["lines"].get(country or "")
    return CrisisLine(**line) if line else None


def _country_of_zone(zone: str) -> str | None:
    for country, zones in _data()["zones"].items():
        if zone in zones:
            return str(country)
    return None


@lru_cache(maxsize=1)
def _all_known_zones() -> frozenset[str]:
    """Every IANA zone: a real zone outside the table is another country's."""
    from zoneinfo import available_timezones

    return frozenset(available_timezones())


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    raw = resources.files("skill.data").joinpath("crisis_lines.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(raw)
    return loaded
