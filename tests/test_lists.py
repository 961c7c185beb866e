"""Alexa's built-ins for lists and replies, through the handler the Lambda runs: "more" and
"next" read on through a recall, "say that again" repeats the last reply with its question
still open, and either with nothing to go on with gets a kind pointer."""

from __future__ import annotations

from typing import Any

import pytest

from skill.entry import Handler
from skill.speech.catalog import catalog_for
from skill.storage.interface import PortableStore
from tests.conftest import Clock, Envelope, ends_session, plain, reprompt, speech
from tests.test_recall import SEVEN_YESTERDAY, answer, attributes, seed

WORDS = catalog_for("en-US")


@pytest.mark.parametrize("going_on", ["AMAZON.MoreIntent", "AMAZON.NextIntent"])
def test_more_and_next_read_on_through_a_recall(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock, going_on: str
) -> None:
    seed(store, clock, SEVEN_YESTERDAY)
    first = handler(request_for("recall", slots={"date": "2026-11-20"}), None)
    assert plain(speech(first)).endswith("Want the rest?")

    rest = handler(answer(request_for, going_on, first), None)

    # The end of the list, in a conversation: it stays open, so "delete the second one" can
    # follow.
    assert plain(speech(rest)).startswith("You did chore 2. You did chore 1. That's all of them.")
    assert not ends_session(rest) and reprompt(rest)


def test_say_that_again_repeats_the_last_reply_and_keeps_its_question(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, SEVEN_YESTERDAY)
    first = handler(request_for("recall", slots={"date": "2026-11-20"}), None)

    again = handler(answer(request_for, "AMAZON.RepeatIntent", first), None)

    assert speech(again) == speech(first)
    assert reprompt(again) == reprompt(first)
    assert attributes(again)["asked"] == "recall_more"
    rest = handler(answer(request_for, "AMAZON.YesIntent", again), None)
    assert "You did chore 1." in plain(speech(rest))


def huh(request_for: Envelope, response: dict[str, Any]) -> dict[str, Any]:
    """ "Huh?", as Alexa delivers it: the catch-all's words."""
    envelope = answer(request_for, "CatchAllIntent", response)
    envelope["request"]["intent"]["slots"] = {"phrase": {"name": "phrase", "value": "huh"}}
    return envelope


def test_huh_a_second_time_gets_the_question_put_more_simply(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, SEVEN_YESTERDAY)
    first = handler(request_for("recall", slots={"date": "2026-11-20"}), None)
    again = handler(huh(request_for, first), None)

    plainer = handler(huh(request_for, again), None)

    assert speech(again) == speech(first)
    assert speech(plainer) != speech(first)
    said_before = reprompt(first)
    assert said_before is not None and plain(speech(plainer)) == plain(said_before)
    assert attributes(plainer)["asked"] == "recall_more"


@pytest.mark.parametrize(
    ("intent", "key"),
    [
        ("AMAZON.MoreIntent", "lists.no_list"),
        ("AMAZON.NextIntent", "lists.no_list"),
        ("AMAZON.RepeatIntent", "lists.no_repeat"),
    ],
)
def test_with_nothing_to_go_on_with_a_kind_pointer(
    handler: Handler, request_for: Envelope, intent: str, key: str
) -> None:
    envelope = request_for("yes", attributes={})
    envelope["request"]["intent"]["name"] = intent

    response: dict[str, Any] = handler(envelope, None)

    assert plain(speech(response)) in [plain(text) for text in WORDS.variants(key)]
    assert not ends_session(response) and attributes(response)["asked"] == "what_next"


def test_a_reply_that_ends_the_session_leaves_nothing_to_repeat(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, SEVEN_YESTERDAY)
    first = handler(request_for("recall", slots={"date": "2026-11-20"}), None)
    done = handler(answer(request_for, "DoneIntent", first), None)

    assert ends_session(done) and "said" not in attributes(done)


def test_say_that_again_gets_the_same_words_as_often_as_asked(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    seed(store, clock, SEVEN_YESTERDAY)
    first = handler(request_for("recall", slots={"date": "2026-11-20"}), None)
    again = handler(answer(request_for, "AMAZON.RepeatIntent", first), None)
    third = handler(answer(request_for, "AMAZON.RepeatIntent", again), None)

    assert speech(again) == speech(first) == speech(third)
