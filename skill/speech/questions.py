"""What the skill last asked, as one record: every question in the catalogue names one.

A question's answers (yes, no, "that's all", "another", stop) mean different things after
"Anything else?" and after "Shall I delete it?", so the skill keeps which question is open,
and nothing else, in the session. The catalogue keys that ask a question map to it here; a
question key missing from ``QUESTIONS`` is a defect that the tests catch.
"""

from collections.abc import Mapping
from enum import StrEnum
from typing import Final, NamedTuple


class Asked(StrEnum):
    WIN = "win"  # "What did you do?"
    ANYTHING_ELSE = "anything_else"  # after a celebration
    HEAR_ANOTHER = "hear_another"  # "Want to hear another, or tell me a new one?"
    TELL_WIN = "tell_win"  # "Want to tell me a win now?"
    ONE_THING = "one_thing"  # "What's the one thing you'll do today?"
    GOAL = "goal"  # "What will you do for one minute? Keep it tiny."
    CHECK_IN = "check_in"  # "Did you clear your desk?"
    ANOTHER_MINUTE = "another_minute"  # "Want another minute?"
    OFFER = "offer"  # "Want me to log it as a win?"
    CRISIS = "crisis"  # after the crisis line
    SAFETY = "safety"  # "Are you safe right now?"
    DELETE_LAST = "delete_last"  # "Shall I delete it?"
    DELETE_ALL = "delete_all"  # "Shall I delete everything?"
    DELETE_HEARD = "delete_heard"  # "Shall I delete that one?"
    STYLE = "style"  # "Calm or cheerful?"
    REMINDER_TIME = "reminder_time"  # "Every day at 8 AM?"
    REMINDER_WHEN = "reminder_when"  # "What time should I remind you?"
    REMINDER_HALF = "reminder_half"  # "7 in the morning, or 7 in the evening?"
    WHAT_NEXT = "what_next"  # after help or a fallback: "What would you like to do?"
    RECALL_MORE = "recall_more"  # "And 7 more. Want the rest?"
    OTHER_DAY = "other_day"  # "No wins logged yesterday. Want to hear one from another day?"
    LAST_WEEK = "last_week"  # "Nothing logged yet this week. Want to hear last week's wins?"
    # Deleting or correcting any win.
    FORGET = "forget"  # "Delete this win: you cleaned the oven?"
    FORGET_WHICH = "forget_which"  # "Which one: the first, ..., or the second, ...?"
    CORRECT = "correct"  # "This win: you walked the cat. Change it to: you walked the dog?"
    RECAP = "recap"  # "You logged 6 wins last week. Want to hear your week?"
    RESTORE = "restore"  # "The win you deleted last was: ... Shall I bring it back?"


class Elicit(NamedTuple):
    """The intent and slot a question's bare answer fills ("the dishes" -> the win)."""

    intent: str
    slot: str


# The slot a bare answer fills, for the questions that ask for words rather than a yes.
ELICITS: Final[Mapping[Asked, Elicit]] = {
    Asked.WIN: Elicit("LogWinIntent", "win"),
    Asked.ONE_THING: Elicit("SetOneThingIntent", "thing"),
    Asked.GOAL: Elicit("SetGoalIntent", "goal"),
    Asked.REMINDER_WHEN: Elicit("SetMorningReminderIntent", "time"),
    Asked.REMINDER_HALF: Elicit("SetDailyReminderIntent", "time"),
}

# Questions that must not stay armed once the person has moved on: a later "yes" would
# otherwise delete something or log words that were offered two turns ago.
CONFIRMATIONS: Final = frozenset(
    {
        Asked.DELETE_LAST,
        Asked.DELETE_ALL,
        Asked.DELETE_HEARD,
        Asked.OFFER,
        Asked.REMINDER_TIME,
        Asked.CHECK_IN,
        Asked.ANOTHER_MINUTE,
        Asked.FORGET,
        Asked.CORRECT,
        Asked.RESTORE,
    }
)

