"""Words the rules would celebrate that the harm net finds likely to be no win: never cheered,
offered back without being said back ("Do you want me to log that one as a win?"), stored only on a
yes, calmly; a no keeps nothing. Through the real handler and a real store."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from skill.domain.reading import hard_time_told
from skill.domain.screen import Kind, likely_harm, screen
from skill.entry import Handler
from skill.storage.sqlite.store import SqliteWinStore
from tests.care.check import CORPUS, read_corpus
from tests.care.train import FOURTH
from tests.conftest import Envelope, ends_session, everything_kept, plain, speech


@cache
def offered_back() -> list[str]:
    """The corpora's not-a-win lines the rules alone would cheer (a win they are sure of) and
    the harm net catches; not those the reader hears as a hard time ("i couldn't finish my
    homework"), met kindly and never offered."""
    return sorted(
        line.text
        for line in [*read_corpus(CORPUS), *read_corpus(FOURTH)]
        if line.label == "NOTWIN"
        and _cheered(line.text)
        and likely_harm(line.text)
        and not hard_time_told(f"i {line.text}")
    )


def _cheered(text: str) -> bool:
    verdict = screen(text)
    return verdict.kind is Kind.WIN and verdict.certain


def told(request_for: Envelope, words: str, **session: Any) -> dict[str, Any]:
    envelope = request_for("log_win", **session)
    envelope["request"]["intent"] = {
        "name": "LogWinIntent",
        "confirmationStatus": "NONE",
        "slots": {"win": {"name": "win", "value": words, "confirmationStatus": "NONE"}},
    }
    return envelope


def answered(request_for: Envelope, name: str, attributes: dict[str, Any]) -> dict[str, Any]:
    envelope = request_for("log_win", new=False, attributes=attributes)
    envelope["request"]["intent"] = {"name": name, "confirmationStatus": "NONE", "slots": {}}
    return envelope


def test_the_harm_net_catches_what_the_rules_would_celebrate() -> None:
    # Not a figure to tune to: the net must be doing something, on dozens of lines.
    assert len(offered_back()) >= 10


@pytest.mark.parametrize("words", ["did the laundry", "walked the dog round the park"])
def test_a_plain_win_is_not_offered_back(words: str) -> None:
    assert not likely_harm(words)


def test_offered_back_unechoed_then_a_yes_stores_it_calmly(
    handler: Handler, request_for: Envelope, store: SqliteWinStore
) -> None:
    words = offered_back()[0]
    first = handler(told(request_for, words), None)
    said = plain(speech(first))
    assert said.endswith("?") and "win" in said
    assert words.split()[-1] not in said.lower().split()  # the words are not said back
    assert "soundbank" not in speech(first) and not ends_session(first)
    assert everything_kept(store.data_dir) == "[]"
    yes = handler(answered(request_for, "AMAZON.YesIntent", first["sessionAttributes"]), None)
    assert "soundbank" not in speech(yes)  # kept, calmly: never a fanfare
    kept = everything_kept(store.data_dir)
    assert words.split()[-1] in kept


def test_offered_back_then_a_no_keeps_nothing(
    handler: Handler, request_for: Envelope, store: SqliteWinStore
) -> None:
    first = handler(told(request_for, offered_back()[1]), None)
    no = handler(answered(request_for, "AMAZON.NoIntent", first["sessionAttributes"]), None)
    assert "won't log" in plain(speech(no))
    assert everything_kept(store.data_dir) == "[]"
