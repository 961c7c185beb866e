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