# Every catalogue key that asks a question (its speech key), and the question it asks.
QUESTIONS: Final[Mapping[str, Asked]] = {
    "check_in.speech": Asked.SAFETY,
    "check_in.safe_offer": Asked.OFFER,
    "launch.new": Asked.WIN,
    "launch.returning": Asked.WIN,
    "launch.new_morning": Asked.ONE_THING,
    "launch.brief": Asked.WIN,
    "morning.brief": Asked.ONE_THING,
    "ask_win.speech": Asked.WIN,
    "ask_win.else": Asked.WIN,
    "ask_win.vague": Asked.WIN,
    "continue.speech": Asked.ANYTHING_ELSE,
    "hear.none": Asked.WIN,
    "hear.continue": Asked.HEAR_ANOTHER,
    "hear.all_heard": Asked.TELL_WIN,
    "hear.only_one": Asked.TELL_WIN,
    "style.which": Asked.STYLE,
    "style.choose": Asked.STYLE,  # the choices said plainly after a yes
    "style.continue": Asked.TELL_WIN,
    "best.none_yet": Asked.TELL_WIN,  # "Nothing logged this week yet. Want to tell me one?"
    "best.none": Asked.TELL_WIN,
    "best.none_this_week": Asked.TELL_WIN,
    "about.speech": Asked.WIN,
    "about.morning": Asked.ONE_THING,
    "asks.morning": Asked.ONE_THING,
    "help.speech": Asked.WHAT_NEXT,
    "help.one_thing": Asked.ONE_THING,
    "help.goal": Asked.GOAL,
    "help.yes_no": Asked.WHAT_NEXT,  # asked with the open yes-or-no question kept
    "help.reminder_when": Asked.REMINDER_WHEN,
    "help.style": Asked.STYLE,
    "help.hear_another": Asked.HEAR_ANOTHER,
    "fallback.speech": Asked.WHAT_NEXT,
    "recall.unknown": Asked.WHAT_NEXT,  # "... a week or a month. Which would you like?"
    "fallback.again": Asked.WHAT_NEXT,
    "fallback.awaiting_win": Asked.WIN,
    "fallback.awaiting_one_thing": Asked.ONE_THING,
    "fallback.awaiting_goal": Asked.GOAL,
    "fallback.awaiting_time": Asked.REMINDER_WHEN,
    "need_help.speech": Asked.WHAT_NEXT,
    "crisis.speech": Asked.CRISIS,
    "crisis.again": Asked.CRISIS,
    "goal.ask": Asked.GOAL,
    "goal.check_in": Asked.CHECK_IN,
    "goal.not_yet": Asked.ANOTHER_MINUTE,
    "morning.prompt": Asked.ONE_THING,
    "one_thing.none": Asked.ONE_THING,
    "one_thing.ask": Asked.ONE_THING,
    "one_thing.ask_reminded": Asked.ONE_THING,
    "one_thing.after_win": Asked.ONE_THING,
    "one_thing.then": Asked.WIN,  # after the one thing is set: "Done anything already today?"
    "not_a_win.enough_then": Asked.HEAR_ANOTHER,  # after a shrug on a day with wins
    "reminder.confirm": Asked.REMINDER_TIME,
    "reminder.why": Asked.REMINDER_TIME,  # "why 8:45?": the time asked for, asked again
    "reminder.confirm_evening": Asked.REMINDER_TIME,
    "reminder.change_none": Asked.REMINDER_TIME,
    "reminder.which_time": Asked.REMINDER_WHEN,
    "delete.last_confirm": Asked.DELETE_LAST,
    "delete.all_confirm": Asked.DELETE_ALL,
    "delete.all_confirm_none": Asked.DELETE_ALL,
    "delete.all_confirm_one": Asked.DELETE_ALL,
    "delete.heard_confirm": Asked.DELETE_HEARD,
    "not_a_win.continue": Asked.WIN,
    "not_a_win.offer": Asked.OFFER,
    "not_a_win.unsure": Asked.OFFER,
    "unsure.offer": Asked.OFFER,
    "plan.not_a_plan": Asked.ONE_THING,
    "answer.what_next": Asked.WHAT_NEXT,
    "recall.more": Asked.RECALL_MORE,
    "recall.none": Asked.OTHER_DAY,
    "recall.none_today": Asked.OTHER_DAY,
    "recall.none_this_week": Asked.LAST_WEEK,
    # Deleting or correcting any win.
    "forget.confirm": Asked.FORGET,
    "forget.which": Asked.FORGET_WHICH,
    "forget.which_again": Asked.FORGET_WHICH,
    "correct.confirm": Asked.CORRECT,
    "correct.which_ask": Asked.FORGET_WHICH,
    "correct.which_again": Asked.FORGET_WHICH,
    "undo.offer": Asked.RESTORE,
    # Reminders told any way: the half of the day of an hour said without one.
    "reminder.which_half_evening": Asked.REMINDER_HALF,
    "reminder.which_half_afternoon": Asked.REMINDER_HALF,
    "reminder.which_half_plain": Asked.REMINDER_HALF,
    "fallback.awaiting_half": Asked.REMINDER_HALF,
    # Lists and replies: "say that again", "more" with nothing open.
    "lists.no_repeat": Asked.WHAT_NEXT,
    "lists.no_list": Asked.WHAT_NEXT,
    # The weekly recap, offered at launch, and what a "no" to it moves on to.
    "recap.offer": Asked.RECAP,
    "recap.offer_one": Asked.RECAP,
    "recap.offer_brief": Asked.RECAP,
    "recap.offer_brief_one": Asked.RECAP,
    "recap.offer_unnumbered": Asked.RECAP,
    "recap.offer_brief_unnumbered": Asked.RECAP,
    "recap.declined": Asked.WIN,
    "recap.declined_morning": Asked.ONE_THING,
    "recall.stopped_morning": Asked.ONE_THING,
}
