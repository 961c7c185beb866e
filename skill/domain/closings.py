"""Words said to the skill itself that only sound like news: a polite goodbye ("thank you
kindly, goodbye", "right, bye then", "cheerio", "that's all, good night") and asking to take a
win back ("scratch the last two", "bin that one").

Both are judged on the whole statement (canonical words, as the reader has them): a goodbye
is made of nothing but closing and politeness words, so "goodbye everyone", "goodbye forever"
or "this is goodbye" are never one; a win taken back names a win or "that", never the body or
a person. The screen judges the same statements first (``closing.*`` in ``skill/data/screen.txt``).
Pure: words in, a verdict out.
"""

from typing import Final

from skill.domain.patterns import compiled

# Words of courtesy and closing, any number of them in any order.
_COURTESY: Final = (
    r"thank you|thank u|thankyou|thanks|many thanks|ta|cheers|kindly|very much|so much"
    r"|ever so much|a lot|a million|much appreciated|i appreciate it|appreciate it"
    r"|goodbye|good bye|bye|bye bye|byebye|bye now|cheerio|ta ra|tara|ta ta|tata|toodle oo"
    r"|toodles|see you|see ya|see you later|see you soon|see you tomorrow|later|laters"
    r"|for now|for today|for tonight|for the day|then|right|ok|okay|alright|all right|well|oh"
    r"|and|so|now|no|nope|nothing else|no more|that is all|that is all from me"
    r"|that is everything|good night|goodnight|night|night night|nighty night|sleep well"
    r"|take care|have a good day|have a nice day|have a good one|have a good night"
    r"|have a good evening|speak soon|talk soon|talk to you later|catch you later"
    r"|till tomorrow|until tomorrow|til tomorrow|dear|love|mate|alexa|small wins|lovely|great"
    r"|grand|brilliant|sweet|sweet as|nah|yeah nah|periodt|period|peace|peace out|cya|ttyl"
    r"|that will do|that will be all|that is enough|enough for now|enough for today|that is it"
    r"|that is me|that is me done|that is all for now|that is it for now"
)
_COURTEOUS: Final = rf"^(?:i )?(?:(?:{_COURTESY})(?: |$))+$"
# Among them, the words that close: a goodbye, or "that's all".
_CLOSES: Final = (
    r"\b(?:goodbye|good bye|bye|cheerio|ta ra|tara|ta ta|tata|toodle oo|toodles|see you"
    r"|see ya|later|laters|good night|goodnight|night|sleep well|take care|have a (?:good|nice)"
    r"|speak soon|talk soon|talk to you later|catch you later|till tomorrow|until tomorrow"
    r"|til tomorrow|that is all|that is everything|nothing else|no more|peace out|cya|ttyl"
    r"|that will do|that will be all|that is enough|enough for now|enough for today|that is it"
    r"|that is me)\b"
)
_THANKS: Final = (
    r"\b(?:thank you|thank u|thankyou|thanks|ta|cheers|much appreciated|appreciate it|sweet)\b"
)

# Asking to take a win back: a verb that may sound alarming, and a win or "that" after it.
_TAKE_BACK: Final = (
    r"^(?:i )?(?:(?:please|ok|okay|actually|right|oh|and|now|can you|could you|just) )*"
    r"(?:scratch|kill|bin|cut|ditch|strike|nix|axe|chuck|trash|dump|lose|drop|nuke|zap|can"
    r"|knock|cross)(?: out| off| out of it)? "
    r"(?:that|this|that one|this one|that last one|those two|those ones|that win|this win"
    r"|(?:the|my) (?:last|latest|previous|final|first|second|third|fourth|fifth|other|newest"
    r"|most recent) (?:one|ones|two|three|four|five|few|couple|win|wins|thing|things|entry"
    r"|entries|two wins|three wins)"
    r"|the last|(?:the )?(?:last|first) (?:one|two|three|couple)"
    r"|the one (?:before|after) (?:that|it)"
    r"|the (?:one|win) about (?:the |my )?\w+(?: \w+)?)"
    r"(?: (?:please|then|for me|out|off|too|as well|again|from (?:today|my list|the list)))*$"
)


def polite_close(text: str) -> str | None:
    """ "goodbye" when ``text`` (canonical) is a goodbye made of courtesy alone ("thank you
    kindly goodbye", "right bye then", "that is all good night"), "thanks" when it is thanks
    alone ("thanks very much"); None for anything with more in it ("goodbye everyone")."""
    bare = " ".join(text.replace(",", " ").replace(".", " ").replace(";", " ").split())
    if not bare or not compiled(_COURTEOUS).match(bare):
        return None
    if compiled(_CLOSES).search(bare):
        return "goodbye"
    return "thanks" if compiled(_THANKS).search(bare) else None


def takes_back(text: str) -> bool:
    """Whether ``text`` (canonical) asks to take back a win already told ("scratch the last
    two", "kill the last one", "bin that one"): a request, never a deed or a danger."""
    bare = " ".join(text.replace(",", " ").replace(".", " ").split())
    return bool(compiled(_TAKE_BACK).match(bare))


# Worn out, said with "that's it": the day is done, and rest is what is left.
_WORN_OUT: Final = (
    r"\b(?:tired|knackered|shattered|exhausted|wiped|wiped out|done in|worn out|drained"
    r"|cream crackered|sleepy|wrecked|pooped|zonked|beat|spent|cooked|dead on my feet)\b"
)
# Words of pain beside being worn out: never met with "rest well" alone.
_PAIN: Final = (
    r"\b(?:sad|low|depressed|awful|terrible|lonely|hopeless|anxious|scared|worthless|empty"
    r"|numb|crying|cry|hate|hurt|hurting|alone|pointless|miserable|broken)\b"
)


def worn_out(said: str) -> bool:
    """Whether ``said`` (canonical words) tells being worn out ("i'm knackered", "shattered"),
    with no pain beside it: a close told that way is met with rest."""
    return bool(compiled(_WORN_OUT).search(said)) and not compiled(_PAIN).search(said)
