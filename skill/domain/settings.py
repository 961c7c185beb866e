"""What a person asks of the skill itself, rather than tells it: calm or cheerful, brief or not.

"Stop asking me questions", "tone it down", "i don't want to be asked things": said to Small
Wins, these are settings, never wins. ``setting_asked`` hears them in families of phrasing,
said the way people talk to a speaker ("can you", "please", "i want you to" first, "a bit",
"please", "from now on" after), and says which setting was meant. A preference the reader
recognises but no family names ("leave me alone", "log it") is ``Setting.OTHER``: nothing to
act on, but still no win. Pure: words in, a setting (or None) out.
"""

import re
from enum import StrEnum
from functools import lru_cache
from typing import Final

from skill.domain.patterns import compiled
from skill.domain.screen import canonical


class Setting(StrEnum):
    """A change the person asked for."""

    BRIEF = "brief"  # no follow-up questions
    CHATTY = "chatty"  # follow-up questions again
    CALM = "calm"  # quiet celebrations, no sounds
    CHEERFUL = "cheerful"  # warm celebrations with a short sound
    OTHER = "other"  # about the skill, but nothing it can change


# Said before the request itself, and nothing of it: "can you", "please", "i want you to".
_LEADS: Final = (
    "alexa",
    "small wins",
    "hey",
    "um",
    "uh",
    "oh",
    "so",
    "ok",
    "okay",
    "well",
    "and",
    "also",
    "actually",
    "please",
    "just",
    "maybe",
    "now",
    "from now on",
    "can you",
    "could you",
    "would you",
    "will you",
    "cannot you",
    "can you please",
    "could you please",
    "would you mind",
    "i want you to",
    "i would like you to",
    "i need you to",
    "i would love you to",
    "i would like it if you",
    "i would prefer it if you",
    "i would prefer you to",
    "you should",
    "you need to",
    "try to",
    "try and",
    "i want it",
    "i would like it",
    "i want things",
)
_QUESTIONS: Final = r"(?:questions?|follow ups?|follow up questions)"
_ASKING: Final = rf"(?:{_QUESTIONS}|things|stuff|anything)"
_LOUD: Final = (
    r"(?:excited|enthusiastic|loud|cheerful|cheery|chirpy|jolly|perky|noisy|bubbly|intense|peppy|hyper"
    r"|over the top|energetic|upbeat|celebratory|exciting|extra|much fuss)"
)
_LIVELY: Final = (
    r"(?:cheerful|upbeat|excited|enthusiastic|fun|lively|energetic|celebratory|cheery|happy"
    r"|exciting|bubbly|peppy|joyful)"
)
_SOUNDS: Final = (
    r"(?:sound effects|sounds?|noises?|music|fanfare|applause|cheering|jingles?"
    r"|trumpets?|party sounds?)"
)
_MORE: Final = r"(?:(?:a bit|a little|a lot|much|way|even|bit) )?"
# Each family as a pattern over canonical words, matched where the request starts. Earlier
# families are tried first: "ask me questions again" is heard before "questions".
_FAMILIES: Final[tuple[tuple[Setting, tuple[str, ...]], ...]] = (
    (
        Setting.CHATTY,
        (
            rf"(?:you can|you may|feel free to|go ahead and|it is okay to|it is ok to"
            rf"|it is fine to|start|please) (?:ask|asking) (?:me\b|{_ASKING})",
            rf"(?:ask|asking) (?:me )?(?:{_ASKING} )?(?:again|once more)\b",
            rf"(?:more|bring back the|bring back|i want the|i miss the|i want) (?:chat|chatty"
            rf"|chatting|{_ASKING}) ?(?:again|back|please)?$",
            r"(?:be |get )?chatty again\b",
            r"(?:turn off|stop|end|no more|cancel) (?:the )?(?:brief|short) mode\b",
            r"(?:stop|quit) being (?:so )?(?:brief|short)\b",
            r"(?:you can )?(?:talk|chat) (?:more|normally|again)\b",
            rf"{_ASKING} (?:are|is) (?:fine|okay|ok|good)(?: again)?\b",
            rf"(?:turn|switch|put) (?:the )?{_ASKING} (?:back )?on\b",
            rf"{_ASKING} (?:again|back on)\b",
        ),
    ),
    (
        Setting.BRIEF,
        (
            rf"(?:stop|quit|no more|enough|do not|never|do not keep|dont) (?:ask|asking)(?: me)?"
            rf"(?:$| {_ASKING}| so\b| all\b| these\b| those\b| that\b| every\b| again\b"
            rf"| about\b| any\b| please\b)",
            rf"(?:stop|quit|no more|enough|stop with the|cut out the|cut the|skip the|lose the"
            rf"|drop the|enough with the|enough of the) (?:{_QUESTIONS}|chat|chatter|chit chat"
            rf"|small talk)\b",
            rf"(?:no|fewer|less|without|not so many|not as many|too many|way too many|so many"
            rf"|without the|no more) (?:{_QUESTIONS}|chat|chatter|chit chat|small talk)\b",
            r"(?:be|keep it|keep things|keep them|keep your answers|keep your replies|make it"
            r"|make them|make things|make your answers|make your replies) (?:more |a bit )?"
            r"(?:brief|short|shorter|snappy|quick|quicker|concise|briefer)\b",
            r"(?:brief|short|quick) mode\b",
            r"(?:brief|briefer|shorter|quicker|short|brief) (?:answers|replies|responses)\b",
            r"(?:less|not so|not as|way less|a bit less|a little less) (?:chatty|talkative"
            r"|wordy|chat|chit chat)\b",
            r"(?:talk|speak|say) less\b",
            r"(?:stop|quit) (?:being )?(?:so )?(?:chatty|talkative|wordy)\b",
            rf"i (?:do not|would rather not|really do not|hate|cannot stand|dislike|am tired of"
            rf"|am sick of|do not need|do not want|would rather you did not)(?: \w+){{0,4}}"
            rf" (?:asked|{_QUESTIONS})\b",
            r"i would rather (?:you )?(?:did not|do not|would not) ask\b",
            r"(?:you )?(?:do not|dont|no|there is no|there is not any) (?:need|have) to (?:keep )?"
            r"(?:ask|asking)\b",
            r"(?:brief|be brief)$",
        ),
    ),
    (
        Setting.CHEERFUL,
        (
            rf"(?:be |make it |keep it |go |get |sound |make them )?{_MORE}more {_LIVELY}\b",
            r"(?:cheer|liven|perk|jazz|pep|brighten|spice) (?:it |things |this |them )?up\b",
            r"(?:be|get|sound) (?:excited|enthusiastic|upbeat|cheerful|cheery)\b",
            rf"(?:bring back|turn on|i want|i miss|put back|i like) (?:the |your )?{_SOUNDS}\b",
            rf"{_SOUNDS} (?:back )?on\b",
            rf"(?:the )?{_SOUNDS} back\b",
            r"(?:livelier|happier|louder|more fun)\b",
            r"(?:not so|less|not as) (?:calm|quiet|boring|flat|serious|subdued|plain)\b",
        ),
    ),
    (
        Setting.CALM,
        (
            r"(?:tone|turn|dial|bring|take|calm|quiet) (?:it |things |that |this"
            r" |everything |yourself |them )?down\b",
            rf"(?:be |make it |keep it |get |sound |make them )?{_MORE}(?:less|not so|not as)"
            rf" {_LOUD}\b",
            rf"(?:be |make it |keep it |go |get |sound |make them |keep things )?{_MORE}"
            r"(?:quieter|calmer|softer|gentler|chiller|mellower|more chill|more calm|more"
            r" relaxed|more low key|more subdued|more gentle|more quiet|more mellow|more"
            r" quietly|more calmly|more gently|more chilled|chill|chilled|low key)\b",
            rf"(?:stop|no|without|turn off|lose|drop|skip|mute|quiet|cut|no more|i do not want"
            rf"|i do not like|i hate|enough with) (?:the |those |that |all the |all that |your )?"
            rf"{_SOUNDS}\b",
            rf"(?:you are |that is |it is |this is |that was |you sound |it was )?(?:too|way"
            rf" too|a bit too|a little too|so) {_LOUD}\b",
            r"(?:do not|stop|please do not) (?:make|making) (?:a|such a|so much|any) fuss\b",
            r"(?:do not|stop|please do not) (?:shout|shouting|yell|yelling)\b",
            r"(?:less|no) (?:fuss|fanfare|noise|celebrating)\b",
            r"(?:no need to|do not) (?:cheer|celebrate so)\b",
        ),
    ),
)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[Setting, re.Pattern[str]], ...]:
    """The families, compiled on first use (never at import: a launch never pays for them)."""
    return tuple(
        (setting, re.compile("|".join(f"(?:{p})" for p in patterns)))
        for setting, patterns in _FAMILIES
    )


