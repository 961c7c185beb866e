"""Families of everyday talk the four roles of issue 20 brought, read in the domain: a count of
things done that names none, a chore done because someone said so, a self-correction, a
hesitation inside a deed, a struggle then a deed after "so", a deed added after "no wait", and a
shrug however it is carried. Each family is shown with examples of its own, not the sentences
the roles said (those are in ``tests/console/test_role_days.py``)."""

from __future__ import annotations

import pytest

from skill.domain.deeds import deeds_in
from skill.domain.pushed import pushed_deed
from skill.domain.reading import Clause, Context, Part, bare_answer_read, read
from skill.domain.screen import Frame, Kind, screen
from skill.domain.vague import is_vague, shrugs_only


@pytest.mark.parametrize(
    "said",
    [
        "did four things",
        "i did a bunch of stuff",
        "got a lot done today",
        "i sorted loads",
        "did some bits and bobs",
        "all sorts",
        "loads and loads",
        "we did two jobs this morning",
    ],
)
def test_a_count_of_things_done_names_no_deed(said: str) -> None:
    assert is_vague(said)


@pytest.mark.parametrize(
    "said",
    [
        "did two loads of washing",
        "did my homework",
        "cooked loads of soup",
        "did a few stretches",
        "sorted the shed",
        "did it",
        "",
    ],
)
def test_a_deed_that_names_what_was_done_is_not_vague(said: str) -> None:
    assert not is_vague(said)


@pytest.mark.parametrize(
    ("said", "deed"),
    [
        ("my dad made me mop the kitchen floor", "mopped the kitchen floor"),
        ("my partner dragged me out for a run", "went out for a run"),
        ("my therapist got me to ring the gp", "rang the gp"),
        ("my flatmate talked me into going to the gym", "went to the gym"),
        ("my nan made me go and get the shopping", "got the shopping"),
        ("my sister got me to tidy my room", "tidied my room"),
    ],
)
def test_a_deed_done_under_a_push_is_the_persons_own(said: str, deed: str) -> None:
    assert pushed_deed(said) == deed


@pytest.mark.parametrize(
    "said",
    [
        "my mum made me cry",
        "my uncle made me do things",
        "it made me laugh",
        "my boss made me",
        "my friend talked me into it",
        "i made my bed",
    ],
)
def test_a_push_with_no_deed_of_the_persons_own_is_none(said: str) -> None:
    assert pushed_deed(said) is None


@pytest.mark.parametrize(
    ("said", "deeds"),
    [
        ("i fed the cat, no wait, i fed the dog", ["i fed the dog"]),
        ("i rang my brother sorry i mean i texted him", ["i texted him"]),
        (
            "i walked the dog and i baked bread no i mean i bought bread",
            ["i walked the dog", "i bought bread"],
        ),
        ("so um i uh hoovered the stairs", ["i hoovered the stairs"]),
        ("i er i cleaned the car", ["i cleaned the car"]),
    ],
)
def test_a_corrected_or_hesitant_deed_is_read_as_meant(said: str, deeds: list[str]) -> None:
    reading = read(said)
    assert [clause.words for clause in reading if clause.part is Part.DEED] == deeds, reading


def test_a_deed_after_so_is_a_deed_of_its_own() -> None:
    reading = read("i felt awful so i went for a walk")
    assert reading == (Clause(Part.FEELING), Clause(Part.DEED, "i went for a walk"))
    assert read("i did so i could rest")[0].part is not Part.STRUGGLE


def test_no_wait_after_anything_else_adds_a_deed() -> None:
    reading = read("no wait also the bins", Context.ELSE)
    assert [clause.part for clause in reading] == [Part.DEED], reading


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("i could not focus so i tidied one shelf", Kind.WIN),
        ("i felt rotten so i did nothing", Kind.NOT_A_WIN),
        ("i finally booked the eye test that i have been putting off", Kind.WIN),
        ("i have been putting off the eye test", Kind.NOT_A_WIN),
        ("i still have not booked the eye test that i have been dreading", Kind.NOT_A_WIN),
    ],
)
def test_the_screen_hears_a_deed_after_a_struggle_or_at_last(said: str, kind: Kind) -> None:
    assert screen(said, "", Frame.DONE).kind is kind


@pytest.mark.parametrize("said", ["i dunno", "i nothing really", "i got nothing"])
def test_a_shrug_is_a_shrug_whatever_carried_it(said: str) -> None:
    assert shrugs_only(said)


