"""Several deeds in one breath: "i paid the bill, cleaned the bathroom and called the vet".

People ramble. A statement the screen has already judged a win, whole, is read clause by
clause (``reading.read``): each deed in it is a win of its own, and a feeling or a struggle
said alongside ("i can't sleep but i cleaned my room") is heard, never stored as a deed. A
statement of one deed alone is left as it is, so it is stored and said back as before.

Pure: words in, ``Deeds`` out. The reader compiles its patterns when imported, so it is
imported on first use, never at start.
"""

from enum import StrEnum
from typing import TYPE_CHECKING, Final, NamedTuple

from skill.domain.screen import Kind, canonical, is_win, screen

if TYPE_CHECKING:  # the reader is imported on first use: it compiles patterns
    from skill.domain.reading import Reading

# Struggles whose offer may stand for a bare deed said after them ("i failed my driving test
# but i went" -> "took my driving test"): a day, a failure, a feeling; never a harm.
_OFFERING_FAMILIES: Final = frozenset({"nothing", "feeling"})
# A deed of one word says nothing by itself ("went", "still did it"): the struggle says what.
# Words that say how far the next deed went: "and almost finished the report" is not done.
_BELONGS_TO_NEXT: Final = frozenset(
    {"almost", "nearly", "half", "partly", "mostly", "barely", "finally", "actually", "also"}
)
_BARE_FILLERS: Final = frozenset({"still", "anyway", "anyways", "it", "too", "though"})


class Told(StrEnum):
    """What was said alongside the deeds that is not a deed: answered in a few words."""

    NOTHING = "nothing"
    FEELING = "feeling"  # "i'm wiped, i paid the bill"
    STRUGGLE = "struggle"  # "i can't sleep but i cleaned my room"


class Deeds(NamedTuple):
    """The wins a statement holds, each as it is stored ("paid the bill"), in order."""

    texts: tuple[str, ...]
    told: Told = Told.NOTHING
    # One deed said after a feeling: the person's words are kept whole, the deed said back.
    whole: bool = False


def deeds_in(words: str, carrier: str = "i") -> Deeds | None:
    """The deeds of a statement told in the first person, when it is more than one deed alone;
    None otherwise, and whenever a part of it is a crisis or unsure, so the statement is judged,
    stored and said back whole, as always.

    Several deeds are each a win; several after a struggle, pointing back at it, are one
    story, left whole. One
    deed after a feeling or a struggle ("i'm wiped, but i paid the bill") is said back alone,
    the feeling heard; after a struggle the person's words are kept whole (``whole``), and a
    deed that points back at the struggle ("cleaned it up") leaves the statement whole; unless
    the deed is bare and the struggle names the win ("i failed my driving test but i went" ->
    "took my driving test"). A deed said before a feeling or a struggle
    ("i ate something even though i wasn't hungry") is one statement: left whole.

    Every deed kept screens as a win by itself; one that does not is left out.
    """
    if carrier.split()[:1] != ["i"] or not words:
        return None
    from skill.domain.reading import Context, Part, as_said, read  # on first use: it compiles
    from skill.domain.results import own_subject

    reading = (_as_told(words) if carrier == "i" else ()) or read(
        words if carrier == "i" and own_subject(words) else f"{carrier} {words}", Context.NONE
    )
    if any(clause.part in (Part.CRISIS, Part.UNSURE) for clause in reading):
        return None
    if any(clause.part is Part.DEED and _others_did(clause.words) for clause in reading):
        return None  # "my daughter visited and we went through the photos": one time, whole
    heard = _heard(reading)
    if len(heard.texts) > 1 and heard.told is Told.STRUGGLE and any(map(refers_back, heard.texts)):
        return None  # "flat tyre so i pushed it to the shop and fixed it": one story, whole
    if len(heard.texts) > 1:
        return Deeds(tuple(as_said(words, text) or text for text in heard.texts), heard.told)
    if len(heard.texts) != 1:
        return None
    return _one_deed(words, heard)