def prepare() -> None:
    """Compile the families now (before a snapshot), rather than on the first request."""
    _compiled()


def _without_leads(text: str) -> str:
    changed = True
    while changed and text:
        changed = False
        for lead in sorted(_LEADS, key=len, reverse=True):
            if text == lead:
                return ""
            if text.startswith(lead + " "):
                text = text[len(lead) + 1 :]
                changed = True
                break
    return text


# What may follow a request for calm or cheerful: "tone it down a bit please", "quieter with
# the celebrations". Anything else makes it a statement of its own ("be calmer with my kids").
_STYLE_TAIL: Final = (
    r"(?:(?:a bit|a little|a lot|a notch|a tad|please|now|thanks|thank you|from now on|for me"
    r"|again|ok|okay|if you can|if you do not mind|will you|would you|then)(?: |$))*"
    r"(?:(?:with|on|in|for|about) (?:the |your |those |all the |all your )?(?:celebrations?"
    r"|celebrating|sounds?|cheering|praise|wins?|replies|answers|responses|it|things)"
    r"(?: (?:please|thanks|a bit))*)?$"
)


def named_setting(said: str) -> Setting | None:
    """The setting a family of phrasing names, where the request starts; None for any other.

    A request about questions may go on ("stop asking me questions about my day"); one for
    calm or cheerful ends where it is asked, but for a word of courtesy or what it is about.
    A style named with a word that picks or names one ("switch to calm", "go calm", "calm
    mode", "use the quiet one", "cheerful please") is that style.
    """
    text = _without_leads(canonical(said))
    picked = style_picked(text)
    if picked is not None:
        return picked
    for setting, pattern in _compiled():
        found = pattern.match(text)
        if found is None:
            continue
        if setting in (Setting.CALM, Setting.CHEERFUL):
            tail = text[found.end() :].strip()
            if not compiled(_STYLE_TAIL).match(tail):
                continue
        return setting
    return None


