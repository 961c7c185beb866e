"""What of a statement is the person's own deed to keep, when more than a deed was said.

People talk to a speaker as they talk to anyone: they change their mind ("I walked the dog.
actually no I didn't, my dad did"; "I did the dishes, wait no my brother did, nvm"), greet it or
ask it something in passing ("happy new year lol. I stayed up till midnight"; "yo what time is
it lol"), set the scene with someone else's doing before their own ("He was awake at night. I
have brought him back to bed without shouting"), or tell a loss in the words of a deed ("the
dog got into the chooks, lost four hens"). None of the rest is a win of theirs: a deed taken
back is not kept, a greeting or a question is never kept, the scene is left out, and a loss is
met as the hard thing it is.

Pure: words in (as said after "I", or bare), a plain record out. Words with none of these are
given back unchanged; care is judged before this, on everything that was said.
"""

import re
from enum import StrEnum
from typing import Final, NamedTuple

from skill.domain.patterns import compiled


class Set(StrEnum):
    """What was set aside."""

    NOTHING = ""  # the words are kept as they are
    TAKEN_BACK = "taken_back"  # the deed was taken back: nothing to keep
    GREETED = "greeted"  # a greeting or a question, and no deed with it
    LOSS = "loss"  # something lost, told as a deed
    SCENE = "scene"  # someone else's doing before the person's own: the deed alone is kept
    ASIDE = "aside"  # a greeting or question before the deed: the deed alone is kept


class Meant(NamedTuple):
    words: str  # what is left to keep, as said ("" when nothing)
    set_aside: Set = Set.NOTHING


_MARK: Final = r"(?:actually|wait|oh wait|hang on|hold on|oops|sorry|scratch that|no wait|hmm|um)"
_NO: Final = r"(?:no|nah|nope)"
_NOT_ME: Final = (
    r"(?:i (?:did not|didn t|didnt|never)(?: (?:do|did) (?:it|that))?(?: actually| really)?"
    r"|(?:it|that) (?:was not|wasn t|wasnt) me|not me)"
)
_OTHER: Final = r"(?:(?:my|our|the|his|her) \w+(?: \w+)?|he|she|they|someone else|somebody else)"
_OTHER_DID: Final = rf"(?:{_OTHER} did(?: it| that)?)"
_NEVER_MIND: Final = r"(?:nvm|never mind|nevermind|lol|haha|so yeah|anyway|oh well|my bad)"
# A deed, then it taken back: a mark or a no, and "I didn't" or someone else did it.
_TAKEN_BACK: Final = (
    rf"^(?P<deed>.+?)\s+(?:(?:{_MARK}|{_NO})\s+)+(?:{_NOT_ME}|{_OTHER_DID})"
    rf"(?P<rest>(?:\s+(?:{_OTHER_DID}|{_NEVER_MIND}|{_NOT_ME}|and|but|so))*)"
    r"(?:\s+(?:but |and )?i (?P<own>\w+ .+))?$"
)
# Wishes and greetings that are nothing else, said before or instead of a deed.
_WISH: Final = (
    r"(?:happy new year|merry christmas|happy christmas|happy holidays|happy easter"
    r"|happy thanksgiving|happy diwali|happy eid|happy hanukkah|season s greetings"
    r"|good morning|good afternoon|good evening|what s up|whats up|what is up|g day|gday)"
)
# Greetings that may start something else too ("morning walk", "hey presto"): set aside only
# alone, or before "I".
_HELLO: Final = r"(?:morning|evening|hello|hi|hiya|hey|heya|yo|oi|sup|howdy)"
# Questions asked in passing, said before or instead of a deed.
_PASSING_QUESTION: Final = (
    r"(?:what time is it|what s the time|whats the time|what is the time|what day is it"
    r"|what s the date|whats the date|what is the date|how are you|how r u|how s it going"
    r"|hows it going|how is it going|you there|are you there|you awake)"
)
_TAIL: Final = (
    r"(?:\s+(?:lol|haha|lmao|to you|everyone|all|y all|small wins|alexa|mate|bro|dude|guys"
    r"|today|now|right now|again|too))*"
)
_ASIDE_FIRST: Final = (
    rf"^(?:(?:{_HELLO}{_TAIL}\s+)*(?:{_WISH}|{_PASSING_QUESTION}){_TAIL}\s*)+"
    r"(?:(?:and|so|anyway)\s+)?(?P<rest>.*)$"
    rf"|^(?:{_HELLO}{_TAIL}\s*)+(?:(?:and|so|anyway)\s+)?(?P<own>(?:i .*)?)$"
)
# Someone else's doing, then the person's own with "I": "he was awake at night i have ...".
_SCENE: Final = (
    r"^(?P<scene>(?:he|she|they|it|there|(?:my|our|the|his|her) \w+) (?:was|were|is|are|had"
    r"|has|got|kept|would not|wouldnt|could not|couldnt|did not|didnt|\w+ed)\b.*?)"
    r"\s+i (?P<own>(?:have |had |then |also |finally |just )?\w+ .+)$"
)
_JOINED: Final = r"\b(?:so|and|because|cause|coz|then|which|but|when|while|until|till)$"
# Something lost, told as a deed: "lost four hens", "lost another ewe".
_LOST: Final = (
    r"\blost (?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|some|another|all"
    r"|most|half|a few|a couple|more|of|my|our|the|his|her|their)\s+)*(?:\w+\s+)?"
    r"(?:hens?|chooks?|chickens?|ewes?|sheep|lambs?|cows?|calves|calf|cattle|steers?|heifers?"
    r"|horses?|foals?|goats?|pigs?|dogs?|cats?|pets?|birds?|ducks?|geese|goose|rams?|bulls?"
    r"|puppy|puppies|kittens?|hives?|crops?|harvest)\b"
)
# Said after a loss, these start a deed of the person's own: "but i still ...".
_OWN_AFTER: Final = r"\b(?:i|but|still|so|then)\b"


