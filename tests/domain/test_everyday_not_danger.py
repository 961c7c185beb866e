"""Everyday talk that only sounds alarming, as the screen and the reader hear it: a polite
goodbye to the skill, a question about the last thing logged, asking to take a win back, a
question about what the skill is, asking to hear the last reply again. Each class is said many
ways; the same words with more in them ("goodbye forever") keep their care.
"""

from __future__ import annotations

from typing import Final

import pytest

from skill.domain.asides import asks_again, asks_what_it_is
from skill.domain.closings import polite_close, takes_back
from skill.domain.reading import Context, Part, read
from skill.domain.screen import Frame, Kind, canonical, screen

CARED: Final = (Kind.CRISIS, Kind.CHECK_IN)

# A goodbye to the skill: courtesy and closing words alone, in any order, with punctuation.
POLITE_GOODBYES = (
    "Thank you kindly. Goodbye.",
    "thanks very much, goodbye for now",
    "right, bye then",
    "cheerio",
    "ta-ra",
    "that's all, good night",
    "Thank you. Goodbye.",
    "okay thanks, bye bye",
    "goodbye dear",
    "lovely, thank you, goodbye then",
    "many thanks, see you tomorrow",
    "ok bye for now",
    "thanks, take care",
    "night night",
    "goodbye",
    "cheers, goodbye alexa",
)

# A farewell with more in it: the care it had, never a polite goodbye.
FAREWELLS = (
    "goodbye everyone",
    "goodbye forever",
    "this is goodbye",
    "saying goodbye to my kids",
    "thank you for everything goodbye",
    "goodbye i am done",
    "goodbye cruel world",
    "i wrote my goodbyes",
)


@pytest.mark.parametrize("said", POLITE_GOODBYES)
def test_a_polite_goodbye_to_the_skill_is_no_danger_and_reads_as_goodbye(said: str) -> None:
    assert screen(said, "", Frame.OTHER).kind not in CARED
    assert polite_close(canonical(said)) == "goodbye"
    for context in Context:
        assert [clause.part for clause in read(said, context)][-1] is Part.GOODBYE, context


@pytest.mark.parametrize("said", FAREWELLS)
def test_a_farewell_with_more_in_it_keeps_its_care(said: str) -> None:
    assert screen(said, "", Frame.OTHER).kind in CARED
    assert polite_close(canonical(said)) is None
    assert Part.CRISIS in {clause.part for clause in read(said)}


@pytest.mark.parametrize("said", ["thanks very much", "thank you kindly", "cheers then"])
def test_thanks_alone_is_thanks(said: str) -> None:
    assert polite_close(canonical(said)) == "thanks"


# A question about the past or about the skill, with "last" in it.
LAST_ASKED = (
    "what was the last thing i logged",
    "what was the last thing I saved",
    "what's the last thing i told you",
    "when was the last time i did laundry",
    "tell me the last thing i saved",
    "what was the last win i added",
    "remind me of the last thing i said",
)


@pytest.mark.parametrize("said", LAST_ASKED)
def test_a_question_about_the_last_thing_logged_is_no_finality(said: str) -> None:
    assert screen(said, "", Frame.OTHER).kind not in CARED
    parts = {clause.part for clause in read(said)}
    assert Part.CRISIS not in parts and Part.DEED not in parts, parts


@pytest.mark.parametrize(
    "said",
    [
        "what was the last thing i said before i kill myself",
        "the last thing i will ever do",
        "this is the last time anyone will hear from me",
        "the last thing i did was write my goodbye note",
    ],
)
def test_an_ending_said_of_oneself_with_last_in_it_keeps_its_care(said: str) -> None:
    assert screen(said, "", Frame.OTHER).kind is Kind.CRISIS


# Asking to take back a win already told: a win or "that", never the body or a person.
TAKE_BACKS = (
    "scratch the last two",
    "scratch that one",
    "kill the last one",
    "bin that one",
    "please cut the second one",
    "ditch the last win",
    "strike that",
    "scratch the one about the dishes",
    "ok can you bin the last two please",
    "cross out the first one",
)


@pytest.mark.parametrize("said", TAKE_BACKS)
def test_asking_to_take_a_win_back_is_a_request_never_harm(said: str) -> None:
    assert screen(said, "", Frame.OTHER).kind not in CARED
    assert takes_back(canonical(said))
    assert [clause.part for clause in read(said)] == [Part.REQUEST]


@pytest.mark.parametrize(
    "said",
    ["scratch myself", "kill him", "cut my arm", "cut myself again", "kill myself tonight"],
)
def test_the_same_verbs_on_the_body_or_a_person_are_never_a_request(said: str) -> None:
    assert not takes_back(canonical(said))
    assert screen(said, "", Frame.OTHER).kind in (*CARED, Kind.NOT_A_WIN)


# Asking what the skill is, what it is for, how to use it.
WHAT_IT_IS = (
    "what does it do",
    "what is this exactly",
    "Good morning. What is this, exactly?",
    "What is the purpose of this programme?",
    "How do I use it?",
    "what is small wins",
    "how does this work",
    "what am i supposed to do here",
    "hello, who are you",
    "what is this for",
)


@pytest.mark.parametrize("said", WHAT_IT_IS)
def test_a_question_about_the_skill_is_asked_never_planned(said: str) -> None:
    assert asks_what_it_is(canonical(said))
    assert screen(said, "", Frame.OTHER).kind not in CARED
    assert Part.PLAN not in {clause.part for clause in read(said, Context.PLAN)}


@pytest.mark.parametrize(
    "said", ["what is the purpose of life", "what is the point", "what did i do today"]
)
def test_other_questions_are_not_about_the_skill(said: str) -> None:
    assert not asks_what_it_is(canonical(said))


# Asking to hear the last reply again, as people who are hard of hearing say it.
AGAIN = (
    "Could you repeat that?",
    "say that again more slowly",
    "Please say that again more slowly.",
    "Pardon? I didn't catch all of that.",
    "would you mind repeating that",
    "sorry, could you say that a bit louder",
    "i didn't hear all of that",
    "sorry i'm a bit hard of hearing",
)


@pytest.mark.parametrize("said", AGAIN)
def test_asking_again_in_many_ways_is_asking_again(said: str) -> None:
    assert asks_again(canonical(said))
