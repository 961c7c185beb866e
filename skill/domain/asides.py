"""Words in a statement that tell no deed of the speaker's: said to someone else in the room,
asked, or pointing at something without naming it.

On a shared Echo the skill hears the household: "mum can i have toast" is a child asking for
toast, and "i did a load of washing ben stop hitting your sister" is a win with a word to a
child after it. A sentence that asks is asked however it is shaped: "at what time will you
remind me", "i started on a thursday didn't i". And a few words that only point ("the mum
one", "yesterday") name no deed. None of these is ever a win.

Pure, over the reader's canonical words (lower case, contractions spelt out, no fillers): the
reader (``reading.py``) calls these; they know nothing of its parts.
"""

from typing import Final, Literal

from skill.domain.patterns import compiled

# Names for the people in a household said to call them: "mum", "kids", "sweetheart".
_CALLED: Final = (
    r"(?:mum|mom|mummy|mommy|mam|mammy|mama|momma|ma|dad|daddy|papa|pa|nan|nana|nanna|gran"
    r"|granny|grandma|grandad|granddad|grandpa|kids|guys|boys|girls|children|honey|sweetie"
    r"|sweetheart|darling|babe|baby|buddy|kiddo)"
)
# What is said to someone else, not to a speaker: asking them (for toast, where a shoe is) or
# telling them what to do.
_ASKING_THEM: Final = (
    r"(?:(?:can|could|may|will|would|do|did|have|are|is) (?:i|we|you)\b"
    r"|(?:where|what|why|when|who|how) (?:is|are|was|were|did|do|does|can|have)\b)"
)
_TELLING_THEM: Final = (
    r"(?:stop (?:\w+ing\b|it\b|that\b|now\b)|quit (?:\w+ing\b|it\b|that\b)"
    r"|come (?:here|back|down|inside)\b|get (?:down|off|dressed)\b|put (?:it|that) down\b"
    r"|leave (?:it|him|her|them) alone\b|give (?:it|that|them) back\b|sit (?:down|still)\b"
    r"|hurry up\b|be (?:quiet|nice|careful|gentle|good|kind)\b|shush\b|shh+\b"
    r"|say (?:sorry|thank you|please)\b|hands off\b"
    r"|(?:brush|eat|wash|put on|get|put|take|finish|tidy|pick up|hang up) your\b)"
)
# Said to a household name only: "mum do not", "kids go upstairs", "dad put the kettle on".
_TELLING_FAMILY: Final = (
    rf"(?:{_TELLING_THEM}|do not (?!know\b)\w+|go (?:to|and|up|out)\b|put (?:the|your|it|that) "
    r"|get (?:your|the|out|in)\b|look (?:at|out)\b|wait\b|listen\b)"
)
_YOU: Final = r"\b(?:you|your|yours|yourself|yourselves)\b"
# Words that never call anyone: "i did the washing then stop" is no name and an order.
_NO_NAME: Final = frozenset(
    {
        *("i", "we", "you", "it", "that", "this", "they", "he", "she", "me", "them", "us", "him"),
        *("her", "there", "here", "then", "and", "so", "but", "now", "to", "not", "also", "or"),
        *("just", "please", "if", "when", "because", "until", "to", "of", "in", "on", "at"),
        *("today", "tonight", "yesterday", "morning", "again", "too", "finally", "all", "done"),
    }
)
# Words before a name that make it the object of what was said, not someone called:
# "i helped ben stop crying", "i told my son stop hitting", "with the kids come on".
_HOLDING: Final = frozenset(
    {
        *("my", "the", "a", "an", "our", "his", "her", "their", "your", "to", "for", "with"),
        *("and", "or", "let", "get", "make", "help", "watch", "see", "hear", "tell", "ask"),
        *("saw", "heard", "told", "asked", "let", "made", "helped", "watched", "got", "had"),
        *("rang", "called", "phoned", "texted", "visited", "hugged", "took", "met", "fed"),
        *("from", "by", "about", "at", "on", "like", "than", "as", "when", "if", "that"),
    }
)
# Where what was said to someone else ends: a new "i" telling something ("ben stop that i did
# the washing"), a sentence's end, or the end of what was said.
_UNTIL: Final = r"(?=[.;] |\s(?:i|we) (?:did|went|got|made|took|had|also|\w+ed)\b|$)"
_ASIDE: Final = (
    r"(?:^|(?<=[\s,.;]))(?:hey )?(?P<name>[a-z]+)[,.;]? "
    rf"(?P<said>{_ASKING_THEM}|{_TELLING_FAMILY})"
)


