"""Deleting or correcting any win by voice: "delete the second one", "delete the one about the
oven", "change that to I cleaned the oven", "change the second one to fed the cat".

Deleting always asks first, naming the win; only a yes deletes, and only that win. The list a
place counts in is the one read out last in this conversation (``LISTED``: its win numbers,
kept by the recall and by a celebration of several wins). The intents' handlers are in
``forget_intents.py``.
"""

from __future__ import annotations

from datetime import datetime
from random import Random
from typing import Any, Final

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from skill.alexa.api import AlexaApis
from skill.domain.phrasing import Win, WinKind, win_from_words
from skill.handlers.common import (
    WINS_TODAY,
    Answer,
    answer,
    asked,
    catalog,
    follows_up,
    forget_gone,
    person_key,
    remember_fixed,
    remember_gone,
    respond,
    session_attributes,
    zone_lookup,
)
from skill.services.forgetting import (
    Chosen,
    Corrected,
    Forgetting,
    NoList,
    NoMatch,
    NothingToCorrect,
    NotInList,
    NoWinsToFind,
    Several,
    ToConfirm,
)
from skill.services.wins import CheckIn, Crisis, Logged, NotAWin
from skill.speech import render
from skill.speech.catalog import Catalog
from skill.speech.questions import Asked

# The win numbers of the list read out last, in the order read (None: deleted since).
LISTED: Final = "listed"
# The pages of that list read before it ("the rest" read on), and how many wins the person
# had when it was read: "delete the one about the oven" searches every page.
EARLIER: Final = "listed_earlier"
LISTED_COUNT: Final = "listed_count"
# The win named or logged last in this conversation, by number: what "change that" corrects.
THAT: Final = "that"
# The win a "Delete ...?" question named: its number, time and the count seen.
FORGET: Final = "forget"
# The correction a "Change ... to ...?" question named: the win's number and time, new words.
CORRECTING: Final = "correcting"
# The wins "Delete ...?" has named in this conversation: "no, the other one" passes them by.
NAMED: Final = "named"
# The new words of a correction that found several wins, while "Which one?" asks which:
# the one picked is changed to them.
CORRECT_WHICH: Final = "correct_which"
# Places still to delete after this one ("delete the second one and the third one"), in order.
FORGET_NEXT: Final = "forget_next"
FORGETTING: Final = frozenset({Asked.FORGET, Asked.FORGET_WHICH, Asked.CORRECT})
_GO_ON: Final = ("continue.speech", "continue.reprompt")


def listed(attributes: dict[str, Any]) -> list[int | None] | None:
    """The list read out last, as kept; None when there is none (or it is not as written)."""
    value = attributes.get(LISTED)
    if not isinstance(value, list) or not value:
        return None
    if not all(number is None or isinstance(number, int) for number in value):
        return None
    return value


def remember_list(
    attributes: dict[str, Any], numbers: list[int], *, count: int | None = None, more: bool = False
) -> None:
    """Keep the wins just read out, in order, for "delete the second one"; one alone is also
    what "change that" means. ``count``: how many wins the person had when they were read;
    ``more``: a further page of the list read before ("the rest"), whose earlier pages are
    kept for searching by words."""
    if more:
        kept = [*(earlier(attributes) or []), *(listed(attributes) or [])]
        attributes[EARLIER] = kept[-_MOST_EARLIER:]
    else:
        attributes.pop(EARLIER, None)
    if count is not None:
        attributes[LISTED_COUNT] = count
    else:
        attributes.pop(LISTED_COUNT, None)
    if numbers:
        attributes[LISTED] = numbers
    if len(numbers) == 1:
        attributes[THAT] = numbers[0]


# The most numbers kept of the pages read before: as many as a search by words reads at once.
_MOST_EARLIER: Final = 45


def earlier(attributes: dict[str, Any]) -> list[int | None] | None:
    """The pages of the list read before its last one ("the rest"), as kept; None if none."""
    value = attributes.get(EARLIER)
    if not isinstance(value, list) or not value:
        return None
    if not all(number is None or isinstance(number, int) for number in value):
        return None
    return value


