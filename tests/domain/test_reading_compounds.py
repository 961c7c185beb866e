"""Verbs made of two words, told with no subject ("zip lined across the quarry"), are deeds."""

import pytest

from skill.domain.reading import Context, Part, read


@pytest.mark.parametrize(
    ("said", "deed"),
    [
        ("zip lined over the river with my cousins", "i zip lined over the river with my cousins"),
        ("blow torched the meringue on the pie", "i blow torched the meringue on the pie"),
        ("stage dived at the festival", "i stage dived at the festival"),
        ("deep cleaned the oven", "i deep cleaned the oven"),
        ("batch cooked three dinners", "i batch cooked three dinners"),
    ],
)
def test_a_two_word_verb_with_no_subject_is_a_deed(said: str, deed: str) -> None:
    clauses = read(said, Context.NONE)
    assert clauses[0].part is Part.DEED
    assert clauses[0].words == deed


@pytest.mark.parametrize("said", ["dog barked all night", "kids played outside all day"])
def test_someone_else_doing_something_is_no_deed_of_the_person(said: str) -> None:
    assert all(clause.part is not Part.DEED for clause in read(said, Context.NONE))
