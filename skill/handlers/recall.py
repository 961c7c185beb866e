"""Reading back a span's wins: "what did I do yesterday", "read me my wins from this week",
and the answers to "Want the rest?" and "Want to hear one from another day?"."""

from __future__ import annotations

from datetime import date
from random import Random
from typing import Any, Final

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.alexa.api import AlexaApis
from skill.domain.list_read import LAST_WEEK, SpanAsk
from skill.domain.spans import Span, SpanKind
from skill.handlers.common import (
    MORNING_NEXT,
    Answer,
    answer,
    asked,
    catalog,
    go_on,
    in_session,
    person_key,
    remember_brief,
    respond,
    session_attributes,
    slot_id,
    slot_text,
    zone_lookup,
)
from skill.handlers.forgetting import remember_list
from skill.handlers.wins import HearsWins
from skill.services.best_day import EVER, BestDay, BestDays, NoneIn, NotKept
from skill.services.recall import (
    PAGE,
    Ahead,
    NothingThen,
    NoWinsYet,
    Recall,
    Recalled,
    RecallOutcome,
)
from skill.services.recap import Recaps
from skill.speech import best as best_words
from skill.speech import recall as words_of
from skill.speech import render
from skill.speech.catalog import Catalog
from skill.speech.questions import Asked

# Where a recall stopped, for "the rest": the span read and how many were read out.
RECALLING: Final = "recall"


class Recalls:
    """Reads a span's wins a page at a time, keeping its place in the session."""

    def __init__(self, recall: Recall, apis: AlexaApis, rng: Random) -> None:
        self._recall = recall
        self._apis = apis
        self._rng = rng

    def first(self, handler_input: HandlerInput) -> Response:
        outcome = self._recall.recall(
            person_key(handler_input),
            slot_text(handler_input, "date"),
            zone_lookup(handler_input, self._apis),
        )
        return self._answer(handler_input, outcome)

    def span(
        self,
        handler_input: HandlerInput,
        span: Span | SpanAsk,
        *,
        brief: bool = False,
        shape: bool = False,
    ) -> Response:
        """The wins of ``span`` (or of the span asked for, worked out from the profile and
        today), from the newest; ``brief``: the newest few and how many more, with no
        question; ``shape``: begun with how many and the busiest day, as a recap is."""
        from skill.speech.recap import BRIEF_WINS, briefly  # on first use: the recap's words

        outcome = self._recall.recall(
            person_key(handler_input),
            None,
            zone_lookup(handler_input, self._apis),
            span=span,
            shown=BRIEF_WINS if brief else PAGE,
            shape=shape,
        )
        if brief and isinstance(outcome, Recalled):
            session_attributes(handler_input).pop(RECALLING, None)
            return respond(handler_input, briefly(catalog(handler_input), self._rng, outcome))
        return self._answer(handler_input, outcome)

    def unknown(self, handler_input: HandlerInput) -> Response:
        """A day asked for in words that name none: says what can be asked, reads nothing."""
        return respond(handler_input, unknown_span(catalog(handler_input), self._rng))

    def rest(self, handler_input: HandlerInput) -> Response:
        """The next page of the span read last in this conversation."""
        place = place_of(session_attributes(handler_input).get(RECALLING))
        if place is None:
            return respond(
                handler_input, render.say(catalog(handler_input), self._rng, "recall.lost")
            )
        span, before = place
        outcome = self._recall.recall(
            person_key(handler_input),
            None,
            zone_lookup(handler_input, self._apis),
            span=span,
            before=before,
        )
        return self._answer(handler_input, outcome)

    def _answer(self, handler_input: HandlerInput, outcome: RecallOutcome) -> Response:
        words = catalog(handler_input)
        attributes = session_attributes(handler_input)
        attributes.pop(RECALLING, None)
        if isinstance(outcome, Recalled):
            numbers = [recalled.number for recalled in outcome.wins]
            # "the rest": a further page of the same list, whose pages are all searched by words
            remember_list(attributes, numbers, count=outcome.win_count, more=outcome.before > 0)
            if outcome.left:
                attributes[RECALLING] = placed(outcome.span, outcome.before + len(outcome.wins))
            reply = words_of.recalled(
                words, self._rng, outcome, in_session=in_session(handler_input)
            )
            return respond(handler_input, reply)
        if isinstance(outcome, NothingThen):
            return respond(handler_input, words_of.nothing_then(words, self._rng, outcome))
        if isinstance(outcome, NoWinsYet):
            return respond(handler_input, render.no_wins(words, self._rng))
        if isinstance(outcome, Ahead):
            return respond(handler_input, render.say(words, self._rng, "recall.ahead"))
        return respond(handler_input, unknown_span(words, self._rng))


