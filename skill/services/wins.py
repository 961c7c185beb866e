"""What the skill does, independent of Alexa: log a win, hear a win, change the style.

Handlers call one method here and turn its outcome into words. Time and randomness are
injected so tests can pin them.
"""

import random
import time
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import lru_cache
from random import Random
from typing import Final, NamedTuple

from skill.domain.again import insists, logged_again
from skill.domain.choice import (
    CelebrationPlan,
    CountNote,
    Style,
    count_note,
    pick_unheard,
    pick_variant,
)
from skill.domain.dates import RelativeDay, relative_day
from skill.domain.deeds import Deeds, Told, deeds_in, tells_no_deed
from skill.domain.local_time import local_day, local_now
from skill.domain.logged_days import LoggedDays
from skill.domain.matching import does_plan
from skill.domain.patterns import compiled
from skill.domain.phrasing import (
    Win,
    WinKind,
    normalise,
    plan_words,
    read_critic,
    win_from_words,
)
from skill.domain.phrasing.answer import bare_answer
from skill.domain.screen import Frame, Kind, Verdict, canonical, is_win, likely_harm, screen
from skill.domain.screen_stamp import (
    screen_version,
    stamp_verdict,
    stamped_as_win,
    trusted_verdict,
)
from skill.domain.when_done import (
    DayTold,
    NoSuchDay,
    ahead,
    said_vague,
    time_words,
    vague_time,
    when_told,
)
from skill.services.anniversary import anniversary, spent_week
from skill.storage.errors import ConcurrentUpdate, DuplicateRequest, StorageUnavailable
from skill.storage.interface import WinStore
from skill.storage.records import MAX_WINS_AT_ONCE, Finishes, Person, Profile, StoredWin
from skill.zones import ZoneLookup, resolve_zone

# Long enough for any spoken win; longer text is kept up to here and the person is told.
MAX_WIN_CHARS: Final = 300
# Concurrent writes for one person are rare (two Echos at once); a few tries settle them,
# but never past Alexa's patience: after this long, stop and say truthfully it wasn't saved.
# Two writers that keep colliding take turns: each retry first waits a random part of a growing
# pause, so they stop arriving together.
MAX_WRITE_ATTEMPTS: Final = 8
WRITE_BUDGET_SECONDS: Final = 4.0
RETRY_PAUSE_SECONDS: Final = 0.005
_BACKOFF: Final = random.Random()  # not the injected source: a pause's length says nothing


class Wording(NamedTuple):
    """How many wordings the locale has, so choices can avoid repeating the last one."""

    celebrations: Mapping[Style, int]
    minimiser_replies: int


class NeedsWords:
    """Nothing usable was said; ask what they did."""

    __slots__ = ()


class Crisis:
    """The words sound like crisis or self-harm: nothing was logged, or kept anywhere."""

    __slots__ = ()


class CheckIn(NamedTuple):
    """Unsure: a risk said with nothing to explain it. Nothing was logged; the person is asked
    whether they are safe, and ``offer`` (the words, as said) may be logged after two yeses."""

    offer: str | None = None


class NotAWin(NamedTuple):
    """Harmful or painful, not a win: nothing was logged. ``offer`` is a win hiding in it."""

    reason: str
    offer: str | None


class Logged(NamedTuple):
    """The win is stored (or was already stored by a redelivery of the same request)."""

    win: Win
    plan: CelebrationPlan
    shortened: bool
    duplicate: bool
    support: bool = False  # a recovery step told in crisis words: a gentle word of support
    calm: bool = False  # the screen was not sure it is only a win: met calmly, never cheered
    # Several deeds said in one breath: the ones after ``win``, each stored as its own win.
    others: tuple[Win, ...] = ()
    told: Told = Told.NOTHING  # a feeling or a struggle said with the deeds, heard
    # The day the words named, when it is not today ("yesterday i rang the bank"): said back
    # once with the win. ``today`` is the person's today, to name that day from.
    day: date | None = None
    today: date | None = None
    # A date said that no calendar holds where it falls ("the 31st" after a month of 30 days):
    # the win is kept at the moment it was told, and the person told so.
    no_such_day: NoSuchDay | None = None
    # Several deeds done on days of their own: each win's day, in order (today's too); empty
    # when they share one (``day``).
    days: tuple[date, ...] = ()

    @property
    def wins(self) -> tuple[Win, ...]:
        return (self.win, *self.others)


class Statement(NamedTuple):
    """What a person said: the slot's words, and the carrier phrase the intent stands for.

    ``bare`` marks words said in answer to "What did you do?", which may be bare ("the
    dishes", "nothing", "hi"): see ``bare_answer``.
    """

    words: str | None
    carrier: str = "i"
    frame: Frame = Frame.DONE
    bare: bool = False
    # Offered after the person said they are safe: a check-in's words may now be logged (a
    # crisis never is), calmly.
    checked: bool = False
    # The person said yes to logging it as a win: theirs to call, not the harm net's.
    confirmed: bool = False
    # Told with no deed the reader could name ("passport with the new name came through"),
    # which the screen finds benign: stored as said, and met calmly.
    unsure: bool = False
    # The whole of what was said, when ``words`` are the deed read out of it: the day it
    # names ("yesterday i fixed the sink") is the day the win is filed on (``when_done.py``).
    told: str | None = None


