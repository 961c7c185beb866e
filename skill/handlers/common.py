"""What every handler needs: who is speaking, in which language, and how to answer."""

from __future__ import annotations

import logging
from datetime import datetime
from enum import StrEnum
from functools import cache
from random import Random
from typing import TYPE_CHECKING, Any, Final

from ask_sdk_core.dispatch_components.request_components import AbstractRequestInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_request_type
from ask_sdk_core.utils.request_util import get_locale, is_new_session
from ask_sdk_model.intent import Intent
from ask_sdk_model.intent_confirmation_status import IntentConfirmationStatus
from ask_sdk_model.intent_request import IntentRequest
from ask_sdk_model.response import Response
from ask_sdk_model.slot import Slot
from ask_sdk_model.slot_confirmation_status import SlotConfirmationStatus
from ask_sdk_model.ui.ask_for_permissions_consent_card import AskForPermissionsConsentCard
from ask_sdk_model.ui.simple_card import SimpleCard

from skill.alexa.api import AlexaApi, AlexaApiError, AlexaApis
from skill.logs import pseudonym
from skill.speech import render
from skill.speech.catalog import Catalog, catalog_for
from skill.speech.questions import ELICITS, Asked, Elicit
from skill.speech.render import Reply
from skill.storage.records import Person
from skill.zones import ZoneLookup

if TYPE_CHECKING:  # imported where used: a launch never asks for a slot or a permission
    from ask_sdk_model.dialog.elicit_slot_directive import ElicitSlotDirective

logger = logging.getLogger(__name__)

# The question the skill left open (an ``Asked`` value); ``respond`` keeps it in step.
ASKED: Final = "asked"
# The win on offer after "Want me to log it as a win?", as said.
OFFER: Final = "offer"
# The offer came after the person said they were safe: a yes logs it, calmly.
CHECKED: Final = "checked"
# How many turns running were not understood; the second answer is shorter.
MISSED: Final = "missed"
# Help was the last answer: asked again, the whole list.
HELPED: Final = "helped"
# Request attribute: finds the device's time zone on first need (``WhereTheDeviceIs``).
PLACE: Final = "place"
# The person asked for brief replies (kept in their profile): no follow-up questions. Known
# from the launch, or from any answer that read the profile; kept here for the answers that
# read nothing.
BRIEF: Final = "brief"
# The open question's reprompt, to ask it again plainly after a turn not understood.
AGAIN: Final = "again"
# The morning question was asked again after a deed told in its place: never a third time.
PLAN_ASKED: Final = "plan_asked"
# Things done but not named ("i did loads") were asked about: the next answer is kept as said.
VAGUE_ASKED: Final = "vague_asked"
# The last reply's speech and reprompt, for "say that again"; kept in the session only.
SAID: Final = "said"
# The wins deleted in this conversation, as they were stored, oldest first (``MOST_GONE`` at
# most), for "bring that back" later in it; the session ends, and they are forgotten.
UNDO: Final = "undo"
# The words a correction just replaced, for "undo" (``remember_fixed``): this session only.
UNDO_FIX: Final = "undo_fix"
# A win was deleted and none logged since: a bare "undo" brings the last one back.
UNDO_NEXT: Final = "undo_next"
MOST_GONE: Final = 5
# The person opened this conversation ("open small wins"): answers keep it open.
OPENED: Final = "opened"
# How many wins were logged today when the conversation opened: a shrug then ("meh") is met
# with that count, true and short, never with "you got through the day" offered.
WINS_TODAY: Final = "wins_today"
# The morning question waits behind a recap being read (the day, ISO): "no" to "Want the
# rest?" moves on to it, as "no" to the recap itself does.
MORNING_NEXT: Final = "morning_next"


class Answer(StrEnum):
    """The ways a person answers a question without saying anything new."""

    YES = "AMAZON.YesIntent"
    NO = "AMAZON.NoIntent"
    DONE = "DoneIntent"  # "that's all", "nothing else", "nothing"
    FINISHED = "FinishedIntent"  # "I'm done", "all done": that's all, or the goal is done
    ANOTHER = "AnotherIntent"  # "another", "one more"