# A style picked by name: a verb that picks or moves to one first ("switch to", "go", "set it
# to", "use", "can i have"), or a word that names it as a style after ("mode", "style", "one",
# "please"); one of them at least, so a bare "quiet" is no request.
_PICKING: Final = (
    r"(?:(?:switch|change|turn|set|put|move|flip)(?: it| things| me| us| my style| the style"
    r"| your style| yourself)?(?: back)? (?:to|on|onto|into|in)|go(?: back)?(?: to)?|use|try"
    r"|let us go|lets go|let us do|lets do|do)"
)
# Wanting a style is picking it when it is named as one: "i want the quiet one", never "i want
# quiet" (a feeling).
_WANTING: Final = (
    r"(?:can i (?:have|get|try)|could i (?:have|get)|i (?:would like|want|will have|will take"
    r"|prefer)|give me)"
)
_NAMING: Final = r"(?:style|mode|one|setting|celebrations?|version|option|please|thanks|instead)"
_PICKED: Final = (
    rf"^(?:(?P<lead>{_PICKING}) |(?P<want>{_WANTING}) )?(?:the |a |your )?"
    rf"(?P<style>[a-z]+(?: key| sounds)?)"
    rf"(?P<tail>(?: {_NAMING}| now| then| for me| from now on| again)*)$"
)


