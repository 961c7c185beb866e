"""Not-a-wins by class through the real handler: what happened to the
person, what was avoided, harm to others, painful states. None is celebrated or kept, each is
met with its own kind reply, and a repair or next step said after the struggle is kept."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from skill.entry import Handler
from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import Envelope, everything_kept, plain, speech
from tests.test_care import intent

SPEECH = Path(__file__).resolve().parent.parent / "skill" / "speech" / "en-US.json"


@cache
def replies(family: str) -> tuple[str, ...]:
    """Every wording of the kind reply for a family of not-a-win."""
    said = json.loads(SPEECH.read_text("utf-8"))["not_a_win"][family]
    return tuple(said) if isinstance(said, list) else (said,)


# (intent, slot, words, the reply family)
TOLD = [
    ("LogWinIntent", "win", "got clamped outside my mums because the tax ran out", "pain"),
    ("LogWinIntent", "win", "let my railcard expire and paid full fare all week", "pain"),
    ("LogWinIntent", "win", "got a court summons for the unpaid parking", "pain"),
    ("LogWinIntent", "win", "ignored the letter about my smear again", "nothing"),
    ("LogWinIntent", "win", "broke my reading streak after a hundred days", "nothing"),
    ("LogWinIntent", "win", "dumped the old telly in the alley behind the chippy", "harm"),
    ("LogWinIntent", "win", "called the waitress thick because the food was cold", "harm"),
    ("LogWinIntent", "win", "checked his location twenty times while he was at the match", "harm"),
    ("LogWinIntent", "win", "sobbed at the station when they changed the platform", "feeling"),
    ("LogWinIntent", "win", "sat in all day on my birthday and nobody rang", "feeling"),
]


@pytest.mark.parametrize(("name", "slot", "words", "family"), TOLD)
def test_each_class_gets_its_kind_reply_and_nothing_is_kept(
    handler: Handler,
    request_for: Envelope,
    store: SqliteWinStore,
    name: str,
    slot: str,
    words: str,
    family: str,
) -> None:
    response = handler(intent(request_for, name, {slot: words}), None)
    said = plain(speech(response))
    assert "soundbank" not in speech(response)
    assert any(reply in said for reply in replies(family)), said
    assert everything_kept(store.data_dir) == "[]"


@pytest.mark.any_hour
@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("got a parking fine so i appealed it", "appealed"),
        ("avoided the dentist for a year but today i rang and booked", "dentist"),
        ("cried at the bus stop but i still went to the job interview", "interview"),
    ],
)
def test_a_next_step_after_the_struggle_is_kept(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, words: str, key: str
) -> None:
    response = handler(intent(request_for, "LogWinIntent", {"win": words}), None)
    assert "988" not in speech(response), speech(response)
    assert key in everything_kept(store.data_dir)
