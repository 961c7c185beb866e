"""From typed words to what Alexa would send: a launch, an intent with slots, or an exit.

Alexa matches an utterance against the skill's sample utterances; when several match, the more
specific one wins. The console ranks matches the same way: more literal (non-slot) words first,
so "I need a win" (a HearWinIntent sample) beats "I {win}", then more words matched by a custom
slot's values, then fewer custom slots filled with words that are not among their values.
Anything that matches nothing becomes AMAZON.FallbackIntent, as on an Echo. Built-in slot
types that Alexa normalises (AMAZON.TIME, AMAZON.DATE) only match words it would understand, and
carry the normalised value ("seven thirty" is sent as ``07:30``; "yesterday" as the day before
the device's today, which ``today`` gives).

Hesitation sounds ("um", "uh", "er") are dropped before matching, as speech recognition drops
them before a skill hears the words; nothing else is (``HESITATIONS``). A leading "so" or "oh"
is a word Alexa keeps, so samples such as "so I {win}" name it, and the console is no more
forgiving than an Echo: "wait", "actually", "hang on", "oh" and "so" before a request, "then"
after it, "like" before a time and "me" for "my" are heard where the model's samples say them.

A built-in intent hears Amazon's phrases (``BUILT_IN_PHRASES``) and the model's own samples
for it, exactly: "You do not need to provide any sample utterances for these intents,
although you can if you want to extend the intent" (Standard Built-in Intents,
https://developer.amazon.com/en-GB/docs/alexa/custom-skills/standard-built-in-intents.html),
and "in order for a built-in intent to be triggered, it must include an exactly matching
sample utterance" (Tips for Using Built-in Intents, https://developer.amazon.com/docs/alexa/
interaction-model-design/tips-for-using-built-in-intents-for-your-skill.html). So "go on so"
is a yes because the model lists it under AMAZON.YesIntent.

On the turn after the skill elicits a slot (``dialog``), that slot's samples join the others,
ranked the same way and winning ties, so a bare "the dishes" answers "What did you do?".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Final, Literal

from skill.console.hearing.dialog import DialogState, Elicitation
from skill.console.hearing.model import EntityValue, IntentSpec, InteractionModel
from skill.console.hearing.phrases import (
    BUILT_IN_PHRASES,
    CONNECTORS,
    EXIT_PHRASES,
    FALLBACK_INTENT,
    LAUNCH_VERBS,
    NUMBER_WORDS,
    WAKE_WORD,
)
from skill.console.hearing.spoken_date import spoken_date
from skill.console.hearing.spoken_time import spoken_time
from skill.console.hearing.words import Word, keys, words

_SAMPLE_PART: Final = re.compile(r"\{(\w+)\}|[^{}]+")


# Built-in slot types whose words Alexa turns into a value; None means "not this type".
def spoken_number(text: str) -> str:
    """An AMAZON.NUMBER value as Alexa gives it: digits ("three" -> "3", "twenty one" ->
    "21"), or "?" for words that name no number."""
    said = text.strip().lower().replace("-", " ").split()
    if len(said) == 1 and said[0].isdigit():
        return str(int(said[0]))
    if said and all(word in NUMBER_WORDS for word in said):
        return str(sum(NUMBER_WORDS[word] for word in said))
    return "?"


NORMALISED_SLOTS: Final[Mapping[str, Callable[[str], str | None]]] = {
    "AMAZON.TIME": spoken_time,
    "AMAZON.NUMBER": spoken_number,
}
Score = tuple[int, int, int, int]
# Filled pauses the recogniser leaves out of a transcript: only these three, never a real word.
HESITATIONS: Final = frozenset({"um", "uh", "er"})


@dataclass(frozen=True)
class SlotFill:
    """One declared slot of a resolved intent; ``value`` is None when nothing filled it.

    ``custom`` marks a custom slot type, which carries entity resolution; ``entity`` is the
    matched value, None when the words are not among the type's values and synonyms.
    """

    name: str
    type_name: str
    value: str | None = None
    custom: bool = False
    entity: EntityValue | None = None


@dataclass(frozen=True)
class IntentMatch:
    """An intent and every slot it declares, filled or not."""

    name: str
    slots: tuple[SlotFill, ...] = ()

    def slot(self, name: str) -> SlotFill:
        """The slot called ``name`` (KeyError if the intent does not declare it)."""
        for fill in self.slots:
            if fill.name == name:
                return fill
        raise KeyError(name)


@dataclass(frozen=True)
class Heard:
    """What one utterance amounts to.

    ``invoked`` says the skill was named ("tell small wins ..."), which starts a new session.
    ``kind`` is "launch" (the name alone), "intent" (``intent`` is set) or "exit" (the person
    asked Alexa to close the session). ``dialog_state`` is what the IntentRequest says of its
    dialog: IN_PROGRESS when it answers an elicitation, STARTED when the intent has a dialog
    model, else None.
    """

    invoked: bool
    kind: Literal["launch", "intent", "exit"]
    intent: IntentMatch | None = None
    dialog_state: DialogState | None = None


@dataclass(frozen=True)
class _Part:
    literal: str | None = None
    slot: str | None = None


@dataclass(frozen=True)
class _Sample:
    intent: IntentSpec
    parts: tuple[_Part, ...]
    elicited: bool = False  # a slot's sample, heard only when that slot was asked for


@dataclass(frozen=True)
class _Capture:
    slot: str
    start: int
    end: int
    entity: EntityValue | None


def _by_first_word(samples: Sequence[_Sample]) -> dict[str | None, tuple[int, ...]]:
    """Where each sample is, by the word it starts with (None: it starts with a slot)."""
    places: dict[str | None, list[int]] = {}
    for place, sample in enumerate(samples):
        first = sample.parts[0].literal if sample.parts else None
        places.setdefault(first, []).append(place)
    return {first: tuple(found) for first, found in places.items()}


class Resolver:
    """Resolves utterances against one interaction model (plus Alexa's built-in phrases)."""

    def __init__(
        self,
        model: InteractionModel,
        built_ins: Mapping[str, Sequence[str]] = BUILT_IN_PHRASES,
        today: Callable[[], date] | None = None,
    ) -> None:
        self._model = model
        said_on = today or _utc_today
        self._normalisers: Mapping[str, Callable[[str], str | None]] = {
            **NORMALISED_SLOTS,
            "AMAZON.DATE": lambda text: spoken_date(text, said_on()),
        }
        self._name = keys(model.invocation_name)
        self._entities = {
            type_name: {phrase: value for value in values for phrase in value.phrases}
            for type_name, values in model.types.items()
        }
        self._samples = tuple(self._compile(model, built_ins))
        self._starting = _by_first_word(self._samples)
        self._slot_samples = {
            (intent.name, slot): tuple(_parse(intent, phrase, elicited=True) for phrase in phrases)
            for intent in model.intents
            for slot, phrases in intent.slot_samples.items()
        }
        self._exits = frozenset(keys(phrase) for phrase in EXIT_PHRASES)

    @property
    def model(self) -> InteractionModel:
        """The interaction model this resolver hears with."""
        return self._model

    def resolve(self, utterance: str, elicitation: Elicitation | None = None) -> Heard:
        """What Alexa would make of ``utterance``: see ``Heard``.

        ``elicitation`` is the slot the skill just asked for, if any; naming the skill again
        leaves that dialog, so its samples count only for words said without the name.
        """
        heard = tuple(word for word in words(utterance) if word.key not in HESITATIONS)
        if heard and heard[0].key == WAKE_WORD:
            heard = heard[1:]
        if tuple(word.key for word in heard) in self._exits:
            return Heard(invoked=False, kind="exit")
        invoked, candidates = self._split_invocation(heard)
        if invoked and not all(candidates):
            return Heard(invoked=True, kind="launch")
        if invoked:
            elicitation = None
        extra = self._elicited_samples(elicitation)
        best: tuple[Score, IntentMatch] | None = None
        for candidate in candidates:
            found = self._best_match(candidate, extra)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        match = (
            best[1] if best else IntentMatch(FALLBACK_INTENT, self._empty_slots(FALLBACK_INTENT))
        )
        state = self._dialog_state(match.name, elicitation)
        return Heard(invoked=invoked, kind="intent", intent=match, dialog_state=state)

    def _elicited_samples(self, elicitation: Elicitation | None) -> tuple[_Sample, ...]:
        if elicitation is None:
            return ()
        return self._slot_samples.get((elicitation.intent, elicitation.slot), ())

    def _dialog_state(self, intent: str, elicitation: Elicitation | None) -> DialogState | None:
        if elicitation is not None and intent == elicitation.intent:
            return "IN_PROGRESS"
        return "STARTED" if intent in self._model.dialog else None

    def _split_invocation(self, heard: tuple[Word, ...]) -> tuple[bool, list[tuple[Word, ...]]]:
        """Strip "<verb> <invocation name>"; offer the rest with and without a connector."""
        spoken = tuple(word.key for word in heard)
        for verb in LAUNCH_VERBS:
            verb_keys = keys(verb)
            name_end = len(verb_keys) + len(self._name)
            if spoken[: len(verb_keys)] == verb_keys and spoken[len(verb_keys) : name_end] == (
                self._name
            ):
                rest = heard[name_end:]
                if rest and rest[0].key in CONNECTORS:
                    return True, [rest, rest[1:]]
                return True, [rest]
        return False, [heard]

    def _best_match(
        self, heard: tuple[Word, ...], elicited: tuple[_Sample, ...] = ()
    ) -> tuple[Score, IntentMatch] | None:
        """The most specific sample matching ``heard``; elicited, then earlier samples win ties."""
        best: tuple[Score, _Sample, tuple[_Capture, ...]] | None = None
        for sample in (*self._starting_with(heard), *elicited):
            for captures in self._matches(sample, heard):
                score = self._score(sample, captures)
                if best is None or score > best[0]:
                    best = (score, sample, captures)
        if best is None:
            return None
        score, sample, captures = best
        return score, self._intent_match(sample.intent, heard, captures)

    def _starting_with(self, heard: tuple[Word, ...]) -> list[_Sample]:
        """The samples that may cover ``heard``, in the model's order: those that start with
        its first word, and those that start with a slot."""
        first = heard[0].key if heard else None
        places = self._starting.get(first, ()) if first is not None else ()
        merged = sorted((*places, *self._starting.get(None, ())))
        return [self._samples[place] for place in merged]

    def _matches(self, sample: _Sample, heard: tuple[Word, ...]) -> Iterator[tuple[_Capture, ...]]:
        """Every way ``sample`` covers all of ``heard``; a slot takes one or more words."""

        def walk(
            index: int, start: int, taken: tuple[_Capture, ...]
        ) -> Iterator[tuple[_Capture, ...]]:
            if index == len(sample.parts):
                if start == len(heard):
                    yield taken
                return
            part = sample.parts[index]
            if part.slot is None:
                if start < len(heard) and heard[start].key == part.literal:
                    yield from walk(index + 1, start + 1, taken)
                return
            room = len(heard) - (len(sample.parts) - index - 1)
            normalise = self._normalisers.get(sample.intent.slots[part.slot])
            for end in range(start + 1, room + 1):
                if normalise is not None and normalise(_text(heard[start:end])) is None:
                    continue
                entity = self._entity(sample.intent, part.slot, heard[start:end])
                yield from walk(index + 1, end, (*taken, _Capture(part.slot, start, end, entity)))

        return walk(0, 0, ())

    def _entity(self, intent: IntentSpec, slot: str, span: tuple[Word, ...]) -> EntityValue | None:
        values = self._entities.get(intent.slots[slot], {})
        return values.get(tuple(word.key for word in span))

    def _score(self, sample: _Sample, captures: tuple[_Capture, ...]) -> Score:
        literal = sum(1 for part in sample.parts if part.slot is None)
        resolved = sum(c.end - c.start for c in captures if c.entity is not None)
        unresolved = sum(
            1
            for c in captures
            if c.entity is None and sample.intent.slots[c.slot] in self._model.types
        )
        return literal, resolved, -unresolved, int(sample.elicited)

    def _intent_match(
        self, intent: IntentSpec, heard: tuple[Word, ...], captures: tuple[_Capture, ...]
    ) -> IntentMatch:
        by_slot = {capture.slot: capture for capture in captures}
        fills = []
        for name, type_name in intent.slots.items():
            capture = by_slot.get(name)
            value = None
            if capture is not None:
                value = _text(heard[capture.start : capture.end])
                normalise = self._normalisers.get(type_name)
                value = normalise(value) if normalise is not None else value
            fills.append(
                SlotFill(
                    name=name,
                    type_name=type_name,
                    value=value,
                    custom=type_name in self._model.types,
                    entity=capture.entity if capture else None,
                )
            )
        return IntentMatch(intent.name, tuple(fills))

    def _empty_slots(self, intent_name: str) -> tuple[SlotFill, ...]:
        try:
            spec = self._model.intent(intent_name)
        except KeyError:
            return ()
        return self._intent_match(spec, (), ()).slots

    @staticmethod
    def _compile(
        model: InteractionModel, built_ins: Mapping[str, Sequence[str]]
    ) -> Iterator[_Sample]:
        """Samples as parts, in model order; built-in phrases only for intents the model has."""
        for intent in model.intents:
            phrases = (*intent.samples, *built_ins.get(intent.name, ()))
            for phrase in phrases:
                yield _parse(intent, phrase)


def _parse(intent: IntentSpec, phrase: str, *, elicited: bool = False) -> _Sample:
    """A sample as literal words and slots ("I did {win}": "i", "did", then the win)."""
    parts: list[_Part] = []
    for found in _SAMPLE_PART.finditer(phrase):
        slot = found.group(1)
        if slot is not None and slot in intent.slots:
            parts.append(_Part(slot=slot))
        else:
            parts.extend(_Part(literal=key) for key in keys(found.group(0)))
    return _Sample(intent, tuple(parts), elicited)


def _utc_today() -> date:
    """Today in UTC: the calendar of a console without a device clock (a test of routing)."""
    return datetime.now(UTC).date()


def _text(span: tuple[Word, ...]) -> str:
    return " ".join(word.text for word in span)
