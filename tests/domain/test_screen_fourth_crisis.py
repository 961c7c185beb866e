"""Crisis classes a held-out set showed missing once its figure was recorded, each tested by
examples of the class (never the set's own lines), and the everyday words beside them still
wins: goodbye letters to one's own family, the tracks with a time or a plan, the word suicidal
beside a whole plan, a means kept waiting, following someone who dies, one's own grave, urges
still strong, and a goodbye said to the skill itself."""

from __future__ import annotations

import pytest

from skill.domain.screen import Kind, screen

CARE = {Kind.CRISIS, Kind.CHECK_IN}


@pytest.mark.parametrize(
    "said",
    [
        "i've written goodbye notes to my wife and the boys",
        "doing my farewell letters for the children tonight",
        "i'm walking onto the railway line after dark",
        "standing in front of the train tomorrow morning, it's decided",
        "yeah i'm suicidal, i've got it all planned out",
        "dad's fentanyl patches are in the drawer waiting for me",
        "when my wife dies i'm going with her",
        "they'd all be fine with me six feet under",
        "made a cuppa but the urges are still strong",
        "don't worry, i won't bother you anymore",
        "i won't be bothering anyone after tonight",
    ],
)
def test_the_class_gets_care(said: str) -> None:
    assert screen(said, "").kind in CARE


@pytest.mark.parametrize(
    "said",
    [
        "i said goodbye to the kids at the school gate",
        "wrote a goodbye card for my coworker's leaving do",
        "caught the train to see my mum",
        "i picked up dad's oramorph from the chemist",
        "i died laughing at the film",
        "i've got it all planned out for the party",
        "i had urges to shop but didn't buy anything",
    ],
)
def test_the_everyday_words_beside_it_are_still_wins(said: str) -> None:
    assert screen(said, "").kind is Kind.WIN


def test_going_with_someone_to_hospital_is_a_win_or_at_most_a_question() -> None:
    # "I'm going with her" is also how joining someone who died is said; the danger net, weighing
    # words and pairs, may ask whether they are safe. Never more than that, and never "not a win".
    assert screen("my nan is going into hospital and i'm going with her", "").kind in (
        Kind.WIN,
        Kind.CHECK_IN,
    )
