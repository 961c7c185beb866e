"""The words a person meant, for keeping: talk's filler left out, its short forms said in full.

What is kept is read back later ("Last week, you went to the gym with your friend"), so it is
kept as the person meant it, not as the recogniser heard the filler around it: "ok so lowkey i
finished my chem worksheet no cap" keeps "finished my chem worksheet"; "took the trash out
tho" keeps "took the trash out"; "went to the gym w my friend" keeps "went to the gym with my
friend". A comment said after the deed with no join ("fixed the pump on the bore took three
bloody hours") keeps the comment, joined so it reads well ("fixed the pump on the bore; it took
three bloody hours").

Pure: words in, words out. Nothing of substance is dropped: only words that never carry a
deed, at the edges (or, for a few, anywhere), and never all of them.
"""

from typing import Final

from skill.domain.patterns import compiled

# Said before a deed, and nothing more: "ok so", "lowkey", "ngl".
_LEADING: Final = (
    r"(?i)^(?:(?:ok|okay|so|and|well|lowkey|highkey|ngl|tbh|lol|lmao|honestly|like|yo|bro|dude"
    r"|um|uh|er|erm)\b[\s,]*)+"
)
# Said after a deed, and nothing more: "no cap", "tho", "lol", "fr".
_TRAILING: Final = (
    r"(?i)(?:[\s,]+(?:no cap|tho|though|lol|lmao|lmfao|haha+|fr|fr fr|frfr|for real|ngl|tbh"
    r"|lowkey|highkey|periodt|deadass|icl|istg|xd)\b[\s,.!?]*)+$"
)
# Never a word of a deed, wherever it is said: "i lowkey cleaned my room".
_ANYWHERE: Final = r"(?i)\s+(?:lowkey|highkey|ngl|tbh|lol|lmao)\b"
# Short forms said in full: "w my friend" is "with my friend".
_SHORT: Final = (
    (
        r"(?i)(?<=\w )(?<!\ba )(?<!\ban )(?<!\bthe )w/?(?= (?:my|your|his|her|their|our|the"
        r"|some|friends?|mates?|mum|mom|dad|him|them|us|me|bae|bro|sis|family)\b)",
        "with",
    ),
    (r"(?i)(?<=\w )(?:bc|b/c|cuz|coz)(?= \w)", "because"),
    (r"(?i)\bhw\b", "homework"),
)
# How long it took, said after the deed with nothing to join it: "took three bloody hours".
_TOOK: Final = (
    r"(?i)^(?P<deed>\w.*?\w)[\s,;]+(?:and\s+)?(?:it\s+)?(?P<took>took(?:\s+me)?"
    r"(?:\s+(?:about|nearly|almost|over|like|around|a\s+good|a\s+solid|only|just))?"
    r"(?:\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty"
    r"|fifty|\d+|a\s+few|a\s+couple(?:\s+of)?|all|the\s+whole|half\s+an?|half\s+the|most\s+of"
    r"\s+the))?"
    r"(?:\s+(?:bloody|flipping|flippin|freaking|friggin|damn|whole|good|long|full))*"
    r"\s+(?:hours?|hrs?|minutes?|mins?|ages|forever|day|morning|afternoon|evening|night|week"
    r"|while|time))$"
)


def unfilled(text: str) -> str:
    """``text`` as the person meant it, for keeping: filler gone, short forms in full, a comment
    on how long it took joined so it reads well. Never empty: words that are all filler are
    kept as they were."""
    kept = compiled(_LEADING).sub("", text.strip())
    kept = compiled(_TRAILING).sub("", kept)
    kept = compiled(_ANYWHERE).sub("", kept)
    for pattern, said in _SHORT:
        kept = compiled(pattern).sub(said, kept)
    took = compiled(_TOOK).match(kept)
    if took:
        kept = f"{took['deed']}; it {took['took']}"
    kept = " ".join(kept.split()).strip(" ,")
    return kept or text
