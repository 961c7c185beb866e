"""Deleting or correcting any win: "delete the second one", "delete the one about the oven",
"change that to I cleaned the oven".

A win is found by its place in the list read out last in the conversation, or by its words
among that list and the most recent ``RECENT`` wins (DynamoDB has no text search). Deleting is
confirmed first (the handler asks, naming the win), and happens only if the win is still the
one named. A correction's new words are judged exactly as a win's words are when it is logged:
crisis words are met with care and never stored, a non-win is never kept, and the old words
are overwritten. Each turn takes at most two storage calls.
"""

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Final, NamedTuple

from skill.domain.corrections import names_a_thing, with_thing
from skill.domain.deeds import tells_no_deed
from skill.domain.local_time import local_day
from skill.domain.logged_days import LoggedDays
from skill.domain.matching import LAST, Candidate, best_matches, pick
from skill.domain.phrasing import Win, WinKind, normalise, win_from_words
from skill.domain.phrasing.answer import bare_answer
from skill.domain.screen import Frame, screen
from skill.services.erasure import logged_days_without
from skill.services.recall import NoWinsYet, SpanWins, read_again, span_wins
from skill.services.wins import (
    CheckIn,
    Crisis,
    NeedsWords,
    NotAnAnswer,
    NotAWin,
    cap,
    judged,
    readable_stored,
)
from skill.storage.errors import ConcurrentUpdate
from skill.storage.interface import WinStore
from skill.storage.records import Person, Profile, StoredWin
from skill.zones import ZoneLookup

# The most recent wins searched by words when the list read out holds no match.
RECENT: Final = 50
# Close matches named in "Which one?": more is too many to hold in mind.
MOST_NAMED: Final = 3


class Chosen(NamedTuple):
    """One win, as it will be said back; its number, time and the count seen (to delete
    exactly it, and nothing if it changed meanwhile)."""

    win: Win
    number: int
    created_at: datetime
    total: int  # the wins the person had when it was found
    # The list it was found in, when that was the one the profile keeps (read again): the
    # conversation keeps it from then on.
    listed: tuple[int, ...] = ()
    text: str = ""  # its words as stored, to bring it back after "undo"
    kind: str = WinKind.SAID.value
    told_at: datetime | None = None  # when it was told, if filed on a day its words named


class Several(NamedTuple):
    """More than one win fits the words: which? Newest first."""

    wins: tuple[Chosen, ...]
    # A correction's new words, as said: the one picked gets them.
    text: str = ""


class NoMatch:
    """No win the words describe, in the list read out or among the recent ones."""

    __slots__ = ()


class NoList:
    """A place in a list was named, but no list was read out in this conversation."""

    __slots__ = ()


class NotInList(NamedTuple):
    """The list read out has no such place (or that win was deleted since: ``gone``, its
    place, counted from 1)."""

    size: int
    gone: int = 0


def _not_in(listed: Sequence[int | None], position: int) -> NotInList:
    """No win at ``position`` of ``listed``: none there, or the one there deleted since."""
    deleted = 1 <= position <= len(listed) and listed[position - 1] is None
    return NotInList(len(listed), position if deleted else 0)


class NoWinsToFind:
    """The person has no wins."""

    __slots__ = ()


FindOutcome = Chosen | Several | NoMatch | NoList | NotInList | NoWinsToFind


class Corrected(NamedTuple):
    """The win's words are now ``win``'s; ``old``, what they were (said back briefly);
    ``was``, the old words as stored and ``created_at``, the win's time: "undo" puts them
    back."""

    win: Win
    number: int
    old: Win | None = None
    was: str | None = None
    created_at: datetime | None = None


class ToConfirm(NamedTuple):
    """A correction of a win the person has not heard named in this conversation ("change
    that" first thing, "change the pumpkin one to ..."): ``old`` is named, and changed to
    ``text`` only on a yes."""

    old: Chosen
    new: Win
    text: str


class NothingToCorrect:
    """There is no win to correct (none at all, or the one named is gone)."""

    __slots__ = ()


CorrectOutcome = (
    Corrected
    | ToConfirm
    | Several
    | NoMatch
    | NoWinsToFind
    | NothingToCorrect
    | NotInList
    | NoList
    | Crisis
    | CheckIn
    | NotAWin
    | NeedsWords
    | NotAnAnswer
)


def _chosen(stored: StoredWin, count: int) -> Chosen:
    return Chosen(
        win_from_words(stored.text, stored.kind),
        stored.number,
        stored.created_at,
        count,
        text=stored.text,
        kind=stored.kind.value,
        told_at=stored.told_at,
    )


def _spoken(wins: Sequence[StoredWin]) -> list[StoredWin]:
    """Only wins that may be read back: a stored non-win is never named (read-time filter)."""
    return [win for win in wins if readable_stored(win)]


