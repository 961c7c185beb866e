"""When something fails: a kind, truthful apology, and the error in the logs."""

from __future__ import annotations

import logging
from random import Random

from ask_sdk_core.dispatch_components.exception_components import AbstractExceptionHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.handlers.common import catalog, respond
from skill.handlers.wins import LOG_INTENTS
from skill.logs import failure
from skill.speech import render
from skill.storage.errors import StorageError

logger = logging.getLogger(__name__)


class StorageErrorHandler(AbstractExceptionHandler):
    """Storage failed: say so plainly. A win that was not stored is never called saved."""

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return isinstance(exception, StorageError)

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        logger.error("storage failed: %s", failure(exception))
        logging_a_win = any(is_intent_name(name)(handler_input) for name in LOG_INTENTS)
        key = "error.storage_log" if logging_a_win else "error.storage_read"
        return respond(handler_input, render.say(catalog(handler_input), self._rng, key))


class CatchAllExceptionHandler(AbstractExceptionHandler):
    """Anything else: a kind apology, and the error's kind and place logged (never its text)."""

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        logger.error("unhandled error: %s", failure(exception))
        return respond(
            handler_input, render.say(catalog(handler_input), self._rng, "error.general")
        )
