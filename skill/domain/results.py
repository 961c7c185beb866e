"""Things said done, with no "I": "the bins are out", "kids fed and in bed", "six months sober".

People tell a speaker what is done as often as what they did: the thing first, then how it is
now ("the deadline's met", "dishes done", "the car's booked in for its MOT", "homework
finished and handed in"), or how long something has lasted ("three days no alcohol", "a year
clean today", "day five with no self harm"). No carrier phrase starts these, so they arrive
whole; this says whether words are told that way. It says nothing of whether they are a win:
the screen judges them as said, first.

Pure: words in (canonical, as ``screen.canonical`` gives them), a yes or no out. The pattern is
built on first use, never at import.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

# What the thing starts with: a determiner or a possessive, or a noun said bare ("dishes").
_NOT_A_THING: Final = frozenset(
    {
        *("i", "we", "you", "he", "she", "they", "it", "me", "us", "them", "him", "there"),
        *("what", "why", "how", "who", "when", "where", "which", "did", "do", "does", "can"),
        *("could", "would", "will", "should", "is", "are", "was", "were", "am", "not", "no"),
        *("nothing", "never", "if", "maybe", "please", "so", "and", "but", "or", "to", "just"),
        *("tell", "read", "remind", "give", "delete", "change", "set", "play", "stop", "cancel"),
        # answers and lead-ins: "nah that's me done for tonight" closes, it tells no result
        *("nah", "yeah", "yep", "yes", "ok", "okay", "well", "oh", "ah", "aye", "right", "sure"),
        *("fine", "that", "thats", "this", "then", "um", "uh", "er", "hmm", "like", "also"),
        # a plan said bare: "get the switchboard done" is to do, not done ("got" is done)
        *("get", "gotta", "try", "need", "want", "gonna", "hopefully", "probably", "must"),
    }
)
# How the thing is now, when that says it is done: a past participle, or one of these.
_DONE_WORDS: Final = (
    "done",
    "out",
    "in",
    "sorted",
    "clean",
    "tidy",
    "ready",
    "away",
    "asleep",
    "in bed",
    "complete",
    "up to date",
    "on time",
    "finished",
    "made",
    "sent",
    "paid",
    "fed",
    "met",
    "set",
    "put away",
    "hung out",
    "built",
    "cut",
    "swept",
    "dealt with",
    "taken",
    "written",
    "read",
    "bought",
    "brought",
    "won",
    "kept",
    "given",
    "seen",
    "found",
    # how a place looks once it is done: "the bathroom's spotless", "sink's empty at last"
    *("spotless", "sparkling", "gleaming", "immaculate", "empty", "clear", "in order"),
    # participles not made with "-ed": "proper breakfast eaten", "stall sold out by noon"
    *("eaten", "sold", "sold out", "grown", "sewn", "mown", "driven", "shown", "begun"),
    *("swum", "dug", "learnt", "spun", "hung", "drawn", "knitted", "rewritten", "redone"),
)
# Things gone wrong, told the same way ("the car's broken", "the toast got burnt"): never done.
_GONE_WRONG: Final = (
    "broken|broke|burnt|burned|lost|missed|failed|cancelled|canceled|ruined|dead|died|gone"
    "|wrecked|crashed|stolen|overdue|late|delayed|flooded|stuck|ripped|smashed|cracked|spoiled"
    "|spoilt|wasted|rejected|fired|sacked|dumped|ghosted|declined|refused|blocked|banned"
    "|closed|ended|over it|killed|shot|hurt|injured|sick|ill|worse|piling|behind|messed"
    "|screwed|trashed|damaged|leaking|leaked|postponed|blown|dropped|spilled|spilt|evicted"
    "|locked out|towed|clamped|fined|suspended|excluded|expelled|hacked|scammed|robbed"
)
# Past forms that say how someone feels ("knackered", "fried"), and parts of the body or mind:
# "my head is done in" is no thing done.
_FELT: Final = frozenset(
    {
        *("fried", "knackered", "frazzled", "stressed", "exhausted", "drained", "depressed"),
        *("overwhelmed", "worried", "scared", "annoyed", "bored", "tired", "confused"),
        *("frustrated", "embarrassed", "ashamed", "disappointed", "shattered", "bruised"),
        *("swollen", "twisted", "sprained", "strained", "aching", "wiped", "spent", "cooked"),
        *("pissed", "wasted", "hammered", "stoned", "high", "smashed", "battered", "wrecked"),
    }
)
_BODY: Final = frozenset(
    {
        *("head", "brain", "mind", "body", "back", "legs", "leg", "arms", "arm", "nerves"),
        *("heart", "chest", "hands", "hand", "feet", "foot", "eyes", "stomach", "knees"),
        *("knee", "neck", "shoulders", "shoulder", "wrists", "wrist", "throat", "skin", "soul"),
    }
)
# How a thing is that a preposition may also start ("in the icu"): heard only at the end.
_PARTICLES: Final = frozenset({"out", "in", "away"})
# Where a thing is put when its job is done: "the laundry's in the machine", "bins out on the
# kerb", "washing on the line". After "in", "out" or "away", only these, or a time.
_PUT: Final = frozenset(
    {
        *("machine", "washer", "wash", "washing", "dryer", "dishwasher", "oven", "fridge"),
        *("freezer", "post", "postbox", "bin", "bins", "recycling", "line", "airer", "drawer"),
        *("drawers", "wardrobe", "cupboard", "cupboards", "kerb", "curb", "drive", "loft"),
        *("attic", "garage", "shed", "car", "boot", "trunk", "system", "diary", "calendar"),
    }
)
_PUT_WHEN: Final = frozenset({"before", "by", "early", "today", "tonight", "this", "on", "and"})
# Pasts that make the words before a state a story ("my parrot flew away").
_PASTS: Final = frozenset(
    {
        *("flew", "went", "ran", "came", "got", "left", "fell", "blew", "gave", "took", "made"),
        *("ate", "drove", "rode", "swam", "threw", "broke", "woke", "hung", "stood", "sat"),
        *("sent", "kept", "put", "cut", "set", "found", "brought", "bought", "said", "told"),
    }
)
_NOT_PAST: Final = frozenset({"shed", "bed", "need", "seed", "feed", "speed", "weed", "sled"})
# People other than the person and their children: their doings are news, never a win.
_PEOPLE: Final = frozenset(
    {
        *("mum", "mom", "mam", "dad", "sister", "brother", "ex", "partner", "wife", "husband"),
        *("boyfriend", "girlfriend", "friend", "boss", "nan", "gran", "grandma", "grandad"),
        *("aunt", "uncle", "cousin", "mother", "father", "sisters", "brothers", "mums", "moms"),
        *("dads", "friends", "bosses", "parents", "neighbour", "neighbor", "flatmate", "roommate"),
    }
)
# Words a thing is named with; after them, a past with no link is a story ("the dog barked").
_NAMED: Final = frozenset({"the", "my", "our", "his", "her", "their", "your", "a", "an", "this"})
# What may follow how a thing is: more of the same, what for, when.
_TAILS: Final = frozenset(
    {"and", "for", "on", "by", "at", "before", "today", "now", "early", "tonight", "this"}
)
# A time that has lasted: "six months", "a year", "day five", "the whole week".
_NUMBER: Final = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|thirty|forty|fifty|sixty|ninety|a hundred|hundred|a couple of|a few|a whole"
    r"|one whole|first|another|the whole|this whole|nearly a|almost a|over a|over)"
)
_SPAN: Final = r"(?:days?|weeks?|months?|years?|fortnights?|terms?|semesters?|nights?|hours?)"
# How the time was kept: sober, clean, without something, since something.
_KEPT: Final = (
    r"(?:sober|clean|dry|free|off|without|no|since|smoke free|straight|in a row|not|never"
    r"|nicotine free|harm free|sh free|alcohol free|drink free|drug free)"
)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    done = "|".join(re.escape(word) for word in sorted(_DONE_WORDS, key=len, reverse=True))
    past = r"[a-z]{2,}ed"
    link = r"(?:(?:is|are|was|were|got|been|has been|have been|all|now|finally|officially|fully"
    link += r"|already|properly|at last|totally|completely|actually|both|each) )*"
    result = re.compile(
        rf"^(?P<thing>(?:\S+ ){{0,5}}?\S+) {link}(?P<state>{done}|{past})(?: (?P<tail>.*))?$"
    )
    wrong = re.compile(rf"\b(?:{_GONE_WRONG})\b|\bnot\b|\bnever\b|\bno\b|\byet\b|\bstill\b")
    lasted = re.compile(
        rf"^(?:(?:{_NUMBER} )?(?:\w+ )?{_SPAN}|day \w+|week \w+)\b(?: \w+){{0,3}} {_KEPT}\b"
        rf"|^no \w+(?: \w+)? (?:this|for|in|since) (?:\w+ ){{0,2}}{_SPAN}\b"
    )
    return result, wrong, lasted


def thing_done(words: str) -> bool:
    """Whether ``words`` (canonical) tell a thing now done ("the bins are out", "kids fed and
    in bed", "the deadlines met"), or a time kept ("six months sober today"), with no one
    named as doing it. Never a question, a request, a pronoun's statement or a thing gone
    wrong ("the car is broken", "the dishes are not done")."""
    if not words:
        return False
    result, wrong, lasted = _patterns()
    if lasted.search(words):
        return True
    first = words.split()[0]
    if first in _NOT_A_THING or first.endswith("ing"):
        return False
    found = result.match(words)
    if found is None:
        return False
    return _a_result(found) and wrong.search(f"{found.group('thing')} {found['state']}") is None


def _a_result(found: re.Match[str]) -> bool:
    """How a thing is now, and nothing after it but more of the same or when: never a story
    ("the weather turned", "my mum made dinner", "my ex got engaged a month after"), a place
    ("my sister's in the icu"), someone else ("my dad is sorted") or a feeling."""
    state, thing = found["state"], found["thing"].split()
    tail = found["tail"] or ""
    linked = found.group(0)[len(found["thing"]) :].split()[0] != state.split()[0]
    if state in _PARTICLES and tail and not _put_away(tail):
        return False
    if state not in _PARTICLES and not _result_tail(tail, state):
        return False
    if state.endswith("ed") and not linked and thing[0] in _NAMED:
        return False  # "the weather turned": a story, not a result
    inside = [word for word in thing[1:] if word not in _DESCRIBING]
    if (
        _a_past(thing[0])
        or any(_a_past(w) or w in _NOT_A_THING for w in inside)
        or (thing[-1] in _PEOPLE)
    ):
        return False  # "my parrot flew away", "my mum is out": someone else's doing
    if state in _PARTICLES and not linked and (len(thing) > 2 or not thing[-1].endswith("s")):
        return False  # "drive the car off": a plan; "the report's in" is heard as "reports in"
    return not (_FELT.intersection(found.group(0).split()) or thing[-1] in _BODY)


# Lead-in words that also describe a thing named after "the": "the right form", "a fine mesh".
_DESCRIBING: Final = frozenset({"right", "fine", "well", "like", "sure"})


def _put_away(tail: str) -> bool:
    """After "in", "out" or "away": where a thing is put when done ("in the machine", "on the
    line"), or when ("before the lorry came"); never a place a person is ("in the icu")."""
    words = tail.split()
    if words[0] in _PUT_WHEN and words[0] != "on":
        return True
    place = [word for word in words[:4] if word not in ("the", "a", "an", "my", "our", "on", "to")]
    return words[0] in ("the", "a", "my", "our", "on", "to") and bool(place) and place[0] in _PUT


def _a_past(word: str) -> bool:
    return word in _PASTS or (len(word) > 3 and word.endswith("ed") and word not in _NOT_PAST)


# A thing that stopped working, however it is said: "died", "gave up the ghost", "packed in".
_STOPPED: Final = (
    r"(?:died|dead|broke|broken|broke down|crashed|kicked the bucket|gave up the ghost"
    r"|given up the ghost|bit the dust|conked out|carked it|packed in|packed up|went kaput"
    r"|gave out|gave up|stopped working|went down|went off|went flat|froze|blew up|exploded)"
)


@cache
def _stopped() -> re.Pattern[str]:
    return re.compile(rf"^(?:the|my|our|his|her|their|your|a|an)?(?: \S+){{1,3}} {_STOPPED}\b")


def thing_stopped(words: str) -> bool:
    """Whether ``words`` (canonical) tell of a thing of theirs that stopped working ("my phone
    died", "the printer gave up the ghost", "the car broke down"): news, never a deed, and
    never a request to change or delete a win ("gave up")."""
    first = words.split()[:1]
    return bool(first) and first[0] not in _NOT_A_THING and _stopped().match(words) is not None


def own_subject(words: str) -> bool:
    """Words that say who or what they are about, so no "I" goes before them: "the printer
    gave up the ghost but i fixed it", "the bins are out", "six months sober", "kids drew on
    the wall and i got it off"."""
    from skill.domain.screen import canonical  # on first use: it compiles the rules

    plain = canonical(words)
    return thing_done(plain) or thing_stopped(plain) or situation_then_deed(plain)


def _result_tail(tail: str, state: str = "") -> bool:
    """What may follow how a thing is: nothing, more of the same, when, or what for; after a
    participle, where it went ("handed back", "filled in", "signed off")."""
    if not tail or tail.split()[0] in _TAILS:
        return True
    return state.endswith("ed") and tail.split()[0] in _AFTER_A_PARTICIPLE


_AFTER_A_PARTICIPLE: Final = frozenset(
    {"back", "in", "out", "off", "over", "up", "away", "down", "with", "after", "within"}
)


# What the person made or did, said to have gone well: "my cake was a knockout", "my set
# absolutely killed", "my speech went down a storm". Success said of a thing of one's own.
_WENT_WELL: Final = (
    r"(?:a (?:big |huge |real |total |massive |smash |complete )?(?:hit|smash|knockout|triumph"
    r"|success|winner|showstopper|sell out)|fire|lit|on fire|to die for|bang on|spot on|on point"
    r"|flawless|perfect|amazing|brilliant|fab|fantastic|class|top notch|a storm"
    r"|(?:went|gone) down (?:a storm|well|great|a treat)|went (?:well|great|brilliantly|perfectly)"
    r"|killed(?: it)?|slayed(?: it)?|smashed it|nailed it|aced it|stole the show"
    r"|got (?:an a|an a star|full marks|top marks|a first|a distinction|picked|published|accepted)"
    r"|sold out|passed)"
)
_LINKS: Final = (
    r"(?:(?:was|were|is|are|has been|have been|got|went|totally|absolutely|really|so|just) )*"
)


@cache
def _went_well() -> re.Pattern[str]:
    return re.compile(rf"^my (?P<thing>(?:\S+ ){{0,3}}?\S+) {_LINKS}{_WENT_WELL}\b")


def went_well(words: str) -> bool:
    """Whether ``words`` (canonical) tell that a thing of the person's own went well ("my cake
    was a knockout at the bake sale", "my stand up set absolutely killed"): their own doing,
    so a win. Never a person or a pet ("my son got an a"), whose doings are their own, and
    never with "not" or "no" in it."""
    found = _went_well().match(words)
    if found is None:
        return False
    thing = found.group("thing").split()
    if thing[0] in _NOT_A_THING or set(thing) & (_PEOPLE | _OTHERS | {"to", "for", "of"}):
        return False
    return not {"not", "no", "never"} & set(words.split())


# Others whose doings are news: children and pets too, here (their success is theirs).
_OTHERS: Final = frozenset(
    {
        *("son", "sons", "daughter", "daughters", "kid", "kids", "child", "children", "baby"),
        *("dog", "dogs", "cat", "cats", "team", "class", "husbands", "wifes", "partners"),
        *("boyfriends", "girlfriends", "friends", "teacher", "colleague", "coworker", "mate"),
        *("mates", "pal", "bestie", "niece", "nephew", "grandson", "granddaughter", "students"),
    }
)


# A situation told first, with a subject of its own, then what the person did about it: "kids
# drew on the wall in sharpie and i got most of it off", "landlord ignored me so i reported
# it". The situation's own verb or link comes within its first words.
_SITUATION_LINKS: Final = frozenset(
    {
        *("was", "were", "is", "are", "been", "got", "went", "had", "has", "have", "all"),
        *("died", "ignored", "drew", "flew", "exploded", "broke", "burst", "leaked", "crashed"),
        *("snapped", "failed", "froze", "stopped", "overflowed", "flooded", "turned", "passed"),
    }
)
_THEN_I: Final = (
    r" (?:and|but|so|then|yet)(?: (?:today|then|still|finally|actually|just|anyway|so|now))*"
    r" i (?!(?:am|was|have|had|feel|felt|did not|do not|cannot|could not|will|want|wish|need"
    r"|hate|guess|think|mean)\b)\w+"
)


# ... or then how the thing is now: "room was a crime scene and now it's spotless", "inbox was
# at two hundred, now it is at zero".
_THEN_NOW: Final = (
    r" (?:(?:and|but|so) )?(?:now|finally|at last)(?: (?:now|finally|at last|totally|fully))*"
    r" (?:it is|it|they are|they|everything is|all|the whole thing is|its|theyre) "
    r"(?:(?:all|totally|completely|fully|properly|actually) )*"
)


@cache
def _then_i() -> re.Pattern[str]:
    return re.compile(rf"{_THEN_I}|{_then_now().pattern}")


@cache
def _then_now() -> re.Pattern[str]:
    done = "|".join(re.escape(word) for word in sorted(_DONE_WORDS, key=len, reverse=True))
    return re.compile(rf"{_THEN_NOW}(?:{done}|[a-z]{{2,}}ed|at zero)\b(?! yet)")


def situation_then_result(words: str) -> bool:
    """Whether ``words`` (canonical) tell how a thing was, then how it is now that it is done
    ("room was a crime scene and now it is spotless"): a thing done, told whole."""
    found = _then_now().search(words) if _situation(words) else None
    return found is not None and _patterns()[1].search(found.group(0)) is None


def situation_then_deed(words: str) -> bool:
    """Whether ``words`` (canonical) tell a situation with a subject of its own, then a deed
    of the person's ("the shower's been broken for weeks and today i emailed the council",
    "car got a flat on the school run and i changed it"): told whole, since the deed alone
    loses what it was about. Never words that start with a deed ("dropped it and i ...")."""
    return _situation(words) and _then_i().search(words) is not None


def _situation(words: str) -> bool:
    """Words that start with a thing and its own verb or link ("the sink was", "kids drew")."""
    said = words.split()
    if len(said) < 4 or said[0] in _NOT_A_THING or said[0] in _PASTS or said[0].endswith("ed"):
        return False
    return any(word in _SITUATION_LINKS or word.endswith("ed") for word in said[1:4])
