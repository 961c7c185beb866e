"""Ways out of a question in everyday words ("that will do", "thank you, that is enough", "nah
that's it", "periodt bye", "sweet"), and a win named before the request to delete it ("the
second one, delete it please")."""

from __future__ import annotations

import pytest

from skill.domain.closings import polite_close
from skill.domain.forget_asks import AskKind, ForgetAsk, forget_asked
from skill.domain.plain_answers import Plain, plain_answer
from skill.domain.screen import Frame, Kind, canonical, screen

ENOUGH = (
    "that will do",
    "that'll do thanks",
    "thank you, that is enough",
    "that's enough for today",
    "nah thats it",
    "that's me done",
    "periodt bye",
    "ok that will be all",
    "cheers that'll do",
)


@pytest.mark.parametrize("said", ENOUGH)
def test_enough_said_in_everyday_words_closes_and_is_no_danger(said: str) -> None:
    assert polite_close(canonical(said)) == "goodbye"
    assert screen(said, "", Frame.OTHER).kind not in (Kind.CRISIS, Kind.CHECK_IN)


@pytest.mark.parametrize(
    "said", ["that will do", "thank you, that is enough", "nah thats it", "periodt bye"]
)
def test_enough_is_that_is_all_to_any_question(said: str) -> None:
    assert plain_answer(said) is Plain.DONE


@pytest.mark.parametrize("said", ["sweet", "sweet as mate", "sweet thanks"])
def test_sweet_is_thanks(said: str) -> None:
    assert polite_close(canonical(said)) == "thanks"


@pytest.mark.parametrize(
    "said", ["sweet I walked the dog", "that will do me good", "enough is enough i am done"]
)
def test_words_with_more_in_them_are_no_way_out(said: str) -> None:
    assert polite_close(canonical(said)) is None


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("the second one, delete it please", ForgetAsk(AskKind.DELETE, 2)),
        ("the first one can you delete it", ForgetAsk(AskKind.DELETE, 1)),
        ("the chem one, can you get rid of it", ForgetAsk(AskKind.DELETE, about="chem")),
        ("the one about the oven, take it off please", ForgetAsk(AskKind.DELETE, about="the oven")),
    ],
)
def test_a_win_named_before_the_request_to_delete_it_is_that_win(
    said: str, asked: ForgetAsk
) -> None:
    assert forget_asked(said) == asked


@pytest.mark.parametrize("said", ["the second one was great", "the dog one i loved it"])
def test_a_win_named_and_talked_about_is_no_request(said: str) -> None:
    assert forget_asked(said) is None