# Who else may have spoken: "sorry, that was my son", "that was the kids".
_SOMEONE_ELSE: Final = (
    r"(?:son|daughter|kid|kids|child|children|boy|boys|girl|girls|little one|toddler|baby"
    r"|husband|wife|partner|other half|boyfriend|girlfriend|mum|mom|dad|brother|sister"
    r"|flatmate|roommate|housemate|friend|nan|gran|grandma|grandad|neighbour|neighbor"
    r"|telly|tv|radio)"
)
# Said of words that were not the speaker's, to set them aside: never a deed.
_EXCUSED: Final = (
    rf"(?:^|(?<=[\s,.;]))(?:(?:sorry|oops|whoops|oh|ah)[\s,]+)*(?:(?:that|it) (?:was|is) "
    rf"(?:my|the|our|his|her) {_SOMEONE_ELSE}|that was not (?:me|for you|to you)|not you"
    r"|ignore (?:that|him|her|them|me)|never mind (?:that|him|her|them))"
    r"(?: (?:talking|speaking|shouting|asking))?(?:[\s,;.]+|$)"
)


Aside = Literal["question", "request"]


def said_to_others(text: str) -> tuple[str, Aside | None]:
    """``text`` less what was said to someone else in the room, and what that was (a question
    or a request); ``text`` and None when nothing was."""
    excused = compiled(_EXCUSED).search(text)
    if excused is not None and (excused.start() <= len("i ") or excused.end() == len(text)):
        kept = f"{text[: excused.start()]} {text[excused.end() :]}".strip(" ,;.")
        return said_to_others(kept)[0], "request"
    for found in compiled(_ASIDE).finditer(text):
        name = found.group("name")
        before = text[: found.start()].split()
        asking = compiled(_ASKING_THEM).match(found.group("said")) is not None
        end = len(text) if asking else _end_of(text, found.end())
        if not _calls(name, before, found.group("said"), text[found.start() : end]):
            continue
        kept = f"{text[: found.start()]} {text[end:]}".strip(" ,;.")
        return kept, "question" if asking else "request"
    return text, None


def _calls(name: str, before: list[str], said: str, rest: str) -> bool:
    """Whether ``name``, after the words ``before`` it, calls someone: a household name asked
    or told something, or any other name first, or after a clause of its own, told what to
    do in words for someone ("ben stop hitting your sister"), never for the speaker."""
    if name in _NO_NAME or name.endswith(("ed", "ing")):
        return False
    if before and (before[-1].strip(",.;") in _HOLDING):
        return False
    if compiled(_CALLED).fullmatch(name):
        return True
    if compiled(_TELLING_THEM).match(said) is None:
        return False
    # After a clause, a name may be the last word of it ("i mopped the floor stop laughing"):
    # only an order with "you" or "your" in it is surely to someone else.
    return not before or (len(before) >= 3 and compiled(_YOU).search(rest) is not None)


def _end_of(text: str, start: int) -> int:
    found = compiled(_UNTIL).search(text, start)
    return found.start() if found else len(text)


# A tag that turns a statement into a question: "i started on a thursday did not i", "that was
# monday was it not", "i logged the bins did i". Never after a subject ("but i did it", "that
# is it") or after "so", "neither", "nor", "as" or "than" ("and so did i").
_NOT_A_TAG_AFTER: Final = (
    r"(?<!\bi)(?<!\byou)(?<!\bwe)(?<!\bthey)(?<!\bhe)(?<!\bshe)(?<!\bit)(?<!\bthat)(?<!\bthis)"
    r"(?<!\bso)(?<!\bneither)(?<!\bnor)(?<!\bas)(?<!\bthan)(?<!\bwhat)(?<!\bhow)(?<!\bwho)"
)
_AUX: Final = r"(?:did|do|does|is|are|was|were|have|has|had|will|would|can|could|should|am)"
_TAG: Final = (
    rf"{_NOT_A_TAG_AFTER} {_AUX} not (?:i|you|it|we|they|there)$"
    rf"|{_NOT_A_TAG_AFTER} {_AUX} (?:i|you|we|they|there)(?: not)?$"
    rf"|{_NOT_A_TAG_AFTER} {_AUX} it not$"
    rf"|{_NOT_A_TAG_AFTER} (?:cannot|will not|sha not|ai not) (?:i|you|it|we|they)$"
    r"|(?<=\w) (?:innit|or not|or what|is that right|am i right|was not it|is not it)$"
)


