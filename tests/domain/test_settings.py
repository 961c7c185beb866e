"""Requests about the skill itself are heard as settings in many wordings, and wins never are."""

from __future__ import annotations

import pytest

from skill.domain.settings import Setting, setting_asked, style_answered

HEARD: dict[Setting, tuple[str, ...]] = {
    Setting.BRIEF: (
        "stop asking me questions",
        "be brief",
        "no follow-ups",
        "keep it short",
        "less chatty",
        "no more questions",
        "don't ask me anything",
        "please stop asking",
        "can you stop asking me stuff",
        "fewer questions please",
        "I'd rather you didn't ask questions",
        "i hate all the questions",
        "too many questions",
        "shorter answers please",
        "could you keep your answers short",
        "I don't like being asked things",
        "enough with the questions",
        "quit asking me things",
        "um skip the questions",
        "brief mode",
        "talk less",
        "i want you to stop asking me stuff",
    ),
    Setting.CHATTY: (
        "you can ask me things again",
        "ask me questions again",
        "more chat",
        "you can ask me questions",
        "start asking me questions again",
        "turn off brief mode",
        "questions are fine again",
        "bring back the questions",
        "ask me stuff again please",
    ),
    Setting.CALM: (
        "tone it down",
        "less excited",
        "quieter",
        "not so loud",
        "calm down a bit",
        "less enthusiastic",
        "be more chill",
        "stop the sounds",
        "no sounds please",
        "you're too loud",
        "a bit quieter please",
        "make it calmer",
        "can you dial it down a bit",
        "turn off the sound effects",
        "too cheerful",
        "don't make a fuss",
        "tone it down a bit please",
        "quieter with the celebrations",
    ),
    Setting.CHEERFUL: (
        "more cheerful",
        "cheer it up",
        "be more excited",
        "more upbeat",
        "a bit more cheerful please",
        "bring back the sounds",
        "livelier please",
        "make it more fun",
        "not so boring",
        "perk it up",
    ),
    Setting.OTHER: ("leave me alone", "stop the morning thing", "log it please"),
}
# Told, not asked: each is a win or something else, never a setting.
TOLD: tuple[str, ...] = (
    "i did the laundry",
    "i told my boss to stop asking me questions",
    "i stopped asking for permission",
    "i asked questions in class",
    "i do not want to do anything",
    "i turned off the tv",
    "i kept it short at the meeting",
    "i had a quiet day",
    "i calmed down",
    "i want to stop asking for help",
    "i cheered up my friend",
    "i made it quick",
    "went for a walk",
    "i was brief with my boss",
    "no more",
    "nothing else",
    "be calmer with my kids",
    "be more chill with people",
    "stop the noise in my head",
    "start asking for help",
)


@pytest.mark.parametrize(
    ("said", "setting"), [(said, setting) for setting, all in HEARD.items() for said in all]
)
def test_a_request_about_the_skill_names_its_setting(said: str, setting: Setting) -> None:
    assert setting_asked(said) is setting


@pytest.mark.parametrize("said", TOLD)
def test_what_a_person_tells_is_no_setting(said: str) -> None:
    assert setting_asked(said) is None
    assert setting_asked(said.removeprefix("i "), "i") is None


@pytest.mark.parametrize(
    ("said", "setting"),
    [
        ("do not want to be asked questions", Setting.BRIEF),
        ("don't like being asked things", Setting.BRIEF),
        ("would rather you didn't ask me anything", Setting.BRIEF),
    ],
)
def test_after_i_the_whole_statement_is_heard(said: str, setting: Setting) -> None:
    """ "Tell small wins I don't want to be asked questions": the carrier's "I" counts."""
    assert setting_asked(said, "i") is setting


@pytest.mark.parametrize(
    "said", ["stop asking for help", "do not ask for help", "start asking why"]
)
def test_asking_about_something_else_is_no_request_about_questions(said: str) -> None:
    assert setting_asked(said) in (None, Setting.OTHER)


def test_a_preference_told_after_i_that_no_family_names_is_left_to_the_reader() -> None:
    assert setting_asked("leave me alone") is Setting.OTHER
    assert setting_asked("told my boss to stop asking me questions", "i") is None


@pytest.mark.parametrize(
    ("said", "style"),
    [
        ("calm", Setting.CALM),
        ("the quiet one", Setting.CALM),
        ("the calm one please", Setting.CALM),
        ("gentle", Setting.CALM),
        ("umm calm i think", Setting.CALM),
        ("keep it calm", Setting.CALM),
        ("the first one", Setting.CALM),  # the question names calm first
        ("cheerful", Setting.CHEERFUL),
        ("I'd like the cheerful one", Setting.CHEERFUL),
        ("loud", Setting.CHEERFUL),
        ("the second one", Setting.CHEERFUL),
        # "Normal" is the style a new person starts with: cheerful.
        ("normal", Setting.CHEERFUL),
        ("the usual", Setting.CHEERFUL),
        ("the normal one please", Setting.CHEERFUL),
        ("default", Setting.CHEERFUL),
    ],
)
def test_a_bare_answer_to_calm_or_cheerful_names_the_style(said: str, style: Setting) -> None:
    assert style_answered(said) == style


@pytest.mark.parametrize(
    "said", ["banana", "purple", "I walked the dog", "yes", "no", "nothing", "the dog one"]
)
def test_other_words_name_no_style(said: str) -> None:
    assert style_answered(said) is None