def _asks_care(words: str, said: Statement) -> bool:
    """The words ask for care (a crisis or a check-in), however they are told: a plan for
    tomorrow said beside danger ("they ring back tomorrow and i'm not sure i'll be okay till
    then") is met with care, never put off as a plan."""
    return screen(words, said.carrier, said.frame).kind in (Kind.CRISIS, Kind.CHECK_IN)


class _Heard(NamedTuple):
    """What goes on to be logged: the words, the statement as heard, the screen's verdict."""

    words: str
    said: Statement
    verdict: Verdict


def _heard(said: Statement, *, vague: bool) -> "_Heard | LogOutcome":
    """The words to log, the statement and the screen's verdict; or what to answer instead:
    care, not a win, a plan for later, or a question about what was done."""
    told = _told(normalise(said.words or ""), said)
    if not isinstance(told, str):
        return told
    if _put_off(told, said):
        return Ahead()
    words, said, verdict = _screened(told, said)
    refused, verdict = _refused(words, said, verdict)
    if refused is not None:
        return refused
    untold = _untold(words, said, vague=vague) or _offered_back(words, said, verdict)
    if untold is not None:
        return untold
    return _Heard(words, said, verdict)


def _put_off(words: str, said: Statement) -> bool:
    """A plan for a day to come, with no danger said beside it: told it is for later."""
    return _planned_ahead(said) and not _asks_care(words, said)


def _planned_ahead(said: Statement) -> bool:
    """Words that plan for a day to come and tell nothing done ("tomorrow i'll clean the car",
    said in answer to "What did you do?" too): a plan, never a win filed ahead."""
    whole = said.told or (said.words if said.bare else f"{said.carrier} {said.words}")
    if not whole or not ahead(whole):
        return False
    from skill.domain.reading import Part, read  # on first use: it compiles patterns

    return not any(clause.part is Part.DEED for clause in read(whole))


class Vague:
    """Things done, not named ("i did three things"): ask once what they did; nothing stored."""

    __slots__ = ()


class NotAnAnswer:
    """Words said to a question that do not answer it ("hi", "can you ..."): nothing stored."""

    __slots__ = ()


def _answered(words: str) -> str | None:
    """The win a bare answer stands for, read without the hedges it starts with ("ugh
    whatever i cooked pasta"); "did nothing" for a shrug; None when it answers something else
    (thanks, goodbye, a question, a request)."""
    from skill.domain.reading import bare_answer_read  # on first use: it compiles patterns

    reading = bare_answer_read(words)
    if reading.elsewhere:
        return words if _deed_after_i(words) else None
    return bare_answer("nothing" if reading.shrug else reading.words)


# Words that ask the skill something, never a deed of the person's: "did you get that", "did i
# log anything", "set a reminder".
_ASKS_THE_SKILL: Final = frozenset(
    [
        "you",
        "your",
        "alexa",
        "i",
        "me",
        "win",
        "wins",
        "reminder",
        "reminders",
        "style",
        "goal",
        "log",
        "logged",
        "repeat",
    ]
)


def _deed_after_i(words: str) -> bool:
    """True for words that lost the "I" the carrier took ("I {win}" caught "did my physio
    exercises", "set a mousetrap"), which read alone look like a question or a request but
    with the "I" put back are one deed of the person's."""
    from skill.domain.reading import Context, Part, read  # on first use: it compiles patterns

    if _ASKS_THE_SKILL & set(words.lower().split()):
        return False
    return {clause.part for clause in read(f"i {words}", Context.DID)} == {Part.DEED}


def _bare_answered(words: str, said: Statement) -> "str | Crisis | CheckIn | NotAnAnswer":
    """A bare answer to "What did you do?" as the win it stands for ("the dishes" -> "did the
    dishes"). Crisis words are met with care whatever shape they come in, and risk words with
    a check-in, before it is read."""
    heard = screen(words, said.carrier, said.frame)
    first = judged(heard)
    if isinstance(first, Crisis):
        return first
    if isinstance(first, CheckIn) and not said.checked:
        return CheckIn(bare_answer(words) if heard.offered_when_safe else None)
    answered = _answered(words)
    return NotAnAnswer() if answered is None else answered


# The reason given for a shrug said unasked ("I dunno"): met as a day of nothing done is.
SHRUGGED: Final = "nothing.shrugged"
# A hard day or a bad night told with no deed ("bad day, couldn't get back to sleep").
HARD_TIME: Final = "feeling.hard_time"
# "i am safe, only tired": being safe told, never a win (a deed told with it is offered).
SAID_SAFE: Final = "safe.said"
# The reason given for words the harm net finds likely to be no win: offered back, not cheered.
OFFERED_BACK: Final = "unsure.harm"


def _refused(words: str, said: Statement, verdict: Verdict) -> "tuple[LogOutcome | None, Verdict]":
    """What the screen's verdict refuses, if anything, and the verdict to go on with: a
    check-in (once checked, the words go on, met calmly), a crisis or not a win; a failure said
    after the deeds ("i fed the cat and then missed the bus") leaves the deeds."""
    talk = _talked(words, said, verdict)
    if talk is not None:  # "that last one is wrong", "it's been a good week": never a win
        return talk, verdict
    refused = judged(verdict)
    if isinstance(refused, CheckIn):
        if not said.checked:
            return CheckIn(
                _stored_text(words, said) if verdict.offered_when_safe else None
            ), verdict
        return None, verdict._replace(certain=False)
    if (
        isinstance(refused, NotAWin)
        and verdict.reason.startswith(_FAILED_ONLY)
        and _struggle_set_apart(words, said)
    ):
        return None, verdict
    return refused, verdict


