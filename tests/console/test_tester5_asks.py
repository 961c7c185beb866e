"""What a blind tester found when four people talked to the skill over simulated weeks, through
``wins chat`` in zones far from UTC and across New Year: a question or a request to the skill
is never stored as a win (it gets its literal answer, or what the skill can do); a request to
take a win off, with its reason said before or after, asks to delete that win; a no, "that's
it" or a goodbye in everyday words answers any question; a day is named by its date when it
is not within the last week of this year, and a first win by its year."""

from __future__ import annotations

from pathlib import Path
from typing import Final

import pytest

from tests.console.talking import LONDON, WORDS, asks_to_delete, talk, talk_ends

pytestmark = pytest.mark.slow  # each run starts `wins chat`

MELBOURNE: Final = "Australia/Melbourne"
TORONTO: Final = "America/Toronto"
HONOLULU: Final = "Pacific/Honolulu"


def _count(tmp_path: Path, at: str, zone: str) -> str:
    (said,) = talk(tmp_path, at, zone, "ask small wins how many wins do I have")
    return said


def test_a_request_to_take_a_win_off_asks_to_delete_that_win_and_stores_nothing(
    tmp_path: Path,
) -> None:
    talk(tmp_path, "2026-10-28T14:10", TORONTO, "tell small wins I emailed my professor")
    talk(tmp_path, "2026-10-28T14:12", TORONTO, "tell small wins I had a second coffee")
    before = _count(tmp_path, "2026-10-28T21:50", TORONTO)
    _, named, kept, reason_after, kept_again, pointed = talk(
        tmp_path,
        "2026-10-28T22:00",
        TORONTO,
        "open small wins",
        "the email one didnt actually happen, can you take it off",
        "no",
        "take off the coffee one, that wasn't a win",
        "no",
        "can you take it off",
    )
    assert named in asks_to_delete("you emailed your professor")
    assert reason_after in asks_to_delete("you had a second coffee")
    assert kept.startswith("Okay") and kept_again.startswith("Okay")
    assert "Shall I delete it?" in pointed  # the last win logged, named, asked first
    assert _count(tmp_path, "2026-10-28T22:10", TORONTO) == before  # nothing stored


@pytest.mark.parametrize(
    "question",
    [
        "what reminders do I have",
        "do I have more than one reminder",
        "What styles are there?",
        "What is the date of my first win?",
        "Which days does this week include?",
        "can you email me my wins",
        "how do I change the voice",
    ],
)
def test_a_question_to_the_skill_is_answered_and_never_stored(
    tmp_path: Path, question: str
) -> None:
    # Melbourne, Wednesday 30 December: the week runs into the new year.
    talk(tmp_path, "2026-01-02T09:00", MELBOURNE, "tell small wins I vacuumed the hallway")
    _, _, answered = talk(
        tmp_path, "2026-12-30T10:00", MELBOURNE, "open small wins", "I hung the washing", question
    )
    assert "You " + question.lower() not in answered
    assert "win today" not in answered and "wins today" not in answered
    (total,) = talk(
        tmp_path, "2026-12-30T10:12", MELBOURNE, "ask small wins how many wins do I have"
    )
    assert "2 wins" in total


def test_literal_questions_get_literal_answers_across_new_year(tmp_path: Path) -> None:
    talk(tmp_path, "2026-01-02T09:00", MELBOURNE, "tell small wins I vacuumed the hallway")
    _, styles, first, week, other = talk(
        tmp_path,
        "2026-12-30T10:00",
        MELBOURNE,
        "open small wins",
        "What styles are there?",
        "What is the date of my first win?",
        "Which days does this week include?",
        "can you email me my wins",
    )
    assert styles.startswith(WORDS.variants("asks.styles")[0])
    assert first.startswith("Your first win here was on Friday, January 2, 2026.")
    assert week.startswith("This week runs from Monday, December 28 to Sunday, January 3.")
    assert any(other.startswith(text) for text in WORDS.variants("asks.cannot"))