# Alexa's built-ins for going on through a list ("more", "next"): the same answer as "another".
_GOING_ON: Final = {
    "AMAZON.MoreIntent": Answer.ANOTHER,
    "AMAZON.NextIntent": Answer.ANOTHER,
}
# Every intent that is one of the answers above.
ANSWER_INTENTS: Final = (*(said.value for said in Answer), *_GOING_ON)


def intent_name(handler_input: HandlerInput) -> str | None:
    """The intent's name; None for any other kind of request."""
    request = handler_input.request_envelope.request
    if not isinstance(request, IntentRequest) or request.intent is None:
        return None
    return str(request.intent.name)


def answer(handler_input: HandlerInput) -> Answer | None:
    """Yes, no, "that's all" or "another", if that is what was said."""
    name = intent_name(handler_input)
    if name in _GOING_ON:
        return _GOING_ON[name]
    if name in _WORDS_OF_AN_ANSWER:
        return _plain_answer(handler_input, _WORDS_OF_AN_ANSWER[name])
    try:
        return Answer(name) if name else None
    except ValueError:
        return None


# Intents whose words may be a whole no or "that's all" in words no answer sample holds ("not
# at the moment", "ok cool bye"), and the slot that brings them.
_WORDS_OF_AN_ANSWER: Final = {
    "CatchAllIntent": "phrase",
    "SayingIntent": "saying",
    "LogWinIntent": "win",  # "nah I'm good" to "What did you do?"
    "SetOneThingIntent": "thing",  # "not today" to "What's the one thing you'll do today?"
}
# Questions whose no is never read from words: after the crisis line, "Are you safe?"
_NEVER_READ: Final = frozenset({Asked.CRISIS, Asked.SAFETY})


def _plain_answer(handler_input: HandlerInput, slot: str) -> Answer | None:
    """A no or "that's all" said in words a catch-all brought, to an open question (never to
    the crisis line's or the safety question, which hear their own answers)."""
    from skill.domain.plain_answers import Plain, plain_answer

    if asked(handler_input) in _NEVER_READ:
        return None
    words = slot_text(handler_input, slot)
    found = plain_answer(words) if words else None
    if found is None and words and asked(handler_input) is Asked.CHECK_IN:
        from skill.domain.plain_answers import reason_no

        found = Plain.NO if reason_no(words) else None  # "naw, the wee one woke up"
    if found is None:
        return None
    return {Plain.NO: Answer.NO, Plain.YES: Answer.YES}.get(found, Answer.DONE)


def person_key(handler_input: HandlerInput) -> Person:
    """The person speaking: their voice profile if recognised, else the account.

    A recognised voice keeps each person's wins apart on a shared household device.
    """
    system = getattr(handler_input.request_envelope.context, "system", None)
    user_id = getattr(getattr(system, "user", None), "user_id", None)
    if not user_id:
        raise ValueError("the request does not say who is speaking")
    person_id = getattr(getattr(system, "person", None), "person_id", None)
    if person_id:
        # Scoped by account too: isolation never rests on person IDs being globally unique.
        return Person.of_voice(str(user_id), str(person_id))
    return Person.of_account(str(user_id))


def log_id(person: Person) -> str:
    """A short, stable stand-in for a person in logs (keyed: see ``skill.logs``), never their ID."""
    return pseudonym(person.key)


def catalog(handler_input: HandlerInput) -> Catalog:
    """The words for the request's locale, for a device where ``WhereTheDeviceIs`` says."""
    locale = get_locale(handler_input)
    words = catalog_for(locale if isinstance(locale, str) else None)
    place = handler_input.attributes_manager.request_attributes.get(PLACE)
    return words.where(place) if callable(place) else words


class WhereTheDeviceIs(AbstractRequestInterceptor):
    """Before any handler: how to find the device's time zone, asked of Alexa at most once per
    request and only when a reply needs it (a crisis line works only where it is). Nothing is
    called for a request that never gives a crisis line."""

    def __init__(self, apis: AlexaApis) -> None:
        self._apis = apis

    def process(self, handler_input: HandlerInput) -> None:
        handler_input.attributes_manager.request_attributes[PLACE] = cache(
            zone_lookup(handler_input, self._apis)
        )


