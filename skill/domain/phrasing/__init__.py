"""Turning a person's own words into what the skill says back to them.

"I cleared my desk" is said back as "You cleared your desk". When the inner critic speaks
("I only did the dishes"), the minimiser is dropped, never echoed back. Long wins are said
back as a short phrase and several wins as a list; the stored text never changes.
"""

from enum import StrEnum
from typing import NamedTuple

from skill.domain.phrasing.critic import drop_minimisers, read_critic
from skill.domain.phrasing.echo import MAX_ECHO_WORDS, echo
from skill.domain.phrasing.person import second_person
from skill.domain.phrasing.text import normalise

__all__ = [
    "MAX_ECHO_WORDS",
    "Win",
    "WinKind",
    "drop_minimisers",
    "intention",
    "normalise",
    "plan_words",
    "read_critic",
    "second_person",
    "win_from_words",
]


class WinKind(StrEnum):
    """Where a win came from; goals and one things are said back in their own words."""

    SAID = "said"  # "I did the laundry"
    GOAL = "goal"  # a one-minute goal done: "clear my desk"
    ONE_THING = "one_thing"  # the day's one thing done: "call the bank"


class Win(NamedTuple):
    """A win as the skill will say it back: second person, minimisers gone, short."""

    said: str  # e.g. "you did the laundry" (lower-case start: a sentence may come before it)
    minimised: bool  # the person played it down; the reply says it counts
    kind: WinKind = (
        WinKind.SAID
    )  # for goals and one things, ``said`` is the plan: "clear your desk"
    # False when the words tell of something not quite done ("I just about finished the
    # report"): they are said back as they were, and a caller should not cheer them as done.
    clean: bool = True

    @property
    def sentence(self) -> str:
        """The win as a sentence of its own: "You did the laundry"."""
        return self.said[:1].upper() + self.said[1:]


def win_from_words(text: str, kind: WinKind = WinKind.SAID) -> Win:
    """Everything the skill needs to say a win back, from the words the person used."""
    if kind is not WinKind.SAID:
        return Win(said=intention(text), minimised=False, kind=kind)
    critic = read_critic(text)
    return Win(said=echo(critic.text), minimised=critic.minimised, clean=critic.clean)


def intention(text: str) -> str:
    """A plan said back: "I'll clear my desk" -> "clear your desk"; "my one thing is X" -> X.

    Minimisers go here too: "just drink some water" is said back as "drink some water".
    """
    kept, _ = drop_minimisers(text)
    return second_person(plan_words(kept), add_subject=False)


def plan_words(text: str) -> str:
    """A plan without the words that only mark it as one: "to call the bank" -> "call the bank"."""
    words = text.split()
    if words and words[0].lower() in {"to", "i'll", "i", "will"}:
        words = words[1:]
    return " ".join(words)