def whole_list(attributes: dict[str, Any]) -> tuple[list[int | None] | None, int | None]:
    """Every page of the list read last, in the order read, and how many wins the person had
    when it was read (None when not known: a list of wins just logged, or of "Which one?")."""
    pages = [*(earlier(attributes) or []), *(listed(attributes) or [])]
    count = attributes.get(LISTED_COUNT)
    return (pages or None), (count if isinstance(count, int) else None)


# The wins logged in this conversation for today, as said back: told again in it (one
# sitting: a conversation lasts minutes), they are already in (``logged_here``).
LOGGED_HERE: Final = "logged_here"
_MOST_LOGGED_HERE: Final = 20


def logged_here(attributes: dict[str, Any]) -> tuple[str, ...]:
    """The wins logged for today in this conversation, as said back, newest last."""
    kept = attributes.get(LOGGED_HERE)
    return tuple(w for w in kept if isinstance(w, str)) if isinstance(kept, list) else ()


def _note_logged_here(attributes: dict[str, Any], logged: Logged) -> None:
    if logged.day is not None or logged.days:
        return  # filed on another day ("yesterday i ..."): not today's to tell again
    wins = [*logged_here(attributes), *(win.said for win in logged.wins)]
    attributes[LOGGED_HERE] = wins[-_MOST_LOGGED_HERE:]


def remember_logged(attributes: dict[str, Any], logged: Logged) -> None:
    """Keep the win just logged, for "change that to ...", and several logged at once as the
    list read out (their numbers follow on from the count before)."""
    _note_logged_here(attributes, logged)
    if logged.day is None:  # today's count, for a shrug said later ("meh"): not nothing
        attributes[WINS_TODAY] = logged.plan.today
    if logged.duplicate:  # a redelivery: its numbers are not known here
        return
    forget_gone(attributes)  # "undo" now means this win
    total = logged.plan.total
    attributes[THAT] = total
    if logged.others:
        remember_list(attributes, list(range(total - len(logged.wins) + 1, total + 1)))
    else:  # the talk moved on from any list read before: "the last one" is this one now
        attributes.pop(LISTED, None)
        attributes.pop(EARLIER, None)
        attributes.pop(LISTED_COUNT, None)


def _kept(chosen: Chosen) -> dict[str, Any]:
    kept: dict[str, Any] = {
        "number": chosen.number,
        "at": chosen.created_at.isoformat(),
        "count": chosen.total,
        "text": chosen.text,
        "kind": chosen.kind,
    }
    if chosen.told_at is not None:  # filed on a day its words named: when it was told
        kept["told"] = chosen.told_at.isoformat()
    return kept


def gone_from(value: object) -> dict[str, Any] | None:
    """What "undo" needs of a win about to be deleted, from ``_kept``'s record."""
    if not isinstance(value, dict) or not isinstance(value.get("text"), str):
        return None
    if not value["text"]:
        return None
    gone = {"text": value["text"], "kind": value.get("kind"), "at": value.get("at")}
    if value.get("told"):
        gone["told"] = value["told"]
    return gone


def named_before(attributes: dict[str, Any]) -> list[int]:
    """The wins a deletion or correction question has named in this conversation."""
    value = attributes.get(NAMED)
    return [n for n in value if isinstance(n, int)] if isinstance(value, list) else []


def note_named(attributes: dict[str, Any], number: int) -> None:
    named = named_before(attributes)
    if number not in named:
        attributes[NAMED] = [*named, number][-10:]


def _chosen_from(value: object) -> tuple[int, datetime, int] | None:
    """The win a "Delete ...?" question named, as ``_kept`` wrote it; None otherwise."""
    if not isinstance(value, dict):
        return None
    try:
        number, at, count = value["number"], datetime.fromisoformat(value["at"]), value["count"]
    except (KeyError, TypeError, ValueError):
        return None
    if not isinstance(number, int) or not isinstance(count, int) or at.tzinfo is None:
        return None
    return number, at, count