def in_session(handler_input: HandlerInput) -> bool:
    """True inside a conversation (after a launch); False for a one-shot request."""
    session = handler_input.request_envelope.session
    return session is not None and not is_new_session(handler_input)


def follows_up(handler_input: HandlerInput) -> bool:
    """True when a reply may end with an optional question ("Any other wins?"): inside a
    conversation, for someone who has not asked for brief replies."""
    return in_session(handler_input) and not session_attributes(handler_input).get(BRIEF)


def remember_gone(handler_input: HandlerInput, gone: dict[str, Any] | None) -> None:
    """Keep a win just deleted (its words, kind and time, as ``gone_win`` reads them) for
    "bring that back" later in this conversation, and "undo" until a win is logged."""
    if isinstance(gone, dict):
        attributes = session_attributes(handler_input)
        attributes[UNDO] = [*_gone_list(attributes), gone][-MOST_GONE:]
        attributes[UNDO_NEXT] = True
        attributes.pop(UNDO_FIX, None)


def remember_fixed(
    attributes: dict[str, Any], number: int, created_at: datetime | None, was: str | None
) -> None:
    """Keep the words a correction of win ``number`` (logged at ``created_at``) replaced,
    ``was``, in this conversation only: "undo" said next puts them back (and no deletion
    before it comes back instead)."""
    attributes.pop(UNDO_NEXT, None)
    if was and created_at is not None:
        attributes[UNDO_FIX] = {"number": number, "at": created_at.isoformat(), "text": was}
    else:
        attributes.pop(UNDO_FIX, None)


def fixed_just_now(attributes: dict[str, Any]) -> tuple[int, datetime, str] | None:
    """The correction "undo" takes back: the win's number and time, and its words before."""
    kept = attributes.get(UNDO_FIX)
    if not isinstance(kept, dict):
        return None
    number, at, text = kept.get("number"), kept.get("at"), kept.get("text")
    if not isinstance(number, int) or not isinstance(at, str) or not isinstance(text, str):
        return None
    try:
        return number, datetime.fromisoformat(at), text
    except ValueError:
        return None


def gone_win(handler_input: HandlerInput, *, just_now: bool = False) -> dict[str, Any] | None:
    """The win deleted last in this conversation, as ``remember_gone`` kept it; None otherwise.
    ``just_now``: only while no win was logged since (what a bare "undo" means)."""
    attributes = session_attributes(handler_input)
    if just_now and not attributes.get(UNDO_NEXT):
        return None
    kept = _gone_list(attributes)
    return kept[-1] if kept else None


def take_back_gone(handler_input: HandlerInput) -> None:
    """The win ``gone_win`` named is back: it is no longer kept for "undo"."""
    attributes = session_attributes(handler_input)
    kept = _gone_list(attributes)[:-1]
    if kept:
        attributes[UNDO] = kept
    else:
        attributes.pop(UNDO, None)
        attributes.pop(UNDO_NEXT, None)


def forget_gone(attributes: dict[str, Any], *, all_of_them: bool = False) -> None:
    """A win was logged: "undo" now means it, not a win deleted before ("bring that back"
    still does). ``all_of_them``: everything was deleted, and nothing is to come back."""
    attributes.pop(UNDO_NEXT, None)
    attributes.pop(UNDO_FIX, None)
    if all_of_them:
        attributes.pop(UNDO, None)


def _gone_list(attributes: dict[str, Any]) -> list[dict[str, Any]]:
    value = attributes.get(UNDO)
    if isinstance(value, dict):  # a session from the release that kept one
        return [value]
    return (
        [record for record in value if isinstance(record, dict)] if isinstance(value, list) else []
    )


def go_on(
    handler_input: HandlerInput,
    reply: Reply,
    rng: Random,
    then: tuple[str, str] = ("style.continue", "continue.reprompt"),
) -> Reply:
    """A statement answered inside a conversation the person opened: a question after it
    (``then``, its speech and reprompt keys; "Want to tell me a win now?" unless said), so the
    conversation stays open (never for brief replies, nor one-shots, which end)."""
    opened = session_attributes(handler_input).get(OPENED)
    if not opened or not follows_up(handler_input) or reply.reprompt is not None:
        return reply
    question = render.ask(catalog(handler_input), rng, *then)
    return reply._replace(
        speech=f"{reply.speech} {question.speech}",
        reprompt=question.reprompt,
        asked=question.asked,
    )


