"""What a person settled on, when they correct themselves as they talk.

People think aloud: "i sent the invoice wait no it was two invoices", "i went for a run
actually it was more of a walk", "i did the dishes no wait that was yesterday, today i did the
shopping", "i'll finish the mockups or maybe the invoices, no, mockups". ``settled`` keeps what
they ended on: a thing named again replaces the thing it corrects, a deed disowned as another
day's is left out, and of two things offered the one chosen stays.

Pure, over the reader's canonical words (lower case, contractions spelt out); the reader
(``reading.py``) calls it before it cuts a statement into clauses. A correction of a whole
clause by a new one ("no i mean i texted him") is the reader's own (``_corrected``).
"""

from typing import Final

from skill.domain.patterns import compiled

# Said to take back what came just before: "wait no", "actually", "i mean", "or rather".
_MARK: Final = (
    r"(?:(?:oh )?wait,? no|no,? wait|no no|no,? actually|actually,? no|no,? sorry|sorry,? no"
    r"|sorry,? i mean|no,? i mean|i mean|or rather|rather|well actually|actually|no|sorry)"
)
# What a correction may say before the thing named again: "it was", "more of", "make that".
_RENAMING: Final = (
    r"(?:(?:it|that|this) (?:was|is|were)(?: actually)?(?: more)?(?: like| of)? |more (?:like|of) "
    r"|make (?:that|it) |i meant |well )?"
)
_DETERMINER: Final = (
    r"(?:the|a|an|my|our|his|her|their|some|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|\d+|half an?"
    r"|both|all|several|a few|a couple of|loads of|lots of)"
)
# Another day than today: a deed said to be then was not done today.
_ANOTHER_DAY: Final = (
    r"(?:yesterday|last night|the other day|the day before|last week|last weekend"
    r"|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|a (?:few|couple of) days ago|days ago|ages ago)"
)
# "wait no that was yesterday": the clause before it is taken back.
_DISOWNED: Final = (
    rf"[\s,;.]+(?:{_MARK}[\s,]+)?(?:that|it|this) (?:was|were)(?: actually)? {_ANOTHER_DAY}\b"
    r"(?:[\s,;.]+(?:not today|actually))?[\s,;.]*"
)
# "i went for a run actually it was more of a walk", "i fed the cat no wait the dog": the
# thing named again, replacing the last thing the clause before it named.
_RENAMED: Final = (
    rf"[\s,;.]+{_MARK}[\s,]+{_RENAMING}(?P<thing>{_DETERMINER} (?:[a-z]+ ){{0,3}}?[a-z]+)"
    r"(?=[\s,;.]+(?:i|we) |[\s,;.]*$)"
)
_EXCUSING: Final = r"[\s,;.]*sorry[\s,]+(?:that|it) (?:was|is) "
# "finish the mockups or maybe the invoices no mockups": of two things, the one settled on.
_CHOSEN: Final = (
    r"[\s,]+or (?:maybe |perhaps |possibly |probably )?(?P<other>(?:[a-z]+ ){0,4}[a-z]+)"
    rf"[\s,;.]+(?:no|nah|actually|no actually|wait no|no wait)[\s,]+(?:(?:{_DETERMINER}|the) )?"
    r"(?P<chosen>(?:[a-z]+ ){0,2}[a-z]+)[\s,;.]*$"
)
# Where a clause begins: after a join, or at a new "i".
_JOIN: Final = r"[,;.]\s*|\b(?:and|then|but)\s+"
_SUBJECT: Final = r"\b(?:i|we) (?=\w)"
# Words that may lead a clause in: "ugh okay today i did the dishes".
_LEAD_IN: Final = frozenset(
    {"today", "then", "so", "okay", "ok", "ugh", "well", "oh", "and", "also", "this", "morning"}
)
# Words between "i" and the verb: "i finally sent", "i also did".
_BEFORE_VERB: Final = frozenset({"also", "finally", "actually", "just", "even", "then", "really"})


def settled(text: str) -> str:
    """``text`` as the person settled it (see the module's words); as it was when it holds no
    correction."""
    text = _disown(text)
    text = _choose(text)
    return _rename(text)