@pytest.mark.parametrize("said", ["i dunno i walked the dog", "i showered", ""])
def test_words_with_a_deed_or_none_are_no_shrug(said: str) -> None:
    assert not shrugs_only(said)


def test_a_count_beside_the_deeds_it_counts_is_no_win_of_its_own() -> None:
    found = deeds_in("did loads, i mowed the lawn and did the ironing")
    assert found is not None and found.texts == ("mowed the lawn", "did the ironing")


@pytest.mark.parametrize(
    ("said", "words"),
    [("fine i cleaned my room", "i cleaned my room"), ("alright, i fed the cat", "i fed the cat")],
)
def test_a_word_of_agreeing_before_an_answer_is_no_part_of_it(said: str, words: str) -> None:
    assert bare_answer_read(said).words == words
    assert bare_answer_read("sure thing").words == "sure thing"


# Issue 21's blind tester, families 1, 2 and 6: what is not a win, what was settled on, and
# what answers something other than the question. Examples of each family, in words of their
# own; the tester's own lines are said in ``tests/console/test_reader_families.py``.


@pytest.mark.parametrize(
    "said",
    [
        "at what time will you remind me",
        "on which day did i start",
        "for how long have i been using this",
        "since when have i had a reminder",
        "i logged the bins yesterday did not i",
        "that was on monday was it not",
        "i have got five wins now have not i",
        "i did the dishes is that right",
        "have you seen my keys",
        "has it saved that",
    ],
)
def test_a_sentence_that_asks_is_a_question_never_a_deed(said: str) -> None:
    parts = [clause.part for clause in read(said)]
    assert Part.QUESTION in parts and Part.DEED not in parts, parts


@pytest.mark.parametrize(
    "said",
    [
        "my sister ran a marathon and so did i",
        "i walked the dog as did i",
        "it was hard but i did it",
        "i just took a shower that is it",
        "i turned right",
        "i got it right",
        "i knew i could",
    ],
)
def test_a_statement_ending_like_a_tag_is_no_question(said: str) -> None:
    from skill.domain.asides import tagged

    assert not tagged(said)


@pytest.mark.parametrize(
    "said",
    [
        "mum can i have toast",
        "dad where is my other shoe",
        "mummy can we go to the park",
        "kids get your shoes on",
        "ben stop hitting your sister",
        "lily put your coat on",
        "grandma do not give him any more sweets",
    ],
)
def test_words_to_someone_else_in_the_room_are_no_deed(said: str) -> None:
    parts = {clause.part for clause in read(said, Context.ELSE)}
    assert Part.DEED not in parts and parts <= {Part.QUESTION, Part.REQUEST}, parts


@pytest.mark.parametrize(
    ("said", "deeds"),
    [
        ("i folded the towels ben stop kicking your brother", ["i folded the towels"]),
        ("i made the sandwiches mum can i have a biscuit", ["i made the sandwiches"]),
        ("sam put your shoes on i hoovered the lounge", ["i hoovered the lounge"]),
        ("sorry that was my daughter i emptied the dishwasher", ["i emptied the dishwasher"]),
        ("i paid the gas bill oops that was the kids", ["i paid the gas bill"]),
    ],
)
def test_words_to_someone_else_are_dropped_from_a_win(said: str, deeds: list[str]) -> None:
    reading = read(said)
    assert [clause.words for clause in reading if clause.part is Part.DEED] == deeds, reading


@pytest.mark.parametrize(
    "said",
    [
        "i rang mum can you believe it",
        "i helped ben stop crying",
        "i told my son stop hitting his sister",
        "i mopped the floor stop laughing",
        "i got the kids to stop fighting",
        "mum came round and we baked a cake",
    ],
)
def test_a_name_that_is_part_of_the_deed_stays_in_it(said: str) -> None:
    from skill.domain.asides import said_to_others

    assert said_to_others(said) == (said, None)


@pytest.mark.parametrize(
    ("said", "context"),
    [
        ("the mum one", Context.ELSE),
        ("and the toast one", Context.ELSE),
        ("that one", Context.DID),
        ("the one about the dentist", Context.ELSE),
        ("yesterday", Context.PLAN),
        ("what about last tuesday", Context.DID),
        ("read them out", Context.ELSE),
        ("can you read them all", Context.NONE),
        ("list them", Context.PLAN),
        ("shut up", Context.ELSE),
        ("speak up please", Context.DID),
        ("turn it down", Context.ELSE),
        ("are you there", Context.PLAN),
    ],
)
def test_words_that_only_point_or_ask_the_skill_name_no_deed(said: str, context: Context) -> None:
    parts = {clause.part for clause in read(said, context)}
    assert parts and parts <= {Part.QUESTION, Part.REQUEST}, parts