def tagged(text: str) -> bool:
    """A statement with a question tag at its end: asked, not told."""
    words = text.split()
    return (
        len(words) > 2
        and compiled(_TAG).search(text.rstrip(" ,;.")) is not None
        and words[0] != "and"
    )


# Words that open a question after a preposition: "at what time", "on which day", "since when".
_PREPOSITIONS: Final = frozenset(
    {"at", "on", "in", "for", "by", "since", "until", "till", "from", "to", "about", "after"}
)
_WH: Final = frozenset({"what", "which", "when", "where", "who", "whom", "how", "whose"})


def asks_by_its_shape(words: list[str]) -> bool:
    """ "at what time will you remind me", "on which day did i start", and a question with
    "have" first ("have you seen my keys"): a question."""
    if len(words) > 1 and words[0] in _PREPOSITIONS and words[1] in _WH:
        return True
    return compiled(_HAVE_ASKED).match(" ".join(words[:2])) is not None


# A win pointed at, not named ("the mum one", "that one", "the one about the dentist"), and a
# day said alone ("yesterday", "last tuesday"): no deed, whatever was asked.
_POINTING: Final = (
    r"^(?:and |also |what about |how about |or |not |then )?(?:the|that|this|those|these)"
    r"(?: [a-z]+){0,3} ones?$"
    r"|^(?:and |also |what about |how about )?(?:the|that) ones? (?:about|with|where|when|from)\b"
)
_DAY_ALONE: Final = (
    r"^(?:and |what about |how about |or |for |on )?(?:yesterday|today|tomorrow|tonight"
    r"|last night|this morning|this week|last week|this month|last month|earlier"
    r"|the day before|the other day|(?:on |last |this |next )?(?:monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday))(?: then| again)?$"
)


def points_only(text: str) -> bool:
    """Words that point at a win or a day without naming a deed."""
    bare = text.strip(" ,;.")
    return bool(compiled(_POINTING).match(bare) or compiled(_DAY_ALONE).match(bare))


# Said to the skill about what it says: "read them out", "say it again", "list them all".
_TO_THE_SKILL: Final = (
    r"^(?:please |can you |could you |will you |would you )?(?:read|say|list|go through"
    r"|tell me|play)(?: me)? (?:them|it|that(?! again)|those|these|all|everything|the rest"
    r"|the lot|more|out|back)\b"
)


# Said to the skill about how it talks, or to be quiet: "shut up", "speak up", "turn it down".
_HUSHING: Final = (
    r"^(?:please |oh )?(?:shut up|be quiet|go away|speak up|slow down|hush|stop talking"
    r"|turn (?:it|that|yourself|the volume) (?:off|down|up)|louder|quieter|are you there"
    r"|you there|are you listening|you listening)(?: please| now| alexa| small wins)?$"
)


def asks_the_skill(text: str) -> bool:
    """A request to the skill about what it reads or says ("read them out"), or about how it
    talks ("speak up", "shut up"): never a deed."""
    bare = text.strip(" ,;.")
    return (
        compiled(_TO_THE_SKILL).match(bare) is not None
        or compiled(_HUSHING).match(bare) is not None
        or compiled(_LEFT_TO_IT).match(bare) is not None
    )


# A choice left to the skill: "you choose", "surprise me", "up to you". Never the person's plan.
_LEFT_TO_IT: Final = (
    r"^(?:you (?:choose|pick|decide|tell me|say|know best)|surprise me|up to you|it is up to you"
    r"|(?:it is )?your (?:choice|call)|whatever you (?:think|want|like|say|reckon))\b"
)


# "have you seen my keys", "has it saved": asked with "have" or "has" first.
_HAVE_ASKED: Final = r"^(?:have|has) (?:you|i|we|it|that|this|they|he|she)\b"


