"""Statements that tell no particular deed: a shrug after "I", or a count of things done.

"I dunno" said after "tell small wins I" is a shrug, however the carrier dressed it, and never a
win. "I did three things", "did heaps of stuff", "got loads done" say something was done but not
what: the person is asked once what they did, and the count itself is never kept as a win.

Pure: words in, a yes or no out. The reader compiles its patterns when imported, so it is
imported on first use, never at start.
"""

import re
from typing import Final

from skill.domain.patterns import compiled

# Verbs that say something was done without saying what.
_DOING: Final = (
    r"(?:did|done|have done|got done|got through|sorted|sorted out|finished|managed|tackled"
    r"|handled|ticked off|knocked out|smashed|accomplished|achieved|completed|got|was doing"
    r"|been doing)"
)
# How many things, said without naming one: "three things", "heaps of stuff", "a lot".
_COUNT: Final = (
    r"(?:a |an |the )?(?:(?:a )?(?:few|couple|couple of|bunch|bunch of|load|loads|lot|lots"
    r"|heap|heaps|ton|tons|stack|stacks|pile|piles|whole lot|number|fair bit|good bit)"
    r"(?: of)?|some|many|several|various|all sorts of|all kinds of|plenty of|two|three|four"
    r"|five|six|seven|eight|nine|ten|\d+|a million|a hundred|multiple|different|other|random"
    r"|little|small|big)"
)
# A quantity said alone: "did loads", "a lot", "heaps".
_LOTS: Final = (
    r"(?:a lot|a whole lot|lots|loads|loads and loads|heaps|tons|plenty|a few|a couple|a bunch"
    r"|a fair bit|a good bit|a load|a heap|a ton|stacks|all sorts|everything|something)"
)
_THINGS: Final = (
    r"(?:things?|stuff|bits|bits and bobs|bits and pieces|tasks?|jobs?|chores|odd jobs"
    r"|loads|lots|heaps|tons|a lot|plenty|everything|something|all sorts|all kinds|stacks"
    r"|a bunch|a few things|a couple of things)"
)
_AROUND: Final = r"(?:today|this morning|this afternoon|this evening|tonight|already|done|too)"
_VAGUE: Final = (
    rf"^(?:(?:yes|yeah|yep|yup|aye|and|oh|well|so) )*(?:i |we )?(?:also |actually |really "
    rf"|finally )?(?:{_DOING} )?(?:(?:{_COUNT} )?(?:more |other |extra )?{_THINGS}|{_LOTS})"
    rf"(?: {_AROUND})*$"
)
_TO_THE_LISTENER: Final = r" (?:mate|love|pet|hun|bro|dude|buddy|pal|babe|lol)$"
_COUNTED: Final = rf"^(?:i |we )?{_DOING} (?:a |a whole )?(?:lot|loads|heaps|tons)$"


def is_vague(deed: str) -> bool:
    """True when ``deed`` ("did three things", "i got loads done today", "heaps of stuff")
    says that things were done but not which: never kept as a win before the person is asked
    what they did."""
    text = " ".join(re.sub(r"[^a-z0-9' ]", " ", deed.lower()).split())
    text = re.sub(r"^(?:i|we) got (.+) done\b", r"i did \1", text)  # "got loads done"
    text = compiled(_TO_THE_LISTENER).sub("", text)  # "heaps of stuff mate"
    return bool(compiled(_VAGUE).match(text) or compiled(_COUNTED).match(text))


def shrugs_only(statement: str) -> bool:
    """True when every part of ``statement`` ("i dunno", "i guess nothing really") is a shrug:
    nothing was told, whatever carrier brought it."""
    if not statement.strip():
        return False
    from skill.domain.reading import Context, Part, read  # on first use: it compiles patterns

    return all(clause.part is Part.SHRUG for clause in read(statement, Context.NONE))