def test_no_and_goodbye_in_everyday_words_answer_any_question(tmp_path: Path) -> None:
    talk(
        tmp_path,
        "2026-10-28T14:00",
        TORONTO,
        "tell small wins I did the laundry and I walked the dog and I made tea and I called mum "
        "and I fed the cat and I read a book",
    )
    for ending in ("ok cool bye", "ok thats it", "nah I'm good"):
        said = talk_ends(
            tmp_path, "2026-10-28T22:00", TORONTO, "open small wins", "what did I do today", ending
        )
        assert said[1][0].endswith(WORDS.variants("recall.more")[0].format(count=1))
        assert said[2][1], (ending, said[2])  # the session ended
        assert "didn't" not in said[2][0]
    said = talk_ends(
        tmp_path,
        "2026-10-28T22:05",
        TORONTO,
        "open small wins",
        "what time is my reminder",
        "Not at the moment.",
    )
    assert said[2][1] and "didn't" not in said[2][0]
    # Said to "What did you do?", a no is never a win.
    said = talk_ends(tmp_path, "2026-10-28T22:10", TORONTO, "open small wins", "nah I'm good")
    assert said[1][1] and "good" not in said[1][0].lower()
    # A goodbye to "Want me to log it as a win?" ends, with nothing logged and nothing asked.
    said = talk_ends(
        tmp_path,
        "2026-10-28T22:15",
        TORONTO,
        "open small wins",
        "honestly nothing today, I just doomscrolled all day",
        "bye",
    )
    assert said[2][1] and "?" not in said[2][0]
    (total,) = talk(tmp_path, "2026-10-28T22:20", TORONTO, "ask small wins how many wins do I have")
    assert "6 wins" in total


def test_no_one_thing_today_is_a_no_to_the_morning_question(tmp_path: Path) -> None:
    _, answered = talk(
        tmp_path,
        "2027-01-09T08:00",
        MELBOURNE,
        "open small wins",
        "I do not have a one thing today.",
    )
    assert answered.startswith("That's okay. No plan needed today.")
    (total,) = talk(
        tmp_path, "2027-01-09T08:05", MELBOURNE, "ask small wins how many wins do I have"
    )
    assert "one win" not in total and "1 win" not in total


def test_a_day_is_named_by_its_date_unless_it_is_within_the_last_week_of_this_year(
    tmp_path: Path,
) -> None:
    talk(tmp_path, "2026-12-30T10:00", MELBOURNE, "tell small wins I vacuumed the hallway")
    talk(tmp_path, "2027-01-04T10:00", MELBOURNE, "tell small wins I watered the plants")
    _, counted, read, near = talk(
        tmp_path,
        "2027-01-05T18:00",
        MELBOURNE,
        "open small wins",
        "How many wins did I log on the 30th of December?",
        "what did I do on the 30th of December",
        "what did I do yesterday",
    )
    assert counted.startswith("On Wednesday, December 30, you logged one win.")
    assert read.startswith("On Wednesday, December 30, you logged one win.")
    assert near.startswith("Yesterday, Monday, you logged one win.")


def test_a_month_read_out_names_days_further_back_than_a_week_by_their_date(
    tmp_path: Path,
) -> None:
    talk(tmp_path, "2026-10-23T16:00", LONDON, "tell small wins I made the bed")
    talk(tmp_path, "2026-10-30T16:00", LONDON, "tell small wins I made a cup of tea")
    (month,) = talk(tmp_path, "2026-11-03T10:00", LONDON, "ask small wins what did I do last month")
    assert "On Friday, October 23, you made the bed." in month
    assert "On Friday, you made a cup of tea." in month


def test_a_reminder_asked_for_any_way_is_set_and_that_then_means_the_reminder(
    tmp_path: Path,
) -> None:
    # Honolulu, a night nurse, 15:15 on Wednesday 2 December.
    talk(tmp_path, "2026-12-02T15:00", HONOLULU, "tell small wins I charted everything")
    said = talk(
        tmp_path,
        "2026-12-02T15:15",
        HONOLULU,
        "open small wins",
        "can you remind me at 2:30 am instead",
        "yes",
        "when is it",
        "actually move it to 2 am, that is my lunch break on nights",
        "change that to 3 am",
        "what time is my reminder",
        one_answer_each=False,
    )
    spoken = [line for line in said if not line.startswith(("Alexa:", "Reminder "))]
    _, asked, done, when, moved, changed, read = spoken
    assert asked.startswith("I can remind you every day at 2:30 AM.")
    assert done.startswith("Done. I'll remind you every day at 2:30 AM")
    assert when.startswith("Your reminder is every day at 2:30 AM.")
    assert moved.startswith("Done. I'll remind you every day at 2 AM")
    assert changed.startswith("Done. I'll remind you every day at 3 AM")
    assert read.startswith("Your reminder is every day at 3 AM.")
    (total,) = talk(
        tmp_path, "2026-12-02T15:30", HONOLULU, "ask small wins how many wins do I have"
    )
    assert "one win" in total.lower() or "1 win" in total  # the win alone: no request stored


