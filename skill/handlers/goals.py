"""One-minute goals: set one, a real Alexa timer, the check-in when it ends, "I did it"."""

from __future__ import annotations

import logging
from random import Random

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name, is_request_type
from ask_sdk_model.launch_request import LaunchRequest
from ask_sdk_model.response import Response

from skill.alexa.api import (
    REMINDERS_SCOPE,
    TIMERS_SCOPE,
    AlexaApiError,
    AlexaApis,
    PermissionMissing,
    RateLimited,
)
from skill.alexa.bodies import GOAL_TASK, goal_timer
from skill.domain.phrasing.answer import is_shrug
from skill.handlers.common import (
    Answer,
    alexa_api,
    answer,
    answers,
    asked,
    catalog,
    intent_name,
    not_understood,
    person_key,
    respond,
    scope_status,
    skill_id,
    slot_text,
)
from skill.handlers.reminders import ReminderSetter
from skill.handlers.wins import LogsWins
from skill.services.routines import Goal, Routines
from skill.services.wins import CheckIn, Crisis, NeedsWords, NotAnAnswer, NotAWin
from skill.speech import render
from skill.speech.questions import Asked

logger = logging.getLogger(__name__)


class GoalTimers:
    """Starts the one-minute timer for an open goal, or says truthfully why it couldn't."""

    def __init__(self, apis: AlexaApis, rng: Random) -> None:
        self._apis = apis
        self._rng = rng

    def start(
        self, handler_input: HandlerInput, goal: Goal, *, consented: bool = False
    ) -> Response:
        words = catalog(handler_input)
        status = "GRANTED" if consented else scope_status(handler_input, TIMERS_SCOPE)
        if status == "DENIED":
            reply = render.say(words, self._rng, "goal.no_permission", goal=goal.said)
            return respond(handler_input, render.with_permission_card(reply, TIMERS_SCOPE))
        if status != "GRANTED":
            reply = render.say(words, self._rng, "goal.ask_permission", goal=goal.said)
            return respond(handler_input, render.asking_for(reply, TIMERS_SCOPE))
        return respond(handler_input, self._create(handler_input, goal))

    def _create(self, handler_input: HandlerInput, goal: Goal) -> render.Reply:
        words = catalog(handler_input)
        api = alexa_api(handler_input, self._apis)
        if api is None:
            return render.say(words, self._rng, "goal.unavailable", goal=goal.said)
        body = goal_timer(
            skill_id=skill_id(handler_input),
            goal=goal.text,
            label=words.text("goal.timer_label", number=goal.number, goal=goal.said)[:256],
            locale=words.locale,
            confirm=words.text("goal.timer_confirm"),
        )
        try:
            api.create_timer(body)
        except PermissionMissing:
            reply = render.say(words, self._rng, "goal.revoked", goal=goal.said)
            return render.with_permission_card(reply, TIMERS_SCOPE)
        except RateLimited:
            return render.say(words, self._rng, "goal.busy", goal=goal.said)
        except AlexaApiError as exc:
            logger.warning("timer not created: %s (%s)", type(exc).__name__, exc.status)
            return render.say(words, self._rng, "goal.unavailable", goal=goal.said)
        return render.say(words, self._rng, "goal.started", goal=goal.said)


