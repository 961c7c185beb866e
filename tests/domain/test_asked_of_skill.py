"""Questions, requests and plain answers said to the skill in words no sample holds, read by
family: never a deed (``skill_asks``), a reminder asked for any way (``reminder_asks``), a no
or "that's all" in everyday words (``plain_answers``)."""

from __future__ import annotations

import pytest

from skill.domain.matching import Pointer, pointer_in, positions_in
from skill.domain.plain_answers import Plain, plain_answer
from skill.domain.reminder_asks import ReminderAsk, reminder_asked
from skill.domain.skill_asks import Topic, asked_of_skill


@pytest.mark.parametrize(
    ("said", "topic"),
    [
        ("what reminders do I have", Topic.REMINDER),
        ("do I have more than one reminder", Topic.REMINDER),
        ("is my reminder still on", Topic.REMINDER),
        ("Is that 7:30 AM or PM?", Topic.REMINDER),
        ("how many reminders have I got", Topic.REMINDER),
        ("What styles are there?", Topic.STYLES),
        ("which modes can I pick", Topic.STYLES),
        ("what style am I on", Topic.STYLE),
        ("What is the date of my first win?", Topic.START),
        ("when was my first entry", Topic.START),
        ("what's my goal today", Topic.GOAL),
        ("what is my goal right now", Topic.GOAL),
        ("so what was the goal again", Topic.GOAL),
        ("whats the one thing for today", Topic.ONE_THING),
        ("what did I pick as my one thing", Topic.ONE_THING),
        ("Which days does this week include?", Topic.WEEK),
        ("when does the week start", Topic.WEEK),
        ("can you email me my wins", Topic.OTHER),
        ("could you play some music", Topic.OTHER),
        ("how do I change the voice", Topic.OTHER),
        ("are you a real person", Topic.PERSON),
        ("so what can you do", Topic.ABILITIES),
        # What is kept, how, and when: asked literally, answered literally.
        ("what exactly do you store about me", Topic.KEPT),
        ("what do you know about me", Topic.KEPT),
        ("so what information do you have on me", Topic.KEPT),
        ("do you keep any data", Topic.KEPT),
        ("what does small wins save about me", Topic.KEPT),
        ("is my data private", Topic.KEPT),
        ("do you record my voice", Topic.VOICE),
        ("are you recording me right now", Topic.VOICE),
        ("is my voice saved anywhere", Topic.VOICE),
        ("do you keep recordings", Topic.VOICE),
        ("if i say something do you record it", Topic.VOICE),
        ("when I delete a win is it permanently erased", Topic.ERASED),
        ("if i delete something is it gone for good", Topic.ERASED),
        ("does deleting a win really erase it", Topic.ERASED),
        ("i delete a win is it gone for good", Topic.ERASED),  # "if" lost before "I"
        ("are deleted wins completely gone", Topic.ERASED),
        ("is a deleted win erased", Topic.ERASED),
        ("what happens when i delete a win", Topic.ERASED),
        ("what happens if i delete one", Topic.ERASED),
        ("what is the precise definition of a win", Topic.WIN_MEANS),
        ("what counts as a win", Topic.WIN_MEANS),
        ("what's a win exactly", Topic.WIN_MEANS),
        ("what do you mean by a win", Topic.WIN_MEANS),
        ("how do you define a win", Topic.WIN_MEANS),
        ("what time zone are you using", Topic.ZONE),
        ("which time zone is this in", Topic.ZONE),
        ("whose time are you going by", Topic.ZONE),
        ("what time was that stored", Topic.LOGGED_AT),
        ("when was it saved", Topic.LOGGED_AT),
        ("what time did you log that", Topic.LOGGED_AT),
        ("um when did you save it", Topic.LOGGED_AT),
    ],
)
def test_a_question_or_request_to_the_skill_is_read_by_what_it_asks(
    said: str, topic: Topic
) -> None:
    assert asked_of_skill(said) is topic


