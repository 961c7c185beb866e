""" "Kill the last one", "scratch that", "bin the last two", "get rid of the one before that",
through ``wins chat`` (Chicago, pinned): each is asked about before anything is deleted, and
none of them is heard as a crisis."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import CHICAGO, WORDS, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def _asks(win: str) -> set[str]:
    return {
        text.format(win=win)
        for key in ("forget.confirm", "delete.last_confirm")
        for text in WORDS.variants(key)
    }


def test_everyday_verbs_delete_by_place_and_ask_first(tmp_path: Path) -> None:
    talk(
        tmp_path,
        "2026-10-29T06:40",
        CHICAGO,
        "tell small wins I fed the dog and did the dishes and paid the light bill",
    )
    said = talk(
        tmp_path,
        "2026-10-29T06:50",
        CHICAGO,
        "tell small wins kill the last one",
        "no",
        "tell small wins get rid of the one before that",
        "no",
        "tell small wins scratch that",
        "no",
        "tell small wins the one before that get rid of it",
        "yes",
    )
    killed, kept, before, _, scratched, _, reversed_, deleted = said
    assert killed in _asks("you paid the light bill"), killed
    assert kept.startswith(tuple(WORDS.variants("forget.kept"))), kept
    assert before in _asks("you did the dishes"), before
    assert scratched in _asks("you paid the light bill"), scratched
    assert reversed_ in _asks("you did the dishes"), reversed_
    assert deleted.startswith(tuple(WORDS.variants("forget.done"))), deleted
    for answer in said:
        assert "988" not in answer and "Are you safe" not in answer, answer

    listed = talk(
        tmp_path,
        "2026-10-29T07:00",
        CHICAGO,
        "open small wins",
        "what did I do today",
        "bin the last two",
        "yes",
        "no",
        "what did I do today",
        "stop",
    )
    _, today, first, second, _, after, _ = listed
    assert today.startswith("Today, Thursday, you logged 2 wins."), today
    # Read newest first: the light bill, then the dog. The last two: each asked in turn.
    assert first in _asks("you paid the light bill"), first
    assert second.endswith(tuple(_asks("you fed the dog"))), second
    assert after.startswith("Today, Thursday, you logged one win. You fed the dog."), after