def _after_deleting(attributes: dict[str, Any], number: int, count: int) -> None:
    """The list read out and "that", once win ``number`` of ``count`` is gone and the last
    took its number: its place in the list is empty, and the last win, if kept, is found
    under its new number."""
    if attributes.get(THAT) == number:
        attributes.pop(THAT, None)
    elif attributes.get(THAT) == count:
        attributes[THAT] = number
    for key, kept in ((LISTED, listed(attributes)), (EARLIER, earlier(attributes))):
        if kept is not None:
            attributes[key] = [
                None if entry == number else number if entry == count else entry for entry in kept
            ]


class Forgets:
    """Finds the win meant, asks before deleting it, and corrects it."""

    def __init__(self, forgetting: Forgetting, apis: AlexaApis, rng: Random) -> None:
        self._forgetting = forgetting
        self._apis = apis
        self._rng = rng

    def said(self, handler_input: HandlerInput, reply: render.Reply) -> Response:
        """A statement; in a conversation, "Anything else?" after it, so "change that" or
        "delete the third one" can follow (never for someone who asked for brief replies)."""
        if follows_up(handler_input):
            question = render.ask(catalog(handler_input), self._rng, *_GO_ON)
            reply = reply._replace(
                speech=f"{reply.speech} {question.speech}",
                reprompt=question.reprompt,
                asked=question.asked,
            )
        return respond(handler_input, reply)

    def by_words(self, handler_input: HandlerInput, about: str) -> Response:
        pages, count = whole_list(session_attributes(handler_input))
        outcome = self._forgetting.about(person_key(handler_input), pages, about, count_then=count)
        return self._found(handler_input, outcome)

    def on_day(self, handler_input: HandlerInput, value: str | None) -> Response:
        """ "Delete the win from Tuesday": that day's win, asked about first."""
        outcome = self._forgetting.on_day(
            person_key(handler_input), value, zone_lookup(handler_input, self._apis)
        )
        return self._found(handler_input, outcome)

    def by_places(self, handler_input: HandlerInput, positions: list[int]) -> Response:
        """ "Delete the second one and the third one": one at a time, each asked about."""
        session_attributes(handler_input)[FORGET_NEXT] = positions[1:]
        return self.by_place(handler_input, positions[0], keep_next=True)

    def by_place(
        self,
        handler_input: HandlerInput,
        position: int,
        *,
        keep_next: bool = False,
        before: str = "",
    ) -> Response:
        attributes = session_attributes(handler_input)
        pending = _pending_words(attributes, asked(handler_input))
        if pending:  # "the first one" to "Which one shall I change?" or "Change it to ...?"
            attributes.pop(FORGET_NEXT, None)
            return self.correct(handler_input, pending, position)
        if not keep_next:
            attributes.pop(FORGET_NEXT, None)
        outcome = self._forgetting.at(
            person_key(handler_input),
            whole_list(attributes)[0],  # "the sixth one" after "the rest": the whole list read
            position,
            zone_lookup(handler_input, self._apis),
        )
        if isinstance(outcome, Chosen) and outcome.listed:  # the list read before, found again
            remember_list(attributes, list(outcome.listed))
        return self._found(handler_input, outcome, before=before)

    def _found(
        self,
        handler_input: HandlerInput,
        outcome: Chosen | Several | NoMatch | NoList | NotInList | NoWinsToFind,
        *,
        again: bool = False,
        before: str = "",
    ) -> Response:
        words = catalog(handler_input)
        attributes = session_attributes(handler_input)
        attributes.pop(FORGET, None)
        attributes.pop(CORRECT_WHICH, None)
        if isinstance(outcome, Chosen):
            attributes[FORGET] = _kept(outcome)
            attributes[THAT] = outcome.number  # "no ... change that to ...": this one
            if not again:
                attributes[NAMED] = []
            note_named(attributes, outcome.number)
            said = render.win_phrase(words, outcome.win)
            reply = render.ask(
                words, self._rng, "forget.confirm", "forget.confirm_reprompt", win=said
            )
            if before:  # "Done. That win is deleted." and the next of several asked about
                reply = reply._replace(speech=f"{before} {reply.speech}")
            return respond(handler_input, reply)
        if isinstance(outcome, Several):
            remember_list(attributes, [chosen.number for chosen in outcome.wins])
            named = _named(words, [render.win_phrase(words, c.win) for c in outcome.wins])
            reply = render.ask(
                words, self._rng, "forget.which", "forget.which_reprompt", wins=named
            )
            return respond(handler_input, reply)
        if isinstance(outcome, NoWinsToFind):
            return self.said(handler_input, render.say(words, self._rng, "delete.nothing"))
        if isinstance(outcome, NoList):
            return self.said(handler_input, render.say(words, self._rng, "forget.no_list"))
        if isinstance(outcome, NotInList):
            return self.said(handler_input, self._not_in_list(words, outcome))
        return self.said(handler_input, render.say(words, self._rng, "forget.no_match"))

    def _not_in_list(self, words: Catalog, outcome: NotInList) -> render.Reply:
        """ "The list I read had 4 wins", or, when the place named was deleted since, that
        it was: nothing else is touched."""
        if outcome.gone:
            place = words.variants("ordinals")[outcome.gone]
            return render.say(words, self._rng, "forget.place_gone", place=place)
        key = "forget.not_in_list_one" if outcome.size == 1 else "forget.not_in_list"
        return render.say(words, self._rng, key, size=outcome.size)

    def answer(self, handler_input: HandlerInput, *, agreed: bool = False) -> Response:
        """Yes deletes the win named; anything else keeps it. ``agreed``: a yes said in other
        words ("the second one too": this one, and then that one)."""
        words = catalog(handler_input)
        attributes = session_attributes(handler_input)
        if asked(handler_input) is Asked.CORRECT:
            return self._correct_answer(handler_input)
        record = attributes.pop(FORGET, None)
        kept = _chosen_from(record)
        changing = attributes.pop(CORRECT_WHICH, None)
        if not agreed and answer(handler_input) is not Answer.YES:
            key = "correct.kept" if changing else "forget.kept"
            return self.said(handler_input, render.say(words, self._rng, key))
        if asked(handler_input) is Asked.FORGET_WHICH:  # a yes to "Which one?": which, again
            key = "correct.which_again" if changing else "forget.which_again"
            if changing:
                attributes[CORRECT_WHICH] = changing
            again = render.ask(words, self._rng, key, "forget.which_reprompt")
            return respond(handler_input, again)
        if kept is None:
            return self.said(handler_input, render.say(words, self._rng, "delete.last_changed"))
        number, at, count = kept
        if not self._forgetting.forget(person_key(handler_input), number, at, count):
            return self.said(handler_input, render.say(words, self._rng, "delete.last_changed"))
        _after_deleting(attributes, number, count)
        remember_gone(handler_input, gone_from(record))
        done = render.say(words, self._rng, "forget.done")
        waiting = attributes.pop(FORGET_NEXT, None)
        if isinstance(waiting, list) and waiting and isinstance(waiting[0], int):
            attributes[FORGET_NEXT] = waiting[1:]
            return self.by_place(handler_input, waiting[0], keep_next=True, before=done.speech)
        return self.said(handler_input, done)

    def other(self, handler_input: HandlerInput, passed: list[int], *, fresh: bool) -> Response:
        """ "No, the other one" to "Delete ...?": the most recent win not yet named.
        ``fresh``: the question was not one "the other one" led to (``passed`` alone named)."""
        attributes = session_attributes(handler_input)
        if fresh:
            attributes[NAMED] = []
        for number in passed:
            note_named(attributes, number)
        found = self._forgetting.other(person_key(handler_input), named_before(attributes))
        if not isinstance(found, Chosen):
            attributes.pop(FORGET, None)
            reply = render.say(catalog(handler_input), self._rng, "forget.no_other")
            return self.said(handler_input, reply)
        return self._found(handler_input, found, again=True)

    def other_correction(self, handler_input: HandlerInput) -> Response:
        """ "No, the other one" to "Change ... to ...?": the same new words, for the most
        recent win not yet named."""
        words = catalog(handler_input)
        attributes = session_attributes(handler_input)
        pending = attributes.pop(CORRECTING, None)
        text = pending.get("text") if isinstance(pending, dict) else None
        number = pending.get("number") if isinstance(pending, dict) else None
        if not isinstance(text, str) or not text:
            return self.said(handler_input, render.say(words, self._rng, "correct.kept"))
        if isinstance(number, int):
            note_named(attributes, number)
        found = self._forgetting.other(person_key(handler_input), named_before(attributes))
        if not isinstance(found, Chosen):
            return self.said(handler_input, render.say(words, self._rng, "correct.no_other"))
        return self._confirm_correction(handler_input, found, text, again=True)

    def _not_found(
        self, handler_input: HandlerInput, outcome: Several | NoMatch | NoWinsToFind
    ) -> Response:
        """A correction by words that found several wins (which one, naming them: the one
        picked gets the new words), or none."""
        words = catalog(handler_input)
        if isinstance(outcome, Several):
            text = outcome.text
            attributes = session_attributes(handler_input)
            remember_list(attributes, [c.number for c in outcome.wins])
            named = _named(words, [render.win_phrase(words, c.win) for c in outcome.wins])
            if not text:
                reply = render.say(words, self._rng, "correct.which", wins=named)
                return self.said(handler_input, reply)
            attributes[CORRECT_WHICH] = text
            asking = render.ask(
                words, self._rng, "correct.which_ask", "forget.which_reprompt", wins=named
            )
            return respond(handler_input, asking)
        key = "correct.no_match" if isinstance(outcome, NoMatch) else "correct.nothing"
        return self.said(handler_input, render.say(words, self._rng, key))

    def _confirm_correction(
        self, handler_input: HandlerInput, old: Chosen, text: str, *, again: bool = False
    ) -> Response:
        """ "This win: you walked the cat. Change it to: you walked the dog?" ``again``:
        after "no, the other one" (the wins named before stay passed by)."""
        words = catalog(handler_input)
        attributes = session_attributes(handler_input)
        kept = _kept(old)
        attributes[CORRECTING] = kept | {"text": text, "old": kept["text"]}
        if not again:
            attributes[NAMED] = []
        note_named(attributes, old.number)
        reply = render.ask(
            words,
            self._rng,
            "correct.confirm",
            "correct.confirm_reprompt",
            old=render.win_phrase(words, old.win),
            new=render.win_phrase(words, win_from_words(text)),
        )
        return respond(handler_input, reply)

    def _correct_answer(self, handler_input: HandlerInput) -> Response:
        """Yes to "Change ... to ...?" changes exactly that win; anything else keeps it."""
        words = catalog(handler_input)
        pending = session_attributes(handler_input).pop(CORRECTING, None)
        found = _chosen_from(pending)
        if answer(handler_input) is not Answer.YES:
            return self.said(handler_input, render.say(words, self._rng, "correct.kept"))
        text = pending.get("text") if isinstance(pending, dict) else None
        if found is None or not isinstance(text, str) or not text:
            return self.said(handler_input, render.say(words, self._rng, "correct.nothing"))
        number, at, _ = found
        old = _old_win(pending)
        was = pending.get("old") if isinstance(pending, dict) else None
        outcome = self._forgetting.apply(
            person_key(handler_input), number, at, text, old, was if isinstance(was, str) else None
        )
        if not isinstance(outcome, Corrected):
            return self.said(handler_input, render.say(words, self._rng, "delete.last_changed"))
        session_attributes(handler_input)[THAT] = number
        remember_fixed(session_attributes(handler_input), number, outcome.created_at, outcome.was)
        return self.said(handler_input, _fixed(words, outcome))

    def correct(
        self,
        handler_input: HandlerInput,
        said: str | None,
        position: int | None,
        about: str | None = None,
    ) -> Response:
        """The words of the win ``about`` names, else at ``position`` of the list read out,
        else of the last win logged or named in this conversation, become ``said``; the
        last win otherwise, or a win found by its words, is named first and asked about."""
        words = catalog(handler_input)
        attributes = session_attributes(handler_input)
        logged = attributes.get(THAT)
        pages, count = whole_list(attributes) if about is not None else (None, None)
        outcome = self._forgetting.correct(
            person_key(handler_input),
            said,
            number=logged if isinstance(logged, int) else None,
            listed=pages if about is not None else whole_list(attributes)[0],
            position=position,
            about=about,
            count_then=count,
        )
        if isinstance(outcome, ToConfirm):
            return self._confirm_correction(handler_input, outcome.old, outcome.text)
        if isinstance(outcome, Several | NoMatch | NoWinsToFind):
            return self._not_found(handler_input, outcome)
        if isinstance(outcome, Corrected):
            remember_fixed(attributes, outcome.number, outcome.created_at, outcome.was)
            return self.said(handler_input, _fixed(words, outcome))
        if isinstance(outcome, Crisis):  # nothing changed: the old words stay
            return respond(handler_input, render.crisis(words))
        if isinstance(outcome, NotAWin):
            refused = render.not_a_win(
                words, self._rng, outcome._replace(offer=None), in_session=False
            )
            unchanged = words.pick("correct.unchanged", self._rng)
            return self.said(
                handler_input, refused._replace(speech=f"{refused.speech} {unchanged}")
            )
        if isinstance(outcome, NoList):
            return self.said(handler_input, render.say(words, self._rng, "forget.no_list"))
        if isinstance(outcome, NotInList):
            return self.said(handler_input, self._not_in_list(words, outcome))
        if isinstance(outcome, CheckIn):
            return respond(handler_input, render.check_in(words))
        if isinstance(outcome, NothingToCorrect):
            return self.said(handler_input, render.say(words, self._rng, "correct.nothing"))
        # A shrug or words that say no deed: ask for the new words again, plainly.
        return self.said(handler_input, render.say(words, self._rng, "correct.how"))


