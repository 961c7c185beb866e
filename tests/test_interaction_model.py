"""The interaction model as data: it matches the code, and Alexa would build it."""

from __future__ import annotations

import json
import re
from random import Random
from typing import Any

import pytest

from skill.alexa.api import AlexaApis
from skill.assembly import request_handlers
from skill.handlers.answers import FallbackIntentHandler
from skill.handlers.statements import CARRIERS
from skill.handlers.wins import LOG_INTENTS
from skill.services.best_day import BestDays
from skill.services.erasure import Erasure
from skill.services.forgetting import Forgetting
from skill.services.recall import Recall
from skill.services.recap import Recaps
from skill.services.routines import Routines
from skill.services.standing import Standing
from skill.services.tally import Tallies
from skill.services.when_logged import WhenLogged
from skill.services.wins import WinsService
from tests.conftest import ROOT, load_request

MODELS = ROOT / "interaction_models"
REQUIRED_BUILT_INS = {
    "AMAZON.HelpIntent",
    "AMAZON.StopIntent",
    "AMAZON.CancelIntent",
    "AMAZON.FallbackIntent",
    "AMAZON.NavigateHomeIntent",
}
# Custom intents the code handles, and the slots it reads from each.
HANDLED: dict[str, set[str]] = {
    **{name: {"win"} for name in LOG_INTENTS},
    "HearWinIntent": set(),
    "RecallIntent": {"date"},
    "RecallNightIntent": {"night", "date"},
    "RecallPartIntent": {"part", "date"},
    "RecallDaysIntent": {"first", "last", "count"},
    "BestDayIntent": {"span", "date"},
    "RecordDayIntent": set(),
    "ReadRecapIntent": set(),
    "OnThisDayIntent": {"ago"},
    "SetRecapDayIntent": {"day"},
    "StopRecapIntent": set(),
    "StartRecapIntent": set(),
    "SetStyleIntent": {"style"},
    "BeBriefIntent": set(),
    "AskAgainIntent": set(),
    "CalmerIntent": set(),
    "CheerierIntent": set(),
    "SetGoalIntent": {"goal"},
    "GoalDoneIntent": set(),
    "SetOneThingIntent": {"thing"},
    "ChangeOneThingIntent": {"thing"},
    "ReadOneThingIntent": set(),
    "OneThingDoneIntent": set(),
    "SetMorningReminderIntent": {"time"},
    "StopMorningReminderIntent": set(),
    "DeleteLastWinIntent": set(),
    "DeleteAllWinsIntent": set(),
    **{name: {carrier.slot} for name, carrier in CARRIERS.items()},
    "CrisisWordsIntent": set(),
    "DoneIntent": set(),
    "FinishedIntent": set(),
    "AnotherIntent": set(),
    "AnotherMinuteIntent": set(),
    "CancelGoalIntent": set(),
    "CountWinsIntent": {"span"},
    "NotAWinIntent": set(),
    "WhatCanYouDoIntent": set(),
    "WhatIsItIntent": set(),
    "NeedHelpIntent": set(),
    "CatchAllIntent": {"phrase"},
    # Deleting or correcting any win.
    "DeleteWinIntent": {"about"},
    "DeleteWinAtIntent": {"position"},
    "DeleteWinOnIntent": {"date"},
    "PickWinIntent": {"position"},
    "CorrectWinIntent": {"words"},
    "CorrectWinAtIntent": {"words"},
    "UndoIntent": set(),
    "RestoreWinIntent": set(),
    "OtherWinIntent": set(),
    "WhenLoggedIntent": {"about"},  # "what time did I log the weld one"
    # Asked what is set, and reminders told any way.
    "SetDailyReminderIntent": {"time"},
    "SetEveningReminderIntent": {"time"},
    "ChangeReminderIntent": {"time"},
    "AskReminderIntent": set(),
    "AskStyleIntent": set(),
    "AskSettingsIntent": set(),
    "AskGoalIntent": set(),
    "AskStartIntent": set(),
}


def handled_by(intent_name: str) -> list[str]:
    """The registered handlers (the catch-all fallback aside) that take this intent."""
    from ask_sdk_core.attributes_manager import AttributesManager
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_core.serialize import DefaultSerializer
    from ask_sdk_model.request_envelope import RequestEnvelope

    envelope = load_request("help")
    envelope["request"]["intent"]["name"] = intent_name
    parsed = DefaultSerializer().deserialize(json.dumps(envelope), RequestEnvelope)
    handler_input = HandlerInput(
        request_envelope=parsed, attributes_manager=AttributesManager(request_envelope=parsed)
    )
    handlers = request_handlers(
        WinsService(None, None, None),  # type: ignore[arg-type]
        Routines(None, None),  # type: ignore[arg-type]
        Erasure(None, None),  # type: ignore[arg-type]
        Tallies(None, None),  # type: ignore[arg-type]
        AlexaApis(),
        Random(0),
        Recall(None, None),  # type: ignore[arg-type]
        Recaps(None, None),  # type: ignore[arg-type]
        forgetting=Forgetting(None, None),  # type: ignore[arg-type]
        standing=Standing(None, None),  # type: ignore[arg-type]
        when_logged=WhenLogged(None, None),  # type: ignore[arg-type]
        best_days=BestDays(None, None),  # type: ignore[arg-type]
    )
    return [
        type(h).__name__
        for h in handlers
        if not isinstance(h, FallbackIntentHandler) and h.can_handle(handler_input)
    ]


