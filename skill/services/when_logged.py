""" "What time did I log the weld one", "when did I log the bracket": the time and day of
the most recent win its words describe, in the person's zone. Two calls: the profile and the
most recent wins (``RECENT``), whatever the number of wins."""

from collections.abc import Callable
from datetime import date, datetime
from typing import NamedTuple

from skill.domain.local_time import local_now
from skill.domain.matching import Candidate, best_matches
from skill.domain.phrasing import Win, win_from_words
from skill.services.forgetting import RECENT
from skill.services.wins import readable_stored
from skill.storage.interface import WinStore
from skill.storage.records import Person


class LoggedWhen(NamedTuple):
    """The win found, as it is said back, and when it was logged on the person's clock."""

    win: Win
    at: datetime  # aware, in the person's zone
    today: date  # the person's today, to name the day from
    # When it was told, for a win filed on a day its words named ("yesterday i rang the
    # bank"): ``at`` is then that day, not a time anyone saw. Aware, in the person's zone.
    told_at: datetime | None = None


class NoneLike(NamedTuple):
    """No recent win the words describe."""


class NoWinsYet(NamedTuple):
    """The person has no wins to look in."""


class WhenLogged:
    """Finds when a win was logged, by its words."""

    def __init__(self, store: WinStore, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock

    def find(self, person: Person, words: str) -> LoggedWhen | NoneLike | NoWinsYet:
        profile, recent = self._store.recent_wins(person, RECENT)
        if not recent:
            return NoWinsYet()
        # Only wins that may be read back are named (the read-time filter), newest first.
        spoken = [win for win in recent if readable_stored(win)]
        found = best_matches(words, [Candidate(win.number, win.text) for win in spoken])
        if not found:
            return NoneLike()
        chosen = next(win for win in spoken if win.number == found[0].number)
        return LoggedWhen(
            win_from_words(chosen.text, chosen.kind),
            local_now(chosen.created_at, profile.zone),
            local_now(self._clock(), profile.zone).date(),
            local_now(chosen.told_at, profile.zone) if chosen.told_at else None,
        )

    def that(self, person: Person, number: int | None) -> LoggedWhen | NoWinsYet:
        """ "What time was that stored": the win talked of last (``number``, when the
        conversation knows it), else the newest one kept. One read of the profile, one of the
        win."""
        profile = self._store.load_profile(person)
        chosen = self._store.win(person, number) if number is not None else None
        if chosen is None:
            chosen = self._store.last_win(person)
        if chosen is None:
            return NoWinsYet()
        return LoggedWhen(
            win_from_words(chosen.text, chosen.kind),
            local_now(chosen.created_at, profile.zone),
            local_now(self._clock(), profile.zone).date(),
            local_now(chosen.told_at, profile.zone) if chosen.told_at else None,
        )
