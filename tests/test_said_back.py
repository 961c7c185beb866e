"""A win as a person hears it back through the skill: short, listed, and never cheered as done
when the words say it is not done yet. The whole text is always what is stored."""

from __future__ import annotations

import re
import statistics

import pytest

from skill.entry import Handler
from skill.storage.interface import PortableStore
from tests.conftest import Envelope, speech, stored_texts

pytestmark = pytest.mark.any_hour  # celebrations count the day's wins


def plain(ssml: str) -> str:
    return re.sub(r"<[^>]+>", "", ssml).strip()


LONG = (
    "finally went to the doctor after putting it off for three months because I was "
    "scared of what they would say"
)


def test_a_long_win_is_said_back_short_and_stored_whole(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    said = plain(speech(handler(request_for("log_win", win=LONG), None)))
    assert "You finally went to the doctor" in said
    assert "scared" not in said and "kept the first part" not in said
    assert stored_texts(store) == [LONG]


def test_several_wins_in_one_breath_are_said_back_as_a_list(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    win = "did the laundry I did the dishes and I called my mom"
    said = plain(speech(handler(request_for("log_win", win=win), None)))
    assert "You did the laundry, did the dishes and called your mom" in said
    assert "three" in said.lower()
    # Each deed is a win of its own, stored in the words it was said in.
    assert stored_texts(store) == ["did the laundry", "did the dishes", "called my mom"]


def test_a_thing_not_quite_done_is_noted_not_cheered(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    said = speech(handler(request_for("log_win", win="just about finished the report"), None))
    assert "You just about finished the report." in plain(said)
    assert "<audio" not in said  # no fanfare for a thing not done yet
    assert stored_texts(store) == ["just about finished the report"]


def test_the_critic_is_not_echoed(handler: Handler, request_for: Envelope) -> None:
    for win, echo in [
        ("kind of cleaned my room", "You cleaned your room"),
        ("did the bare minimum", "You did what mattered"),
        ("was able to answer three emails", "You were able to answer three emails"),
    ]:
        assert echo in plain(speech(handler(request_for("log_win", win=win), None)))


def test_the_median_celebration_stays_under_25_words(
    handler: Handler, request_for: Envelope
) -> None:
    wins = [
        LONG,
        "did the laundry I did the dishes and I called my mom",
        "I know it's dumb but I opened my mail",
        "made my bed",
        "got up early, went for a run, showered, made breakfast and caught the early train",
        "me and my dad fixed the fence",
        "just about finished the report",
    ]
    lengths = [
        len(plain(speech(handler(request_for("log_win", win=win), None))).split()) for win in wins
    ]
    assert statistics.median(lengths) < 25, lengths