def _offered_back(words: str, said: Statement, verdict: Verdict) -> "NotAWin | None":
    """Words the rules would celebrate that the harm net finds likely to be a harm, a failure
    or a painful event ("torched the brisket and the smoke alarm went off"): not cheered, and
    offered back, stored only on a yes. None otherwise, and whenever the person already said
    it counts, the words are a plan or a recovery step, or the rules found a win said beside a
    hard feeling or a setback ("did the dishes even though I feel awful"), met calmly."""
    if said.confirmed or said.checked or said.frame is Frame.INTEND or verdict.support:
        return None
    if not verdict.certain:
        return None
    if verdict.kind is not Kind.WIN or not likely_harm(_deeds_kept(words, said), said.carrier):
        return None
    if _struggle_set_apart(words, said):
        return None
    return NotAWin(OFFERED_BACK, _stored_text(words, said))


def _deeds_kept(words: str, said: Statement) -> str:
    """The words the harm net weighs: the deeds the reader keeps when all it heard was deeds and
    words said to someone else in the room ("i folded the towels, ben stop kicking your
    brother" is "folded the towels"); else the words as said. The rules heard all of it."""
    if said.carrier != "i":
        return words
    from skill.domain.reading import Part, read  # on first use: it compiles patterns

    clauses = read(f"i {words}")
    if not clauses or any(clause.part is not Part.DEED for clause in clauses):
        return words
    return " and ".join(clause.words.removeprefix("i ") for clause in clauses)


def _struggle_set_apart(words: str, said: Statement) -> bool:
    """Whether the reader set a struggle apart from the deeds said with it ("i sorted his
    dinner money and then forgot to ring mum back"), and no deed kept looks like a harm: the
    deeds are kept and the struggle heard, not the whole offered back."""
    if said.checked or said.carrier != "i":
        return False
    deeds = deeds_in(words, said.carrier)
    if deeds is None or deeds.whole or deeds.told is not Told.STRUGGLE:
        return False
    from skill.domain.reading import Context, Part, read  # on first use: it compiles patterns

    struggles = [c.words for c in read(f"i {words}", Context.NONE) if c.part is Part.STRUGGLE]
    if not all(compiled(_FORGOT).match(struggle) for struggle in struggles):
        return False  # a harm told beside the deeds is judged with them, whole
    return not any(likely_harm(text, "i") for text in deeds.texts)


# The whole statement judged no win only for a thing forgotten or missed ("nothing.missed").
_FAILED_ONLY: Final = ("nothing.",)
# A thing forgotten or missed, said after deeds: heard, never the whole statement's verdict.
_FORGOT: Final = (
    r"^i (?:then )?(?:forgot|missed|overslept|failed to|lost track|did not get round)\b"
)


def _untold(words: str, said: Statement, *, vague: bool) -> "LogOutcome | None":
    """Words that tell no deed to keep, whatever the carrier made of them; None otherwise."""
    if said.checked:
        return None
    safe = _safe_told(words, said)
    if safe is not None or said.carrier != "i":
        return safe
    from skill.domain.reading import hard_time_told  # on first use: it compiles patterns
    from skill.domain.vague import is_vague, shrugs_only

    if tells_no_deed(f"i {words}"):
        return NotAnAnswer()  # "I need a pick me up": asked for, never stored as done
    if hard_time_told(f"i {words}"):
        return NotAWin(HARD_TIME, None)  # "rough one, slept badly": heard kindly, nothing kept
    if not said.bare and shrugs_only(f"i {words}"):
        return NotAWin(SHRUGGED, None)  # "tell small wins I dunno": met gently, nothing offered
    if vague and said.frame is Frame.DONE and is_vague(words):
        return Vague()  # "i did three things": what were they? Asked once, nothing stored
    return None


def _talked(words: str, said: Statement, verdict: Verdict) -> "NotAWin | None":
    """Talk that is not a deed (``talk_told``), once care has heard the words; None for words
    that ask for care, a plan, a yes to an offer or an answer after the safety check."""
    if verdict.kind in (Kind.CRISIS, Kind.CHECK_IN) or said.frame is Frame.INTEND:
        return None
    talk = None if said.checked or said.confirmed else talk_told(words, said.carrier)
    if talk is not None and talk.reason == "talk.remark" and verdict.kind is not Kind.WIN:
        return None  # "i was told it is cancer": the screen's answer to what was told stands
    return talk


# Parts that tell something to keep or to care about: talk beside them is no reason to stop.
_TELLS_SOMETHING: Final = frozenset({"deed", "plan", "struggle", "crisis", "unsure"})


def talk_told(words: str, carrier: str = "i") -> "NotAWin | None":
    """Words that tell no deed but remark on how things are ("that's nice", "it's been a better
    week") or talk about the wins kept ("that last one is wrong", "bring back the tea one"),
    as the not-a-win they are (``talk.*``, the win they name as its offer); None otherwise."""
    from skill.domain.chatter import named_in, talk_in
    from skill.domain.reading import Context, read  # on first use: it compiles patterns

    text = canonical(f"{carrier} {words}".strip())
    talk = talk_in(text)
    if talk is None:
        return None
    # talk about the wins kept is about them whole ("there's one that says you stopped, i never
    # said that"); a remark beside a deed leaves the deed to be heard
    heeded = _TELLS_SOMETHING if talk == "remark" else frozenset({"crisis"})
    if any(clause.part.value in heeded for clause in read(text, Context.NONE)):
        return None  # "that was hard but i did the dishes": the deed is heard
    return NotAWin(f"talk.{talk}", named_in(text) or None)