def _pending_words(attributes: dict[str, Any], question: Asked | None) -> str:
    """The new words a correction question holds open, taken: those of "Which one shall I
    change?", or of "Change it to ...?" (a place said to it picks another win for them)."""
    which = attributes.pop(CORRECT_WHICH, None)
    if question is Asked.FORGET_WHICH:
        return which if isinstance(which, str) else ""
    if question is Asked.CORRECT:
        pending = attributes.pop(CORRECTING, None)
        text = pending.get("text") if isinstance(pending, dict) else None
        return text if isinstance(text, str) else ""
    return ""


def _old_win(pending: object) -> Win | None:
    """The words a confirmed correction replaces, as the question named them."""
    if not isinstance(pending, dict) or not isinstance(pending.get("old"), str):
        return None
    try:
        kind = WinKind(pending.get("kind") or WinKind.SAID.value)
    except ValueError:
        return None
    return win_from_words(pending["old"], kind) if pending["old"] else None


def _fixed(words: Catalog, corrected: Corrected) -> render.Reply:
    """ "Fixed: you walked the dog. Before, it said: you walked the cat." (the old words only
    when they may be read back: found among the wins that may, or screened again)."""
    said_back = render.win_phrase(words, corrected.win)
    if corrected.old is None or corrected.old.said == corrected.win.said:
        return render.text(words, "correct.done", win=said_back)
    old = render.win_phrase(words, corrected.old)
    return render.text(words, "correct.done_was", win=said_back, old=old)


def _named(words: Catalog, phrases: list[str]) -> str:
    """ "the first, you cleaned the oven, or the second, you fixed the oven door"."""
    ordinals = words.variants("ordinals")  # "zeroth" first
    parts = [
        words.text("forget.named", place=ordinals[place], win=phrase)
        for place, phrase in enumerate(phrases, start=1)
    ]
    if len(parts) == 1:
        return parts[0]
    return words.text("forget.or", head=", ".join(parts[:-1]), last=parts[-1])
