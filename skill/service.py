"""What the skill does, independent of Alexa: log a win, hear a win, change the style.

Handlers call one method here and turn its outcome into words. Time and randomness are
injected so tests can pin them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from random import Random
from typing import Final

from skill.domain.choice import (
    CelebrationPlan,
    CountNote,
    Style,
    count_note,
    pick_variant,
    pick_win_number,
)
from skill.domain.crisis import sounds_like_crisis
from skill.domain.dates import RelativeDay, relative_day
from skill.domain.phrasing import Win, normalise, win_from_words
from skill.storage.dynamo import DynamoWinStore, Profile
from skill.storage.errors import ConcurrentUpdate, DuplicateRequest, StorageUnavailable

# Long enough for any spoken win; longer text is kept up to here and the person is told.
MAX_WIN_CHARS: Final = 300
# Concurrent writes for one person are rare (two Echos at once); a few tries settle them.
MAX_WRITE_ATTEMPTS: Final = 3


@dataclass(frozen=True)
class Wording:
    """How many wordings the locale has, so choices can avoid repeating the last one."""

    celebrations: Mapping[Style, int]
    minimiser_replies: int


@dataclass(frozen=True)
class NeedsWords:
    """Nothing usable was said; ask what they did."""


@dataclass(frozen=True)
class Crisis:
    """The words sound like crisis or self-harm: nothing was logged."""


@dataclass(frozen=True)
class Logged:
    """The win is stored (or was already stored by a redelivery of the same request)."""

    win: Win
    plan: CelebrationPlan
    shortened: bool
    duplicate: bool


@dataclass(frozen=True)
class Heard:
    """A past win to read back."""

    win: Win
    day: RelativeDay
    style: Style


@dataclass(frozen=True)
class NoWins:
    """There is nothing to read back yet."""


@dataclass(frozen=True)
class Unspeakable:
    """The chosen win cannot be read back as a win (it sounds like crisis) or went missing."""

    total: int


LogOutcome = NeedsWords | Crisis | Logged
HearOutcome = Heard | NoWins | Unspeakable


def _cap(text: str) -> tuple[str, bool]:
    if len(text) <= MAX_WIN_CHARS:
        return text, False
    cut = text[:MAX_WIN_CHARS].rsplit(" ", 1)[0]
    return cut or text[:MAX_WIN_CHARS], True


class WinsService:
    """The skill's behaviour over a store, a clock and a random source."""

    def __init__(self, store: DynamoWinStore, clock: Callable[[], datetime], rng: Random) -> None:
        self._store = store
        self._clock = clock
        self._rng = rng

    def profile(self, person: str) -> Profile:
        """The person's settings and counts."""
        return self._store.load_profile(person)

    def log_win(
        self,
        person: str,
        words: str | None,
        request_id: str,
        wording: Wording,
        *,
        played_down: bool = False,
    ) -> LogOutcome:
        """Screen, store and plan the celebration of a win, in at most two storage calls.

        ``played_down`` says the person minimised it ("at least I showered") in words the
        carrier phrase took, so the reply still says it counts.
        """
        text, shortened = _cap(normalise(words or ""))
        if sounds_like_crisis(text):
            return Crisis()
        win = win_from_words(text)
        if not win.said:
            return NeedsWords()
        if played_down:
            win = replace(win, minimised=True)
        for _ in range(MAX_WRITE_ATTEMPTS):
            now = self._clock()
            seen = self._store.load_profile(person)
            plan = self._plan(seen, win, now, wording)
            updated = replace(
                seen,
                win_count=plan.total,
                today=now.date(),
                today_count=plan.today,
                last_phrase=plan.variant,
            )
            try:
                self._store.append_win(
                    person, seen=seen, updated=updated, text=text, request_id=request_id, now=now
                )
            except ConcurrentUpdate:
                continue
            except DuplicateRequest:
                # Alexa redelivered a request we already stored: celebrate, store nothing more.
                quiet = replace(plan, note=CountNote.NONE)
                return Logged(win, quiet, shortened, duplicate=True)
            return Logged(win, plan, shortened, duplicate=False)
        raise StorageUnavailable("the person's data kept changing while logging")

    def _plan(self, seen: Profile, win: Win, now: datetime, wording: Wording) -> CelebrationPlan:
        total = seen.win_count + 1
        today = seen.wins_on(now.date()) + 1
        return CelebrationPlan(
            style=seen.style,
            variant=pick_variant(wording.celebrations[seen.style], seen.last_phrase, self._rng),
            note=count_note(total, today),
            total=total,
            today=today,
            minimised=win.minimised,
            minimiser_variant=self._rng.randrange(wording.minimiser_replies),
        )

    def hear_win(self, person: str) -> HearOutcome:
        """One of the person's own wins, uniformly at random, not the one heard last time."""
        profile, last_heard = self._store.hear_state(person)
        if profile is None or profile.win_count == 0:
            return NoWins()
        now = self._clock()
        last_number = last_heard.number if last_heard else None
        number = pick_win_number(profile.win_count, last_number, self._rng)
        stored = self._store.mark_heard(person, number, now, after=last_heard)
        if stored is None or sounds_like_crisis(stored.text):
            return Unspeakable(profile.win_count)
        day = relative_day(stored.created_at.date(), now.date())
        return Heard(win_from_words(stored.text), day, profile.style)

    def set_style(self, person: str, style: Style) -> None:
        """Remember the celebration style."""
        self._store.set_style(person, style)
