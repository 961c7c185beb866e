"""A benign composition explains only the use it picked, never the same words used again.

"Cut my hair" explains that cut, not the next one ("and then I cut myself"); each use of a
risky word needs an explanation of its own, so an everyday use said first cannot hide a
dangerous one said after it, in any family of risky words. Two everyday uses are each
explained ("killed it at work and killed it at the gym"). A small lexicon written here pins
the mechanism; the package's lexicon is held to it family by family, through the screen.
"""

from __future__ import annotations

import pytest

from skill.domain.lexicon import Outcome, read_lexicon
from skill.domain.recognise import recognise
from skill.domain.screen import Kind, canonical, screen
from tests.care.sheet import all_rules

_SMALL = read_lexicon("""
[words act.cut risk]
? Cutting.
cut

[words object.cut]
? Things cut every day.
my hair
the grass

[words body.self]
? One's own body.
myself
my arm

[words motion]
? Going somewhere for fun.
swam
jumped

[words place.water risk]
? Water.
dock
lake
river

[words joined]
? Joining two names of one place.
the
into the

[words turn said]
? Where a next thing said begins.
and then
later

[compose crisis.cut_self]
? Cutting oneself.
verdict: crisis
needs: act.cut ~3 body.self
+ i cut myself

[compose benign.cut_things]
? Cutting everyday things.
verdict: benign
needs: act.cut ~2 object.cut
+ i cut my hair

[compose benign.swim]
? A swim.
verdict: benign
needs: motion
needs: place.water
+ i swam in the lake
""")


def _heard(text: str) -> tuple[Outcome | None, str]:
    heard = recognise(text, _SMALL)
    return heard.outcome, heard.reason


def test_an_everyday_use_said_first_does_not_explain_a_harm_said_after_it() -> None:
    assert _heard("i cut my hair and i cut myself") == (Outcome.CRISIS, "crisis.cut_self")


def test_a_risky_word_used_again_with_no_explanation_asks() -> None:
    assert _heard("i cut my hair and cut") == (Outcome.CHECK_IN, "risk.act.cut")


def test_each_everyday_use_is_explained_by_the_same_rule_again() -> None:
    heard = recognise("i cut my hair and i cut the grass", _SMALL)
    assert heard.outcome is None
    assert heard.explained == frozenset({1, 2, 3, 6, 7, 8})  # both cuts and what was cut


def test_one_place_named_twice_is_one_use() -> None:
    assert _heard("i jumped off the dock into the lake") == (None, "")


def test_a_use_does_not_reach_past_where_the_next_thing_said_begins() -> None:
    assert _heard("i swam in the lake and then the river") == (
        Outcome.CHECK_IN,
        "risk.place.water",
    )


# One family a line: a risky word used twice in one statement, once in an everyday use the
# lexicon explains and once in a way it must not.
ONCE_EVERYDAY_ONCE_NOT = {
    "cutting": [
        "i cut the hedge and later i cut deep",
        "i cut my hair short and later i cut my legs",
    ],
    "heights": [
        "i climbed the tower with my dad and later stood at the edge of the tower alone",
        "we went up the cliff path with a guide and later i went back and stood at the cliff edge",
    ],
    "railway": [
        "i took the train to work and later i went and stood by the tracks",
        "i caught the train home and then i lay across the tracks",
        "i took the train to work and later walked down onto the tracks",
    ],
    "water": [
        "i went swimming in the lake with my friends and then walked into the lake alone",
    ],
    "medicine": [
        "i took my meds with breakfast and later i took the rest of my meds",
        "i took my tablets on time and then took a whole strip of tablets",
    ],
    "farewells": [
        "i wrote a goodbye card for my coworker and a goodbye letter to my family",
        "i said goodbye to my coworker at her leaving do and wrote a goodbye letter to my wife",
    ],
    "death idioms": [
        "my back is killing me and i wish i was dead",
        "my character died in the game and i wish i was dead too",
        "the server died at work and i wish i was dead",
        "i died laughing at the film but honestly i am suicidal and have it all planned out",
    ],
}

TWICE_EVERYDAY = {
    "cutting": ["i cut my hair and then cut the grass", "i cut the onions and cut the carrots"],
    "heights": [
        "i walked over the bridge and then cycled over the bridge",
        "i climbed the tower with my dad and then climbed the hill with my mum",
    ],
    "railway": ["i took the train to work and the train home"],
    "water": [
        "i swam in the lake and then kayaked on the lake",
        "i jumped off the diving board with my friends and then jumped in the pool again",
    ],
    "medicine": ["i took my meds in the morning and my meds at night"],
    "farewells": [
        "i said goodbye to my mum at the station and goodbye to my dad at the airport",
    ],
    "death idioms": [
        "i killed it at work and killed it at the gym",
        "i died laughing at the film and died laughing again at the pub",
    ],
}


def _cases(table: dict[str, list[str]]) -> list[object]:
    return [
        pytest.param(said, id=f"{family}: {said}") for family in table for said in table[family]
    ]


@pytest.mark.parametrize("said", _cases(ONCE_EVERYDAY_ONCE_NOT))
def test_a_risky_word_used_once_everyday_and_once_not_is_never_celebrated(said: str) -> None:
    assert screen(said, "").kind in {Kind.CRISIS, Kind.CHECK_IN}
    rules = all_rules()  # the lexicon sees the second use too, not only the screen's rules
    heard = recognise(rules.masks(canonical(said, rules)))
    assert heard.outcome in {Outcome.CRISIS, Outcome.CHECK_IN}, heard.reason


@pytest.mark.parametrize("said", _cases(TWICE_EVERYDAY))
def test_a_risky_word_used_twice_everyday_is_celebrated(said: str) -> None:
    assert screen(said, "").kind is Kind.WIN