def _as_told(words: str) -> "Reading":
    """The words read as they were said, when they start with a state and then find a deed
    and leave nothing unsure: "dead on the sofa but the laundry's in the machine" is a state,
    then a thing done, never "i dead on the sofa". Empty for anything else: the carrier's "i"
    reads those."""
    from skill.domain.reading import Context, Part, read  # on first use: it compiles patterns

    reading = read(words, Context.NONE)
    parts = {clause.part for clause in reading}
    if Part.DEED not in parts or parts & {Part.CRISIS, Part.UNSURE}:
        return ()
    return reading if reading[0].part is Part.FEELING else ()


def _one_deed(words: str, heard: "_Heard") -> Deeds | None:
    """One deed, in the person's own words less what the reader left out: hedges, fillers,
    and a feeling or struggle said with it ("i showered i guess", "i'm so tired but i put a
    wash on"). Where those words cannot be found again, the statement is kept whole."""
    from skill.domain.reading import as_said

    text = heard.texts[0]
    if heard.offered:
        return Deeds(heard.texts, heard.told)
    said = as_said(words, text) or (text if _corrected(words) else None)
    if said is None or not _says_what(text) or (heard.told_first and _bare(text)):
        return None
    if heard.told is not Told.NOTHING and not heard.told_first:
        return None  # "i ate something even though i wasn't hungry": one statement, kept whole
    if heard.told_first and _GLAD & set(words.lower().split()):
        return None  # "i'm proud i went to the shop": the pride is part of the win
    if heard.told is not Told.NOTHING and refers_back(said):
        return None  # "i dropped the sauce and cleaned it up": "it" is what the struggle says
    # After a struggle ("i burnt the first batch and made a second lot"), the deed is said back
    # alone and the person's words are kept whole: the struggle says what the deed was about.
    return Deeds((said,), heard.told, whole=heard.told is Told.STRUGGLE)


def _others_did(deed: str) -> bool:
    """ "my daughter visited", "our neighbour popped in": someone else's doing, told beside
    the person's own; the statement is kept whole, never split into a win of theirs."""
    words = deed.split()
    if words[:1] == ["i"] and words[1:2] in (["my"], ["our"]):
        words = words[1:]  # the "i" the carrier stood for
    return words[:1] in (["my"], ["our"]) and "i" not in words and "me" not in words


def _corrected(words: str) -> bool:
    """Whether the person corrected themselves in ``words`` ("i went for a run actually it
    was more of a walk"), or said the deed in words the reader says plainly ("i did walk the
    dog"): the deed is then the one they settled on, in the reader's words."""
    from skill.domain.phrasing.trims import trimmed
    from skill.domain.settling import settled

    plain = canonical(words.lower())
    said = f"i {plain.removeprefix('i ')}"
    return settled(plain) != plain or trimmed(said) != said


class _Heard(NamedTuple):
    texts: tuple[str, ...]
    told: Told
    told_first: bool  # a feeling or a struggle came before the first deed
    offered: bool  # a bare deed stands for the win the struggle before it names


def _heard(reading: "Reading") -> _Heard:
    """The deeds that screen as wins, in order, and what was told with them."""
    from skill.domain.reading import Part

    told = Told.NOTHING
    told_first = offered = False
    struggle_offer: str | None = None
    texts: list[str] = []
    carried = ""
    for clause in reading:
        if clause.part is Part.STRUGGLE:
            told = Told.STRUGGLE
            struggle_offer = _offer(clause.words) or struggle_offer
        elif clause.part is Part.FEELING and told is Told.NOTHING:
            told = Told.FEELING
        elif clause.part is Part.DEED:
            told_first = told_first or (told is not Told.NOTHING and not texts)
            text, carried = _dangling(f"{carried} {clause.words.removeprefix('i ')}".strip())
            if struggle_offer and _bare(text):
                text, offered = struggle_offer, True
            text = _unconfirmed(text)
            if text and text not in texts and is_win(text) and not _vague(text):
                texts.append(text)
    return _Heard(tuple(texts), told, told_first, offered)


# Said after a deed to confirm it, not part of it: "i think i called my mom? yeah i called my
# mom" is one deed, said twice.
_CONFIRMING: Final = frozenset({"yeah", "yes", "yep", "yup", "aye", "definitely", "actually"})


