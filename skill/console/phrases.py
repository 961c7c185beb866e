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
}

FALLBACK_INTENT: Final = "AMAZON.FallbackIntent"
