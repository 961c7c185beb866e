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
from skill.domain.patterns import compiled
from skill.domain.screen import canonical
from skill.domain.settings import Setting, named_setting
from skill.handlers.common import (
    catalog,
    follows_up,
    intent_name,
    person_key,
    remember_brief,
    respond,
    slot_id,
    slot_text,
    stay_open,
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
        if setting is Setting.BRIEF:  # said mid-conversation: no question, and still listening
            reply = stay_open(handler_input, reply, self._rng)
        return respond(handler_input, reply)


# Intents whose words are a plan ("I'll {thing}"). A plan may well be to "be calmer" or "talk
# less", so only a request about being asked things is taken for a setting there.
_PLAN_SLOTS: Final = {"SetOneThingIntent": "thing", "SetGoalIntent": "goal"}
_ABOUT_QUESTIONS: Final = r"\b(?:ask|asking|asked|questions?|follow ups?)\b"
# Said to the skill, not planned: asked of it ("can you", "you"), a comparison with no deed in
# it ("less cheery", "not so loud", "a bit quieter"), or "it" turned down or up.
_TO_THE_SKILL: Final = (
    r"^(?:please |okay |ok |um |oh )*(?:(?:can|could|would|will) you|you|your|i want you"
    r"|i would like you|i need you|less|more|not so|not as|too|a bit|a little|way|much|bit)\b"
    r"|\b(?:tone|turn|dial|calm|keep) (?:it|things|that) (?:down|up)\b|\byou are\b"
)


def brevity_named(handler_input: HandlerInput) -> Setting | None:
    """Brief or chatty, when the words said for a style name one of them ("be brief")."""
    if slot_id(handler_input, "style") is not None:
        return None
    named = named_setting(slot_text(handler_input, "style") or "")
    return named if named in (Setting.BRIEF, Setting.CHATTY) else None


class QuestionsForAPlanHandler(AbstractRequestHandler):
    """ "Stop asking me questions" said to "What's the one thing you'll do today?": brief mode,
    never a plan. Asked after the screen, so crisis words never get here."""

    def __init__(self, settings: ChangesSettings) -> None:
        self._settings = settings

    def _setting(self, handler_input: HandlerInput) -> Setting | None:
        slot = _PLAN_SLOTS.get(intent_name(handler_input) or "")
        words = slot_text(handler_input, slot) if slot else None
        if not words:
            return None
        if compiled(_TO_THE_SKILL).search(canonical(words)):
            return named_setting(words)  # "less cheery", "can you tone it down"
        if not compiled(_ABOUT_QUESTIONS).search(canonical(words)):
            return None
        setting = named_setting(words)
        return setting if setting in (Setting.BRIEF, Setting.CHATTY) else None

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return self._setting(handler_input) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        setting = self._setting(handler_input)
        assert setting is not None  # can_handle said so
        return self._settings.change(handler_input, setting)


class SettingIntentHandler(AbstractRequestHandler):
    """ "Be brief", "ask me questions again", "tone it down", "more upbeat"."""

    def __init__(self, settings: ChangesSettings) -> None:
        self._settings = settings

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return self._setting(handler_input) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        setting = self._setting(handler_input)
        assert setting is not None  # can_handle said so
        return self._settings.change(handler_input, setting)

    @staticmethod
    def _setting(handler_input: HandlerInput) -> Setting | None:
        name = intent_name(handler_input) or ""
        if name == "SetStyleIntent":  # "can you be brief", heard as a style
            return brevity_named(handler_input)
        return SETTING_INTENTS.get(name)
