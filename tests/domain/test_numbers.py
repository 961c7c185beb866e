"""Numbers and quantities said in words are one phrase: never a place a statement is cut into
deeds (``skill/domain/numbers.py``, through the reader and ``deeds_in``)."""

from __future__ import annotations

import pytest

from skill.domain.deeds import deeds_in
from skill.domain.numbers import held_numbers
from skill.domain.reading import Part, read

# Number shapes, each inside a deed: "I <verb> <number> <thing>".
SHAPES = [
    "two hundred",
    "a hundred",
    "a hundred and fifty",
    "one hundred and twenty",
    "three thousand",
    "three thousand five hundred",
    "two thousand and six",
    "twenty five",
    "twenty-five",
    "ninety nine",
    "two and a half",
    "one and a half",
    "three and a quarter",
    "two or three",
    "ten to fifteen",
    "a hundred thousand",
]


@pytest.mark.parametrize("number", [shape for shape in SHAPES if "-" not in shape])
def test_a_number_is_held_whole_and_given_back_as_said(number: str) -> None:
    held = held_numbers(f"i picked {number} orders and fed the dog")
    assert held.phrases == (number,)
    assert number not in held.text
    assert held.given_back(held.text) == f"i picked {number} orders and fed the dog"


@pytest.mark.parametrize("number", SHAPES)
@pytest.mark.parametrize(
    ("verb", "thing"), [("picked", "orders"), ("studied", "hours"), ("did", "push ups")]
)
def test_a_number_in_a_deed_is_never_a_second_deed(number: str, verb: str, thing: str) -> None:
    said = f"i {verb} {number} {thing}"
    # The reader's words are canonical: "twenty-five" is read "twenty five".
    assert [clause.words for clause in read(said)] == [said.replace("-", " ")]
    found = deeds_in(f"{verb} {number} {thing} and remembered my badge")
    assert found is not None  # each deed kept in the person's own words
    assert found.texts == (f"{verb} {number} {thing}", "remembered my badge")


@pytest.mark.parametrize(
    ("said", "deeds"),
    [
        (
            "i walked for an hour and a half and fed the cat",
            ("walked for an hour and a half", "fed the cat"),
        ),
        (
            "i ran one and a half miles and then i stretched",
            ("ran one and a half miles", "stretched"),
        ),
        (
            "i read two or three chapters and did the dishes",
            ("read two or three chapters", "did the dishes"),
        ),
        # One deed of two quantities: kept as said.
        (
            "I packed three thousand boxes, and twenty five pallets",
            ("packed three thousand boxes, and twenty five pallets",),
        ),
    ],
)
def test_quantities_and_deeds_around_them(said: str, deeds: tuple[str, ...]) -> None:
    found = deeds_in(said.removeprefix("i ").removeprefix("I "))
    assert (found.texts if found is not None else None) == deeds


@pytest.mark.parametrize(
    "said",
    [
        "i fed the dog and did the dishes",  # no number: cut as before
        "i did one and then i did another",  # numbers said alone: nothing to hold
        "i walked the dog and half finished the report",  # "half" of the next deed
    ],
)
def test_statements_without_a_number_phrase_are_cut_as_before(said: str) -> None:
    held = held_numbers(said)
    assert held.phrases == () and held.text == said
    assert len(read(said)) >= 2 or read(said)[0].part is not Part.DEED


def test_a_number_never_hides_a_crisis() -> None:
    assert [clause.part for clause in read("i took a hundred pills")] == [Part.CRISIS]
    assert deeds_in("took two hundred pills and fed the dog") is None
