"""Deleting a person's data: one win, everything, or a whole account's on disabling."""

from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

from skill.domain.gone import GoneWin
from skill.domain.local_time import local_day
from skill.domain.logged_days import LoggedDays
from skill.domain.phrasing import Win, WinKind, win_from_words
from skill.domain.screen_stamp import screen_version, stamped_as_win
from skill.services.wins import readable_stored, screened
from skill.storage.errors import ConcurrentUpdate, DuplicateRequest
from skill.storage.interface import WinStore
from skill.storage.records import Person, Profile, StoredWin


def logged_days_without(
    profile: Profile, win: StoredWin, now: datetime, *, counted: bool | None = None
) -> LoggedDays | None:
    """The profile's count of wins by day once ``win`` is deleted (``logged_days.py``);
    None when it keeps none. The win was counted when logged if the screen let it through:
    ``counted``, else what its stamp (or the screen of now) says."""
    kept = profile.logged_days
    if kept is None:
        return None
    if counted is None:
        counted = readable_stored(win)
    day = local_day(win.created_at, kept.zone) if counted else None
    return kept.counted_out(day, seen=profile.win_count, today=local_day(now, kept.zone))


class LastWin(NamedTuple):
    """The most recent win, as it would be said back, and its number (to delete exactly it)."""

    win: Win
    number: int
    stored: StoredWin | None = None  # as stored: to bring it back after "undo"


class Gone(NamedTuple):
    """A win deleted in this conversation, as it was stored: what "undo" brings back.
    ``told_at``: when it was told, for a win filed on a day its words named."""

    text: str
    kind: WinKind
    created_at: datetime
    told_at: datetime | None = None

    @classmethod
    def kept(cls, gone: GoneWin) -> "Gone":
        """The win the profile keeps as deleted last (``gone.py``)."""
        return cls(gone.text, gone.kind, gone.created_at, gone.told_at)


class Erasure:
    """Deletion over a store and a clock. Nothing is deleted without the person's yes."""

    def __init__(self, store: WinStore, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock

    def last_win(self, person: Person) -> LastWin | None:
        """The win logged last, whatever its number (deleting one before it moves it), as
        "newest first" reads it."""
        _, newest = self._store.recent_wins(person, 1)
        if not newest:
            return None
        stored = newest[0]
        return LastWin(win_from_words(stored.text, stored.kind), stored.number, stored)

    def win(self, person: Person, number: int) -> LastWin | None:
        """Win ``number`` as it would be read out, or None if it is gone."""
        stored = self._store.win(person, number)
        if stored is None:
            return None
        return LastWin(win_from_words(stored.text, stored.kind), stored.number, stored)

    def delete_last_win(self, person: Person, number: int) -> bool:
        """Delete win ``number`` if it is still the last logged; False if the wins changed
        meanwhile. When a deletion moved it to another number, the win last by number takes
        its number in turn."""
        profile, newest = self._store.recent_wins(person, 1)
        stored = newest[0] if newest else None
        if stored is None or stored.number != number:
            return False
        day = local_day(stored.created_at, profile.zone)
        today = profile.today_count - 1 if profile.today == day and profile.today_count else 0
        logged = logged_days_without(profile, stored, self._clock())
        try:
            if number == profile.win_count:
                self._store.delete_last_win(
                    person,
                    number,
                    today_count=max(today, 0),
                    logged_days=logged,
                    gone_at=self._clock(),
                )
            else:
                self._store.delete_win(
                    person,
                    number,
                    seen=profile,
                    today_count=max(today, 0),
                    logged_days=logged,
                    gone_at=self._clock(),
                )
        except ConcurrentUpdate:
            return False
        return True

    def delete_win(self, person: Person, number: int) -> bool:
        """Delete win ``number``, whichever it is; False if missing or the wins changed meanwhile.

        The last win takes its number, so the wins stay numbered 1..n for hearing.
        """
        profile = self._store.load_profile(person)
        stored = self._store.win(person, number)
        if stored is None or not 1 <= number <= profile.win_count:
            return False
        # Today's count loses the win only if it was logged on the day that count is for.
        logged_today = profile.today == local_day(stored.created_at, profile.zone)
        today = profile.today_count - 1 if logged_today else profile.today_count
        logged = logged_days_without(profile, stored, self._clock())
        try:
            self._store.delete_win(
                person,
                number,
                seen=profile,
                today_count=max(today, 0),
                logged_days=logged,
                gone_at=self._clock(),
            )
        except ConcurrentUpdate:
            return False
        return True

    def undoable(self, person: Person) -> LastWin | Gone | None:
        """What "undo" said in a new conversation means: the win deleted last, while the
        profile keeps it (no win logged since) and it was deleted within ``KEPT_FOR``; else
        the win logged last (None without wins). Two calls: the profile and the newest win."""
        profile, newest = self._store.recent_wins(person, 1)
        kept = profile.last_gone
        if kept is not None and kept.fresh(self._clock()):
            return Gone.kept(kept)
        if not newest:
            return None
        stored = newest[0]
        return LastWin(win_from_words(stored.text, stored.kind), stored.number, stored)

    def restore_kept(self, person: Person, request_id: str) -> LastWin | None:
        """Bring back the win the profile keeps as deleted last ("bring it back" in a new
        conversation), if deleted within ``KEPT_FOR``: two calls. None when there is none."""
        seen = self._store.load_profile(person)
        kept = seen.last_gone
        if kept is None or not kept.fresh(self._clock()):
            return None
        return self._restore(person, seen, Gone.kept(kept), request_id)

    def restore(self, person: Person, gone: Gone, request_id: str) -> LastWin | None:
        """Bring back a win deleted in this conversation, at the time it was first logged
        (and, filed on a day its words named, with when it was told), as the newest number;
        its words are screened again, as any win stored is. None when it could not be stored
        (the wins changed meanwhile). Two calls: the profile, then one write (a redelivered
        request stores it once)."""
        return self._restore(person, self._store.load_profile(person), gone, request_id)

    def _restore(
        self, person: Person, seen: Profile, gone: Gone, request_id: str
    ) -> LastWin | None:
        """``restore`` over the profile as read: one write."""
        day = local_day(gone.created_at, seen.zone)
        stamp = screened(gone.text, gone.kind)
        counted = (seen.logged_days or LoggedDays()).logged(
            day,
            1 if stamped_as_win(stamp) else 0,
            stored=1,
            seen=seen.win_count,
            zone=seen.zone,
            screen=screen_version(),
        )
        updated = seen._replace(
            win_count=seen.win_count + 1,
            today_count=seen.today_count + 1 if seen.today == day else seen.today_count,
            logged_days=counted,
        )
        try:
            self._store.append_win(
                person,
                seen=seen,
                updated=updated,
                text=gone.text,
                request_id=request_id,
                now=self._clock(),
                kind=gone.kind,
                screened=stamp,
                filed=gone.created_at,
                told_at=gone.told_at,
            )
        except DuplicateRequest:
            pass
        except ConcurrentUpdate:
            return None
        return LastWin(win_from_words(gone.text, gone.kind), updated.win_count)

    def win_count(self, person: Person) -> int:
        return self._store.load_profile(person).win_count

    def delete_everything(self, person: Person) -> int:
        """Every win, setting and marker of this person. Returns how many items went."""
        return self._store.delete_person(person)

    def forget_account(self, account: str) -> int:
        """Everything of every person of an Alexa account: the skill was disabled."""
        return self._store.delete_account(account)
