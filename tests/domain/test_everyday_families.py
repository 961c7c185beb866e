"""Families of everyday talk, read in the domain: nothing meant to be done (a plan or a
refusal), how the day is going (a mood told with no deed), a day lost to a screen, asking to
hear it again, a deed led into with "oh yes" or "well" or told with "we"; and, for care, a
blade or a gun meant for tonight said as a plan. Each family is shown with
examples of its own, in the shapes people use, never one quoted sentence."""

from __future__ import annotations

import pytest

from skill.domain.asides import asks_again
from skill.domain.deeds import deeds_in
from skill.domain.phrasing.answer import bare_answer
from skill.domain.reading import Context, Part, bare_answer_read, hard_time, read
from skill.domain.screen import Frame, Kind, canonical, screen

# ---------------------------------------------------------------------------------------------
# Nothing meant: a plan of doing nothing, or a refusal, is never a win.


@pytest.mark.parametrize(
    ("carrier", "frame", "said"),
    [
        ("i am", Frame.STATE, "not gonna do anything today"),
        ("i am", Frame.STATE, "not going to do a thing"),
        ("i am", Frame.STATE, "not doing much today"),
        ("i", Frame.DONE, "won't bother today"),
        ("i", Frame.DONE, "will not bother"),
        ("i", Frame.DONE, "not doing anything"),
        ("i will", Frame.INTEND, "not bother with anything"),
        ("i am", Frame.STATE, "not planning on doing anything"),
        ("i have", Frame.DONE, "got no plans today"),
    ],
)
def test_nothing_meant_is_no_win(carrier: str, frame: Frame, said: str) -> None:
    verdict = screen(said, carrier, frame)
    assert verdict.kind is Kind.NOT_A_WIN, verdict
    assert verdict.reason.startswith("nothing."), verdict


@pytest.mark.parametrize(
    ("carrier", "said"),
    [
        ("i am", "not going to do anything stupid"),
        ("i", "did not do anything wrong"),
        ("i", "won't bother you with the details"),
    ],
)
def test_a_thing_not_done_is_not_read_as_a_day_of_nothing(carrier: str, said: str) -> None:
    assert not screen(said, carrier, Frame.DONE).reason.startswith("nothing.meant")


# ---------------------------------------------------------------------------------------------
# How the day is going, told with no deed: a feeling, never a deed.


@pytest.mark.parametrize(
    "said",
    [
        "bad day",
        "rough one",
        "pretty rough day",
        "a rough one today",
        "not a good day",
        "awful day honestly",
        "it's been a long week",
        "such a grim morning",
        "exhausted",
        "so tired today",
        "feeling really low",
    ],
)
def test_a_mood_told_alone_is_a_feeling_and_tells_nothing_done(said: str) -> None:
    assert [clause.part for clause in read(said, Context.DID)] == [Part.FEELING]
    assert bare_answer_read(said).shrug


@pytest.mark.parametrize(
    "said",
    [
        "i helped my mate through a rough day",
        "i survived a long day at work",
        "good day at the allotment",
        "i walked the dog",
    ],
)
def test_a_deed_that_names_a_day_is_no_mood(said: str) -> None:
    assert not hard_time(said)


@pytest.mark.parametrize(
    ("said", "deed"),
    [
        ("rough day but i cooked dinner", "i cooked dinner"),
        ("so tired but i put a wash on", "i put a wash on"),
        ("bad morning, i still fed the cat", "i fed the cat"),
    ],
)
def test_a_mood_then_a_deed_keeps_the_deed(said: str, deed: str) -> None:
    reading = read(said, Context.DID)
    assert reading[0].part is Part.FEELING
    assert [c.words for c in reading if c.part is Part.DEED] == [deed]


# ---------------------------------------------------------------------------------------------
# A day lost to a screen, told on its own: not a win; screens with people, or briefly, are.


@pytest.mark.parametrize(
    "said",
    [
        "scrolled my phone all day",
        "scrolled tiktok for hours",
        "watched youtube all day",
        "was on my phone all day",
        "binge watched netflix all day",
        "sat in front of the telly all afternoon",
        "played video games all night",
    ],
)
def test_a_day_lost_to_a_screen_is_no_win(said: str) -> None:
    verdict = screen(said, "i", Frame.DONE)
    assert verdict.kind is Kind.NOT_A_WIN, verdict


@pytest.mark.parametrize(
    "said",
    [
        "watched a film with my son",
        "watched tv all afternoon with my kids",
        "played board games all night with the cousins",
        "rang my mum on my phone",
    ],
)
def test_screens_shared_or_resisted_are_still_wins(said: str) -> None:
    assert screen(said, "i", Frame.DONE).kind is Kind.WIN


# ---------------------------------------------------------------------------------------------
# Care: a blade or a gun meant for tonight is a crisis, said as a plan or as the one thing,
# whatever trade names the means; the same means in a plan for a customer or a meal is not.


