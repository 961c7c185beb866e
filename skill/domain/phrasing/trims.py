"""Words said around a deed that make it smaller, close the list or restate it: left out.

People say what they did and then shrink it ("i replied to one email, which is not much"),
close the list ("read chapter 4 and did 20 minutes of exercise, nothing else", "the school
run, that's it"), correct a number ("for 90 minutes, not 2 hours"), stress it ("i did walk the
dog though") or lead into it with a "did it" that names nothing ("finally did it, the big
shop's sorted"). The deed is what is kept and said back: "you walked the dog", "you sorted the
big shop", never the critic's words or the closing ones.

Pure, over the reader's canonical words (lower case, contractions spelt out, punctuation gone
but the joins). Expressions compile on first use (``compiled``).
"""

import re
from typing import Final

from skill.domain.patterns import compiled

# Said after a deed to shrink it or to close the list: "which is not much", "nothing else",
# "that's it really", "and that's about it", "i guess". Each unit closes or hedges; nothing
# of substance ("everything", "all of it") is ever one.
_TAIL: Final = (
    r"(?:[\s,;.]+(?:(?:which|but|and|though|although|so)[\s,]+)?"
    r"(?:(?:(?:which|that|this|it) (?:is|was) |is |was )?(?:not much|not a lot|not a big deal"
    r"|no big deal|nothing much|nothing special|nothing really|nothing else|not much else"
    r"|nothing more|nowt else|nowt more|better than nothing)"
    r"|(?:that|this|it) (?:is|was) (?:it|all|about it|everything|me done|your lot|the lot"
    r"|all i did|all i managed|all i got)|is all|all i did|all i managed"
    r"|i guess|i suppose|i think|i reckon|probably|maybe|possibly|whatever|though|tho|anyway"
    r"|anyways|really|tbh|honestly|to be honest|lol|haha|mate))+$"
)
# A number corrected after the deed: "for 90 minutes, not 2 hours", "three pages not four".
_NOT_THAT_NUMBER: Final = (
    r"(?<=\w)[\s,]+(?:and )?not (?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|twenty|thirty|forty|fifty|sixty|a hundred|half an?)"
    r"(?: (?:and a half|minutes?|mins?|hours?|hrs?|pages?|km|miles?|laps?|reps?|times|of them"
    r"|days?|weeks?|words|emails|things|loads|lengths?|chapters?|steps|kilometres?))?$"
)
# A number said earlier in the deed, which the tail corrects.
_A_NUMBER: Final = (
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
    r"|forty|fifty|sixty|a hundred|half an?) (?:minutes?|mins?|hours?|hrs?|pages?|km|miles?|laps?"
    r"|reps?|times|days?|weeks?|words|emails|things|loads|lengths?|chapters?|steps|kilometres?)\b"
)
# "i did walk the dog": "did" stresses the verb after it, which is the deed.
_STRESSED: Final = (
    r"(?:^|\bi )(?:(?:actually|still|at least|really|definitely|honestly|even)\s+)?did "
    r"(?:(?:actually|still|at least|really|definitely|even)\s+)?(?P<verb>\w+)\b"
)
# Everyday verbs said after a stressing "did" (never a noun: "did laundry", "did yoga"), and
# how they are said done.
_REGULAR: Final = frozenset(
    {
        *("walk", "clean", "wash", "shower", "finish", "call", "cook", "answer", "visit"),
        *("book", "fix", "pick", "brush", "open", "post", "water", "help", "talk", "listen"),
        *("watch", "stretch", "text", "hoover", "vacuum", "sort", "pack", "fold", "iron"),
        *("attend", "respond", "remember", "manage", "change", "bake", "practise", "start"),
        *("practice", "move", "phone", "check", "email", "clear", "work"),
    }
)
_IRREGULAR: Final = {
    **{"reply": "replied", "try": "tried", "empty": "emptied", "tidy": "tidied"},
    **{"submit": "submitted", "drop": "dropped", "stop": "stopped", "go": "went", "get": "got"},
    **{"make": "made", "take": "took", "ring": "rang", "eat": "ate", "send": "sent"},
    **{"pay": "paid", "read": "read", "write": "wrote", "put": "put", "feed": "fed"},
    **{"leave": "left", "see": "saw", "meet": "met", "buy": "bought", "run": "ran"},
    **{"swim": "swam", "sleep": "slept", "speak": "spoke", "have": "had", "drink": "drank"},
    **{"find": "found", "tell": "told", "give": "gave", "hang": "hung", "sit": "sat"},
    **{"wake": "woke", "drive": "drove", "mop": "mopped", "jog": "jogged"},
}


def _past(verb: str) -> str | None:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb not in _REGULAR:
        return None
    return verb + ("d" if verb.endswith("e") else "ed")


# "finally did it, the big shop's sorted": a "did it" that names nothing, then the deed as a
# thing now done. The thing may carry the "s" of "shop's", which canonical words merge.
_DID_IT_THEN: Final = (
    r"^(?:i )?(?:(?:finally|actually|eventually|properly|totally)\s+)?"
    r"(?:did it|done it|have done it|managed it|got it done|got there|nailed it|smashed it)"
    r"[\s,;.]+(?P<det>the|my|our|all the|all my)\s+(?P<thing>(?:\w+ ){0,3}?\w+?)"
    r"(?:s| is| are| was| were| has been| have been)"
    r"(?: (?:all|now|finally|officially|properly|totally))*"
    r" (?P<state>sorted|done|finished|cleaned|fixed|booked|paid|posted|sent|tidied|washed"
    r"|ironed|packed|bought|handed in|submitted|emptied|cleared|cooked|made)$"
)
_STATE_AS_DEED: Final = {"done": "did", "handed in": "handed in"}


def trimmed(text: str) -> str:
    """``text`` (canonical) less a closing or shrinking tail and a corrected number after the
    deed, with a stressing "did" said plainly and a "did it" lead-in said as the deed."""
    kept = _untailed(text)
    kept = _uncontrasted(kept)
    kept = _unstressed(kept)
    return _as_deed(kept)


def _untailed(text: str) -> str:
    found = compiled(_TAIL).search(text)
    if found is None:
        return text
    kept = text[: found.start()].rstrip(" ,;.")
    if len(kept.split()) < 2 or kept.split()[-1] in ("not", "never"):
        return text  # "i did not really": the "not" keeps what it said
    return kept


def _uncontrasted(text: str) -> str:
    found = compiled(_NOT_THAT_NUMBER).search(text)
    if found is None or not compiled(_A_NUMBER).search(text[: found.start()]):
        return text
    return text[: found.start()].rstrip(" ,;.")


def _unstressed(text: str) -> str:
    def plain(found: re.Match[str]) -> str:
        past = _past(found["verb"])
        if past is None:
            return found.group()
        return f"i {past}" if found.group().startswith("i ") else past

    return compiled(_STRESSED).sub(plain, text)


def _as_deed(text: str) -> str:
    found = compiled(_DID_IT_THEN).match(text)
    if found is None:
        return text
    state = _STATE_AS_DEED.get(found["state"], found["state"])
    return f"i {state} {found['det']} {found['thing']}"


def closes_only(text: str) -> bool:
    """Whether ``text`` is a closing or shrinking tail alone ("which is not much", "nothing
    else"), said of the deed before it."""
    return compiled(_TAIL).fullmatch(f" {text}") is not None
