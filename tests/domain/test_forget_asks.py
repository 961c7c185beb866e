"""Requests to delete or correct one win, however they are put, and statements that are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from skill.domain.forget_asks import AskKind, ForgetAsk, forget_asked
from skill.domain.matching import LAST


@pytest.mark.parametrize(
    ("said", "position"),
    [
        ("please delete the second one", 2),
        ("can you remove the second one", 2),
        ("could you please scratch the last one", LAST),
        ("delete win two", 2),
        ("actually delete the third one", 3),
        ("I'd like you to get rid of the first win", 1),
        ("let's erase number four", 4),
    ],
)
def test_deleting_by_place_is_heard_with_any_polite_lead(said: str, position: int) -> None:
    assert forget_asked(said) == ForgetAsk(AskKind.DELETE, position)


@pytest.mark.parametrize(
    ("said", "about"),
    [
        ("I want to delete the one about the oven", "the oven"),
        ("can you delete the one about the oven", "the oven"),
        ("remove the one I logged about the bins", "the bins"),
        ("delete the win where I cleaned the oven", "i cleaned the oven"),
        ("please get rid of the laundry one", "laundry"),
        ("forget the one that says meh", "meh"),
        ("take out the one with the dentist", "the dentist"),
    ],
)
def test_deleting_by_words_is_heard_with_any_polite_lead(said: str, about: str) -> None:
    assert forget_asked(said) == ForgetAsk(AskKind.DELETE, about=about)


@pytest.mark.parametrize(
    ("said", "words", "position"),
    [
        ("oops I meant fed the cat", "fed the cat", None),
        ("actually I meant fed the dog", "fed the dog", None),
        ("no no I said walked the dog", "walked the dog", None),
        ("I said fed the cat not fed the dog", "fed the cat", None),
        ("wrong, it was fed the cat", "fed the cat", None),
        ("that's wrong, it should be fed the cat", "fed the cat", None),
        ("sorry, you misheard, I said watered the plants", "watered the plants", None),
        ("can you change my win to fed the cat", "fed the cat", None),
        ("fix it to say called my sister", "called my sister", None),
        ("please change the second one to fed the cat", "fed the cat", 2),
        ("correct number three to made tea", "made tea", 3),
    ],
)
def test_corrections_are_heard_however_the_mistake_is_marked(
    said: str, words: str, position: int | None
) -> None:
    assert forget_asked(said) == ForgetAsk(AskKind.CORRECT, position, words=words)


@pytest.mark.parametrize(
    ("said", "words"),
    [
        # A mark of a mistake before "change that to ...".
        ("no, change that to walked the dog", "walked the dog"),
        ("no change it to I walked the dog", "i walked the dog"),
        ("sorry, change that to fed the cat", "fed the cat"),
        ("oh wait, change it to the dog", "the dog"),
        ("nope, fix that to say made soup", "made soup"),
        # What was said, then what was meant.
        ("sorry, I said washed the car, it was washed the van", "washed the van"),
        ("no I said the cat, I meant the dog", "the dog"),
        ("I said the cat but I meant the dog", "the dog"),
        ("oops I said two pumpkins when I meant three pumpkins", "three pumpkins"),
        ("wrong, I said called mum, it should be called my sister", "called my sister"),
        # "Make that ...": a deed or a thing.
        ("make that the dog", "the dog"),
        ("make that walked the dog", "walked the dog"),
        ("make it two pumpkins", "two pumpkins"),
        ("wait no make that I fed the cat", "i fed the cat"),
        ("make it say took the bins out", "took the bins out"),
        # A thing put right by another, or alone after a mark.
        ("not the cat, the dog", "the dog"),
        ("no, not the soup, the stew", "the stew"),
        ("no, the dog", "the dog"),
        ("sorry, my sister", "my sister"),
        ("oops, two emails", "two emails"),
    ],
)
def test_a_correction_right_after_a_win_is_heard_in_every_family(said: str, words: str) -> None:
    found = forget_asked(said)
    assert found is not None and (found.kind, found.position, found.words) == (
        AskKind.CORRECT,
        None,
        words,
    )
    # A thing said alone after a mark is a correction only right after a win (the handler's
    # to know): "no, the laundry" may answer "What's the one thing?".
    marked_only = not any(verb in said for verb in ("change", "fix", "said", "meant", "make"))
    assert found.bare == marked_only


@pytest.mark.parametrize(
    ("said", "position", "about", "words"),
    [
        # The win named first, then a change that points back at it.
        ("the one about my mum, change that to called my dad", None, "my mum", "called my dad"),
        ("the one about my mum change it to called my dad", None, "my mum", "called my dad"),
        ("the bike one, can you change it to fixed my car", None, "bike", "fixed my car"),
        ("the second one, change that to walked the dog", 2, "", "walked the dog"),
        ("the last one, please fix it to say watered the plants", LAST, "", "watered the plants"),
        # The win named, then what it should say.
        ("the second one should say walked the dog", 2, "", "walked the dog"),
        ("number two should read walked the dog", 2, "", "walked the dog"),
        ("the last one should be walked the dog", LAST, "", "walked the dog"),
        ("the mum one should say called my dad", None, "mum", "called my dad"),
        ("the one about the bike should have said fixed my car", None, "the bike", "fixed my car"),
        # A change, the win, then its words.
        ("fix the last one, it's I watered the plants", LAST, "", "i watered the plants"),
        ("fix the second one, it should say walked the dog", 2, "", "walked the dog"),
        ("correct the one about my mum, it was called my dad", None, "my mum", "called my dad"),
        ("fix the mum one it's called my dad", None, "mum", "called my dad"),
        ("fix that, it's walked the dog", None, "", "walked the dog"),
        ("change it so it says walked the dog", None, "", "walked the dog"),
    ],
)
def test_a_correction_naming_its_win_apart_from_its_verb_is_heard(
    said: str, position: int | None, about: str, words: str
) -> None:
    assert forget_asked(said) == ForgetAsk(AskKind.CORRECT, position, about=about, words=words)


@pytest.mark.parametrize(
    ("said", "words"),
    [
        ("i meant washed the van", "washed the van"),
        ("I meant I washed the van", "i washed the van"),
        ("i meant to say walked the dog", "walked the dog"),
        ("that should be fed the cat", "fed the cat"),
        ("it should be I fed the cat", "i fed the cat"),
    ],
)
def test_what_was_meant_said_plainly_corrects_only_right_after_a_win(said: str, words: str) -> None:
    # No mark of a mistake: the handler takes it as a correction only right after a win.
    assert forget_asked(said) == ForgetAsk(AskKind.CORRECT, words=words, bare=True)


@pytest.mark.parametrize(
    "said",
    [
        "the last one should be fine",
        "the blue one should be here tomorrow",
        "the new one should be delivered tomorrow",
        "the other one should say walked the dog",  # no win named by its words or place
        "it should be fine",
        "that should be easy",
    ],
)
def test_what_a_thing_should_be_is_no_correction(said: str) -> None:
    assert forget_asked(said) is None


@pytest.mark.parametrize(
    "said",
    [
        "make it to the gym",  # getting there
        "make that call",  # a plan
        "make it to bed early",
        "no the dog is sick",  # news, not a thing put right
        "no the other one",  # pointers answer a question
        "no the second one",
        "no the rest",
        "not a big deal but i answered two emails",
        "I said hello to my neighbour it was nice",
        "I said I'd go and it was fine",
    ],
)
def test_plans_news_and_pointers_are_no_correction(said: str) -> None:
    assert forget_asked(said) is None


@pytest.mark.parametrize(
    "said",
    [
        "I deleted the old emails",
        "I removed the weeds",
        "I got rid of the old sofa",
        "I meant to call mum",
        "i meant the world to her",  # a thing alone after a bare "i meant": no correction
        "i meant what i said",
        "i meant every word",
        "i meant well",
        "I said no to a second drink",
        "I said hello to my neighbour",
        "i said sorry to my brother for not calling back",  # saying sorry is told, not a fix
        "i said no to the extra shift instead of burning out",
        "i said thank you to the nurse rather than rushing off",
        "it was a good day not a bad one",
        "actually it was a good day",
        "no it was fine",
        "actually i did get the post in",
        "clear my desk",
        "forget it",
        "forget that",
        "undo that",
        "scrap that",
        "take off my shoes",
        "take out the bins",
        "i took it off",
        "I took off my coat",
        "the dog was wrong so i took him to the vet",
        "undo",
        "change the sheets",
        "change the bed to clean sheets",  # a place it names is no place in a list
        "",
    ],
)
def test_statements_and_other_requests_are_not_read_as_one(said: str) -> None:
    assert forget_asked(said) is None


def test_nothing_people_say_in_the_projects_corpora_is_read_as_a_request_to_delete_or_correct() -> (
    None
):
    root = Path(__file__).parents[1]
    said = [
        column
        for path in ("care/corpus.tsv", "care/fourth.tsv", "care/everyday.tsv", "care/ordinary.tsv")
        for line in (root / path).read_text("utf-8").splitlines()
        # talk to the skill ("ASK") holds real corrections and deletions ("scratch that")
        if line and not line.startswith(("#", "ASK\t"))
        for column in line.split("\t")[2:3]
    ] + [
        utterance
        for line in (root / "console/realtalk.tsv").read_text("utf-8").splitlines()
        if line and not line.startswith("#")
        for utterance in line.split("\t")[2].split(" | ")
    ]
    assert len(said) > 500
    assert [text for text in said if forget_asked(text) is not None] == []


@pytest.mark.parametrize(
    "said",
    [
        "bring that one back",
        "bring that back too",
        "oops bring that back",
        "I want that back",
        "can I have it back please",
        "put it back again",
        "give me back that one",
        "bring back that win",
        "undo the deletion",
        "restore that one",
    ],
)
def test_asking_for_a_deleted_win_back_is_heard_in_every_family(said: str) -> None:
    assert forget_asked(said) == ForgetAsk(AskKind.RESTORE)


@pytest.mark.parametrize(
    "said",
    [
        "I didn't mean to delete that",
        "oh no I didn't mean that",
        "that was a mistake",
        "I deleted the wrong one",
        "I didn't want it deleted",
    ],
)
def test_regret_after_a_delete_is_heard(said: str) -> None:
    assert forget_asked(said) == ForgetAsk(AskKind.REGRET)


@pytest.mark.parametrize(
    "said",
    ["I brought it back", "I put the books back", "I want my life back", "I got it back"],
)
def test_things_brought_back_in_a_day_are_no_request(said: str) -> None:
    assert forget_asked(said) is None


@pytest.mark.parametrize(
    ("said", "about"),
    [
        ("the email one didnt actually happen, can you take it off", "email"),
        ("take off the drink one, that wasnae a win", "drink"),
        ("take off the drink one, that wasn't a win", "drink"),
        ("the gym one wasn't true, delete it please", "gym"),
        ("the bins one was wrong so take it off", "bins"),
        ("delete the laundry one, I didn't actually do it", "laundry"),
        ("the dog one was a mistake can you remove it", "dog"),
        ("take the drink one out", "drink"),
        ("scrap the one about bed", "bed"),
        ("can you bin the pizza one", "pizza"),
    ],
)
def test_a_request_to_take_a_win_off_is_heard_with_its_reason_before_or_after(
    said: str, about: str
) -> None:
    assert forget_asked(said) == ForgetAsk(AskKind.DELETE, about=about)


@pytest.mark.parametrize(
    "said",
    [
        "can you take it off",
        "take that off please",
        "delete that",
        "delete it",
        "remove that one please",
        "get rid of it",
        "that wasn't a win, can you delete it",
        "it didn't happen so take it off",
    ],
)
def test_a_request_that_points_at_a_win_names_none(said: str) -> None:
    """ "Take it off": the win just heard, else the last one logged (the handler's to find)."""
    assert forget_asked(said) == ForgetAsk(AskKind.DELETE)