@pytest.mark.parametrize(
    ("carrier", "frame", "said"),
    [
        ("i will", Frame.INTEND, "use the cut throat razor tonight"),
        ("", Frame.OTHER, "gonna use the cut throat razor tonight"),
        ("i am going to", Frame.INTEND, "use my dads shotgun tonight"),
        ("i will", Frame.INTEND, "grab the knife when everyone is asleep"),
        ("i will", Frame.INTEND, "use the straight razor tonight"),
        ("i will", Frame.INTEND, "try the blade one last time"),
    ],
)
def test_a_blade_or_a_gun_meant_for_tonight_is_a_crisis(
    carrier: str, frame: Frame, said: str
) -> None:
    assert screen(said, carrier, frame).kind is Kind.CRISIS


@pytest.mark.parametrize(
    ("carrier", "said"),
    [
        ("i will", "use the cut throat razor on a customer"),
        ("i will", "carve the turkey with the big knife tonight"),
        ("i will", "use the nail gun tonight on the shed"),
    ],
)
def test_a_blade_meant_for_work_or_a_meal_is_no_crisis(carrier: str, said: str) -> None:
    assert screen(said, carrier, Frame.INTEND).kind is not Kind.CRISIS


# ---------------------------------------------------------------------------------------------
# Asking to hear it again: never a deed, never words not understood.


@pytest.mark.parametrize(
    "said",
    [
        "pardon?",
        "i beg your pardon",
        "sorry, what?",
        "come again",
        "say that again please",
        "what was that",
        "sorry i didn't catch that",
        "what did you say",
        "eh?",
        "could you repeat the question",
        "pardon me dear",
        "i missed that, sorry",
    ],
)
def test_asking_to_hear_it_again_is_recognised(said: str) -> None:
    assert asks_again(canonical(said))


@pytest.mark.parametrize(
    "said",
    [
        "sorry i was miles away, i fixed the bike chain",
        "what do you mean by thing",
        "i said sorry to my sister",
        "i walked the dog",
        "say sorry to your brother",
        "sorry i forgot my meds",
    ],
)
def test_a_deed_or_a_question_of_its_own_is_not_asking_again(said: str) -> None:
    assert not asks_again(canonical(said))


# ---------------------------------------------------------------------------------------------
# A deed led into ("oh yes", "well", "so"), told with "we" or beside someone else's doing.


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("oh yes, my daughter visited and we went through the old photos", "my daughter visited"),
        ("well we went to the garden centre", "we went to the garden centre"),
        ("yes so i hoovered the stairs", "i hoovered the stairs"),
        ("oh yeah we took the dog to the beach", "we took the dog to the beach"),
        ("so my son and i baked a cake", "my son and i baked a cake"),
    ],
)
def test_a_deed_led_into_is_read_without_its_lead(said: str, kept: str) -> None:
    reading = bare_answer_read(said)
    assert not reading.shrug and not reading.elsewhere
    assert reading.words.startswith(kept)


@pytest.mark.parametrize(
    "said",
    [
        "my daughter visited and we went through the old photos",
        "our neighbour came round and we had a cuppa",
    ],
)
def test_someone_elses_doing_beside_ones_own_is_kept_whole(said: str) -> None:
    assert deeds_in(said) is None
    assert bare_answer(said) == said


def test_ones_own_deeds_told_together_are_still_each_a_win() -> None:
    deeds = deeds_in("i paid the bill and walked the dog")
    assert deeds is not None and len(deeds.texts) == 2


# ---------------------------------------------------------------------------------------------
# Care: an accident in a kitchen, a workshop or a garden is no crisis and no win; a purpose,
# "again" or harm named with it is a crisis.


@pytest.mark.parametrize(
    "said",
    [
        "burned myself on the oven tray",
        "burnt myself on the iron",
        "scalded myself with the kettle",
        "cut myself on a tin lid making soup",
        "caught myself on the brambles in the garden",
        "nicked myself while sawing a plank",
        "burned myself on the bonfire",
    ],
)
def test_an_accident_to_oneself_is_met_kindly(said: str) -> None:
    verdict = screen(said, "i", Frame.DONE)
    assert verdict.kind is Kind.NOT_A_WIN and verdict.reason.startswith("mishap."), verdict


@pytest.mark.parametrize(
    "said",
    [
        "burned myself again on purpose",
        "burned myself on the oven tray again",
        "burned myself on the oven tray on purpose",
        "deliberately burned myself on the hob",
        "cut myself on the bread knife so it would hurt",
        "burned myself on the hob to feel something",
        "cut myself with a razor",
        "burned myself with a lighter",
        "held the iron against my arm",
    ],
)
def test_hurting_oneself_with_a_purpose_or_again_is_still_a_crisis(said: str) -> None:
    assert screen(said, "i", Frame.DONE).kind is Kind.CRISIS


@pytest.mark.parametrize(
    ("said", "deed"),
    [
        ("ah no i already hung out the washing", "i hung out the washing"),
        ("no, i already did the dishes", "i did the dishes"),
        ("nah we went to the park", "we went to the park"),
    ],
)
def test_a_no_that_corrects_before_a_deed_said_unasked_keeps_the_deed(said: str, deed: str) -> None:
    assert [c.words for c in read(said) if c.part is Part.DEED] == [deed]