def style_picked(text: str) -> Setting | None:
    """Calm or cheerful picked by name in canonical words ("switch to calm", "go calm", "calm
    mode", "can i have the quiet one", "cheerful please"); None for any other words."""
    found = compiled(_PICKED).match(text)
    if found is None or not (found["lead"] or found["tail"].strip()):  # "i want quiet"
        return None
    word = found["style"]
    if word in _ORDINALS:
        return None
    if word in _CALM_WORDS:
        return Setting.CALM
    return Setting.CHEERFUL if word in _CHEERFUL_WORDS else None


# Pasts that begin a deed told without "I", never a request to the skill.
_TOLD_VERBS: Final = frozenset({"asked", "told", "said", "requested"})


def setting_asked(said: str, carrier: str = "") -> Setting | None:
    """What ``said`` (after ``carrier``: "i" for "I {win}") asks of the skill; None when it
    is not a request about the skill itself (a win, a feeling, anything else).

    A named family decides; else the reader's preferences (with thanks or goodbye at most
    beside them) are ``Setting.OTHER``, when they are said to the skill: "i told my boss to stop
    asking" tells of something, and is left to be read as it is.
    """
    whole = f"{carrier} {said}".strip()
    for words in (whole, said) if carrier else (said,):
        named = named_setting(words)
        if named is not None:
            return named
    first = _without_leads(canonical(whole)).split()[:1]
    if first in (["i"], ["we"]) or (first and first[0] in _TOLD_VERBS):
        return None  # "asked the front desk for a quieter room": something done, told
    from skill.domain.reading import Part, read  # on first use: it compiles patterns

    parts = {clause.part for clause in read(whole)}
    if Part.PREFERENCE in parts and parts <= {Part.PREFERENCE, Part.THANKS, Part.GOODBYE}:
        return Setting.OTHER
    return None


# A bare answer to "calm and quiet, or cheerful? Which would you like?": a word of the style,
# as the question put it or in another word for it; "normal" and "the usual" are the style a
# new person starts with (cheerful); "the first" and "the second" count in the question's order.
_CALM_WORDS: Final = frozenset(
    {
        "calm",
        "calmer",
        "calmly",
        "calm and quiet",
        "quiet",
        "quieter",
        "quietly",
        "gentle",
        "gentler",
        "gently",
        "soft",
        "softer",
        "low key",
        "peaceful",
        "silent",
        "relaxed",
        "simple",
        "plain",
        "subtle",
        "muted",
        "toned down",
        "no sounds",
        "without sounds",
        "first",
    }
)
_CHEERFUL_WORDS: Final = frozenset(
    {
        "cheerful",
        "cheery",
        "happy",
        "excited",
        "fun",
        "upbeat",
        "loud",
        "louder",
        "celebratory",
        "big",
        "bigger",
        "joyful",
        "party",
        "with sounds",
        "with sound effects",
        "normal",
        "usual",
        "default",
        "regular",
        "standard",
        "original",
        "as it was",
        "as before",
        "the way it was",
        "second",
    }
)
# Words that pick a style by its place in the question's order, in an answer only.
_ORDINALS: Final = frozenset({"first", "second"})
# Said around the style's word in an answer, and nothing of it: "the quiet one please".
_AROUND_A_STYLE: Final = (
    r"^(?:(?:i(?: would|d)? (?:like|want|prefer|choose|pick|go with|take)|let us go with"
    r"|lets go with|go with|make it|keep it|i will (?:go with|take|have)|i will|the|a|an|um|uh"
    r"|oh|er|umm|hmm|well|please|erm|maybe|probably|definitely|yes|yeah|ok|okay) )*"
    r"(?P<style>.+?)"
    r"(?: (?:one|mode|style|setting|option|way|version|kind|please|thanks|thank you"
    r"|for now|i think|then|celebrations?))*$"
)


def style_answered(said: str) -> Setting | None:
    """The style a bare answer to "calm or cheerful?" names ("calm", "the quiet one",
    "normal", "the second one"); None for any other words."""
    text = _without_leads(canonical(said))
    found = compiled(_AROUND_A_STYLE).match(text)
    word = found["style"] if found else text
    if word in _CALM_WORDS:
        return Setting.CALM
    if word in _CHEERFUL_WORDS:
        return Setting.CHEERFUL
    return named_setting(text) if text else None