def test_a_self_corrected_time_sets_the_last_one_said(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-10-29T09:10",
        TORONTO,
        "open small wins",
        "can you remind me at like 10 am? actually no make it 11",
        "yes",
        one_answer_each=False,
    )
    spoken = [line for line in said if not line.startswith(("Alexa:", "Reminder "))]
    assert spoken[1].startswith("I can remind you every day at 11 AM.")
    assert spoken[2].startswith("Done. I'll remind you every day at 11 AM")


def test_change_that_after_a_win_still_corrects_the_win(tmp_path: Path) -> None:
    _, _, _, _, corrected = talk(
        tmp_path,
        "2026-10-24T09:00",
        LONDON,
        "open small wins",
        "remind me at 9 in the morning",
        "no",
        "I made tea",
        "change that to I made coffee",
    )
    assert "you made coffee" in corrected


def test_last_night_and_tonight_are_the_night_not_the_calendar_day(tmp_path: Path) -> None:
    # A night nurse in Honolulu: shifts from the evening into the small hours.
    talk(tmp_path, "2026-12-02T03:40", HONOLULU, "tell small wins I charted everything")
    talk(tmp_path, "2026-12-02T14:45", HONOLULU, "tell small wins I ate a proper breakfast")
    talk(tmp_path, "2026-12-03T04:10", HONOLULU, "tell small wins I stayed calm with a family")
    talk(tmp_path, "2026-12-03T05:30", HONOLULU, "tell small wins I took my full break")
    _, last_night, tuesday_night = talk(
        tmp_path,
        "2026-12-03T15:00",
        HONOLULU,
        "open small wins",
        "what did I do last night",
        "what did I do on tuesday night",
    )
    assert last_night.startswith("Last night, you logged 2 wins.")
    assert "full break" in last_night and "stayed calm" in last_night
    assert "breakfast" not in last_night and "charted" not in last_night
    assert tuesday_night.startswith("On Tuesday night, you logged one win. You charted")

    # A win at 23:50 counts for "tonight" asked at 05:00, before the morning's question.
    talk(tmp_path, "2026-12-07T23:50", HONOLULU, "tell small wins I helped a new grad")
    opened, tonight = talk(
        tmp_path, "2026-12-08T05:00", HONOLULU, "open small wins", "what have I done tonight"
    )
    assert "Good morning" not in opened and "one thing" not in opened
    assert "you logged one win. You helped a new grad" in tonight


def test_a_deed_said_again_to_confirm_it_is_one_win(tmp_path: Path) -> None:
    (said,) = talk(
        tmp_path,
        "2026-11-01T15:00",
        TORONTO,
        "tell small wins I cleaned my room and um, I think I called my mom? yeah I called my mom",
    )
    assert "yeah" not in said and said.count("called your mom") == 1
    (total,) = talk(tmp_path, "2026-11-01T15:05", TORONTO, "ask small wins how many wins do I have")
    assert "2 wins" in total


@pytest.mark.parametrize(
    "answer",
    ["Yes, I did two more things.", "yeah I did a few more things", "I did two more things"],
)
def test_more_things_done_but_not_named_are_asked_about_and_never_stored(
    tmp_path: Path, answer: str
) -> None:
    _, _, asked_what, told = talk(
        tmp_path,
        "2027-01-06T10:00",
        MELBOURNE,
        "open small wins",
        "I hung the washing on the line.",
        answer,
        "I watered the plants and I fed the cat",
    )
    assert "yes" not in asked_what.lower() and "things" not in asked_what.lower()
    assert "watered the plants and fed the cat" in told
    (total,) = talk(
        tmp_path, "2027-01-06T10:05", MELBOURNE, "ask small wins how many wins do I have"
    )
    assert "3 wins" in total


