"""A deed done because someone said so: "my mum made me do the hoovering" is "did the hoovering".

Someone else's push does not make a deed less the person's own: a teenager sent to hoover, a
partner who dragged them out for a walk, a therapist who got them to call the GP. The statement
is about the other person by its shape; the deed in it is the person's win.

Pure: words in, the deed ("did the hoovering") or None out. The caller screens the whole
statement first, and the deed again, as for any win.
"""

import re
from typing import Final

from skill.domain.patterns import compiled

# People who push: family, household, friends, work and care, with "my", "our" or "the".
_PUSHERS: Final = (
    r"(?:mum|mom|mam|ma|mummy|mommy|dad|da|daddy|mother|father|parents|folks|nan|nana|gran"
    r"|granny|grandma|grandad|grandpa|wife|husband|partner|boyfriend|girlfriend|missus|fella"
    r"|other half|sister|brother|sis|bro|friend|friends|mate|mates|pal|flatmate|housemate"
    r"|roommate|boss|manager|teacher|tutor|therapist|counsellor|counselor|doctor|gp|nurse"
    r"|coach|carer|support worker|kids|kid|son|daughter|family|auntie|aunt|uncle|cousin|dog)"
)
_PUSHED: Final = (
    rf"^(?:my |our |the |me )?{_PUSHERS}(?: and (?:my |our |the )?{_PUSHERS})? "
    r"(?:finally |actually |even )?(?:made|got|had|forced|dragged|convinced|persuaded|talked)"
    r" me(?: into)?(?: to)? (?:go and )?(?P<verb>[a-z]+)(?P<rest>(?: [a-z']+)*)$"
)
# What was done, said as the person would say it done.
_PAST: Final = {
    "do": "did",
    "go": "went",
    "make": "made",
    "take": "took",
    "get": "got",
    "have": "had",
    "eat": "ate",
    "put": "put",
    "ring": "rang",
    "buy": "bought",
    "write": "wrote",
    "read": "read",
    "run": "ran",
    "send": "sent",
    "sweep": "swept",
    "feed": "fed",
    "sit": "sat",
    "sell": "sold",
    "hang": "hung",
    "bring": "brought",
    "pay": "paid",
    "leave": "left",
    "meet": "met",
    "see": "saw",
    "speak": "spoke",
    "swim": "swam",
    "ride": "rode",
    "wear": "wore",
    "drive": "drove",
    "throw": "threw",
    "tell": "told",
    "find": "found",
    "give": "gave",
    "shut": "shut",
    "cut": "cut",
}
# Things pushed on someone that are never a win to read back, or too vague to be one.
_NEVER: Final = frozenset(
    {
        *("feel", "cry", "sad", "angry", "laugh", "smile", "think", "want", "wait", "sick"),
        *("hurt", "stop", "quit", "leave", "lie", "promise", "apologise", "apologize", "sorry"),
    }
)
_OUT: Final = frozenset({"out", "along", "round", "over", "outside", "back"})
_DOING: Final = {"going": "go", "doing": "do", "getting": "get", "having": "have"}
_VAGUE_THINGS: Final = frozenset(
    {"things", "stuff", "it", "that", "this", "something", "anything", "everything", "what"}
)


def pushed_deed(statement: str) -> str | None:
    """The deed in ``statement`` when someone made, got or talked the person into it ("my mum
    made me do the hoovering" -> "did the hoovering"); None otherwise."""
    text = " ".join(re.sub(r"[^a-z' ]", " ", statement.lower()).split())
    found = compiled(_PUSHED).match(text)
    if found is None:
        return None
    verb, rest = found.group("verb"), found.group("rest").strip()
    if verb in _OUT:  # "dragged me out for a walk": went out
        verb, rest = "go", f"{verb} {rest}"
    verb = _DOING.get(verb, verb)
    if verb.endswith("ing") and verb not in _PAST:
        return None  # "talked me into cleaning": too many ways to say it back wrong
    if verb in _NEVER or not rest and verb in ("do", "go", "get", "have", "make"):
        return None
    if _VAGUE_THINGS & {verb, *rest.split()}:
        return None
    return f"{_past(verb)} {rest}".strip()


def _past(verb: str) -> str:
    if verb in _PAST:
        return _PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if len(verb) > 2 and verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    if (
        len(verb) <= 4
        and verb[-1] not in "aeiouwxy"
        and verb[-2] in "aeiou"
        and verb[-3:-2] not in ("a", "e", "i", "o", "u", "")
    ):
        return verb + verb[-1] + "ed"  # "mop" -> "mopped", "jog" -> "jogged"
    return verb + "ed"
