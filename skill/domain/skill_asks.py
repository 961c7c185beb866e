"""Questions and requests said to the skill in words no intent's samples hold: "what reminders
do I have", "is that 7:30 AM or PM?", "what styles are there?", "what is the date of my first
win?", "which days does this week include?", "can you email me my wins?".

A question to the skill is never a win. Those about something the skill keeps get their literal
answer (by ``Topic``); any other gets a kind "I can't do that yet" with what it can do. Pure:
words in, a topic out.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from typing import Final

from skill.domain.patterns import compiled, spoken_words


class Topic(StrEnum):
    REMINDER = "reminder"  # the reminder's time, whether there is one, AM or PM
    STYLES = "styles"  # which styles there are
    STYLE = "style"  # the person's own style
    GOAL = "goal"  # the open one-minute goal, or none
    ONE_THING = "one_thing"  # today's one thing, or none
    START = "start"  # the first win, when they started
    WEEK = "week"  # which days "this week" means
    ZONE = "zone"  # which time zone the skill goes by
    LOGGED_AT = "logged_at"  # when "that" (the win talked of last) was kept
    ERASED = "erased"  # whether a deleted win is really gone
    VOICE = "voice"  # whether the voice is recorded or kept
    KEPT = "kept"  # what the skill keeps about the person
    WIN_MEANS = "win_means"  # what a win is, what counts as one
    ONE_THING_MEANS = "one_thing_means"  # what "the one thing" is
    GOAL_MEANS = "goal_means"  # what a one-minute goal is, and how to start one
    GOAL_START = "goal_start"  # a timer for a minute asked for: a one-minute goal started
    ABILITIES = "abilities"  # what the skill can do ("what else can you do besides that")
    ONE_THING_SET = "one_thing_set"  # "set my one thing": the morning question, asked now
    ONE_THING_CLEAR = "one_thing_clear"  # "cancel my one thing": not yet, and what to say
    TIMER_OTHER = "timer_other"  # a timer of another length: only a minute, and how
    WIN_EDIT_HOW = "win_edit_how"  # "how do i delete one", "change a win": what to say
    WINS_JOINED = "wins_joined"  # "make it one win", "can i have two": not yet, and what to say
    DAY_GOOD = "day_good"  # "was it a good day": today's count, said literally
    SAYING_MEANS = "saying_means"  # "what does go gently mean": the skill's own words
    PERSON = "person"  # "are you a real person": no, an Alexa skill
    OTHER = "other"  # anything else asked of the skill


_LEAD: Final = r"^(?:(?:ok|okay|so|um|uh|er|hey|alexa|and|but|wait|actually|also|oh)\s+)*"
# A question's first words: a question word (not "what a day", "when i got home"), or a verb
# put first ("do i have", "is that", "can you").
_WH: Final = r"(?:what|which|when|where|why|how|who|whose|whats|what\s+s|hows|wheres)"
# After a question word, what makes it no question: a deed ("when i got home", "what i did"),
# an exclamation ("what a day"), a word of surprise ("what? oh, not yet").
_NOT_ASKING: Final = (
    r"(?:i|a|an|we|oh|eh|huh|sorry|ok|okay|um|uh|er|ah|no|nope|yes|yeah|what|pardon)\b"
    r"|my\s+\w+\s+(?:was|went|is)\b"
)
# A question word is followed, within a few words, by a verb that asks ("what styles are
# there", "which days does"); "when the semester ends i'm ..." tells, it does not ask.
_ASKING_VERB: Final = (
    r"(?:is|are|was|were|do|does|did|can|could|will|would|should|shall|s|have|has|am|time)"
)
# A question word with its verb in it: "what's my style", "when's it".
_WH_IS: Final = r"(?:whats|what\s+s|hows|how\s+s|wheres|where\s+s|whens|when\s+s|whos|who\s+s)"
# A verb put first only with a person or a pointer after it: "is that", "do i have", "can
# you"; never a deed said without "I" ("did the dishes", "did my exercises", "had a bath",
# "was at work").
_AUX: Final = (
    r"(?:(?:is|are|can|could|will|would|should|shall|may|am)\s+(?:i|you|my|that|it|this|there|we)"
    r"|(?:do|does|did|have|has|was|were)\s+(?:i|you|we)"
    r"|(?:does|will|would)\s+(?:deleting|deleted|erasing|it|that|this|small\s+wins)"
    r"|(?:is|are)\s+(?:(?:a|the|my)\s+)?(?:deleted|erased|removed)\s+(?:wins?|ones?|things?))"
)
_QUESTION: Final = (
    rf"{_LEAD}(?:{_WH}\s+(?!{_NOT_ASKING})(?:\w+\s+){{0,2}}?{_ASKING_VERB}\b"
    rf"|{_WH_IS}\s+(?!{_NOT_ASKING})|{_AUX}\b"
    r"|what\s+(?:(?:exactly|really|actually|even)\s+)?(?:counts|qualifies|happens)\b)"
)
# "can you ...", "could you ...", "please ...", "i want you to ...": asked of the skill.
_REQUEST: Final = (
    rf"{_LEAD}(?:(?:can|could|would|will)\s+you|please\s+(?!i\b)|i\s+(?:want|need|would\s+like)"
    r"\s+you\s+to)\b"
)
# A command to the skill: a verb put first, with what the skill keeps after it ("set my one
# thing", "give us a one minute goal", "change a win"); said of anything else ("set the table",
# "changed the sheets") it is a deed told without "I", and the topics below never match it.
_COMMAND: Final = (
    rf"{_LEAD}(?:please\s+)?(?:set|cancel|clear|change|edit|fix|start|give|make|merge|combine"
    r"|join|split|undo|reset|scrap|drop|remove|delete|pick|choose|update|put|turn|time\s+me)\b"
)
# Saying no to a tally: "that is two things", "the laundry is one win not three".
_TALLY: Final = (
    r"\b(?:one|two|three|four|five|\d+)\s+(?:wins?|things?)\s+not\s+(?:one|two|three|four|five"
    r"|\d+)\b|^(?:that|it|this)\s+(?:is|was|s)\s+(?:one|two|three|four)\s+(?:wins?|things?)\b"
)
# A win of the person's, or a few, said as what a request acts on.
_WINS_SAID: Final = r"(?:wins?|ones?|entry|entries|it|that|them|this)"
# What is kept, said any way: "store", "keep", "know", "save", "have" ... "about me"; "what
# data", "what information", "my personal details".
_KEEPING: Final = (
    r"(?:store|stores|stored|storing|keep|keeps|kept|keeping|save|saves|saved|saving|collect"
    r"|collects|collected|record|records|recorded|know|knows|remember|remembers|have|has|hold"
    r"|holds|track|tracks|log|logs)"
)
_KEPT: Final = (
    rf"\b{_KEEPING}\b(?:\s+\w+){{0,3}}?\s+(?:about|on|of|from)\s+(?:me|us|my\s+family)\b"
    r"|\b(?:data|information|info|details|privacy|private)\b"
)
# "One minute" said any way: "a one minute", "one-minute", "a minute", "60 seconds".
_MINUTE: Final = r"(?:(?:a|one|1|a\s+one|the\s+one|the)\s+minute|sixty\s+seconds|60\s+seconds)"
# A minute's goal wanted or asked for any way, said as a command or a want: "i want a goal of
# one minute", "one minute challenge", "set me a minute", "can i have a one minute challenge".
_MINUTE_WANTED: Final = (
    r"^(?:(?:um|uh|oh|so|ok|okay|well|please|hey|alexa|right)\s+)*(?:(?:i\s+(?:want|need|would\s+like|d\s+like|would\s+love|fancy)"
    r"|can\s+i\s+(?:have|get|do|try)|give|set|start|begin|do|run|try|lets\s+do|let\s+us\s+do)"
    r"\s+(?:us\s+|me\s+)?)?(?:a\s+|one\s+|the\s+|another\s+|a\s+new\s+)?"
    rf"(?:(?:one|1|a|sixty\s+second|60\s+second)\s+minute\s+(?:goal|challenge|timer)"
    rf"|(?:goal|challenge)\s+(?:of|for)\s+(?:like\s+|about\s+|just\s+)?{_MINUTE}"
    r"|minute\s+(?:goal|challenge))(?:\s+(?:please|now|then|mate|today))*$"
    r"|^(?:(?:um|uh|oh|so|ok|okay|well|please|hey|right)\s+)*set\s+(?:me|us)\s+a\s+minute(?:\s+(?:please|now|then))*$"
)
_TOPICS: Final = (
    (
        Topic.ONE_THING_CLEAR,
        # "cancel my one thing", "clear today's one thing", "scrap the one thing"
        r"^(?:(?:\w+\s+){0,3}?)(?:cancel|clear|scrap|drop|remove|delete|reset|undo|forget)\s+"
        r"(?:my|me|the|today\s+s|todays)\s+one\s+thing\b",
    ),
    (
        Topic.ONE_THING_SET,
        # "set my one thing", "change my one thing", "pick a one thing for today": asked again
        r"^(?:(?:\w+\s+){0,3}?)(?:set|change|pick|choose|make|update|edit|fix|start)\s+(?:up\s+)?"
        r"(?:my|me|a|the|today\s+s|todays)\s+one\s+thing\b",
    ),
    (
        Topic.TIMER_OTHER,
        # "set a timer for ten minutes", "time me for five minutes", "a two minute goal"
        r"\b(?:timer|time\s+me|goal)\b.*\b(?:for|of)\s+(?:like\s+|about\s+)?(?!one\b|a\b|1\b|sixty"
        r"\s+seconds)(?:\w+\s+)?(?:minutes|hours?|mins|seconds)\b"
        r"|\b(?!one\b)(?:two|three|four|five|ten|fifteen|twenty|thirty|\d+)\s+minute\s+(?:goal|timer)s?\b",
    ),
    (
        Topic.GOAL_START,
        # "give us a one minute goal", "start a goal", "set me a timer please"
        r"^(?:(?:\w+\s+){0,2}?)(?:give|set|start|begin|do|run)\s+(?:us|me)?\s*(?:a\s+|one\s+|the\s+)?"
        r"(?:one\s+minute\s+|minute\s+|new\s+)?(?:goal|timer)(?:\s+(?:please|now|then|mate))*$",
    ),
    (
        Topic.WINS_JOINED,
        # "make it one", "can i have two", "merge them", "that is two things", "split it"
        r"\bmake\s+(?:it|them|that|those|this)\s+(?:into\s+)?(?:one|two|three|a\s+single)\b"
        rf"|\b(?:merge|combine|join|split)\s+(?:up\s+)?(?:the\s+|my\s+|those\s+|these\s+)?"
        rf"(?:\w+\s+)?{_WINS_SAID}\b|\bcan\s+i\s+have\s+(?:two|three|one|both)\b|{_TALLY}",
    ),
    (
        Topic.WIN_EDIT_HOW,
        # "how do i delete one", "change my last win", "change or delete a win", "edit a win"
        r"^(?!what\s+happens\b)(?:(?:\w+\s+){0,4}?)(?:change|edit|fix|correct|delete|remove|update)(?:\s+(?:or|and)\s+"
        r"(?:change|edit|fix|correct|delete|remove|update))?\s+(?:a|one|my|the|my\s+last|the\s+last"
        r"|an\s+old|a\s+past)?\s*(?:wins?|ones?|entry)(?:\s+(?:please|then|again))*$",
    ),
    (
        Topic.PERSON,
        # "are you a real person", "is this a human", "am i talking to a robot"
        r"\b(?:are\s+you|is\s+(?:this|that|it)|am\s+i\s+(?:talking|speaking)\s+(?:to|with))\s+"
        r"(?:a\s+|an\s+)?(?:real\s+|actual\s+)?(?:person|human|people|robot|bot|ai|computer"
        r"|machine|someone\s+real)\b",
    ),
    (
        Topic.SAYING_MEANS,
        # "what does go gently mean", "what do you mean by let that land": the skill's words
        r"\b(?:mean|means|meaning)\b.*\b(?:go\s+gently|let\s+that\s+land|it\s+counts|that\s+counts"
        r"|look\s+at\s+you\s+go)\b|\b(?:go\s+gently|let\s+that\s+land)\b.*\b(?:mean|means)\b",
    ),
    (
        Topic.DAY_GOOD,
        # "was it a good day", "was today good", "did i have a good day", "was it a bad week"
        r"^(?:(?:\w+\s+){0,2}?)(?:was|is|has)\s+(?:it|today|this|that|the\s+day|my\s+day)\s+"
        r"(?:been\s+)?(?:a\s+)?(?:good|bad|ok|okay|decent|alright|productive|better)\s*(?:day|one)?"
        r"(?:\s+(?:then|today|or\s+not))*$"
        r"|^(?:(?:\w+\s+){0,2}?)did\s+i\s+(?:have\s+)?(?:a\s+)?(?:good|bad|ok|okay|decent"
        r"|productive)\s+day\b",
    ),
    (
        Topic.WIN_MEANS,
        # "is that a win or not", "does that count", "is it a win"
        r"^(?:(?:\w+\s+){0,2}?)(?:is|was)\s+(?:that|it|this)\s+(?:a\s+|even\s+a\s+|really\s+a\s+)"
        r"win\b|^(?:(?:\w+\s+){0,2}?)(?:does|would|will)\s+(?:that|it|this)\s+(?:even\s+)?count\b",
    ),
    (
        Topic.ONE_THING,
        # "what was my one thing today, i've forgotten": today's, read back
        r"^(?:(?:\w+\s+){0,3}?)what\s+(?:is|s|was|were)\s+(?:my|me|today\s+s)\s+one\s+thing\b",
    ),
    (
        Topic.GOAL_START,
        # A timer or a minute asked for: "can you set a timer for like one minute", "could you
        # time me for a minute"; never a question about what a goal is.
        r"^(?:(?:\w+\s+){0,3}?)(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:(?:set|start"
        r"|give|run|do|put\s+on)\s+(?:me\s+)?(?:a\s+|one\s+|the\s+)?(?:timer|clock|minute"
        r"|goal|one\s+minute\s+timer|one\s+minute\s+goal)|time\s+me)\b"
        rf"(?:\s+(?:for|of)\s+(?:like\s+|about\s+|just\s+)?{_MINUTE}\b|\s+(?:one\s+)?minute"
        r"\s+goal\b|\s+please|\s+now)?$",
    ),
    (
        Topic.GOAL_MEANS,
        # "what's a one minute goal", "how do i do a one minute thing", "how does the minute
        # goal work"
        rf"\b(?:what|how)\b.*\b(?:{_MINUTE}|minute)\s+(?:goal|goals|thing|things|timer)\b",
    ),
    (
        Topic.ONE_THING_MEANS,
        # "what is a one thing", "what does one thing mean", "what's this one thing about";
        # never "what's my one thing" (today's, read back)
        r"\bwhat\s+(?:is|s|are|does)\s+(?:a|an|this|that|the\s+idea\s+of\s+(?:a|the))\s+one"
        r"\s+things?\b|\bone\s+things?\s+(?:mean|means|is\s+for|for)\b(?!\s+(?:today|tonight|tomorrow))",
    ),
    (Topic.ZONE, r"\btime\s*zones?\b|\bwhich\s+zone\b|\bwhose\s+time\b"),
    (
        Topic.LOGGED_AT,
        r"\b(?:what\s+time|when|what\s+day)\s+(?:\w+\s+){0,3}?(?:that|it|this|this\s+one"
        r"|that\s+one|the\s+last\s+(?:one|win)|my\s+last\s+win)\s+(?:\w+\s+){0,2}?"
        rf"(?:{_KEEPING}|added|noted|written|entered|put\s+in|said)\b"
        r"|\b(?:what\s+time|when)\s+did\s+you\s+(?:\w+\s+)?(?:store|save|log|record|keep|add"
        r"|note|write|put)\s+(?:that|it|this)\b",
    ),
    (
        Topic.ERASED,
        r"\b(?:delete|deletes|deleted|deleting|erase|erased|remove|removed|forget|forgotten)\b"
        r".*\b(?:permanent|permanently|for\s+good|forever|gone|really|truly|completely|erased"
        r"|backups?|recover|recovered|get\s+it\s+back|still\s+(?:there|kept|stored)|wiped)\b"
        r"|\b(?:permanently|completely|really)\s+(?:erased|deleted|gone|removed)\b"
        r"|\bwhat\s+happens\s+(?:\w+\s+){0,3}?(?:delete|deleted|deleting|erase|remove)\b",
    ),
    (
        Topic.VOICE,
        # Kept or recorded, and a voice: "do you record my voice", "is my voice saved", "are
        # you recording me", "do you keep recordings"; never "how do i change the voice".
        r"\b(?:recording|recordings|audio|tapes?)\b"
        r"|\b(?:record|records|recorded)\s+(?:me|my|us|it|that|what\s+i\s+say|everything)\b"
        rf"|\b{_KEEPING}\b(?:\s+\w+){{0,3}}?\s+(?:my|our|the)\s+voices?\b"
        rf"|\bvoices?\s+(?:\w+\s+){{0,2}}?{_KEEPING}\b"
        r"|\blisten(?:ing)?\s+to\s+(?:me|us|everything)\b",
    ),
    (Topic.KEPT, _KEPT),
    (
        Topic.WIN_MEANS,
        r"\b(?:definition|define|defined|mean\s+by|meaning\s+of)\b.*\bwins?\b"
        r"|\bwhat\s+(?:is|s|counts\s+as|makes|does)\s+(?:a|one)\s+(?:\w+\s+)?win\b"
        r"|\bwhat\s+(?:(?:exactly|really|actually|even)\s+)?(?:counts|qualifies)\b"
        r"|\bcounts?\s+as\s+a\s+win\b"
        r"|\bwhat\s+(?:is|are|s)\s+(?:wins|a\s+small\s+win|small\s+wins)\s*(?:exactly)?$",
    ),
    (
        Topic.REMINDER,
        r"\b(?:reminders?|remind|alarms?|notifications?)\b|\d\s*(?:a\s*m|p\s*m)\b|\bam\s+or\s+pm\b",
    ),
    (
        Topic.WEEK,
        r"\b(?:this|the)\s+week\b.*\b(?:include|includes|start|starts|begin|begins|end|ends"
        r"|cover|covers|mean|run|runs)\b|\bwhich\s+days\b",
    ),
    (Topic.GOAL, r"\b(?:my|me|the|current)\s+(?:\w+\s+){0,2}?goals?\b"),
    (Topic.ONE_THING, r"\b(?:my|me|the|today\s+s|todays)\s+one\s+thing\b"),
    (Topic.STYLES, r"\b(?:styles|modes|(?:which|what)\s+(?:style|mode)s?\s+(?:are|is|can|could))"),
    (Topic.STYLE, r"\b(?:style|mode|tone)\b"),
    (
        Topic.START,
        r"\b(?:first\s+(?:win|one|entry|day|time)|start(?:ed)?|began|begin|join(?:ed)?|sign(?:ed)?\s+up)\b",
    ),
    (
        Topic.ABILITIES,
        # "what else can you do besides that", "what can you do then", "what are you able to do"
        r"\bwhat\s+(?:else\s+|other\s+(?:things|stuff)\s+|things\s+|sort\s+of\s+things\s+)?"
        r"(?:can|could|do|are)\s+you\s+(?:do|able\s+to\s+do|good\s+for|help\s+with)\b"
        r"|\bwhat\s+else\s+(?:is\s+there|can\s+i\s+(?:do|say|ask))\b",
    ),
)
# Questions about what the person did are recall's, never this module's ("what did i do").
_ABOUT_DEEDS: Final = r"\b(?:did\s+i|have\s+i|i\s+did|i\s+have\s+done|i\s+logged|my\s+wins)\b"


# Topics a command asks for as well as a question: "set my one thing", "give us a goal".
_COMMAND_TOPICS: Final = frozenset(
    {
        Topic.ONE_THING_SET,
        Topic.ONE_THING_CLEAR,
        Topic.TIMER_OTHER,
        Topic.GOAL_START,
        Topic.WIN_EDIT_HOW,
        Topic.WINS_JOINED,
        Topic.DAY_GOOD,
    }
)
_KEEPING_TOPICS: Final = frozenset(
    {Topic.ZONE, Topic.LOGGED_AT, Topic.ERASED, Topic.VOICE, Topic.KEPT, Topic.WIN_MEANS}
)
# A question after a clause that sets it up: "when i delete a win is it gone", "if i say
# something, do you record it".
_INNER_QUESTION: Final = (
    rf"{_LEAD}(?:when|if|once|after|i)\s+(?:\w+\s+){{1,8}}?"
    r"(?:is|are|does|do|will|can|would)\s+(?:it|they|that|those|you|my|the)\b"
)


def _plain(text: str) -> str:
    return spoken_words(text)


def _commanded(said: str) -> Topic | None:
    """The topic a command or a remark on a tally asks about ("set my one thing", "give us a
    one minute goal", "the laundry is one win not three, please make it one"), if any."""
    if compiled(_MINUTE_WANTED).search(said):
        return Topic.GOAL_START
    commanded = compiled(_COMMAND).match(said) is not None
    for topic, pattern in _TOPICS:
        alone = commanded or topic in (Topic.WINS_JOINED, Topic.DAY_GOOD)
        if alone and topic in _COMMAND_TOPICS and compiled(pattern).search(said):
            return topic
    return None


@cache
def asked_of_skill(text: str) -> Topic | None:
    """What ``text`` asks of the skill when it is a question or a request to it; None for
    anything else (a deed, a feeling, a question about what the person did)."""
    said = _plain(text)
    if not said:
        return None
    from skill.domain.reminder_asks import reminder_asked

    if reminder_asked(said) is not None:
        return None  # "can you remind me at 2 instead": a reminder asked for, never read back
    question = compiled(_QUESTION).match(said) is not None
    inner = compiled(_INNER_QUESTION).match(said)
    if inner is not None and not said.startswith("i "):
        question = True
    request = compiled(_REQUEST).match(said) is not None
    if inner is not None and not question:
        # "(if) i delete a win is it gone", the "if" lost before "I": asked, when it is
        # about what is kept; "i went out is that okay" stays a deed.
        found = next((t for t, p in _TOPICS if compiled(p).search(said)), None)
        return found if found in _KEEPING_TOPICS else None
    if not (question or request):
        return _commanded(said)
    for topic, pattern in _TOPICS:
        if compiled(pattern).search(said):
            if topic in (Topic.START, Topic.REMINDER) and not question:
                continue  # "can you remind me at 2 instead" sets a reminder; never read one
            return topic
    if question and " you" not in f" {said}" and compiled(_ABOUT_DEEDS).search(said):
        return None  # "did i do anything this week": about their wins, recall's to answer
    return Topic.OTHER