def test_only_the_number_to_the_recap_says_how_many_and_moves_on(tmp_path: Path) -> None:
    # Melbourne: two wins in the week across New Year, the recap offered on Monday 4 January.
    talk(tmp_path, "2026-12-30T10:00", MELBOURNE, "tell small wins I swept the floor")
    talk(tmp_path, "2027-01-02T10:00", MELBOURNE, "tell small wins I fed the cat")
    offered, number = talk(
        tmp_path, "2027-01-04T07:45", MELBOURNE, "open small wins", "Only the number."
    )
    assert "2 wins" in offered and "last week" in offered.lower()  # either wording of the offer
    assert number.startswith("Last week, you logged 2 wins.")
    assert "swept" not in number and "Sorry" not in number and number.endswith("?")


def test_a_win_is_deleted_by_the_day_it_was_logged_across_new_year(tmp_path: Path) -> None:
    talk(tmp_path, "2026-12-30T10:00", MELBOURNE, "tell small wins I vacuumed the hallway")
    talk(tmp_path, "2027-01-04T10:00", MELBOURNE, "tell small wins I fed the cat and I swept")
    _, named, deleted, which, asked, _, total = talk(
        tmp_path,
        "2027-01-05T18:00",
        MELBOURNE,
        "open small wins",
        "Delete the win from the 30th of December.",
        "yes",
        "remove the one from yesterday",
        "the second",
        "yes",
        "ask small wins how many wins do I have",
    )
    assert named in asks_to_delete("you vacuumed the hallway")
    assert deleted.startswith("Done. That win is deleted.")
    assert "you swept" in which and "you fed the cat" in which
    assert "you fed the cat" in asked
    assert "one win" in total


def test_several_places_are_deleted_one_at_a_time_each_asked_first(tmp_path: Path) -> None:
    talk(
        tmp_path,
        "2027-01-07T08:00",
        MELBOURNE,
        "tell small wins I fed the cat and I swept and I made tea and I read",
    )
    _, _, first, second, done, today = talk(
        tmp_path,
        "2027-01-07T09:00",
        MELBOURNE,
        "open small wins",
        "what did I do today",
        "Delete the second one and the third one.",
        "yes",
        "yes",
        "what did I do today",
    )
    assert first in asks_to_delete("you made tea")
    assert second.startswith("Done. That win is deleted.") and "you swept?" in second
    assert done.startswith("Done. That win is deleted.")
    assert today.startswith("Today, Thursday, you logged 2 wins.")
    assert "tea" not in today and "swept" not in today


def test_words_that_only_point_at_wins_are_never_a_win(tmp_path: Path) -> None:
    talk(
        tmp_path,
        "2026-10-28T14:00",
        TORONTO,
        "tell small wins I emailed my professor and I did the dishes and I emailed my sister",
    )
    _, which, first, then, done, unasked, today = talk(
        tmp_path,
        "2026-10-28T22:07",
        TORONTO,
        "open small wins",
        "delete the one about email",
        "the first",
        "the second one too",
        "yes",
        "the second",
        "what did I do today",
    )
    assert "you emailed your sister" in which and "you emailed your professor" in which
    assert first in asks_to_delete("you emailed your sister")
    assert then.startswith("Done. That win is deleted.") and "you emailed your professor?" in then
    assert done.startswith("Done. That win is deleted.")
    assert "second" not in today.lower()
    assert today.startswith("Today, Wednesday, you logged one win. You did the dishes.")
    gone = WORDS.variants("forget.place_gone")[0].format(place="second")
    # never a win: how to say it, or that the second one read out is gone already
    assert "the second" not in unasked.lower() or "say" in unasked.lower() or gone in unasked


@pytest.mark.parametrize(
    ("at", "zone"),
    [
        ("2027-01-01T00:20", MELBOURNE),
        ("2026-11-01T01:30", TORONTO),
        ("2026-12-08T05:00", HONOLULU),
    ],
)
def test_nobody_is_asked_for_the_days_one_thing_in_the_small_hours(
    tmp_path: Path, at: str, zone: str
) -> None:
    talk(tmp_path, "2026-10-01T12:00", zone, "tell small wins I went for a walk")
    (opened,) = talk(tmp_path, at, zone, "open small wins")
    assert "Good morning" not in opened and "you'll do today" not in opened
    (later,) = talk(tmp_path, at[:11] + "09:00", zone, "open small wins")  # that morning
    assert "you'll do today" in later