def listen_on(handler_input: HandlerInput, reply: Reply, rng: Random) -> Reply:
    """A literal answer inside a conversation the person opened, said plainly with no
    question after it; the conversation stays open for their next words, and "Want to tell me
    a win now?" is said only if they say nothing (never for brief replies, nor one-shots,
    which end)."""
    opened = session_attributes(handler_input).get(OPENED)
    if not opened or not follows_up(handler_input) or reply.reprompt is not None:
        return reply
    question = render.ask(catalog(handler_input), rng, "style.continue", "continue.reprompt")
    return reply._replace(reprompt=question.speech, asked=question.asked)


def stay_open(handler_input: HandlerInput, reply: Reply, rng: Random) -> Reply:
    """Like ``listen_on``, brief or not: a reply said mid-conversation that asks nothing and
    closes nothing ("be brief" itself) leaves the conversation open for the next words."""
    opened = session_attributes(handler_input).get(OPENED)
    if not opened or not in_session(handler_input) or reply.reprompt is not None:
        return reply
    question = render.ask(catalog(handler_input), rng, "style.continue", "continue.reprompt")
    return reply._replace(reprompt=question.speech, asked=question.asked)


def remember_brief(handler_input: HandlerInput, brief: bool) -> None:
    """Keep, for the rest of the conversation, whether the person asked for brief replies."""
    if brief:
        session_attributes(handler_input)[BRIEF] = True
    else:
        session_attributes(handler_input).pop(BRIEF, None)


def session_attributes(handler_input: HandlerInput) -> dict[str, Any]:
    attributes = handler_input.attributes_manager.session_attributes
    if attributes is None:  # out-of-session requests have no session to remember things in
        attributes = {}
        handler_input.attributes_manager.session_attributes = attributes
    return attributes


def request_id(handler_input: HandlerInput) -> str:
    """The Alexa request ID: the same on every redelivery of one request."""
    request = handler_input.request_envelope.request
    value = getattr(request, "request_id", None)
    if not value:
        raise ValueError("the request has no request ID")
    return str(value)


def slot_text(handler_input: HandlerInput, name: str) -> str | None:
    """The spoken value of a slot, or None when the slot is absent or empty."""
    request = handler_input.request_envelope.request
    if not isinstance(request, IntentRequest) or request.intent is None:
        return None
    slot = (request.intent.slots or {}).get(name)
    value = getattr(slot, "value", None)
    return value.strip() or None if isinstance(value, str) else None


def slot_id(handler_input: HandlerInput, name: str) -> str | None:
    """The canonical ID entity resolution matched for a custom slot, if any."""
    request = handler_input.request_envelope.request
    if not isinstance(request, IntentRequest) or request.intent is None:
        return None
    slot = (request.intent.slots or {}).get(name)
    resolutions = getattr(slot, "resolutions", None)
    for authority in getattr(resolutions, "resolutions_per_authority", None) or []:
        code = getattr(getattr(authority.status, "code", None), "value", None)
        if code == "ER_SUCCESS_MATCH" and authority.values:
            matched: str = authority.values[0].value.id
            return matched
    return None


def asked(handler_input: HandlerInput) -> Asked | None:
    """The question the skill asked last in this session, if it is still open."""
    if handler_input.request_envelope.session is None:
        return None
    value = session_attributes(handler_input).get(ASKED)
    try:
        return Asked(value) if isinstance(value, str) else None
    except ValueError:  # a session from an older version of the skill
        return None


def answers(handler_input: HandlerInput, question: Asked) -> bool:
    """True when this intent's slot was filled as the answer to ``question``: Alexa says so
    with the dialog IN_PROGRESS, or the question is still open. Such an answer may be bare."""
    request = handler_input.request_envelope.request
    state = getattr(getattr(request, "dialog_state", None), "value", None)
    return state == "IN_PROGRESS" or asked(handler_input) is question