@pytest.mark.parametrize(
    ("said", "deeds"),
    [
        ("i emailed the form wait no it was three forms", ["i emailed three forms"]),
        ("i fed the rabbit no wait it was the guinea pig", ["i fed the guinea pig"]),
        ("i did a yoga class actually it was more of a stretch", ["i did a stretch"]),
        ("i tidied my desk actually the whole office", ["i tidied the whole office"]),
        (
            "i posted the letter wait no it was two letters i posted two letters",
            ["i posted two letters"],
        ),
        (
            "i cleaned the oven no wait that was last week this morning i cleaned the fridge",
            ["i cleaned the fridge"],
        ),
        ("i walked the dog i ironed the shirts sorry that was on sunday", ["i walked the dog"]),
        ("i rang the gp oh wait no that was yesterday", []),
        ("i um i hmm i swept the yard", ["i swept the yard"]),
        ("i phoned my aunt i mean my uncle", ["i phoned my uncle"]),
        ("i bought a lamp or rather two lamps", ["i bought two lamps"]),
        ("i ate an orange sorry a pear", ["i ate a pear"]),
        ("i swam ten lengths actually it was twelve lengths", ["i swam twelve lengths"]),
        ("i went to the library no wait the post office", ["i went to the post office"]),
    ],
)
def test_what_the_person_settled_on_is_the_deed(said: str, deeds: list[str]) -> None:
    reading = read(said)
    assert [clause.words for clause in reading if clause.part is Part.DEED] == deeds, reading


@pytest.mark.parametrize(
    ("said", "plan"),
    [
        ("i will ring the bank or maybe the council no the bank", "i will ring the bank"),
        (
            "i am going to do the ironing or the hoovering no hoovering",
            "i am going to do the hoovering",
        ),
        ("i will write the report no wait the slides", "i will write the slides"),
    ],
)
def test_of_two_plans_the_one_chosen_is_the_plan(said: str, plan: str) -> None:
    reading = read(said, Context.PLAN)
    assert [clause.words for clause in reading if clause.part is Part.PLAN] == [plan], reading


@pytest.mark.parametrize(
    "said",
    [
        "i had no breakfast",
        "i said no the first time",
        "i actually cleaned the car",
        "i walked the dog or the cat walked me",
        "i said sorry to my sister",
        "i did it no matter what",
    ],
)
def test_words_that_correct_nothing_are_left_as_said(said: str) -> None:
    from skill.domain.settling import settled

    assert settled(said) == said


@pytest.mark.parametrize(
    "said", ["no idea", "not a clue", "i do not know yet", "have not a clue", "nothing really tbh"]
)
def test_a_shrug_to_the_morning_question_is_no_plan(said: str) -> None:
    from skill.domain.turns import PlanKind, plan_answer

    assert plan_answer(said).kind is PlanKind.SHRUG


@pytest.mark.parametrize(
    "said",
    [
        "yesterday",
        "what about monday",
        "read them out",
        "the mum one",
        "you choose",
        "surprise me",
        "whatever you think",
        "what did i do on friday the third of april",
    ],
)
def test_what_answers_something_else_is_asked_again_never_a_plan(said: str) -> None:
    from skill.domain.phrasing.answer import not_said_to_a_question
    from skill.domain.turns import PlanKind, plan_answer

    kind = plan_answer(said).kind
    # Either way the question is asked again: ELSEWHERE by the handler, OTHER through the
    # plan's own check of words said to no question.
    assert kind is PlanKind.ELSEWHERE or (kind is PlanKind.OTHER and not_said_to_a_question(said))


@pytest.mark.parametrize(
    ("said", "deeds", "plan"),
    [
        ("okay so i finally rang the council", "finally rang the council", ""),
        ("okay i will ring the council", "", "ring the council"),
    ],
)
def test_a_deed_or_a_plan_after_a_lead_in_is_read(said: str, deeds: str, plan: str) -> None:
    from skill.domain.turns import plan_answer

    answer = plan_answer(said)
    assert (answer.deeds, answer.plan) == (deeds, plan), answer
