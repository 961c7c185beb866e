"""Logging a win and hearing a past win."""

from __future__ import annotations

from random import Random
from typing import Final

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.alexa.api import AlexaApis
from skill.domain.choice import Style
from skill.domain.patterns import compiled
from skill.domain.phrasing import normalise
from skill.domain.screen import Kind, screen
from skill.domain.settings import Setting, setting_asked
from skill.handlers.common import (
    BRIEF,
    CHECKED,
    OFFER,
    PLAN_ASKED,
    VAGUE_ASKED,
    WINS_TODAY,
    answer,
    answers,
    asked,
    catalog,
    follows_up,
    go_on,
    in_session,
    not_understood,
    person_key,
    remember_brief,
    request_id,
    respond,
    session_attributes,
    slot_text,
    zone_lookup,
)
from skill.handlers.forgetting import THAT, logged_here, remember_logged
from skill.handlers.settings import ChangesSettings
from skill.services.wins import (
    Ahead,
    AllHeard,
    AlreadyDone,
    AlreadyIn,
    CheckIn,
    Crisis,
    Heard,
    Logged,
    NeedsWords,
    NotAnAnswer,
    NotAWin,
    NothingOpen,
    NoWins,
    Statement,
    Vague,
    WinsService,
    Wording,
)
from skill.speech import render
from skill.speech.catalog import Catalog
from skill.speech.questions import Asked

LOG_INTENTS = ("LogWinIntent", "LogMinimisedWinIntent")
# The wins read out in this conversation, newest last (at most HEARD_KEPT of them).
HEARD: Final = "heard"
HEARD_KEPT: Final = 50


def wording(words: Catalog) -> Wording:
    """How many wordings the locale has for each choice the service makes."""
    return Wording(
        celebrations={style: len(words.variants(f"celebrate.{style.value}")) for style in Style},
        minimiser_replies=len(words.variants("minimised")),
    )