def _unconfirmed(text: str) -> str:
    """A deed without the words that confirmed it after it ("called my mom yeah")."""
    words = text.split()
    while len(words) > 1 and words[-1] in _CONFIRMING:
        words = words[:-1]
    return " ".join(words)


def _vague(text: str) -> bool:
    """ "heaps of stuff, i cleaned the ute": the count is no deed beside the deeds it counts."""
    from skill.domain.vague import is_vague  # on first use: it compiles patterns

    return is_vague(text)


def _offer(struggle: str) -> str | None:
    """The win the screen finds in a struggle ("failed my driving test" -> "took my driving
    test"), when it is one a deed said after it may stand for."""
    verdict = screen(struggle)
    if verdict.kind is not Kind.NOT_A_WIN or not verdict.offer:
        return None
    if verdict.reason.split(".", 1)[0] not in _OFFERING_FAMILIES:
        return None
    return verdict.offer


def _dangling(text: str) -> tuple[str, str]:
    """A deed without a word at its end that belongs to the next ("walked the dog and almost"
    + "finished the report"): the deed, and the word to go before the next one."""
    words = text.split()
    if len(words) < 2 or words[-1] not in _BELONGS_TO_NEXT:
        return text, ""
    if words[-1] == "half" and words[-2] == "a":  # "an hour and a half": a quantity
        return text, ""
    carried, words = words[-1], words[:-1]
    if len(words) > 1 and words[-1] == "and":
        words = words[:-1]
    return " ".join(words), carried


# A feeling before a deed that belongs to the win: kept with it.
_GLAD: Final = frozenset(
    {"proud", "happy", "glad", "pleased", "chuffed", "relieved", "excited", "thrilled"}
)

# Deeds of one word that say nothing of what was done: the person's words are kept whole.
_EMPTY_DEEDS: Final = frozenset({"went", "did", "done", "managed", "tried", "got", "made"})


def _says_what(text: str) -> bool:
    """A deed that says what was done: "showered", "walked the dog"; not "went" or "did it"."""
    words = [word for word in text.split() if word not in _BARE_FILLERS]
    return len(words) > 1 or (len(words) == 1 and words[0] not in _EMPTY_DEEDS)


# Words by which a deed points back at what was said before it ("cleaned it", "got most of it
# off", "bought her a new one"): alone, the deed loses what it was about.
_POINTING: Final = frozenset({"it", "its", "them", "one", "ones", "there", "that", "those"})


def refers_back(deed: str) -> bool:
    """Whether a deed points back at what was said before it ("replaced it", "got there"), so
    that, said after a struggle, it is kept with the struggle's words."""
    return bool(_POINTING & set(canonical(deed).split()))


def _bare(text: str) -> bool:
    return len([word for word in text.split() if word not in _BARE_FILLERS]) <= 1


# What a statement is when it tells no deed but asks, asks for something, or wishes.
_ASKING: Final = frozenset({"question", "request", "preference"})
# Present wishes and needs: "i need a pick me up" asks for something, it tells no deed.
_WISHING: Final = ("i need ", "i want ", "i wish ", "i hope ", "i wonder ", "i wanna ")


def tells_no_deed(said: str) -> bool:
    """True when a statement, as said, tells no deed but asks something or asks for something
    ("did i finish my one thing", "set a reminder for six", "i need a pick me up"): never a
    win. A crisis anywhere in it is left to the screen's answer."""
    if not said:
        return False
    from skill.domain.reading import Context, Part, read  # on first use: it compiles patterns

    parts = {clause.part.value for clause in read(said, Context.NONE)}
    if Part.DEED.value in parts or Part.CRISIS.value in parts:
        return False
    asking = bool(parts & _ASKING) or said.startswith(_WISHING)
    return asking and parts <= _ASKING | {Part.FEELING.value, Part.SHRUG.value, Part.UNSURE.value}


def own_deed(statement: str) -> bool:
    """Whether a statement that starts with someone or something of the person's ("my phone
    died but i still finished the essay", "my room is finally clean") tells a deed of their
    own or a thing now done: then it is heard as a deed is, not as news of others."""
    from skill.domain.reading import Part, read  # on first use: it compiles patterns

    parts = [clause.part for clause in read(statement)]
    return Part.DEED in parts and Part.CRISIS not in parts