def _disown(text: str) -> str:
    """ "i did the dishes no wait that was yesterday today i did the shopping": the clause
    told as another day's is left out, with what disowned it."""
    found = compiled(_DISOWNED).search(text)
    while found is not None:
        start = _clause_start(text, found.start())
        text = f"{text[:start]} {text[found.end() :]}".strip(" ,;.")
        found = compiled(_DISOWNED).search(text)
    return text


def _clause_start(text: str, end: int) -> int:
    """Where the clause that ends at ``end`` began: its last "i", with the words that led
    into it, after the last join before it."""
    joins = [m.end() for m in compiled(_JOIN).finditer(text, 0, end)]
    start = joins[-1] if joins else 0
    subjects = [m.start() for m in compiled(_SUBJECT).finditer(text, start, end)]
    if not subjects:
        return start
    first = subjects[-1]
    words = text[start:first].split()
    while words and words[-1] in _LEAD_IN:
        words.pop()
    return start + len(" ".join(words)) + (1 if words else 0)


def _verb(clause: str) -> str:
    """The verb after a clause's "i" ("i finally sent two invoices": "sent"); "" for none."""
    words = clause.split()
    if "i" in words:
        words = words[words.index("i") + 1 :]
    elif "we" in words:
        words = words[words.index("we") + 1 :]
    else:
        return ""
    words = [word for word in words if word not in _BEFORE_VERB]
    return words[0] if words else ""


def _choose(text: str) -> str:
    """ "i will finish the mockups or maybe the invoices no mockups": the thing chosen."""
    found = compiled(_CHOSEN).search(text)
    if found is None:
        return text
    before = text[: found.start()]
    other, chosen = found.group("other"), found.group("chosen")
    if _names(before, chosen):
        return before.strip(" ,;.")  # the first thing, chosen again
    thing = other if _names(other, chosen) else chosen
    return _replaced(before, thing)


def _rename(text: str) -> str:
    """ "i went for a run actually it was more of a walk": the last thing named before the
    correction is replaced by the one named in it. Said again whole after it ("wait no it was
    two invoices i sent two invoices"), the clause corrected is left out instead."""
    found = compiled(_RENAMED).search(text)
    if found is None or compiled(_EXCUSING).match(found.group()):
        return text  # "sorry that was the kids": who spoke, not what was done
    before, after = text[: found.start()], text[found.end() :].strip(" ,;.")
    start = _clause_start(before, len(before))
    if after and _verb(after) and _verb(after) == _verb(before[start:]):
        return f"{before[:start]} {after}".strip(" ,;.")
    replaced = _replaced(before, found.group("thing"))
    if replaced == before.strip(" ,;."):
        return text  # nothing named before to replace: the words are left as they were
    return f"{replaced} {after}".strip(" ,;.")


_THING_START: Final = rf"\b{_DETERMINER} "
_NOT_A_THING: Final = frozenset({"one", "it", "that", "this", "them"})


def _replaced(clause: str, thing: str) -> str:
    """``clause`` with its thing (the one sharing a word with ``thing``, else the last one it
    names) replaced by ``thing``; as it was when it names none."""
    clause = clause.strip(" ,;.")
    starts = [m.start() for m in compiled(_THING_START).finditer(clause)]
    if not starts:
        return clause
    head = _forms(thing.split()[-1])
    for start in starts:
        words = clause[start:].split()
        for index, word in enumerate(words[:5]):
            if _forms(word) & head:
                end = start + len(" ".join(words[: index + 1]))
                return f"{clause[:start]}{thing}{clause[end:]}".strip()
    start = starts[-1]
    named = clause[start:].split()
    if named[-1] in _NOT_A_THING and len(starts) > 1:
        start = starts[-2]  # "the invoice to the client the big one": not "one"
    return f"{clause[:start]}{thing}".strip()


def _names(words: str, thing: str) -> bool:
    """Whether ``words`` name ``thing`` (by its last word, singular or plural)."""
    head = _forms(thing.split()[-1])
    return any(_forms(word) & head for word in words.split())


def _forms(word: str) -> set[str]:
    """A word and what it is without a plural's ending: "invoices" is also "invoice"."""
    forms = {word}
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms |= {word[:-1], word[:-2] if word.endswith("es") else word[:-1]}
        if word.endswith("ies"):
            forms.add(word[:-3] + "y")
    return forms
