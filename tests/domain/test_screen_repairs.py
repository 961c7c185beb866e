"""Wins the screen used to refuse, by family: a wrong, a setback or a mishap and then the
repair or the next step; risky words in everyday idioms and errands; a hard moment and then
the thing done anyway. Each family is checked with phrasings of its own (not the corpus's),
and with the crisis, the harm or the relapse that must keep its verdict beside it."""

from __future__ import annotations

import pytest

from skill.domain.deeds import deeds_in
from skill.domain.forget_asks import forget_asked
from skill.domain.screen import Kind, screen

CARE = {Kind.CRISIS, Kind.CHECK_IN}


@pytest.mark.parametrize(
    "said",
    [
        "i shouted at my partner over the dishes and said sorry before bed",
        "i was rude to the bus driver so i went back and apologised",
        "i lost my rag with my brother and rang him later to clear the air",
        "i apologised to my son for yelling at him about his shoes",
        "i forgot my sister's birthday and took her out for dinner to make up for it",
        "i cancelled on my friend again so i went round with flowers and said sorry",
        "i ghosted my old flatmate for months and finally sent her an apology",
        "i cracked my neighbour's window with the football and paid for a new one",
    ],
)
def test_a_wrong_made_right_is_a_win(said: str) -> None:
    assert screen(said).kind is Kind.WIN


@pytest.mark.parametrize(
    "said",
    [
        "i flunked my driving theory and booked the resit the same day",
        "i got knocked back for the job and asked them for feedback",
        "i got made redundant on monday and updated my cv by friday",
        "my novel got rejected again and i sent it to the next agent",
        "i failed the audition and signed up for the next one",
    ],
)
def test_a_setback_then_the_next_step_is_a_win(said: str) -> None:
    assert screen(said).kind is Kind.WIN


@pytest.mark.parametrize(
    "said",
    [
        "i knocked a mug of coffee over the rug and scrubbed it out straight away",
        "the washing machine flooded the kitchen so i mopped it all up",
        "i snapped the handle off the wardrobe and glued it back on",
        "i spilt the paint in the hall and cleaned it up before it dried",
    ],
)
def test_a_mishap_then_the_clean_up_is_a_win(said: str) -> None:
    assert screen(said).kind is Kind.WIN


@pytest.mark.parametrize(
    "said",
    [
        "i hit my girlfriend and said sorry after",
        "i slapped my son and apologised to him",
        "i yelled at my wife and then watched telly",
        "i got drunk and shouted at my mum and said sorry the next day",
        "i got rejected again and went back to drinking",
        "i got rejected from every course i applied for",
        "i smashed his phone and went to bed",
    ],
)
def test_a_harm_or_a_relapse_with_no_repair_or_violence_is_never_outweighed(said: str) -> None:
    assert screen(said).kind is Kind.NOT_A_WIN


@pytest.mark.parametrize(
    "said",
    [
        "i failed my exams and took all my pills",
        "i said sorry to my mum and then i cut myself",
        "i broke the mirror and used the glass to cut my arm",
        "i got dumped and i want to die so i said sorry to everyone",
    ],
)
def test_a_crisis_beside_a_repair_is_still_a_crisis(said: str) -> None:
    assert screen(said).kind in CARE


@pytest.mark.parametrize(
    "said",
    [
        "i went to the physio because my shoulder has been killing me",
        "walked the dog even though my feet were killing me",
        "i did the school run feeling like death warmed up",
        "the freezer died so i emptied it and called the repair man",
        "my headphones died so i listened to the birds instead",
        "i took fresh flowers to grandad's grave",
        "i laid flowers at the cemetery for mum's anniversary",
        "i parked in the hospital car park and went in on my own",
        "the kitchen tap was leaking so i turned the water off at the stop tap",
        "i bought new batteries for the smoke alarm",
        "i read a whole book on the train home",
    ],
)
def test_risky_words_in_everyday_idioms_and_errands_are_wins(said: str) -> None:
    assert screen(said).kind is Kind.WIN


@pytest.mark.parametrize(
    "said",
    [
        "my back is killing me and i want to end it tonight",
        "i feel like death and i want to die",
        "my phone died and i wish i had died too",
        "my character died in the game and i wish i was dead too",
        "the server died at work and i wish i was dead",
        "i went to her grave because i want to be with her for good",
        "i drove to the top floor of the car park to jump",
        "i turned the water off and walked into the river",
        "i swallowed the batteries",
        "i got off the train and stood at the edge of the platform",
    ],
)
def test_the_same_idioms_and_errands_said_with_a_crisis_get_care(said: str) -> None:
    assert screen(said).kind in CARE


@pytest.mark.parametrize(
    "said",
    [
        "i had a panic attack in the queue and then went back in anyway",
        "i was terrified but drove to the interview on my own",
        "i felt awful but i put the bins out",
        "i was so low but i changed the bedsheets",
    ],
)
def test_a_hard_moment_then_the_thing_done_anyway_is_a_win(said: str) -> None:
    assert screen(said).kind is Kind.WIN


@pytest.mark.parametrize(
    "said",
    [
        "i had a panic attack and then did nothing",
        "i was anxious so i put it off again",
    ],
)
def test_a_hard_moment_then_nothing_done_is_not_a_win(said: str) -> None:
    assert screen(said).kind is Kind.NOT_A_WIN


@pytest.mark.parametrize(
    "words",
    [
        "smashed the vase and glued it back together",
        "dropped the eggs on the floor and cleaned them up",
        "was so tired but i finished it",
        "was so nervous but i got there",
    ],
)
def test_a_deed_that_points_back_at_the_struggle_keeps_the_whole_statement(words: str) -> None:
    assert deeds_in(words) is None  # stored and said back whole, as said


def test_a_deed_that_says_what_it_was_is_still_said_back_alone() -> None:
    told = deeds_in("was so tired but i put a wash on")
    assert told is not None and told.texts == ("put a wash on",)


@pytest.mark.parametrize(
    "said",
    [
        "i said sorry to my daughter for not listening",
        "i said thank you to the nurse instead of brushing it off",
        "i said no to my boss not to the kids",
    ],
)
def test_words_said_to_someone_are_no_correction_of_a_win(said: str) -> None:
    assert forget_asked(said) is None