def _told(words: str, said: Statement) -> "str | Crisis | CheckIn | NotAnAnswer | NotAWin":
    """The words the person meant as their deed (``_meant``), a bare answer as the win it
    stands for; or the outcome when there is none to keep."""
    told = _meant(words, said)
    if not isinstance(told, str) or not (said.bare and told):
        return told
    return _bare_answered(told, said)


def _meant(words: str, said: Statement) -> "str | NotAWin":
    """The words the person meant as their own deed: a deed taken back ("i walked the dog,
    actually no my dad did"), a greeting or a question ("happy new year lol") or a loss ("lost
    four hens") is never kept, and a greeting or someone else's doing said before the deed is
    left out of it. Care is judged first, on all that was said: words that ask for it are
    given back whole, for the screen."""
    if not words or said.checked or said.confirmed or said.frame is not Frame.DONE:
        return words
    if screen(words, said.carrier, said.frame).kind in (Kind.CRISIS, Kind.CHECK_IN):
        return words
    from skill.domain.meant import Set, meant  # on first use: it compiles patterns

    found = meant(words)
    if found.set_aside is Set.LOSS:
        return NotAWin(LOST, None)
    if found.set_aside in (Set.TAKEN_BACK, Set.GREETED) and not found.words:
        return NotAWin(TAKEN_BACK if found.set_aside is Set.TAKEN_BACK else GREETED, None)
    return found.words or words


# A deed taken back, a greeting alone, or a loss told as a deed: never kept.
TAKEN_BACK: Final = "taken.back"
GREETED: Final = "greeted.said"
LOST: Final = "pain.lost"


def _safe_told(words: str, said: Statement) -> "NotAWin | None":
    """ "I am safe, only so tired", "yes I am safe": being safe is told, never stored as a win;
    a deed told with it ("I'm safe, I did the dishes") is offered. None for anything else."""
    if said.frame not in (Frame.DONE, Frame.STATE) or not compiled(_SAFE_WORDS).search(words):
        return None
    if not said.carrier.startswith("i"):  # "we are safe", "my dog is safe": not the person
        return None
    from skill.domain.safe_said import safe_said  # on first use: it reads deeds

    told = safe_said(f"{said.carrier} {words}")
    return None if told is None else NotAWin(SAID_SAFE, told.deed or None)


# Words of being safe, in a statement that may tell nothing else.
_SAFE_WORDS: Final = r"(?i)\bsafe\b|\bnot in (?:any )?danger\b"


def _screened(words: str, said: Statement) -> tuple[str, Statement, Verdict]:
    """The screen's verdict on the words; a deed done because someone said so ("my mum made
    me do the hoovering") is the person's own ("did the hoovering"), screened again as one."""
    verdict = screen(words, said.carrier, said.frame)
    pushed = _pushed(words, said, verdict)
    if pushed is None:
        return words, said, verdict
    said = said._replace(words=pushed, carrier="i", frame=Frame.DONE)
    return pushed, said, screen(pushed, said.carrier, said.frame)


def _pushed(words: str, said: Statement, verdict: Verdict) -> str | None:
    """The person's own deed in a statement of someone making them do it; None when there is
    none, or the whole statement asks for care first."""
    if said.checked or said.bare or said.frame is Frame.INTEND or not words:
        return None
    if verdict.kind in (Kind.CRISIS, Kind.CHECK_IN):
        return None
    from skill.domain.pushed import pushed_deed  # on first use: it compiles patterns

    return pushed_deed(f"{said.carrier} {words}")


def judged(verdict: Verdict) -> "Crisis | CheckIn | NotAWin | None":
    """The outcome for a statement the screen would not celebrate; None for a win."""
    if verdict.kind is Kind.CRISIS:
        return Crisis()
    if verdict.kind is Kind.CHECK_IN:
        return CheckIn()
    if verdict.kind is Kind.NOT_A_WIN:
        return NotAWin(verdict.reason, verdict.offer)
    return None


class Heard(NamedTuple):
    """A past win to read back."""

    win: Win
    day: RelativeDay
    style: Style
    number: int = 0
    brief: bool = False  # the person asked for no follow-up questions
    anniversary: str | None = None  # "year" or "month": logged a year or a month ago today
    around: bool = False  # filed on a day estimated from "the other day": said as one


class AllHeard(NamedTuple):
    """Every win has been read out in this conversation already."""

    total: int
    brief: bool = False  # the person asked for no follow-up questions


class NoWins:
    """There is nothing to read back yet."""

    __slots__ = ()


class Unspeakable(NamedTuple):
    """The chosen win cannot be read back as a win (it sounds like crisis) or went missing."""

    total: int


class Ahead(NamedTuple):
    """A plan for a day to come ("tomorrow i'll clean the car"): never a win filed ahead,
    never today's one thing. Nothing is stored."""


class AlreadyDone(NamedTuple):
    """Today's one thing was already logged as a win."""

    win: Win