@pytest.mark.parametrize(
    "said",
    [
        "I walked the dog",
        "did the dishes",
        "did the laundry and i walked the dog",
        "did my physical therapy exercises",
        "when the semester ends i will go back home",
        "what my sister said really helped",
        "had a bath",
        "was at work all day",
        "what a day",
        "when i got home i cleaned the kitchen",
        "what i did today was the laundry",
        "how i got through it i do not know",
        "what? oh, not yet",
        "did I do anything this week",  # about their wins: recall's to answer
        "what did I do yesterday",
        "can you remind me at 2:30 am instead",  # a reminder asked for: never read one back
        "i remembered to take my meds",
        "i kept my voice calm with the kids",
        "i deleted my ex's number, it's gone for good",
        "when i got home i recorded a song",
        "i defined my goals for the week",
        "i went out for a walk is that okay",
        "i did the dishes is that a win",
        "",
    ],
)
def test_deeds_and_questions_about_what_was_done_are_not_asked_of_the_skill(said: str) -> None:
    assert asked_of_skill(said) is None


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("can you remind me at 2:30 am instead", ReminderAsk("02:30", "am", move=False)),
        (
            "actually move it to 2 am, that is my lunch break on nights",
            ReminderAsk("02:00", "am", move=True, pointed=True),
        ),
        ("can you remind me at like 10? actually no make it 11", ReminderAsk("11:00", None, False)),
        ("remind me at 10 pm, no wait, 11", ReminderAsk("23:00", "pm", move=False)),
        (
            "actually can you move it to like quarter to 11",
            ReminderAsk("10:45", None, move=True, pointed=True),
        ),
        ("change that to ten", ReminderAsk("10:00", None, move=True, pointed=True)),
        ("could you move my reminder to half nine please", ReminderAsk("09:30", None, True)),
        ("set a reminder for 7:15 every day", ReminderAsk("07:15", None, move=False)),
        ("push the reminder to 8 in the evening", ReminderAsk("20:00", "pm", move=True)),
        ("move it to midnight", ReminderAsk("00:00", None, move=True, pointed=True)),
        ("remind me at twelve thirty am", ReminderAsk("00:30", "am", move=False)),
    ],
)
def test_a_reminder_is_heard_with_hedges_reasons_and_self_corrections(
    said: str, asked: ReminderAsk
) -> None:
    assert reminder_asked(said) == asked


@pytest.mark.parametrize(
    "said",
    [
        "I walked the dog",
        "remind me to call mum",
        "change that to I made coffee",
        "make it to the gym",
        "i moved it to the shed",
        "remind me of a win",
    ],
)
def test_words_with_no_time_for_a_reminder_ask_for_none(said: str) -> None:
    assert reminder_asked(said) is None


@pytest.mark.parametrize(
    "said",
    [
        "Not at the moment.",
        "no not right now",
        "nah I'm good",
        "maybe later",
        "not today thanks",
        "I'd rather not",
        "I do not have a one thing today.",
        "no plans yet",
        "not really",
    ],
)
def test_a_no_in_everyday_words(said: str) -> None:
    assert plain_answer(said) is Plain.NO


@pytest.mark.parametrize(
    "said",
    ["ok cool bye", "ok thats it", "that is it", "ok that's all for now", "thanks bye", "all done"],
)
def test_that_is_all_in_everyday_words(said: str) -> None:
    assert plain_answer(said) is Plain.DONE


@pytest.mark.parametrize(
    "said",
    [
        "thanks",  # to "Want to hear your week?" it may mean yes
        "ok cheers",
        "ok",
        "bye forever",
        "not great",
        "no I walked the dog",
        "nothing",
        "I did the laundry",
        "",
    ],
)
def test_words_that_are_more_than_a_no_are_no_plain_answer(said: str) -> None:
    assert plain_answer(said) is None


@pytest.mark.parametrize(
    ("said", "places"),
    [
        ("the second one and the third one", [2, 3]),
        ("second one and the third", [2, 3]),
        ("two and four", [2, 4]),
        ("first, second and third", [1, 2, 3]),
        ("second", None),
        ("laundry and dishes", None),
        ("the second one and the laundry", None),
    ],
)
def test_several_places_named_in_one_breath(said: str, places: list[int] | None) -> None:
    assert positions_in(said) == places


@pytest.mark.parametrize(
    ("said", "pointer"),
    [
        ("the second", Pointer((2,))),
        ("the second one too", Pointer((2,))),
        ("and the bed one", Pointer(about="bed")),
        ("both", Pointer(every=True)),
        ("all of them please", Pointer(every=True)),
        ("the first and the third", Pointer((1, 3))),
        ("number two as well", Pointer((2,))),
    ],
)
def test_words_that_only_point_at_wins(said: str, pointer: Pointer) -> None:
    assert pointer_in(said) == pointer


@pytest.mark.parametrize(
    "said", ["I walked the dog", "the other one", "one", "a good one", "the first thing i did"]
)
def test_words_that_say_more_than_a_pointer_are_none(said: str) -> None:
    assert pointer_in(said) is None
