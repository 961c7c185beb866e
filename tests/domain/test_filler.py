"""What is kept of a win is what the person meant: talk's filler left out at the edges, short
forms said in full, a comment on how long it took joined so it reads well."""

from __future__ import annotations

import pytest

from skill.domain.phrasing.filler import unfilled


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("ok so lowkey finished my chem worksheet no cap", "finished my chem worksheet"),
        ("finished my chem worksheet no cap", "finished my chem worksheet"),
        ("took the trash out tho", "took the trash out"),
        ("cleaned my room lol", "cleaned my room"),
        ("did the dishes fr", "did the dishes"),
        ("finished my essay ngl", "finished my essay"),
        ("lowkey cleaned the whole house", "cleaned the whole house"),
        ("cleaned the whole house lowkey tbh", "cleaned the whole house"),
        ("went to the gym w my friend", "went to the gym with my friend"),
        ("walked w/ my mum", "walked with my mum"),
        ("did my math hw", "did my math homework"),
        (
            "fixed the pump on the bore took three bloody hours",
            "fixed the pump on the bore; it took three bloody hours",
        ),
        ("finished the report, took me ages", "finished the report; it took me ages"),
    ],
)
def test_filler_is_left_out_and_short_forms_said_in_full(said: str, kept: str) -> None:
    assert unfilled(said) == kept


@pytest.mark.parametrize(
    "said",
    [
        "made a w on the board",
        "took a w today",
        "took the dog out",
        "took two hours to clean the oven",
        "had soup tho it was cold",
        "lol",
    ],
)
def test_words_of_substance_are_kept_as_said(said: str) -> None:
    assert unfilled(said) == said