class LogsWins:
    """Stores a win (said, a goal done, or today's one thing done) and celebrates it."""

    def __init__(
        self, service: WinsService, apis: AlexaApis, rng: Random, settings: ChangesSettings
    ) -> None:
        self._service = service
        self._apis = apis
        self._rng = rng
        self._settings = settings

    def said(
        self,
        handler_input: HandlerInput,
        statement: Statement,
        *,
        played_down: bool = False,
        morning: bool = False,
        plan: str | None = None,
    ) -> Response:
        """Screen what was said; celebrate and store only a win. A setting asked for in the
        words of a win ("I don't want to be asked questions") is changed, never stored.
        ``morning``: told in answer to the morning question, so the one thing is asked for
        next (once), or ``plan``, set from the same words, is said back."""
        setting = _setting_in(statement)
        if setting is not None:
            return self._settings.change(handler_input, setting)
        words = catalog(handler_input)
        attributes = session_attributes(handler_input)
        outcome = self._service.log_win(
            person_key(handler_input),
            statement,
            request_id(handler_input),
            wording(words),
            played_down=played_down,
            zone_lookup=zone_lookup(handler_input, self._apis),
            vague=not attributes.pop(VAGUE_ASKED, False),
            logged=logged_here(attributes),
        )
        if isinstance(outcome, NeedsWords):
            return self.ask_what(handler_input)
        if isinstance(outcome, Vague):  # "i did three things": which? Asked once
            attributes[VAGUE_ASKED] = True
            return self.ask_what(handler_input, "ask_win.vague")
        if isinstance(outcome, NotAnAnswer | Ahead):  # "hi": ask again; "tomorrow i'll ...": later
            return self._unlogged(handler_input, outcome)
        session_attributes(handler_input).pop(OFFER, None)
        session_attributes(handler_input).pop(CHECKED, None)
        if isinstance(outcome, Crisis):
            return respond(handler_input, render.crisis(words))
        if isinstance(outcome, CheckIn):  # unsure: are they safe? what was said waits
            if outcome.offer:
                session_attributes(handler_input)[OFFER] = outcome.offer
            return respond(handler_input, render.check_in(words))
        if isinstance(outcome, NotAWin | AlreadyDone | AlreadyIn):  # AlreadyDone: the one thing
            return self.not_a_win(handler_input, outcome, shrug=_shrug(statement))
        remember_logged(attributes, outcome)
        if plan is not None or (morning and not attributes.get(PLAN_ASKED)):
            attributes[PLAN_ASKED] = True
            reply = render.celebration_then_plan(
                catalog(handler_input), self._rng, outcome, plan=plan
            )
            return respond(handler_input, reply)
        return self.celebrate(handler_input, outcome)

    def _unlogged(self, handler_input: HandlerInput, outcome: NotAnAnswer | Ahead) -> Response:
        """ "hi" to "What did you do?": asked again; a plan for a day to come ("tomorrow
        i'll clean the car"): told it is for later, nothing stored."""
        if isinstance(outcome, NotAnAnswer):
            return not_understood(handler_input, self._rng)
        return respond(handler_input, render.say(catalog(handler_input), self._rng, "plan.ahead"))

    def not_a_win(
        self,
        handler_input: HandlerInput,
        outcome: NotAWin | AlreadyDone | AlreadyIn,
        *,
        shrug: bool = False,
    ) -> Response:
        """No celebration; if a win hides in it, offer it and wait for a yes. Today's one
        thing told done once more is said to be done already, and a win told again in this
        conversation to be in already. A ``shrug`` ("there's nothing much") on a day with wins
        logged is told their count, never celebrated."""
        if isinstance(outcome, AlreadyDone):
            return self.already_done(handler_input, outcome)
        if isinstance(outcome, AlreadyIn):  # told again: said to be in, nothing stored
            words = catalog(handler_input)
            win = render.win_phrase(words, outcome.win)
            reply = render.say(words, self._rng, "log.already_in", win=win)
            return respond(handler_input, go_on(handler_input, reply, self._rng))
        today = int(session_attributes(handler_input).get(WINS_TODAY) or 0)
        if today > 0 and (shrug or render.shrugged_day(outcome)):
            return self._shrugged(handler_input, today)
        if outcome.offer and not outcome.reason.startswith("talk."):  # talk names, offers not
            session_attributes(handler_input)[OFFER] = outcome.offer
        reply = render.not_a_win(
            catalog(handler_input),
            self._rng,
            outcome,
            in_session=follows_up(handler_input),
            today=int(session_attributes(handler_input).get(WINS_TODAY) or 0),
        )
        return respond(handler_input, reply)

    def _shrugged(self, handler_input: HandlerInput, today: int) -> Response:
        """A shrug ("idk", "I don't know really") on a day with ``today`` wins: said to "Want
        me to log it?", no yes; else the day's count, and in a conversation the person
        opened, one of their wins offered back, so it does not close mid-thought."""
        words = catalog(handler_input)
        if asked(handler_input) is Asked.OFFER:
            session_attributes(handler_input).pop(OFFER, None)
            declined = render.offer_declined(words, self._rng, in_session=follows_up(handler_input))
            return respond(handler_input, declined)
        reply = render.enough(words, self._rng, today)
        then = ("not_a_win.enough_then", "hear.reprompt")
        return respond(handler_input, go_on(handler_input, reply, self._rng, then))

    def finish_goal(self, handler_input: HandlerInput, *, or_one_thing: bool = False) -> Response:
        """The open goal is done; with ``or_one_thing``, today's one thing if no goal is open."""
        outcome = self._service.finish_goal(
            person_key(handler_input),
            request_id(handler_input),
            wording(catalog(handler_input)),
            zone_lookup=zone_lookup(handler_input, self._apis),
        )
        if isinstance(outcome, NothingOpen) and or_one_thing:
            return self.finish_one_thing(handler_input)
        if isinstance(outcome, NothingOpen):
            return self.ask_what(handler_input)
        return self.celebrate(handler_input, outcome)

    def finish_one_thing(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        outcome = self._service.finish_one_thing(
            person_key(handler_input),
            request_id(handler_input),
            wording(words),
            zone_lookup=zone_lookup(handler_input, self._apis),
        )
        if isinstance(outcome, NothingOpen):
            return self.ask_what(handler_input)
        if isinstance(outcome, AlreadyDone):
            return self.already_done(handler_input, outcome)
        return self.celebrate(handler_input, outcome)

    def already_done(self, handler_input: HandlerInput, outcome: AlreadyDone) -> Response:
        """Today's one thing was logged already: said so, and nothing stored twice."""
        words = catalog(handler_input)
        return respond(
            handler_input, render.text(words, "one_thing.already", thing=outcome.win.said)
        )

    def ask_what(self, handler_input: HandlerInput, key: str = "ask_win.speech") -> Response:
        """ "What did you do?": the next words, even bare ("the dishes"), are the win."""
        words = catalog(handler_input)
        return respond(handler_input, render.ask(words, self._rng, key, "ask_win.reprompt"))

    def celebrate(self, handler_input: HandlerInput, outcome: Logged) -> Response:
        remember_brief(handler_input, outcome.plan.brief)
        remember_logged(session_attributes(handler_input), outcome)
        reply = render.celebration(
            catalog(handler_input), self._rng, outcome, in_session=in_session(handler_input)
        )
        return respond(handler_input, reply)


def _shrug(statement: Statement) -> bool:
    """Whether what was said, carrier and all, tells nothing done ("nothing much", "there's
    nothing really"), as the reader reads it."""
    from skill.domain.reading import Part, read  # on first use: the reader compiles patterns

    said = f"{statement.carrier} {statement.words or ''}".strip()
    return {clause.part for clause in read(said)} == {Part.SHRUG}


# Not-a-win families that tell how a life feels: never a request about the skill's replies.
_FELT: Final = frozenset({"feeling", "hatred"})


def _setting_in(statement: Statement) -> Setting | None:
    """The setting a statement asks for, if that is all it does. Crisis words and a risk are
    never taken for a setting: the screen hears them first, and the log path answers them."""
    if not statement.words or statement.checked:
        return None
    verdict = screen(normalise(statement.words), statement.carrier, statement.frame)
    if verdict.kind in (Kind.CRISIS, Kind.CHECK_IN):
        return None
    if verdict.kind is Kind.NOT_A_WIN and verdict.reason.split(".")[0] in _FELT:
        return None  # "everything feels like too much" is about a life, not the replies
    return setting_asked(statement.words, "" if statement.bare else statement.carrier)


class LogWinIntentHandler(AbstractRequestHandler):
    """ "Tell small wins I did the laundry" -> store it and celebrate. Answering "What did you
    do?" with how the day went and a request for a win ("bad day, read me one of my wins"):
    the feeling heard, and a win read back; nothing stored."""

    def __init__(self, logs: LogsWins, hears: HearsWins) -> None:
        self._logs = logs
        self._hears = hears

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if answer(handler_input) is not None:  # "not at the moment": a no, never a win
            return False
        return any(is_intent_name(name)(handler_input) for name in LOG_INTENTS)

    def handle(self, handler_input: HandlerInput) -> Response:
        played_down = bool(is_intent_name("LogMinimisedWinIntent")(handler_input))
        bare = not played_down and answers(handler_input, Asked.WIN)
        words = slot_text(handler_input, "win")
        if bare and words:
            heard = feeling_then_hear(words, self._hears, handler_input)
            if heard is not None:
                return heard
        statement = Statement(words, bare=bare)
        return self._logs.said(handler_input, statement, played_down=played_down)


class HearsWins:
    """Reads back one of the person's own wins, none twice in one conversation."""

    def __init__(self, service: WinsService, rng: Random) -> None:
        self._service = service
        self._rng = rng

    def one(self, handler_input: HandlerInput, *, lead: str | None = None) -> Response:
        """One win read back; ``lead``, a catalogue key said first ("That sounds hard.")."""
        words = catalog(handler_input)
        reply = self._reply(handler_input, words)
        if lead is not None:
            reply = render.led_by(words, self._rng, lead, reply)
        return respond(handler_input, reply)

    def _reply(self, handler_input: HandlerInput, words: Catalog) -> render.Reply:
        attributes = session_attributes(handler_input)
        earlier = attributes.get(HEARD)
        heard = [n for n in earlier if isinstance(n, int)] if isinstance(earlier, list) else []
        person = person_key(handler_input)
        outcome = self._service.hear_win(
            person, heard=frozenset(heard), recognised=person.recognised
        )
        if isinstance(outcome, NoWins):
            return render.no_wins(words, self._rng, brief=bool(attributes.get(BRIEF)))
        if isinstance(outcome, AllHeard):
            remember_brief(handler_input, outcome.brief)
            return render.all_heard(words, self._rng, outcome)
        if isinstance(outcome, Heard):
            remember_brief(handler_input, outcome.brief)
            # Kept for "another" (no repeats) and "that wasn't a win" (which one).
            attributes[HEARD] = [*heard, outcome.number][-HEARD_KEPT:]
            attributes[THAT] = outcome.number  # "change that to ...": the win just heard
            return render.heard(words, self._rng, outcome, in_session=in_session(handler_input))
        return render.unspeakable(words, outcome.total)


class HearWinIntentHandler(AbstractRequestHandler):
    """ "Ask small wins for a win" -> one of the person's own past wins."""

    def __init__(self, hears: HearsWins) -> None:
        self._hears = hears

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("HearWinIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        return self._hears.one(handler_input)


def feeling_then_hear(said: str, hears: HearsWins, handler_input: HandlerInput) -> Response | None:
    """ "I feel awful, tell me something I did": the feeling acknowledged, then one of their
    own wins read back. None when ``said`` is not that (or the screen would not let it by)."""
    if compiled(_ASKS).search(said) is None:  # the reader is imported only when it may be needed
        return None
    from skill.domain.turns import feeling_then_hear as read_feeling  # compiles on first use

    feeling = read_feeling(said)
    if feeling is None:
        return None
    return hears.one(handler_input, lead=f"hear.after_{feeling.value}")


# The words a request to hear a win starts with: only then is the statement read for one.
_ASKS: Final = r"(?i)\b(?:tell|remind|read|give|show|say)\b"