class SetGoalIntentHandler(AbstractRequestHandler):
    """ "Set a one-minute goal to clear my desk": save it, then start a real timer."""

    def __init__(self, routines: Routines, timers: GoalTimers, rng: Random) -> None:
        self._routines = routines
        self._timers = timers
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("SetGoalIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        said = slot_text(handler_input, "goal")
        if said and is_shrug(said):  # "nothing" to "What's the one thing?": no goal needed
            return respond(handler_input, render.say(words, self._rng, "answer.no_goal"))
        outcome = self._routines.start_goal(
            person_key(handler_input), said, bare=answers(handler_input, Asked.GOAL)
        )
        if isinstance(outcome, NotAnAnswer):  # "hi", "can you ...": the question again
            return not_understood(handler_input, self._rng)
        if isinstance(outcome, NeedsWords):
            return respond(
                handler_input, render.ask(words, self._rng, "goal.ask", "goal.ask_reprompt")
            )
        if isinstance(outcome, Crisis):
            return respond(handler_input, render.crisis(words))
        if isinstance(outcome, CheckIn):
            return respond(handler_input, render.check_in(words))
        if isinstance(outcome, NotAWin):
            return respond(
                handler_input, render.not_a_plan(words, self._rng, outcome, asked=Asked.GOAL)
            )
        return self._timers.start(handler_input, outcome)


class GoalCheckInHandler(AbstractRequestHandler):
    """The timer ended and the person accepted: "Time's up. Did you clear your desk?" """

    def __init__(self, routines: Routines, rng: Random) -> None:
        self._routines = routines
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        request = handler_input.request_envelope.request
        task = getattr(request, "task", None) if isinstance(request, LaunchRequest) else None
        return str(getattr(task, "name", "") or "").endswith(f".{GOAL_TASK}")

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        goal = self._routines.open_goal(person_key(handler_input))
        if goal is None:
            return respond(handler_input, render.say(words, self._rng, "goal.already_done"))
        reply = render.ask(
            words, self._rng, "goal.check_in", "goal.check_in_reprompt", goal=goal.said
        )
        return respond(handler_input, reply)


def _said_to_did_you(handler_input: HandlerInput) -> Answer | None:
    """Words no sample names, said to "Did you ...?", that still answer it: "what? oh. not
    yet" is a no, "huh, oh yeah i did" a yes."""
    if intent_name(handler_input) != "CatchAllIntent":
        return None
    phrase = slot_text(handler_input, "phrase")
    if not phrase or asked(handler_input) is not Asked.CHECK_IN:
        return None
    from skill.domain.reading import Part
    from skill.domain.turns import answer_to_did_you  # on first use: the reader compiles

    found = answer_to_did_you(phrase)
    return {Part.YES: Answer.YES, Part.NO: Answer.NO}.get(found) if found else None


class GoalAnswerHandler(AbstractRequestHandler):
    """The answer to "Did you clear your desk?" or "Want another minute?": log the goal, or
    offer (or start) another minute. "Another minute" itself works whenever a goal is open.
    A yes or a no in words no sample names counts too ("what? oh. not yet")."""

    def __init__(self, routines: Routines, timers: GoalTimers, logs: LogsWins, rng: Random) -> None:
        self._routines = routines
        self._timers = timers
        self._logs = logs
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if is_intent_name("AnotherMinuteIntent")(handler_input):
            return True
        if _said_to_did_you(handler_input) is not None:
            return True
        if answer(handler_input) is None:  # first: an event out of session has no attributes
            return False
        return asked(handler_input) in (Asked.CHECK_IN, Asked.ANOTHER_MINUTE)

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        question = asked(handler_input)
        said = answer(handler_input) or _said_to_did_you(handler_input)
        if question is Asked.CHECK_IN and said in (Answer.YES, Answer.FINISHED):
            return self._logs.finish_goal(handler_input)
        if question is Asked.CHECK_IN and said in (Answer.NO, Answer.DONE):
            return respond(
                handler_input, render.ask(words, self._rng, "goal.not_yet", "goal.not_yet_reprompt")
            )
        goal = self._routines.open_goal(person_key(handler_input))
        if goal is None and said is None:  # "another minute" with nothing running
            return respond(handler_input, render.say(words, self._rng, "goal.none_open"))
        if goal is None:
            return respond(handler_input, render.say(words, self._rng, "goal.already_done"))
        if said in (None, Answer.YES, Answer.ANOTHER):
            # Another minute is a fresh attempt: a new number keeps its timer label unique.
            again = self._routines.start_goal(person_key(handler_input), goal.text)
            return self._timers.start(handler_input, again if isinstance(again, Goal) else goal)
        return respond(handler_input, render.say(words, self._rng, "goal.kept", goal=goal.said))


class CancelGoalIntentHandler(AbstractRequestHandler):
    """ "Cancel my goal": the open goal is dropped; its timer, if set, may still ring."""

    def __init__(self, routines: Routines, rng: Random) -> None:
        self._routines = routines
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("CancelGoalIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        goal = self._routines.cancel_goal(person_key(handler_input))
        key = "goal.none_open" if goal is None else "goal.cancelled"
        return respond(handler_input, render.say(words, self._rng, key))


class GoalDoneIntentHandler(AbstractRequestHandler):
    """ "I did it": the open goal, else today's one thing, else "what did you do?" """

    def __init__(self, logs: LogsWins) -> None:
        self._logs = logs

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("GoalDoneIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        return self._logs.finish_goal(handler_input, or_one_thing=True)


class PermissionResponseHandler(AbstractRequestHandler):
    """Alexa's answer to an AskFor: carry on if ACCEPTED, else fall back kindly."""

    def __init__(
        self, routines: Routines, timers: GoalTimers, reminders: ReminderSetter, rng: Random
    ) -> None:
        self._routines = routines
        self._timers = timers
        self._reminders = reminders
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        request = handler_input.request_envelope.request
        return (
            bool(is_request_type("Connections.Response")(handler_input))
            and getattr(request, "name", None) == "AskFor"
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        payload = getattr(handler_input.request_envelope.request, "payload", None) or {}
        scope = payload.get("permissionScope")
        accepted = payload.get("status") == "ACCEPTED"
        if scope == REMINDERS_SCOPE:
            return self._reminders.after_consent(handler_input, status=payload.get("status"))
        words = catalog(handler_input)
        goal = self._routines.open_goal(person_key(handler_input))
        if goal is None:
            return respond(handler_input, render.say(words, self._rng, "goodbye"))
        if accepted:
            return self._timers.start(handler_input, goal, consented=True)
        reply = render.say(words, self._rng, "goal.no_permission", goal=goal.said)
        return respond(handler_input, render.with_permission_card(reply, TIMERS_SCOPE))