class AlreadyIn(NamedTuple):
    """A win told again, confirmed or insisted on ("I did do it, I went to Tesco" after "I
    went to Tesco"): it is already in, as ``win``, and nothing is stored."""

    win: Win


def _again(texts: tuple[str, ...], logged: tuple[str, ...]) -> "tuple[str, ...] | AlreadyIn":
    """The deeds ``texts`` tell that are not among the wins ``logged`` today in this
    conversation (as said back, newest last), words that only insist left out; when none
    is left, the win they tell again (or the last logged, for "I did do it")."""
    kept = tuple(text for text in texts if not insists(text) and not logged_again(text, logged))
    if kept or not logged:
        return kept or texts
    again = next((won for text in texts if (won := logged_again(text, logged))), logged[-1])
    return AlreadyIn(Win(again, False))


LogOutcome = (
    NeedsWords
    | Vague
    | NotAnAnswer
    | Crisis
    | CheckIn
    | NotAWin
    | Ahead
    | Logged
    | AlreadyDone
    | AlreadyIn
)
HearOutcome = Heard | NoWins | Unspeakable | AllHeard


def readable(text: str, kind: WinKind) -> bool:
    """Whether stored text may be read back as a win: it still screens as one today.

    Rules improve; a win stored before a rule existed is judged by the rules of now.
    """
    if kind is WinKind.SAID:
        return is_win(text)
    return is_win(plan_words(text), "i will", Frame.INTEND)


@lru_cache(maxsize=64)
def screened(text: str, kind: WinKind) -> str:
    """The verdict of ``readable`` on words about to be stored, as their ``screened`` stamp.

    Worked out before a write's attempts begin (``_ready``), so a retry after another device's
    write costs no second screen and the time between reading the profile and writing stays
    short. Kept for a few recent texts only, in this process's memory."""
    return stamp_verdict(text, kind.value, readable(text, kind))


def readable_stored(win: StoredWin) -> bool:
    """``readable`` for a stored win: its stamp's verdict while the stamp still matches its
    words, its kind and the screen of now (``screen_stamp.py``); else screened again."""
    kept = trusted_verdict(win.screened, win.text, win.kind.value)
    return readable(win.text, win.kind) if kept is None else kept


def _stored_text(words: str, said: Statement) -> str:
    """The words kept for a win: the slot's words, with the carrier's verb when it had one.

    "I'm {state}" keeps "am two weeks clean" and "I've {win}" keeps "have done the laundry",
    so the win reads back in the person's words ("you are two weeks clean").
    """
    from skill.domain.phrasing.filler import unfilled  # on first use: it compiles patterns

    subject, _, verb = said.carrier.partition(" ")
    if subject != "i":  # "me and", "my", "we": the carrier is the subject, and kept whole
        return f"{said.carrier} {unfilled(words)}".strip()
    return f"{verb} {unfilled(words)}" if verb else unfilled(words)


def cap(text: str) -> tuple[str, bool]:
    if len(text) <= MAX_WIN_CHARS:
        return text, False
    cut = text[:MAX_WIN_CHARS].rsplit(" ", 1)[0]
    return cut or text[:MAX_WIN_CHARS], True


class NothingOpen:
    """There is no open goal, or no one thing for today, to mark done."""

    __slots__ = ()


class _Pending(NamedTuple):
    """A win worked out from the profile, ready to store (with more, said in one breath)."""

    text: str
    win: Win
    shortened: bool = False
    finishes: Finishes = Finishes.NOTHING
    more: tuple[tuple[str, Win], ...] = ()  # further deeds: stored text and what is said back
    # Each text's ``screened`` stamp, worked out before the write's attempts (``_ready``).
    stamps: tuple[str, ...] = ()
    # The words as told, when they may name the day the deed was done ("yesterday evening").
    told: str = ""
    # A deed said alone, which may tell today's one thing done ("laundry's done"): then it
    # is that one thing, finished, and no win of its own.
    may_finish: bool = False
    # Each win's own time words, in order ("on monday", "yesterday"; None: done today), when
    # several deeds were told with days of their own (``when_done.time_words``).
    whens: tuple[str | None, ...] = ()

    @property
    def texts(self) -> tuple[str, ...]:
        return (self.text, *(text for text, _ in self.more))

    @property
    def wins(self) -> int:
        return 1 + len(self.more)


def _one_thing_told(profile: Profile, day: date, pending: _Pending) -> _Pending | AlreadyDone:
    """``pending`` as today's one thing finished, when its words tell that plan done ("got
    the washing done" for "I'll do the laundry"); already finished, ``AlreadyDone``; else as
    it was. A deed filed on another day never finishes today's plan."""
    plan = profile.one_thing
    if not plan or profile.one_thing_day != day or not does_plan(pending.text, plan_words(plan)):
        return pending
    if not readable(plan, WinKind.ONE_THING):
        return pending
    win = win_from_words(plan, WinKind.ONE_THING)
    if profile.one_thing_done:
        return AlreadyDone(win)
    return _Pending(plan, win, finishes=Finishes.ONE_THING)


