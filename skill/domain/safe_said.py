"""Answers to "Are you safe right now?", in the ways people say they are.

People answer with a yes ("yeah", "yep", "of course"), with how they are ("I'm okay", "all good",
"I'm right", "she'll be right", "not in danger"), with words to the one asking ("mate",
"thanks for asking", "don't worry"), often with a no that answers something else first ("no, I
am safe"), and often with more: how tired they are ("only so tired") or what they did ("yeah,
fixed the pump on the bore this morning"). Being safe is never a win; a deed said with it may
be one, offered after.

Only words that say so are taken as safe: a no or a "not really" with no word of being safe,
anything unclear, and anything the screen hears as a danger are not (``None``), and get the
crisis answer.

Pure: words in, a plain record out. It reads deeds with the reader's helpers, so import this
module on first use, never at start.
"""

from typing import Final, NamedTuple

from skill.domain.patterns import compiled
from skill.domain.screen import Frame, Kind, canonical, screen

# A yes, however it is said.
_YES: Final = (
    r"yes|yeah|yep|yup|yea|ya|yah|yess|aye|sure|mhm|uh huh|of course|definitely|absolutely"
    r"|for sure|i think so|i reckon|i am(?=\s*$)|i promise|promise|yes please"
)
# Said before "no" it is still the Australian no ("yeah nah"): only a word of being safe after
# a no makes the answer a yes ("no, i am safe", "nah all good").
_NO: Final = r"no|nah|nope|naw|yeah nah"
# How people say they are safe.
_WELL: Final = (
    r"safe|ok|okay|fine|alright|all right|right|good|grand|sound|sweet|sorted|well|safe and sound"
)
_DEGREE: Final = r"(?:(?:really|totally|quite|perfectly|completely|pretty|all|feeling|doing)\s+)*"
_SAFE: Final = (
    rf"i am {_DEGREE}(?:{_WELL})"
    r"|i feel safe|feeling safe|safe|safe and sound"
    r"|(?:it is |its |everything is |everything s |all is |we are )?all (?:good|fine|ok|okay|sweet"
    r"|sorted|well|right|alright)"
    r"|everything is (?:good|fine|ok|okay|alright|all right)"
    r"|(?:she|it) will be (?:right|fine|ok|okay|alright|all right)"
    r"|i will be (?:ok|okay|fine|alright|all right|right)"
    r"|no worries|no dramas|no danger|(?:i am )?not in (?:any )?danger"
    r"|i (?:will|would) not (?:hurt|harm) myself|i am not going to (?:hurt|harm) myself"
)
# Words to the one asking, and words that only soften: they say nothing of safety either way.
_ASIDE: Final = (
    r"thanks for asking|thank you for asking|thanks|thank you|mate|love|cheers|ta|honestly"
    r"|really|for now|right now|now|at the moment|here|at home|do not worry|dont worry"
    r"|no need to worry|i guess|i think|i suppose|and|but|though|tho|still|just|so|well|oh|ok"
    r"|okay|um|uh|er|hey|look"
)
_UNIT: Final = rf"^(?:(?P<safe>{_SAFE})|(?P<no>{_NO})|(?P<yes>{_YES})|(?:{_ASIDE}))\b\s*"
# How tired or worn they are, said after being safe: told, never a win, never a danger.
_WORN: Final = (
    r"^(?:(?:i am|i feel|am|feeling|just|only|so|very|really|a bit|bit|a little|pretty|quite"
    r"|kind of|kinda|bloody|dead|super|completely|totally|and|but)\s+)*"
    r"(?:tired|exhausted|knackered|buggered|worn out|wrecked|shattered|beat|sleepy|drained"
    r"|stuffed|rooted|done in|fed up|stressed|run down|flat|sore|over it|worn down|weary"
    r"|tired out)(?:\s+(?:today|tonight|now|at the moment|lately))?$"
)


class SafeSaid(NamedTuple):
    """An answer that says the person is safe; ``deed``, what they said they did with it (as
    said, without "I"), to be offered as a win, or "" when they told none."""

    deed: str = ""


def safe_said(words: str) -> SafeSaid | None:
    """``words`` as an answer to "Are you safe right now?": ``SafeSaid`` when they say the
    person is safe (a yes, or words of being safe, and nothing that takes it back), else None.
    """
    text = canonical(words)
    said_yes = said_safe = said_no = False
    while text:
        unit = compiled(_UNIT).match(text)
        if unit is None or not unit.group(0):
            break
        said_safe = said_safe or unit.group("safe") is not None
        said_no = said_no or unit.group("no") is not None
        said_yes = said_yes or unit.group("yes") is not None
        text = text[unit.end() :]
    if not (said_safe or (said_yes and not said_no)):
        return None  # "no", "not really", "yeah nah": no word of being safe
    if said_no and not said_safe:
        return None
    rest = text.strip()
    if not rest or compiled(_WORN).match(rest):
        return SafeSaid()
    done = _deed(rest)
    if done is None:
        return None  # more was said that is neither: unclear, so never taken as safe
    return SafeSaid(done)


def _deed(rest: str) -> str | None:
    """What the person did, said after being safe ("fixed the pump on the bore"), as said
    without "I"; None when the words tell no deed, or the screen hears a danger in them."""
    from skill.domain.phrasing.answer import deed
    from skill.domain.reading import told_done

    if rest.startswith("i "):
        done = rest.removeprefix("i ") if told_done(rest) else None
    else:
        done = deed(rest)
    if not done:
        return None
    if screen(done, "i", Frame.DONE).kind is Kind.CRISIS:
        return None
    return done