def unknown_span(words: Catalog, rng: Random) -> render.Reply:
    """What can be read back, asked as a question: the visit stays open."""
    return render.ask(words, rng, "recall.unknown", "recall.unknown_reprompt")


def placed(span: Span, before: int) -> dict[str, Any]:
    return {
        "kind": span.kind.value,
        "first": span.first.isoformat(),
        "last": span.last.isoformat(),
        "before": before,
    }


def place_of(value: object) -> tuple[Span, int] | None:
    """The span and count kept by ``placed``; None when missing or not as written."""
    if not isinstance(value, dict):
        return None
    try:
        span = Span(
            SpanKind(value["kind"]),
            date.fromisoformat(value["first"]),
            date.fromisoformat(value["last"]),
        )
        before = value["before"]
    except (KeyError, TypeError, ValueError):
        return None
    if not isinstance(before, int) or span.first > span.last:
        return None
    return span, before


# The questions a recall asks.
_QUESTIONS: Final = (Asked.RECALL_MORE, Asked.OTHER_DAY, Asked.LAST_WEEK)


class RecallIntentHandler(AbstractRequestHandler):
    """ "What did I do yesterday?", "what did I log on Tuesday?": that span's wins."""

    def __init__(self, recalls: Recalls) -> None:
        self._recalls = recalls

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("RecallIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        return self._recalls.first(handler_input)


class RecallNightIntentHandler(AbstractRequestHandler):
    """ "What did I do last night?", "what have I done tonight?", "what did I do on Wednesday
    night?": the wins of that night, from the evening to the next morning (``night_asked``
    says which night), never the calendar day."""

    def __init__(self, recalls: Recalls) -> None:
        self._recalls = recalls

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("RecallNightIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        night, day = slot_id(handler_input, "night"), slot_text(handler_input, "date")
        if night is None and day is None and slot_text(handler_input, "night") is not None:
            # Words no night names fill the slot ("what did I do on the weekend of doom"):
            # never read back last night's wins as if they were asked for.
            return self._recalls.unknown(handler_input)
        return self._recalls.span(handler_input, SpanAsk.night(night or day or "last"))


class RecallAnswerHandler(AbstractRequestHandler):
    """Yes, "more" or "the rest" after "Want the rest?" reads on; after "Want to hear one from
    another day?" it reads a win from any day, named by its day; after "Want to hear last
    week's wins?" it reads last week's. No or "that's all" ends."""

    def __init__(self, recalls: Recalls, hears: HearsWins, recaps: Recaps, rng: Random) -> None:
        self._recalls = recalls
        self._hears = hears
        self._recaps = recaps
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return asked(handler_input) in _QUESTIONS and answer(handler_input) in (
            Answer.YES,
            Answer.ANOTHER,
            Answer.NO,
            Answer.DONE,
            Answer.FINISHED,
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        question = asked(handler_input)
        if answer(handler_input) in (Answer.YES, Answer.ANOTHER):
            if question is Asked.RECALL_MORE:
                return self._recalls.rest(handler_input)
            if question is Asked.LAST_WEEK:
                return self._recalls.span(handler_input, LAST_WEEK)
            return self._hears.one(handler_input)
        attributes = session_attributes(handler_input)
        attributes.pop(RECALLING, None)
        morning = attributes.pop(MORNING_NEXT, None)
        words = catalog(handler_input)
        if question is Asked.RECALL_MORE and answer(handler_input) is Answer.NO and morning:
            # a recap read at a morning launch: on to the one thing, as a "no" to it would
            note_morning(self._recaps, handler_input, morning)
            reply = render.ask(words, self._rng, "recall.stopped_morning", "morning.reprompt")
            return respond(handler_input, reply)
        key = "recall.stopped" if question is Asked.RECALL_MORE else "answer.goodbye"
        return respond(handler_input, render.say(words, self._rng, key))


def note_morning(recaps: Recaps, handler_input: HandlerInput, today: object) -> None:
    """The morning question, asked now, is not asked again on ``today`` (an ISO day)."""
    try:
        day = date.fromisoformat(today) if isinstance(today, str) else None
    except ValueError:
        day = None
    if day is not None:
        recaps.note_morning(person_key(handler_input), day)


class RecallPartIntentHandler(AbstractRequestHandler):
    """ "What did I tell you this morning?", "what did I do yesterday afternoon?", "at lunch",
    "on Tuesday evening": the wins told in that part of that day (``spans.DAY_PARTS``);
    "earlier today" is today so far."""

    def __init__(self, recalls: Recalls) -> None:
        self._recalls = recalls

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("RecallPartIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        part, day = slot_id(handler_input, "part"), slot_text(handler_input, "date")
        if part == _EARLIER and day is None:
            return self._recalls.span(handler_input, SpanAsk.of_date("PRESENT_REF"))
        if part is None or part == _EARLIER:
            # Words no part of a day names: never another time passed off as the one asked.
            return self._recalls.unknown(handler_input)
        return self._recalls.span(handler_input, SpanAsk.part(part, day))


class RecallDaysIntentHandler(AbstractRequestHandler):
    """ "What did I do from Wednesday to Saturday?", "between the 3rd and the 5th", "over the
    last three days": the wins of that run of days."""

    def __init__(self, recalls: Recalls) -> None:
        self._recalls = recalls

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("RecallDaysIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        first, last = slot_text(handler_input, "first"), slot_text(handler_input, "last")
        count = slot_text(handler_input, "count")
        if first and last:
            return self._recalls.span(handler_input, SpanAsk.days(first, last))
        if count:
            return self._recalls.span(handler_input, SpanAsk.days("last", count))
        return self._recalls.unknown(handler_input)


# The ``DayPart`` id of "earlier today": the day so far.
_EARLIER: Final = "earlier"


class BestDayIntentHandler(AbstractRequestHandler):
    """ "Which day did I log the most?", "what was my best day this week?", "what's my
    record?": the day with the most wins, literally, of the span asked (this week unless
    another; "ever" and a record, the best day kept)."""

    def __init__(self, best: BestDays, apis: AlexaApis, rng: Random) -> None:
        self._best = best
        self._apis = apis
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(
            is_intent_name("BestDayIntent")(handler_input)
            or is_intent_name("RecordDayIntent")(handler_input)
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        # "what's my record": of every day; "which day did I log the most": this week's
        record = is_intent_name("RecordDayIntent")(handler_input)
        outcome = self._best.best(
            person_key(handler_input),
            slot_text(handler_input, "date"),
            EVER if record else slot_id(handler_input, "span"),
            zone_lookup(handler_input, self._apis),
        )
        words = catalog(handler_input)
        if isinstance(outcome, BestDay):
            remember_brief(handler_input, outcome.brief)
            reply = best_words.best_day(words, self._rng, outcome)
            return respond(handler_input, go_on(handler_input, reply, self._rng))
        if isinstance(outcome, NoneIn):
            return respond(handler_input, best_words.none_in(words, self._rng, outcome))
        if isinstance(outcome, NoWinsYet):
            return respond(handler_input, render.no_wins(words, self._rng))
        if isinstance(outcome, NotKept):
            return respond(handler_input, render.say(words, self._rng, "best.not_kept"))
        if isinstance(outcome, Ahead):
            return respond(handler_input, render.say(words, self._rng, "recall.ahead"))
        return respond(handler_input, unknown_span(words, self._rng))