# Asking for the last words again: "pardon?", "sorry, what?", "come again", "i beg your pardon",
# "what was that", "i didn't catch that", "could you say that again please".
_AGAIN_LEADS: Final = (
    r"(?:oh|ah|um|uh|er|erm|sorry|so sorry|excuse me|pardon me|pardon|i beg your pardon"
    r"|beg your pardon|what|eh|huh|hang on|wait|hold on|i am sorry)"
)
_AGAIN_ASKED: Final = (
    r"(?:pardon(?: me)?|(?:i )?beg your pardon|sorry|what|wha|huh|eh|come again|you what"
    r"|say what|(?:(?:can|could|would|will) you )?(?:please )?(?:say|repeat)(?: that| it"
    r"| the question| what you said| yourself)?(?: again| one more time| once more)?"
    r"|what (?:was|is) (?:that|the question|it|that again)|what did you (?:just )?(?:say|ask)"
    r"|what were you saying|what was that you said"
    r"|(?:i )?(?:did not|could not|cannot|can not) (?:quite )?(?:catch|hear|get|understand)"
    r"(?: that| you| it| the question| what you said)?"
    r"|(?:i )?missed (?:that|it|the question|what you said)"
    r"|(?:i )?was (?:not listening|miles away|not paying attention)"
    r"|one more time|once more|again please)"
)
# Said after asking again, and no part of it: "more slowly", "a bit louder", "please".
_AGAIN_TAILS: Final = (
    r"(?:please|again|love|dear|mate|sorry|alexa|for me|(?:a (?:bit|little) )?(?:more )?"
    r"(?:slowly|slower|louder|clearly|clearer)|all of (?:that|it)|all that|any of (?:that|it)"
    r"|what you said|the last bit|that last bit|i am (?:a bit |a little )?hard of hearing)"
)
_AGAIN: Final = (
    rf"^(?:(?:{_AGAIN_LEADS}|please|could you|can you|would you)[ ,]+)*(?:{_AGAIN_ASKED}"
    r"|(?:would you|do you) mind repeating(?: that| it)?|(?:i am )?(?:a bit |a little )?hard of"
    r" hearing|(?:i )?(?:did not|could not|cannot) (?:quite )?(?:catch|hear|get) (?:all|any|most)"
    rf")(?: {_AGAIN_TAILS})*$"
)


def asks_again(text: str) -> bool:
    """Asking to hear the last words again ("pardon?", "sorry what", "come again", "what was
    that", "i didn't catch that"), said alone (canonical words): never a deed, never words
    not understood."""
    return compiled(_AGAIN).match(text.strip(" ,;.")) is not None


# Asking what the skill is, what it is for or how to use it: "what is this exactly", "what does
# it do", "what is the purpose of this programme", "how do i use it", "good morning, who are
# you". Greetings and politeness before it say nothing.
_SKILL: Final = (
    r"(?:this|that|it|you|small wins|this thing|this app|this skill|this programme|this program"
    r"|the skill|the app|the programme|the program)"
)
_WHAT_IT_IS: Final = (
    r"^(?:(?:good morning|good afternoon|good evening|morning|evening|hello|hi|hiya|hey|sorry"
    r"|excuse me|um|so|ok|okay|right|well|and|but|please|oh|can you tell me|could you tell me"
    r"|tell me|i wonder|i was wondering)[ ,]+)*(?:"
    rf"what (?:is|are) {_SKILL}(?: (?:exactly|then|for|all about|about|again|now))*"
    rf"|what (?:is|was) (?:even )?(?:the )?(?:purpose|idea|aim|use|point) of {_SKILL}"
    rf"|what (?:does|do) {_SKILL} (?:do|does|exactly do|do exactly|do then)"
    rf"|how (?:do|does|can|should|would) (?:i|you|we|one) use {_SKILL}"
    rf"|how (?:does|do) {_SKILL} work|how (?:does|do) this (?:thing|skill|app) work"
    r"|what (?:am i|are we) (?:supposed|meant) to (?:do|say)(?: here| with (?:it|this|you))?"
    r"|what (?:do|should|can) i (?:do|say) (?:here|with (?:it|this|you))|who are you"
    r"|what is this (?:for|about)|what is it for)"
    r"(?: (?:please|exactly|then|again|dear|love|alexa|now|anyway|mate|really))*$"
)


def asks_what_it_is(text: str) -> bool:
    """Asking what the skill is, what it is for or how to use it, said alone (canonical
    words): answered in a sentence, never a plan, a deed or words not understood."""
    return compiled(_WHAT_IT_IS).match(text.strip(" ,;.")) is not None
