"""The one place the skill is assembled: dependencies in, handlers registered in order."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from random import Random

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder

from skill.handlers.conversation import (
    FallbackIntentHandler,
    GoodbyeIntentHandler,
    HelpIntentHandler,
    LaunchRequestHandler,
    SessionEndedRequestHandler,
    SetStyleIntentHandler,
)
from skill.handlers.errors import CatchAllExceptionHandler, StorageErrorHandler
from skill.handlers.wins import HearWinIntentHandler, LogWinIntentHandler
from skill.service import WinsService
from skill.storage.dynamo import DynamoWinStore


def request_handlers(service: WinsService, rng: Random) -> tuple[AbstractRequestHandler, ...]:
    """The request handlers in the order they are asked; the fallback takes what is left."""
    return (
        LaunchRequestHandler(service, rng),
        LogWinIntentHandler(service, rng),
        HearWinIntentHandler(service, rng),
        SetStyleIntentHandler(service, rng),
        HelpIntentHandler(rng),
        GoodbyeIntentHandler(rng),
        SessionEndedRequestHandler(),
        FallbackIntentHandler(rng),  # last: takes AMAZON.FallbackIntent and anything unknown
    )


def build_skill(
    store: DynamoWinStore,
    *,
    skill_id: str | None,
    clock: Callable[[], datetime],
    rng: Random,
) -> CustomSkill:
    """Build the skill. ``skill_id`` set means requests for any other skill are refused."""
    service = WinsService(store, clock, rng)
    builder = CustomSkillBuilder()
    builder.skill_id = skill_id  # type: ignore[assignment]  # the SDK annotates it as None
    for handler in request_handlers(service, rng):
        builder.add_request_handler(handler)
    builder.add_exception_handler(StorageErrorHandler(rng))
    builder.add_exception_handler(CatchAllExceptionHandler(rng))
    skill: CustomSkill = builder.create()
    return skill