def free_words(handler_input: HandlerInput) -> str | None:
    """Everything that was said, when one slot holds it whole: the catch-all's phrase, or the
    answer to a question that asked for words (a win, the morning's one thing, filled by the
    dialog). None for words after a carrier or a lead-in ("I feel ...", "this is ...")."""
    name = intent_name(handler_input)
    if name == "CatchAllIntent":
        return slot_text(handler_input, "phrase")
    request = handler_input.request_envelope.request
    state = getattr(getattr(request, "dialog_state", None), "value", None)
    if name == "LogWinIntent" and (state == "IN_PROGRESS" or asked(handler_input) is Asked.WIN):
        return slot_text(handler_input, "win")
    if name == "SetOneThingIntent" and (
        state == "IN_PROGRESS" or asked(handler_input) is Asked.ONE_THING
    ):
        return slot_text(handler_input, "thing")
    return None


def respond(handler_input: HandlerInput, reply: Reply) -> Response:
    """Turn a Reply into the SDK response: speech, reprompt, card, session state.

    The question the reply leaves open is recorded (and any older one forgotten). A question
    answered in words ("What did you do?") asks Alexa to fill that intent's slot, so a bare
    answer ("the dishes") arrives as that intent, as it would on an Echo.
    """
    builder = handler_input.response_builder
    attributes = session_attributes(handler_input)
    attributes.pop(MISSED, None)
    attributes.pop(HELPED, None)
    open_question = reply.asked if reply.reprompt is not None else None
    if open_question is None:
        attributes.pop(ASKED, None)
        attributes.pop(AGAIN, None)
    else:
        attributes[ASKED] = open_question.value
        if _restated(open_question):
            attributes[AGAIN] = reply.reprompt
        else:
            attributes.pop(AGAIN, None)
    elicit = ELICITS.get(open_question) if open_question is not None else None
    if elicit is not None and (
        is_request_type("IntentRequest")(handler_input)
        or is_request_type("LaunchRequest")(handler_input)
    ):
        # Intent chaining: dialog management may start from a launch or any intent (not from
        # a Connections.Response, which only comes back after Alexa's consent question).
        builder.add_directive(_eliciting(elicit))
    builder.speak(reply.speech)
    if reply.reprompt is not None:
        builder.ask(reply.reprompt)
        attributes[SAID] = {"speech": reply.speech, "reprompt": reply.reprompt}
    else:
        attributes.pop(SAID, None)
    if reply.permission_card is not None:
        builder.set_card(AskForPermissionsConsentCard(permissions=[reply.permission_card]))
    elif reply.card_title is not None and reply.card_text is not None:
        builder.set_card(SimpleCard(title=reply.card_title, content=reply.card_text))
    if reply.ask_for is not None:
        # Alexa asks for consent next and answers with a Connections.Response request;
        # shouldEndSession stays unset, as Alexa expects with this directive.
        from ask_sdk_model.interfaces.connections.send_request_directive import (
            SendRequestDirective,
        )

        builder.add_directive(
            SendRequestDirective(
                name="AskFor",
                payload={
                    "@type": "AskForPermissionsConsentRequest",
                    "@version": "1",
                    "permissionScope": reply.ask_for,
                },
                token=reply.ask_for,
            )
        )
    else:
        builder.set_should_end_session(reply.end_session)
    response: Response = builder.response
    return response


# Not understood, while a question asked for words: a hint for that answer.
_HINTS: Final[dict[Asked, tuple[str, str]]] = {
    Asked.WIN: ("fallback.awaiting_win", "ask_win.reprompt"),
    Asked.ONE_THING: ("fallback.awaiting_one_thing", "morning.reprompt"),
    Asked.GOAL: ("fallback.awaiting_goal", "goal.ask_reprompt"),
    Asked.REMINDER_WHEN: ("fallback.awaiting_time", "reminder.which_time_reprompt"),
    Asked.REMINDER_HALF: ("fallback.awaiting_half", "reminder.which_half_reprompt"),
}
# Questions a miss never drops: after the crisis line, and "Are you safe right now?".
_NEVER_DROPPED: Final = frozenset({Asked.CRISIS, Asked.SAFETY})


