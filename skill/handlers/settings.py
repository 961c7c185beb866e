"""Settings asked for in words: brief or with follow-up questions, calm or cheerful.

"Stop asking me questions", "tone it down", "you can ask me things again": each changes a
setting the person's profile keeps, and is never logged as a win, whether it comes through an
intent of its own or through the words of a win ("tell small wins I don't want to be asked
questions"), which ``LogsWins`` hands here.
"""

from __future__ import annotations

from random import Random
from typing import Final

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from skill.domain.choice import Style
from skill.domain.settings import Setting
from skill.handlers.common import (
    catalog,
    follows_up,
    intent_name,
    person_key,
    remember_brief,
    respond,
)
from skill.services.wins import WinsService
from skill.speech import render

# Intents whose samples name one setting each ("be brief", "tone it down").
SETTING_INTENTS: Final = {
    "BeBriefIntent": Setting.BRIEF,
    "AskAgainIntent": Setting.CHATTY,
    "CalmerIntent": Setting.CALM,
    "CheerierIntent": Setting.CHEERFUL,
}


class ChangesSettings:
    """Remembers the setting asked for and confirms it in a few words."""

    def __init__(self, service: WinsService, rng: Random) -> None:
        self._service = service
        self._rng = rng

    def change(self, handler_input: HandlerInput, setting: Setting) -> Response:
        person = person_key(handler_input)
        if setting in (Setting.BRIEF, Setting.CHATTY):
            brief = setting is Setting.BRIEF
            self._service.set_brief(person, brief)
            remember_brief(handler_input, brief)
        elif setting in (Setting.CALM, Setting.CHEERFUL):
            self._service.set_style(person, Style(setting.value))
        reply = render.setting_changed(
            catalog(handler_input), self._rng, setting, follow_up=follows_up(handler_input)
        )
        return respond(handler_input, reply)


class SettingIntentHandler(AbstractRequestHandler):
    """ "Be brief", "ask me questions again", "tone it down", "more upbeat"."""

    def __init__(self, settings: ChangesSettings) -> None:
        self._settings = settings

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in SETTING_INTENTS

    def handle(self, handler_input: HandlerInput) -> Response:
        setting = SETTING_INTENTS[intent_name(handler_input) or ""]
        return self._settings.change(handler_input, setting)