@pytest.fixture(scope="module")
def model() -> dict[str, Any]:
    language_model: dict[str, Any] = json.loads(
        (MODELS / "interactionModels" / "custom" / "en-US.json").read_text()
    )["interactionModel"]["languageModel"]
    return language_model


def intents(model: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {intent["name"]: intent for intent in model["intents"]}


def test_invocation_name(model: dict[str, Any]) -> None:
    assert model["invocationName"] == "small wins"


def test_required_built_ins_are_present_and_handled(model: dict[str, Any]) -> None:
    assert set(intents(model)) >= REQUIRED_BUILT_INS
    for name in REQUIRED_BUILT_INS - {"AMAZON.FallbackIntent"}:
        assert len(handled_by(name)) == 1, name


def test_every_custom_intent_has_a_handler_and_every_slot_read_exists(
    model: dict[str, Any],
) -> None:
    custom = {name: i for name, i in intents(model).items() if not name.startswith("AMAZON.")}
    assert set(custom) == set(HANDLED)
    for name in custom:
        assert len(handled_by(name)) == 1, name
    assert handled_by("NoSuchIntent") == []  # the check can fail: unknown intents go unhandled
    for name, slots in HANDLED.items():
        declared = {slot["name"] for slot in custom[name].get("slots", [])}
        assert slots <= declared, name


def test_every_sample_uses_only_declared_slots_and_phrase_slots_have_carriers(
    model: dict[str, Any],
) -> None:
    for intent in model["intents"]:
        slot_types = {slot["name"]: slot["type"] for slot in intent.get("slots", [])}
        for sample in intent.get("samples", []):
            used = re.findall(r"\{(\w+)\}", sample)
            assert set(used) <= set(slot_types), sample
            phrase_slots = [s for s in used if slot_types[s] == "AMAZON.SearchQuery"]
            if phrase_slots:
                carrier = re.sub(r"\{\w+\}", "", sample).strip()
                assert carrier, f"{sample!r} needs a carrier phrase"
                assert len(used) == 1, f"{sample!r}: a phrase slot stands alone"


def test_there_are_many_ways_to_log_a_win(model: dict[str, Any]) -> None:
    samples = [s for name in LOG_INTENTS for s in intents(model)[name]["samples"]]
    assert len(samples) >= 25
    assert len({s.lower() for s in samples}) == len(samples)


def test_samples_are_unique_across_intents(model: dict[str, Any]) -> None:
    seen: dict[str, str] = {}
    for intent in model["intents"]:
        for sample in intent.get("samples", []):
            key = sample.lower()
            assert key not in seen, f"{sample!r} is in {seen.get(key)} and {intent['name']}"
            seen[key] = intent["name"]


def test_custom_slot_types_are_declared_and_match_the_styles(model: dict[str, Any]) -> None:
    from skill.domain.choice import Style

    types = {t["name"]: t for t in model["types"]}
    for intent in model["intents"]:
        for slot in intent.get("slots", []):
            assert slot["type"].startswith("AMAZON.") or slot["type"] in types
    ids = {value["id"] for value in types["CelebrationStyle"]["values"]}
    assert ids == {style.value for style in Style}


def test_the_manifest_declares_the_goal_task() -> None:
    from skill.alexa.bodies import GOAL_TASK, GOAL_TASK_VERSION

    # Permissions are checked against what the code reads in tests/test_manifest.py.
    manifest = json.loads((MODELS / "skill.json").read_text())["manifest"]
    assert manifest["apis"]["custom"]["tasks"] == [
        {"name": GOAL_TASK, "version": GOAL_TASK_VERSION}
    ]
    definition = json.loads(
        (MODELS / "tasks" / f"{GOAL_TASK}.{GOAL_TASK_VERSION}.json").read_text()
    )
    schema = definition["components"]["schemas"]["CheckInOnGoalInput"]
    assert schema["required"] == ["goal"]
    assert f"/{GOAL_TASK}" in definition["paths"]


def test_the_manifest_names_the_skill_and_its_example_phrases(model: dict[str, Any]) -> None:
    manifest = json.loads((MODELS / "skill.json").read_text())["manifest"]
    locale = manifest["publishingInformation"]["locales"]["en-US"]
    assert locale["name"] == "Small Wins"
    for phrase in locale["examplePhrases"]:
        assert phrase.lower().startswith("alexa, ") and "small wins" in phrase.lower()
