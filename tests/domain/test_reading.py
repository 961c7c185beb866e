"""The reader, against a table written by someone who never saw it: what was asked, what was
said, and what each part of it is (``reading_table.tsv``, whose header says how it reads).

Rows the reader does not read yet are named in ``reading_misses.txt``: each is expected to
fail, strictly, so a row that starts passing must be taken off the list, and the list only
shrinks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final, NamedTuple

import pytest

from skill.domain.reading import BareAnswer, Clause, Context, Part, bare_answer_read, read, unhedged
from skill.domain.screen import canonical

HERE: Final = Path(__file__).resolve().parent
TABLE: Final = HERE / "reading_table.tsv"
MISSES: Final = HERE / "reading_misses.txt"
# Kinds whose words the table gives: a deed, a plan, a struggle.
WORDED: Final = frozenset({Part.DEED, Part.PLAN, Part.STRUGGLE})


class Row(NamedTuple):
    context: Context
    said: str
    expected: tuple[tuple[str, str], ...]

    @property
    def name(self) -> str:
        return f"{self.context.value}: {self.said}"


def _plain(words: str) -> str:
    """Words compared as said back: one spelling, no leading "i"."""
    found = canonical(words).split()
    return " ".join(found[1:] if found[:1] in (["i"], ["we"]) else found)


def _rows() -> list[Row]:
    rows = []
    for line in TABLE.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            context, said, expected = line.split("\t")
            clauses = []
            for clause in expected.split(" | "):
                kind, _, words = clause.partition(":")
                clauses.append((kind.strip(), _plain(words.strip()) if words.strip() else ""))
            rows.append(Row(Context(context), said, tuple(clauses)))
    return rows


def _misses() -> frozenset[str]:
    lines = MISSES.read_text("utf-8").splitlines()
    return frozenset(line for line in lines if line.strip() and not line.startswith("#"))


def _as_table_says(clauses: tuple[Clause, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((c.part.value, _plain(c.words) if c.part in WORDED else "") for c in clauses)


ROWS: Final = _rows()
MISSED: Final = _misses()


def test_the_table_is_large_enough_and_every_named_miss_is_a_row() -> None:
    assert len(ROWS) >= 300
    assert {row.name for row in ROWS} >= MISSED


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(
            row,
            id=row.name,
            marks=[pytest.mark.xfail(strict=True, reason="not read yet")]
            if row.name in MISSED
            else [],
        )
        for row in ROWS
    ],
)
def test_each_statement_is_read_as_the_table_says(row: Row) -> None:
    assert _as_table_says(read(row.said, row.context)) == row.expected


def test_hedges_and_fillers_are_never_said_back() -> None:
    (clause,) = read("um i guess i kinda showered", Context.NONE)
    assert clause == Clause(Part.DEED, "i showered")


def test_several_deeds_are_several_clauses() -> None:
    reading = read("i paid the bill and cleaned the bathroom, then called the vet")
    assert [c.part for c in reading] == [Part.DEED, Part.DEED, Part.DEED]


@pytest.mark.parametrize("said", ["dunno", "meh", "probably nothing", "not much", "idk", "nowt"])
def test_a_shrug_is_never_a_deed_or_a_plan(said: str) -> None:
    for context in Context:
        parts = {clause.part for clause in read(said, context)}
        assert not parts & {Part.DEED, Part.PLAN}, (said, context)


def test_a_crisis_is_never_read_as_a_deed() -> None:
    reading = read("i cleaned the kitchen and took all my pills", Context.DID)
    assert Clause(Part.CRISIS) in reading
    assert all("pills" not in clause.words for clause in reading)


@pytest.mark.parametrize(
    ("said", "left"),
    [
        ("ugh whatever i cooked pasta", "i cooked pasta"),
        ("Um, I guess I showered", "I showered"),
        ("honestly kinda made my bed", "made my bed"),
        ("meh", "meh"),  # nothing else said: a shrug, kept for the shrug to be heard
        ("i did the laundry", "i did the laundry"),
    ],
)
def test_unhedged_drops_only_the_hedges_a_statement_starts_with(said: str, left: str) -> None:
    assert unhedged(said) == left


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("not much really", BareAnswer("not much really", shrug=True)),
        ("meh", BareAnswer("meh", shrug=True)),
        ("night", BareAnswer("night", elsewhere=True)),
        ("cheers", BareAnswer("cheers", elsewhere=True)),
        ("what counts as a win", BareAnswer("what counts as a win", elsewhere=True)),
        ("ugh whatever i cooked pasta", BareAnswer("i cooked pasta")),
    ],
)
def test_a_bare_answer_is_a_shrug_something_else_or_its_words_without_hedges(
    said: str, kind: BareAnswer
) -> None:
    assert bare_answer_read(said) == kind
