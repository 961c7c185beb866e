"""Things told done with no "I" ("the bins are out", "kids fed and in bed", "six months sober"),
things that stopped working ("my phone died", "the printer gave up the ghost"), and what the
reader, the bare answer, the deeds and the morning's answer make of them. Each family is shown
with examples of its own."""

from __future__ import annotations

import pytest

from skill.domain.deeds import deeds_in, own_deed
from skill.domain.phrasing.answer import bare_answer
from skill.domain.reading import Context, Part, read
from skill.domain.results import own_subject, thing_done, thing_stopped
from skill.domain.screen import canonical
from skill.domain.turns import PlanKind, plan_answer


@pytest.mark.parametrize(
    "said",
    [
        "the bins are out",
        "the deadline's met and the report's in",
        "kids fed and in bed",
        "homework done",
        "rent paid",
        "laundry folded and put away",
        "the essay is submitted",
        "my room is finally clean",
        "the garden's done",
        "the kids are fed and bathed",
        "dishes washed and dried",
        "all the emails are sent",
    ],
)
def test_a_thing_told_done_is_recognised(said: str) -> None:
    assert thing_done(canonical(said))


@pytest.mark.parametrize(
    "said",
    [
        "six months sober today",
        "three days no alcohol",
        "a year off the cigs today",
        "day five with no self harm",
        "50 days without a drink",
        "no smoking this whole month",
    ],
)
def test_a_time_kept_is_told_done(said: str) -> None:
    assert thing_done(canonical(said))


@pytest.mark.parametrize(
    "said",
    [
        "the dog barked all night",  # a story, not a result
        "the weather turned",
        "my mum called",
        "the car is broken",  # gone wrong
        "the dishes are not done",  # not done
        "the train was late",
        "my brain is fried",  # how someone feels
        "my legs are done in",
        "it's done",  # a pronoun: said through its own intent
        "what is done",  # a question
        "cold coffee",
        "a long walk",  # a thing named alone: asked about, never told done
        "drive the car off the quarry road",  # a plan, with a verb first
        "my parrot flew away",  # a story: a past inside the thing
        "my sister's in the icu",  # a place, not a thing done
        "my mum hung up on me",  # someone else's doing
        "my ex got engaged a month after",
        "my mum made dinner",
        "my dad is sorted",
        "nah that's me done for tonight",  # closes the question: no result
        "that's me done",
    ],
)
def test_what_is_not_a_thing_told_done(said: str) -> None:
    assert not thing_done(canonical(said))


@pytest.mark.parametrize(
    "said",
    [
        "my phone died",
        "the printer gave up the ghost",
        "the car broke down on the motorway",
        "my laptop bit the dust",
        "the old kettle packed in",
    ],
)
def test_a_thing_that_stopped_working_is_news_never_a_deed(said: str) -> None:
    plain = canonical(said)
    assert thing_stopped(plain) and not thing_done(plain)
    assert [clause.part for clause in read(said)] == [Part.FEELING]
    assert not own_deed(said)


@pytest.mark.parametrize(
    ("said", "deed"),
    [
        ("my phone died but i still finished the essay", "i finished the essay"),
        ("the printer gave up the ghost but i fixed it", "i fixed it"),
        ("my car kicked the bucket so i booked a test drive", "i booked a test drive"),
    ],
)
def test_a_deed_after_a_thing_stopped_is_the_persons_own(said: str, deed: str) -> None:
    reading = read(said)
    assert [clause.part for clause in reading] == [Part.FEELING, Part.DEED]
    assert reading[1].words == deed
    assert own_subject(said) and own_deed(said)


@pytest.mark.parametrize("context", [Context.NONE, Context.DID, Context.PLAN])
@pytest.mark.parametrize(
    "said", ["the bins are out", "kids fed and in bed", "six months sober today"]
)
def test_a_thing_told_done_is_one_deed_whatever_was_asked(said: str, context: Context) -> None:
    reading = read(said, context)
    assert [clause.part for clause in reading] == [Part.DEED]
    assert not reading[0].words.startswith("i ")


@pytest.mark.parametrize(
    "said", ["the bins are out", "kids fed and in bed", "the printer died but I fixed it"]
)
def test_a_bare_answer_with_its_own_subject_is_kept_as_said(said: str) -> None:
    assert bare_answer(said) == said


def test_a_thing_named_alone_still_gets_its_verb() -> None:
    assert bare_answer("the dishes") == "did the dishes"


def test_deeds_after_a_thing_stopped_keep_the_persons_words_whole() -> None:
    assert deeds_in("the printer gave up the ghost but I fixed it") is None  # kept whole


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("clipped the budgie's nails", "clipped the budgie's nails"),
        ("oh and I fed my neighbour's cat", "fed my neighbour's cat"),
        ("the deadline's met", "the deadline's met"),
    ],
)
def test_a_deed_said_to_the_morning_question_keeps_its_words(said: str, kept: str) -> None:
    answer = plan_answer(said)
    assert answer.kind is PlanKind.DEEDS
    assert answer.deeds == kept


def test_a_thing_told_done_after_a_deed_keeps_its_own_words() -> None:
    reading = read("worked till i was half dead but the garden's done")
    assert [clause.words for clause in reading][-1] == "the gardens done"  # never "worked the"
