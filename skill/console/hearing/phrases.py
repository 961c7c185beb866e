"""What Alexa understands without sample utterances, kept as data.

The interaction model lists no samples for built-in intents (Alexa supplies them), and the
invocation grammar ("ask <name> for ...") belongs to Alexa, not to the skill. The console needs
both, so they live here, in one place, as plain tuples that are easy to extend.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

# Ways to open a skill by name: "open small wins", "talk to small wins", ...
LAUNCH_VERBS: Final[tuple[str, ...]] = (
    "open",
    "launch",
    "start",
    "ask",
    "tell",
    "talk to",
    "use",
)

# Words that may join the invocation to the request: "ask small wins *for* a win".
CONNECTORS: Final[frozenset[str]] = frozenset({"to", "that", "for", "about", "if", "whether"})

# The wake word, when typed out of habit.
WAKE_WORD: Final = "alexa"

# Said during a session, these end it without reaching an intent: Alexa closes the session and
# sends the skill a SessionEndedRequest (reason USER_INITIATED).
EXIT_PHRASES: Final[tuple[str, ...]] = ("exit", "exit skill", "goodbye")

# Phrases for the built-in intents, which have no samples in the model.
BUILT_IN_PHRASES: Final[Mapping[str, tuple[str, ...]]] = {
    "AMAZON.HelpIntent": (
        "help",
        "help me",
        "help please",
        "can you help me",
        "what can I say",
        "what can I do",
        "what do I say",
        "what do I do",
        "how does this work",
        "how do I use this",
    ),
    "AMAZON.StopIntent": ("stop", "stop it", "stop please", "quit", "off", "shut up", "enough"),
    "AMAZON.CancelIntent": ("cancel", "cancel that", "never mind", "nevermind", "forget it"),
    "AMAZON.NavigateHomeIntent": ("go home", "home", "go to the home screen"),
    "AMAZON.YesIntent": (
        "yes",
        "yeah",
        "yep",
        "yes please",
        "sure",
        "okay",
        "ok",
        "please do",
        "I approve",
        "go ahead",
    ),
    "AMAZON.NoIntent": ("no", "nope", "nah", "not yet", "no thanks", "no thank you", "not now"),
    "AMAZON.MoreIntent": ("more", "more please", "tell me more", "read more"),
    "AMAZON.NextIntent": ("next", "next one", "next please"),
    "AMAZON.RepeatIntent": (
        "repeat",
        "repeat that",
        "repeat that please",
        "repeat please",
        "say that again",
        "say it again",
        "can you say that again",
        "can you repeat that",
        "could you repeat that",
    ),
}

FALLBACK_INTENT: Final = "AMAZON.FallbackIntent"

# Answers to Alexa's own consent question ("Do you allow Small Wins to set timers?"): any
# refusing word denies ("I don't allow it"), else any agreeing word accepts. Anything else
# counts as not answered, as when the person stays silent.
CONSENT_NO: Final[frozenset[str]] = frozenset(
    {"no", "nope", "deny", "dont", "not", "never", "disallow", "refuse"}
)
CONSENT_YES: Final[frozenset[str]] = frozenset(
    {"yes", "yeah", "yep", "yup", "sure", "okay", "ok", "approve", "allow", "fine"}
)

# What Alexa says it needs each permission for, in its consent question.
SCOPE_PURPOSES: Final[Mapping[str, str]] = {
    "alexa::alerts:timers:skill:readwrite": "set timers",
    "alexa::alerts:reminders:skill:readwrite": "set reminders",
}

# AMAZON.TIME: parts of the day Alexa sends as codes instead of a clock time.
TIME_PERIODS: Final[Mapping[str, tuple[str, ...]]] = {
    "MO": ("morning", "in the morning", "this morning", "every morning", "the morning"),
    "AF": ("afternoon", "in the afternoon", "this afternoon", "every afternoon", "the afternoon"),
    "EV": ("evening", "in the evening", "this evening", "every evening", "the evening"),
    "NI": ("night", "at night", "tonight", "every night"),
}
# Named times of day.
TIME_NAMES: Final[Mapping[str, str]] = {
    "noon": "12:00",
    "midday": "12:00",
    "twelve noon": "12:00",
    "midnight": "00:00",
}
# Said after a clock time: which half of the day it is in.
MERIDIEMS: Final[Mapping[str, str]] = {
    "am": "am",
    "a m": "am",
    "in the morning": "am",
    "pm": "pm",
    "p m": "pm",
    "in the afternoon": "pm",
    "in the evening": "pm",
    "at night": "pm",
    "tonight": "pm",
}
# Said after the hour: "eight o'clock" (typed apostrophes are dropped before matching).
O_CLOCK: Final[tuple[str, ...]] = ("oclock", "o clock")
# Minutes told from an hour: "ten past six", "quarter after eight", "ten to nine", "ten of nine".
PAST_WORDS: Final[frozenset[str]] = frozenset({"past", "after"})
TO_WORDS: Final[frozenset[str]] = frozenset({"to", "till", "of"})
# Parts of an hour said as words ("half" only after it: "half past"; or British "half seven").
HOUR_PARTS: Final[Mapping[str, int]] = {"quarter": 15, "a quarter": 15, "half": 30}
HALF: Final = "half"
# Said after a number of minutes and dropped: "ten minutes to nine".
MINUTE_WORDS: Final[tuple[str, ...]] = ("minutes", "minute")
NUMBER_WORDS: Final[Mapping[str, int]] = {
    "oh": 0,
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}