def _several(deeds: Deeds, words: str, *, played_down: bool) -> _Pending:
    """The deeds of one statement as wins to store together: at most ``MAX_WINS_AT_ONCE``
    (the rest are left, and the person told the first part was kept)."""
    from skill.domain.phrasing.filler import unfilled  # on first use: it compiles patterns

    capped = [cap(unfilled(text)) for text in deeds.texts[:MAX_WINS_AT_ONCE]]
    shortened = len(deeds.texts) > MAX_WINS_AT_ONCE or any(cut for _, cut in capped)
    wins = [(text, win_from_words(text)) for text, _ in capped]
    minimised = played_down or read_critic(words).minimised
    (text, first), *more = wins
    return _Pending(text, first._replace(minimised=minimised), shortened, more=tuple(more))


def _kept_vague(text: str, told: str) -> str:
    """A win's words with the time words it was told with, when they name no one day ("the
    other day i fixed my bike" is kept as "fixed my bike the other day"): its day is an
    estimate, and its words say so wherever it is read (``when_done.vague_time``)."""
    vague = said_vague(told)
    if vague is None or vague_time(text) is not None:
        return text
    return f"{text} {vague}"


def _dated_each(pending: _Pending) -> _Pending:
    """Several deeds, each with the time words said with it (``when_done.time_words``), and
    those kept in its words when they name no one day."""
    whens = time_words(pending.told, pending.texts)
    said = zip(pending.texts, whens, strict=True)
    texts = [_kept_vague(text, when) if when else text for text, when in said]
    olds = (pending.win, *(win for _, win in pending.more))
    wins = [
        win if text == old else win_from_words(text)._replace(minimised=win.minimised)
        for text, old, win in zip(texts, pending.texts, olds, strict=True)
    ]
    more = tuple(zip(texts[1:], wins[1:], strict=True))
    return pending._replace(text=texts[0], win=wins[0], more=more, whens=whens)


def _ready(pending: _Pending, verdict: Verdict | None = None) -> _Pending:
    """The pending wins with their stamps, worked out before the write's attempts, so the
    time between reading the profile and writing stays as short as it was. ``verdict`` is
    the screen's verdict on exactly these words, said as "I {win}", when the caller has it:
    ``readable`` would only ask the screen the same question again."""
    if verdict is not None:
        first = stamp_verdict(pending.text, WinKind.SAID.value, verdict.kind is Kind.WIN)
    else:
        first = screened(pending.text, pending.win.kind)
    return pending._replace(
        stamps=(first, *(screened(text, WinKind.SAID) for text, _ in pending.more))
    )


def _counted(
    seen: Profile, pending: _Pending, days: tuple[date, ...], zone_name: str | None
) -> LoggedDays:
    """The profile's count of wins logged by day, with these counted in (``logged_days.py``),
    each on the day it was filed on (``days``, in the order of the wins)."""
    counted = seen.logged_days or LoggedDays()
    count = seen.win_count
    for day in dict.fromkeys(days):  # each day once, in the order first said
        stamps = [stamp for stamp, on in zip(pending.stamps, days, strict=True) if on == day]
        counted = counted.logged(
            day,
            sum(1 for stamp in stamps if stamped_as_win(stamp)),
            stored=len(stamps),
            seen=count,
            zone=zone_name,
            screen=screen_version(),
        )
        count += len(stamps)
    return counted


def _days_told(pending: _Pending, now: datetime) -> tuple[DayTold | NoSuchDay | None, ...]:
    """The day each pending win was done, on the person's clock ``now``: the day its own
    time words name, or the whole statement's (None: today, as told)."""
    if pending.whens:
        return tuple(when_told(when, now) if when else None for when in pending.whens)
    dated = when_told(pending.told, now) if pending.told else None
    return tuple(dated for _ in range(pending.wins))


Compose = Callable[[Profile, date], _Pending | NothingOpen | AlreadyDone]


