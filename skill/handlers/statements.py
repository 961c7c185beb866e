"""Statements that are not wins by their shape: "I feel ...", "I'm ...", "nobody ...", "life ...".

Fallback carries no words, so whatever falls there cannot be screened. These intents give the
ways people talk about how things are a way in, each with the carrier phrase it stands for, so
the screen judges the whole statement ("nobody" + "would miss me"). A crisis is met with care,
a painful statement kindly, and a win ("I'm two weeks clean") is celebrated like any other.

Also here: the answers to the two questions those replies ask.
"""

from __future__ import annotations

from random import Random
from typing import Final

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.domain.screen import Frame
from skill.handlers.answers import closing
from skill.handlers.common import (
    ANSWER_INTENTS,
    CHECKED,
    OFFER,
    Answer,
    answer,
    asked,
    catalog,
    follows_up,
    free_words,
    intent_name,
    respond,
    session_attributes,
    slot_text,
)
from skill.handlers.wins import HearsWins, LogsWins, feeling_then_hear
from skill.services.wins import Statement
from skill.speech import render
from skill.speech.questions import Asked


class Carrier:
    """What an intent's samples say before the slot, and what kind of statement they make."""

    __slots__ = ("slot", "words", "frame")

    def __init__(self, slot: str, words: str, frame: Frame) -> None:
        self.slot = slot
        self.words = words
        self.frame = frame


# One entry per free-text statement intent in the interaction model (tested against it).
CARRIERS: Final[dict[str, Carrier]] = {
    "HaveDoneIntent": Carrier("done", "i have", Frame.DONE),  # "I've {done}"
    "StateIntent": Carrier("state", "i am", Frame.STATE),  # "I'm {state}"
    "FeelingIntent": Carrier("feeling", "i feel", Frame.FEEL),  # "I feel {feeling}"
    "WishIntent": Carrier("wish", "i wish", Frame.OTHER),  # "I wish {wish}"
    "CannotIntent": Carrier("cannot", "i cannot", Frame.OTHER),  # "I can't {cannot}"
    "NobodyIntent": Carrier("rest", "nobody", Frame.OTHER),  # "nobody {rest}"
    "EveryoneIntent": Carrier("rest", "everyone", Frame.OTHER),  # "everyone {rest}"
    "NoPointIntent": Carrier("rest", "what is the point", Frame.OTHER),  # "what's the point"
    "LifeIntent": Carrier("rest", "life", Frame.OTHER),  # "life {rest}"
    "ThereIsNoIntent": Carrier("rest", "there is no", Frame.OTHER),  # "there's no {rest}"
    "FeelLikeIntent": Carrier("feeling", "i feel like", Frame.FEEL),  # "I feel like {feeling}"
    "NothingIntent": Carrier("rest", "there is nothing", Frame.OTHER),  # "there's nothing ..."
    "ThereIsIntent": Carrier("rest", "there is", Frame.OTHER),  # "there's {rest}"
    # Lead-ins that say nothing by themselves ("honestly", "maybe", "it would be"): the words
    # are judged alone, and never stored.
    "SayingIntent": Carrier("saying", "", Frame.OTHER),
    "WantIntent": Carrier("want", "i want", Frame.OTHER),  # "I just want {want}"
    "WouldIntent": Carrier("would", "i would", Frame.OTHER),  # "I'd {would}"
    "ThinkingIntent": Carrier("thought", "i keep thinking about", Frame.OTHER),
    "SelfHarmIntent": Carrier("rest", "self harm", Frame.OTHER),  # "self harm {rest}"
    "SuicideIntent": Carrier("rest", "suicide", Frame.OTHER),  # "suicide {rest}"
    "MeAndIntent": Carrier("together", "me and", Frame.DONE),  # "me and {together}"
    "WeIntent": Carrier("we", "we", Frame.DONE),  # "we {we}"
    "MyIntent": Carrier("mine", "my", Frame.SHARED),  # "my {mine}": "my mom and I went out"
}


def statement_of(carrier: Carrier, words: str) -> Statement:
    """What a statement intent's words are: "my {mine}" that tells a deed of the person's own
    ("my phone died but I still finished the essay"), a thing now done ("my room is finally
    clean") or a thing of theirs that went well ("my cake was a knockout") is heard as a deed
    is; anything else as its carrier says."""
    frame = carrier.frame
    if carrier.slot == "saying" and words:
        deed = _past_the_critic(words)
        if deed is not None:
            return Statement(deed, "i", Frame.DONE)
    if frame is Frame.SHARED and words:
        from skill.domain.deeds import own_deed  # on first use: the reader compiles patterns
        from skill.domain.results import went_well
        from skill.domain.screen import canonical

        said = f"{carrier.words} {words}"
        if own_deed(said) or went_well(canonical(said)):
            frame = Frame.DONE
    return Statement(words, carrier.words, frame)


