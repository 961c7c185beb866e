"""Questions about what the skill does, in families of phrasing: what it can do, what a one
thing and a one-minute goal are, what counts as a win, a minute's timer asked for (a goal), and
today's one thing asked in more words than a sample's. Never a deed or a plan."""

from __future__ import annotations

import pytest

from skill.domain.skill_asks import Topic, asked_of_skill


@pytest.mark.parametrize(
    ("said", "topic"),
    [
        ("what else can you do besides that", Topic.ABILITIES),
        ("what can you do then", Topic.ABILITIES),
        ("so what other things can you do", Topic.ABILITIES),
        ("what are you able to do", Topic.ABILITIES),
        ("what else is there", Topic.ABILITIES),
        ("what is a one thing", Topic.ONE_THING_MEANS),
        ("what does one thing mean", Topic.ONE_THING_MEANS),
        ("what's this one thing about", Topic.ONE_THING_MEANS),
        ("what's a one minute goal, my daughter said summat about one", Topic.GOAL_MEANS),
        ("how do I do a one minute thing", Topic.GOAL_MEANS),
        ("how does the minute timer work", Topic.GOAL_MEANS),
        ("what exactly counts as a win", Topic.WIN_MEANS),
        ("what really counts", Topic.WIN_MEANS),
        ("can you set a timer for like one minute", Topic.GOAL_START),
        ("could you time me for a minute", Topic.GOAL_START),
        ("can you start a one minute timer please", Topic.GOAL_START),
        ("what was my one thing today, I've forgotten", Topic.ONE_THING),
        ("wait what's my one thing again", Topic.ONE_THING),
    ],
)
def test_questions_about_the_skill_have_their_topic(said: str, topic: Topic) -> None:
    assert asked_of_skill(said) is topic


@pytest.mark.parametrize(
    "said",
    [
        "can you set a timer for 10 minutes",  # no minute: not a one-minute goal
        "can you set a timer for an hour",
        "set a timer for ten minutes for smoko",
        "time me for five minutes",
    ],
)
def test_a_timer_of_another_length_is_no_goal(said: str) -> None:
    assert asked_of_skill(said) is Topic.TIMER_OTHER  # said so, and a one-minute goal offered


@pytest.mark.parametrize(
    "said",
    [
        "I set a timer for one minute and cleared my desk",
        "I did my one thing",
        "I'll do one thing today",
        "what I did was one thing at a time",
    ],
)
def test_deeds_and_plans_about_minutes_and_one_things_ask_nothing(said: str) -> None:
    assert asked_of_skill(said) is None