def meant(words: str) -> Meant:
    """The person's own deed in ``words`` (as said after "I", or bare), and what was set aside
    to find it; the words unchanged when nothing was."""
    said = " ".join(words.split())
    plain = re.sub(r"[^\w\s']", " ", said.lower()).replace("'", " ")
    plain = " ".join(plain.split())
    if not plain:
        return Meant(said)
    lost = compiled(_LOST).search(plain)
    if lost and not compiled(_OWN_AFTER).search(plain[lost.end() :]):
        return Meant("", Set.LOSS)
    taken = compiled(_TAKEN_BACK).match(plain)
    if taken:
        own = taken["own"]
        return Meant(own, Set.TAKEN_BACK) if own else Meant("", Set.TAKEN_BACK)
    aside = compiled(_ASIDE_FIRST).match(plain)
    if aside and (aside["rest"] or aside["own"] or "") != plain:
        rest = (aside["rest"] or aside["own"] or "").removeprefix("i ")
        return Meant(_as_said(said, rest), Set.ASIDE) if rest else Meant("", Set.GREETED)
    scene = compiled(_SCENE).match(plain)
    if scene and not compiled(_JOINED).search(scene["scene"]):
        return Meant(_as_said(said, scene["own"]), Set.SCENE)
    return Meant(said)


def _as_said(said: str, kept: str) -> str:
    """``kept`` (plain words from the end of ``said``) in the person's own spelling when its
    words end ``said``; the plain words otherwise."""
    words = said.split()
    count = len(kept.split())
    tail = " ".join(words[-count:]) if count <= len(words) else ""
    plain = " ".join(re.sub(r"[^\w\s']", " ", tail.lower()).replace("'", " ").split())
    return tail.strip(" ,.;!?") if plain == kept else kept