class WinsService:
    """The skill's behaviour over a store, a clock and a random source."""

    def __init__(self, store: WinStore, clock: Callable[[], datetime], rng: Random) -> None:
        self._store = store
        self._clock = clock
        self._rng = rng

    def log_win(
        self,
        person: Person,
        said: Statement,
        request_id: str,
        wording: Wording,
        *,
        played_down: bool = False,
        zone_lookup: ZoneLookup | None = None,
        vague: bool = True,
        logged: tuple[str, ...] = (),
    ) -> LogOutcome:
        """Screen, store and plan the celebration of a win, in at most two storage calls.

        The whole statement is screened before anything is stored: crisis and not-a-win
        statements never reach the store. ``played_down`` says the person minimised it ("at
        least I showered") in words the carrier phrase took, so the reply still says it counts.
        ``vague``: things done but not named ("i did loads") are asked about (``Vague``); once
        asked, the answer is kept as said. ``logged``: the wins logged today in this
        conversation, as said back: told again, they are already in (``AlreadyIn``).
        """
        heard = _heard(said, vague=vague)
        if not isinstance(heard, _Heard):
            return heard
        words, said, verdict = heard
        several = self._several(
            person, said, words, request_id, wording, (played_down, logged), zone_lookup
        )
        if isinstance(several, AlreadyDone | AlreadyIn):  # told again: nothing stored
            return several
        if several is not None:
            calm = several.calm or not verdict.certain or said.confirmed or said.unsure
            return several._replace(support=verdict.support, calm=calm)
        text, shortened = cap(_stored_text(words, said))
        win = win_from_words(text)
        if not win.said:
            return NeedsWords()
        again = _again((text,), logged) if said.frame is Frame.DONE else (text,)
        if isinstance(again, AlreadyIn):  # "I went to Tesco" again: already in
            return again
        if played_down:
            win = win._replace(minimised=True)
        kept = _kept_vague(text, said.told or words)  # "fixed my bike the other day"
        asked_alike = kept == words and said.carrier == "i" and said.frame is Frame.DONE
        if kept != text:
            text, win = kept, win_from_words(kept)._replace(minimised=win.minimised)
        pending = _ready(
            _Pending(text, win, shortened, told=said.told or words, may_finish=True),
            verdict if asked_alike else None,
        )
        outcome = self._log(person, request_id, wording, zone_lookup, lambda _p, _d: pending)
        if isinstance(outcome, AlreadyDone):  # today's one thing, told done again
            return outcome
        assert isinstance(outcome, Logged)  # composing a said win never finds nothing open
        # a yes to an offer, or words the reader could not name: met calmly
        calm = not verdict.certain or said.confirmed or said.unsure
        return outcome._replace(support=verdict.support, calm=calm)

    def _several(
        self,
        person: Person,
        said: Statement,
        words: str,
        request_id: str,
        wording: Wording,
        told: tuple[bool, tuple[str, ...]],
        zone_lookup: ZoneLookup | None,
    ) -> Logged | AlreadyDone | AlreadyIn | None:
        """Several deeds in one breath, or a deed with a feeling or a struggle: each deed a win
        of its own, stored in one write. None for one deed alone, stored as said, as always.
        A deed alone that tells today's one thing done finishes it (``AlreadyDone`` if it was)."""
        if said.checked or said.frame is Frame.INTEND:
            return None
        played_down, logged = told  # played down; the wins logged today, as said back
        deeds = deeds_in(words, said.carrier)
        if deeds is None:
            return None
        if not deeds.whole:  # a deed told again, or "I did do it": never a win of its own
            again = _again(deeds.texts, logged)
            if isinstance(again, AlreadyIn):
                return again
            deeds = deeds._replace(texts=again)
        pending = _several(deeds, words, played_down=played_down)
        pending = pending._replace(told=said.told or words, may_finish=not pending.more)
        if deeds.whole:  # one deed, said back alone; the person's words are kept as said
            text, shortened = cap(_stored_text(words, said))
            pending = pending._replace(text=text, shortened=shortened)
        else:  # each deed on the day said with it
            pending = _dated_each(pending)
        pending = _ready(pending)
        outcome = self._log(person, request_id, wording, zone_lookup, lambda _p, _d: pending)
        if isinstance(outcome, AlreadyDone):
            return outcome
        assert isinstance(outcome, Logged)
        # A feeling or a struggle told with the deeds: met calmly, never with a fanfare.
        return outcome._replace(told=deeds.told, calm=deeds.told is not Told.NOTHING)

    def finish_goal(
        self,
        person: Person,
        request_id: str,
        wording: Wording,
        *,
        zone_lookup: ZoneLookup | None = None,
    ) -> Logged | NothingOpen:
        """Log the open one-minute goal as a win and close it, in the same write."""

        def compose(profile: Profile, _day: date) -> _Pending | NothingOpen:
            if not profile.goal or not readable(profile.goal, WinKind.GOAL):
                return NothingOpen()
            win = win_from_words(profile.goal, WinKind.GOAL)
            return _Pending(profile.goal, win, finishes=Finishes.GOAL)

        outcome = self._log(person, request_id, wording, zone_lookup, compose)
        assert not isinstance(outcome, AlreadyDone)
        return outcome

    def finish_one_thing(
        self,
        person: Person,
        request_id: str,
        wording: Wording,
        *,
        zone_lookup: ZoneLookup | None = None,
    ) -> Logged | NothingOpen | AlreadyDone:
        """Log today's one thing as a win. Yesterday's is never brought up."""

        def compose(profile: Profile, day: date) -> _Pending | NothingOpen | AlreadyDone:
            if not profile.one_thing or profile.one_thing_day != day:
                return NothingOpen()
            if not readable(profile.one_thing, WinKind.ONE_THING):
                return NothingOpen()
            win = win_from_words(profile.one_thing, WinKind.ONE_THING)
            if profile.one_thing_done:
                return AlreadyDone(win)
            return _Pending(profile.one_thing, win, finishes=Finishes.ONE_THING)

        return self._log(person, request_id, wording, zone_lookup, compose)

    def _log(
        self,
        person: Person,
        request_id: str,
        wording: Wording,
        zone_lookup: ZoneLookup | None,
        compose: Compose,
    ) -> Logged | NothingOpen | AlreadyDone:
        started = time.monotonic()
        for attempt in range(MAX_WRITE_ATTEMPTS):
            if attempt and time.monotonic() - started > WRITE_BUDGET_SECONDS:
                break
            now = self._clock()
            seen = self._store.load_profile(person)
            zone = resolve_zone(seen, now, zone_lookup)
            day = local_day(now, zone.name)
            pending = compose(seen, day)
            if not isinstance(pending, _Pending):
                return pending
            # "I rang my daughter yesterday evening": filed on the day it was done.
            dates = _days_told(pending, local_now(now, zone.name))
            filed = tuple(dated.at if isinstance(dated, DayTold) else None for dated in dates)
            days_on = tuple(day if done is None else done.date() for done in filed)
            if pending.may_finish and all(done is None for done in filed):
                finished = _one_thing_told(seen, day, pending)
                if isinstance(finished, AlreadyDone):
                    return finished
                pending = finished
            on_today = sum(1 for done_on in days_on if done_on == day)
            plan = self._plan(seen, pending.win, day, wording, pending.wins, on_today=on_today)
            pending = pending if pending.stamps else _ready(pending)
            updated = seen._replace(
                win_count=plan.total,
                today=day,
                today_count=plan.today,
                last_phrase=plan.variant,
                zone=zone.name if zone.fetched else seen.zone,
                zone_checked_at=now if zone.fetched else seen.zone_checked_at,
                logged_days=_counted(seen, pending, days_on, zone.name),
            )
            others = tuple(win for _, win in pending.more)
            try:
                self._store_pending(person, seen, updated, pending, request_id, now, filed)
            except ConcurrentUpdate:
                time.sleep(_BACKOFF.uniform(0, RETRY_PAUSE_SECONDS * 2**attempt))
                continue
            except DuplicateRequest:
                # Alexa redelivered a request we already stored: celebrate, store nothing more.
                quiet = plan._replace(note=CountNote.NONE)
                logged = Logged(pending.win, quiet, pending.shortened, True, others=others)
            else:
                logged = Logged(pending.win, plan, pending.shortened, False, others=others)
            one_day = len(set(days_on)) == 1
            return logged._replace(
                day=days_on[0] if one_day and filed[0] is not None else None,
                days=() if one_day else days_on,
                today=day,
                no_such_day=next((d for d in dates if isinstance(d, NoSuchDay)), None),
            )
        raise StorageUnavailable("the person's data kept changing while logging")

    def _store_pending(
        self,
        person: Person,
        seen: Profile,
        updated: Profile,
        pending: _Pending,
        request_id: str,
        now: datetime,
        filed: tuple[datetime | None, ...],
    ) -> None:
        """``filed``: when each win was done, None for those done as told; a win filed on a
        day its words named keeps when it was told, ``now``."""
        told_at = None if all(done is None for done in filed) else now
        if pending.more:
            one_day = len(set(filed)) == 1
            texts = [pending.text, *(text for text, _ in pending.more)]
            self._store.append_wins(
                person,
                seen=seen,
                updated=updated,
                texts=texts,
                request_id=request_id,
                now=now,
                screened=pending.stamps or [screened(text, WinKind.SAID) for text in texts],
                filed=filed[0] if one_day else None,
                filed_each=() if one_day else filed,
                told_at=told_at,
            )
            return
        self._store.append_win(
            person,
            seen=seen,
            updated=updated,
            text=pending.text,
            request_id=request_id,
            now=now,
            kind=pending.win.kind,
            finishes=pending.finishes,
            screened=(pending.stamps or (screened(pending.text, pending.win.kind),))[0],
            filed=filed[0],
            told_at=told_at,
        )

    def _plan(
        self,
        seen: Profile,
        win: Win,
        day: date,
        wording: Wording,
        added: int = 1,
        *,
        on_today: int = 1,
    ) -> CelebrationPlan:
        """``on_today``: how many of the ``added`` wins were done today (the others on a day
        their words name before it, or one estimated from "the other day")."""
        total = seen.win_count + added
        on_day = seen.wins_on(day) + on_today
        note = count_note(total, on_day, added)
        if on_today < added and note is CountNote.TODAY:  # today's count says nothing of those
            note = CountNote.NONE
        return CelebrationPlan(
            style=seen.style,
            variant=pick_variant(wording.celebrations[seen.style], seen.last_phrase, self._rng),
            note=note,
            total=total,
            today=on_day,
            minimised=win.minimised,
            minimiser_variant=self._rng.randrange(wording.minimiser_replies),
            brief=seen.brief,
        )

    def hear_win(
        self,
        person: Person,
        *,
        zone: str | None = None,
        heard: frozenset[int] = frozenset(),
        recognised: bool = True,
    ) -> HearOutcome:
        """One of the person's own wins, uniformly at random, not the one heard last time
        and none of ``heard`` (those already read out in this conversation). A win logged a
        year or a month ago today may be said to be one (``services.anniversary``);
        ``recognised``: the speaker's voice is recognised, or the account has no voices."""
        profile, last_heard = self._store.hear_state(person)
        if profile is None or profile.win_count == 0:
            return NoWins()
        now = self._clock()
        last_number = last_heard.number if last_heard else None
        number = pick_unheard(profile.win_count, heard, last_number, self._rng)
        if number is None:
            return AllHeard(profile.win_count, brief=profile.brief)
        zone_name = zone or profile.zone
        spent = spent_week(profile, last_heard, zone_name)
        stored = self._store.mark_heard(person, number, now, after=last_heard, spent=spent)
        if stored is None or not readable_stored(stored):
            return Unspeakable(profile.win_count)
        today = local_day(now, zone_name)
        day = relative_day(local_day(stored.created_at, zone_name), today)
        win = win_from_words(stored.text, stored.kind)
        which = anniversary(profile, spent, stored, (today, zone_name), self._rng, recognised)
        around = vague_time(stored.text) is not None
        return Heard(
            win, day, profile.style, number, brief=profile.brief, anniversary=which, around=around
        )

    def set_style(self, person: Person, style: Style) -> None:
        """Remember the celebration style."""
        self._store.set_style(person, style)

    def set_brief(self, person: Person, brief: bool) -> None:
        """Remember whether replies leave out their follow-up questions."""
        self._store.set_brief(person, brief)