def _past_the_critic(words: str) -> str | None:
    """The deed after a lead-in that makes it small ("it's just a bird box, but I made it from
    scratch", "I know it's nothing but updated my profile"), as "I" would say it; None when the
    words are not a small thing said down and then a deed of the person's own."""
    import re

    from skill.domain.deeds import own_deed  # on first use: the reader compiles patterns
    from skill.domain.patterns import compiled

    found = compiled(_SAID_DOWN).match(words.lower().replace("\u2019", "'"))
    if found is None:
        return None
    deed = re.sub(r"^(?:i |i've |i have )", "", found.group("deed").strip())
    thing = found.group("thing").strip()
    if thing and thing.split()[0] in _NAMING:  # "just a bird box but i made it": made a bird box
        deed = re.sub(r"\bit\b", thing, deed, count=1)
    return deed if deed and own_deed(f"i {deed}") else None


# A small thing said down before "but": "just a jigsaw but", "its nothing but", "silly but".
_SAID_DOWN: Final = (
    r"(?:(?:i know |i guess |i mean )?(?:it's |its |it is |this is |that's |thats )?)"
    r"(?:just|only|nothing|not much|silly|dumb|stupid|small|tiny|a small thing|no big deal"
    r"|probably nothing|probably silly|probably dumb)\b(?P<thing>[^,]*?),? but (?P<deed>.+)$"
)
# Words that start the name of the small thing ("a bird box", "my first scarf").
_NAMING: Final = frozenset({"a", "an", "the", "my", "one", "some"})


class StatementIntentHandler(AbstractRequestHandler):
    """Any statement intent above: screened whole, then answered for what it is."""

    def __init__(self, logs: LogsWins, hears: HearsWins) -> None:
        self._logs = logs
        self._hears = hears

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in CARRIERS

    def handle(self, handler_input: HandlerInput) -> Response:
        carrier = CARRIERS[intent_name(handler_input) or ""]
        words = slot_text(handler_input, carrier.slot) or ""
        heard = feeling_then_hear(f"{carrier.words} {words}", self._hears, handler_input)
        if heard is not None:
            return heard
        return self._logs.said(handler_input, statement_of(carrier, words))


class CrisisWordsIntentHandler(AbstractRequestHandler):
    """The words of crisis said alone ("kms", "suicidal", "self harm"): no carrier can hold
    them, so the model names them, and the answer is care and the crisis line."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("CrisisWordsIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        session_attributes(handler_input).pop(OFFER, None)
        return respond(handler_input, render.crisis(catalog(handler_input)))


class NeedHelpIntentHandler(AbstractRequestHandler):
    """ "I need help": never a win. It may mean the skill or a hard moment, so the answer
    offers both: the crisis line, and how to hear what Small Wins can do."""

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("NeedHelpIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        return respond(handler_input, render.need_help(words, self._rng))


class OfferAnswerHandler(AbstractRequestHandler):
    """Yes or no to "Want me to log that as a win?": stored only on a yes."""

    def __init__(self, logs: LogsWins, rng: Random) -> None:
        self._logs = logs
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if answer(handler_input) is None:  # first: an event out of session has no attributes
            return False
        return asked(handler_input) is Asked.OFFER

    def handle(self, handler_input: HandlerInput) -> Response:
        attributes = session_attributes(handler_input)
        offer = attributes.pop(OFFER, None)
        checked = bool(attributes.pop(CHECKED, False))
        said = answer(handler_input)
        if said is Answer.YES and isinstance(offer, str) and offer:
            return self._logs.said(handler_input, Statement(offer, checked=checked, confirmed=True))
        if said in (Answer.DONE, Answer.FINISHED):  # "bye": nothing logged, nothing more asked
            return closing(handler_input, self._rng)
        reply = render.offer_declined(
            catalog(handler_input), self._rng, in_session=follows_up(handler_input)
        )
        return respond(handler_input, reply)


class CrisisFollowUpHandler(AbstractRequestHandler):
    """After the crisis answer: a yes, a no or words not understood get the line again, and
    stop, cancel, "that's all" or a goodbye in words of its own ("nah that's it", "that will
    do, thanks") a kind goodbye that leaves the number once. Anything else is heard as usual."""

    _AGAIN: Final = (
        *ANSWER_INTENTS,
        "AMAZON.FallbackIntent",
        "AMAZON.HelpIntent",
        "WhatCanYouDoIntent",
        "WhatIsItIntent",
        "NeedHelpIntent",
    )
    _GOODBYE: Final = ("AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent")

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    _DONE: Final = ("DoneIntent", "FinishedIntent")  # "that's all", "I'm done"

    def can_handle(self, handler_input: HandlerInput) -> bool:
        name = intent_name(handler_input)
        if name is None or asked(handler_input) is not Asked.CRISIS:
            return False  # first: an event out of session has no attributes to look at
        return name in (*self._AGAIN, *self._GOODBYE) or _says_goodbye(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        name = intent_name(handler_input)
        if name in (*self._GOODBYE, *self._DONE) or _says_goodbye(handler_input):
            return respond(handler_input, render.crisis_goodbye(words))
        return respond(handler_input, render.crisis_again(words, self._rng))


def _says_goodbye(handler_input: HandlerInput) -> bool:
    """Words that only close the conversation ("nah that's it", "thank you, that is enough",
    "periodt bye"), whatever intent brought them."""
    said = free_words(handler_input)
    if not said:
        return False
    from skill.domain.closings import polite_close  # on first use: it compiles patterns
    from skill.domain.plain_answers import Plain, plain_answer
    from skill.domain.screen import canonical

    return polite_close(canonical(said)) == "goodbye" or plain_answer(said) is Plain.DONE
