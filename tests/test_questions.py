"""Every question the skill can ask has an answer for yes, no, "that's all", "another", help
and stop: none of them falls through to "I didn't catch that".

The questions come from the speech catalogue: every key whose words ask something is named in
``QUESTIONS``, and each open question is then answered each way, through the real handler.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from skill.entry import Handler
from skill.speech.catalog import catalog_for
from skill.speech.questions import ELICITS, QUESTIONS, Asked
from skill.storage.interface import PortableStore
from tests.conftest import SPEAKER, Envelope, ends_session, plain, reprompt, speech

WORDS = catalog_for("en-US")
FALLBACKS = frozenset(
    plain(text)
    for key in ("fallback.speech", "fallback.again", "fallback.reprompt")
    for text in WORDS.variants(key)
)
# Catalogue texts ending in "?" that are not the skill's questions: reprompts repeat a question
# already recorded, and Alexa itself asks the timer's question when the timer rings.
NOT_QUESTIONS = frozenset({"goal.timer_confirm"})
ANSWERS = (
    "AMAZON.YesIntent",
    "AMAZON.NoIntent",
    "DoneIntent",
    "FinishedIntent",
    "AnotherIntent",
    "AMAZON.HelpIntent",
    "AMAZON.StopIntent",
)


def _keys(node: Any, prefix: str = "") -> list[tuple[str, list[str]]]:
    if isinstance(node, dict):
        return [kv for k, v in node.items() for kv in _keys(v, f"{prefix}{k}.")]
    texts = node if isinstance(node, list) else [node]
    return [(prefix.rstrip("."), [t for t in texts if isinstance(t, str)])]


def _catalogue() -> list[tuple[str, list[str]]]:
    from skill.speech import catalog as module

    return _keys(json.loads((Path(module.__file__).parent / "en-US.json").read_text("utf-8")))


def test_every_question_in_the_catalogue_names_what_it_asks() -> None:
    asking = {
        key
        for key, texts in _catalogue()
        if any(text.rstrip().endswith("?") for text in texts)
        and "reprompt" not in key
        and key not in NOT_QUESTIONS
    }
    assert len(asking) > 20
    assert asking <= set(QUESTIONS), sorted(asking - set(QUESTIONS))
    assert set(QUESTIONS) <= {key for key, _ in _catalogue()}, "a question with no words"


def test_every_question_is_asked_by_some_catalogue_key() -> None:
    assert set(Asked) == set(QUESTIONS.values())


def _ask(request_for: Envelope, intent: str, question: Asked) -> dict[str, Any]:
    envelope = request_for("yes", attributes={"asked": question.value})
    envelope["request"]["intent"]["name"] = intent
    return envelope


@pytest.mark.parametrize("intent", ANSWERS)
@pytest.mark.parametrize("question", list(Asked))
def test_each_answer_to_each_question_is_understood(
    handler: Handler, request_for: Envelope, question: Asked, intent: str
) -> None:
    response = handler(_ask(request_for, intent, question), None)

    said = plain(speech(response))
    assert said and said not in FALLBACKS, f"{question} / {intent}: {said}"
    if not ends_session(response):
        assert reprompt(response), f"{question} / {intent} leaves the microphone open silently"


@pytest.mark.parametrize("question", list(Asked))
def test_a_miss_never_leaves_a_yes_armed_to_delete_or_log(
    handler: Handler, request_for: Envelope, question: Asked
) -> None:
    response = handler(_ask(request_for, "AMAZON.FallbackIntent", question), None)

    left_open = (response.get("sessionAttributes") or {}).get("asked")
    if question in (Asked.DELETE_ALL, Asked.DELETE_LAST, Asked.DELETE_HEARD, Asked.OFFER):
        assert left_open != question.value
    assert reprompt(response)


def test_a_second_miss_is_shorter_and_different(handler: Handler, request_for: Envelope) -> None:
    first = handler(request_for("fallback"), None)
    second = handler(request_for("fallback", attributes=first.get("sessionAttributes") or {}), None)

    one, two = plain(speech(first)), plain(speech(second))
    assert one != two and len(two.split()) < len(one.split())


@pytest.mark.parametrize("question", sorted(ELICITS, key=str))
def test_questions_answered_in_words_ask_alexa_for_the_slot(
    handler: Handler, request_for: Envelope, question: Asked
) -> None:
    # A miss while the question is open asks again, and asks Alexa to fill the slot.
    response = handler(_ask(request_for, "AMAZON.FallbackIntent", question), None)

    directives = response["response"].get("directives") or []
    elicit = [d for d in directives if d["type"] == "Dialog.ElicitSlot"]
    assert len(elicit) == 1
    assert elicit[0]["slotToElicit"] == ELICITS[question].slot
    assert elicit[0]["updatedIntent"]["name"] == ELICITS[question].intent
    assert response["response"]["shouldEndSession"] is False


def test_a_launch_asks_and_a_bare_answer_can_follow(
    handler: Handler, request_for: Envelope
) -> None:
    response = handler(request_for("launch"), None)

    asked = Asked((response.get("sessionAttributes") or {})["asked"])
    [elicit] = response["response"]["directives"]
    assert elicit["type"] == "Dialog.ElicitSlot"
    assert (elicit["updatedIntent"]["name"], elicit["slotToElicit"]) == ELICITS[asked]


def _said(request_for: Envelope, intent: str) -> dict[str, Any]:
    envelope = request_for("yes", new=True)
    envelope["request"]["intent"]["name"] = intent
    return envelope


def test_nothing_never_finishes_a_goal_but_im_done_does(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    handler(request_for("set_goal", slots={"goal": "drink some water"}), None)

    handler(_said(request_for, "DoneIntent"), None)  # "nothing", "that's all"
    assert store.load_profile(SPEAKER).win_count == 0
    assert store.load_profile(SPEAKER).goal == "drink some water"

    handler(_said(request_for, "FinishedIntent"), None)  # "I'm done"
    assert store.load_profile(SPEAKER).win_count == 1
    assert store.load_profile(SPEAKER).goal is None