def _spoken_matches(words: str, pool: Sequence[StoredWin]) -> list[Candidate]:
    """The best matches among the wins that may be read back. Only the matches are screened
    (a stored non-win is never named), not the whole pool: matching is cheap, screening not."""
    candidates = [Candidate(win.number, win.text) for win in pool]
    stored = {win.number: win for win in pool}
    while True:
        found = best_matches(words, candidates)
        unspoken = {c.number for c in found if not readable_stored(stored[c.number])}
        if not unspoken:
            return found
        candidates = [c for c in candidates if c.number not in unspoken]


class Forgetting:
    """Finds, deletes and corrects single wins, over a store and a clock."""

    def __init__(self, store: WinStore, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock

    def at(
        self,
        person: Person,
        listed: Sequence[int | None] | None,
        position: int,
        zone_lookup: ZoneLookup | None = None,
    ) -> FindOutcome:
        """The win at ``position`` of the list read out: two calls (it, and the profile).
        Without one in this conversation, the list the profile keeps as read last, while
        fresh: two calls (the profile, and that list read again)."""
        if not listed and position > 0:
            return self._at_kept(person, position, zone_lookup)
        if not listed:  # "the last one", "the one before that", no list: by when logged
            profile, last = self._store.recent_wins(person, -position)
            if not last:
                return NoWinsToFind()
            if len(last) < -position:
                return NotInList(len(last))
            return _chosen(last[-position - 1], profile.win_count)
        number = pick(listed, position)
        if number is None:
            return _not_in(listed, position)
        found = self._store.wins_numbered(person, [number])
        count = self._store.load_profile(person).win_count
        if not found or not count or not _spoken(found):
            return NotInList(len(listed))
        return _chosen(found[0], count)

    def _at_kept(
        self, person: Person, position: int, zone_lookup: ZoneLookup | None
    ) -> FindOutcome:
        profile, wins = read_again(self._store, self._clock(), person, zone_lookup)
        if not wins:
            return NoList()
        numbers = [win.number for win in wins]
        number = pick(numbers, position)
        if number is None:
            return NotInList(len(numbers))
        found = next(win for win in wins if win.number == number)
        return _chosen(found, profile.win_count)._replace(listed=tuple(numbers))

    def about(
        self,
        person: Person,
        listed: Sequence[int | None] | None,
        words: str,
        *,
        count_then: int | None = None,
    ) -> FindOutcome:
        """The win ``words`` describe: in the list read out when there is one (every page of
        it), then in the most recent wins. Two calls either way: the profile and the recent
        wins, when the list is among them (its wins were among the ``RECENT`` newest of the
        ``count_then`` the person had when it was read); else the list's wins and the
        profile (a list of long ago: the recent wins are not searched after it)."""
        numbers = [number for number in listed or () if number is not None]
        recent = count_then is not None and min(numbers, default=0) > count_then - RECENT
        if numbers and not recent:
            pool = self._store.wins_numbered(person, numbers)
            count = self._store.load_profile(person).win_count
        else:
            profile, pool = self._store.recent_wins(person, RECENT)
            count = profile.win_count
        if not pool or not count:
            return NoWinsToFind() if not numbers else NoMatch()
        by_number = {win.number: win for win in pool}
        in_list = [win for win in pool if win.number in numbers]
        found = (_spoken_matches(words, in_list) if in_list else []) or _spoken_matches(words, pool)
        if len(found) == 1:
            return _chosen(by_number[found[0].number], count)
        if found:
            named = found[:MOST_NAMED]
            return Several(tuple(_chosen(by_number[c.number], count) for c in named))
        return NoMatch()

    def on_day(
        self, person: Person, value: str | None, zone_lookup: ZoneLookup | None
    ) -> FindOutcome:
        """The win logged on the day an AMAZON.DATE ``value`` names ("delete the win from the
        30th of December"): two calls (the profile, then that day's wins). Several that day:
        which (the newest first, ``MOST_NAMED`` at most); none: no match."""
        read = span_wins(self._store, self._clock(), person, value, zone_lookup)
        if not isinstance(read, SpanWins):
            return NoWinsToFind() if isinstance(read, NoWinsYet) else NoMatch()
        if not read.wins:
            return NoMatch()
        if len(read.wins) == 1:
            return _chosen(read.wins[0], read.win_count)
        named = read.wins[:MOST_NAMED]
        return Several(tuple(_chosen(win, read.win_count) for win in named))

    def forget(self, person: Person, number: int, created_at: datetime, count: int) -> bool:
        """Delete win ``number`` of ``count``, if it is still the one logged at ``created_at``;
        False when the wins changed (nothing is deleted then). Two calls."""

        def today_count(profile: Profile) -> int:
            logged_on = local_day(created_at, profile.zone)
            if profile.today == logged_on and profile.today_count:
                return profile.today_count - 1
            return profile.today_count

        def logged_days(profile: Profile) -> LoggedDays | None:
            # The win was found among those read out: the screen lets it through.
            doomed = StoredWin(number, "", created_at)
            return logged_days_without(profile, doomed, self._clock(), counted=True)

        try:
            self._store.forget_win(
                person,
                number,
                count=count,
                created_at=created_at,
                today_count=today_count,
                logged_days=logged_days,
                gone_at=self._clock(),
            )
        except ConcurrentUpdate:
            return False
        return True

    def correct(
        self,
        person: Person,
        words: str | None,
        *,
        number: int | None = None,
        listed: Sequence[int | None] | None = None,
        position: int | None = None,
        about: str | None = None,
        count_then: int | None = None,
    ) -> CorrectOutcome:
        """Change a win's words to ``words``: the win ``about`` names, else the win at
        ``position`` of the list read out, else win ``number`` (the last logged or named in
        this conversation), else the last win.

        The new words are judged first, as a win's are when logged; nothing is read or
        changed unless they are a win. A thing said alone ("the dog") replaces the thing
        of the old win, its deed kept ("walked the dog"). A win found by its words, or the
        last win ("change that", "change the last one") when none was logged, named or read
        out in this conversation, is named first and changed only on a yes (``ToConfirm``).
        Two calls: the win (or the wins searched), then the write.
        """
        judged_words = _as_a_win(words)
        if not isinstance(judged_words, str):
            return judged_words
        text, _ = cap(judged_words)
        win = win_from_words(text)
        if not win.said:
            return NeedsWords()
        # Nothing logged, named or read out in this conversation: the win is named first.
        confirm = about is not None or (number is None and (position is None or not listed))
        if about is not None:
            found = self.about(person, listed, about, count_then=count_then)
            if isinstance(found, Several):  # which one: the new words wait for the answer
                return found._replace(text=words or "")
            if not isinstance(found, Chosen):
                return found
            target: StoredWin = StoredWin(
                found.number, found.text, found.created_at, WinKind(found.kind)
            )
            count = found.total
        else:
            targeted = self._target(person, number, listed, position)
            if not isinstance(targeted, StoredWin):
                return targeted
            target, count = targeted, 0
        if words is not None and names_a_thing(words):  # "the dog": the thing, not the deed
            rejudged = _as_a_win(with_thing(target.text, words))
            if not isinstance(rejudged, str):
                return rejudged
            text, _ = cap(rejudged)
            win = win_from_words(text)
        if confirm:
            return ToConfirm(_chosen(target, count), win, text)
        # The old words are said back only if they may be read back (read-time filter).
        old = win_from_words(target.text, target.kind) if readable_stored(target) else None
        return self.apply(person, target.number, target.created_at, text, old, target.text)

    def apply(
        self,
        person: Person,
        number: int,
        created_at: datetime,
        text: str,
        old: Win | None = None,
        was: str | None = None,
    ) -> "Corrected | NothingToCorrect":
        """Overwrite win ``number``'s words with ``text`` (already judged a win), if it is still
        the one logged at ``created_at``; ``old``, the win as it read before, ``was`` its words
        as stored. One call."""
        try:
            self._store.replace_words(person, number, created_at=created_at, text=text)
        except ConcurrentUpdate:
            return NothingToCorrect()
        return Corrected(win_from_words(text), number, old, was, created_at)

    def other(self, person: Person, passed: Sequence[int]) -> "Chosen | NoMatch":
        """ "No, the other one": the most recent win that may be read back and is none of
        ``passed`` (the wins already named). Two calls: the profile, then the recent wins."""
        profile, recent = self._store.recent_wins(person, MOST_NAMED + len(passed) + 2)
        for stored in _spoken([win for win in recent if win.number not in passed]):
            return _chosen(stored, profile.win_count)
        return NoMatch()

    def _target(
        self,
        person: Person,
        number: int | None,
        listed: Sequence[int | None] | None,
        position: int | None,
    ) -> "StoredWin | NothingToCorrect | NotInList | NoList":
        if position is not None:
            if not listed:
                if position != LAST:
                    return NoList()
            else:
                number = pick(listed, position)
                if number is None:
                    return _not_in(listed, position)
        if number is not None:
            found = self._store.wins_numbered(person, [number])
            if found:
                return found[0]
            if position is not None:
                return NotInList(len(listed or ()))
        last = self._store.last_win(person)
        return last if last is not None else NothingToCorrect()


def _as_a_win(words: str | None) -> "str | Crisis | CheckIn | NotAWin | NeedsWords | NotAnAnswer":
    """A correction's words as the win they stand for, screened and read as a bare answer to
    "What did you do?" is ("i cleaned the oven", "walked the dog", "the dishes")."""
    from skill.domain.reading import bare_answer_read  # on first use: it compiles patterns

    said = normalise(words or "")
    if not said:
        return NeedsWords()
    refused = judged(screen(said, "i", Frame.DONE))
    if refused is not None:
        return refused
    reading = bare_answer_read(said)
    if reading.shrug:
        return NeedsWords()
    answered = None if reading.elsewhere else bare_answer(reading.words)
    if answered is None or tells_no_deed(f"i {answered}"):
        return NotAnAnswer()
    refused = judged(screen(answered, "i", Frame.DONE))
    return refused if refused is not None else answered
