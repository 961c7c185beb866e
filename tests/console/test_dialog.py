"""Slot elicitation, as Alexa runs it: the skill asks for a slot, the next words may fill it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model.dialog_state import DialogState
from ask_sdk_model.request_envelope import RequestEnvelope

from skill.console.device.conversation import ELICIT_CLOSED_HINT, Conversation
from skill.console.hearing.dialog import Elicitation, elicitation_in
from skill.console.hearing.model import IntentSpec, InteractionModel
from skill.console.hearing.resolver import Heard, Resolver
from tests.console.stand_in import ScriptedSkill, elicit, reply

WIN = Elicitation("LogWinIntent", "win")
TIME = Elicitation("SetMorningReminderIntent", "time")


def filled(heard: Heard) -> tuple[str, dict[str, str | None]]:
    assert heard.intent is not None
    return heard.intent.name, {fill.name: fill.value for fill in heard.intent.slots}


def test_the_model_gives_slot_samples_and_the_dialog_model(model: InteractionModel) -> None:
    assert "I {win}" in model.intent("LogWinIntent").slot_samples["win"]
    # "I did {win}" would drop the "did" of "I did coke at the party": the words change
    assert "I did {win}" not in model.intent("LogWinIntent").slot_samples["win"]
    assert "at {time}" in model.intent("SetMorningReminderIntent").slot_samples["time"]
    assert model.intent("HearWinIntent").slot_samples == {}
    assert model.dialog["LogWinIntent"] == {"win"}
    assert model.dialog["SetMorningReminderIntent"] == {"time"}
    assert "HearWinIntent" not in model.dialog


@pytest.mark.parametrize(
    ("said", "win"),
    [
        ("the dishes", "the dishes"),
        ("made my bed", "made my bed"),
        ("laundry", "laundry"),
        ("I did the dishes", "did the dishes"),
        ("I did coke at the party", "did coke at the party"),
        ("today I ran", "ran"),
    ],
)
def test_a_bare_answer_fills_the_elicited_slot(resolver: Resolver, said: str, win: str) -> None:
    heard = resolver.resolve(said, WIN)

    assert filled(heard) == ("LogWinIntent", {"win": win})
    assert heard.dialog_state == "IN_PROGRESS"


@pytest.mark.parametrize("said", ["the dishes", "made my bed", "laundry"])
def test_without_an_elicitation_a_bare_answer_is_only_caught(resolver: Resolver, said: str) -> None:
    heard = resolver.resolve(said)

    assert filled(heard) == ("CatchAllIntent", {"phrase": said})
    assert heard.dialog_state is None


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("stop", "AMAZON.StopIntent"),
        ("help", "AMAZON.HelpIntent"),
        ("yes", "AMAZON.YesIntent"),
        ("no", "AMAZON.NoIntent"),
        ("cancel", "AMAZON.CancelIntent"),
        ("that's all", "DoneIntent"),
    ],
)
def test_phrases_with_more_literal_words_still_win(
    resolver: Resolver, said: str, intent: str
) -> None:
    heard = resolver.resolve(said, WIN)

    assert filled(heard)[0] == intent
    assert heard.dialog_state is None


@pytest.mark.parametrize(
    ("said", "time"),
    [
        ("seven thirty", "07:30"),
        ("half past seven", "07:30"),
        ("at quarter to eight", "07:45"),
        ("make it 8 am", "08:00"),
        ("noon", "12:00"),
    ],
)
def test_an_elicited_time_takes_only_what_alexa_hears_as_a_time(
    resolver: Resolver, said: str, time: str
) -> None:
    heard = resolver.resolve(said, TIME)

    assert filled(heard) == ("SetMorningReminderIntent", {"time": time})
    assert heard.dialog_state == "IN_PROGRESS"


@pytest.mark.parametrize("said", ["laundry", "the bakery", "at the bakery"])
def test_words_that_are_no_time_do_not_answer_a_time(resolver: Resolver, said: str) -> None:
    assert filled(resolver.resolve(said, TIME))[0] != "SetMorningReminderIntent"


@pytest.mark.parametrize(
    ("elicited", "said", "value"),
    [
        (Elicitation("SetOneThingIntent", "thing"), "I will call mum", "call mum"),
        (Elicitation("SetOneThingIntent", "thing"), "drink water", "drink water"),
        (Elicitation("SetGoalIntent", "goal"), "to tidy my desk", "tidy my desk"),
    ],
)
def test_each_elicited_slot_has_its_own_samples(
    resolver: Resolver, elicited: Elicitation, said: str, value: str
) -> None:
    assert filled(resolver.resolve(said, elicited)) == (elicited.intent, {elicited.slot: value})


def test_naming_the_skill_again_leaves_the_dialog(resolver: Resolver) -> None:
    heard = resolver.resolve("ask small wins for a win", WIN)

    assert filled(heard)[0] == "HearWinIntent"
    assert heard.dialog_state is None


def test_an_intent_with_a_dialog_model_starts_its_dialog(resolver: Resolver) -> None:
    assert resolver.resolve("tell small wins I did the laundry").dialog_state == "STARTED"
    assert resolver.resolve("remind me of a win").dialog_state is None


def test_the_answer_to_an_elicitation_is_an_intent_request_in_progress(
    resolver: Resolver,
) -> None:
    skill = ScriptedSkill(elicit("LogWinIntent", "win"), reply(end=False, reprompt="More?"))
    conversation = Conversation(skill, resolver)

    conversation.hear("tell small wins log a win")
    conversation.hear("made my bed")

    asked, answered = skill.received
    assert asked["request"]["dialogState"] == "STARTED"
    assert answered["session"]["new"] is False
    assert answered["session"]["sessionId"] == asked["session"]["sessionId"]
    request = answered["request"]
    assert request["type"] == "IntentRequest"
    assert request["dialogState"] == "IN_PROGRESS"
    assert request["intent"]["name"] == "LogWinIntent"
    assert request["intent"]["slots"]["win"] == {
        "name": "win",
        "value": "made my bed",
        "confirmationStatus": "NONE",
        "source": "USER",
    }
    parsed = DefaultSerializer().deserialize(json.dumps(answered), RequestEnvelope)
    assert parsed.request.dialog_state == DialogState.IN_PROGRESS


def test_only_the_turn_after_the_directive_is_an_answer(resolver: Resolver) -> None:
    skill = ScriptedSkill(
        elicit("LogWinIntent", "win"),
        reply(end=False, reprompt="More?"),
        reply(end=False, reprompt="More?"),
    )
    conversation = Conversation(skill, resolver)

    conversation.hear("open small wins")
    conversation.hear("laundry")
    conversation.hear("laundry")

    answer, after = (envelope["request"] for envelope in skill.received[1:])
    assert answer["intent"]["name"] == "LogWinIntent"
    assert after["intent"]["name"] == "CatchAllIntent"
    assert "dialogState" not in after


def test_a_silence_leaves_the_question_open(resolver: Resolver) -> None:
    skill = ScriptedSkill(elicit("LogWinIntent", "win"))
    conversation = Conversation(skill, resolver)
    conversation.hear("open small wins")

    assert conversation.silence().reprompt is not None
    conversation.hear("the dishes")

    assert skill.last["intent"]["slots"]["win"]["value"] == "the dishes"
    assert skill.last["dialogState"] == "IN_PROGRESS"


def test_an_elicitation_closing_the_session_is_not_followed(resolver: Resolver) -> None:
    hints: list[str] = []
    skill = ScriptedSkill(elicit("LogWinIntent", "win", end=None))
    conversation = Conversation(skill, resolver, on_hint=hints.append)

    conversation.hear("open small wins")
    conversation.hear("the dishes")

    assert ELICIT_CLOSED_HINT in hints
    assert skill.last["intent"]["name"] == "CatchAllIntent"


def test_eliciting_a_slot_without_a_dialog_model_is_refused_with_a_hint(
    resolver: Resolver,
) -> None:
    hints: list[str] = []
    skill = ScriptedSkill(elicit("SetStyleIntent", "style"))
    conversation = Conversation(skill, resolver, on_hint=hints.append)

    conversation.hear("open small wins")

    assert any("SetStyleIntent.style" in hint and "dialog model" in hint for hint in hints)
    conversation.hear("laundry")
    assert skill.last["intent"]["name"] == "CatchAllIntent"


def two_slot_model() -> InteractionModel:
    """A model whose intent has two slots, to see the one already filled carried along."""
    slots = {"what": "AMAZON.SearchQuery", "when": "AMAZON.TIME"}
    intent = IntentSpec(
        "PlanIntent", slots, ("plan {what} at {when}",), {"when": ("at {when}", "{when}")}
    )
    return InteractionModel(
        invocation_name="small wins",
        intents=(intent, IntentSpec("AMAZON.StopIntent")),
        types={},
        dialog={"PlanIntent": frozenset({"what", "when"})},
    )


def test_slots_the_skill_already_filled_are_carried_with_the_answer() -> None:
    skill = ScriptedSkill(elicit("PlanIntent", "when", filled={"what": "a walk"}))
    conversation = Conversation(skill, Resolver(two_slot_model()))

    conversation.hear("open small wins")
    conversation.hear("half past seven")

    slots: dict[str, Any] = skill.last["intent"]["slots"]
    assert slots["what"]["value"] == "a walk"
    assert slots["when"]["value"] == "07:30"
    assert skill.last["dialogState"] == "IN_PROGRESS"


def test_an_elicitation_without_an_updated_intent_is_for_the_intent_asked() -> None:
    response = {"response": {"directives": [{"type": "Dialog.ElicitSlot", "slotToElicit": "win"}]}}

    assert elicitation_in(response, "LogWinIntent") == Elicitation("LogWinIntent", "win", {})
    assert elicitation_in(response, None) is None
    assert elicitation_in(reply(end=False), "LogWinIntent") is None
