"""Corrections, repeats and deletes said the way people put them, with no lead of "change that
to", through ``wins chat`` over simulated days in a zone far from UTC (``--at``): "it says X
but it was Y", "X should be Y", "not X, Y", "the second one's wrong, it should be Y", a win
named by its own words ("change opened the post office to opened the post"), a win told again
("I did do it, I went to Tesco"), "change the last one" in a new visit (named, asked first),
and a delete by the words heard back ("delete you did do it")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import AUCKLAND, WORDS, asks_to_delete, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def _one(key: str, **fields: str) -> set[str]:
    return {text.format(**fields) for text in WORDS.variants(key)}


def _confirm(old: str, new: str) -> set[str]:
    return _one("correct.confirm", old=old, new=new)


def test_a_correction_said_without_asking_fixes_the_win_and_logs_nothing(tmp_path: Path) -> None:
    talk(
        tmp_path,
        "2026-12-08T07:30",
        AUCKLAND,
        "open small wins",
        "I got home off nights",
        "I opened the post office",
        "I went to Tesco",
        "stop",
    )

    said = talk(
        tmp_path,
        "2026-12-08T11:00",
        AUCKLAND,
        "open small wins",
        "change my ate breakfast win back, it says I got home off nights but it was I ate a "
        "proper breakfast",
        "yes",
        "change opened the post office to opened the post",
        "yes",
        "not went to tesco, went to the big tesco",
        "yes",
        "what did I do today",
        "the second one's wrong, it should be I went to the corner shop",
        "what did I do today",
        "stop",
    )

    _, breakfast, fixed, post, posted, tesco, shop, today, second, after, _ = said
    assert breakfast in _confirm("you got home off nights", "you ate a proper breakfast")
    assert fixed.startswith("Fixed: you ate a proper breakfast.")
    assert post in _confirm("you opened the post office", "you opened the post")
    assert posted.startswith("Fixed: you opened the post.")
    assert tesco in _confirm("you went to tesco", "you went to the big tesco")
    assert shop.startswith("Fixed: you went to the big tesco.")
    assert today.startswith("Today, Tuesday, you logged 3 wins.")
    assert second.startswith("Fixed: you went to the corner shop.")
    assert after.startswith("Today, Tuesday, you logged 3 wins.")  # nothing logged twice
    assert "corner shop" in after and "breakfast" in after and "nights" not in after


def test_x_should_be_y_said_right_after_a_win_fixes_it(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-09T21:00",
        AUCKLAND,
        "open small wins",
        "I watered the plants",
        "watered the plants should be watered the garden",
        "yes",
        "what did I do today",
        "stop",
    )

    _, _, should, yes, today, _ = said
    assert should in _confirm("you watered the plants", "you watered the garden")
    assert yes.startswith("Fixed: you watered the garden.")
    assert today.startswith("Today, Wednesday, you logged one win.")


def test_a_win_told_again_is_already_in_and_stored_once(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-10T08:00",
        AUCKLAND,
        "open small wins",
        "I went to Tesco",
        "I did do it, I went to Tesco",
        "yeah I did do it",
        "I really did go to Tesco",
        "I went to Tesco again",
        "what did I do today",
        "stop",
    )

    _, _, again, insisted, really, twice, today, _ = said
    already = _one("log.already_in", win="you went to tesco")
    for reply in (again, insisted, really):
        assert any(reply.startswith(text) for text in already), reply
    assert "again" in twice and not any(twice.startswith(text) for text in already)
    assert today.startswith("Today, Thursday, you logged 2 wins.")


def test_change_the_last_one_in_a_new_visit_names_it_and_asks_first(tmp_path: Path) -> None:
    talk(tmp_path, "2026-12-11T07:00", AUCKLAND, "tell small wins I ate a proper breakfast")

    said = talk(
        tmp_path,
        "2026-12-11T18:00",
        AUCKLAND,
        "open small wins",
        "change the last one to I got home off nights",
        "no",
        "what did I do today",
        "stop",
    )

    _, change, kept, today, _ = said
    assert change in _confirm("you ate a proper breakfast", "you got home off nights")
    assert kept.startswith(WORDS.variants("correct.kept")[0].split(".")[0])
    assert "breakfast" in today and "nights" not in today


def test_a_delete_by_the_words_heard_back_finds_the_win(tmp_path: Path) -> None:
    talk(tmp_path, "2026-12-12T09:00", AUCKLAND, "tell small wins I did do it")
    talk(tmp_path, "2026-12-12T09:30", AUCKLAND, "tell small wins I cleaned the bath")

    said = talk(
        tmp_path,
        "2026-12-12T10:00",
        AUCKLAND,
        "open small wins",
        "delete the one that says did do it",
        "no",
        "delete you did do it",
        "no",
        "what did I do today",
        "delete the second one, that's not a win that's just me saying yeah",
        "yes",
        "what did I do today",
        "stop",
    )

    _, says, _, you, _, today, second, _, after, _ = said
    assert says in asks_to_delete("you did do it")
    assert you in asks_to_delete("you did do it")
    assert today.startswith("Today, Saturday, you logged 2 wins. You cleaned the bath.")
    assert second in asks_to_delete("you did do it")
    assert after.startswith("Today, Saturday, you logged one win.") and "did do it" not in after