def _restated(question: Asked) -> bool:
    """Whether a miss asks ``question`` again in its own reprompt's words (the rest have a
    hint of their own, or are asked in general words)."""
    return (
        question not in _HINTS
        and question not in _NEVER_DROPPED
        and question is not Asked.WHAT_NEXT
    )


def not_understood(handler_input: HandlerInput, rng: Random) -> Response:
    """A turn that was not understood, or did not answer the open question.

    The first miss asks the open question again, plainly: a hint for one that asks for words,
    else its own reprompt (a deletion names the win again, so a later yes is informed). A
    second miss in a row drops the question, keeping the session open, and says how to get
    help. After the crisis line or the safety question, the question always stays open.
    """
    words = catalog(handler_input)
    attributes = session_attributes(handler_input)
    missed = attributes.get(MISSED)
    missed = missed if isinstance(missed, int) else 0
    question = asked(handler_input)
    again = attributes.get(AGAIN)
    if question in _NEVER_DROPPED:
        key = "fallback.again" if missed else "fallback.speech"
        reply = render.ask(words, rng, key, "fallback.reprompt", asked=question)
    elif missed and question is Asked.STYLE:  # asked once more already: move on, kindly
        said = render.say(words, rng, "style.left")
        reply = render.then_ask(said, words, rng, "style.continue", "continue.reprompt")
    elif missed:
        attributes.pop(OFFER, None)
        reply = render.ask(words, rng, "fallback.again", "fallback.again_reprompt")
    elif question in _HINTS:
        reply = render.ask(words, rng, *_HINTS[question])
    elif question not in (None, Asked.WHAT_NEXT) and isinstance(again, str) and again:
        reply = render.asked_again(words, rng, question, again)
    else:
        reply = render.ask(words, rng, "fallback.speech", "fallback.reprompt")
    response = respond(handler_input, reply)
    attributes[MISSED] = missed + 1
    return response


def _eliciting(elicit: Elicit) -> ElicitSlotDirective:
    """Alexa's directive to fill ``elicit.slot`` of ``elicit.intent`` from the next words."""
    from ask_sdk_model.dialog.elicit_slot_directive import ElicitSlotDirective

    slot = Slot(name=elicit.slot, confirmation_status=SlotConfirmationStatus.NONE)
    return ElicitSlotDirective(
        updated_intent=Intent(
            name=elicit.intent,
            slots={elicit.slot: slot},
            confirmation_status=IntentConfirmationStatus.NONE,
        ),
        slot_to_elicit=elicit.slot,
    )


def scope_status(handler_input: HandlerInput, scope: str) -> str | None:
    """GRANTED or DENIED as the request says for ``scope``; None when it says nothing."""
    system = getattr(handler_input.request_envelope.context, "system", None)
    permissions = getattr(getattr(system, "user", None), "permissions", None)
    found = (getattr(permissions, "scopes", None) or {}).get(scope)
    status = getattr(getattr(found, "status", None), "value", None)
    return str(status) if status else None


def skill_id(handler_input: HandlerInput) -> str:
    """This skill's own ID, as the request names it (already checked against the config)."""
    system = getattr(handler_input.request_envelope.context, "system", None)
    return str(getattr(getattr(system, "application", None), "application_id", "") or "")


def device_id(handler_input: HandlerInput) -> str | None:
    system = getattr(handler_input.request_envelope.context, "system", None)
    found = getattr(getattr(system, "device", None), "device_id", None)
    return str(found) if found else None


def alexa_api(handler_input: HandlerInput, apis: AlexaApis) -> AlexaApi | None:
    """Alexa's REST APIs for this request, if the request gives the way to them."""
    system = getattr(handler_input.request_envelope.context, "system", None)
    return apis.for_request(
        getattr(system, "api_endpoint", None), getattr(system, "api_access_token", None)
    )


def zone_lookup(handler_input: HandlerInput, apis: AlexaApis) -> ZoneLookup:
    """Asks Alexa's Settings API for the device's time zone; None if that fails."""

    def lookup() -> str | None:
        api = alexa_api(handler_input, apis)
        device = device_id(handler_input)
        if api is None or device is None:
            return None
        try:
            return api.time_zone(device)
        except AlexaApiError as exc:
            logger.warning("time zone unavailable: %s", type(exc).__name__)
            return None

    return lookup
