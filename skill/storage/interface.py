"""What the skill needs from storage, whatever keeps the wins (DynamoDB or SQLite).

The services depend on ``WinStore`` only. Every implementation passes the same contract suite
(``tests/storage/``), so a behaviour the skill relies on holds on Lambda and at home alike.
``PortableStore`` is what ``wins export`` and ``wins import`` need on top: reading everyone's
data out and writing people's data in, in steps (``staging.py``). The skill itself never uses it.
"""

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

from skill.domain.choice import Style
from skill.domain.list_read import ListRead
from skill.domain.logged_days import LoggedDays
from skill.domain.phrasing import WinKind
from skill.storage.records import (
    Finishes,
    LastHeard,
    Offer,
    Person,
    Profile,
    StoredWin,
    Window,
)

if TYPE_CHECKING:  # only export and import write steps; the Lambda never loads them
    from skill.storage.staging import ImportStep


class WinStore(Protocol):
    """All reads and writes of a person's wins, counters and settings."""

    def load_profile(self, person: Person) -> Profile:
        """The person's profile (defaults when they are new)."""
        ...

    def append_win(
        self,
        person: Person,
        *,
        seen: Profile,
        updated: Profile,
        text: str,
        request_id: str,
        now: datetime,
        kind: WinKind = WinKind.SAID,
        finishes: Finishes = Finishes.NOTHING,
        screened: str | None = None,
        filed: datetime | None = None,
        told_at: datetime | None = None,
    ) -> None:
        """Store win number ``updated.win_count`` and the counters, all or nothing.

        ``screened`` is the screen's verdict on the text (``screen_stamp.py``), kept with it.
        ``filed``, when given, is when the win was done, earlier than ``now`` ("yesterday i
        ..."; a win brought back): it is stamped then; ``now`` still times the request marker.
        ``told_at``, when given, is kept with it: the win was filed on a day its words named,
        and told then (``StoredWin.told_at``).
        Raises ``ConcurrentUpdate`` if the profile is no longer ``seen``, and
        ``DuplicateRequest`` if ``request_id`` was stored already (that check wins).
        """
        ...

    def append_wins(
        self,
        person: Person,
        *,
        seen: Profile,
        updated: Profile,
        texts: Sequence[str],
        request_id: str,
        now: datetime,
        screened: Sequence[str | None] = (),
        filed: datetime | None = None,
        told_at: datetime | None = None,
        filed_each: Sequence[datetime | None] = (),
    ) -> None:
        """Store several wins said at once, numbered up to ``updated.win_count`` in the order
        given, with the counters and the request marker, all or nothing, in one write.
        ``screened`` holds each text's verdict, in the same order, where known.
        ``filed_each``, when given, is when each was done, in the same order (None: as told,
        ``now``): deeds said with days of their own ("on monday i ... and yesterday i ...");
        ``told_at`` is then kept with those filed on a day only.

        At most ``MAX_WINS_AT_ONCE`` texts. Raises as ``append_win`` does.
        """
        ...

    def hear_state(self, person: Person) -> tuple[Profile | None, LastHeard | None]:
        """The profile (None when the person is new) and the win heard last, if any, with
        that win as stored and the week it carries (``mark_heard``'s ``spent``)."""
        ...

    def mark_heard(
        self,
        person: Person,
        number: int,
        now: datetime,
        after: LastHeard | None = None,
        *,
        spent: date | None = None,
    ) -> StoredWin | None:
        """Stamp win ``number`` as heard (after ``after``) and return it; None if missing.
        ``spent``, when given, is carried with it: ``hear_state`` gives it back as the last
        heard's ``spent`` until another win is heard."""
        ...

    def set_style(self, person: Person, style: Style) -> None: ...

    def set_brief(self, person: Person, brief: bool) -> None:
        """Remember whether replies leave out their follow-up questions."""
        ...

    # The weekly recap and the offers made unprompted (one block: recap, "on this day").
    def set_recap(self, person: Person, *, day: int | None = None, off: bool | None = None) -> None:
        """Set the recap's day (0 Monday .. 6 Sunday) and whether it is off; None keeps it."""
        ...

    def note_offer(self, person: Person, offer: Offer, week: date) -> None:
        """Remember that ``offer`` was made in the week starting ``week``."""
        ...

    def note_week(
        self,
        person: Person,
        counted: LoggedDays,
        *,
        recap_offered: date | None = None,
        morning_asked: date | None = None,
    ) -> bool:
        """Keep ``counted`` as the profile's count of wins by day (and, when given, note the
        recap offered in the week starting ``recap_offered``, and the morning question asked
        on the day ``morning_asked``), in one write, if the profile still counts
        ``counted.wins`` wins; False, and nothing kept, if it does not."""
        ...

    def note_voices(self, voice: Person) -> None:
        """A recognised voice was heard: mark its account's own profile and the voice's, in one
        write, so the account's unrecognised voice is offered nothing unprompted."""
        ...

    def set_goal(self, person: Person, goal: str, now: datetime) -> int:
        """Open a one-minute goal (replacing any open one); returns its number."""
        ...

    def set_one_thing(
        self, person: Person, thing: str, day: date, zone_name: str | None, now: datetime
    ) -> None: ...

    def set_reminder(self, person: Person, token: str, at: str) -> None: ...

    def clear_goal(self, person: Person) -> None:
        """Drop the open one-minute goal, if any (its words too)."""
        ...

    def clear_reminder(self, person: Person) -> None: ...

    def last_win(self, person: Person) -> StoredWin | None: ...

    def win(self, person: Person, number: int) -> StoredWin | None:
        """Win ``number`` as stored, without marking it heard; None if there is none."""
        ...

    def count_since(self, person: Person, since: datetime) -> int:
        """How many of the person's wins were logged at or after ``since`` (aware)."""
        ...

    def first_logged(self, person: Person) -> tuple[Profile, datetime | None]:
        """The profile, and when the earliest win still kept was logged (None without wins).
        Reads a handful of items whatever the number of wins."""
        ...

    def wins_within(
        self,
        person: Person,
        window: Callable[[Profile], Window | None],
        limit: int,
        *,
        read: ListRead | None = None,
    ) -> tuple[Profile, list[StoredWin]]:
        """The profile, and at most ``limit`` of the wins logged within ``window(profile)``,
        newest first (none when it gives None).

        The window is worked out from the profile (its time zone), so a recall reads the
        profile and the wins it asks for together: on DynamoDB, one GetItem and one Query.
        ``read``, when given, is kept as the profile's list read last (``last_read``) by
        the same call that reads the profile (on DynamoDB an UpdateItem in the GetItem's
        place), for a profile there is; the profile returned is as it was before.
        """
        ...

    # --- issue 21, storage (keys): the most recent wins, for deleting or correcting by words
    def recent_wins(self, person: Person, limit: int) -> tuple[Profile, list[StoredWin]]:
        """The profile, and at most ``limit`` of the person's most recently logged wins,
        newest first (by when they were logged, whatever their numbers).

        On DynamoDB one GetItem and one Query, reading those wins only, at any number of wins.
        """
        ...

    # --- end of issue 21, storage (keys)

    def delete_last_win(
        self,
        person: Person,
        number: int,
        *,
        today_count: int,
        logged_days: LoggedDays | None = None,
        gone_at: datetime | None = None,
    ) -> None:
        """Delete win ``number`` if it is still the last; else ``ConcurrentUpdate``.
        ``logged_days``, when given, is the profile's count of wins by day without it;
        ``gone_at``, when given, keeps the win on the profile as ``last_gone``, deleted then
        (for "undo"), in the same write. Logging a win removes ``last_gone``."""
        ...

    def delete_win(
        self,
        person: Person,
        number: int,
        *,
        seen: Profile,
        today_count: int,
        logged_days: LoggedDays | None = None,
        gone_at: datetime | None = None,
    ) -> None:
        """Delete win ``number``, whichever it is, all or nothing; the wins stay numbered 1..n.
        ``gone_at`` as for ``delete_last_win``.

        Unless it is the last, the last win (its words, kind, time and heard stamp) takes its
        number, so a number picked from 1..win_count always finds a win. The profile counts
        one win fewer, ``today_count`` for today and, when given, ``logged_days`` by day.
        Raises ``ConcurrentUpdate`` when the profile's win count is no longer
        ``seen.win_count`` or the win is gone.
        """
        ...

    # Deleting or correcting any win ("delete the second one", "change that to ...").
    def wins_numbered(self, person: Person, numbers: Sequence[int]) -> list[StoredWin]:
        """Those of wins ``numbers`` (at most ``MAX_NUMBERED``) that exist, in the order asked:
        a list read out, read again to match words against it."""
        ...

    def forget_win(
        self,
        person: Person,
        number: int,
        *,
        count: int,
        created_at: datetime,
        today_count: Callable[[Profile], int],
        logged_days: Callable[[Profile], LoggedDays | None] | None = None,
        gone_at: datetime | None = None,
    ) -> None:
        """Delete win ``number`` as ``delete_win`` does, if it is still the one logged at
        ``created_at`` and the profile still counts ``count`` wins; today's count becomes
        ``today_count(profile)`` and the count by day ``logged_days(profile)`` (when given),
        worked out from the profile as read. ``ConcurrentUpdate`` otherwise. On DynamoDB,
        two calls."""
        ...

    def replace_words(
        self, person: Person, number: int, *, created_at: datetime, text: str
    ) -> None:
        """Overwrite the words of win ``number`` if it is still the one logged at
        ``created_at`` (else ``ConcurrentUpdate``); nothing of the old words is kept."""
        ...

    def delete_person(self, person: Person) -> int:
        """Delete everything of one person; returns how many records went."""
        ...

    def delete_account(self, account: str) -> int:
        """Delete everything of every person of an Alexa account (its own and its voices')."""
        ...

    def remember_request(
        self, request_id: str, digest: bytes, expires: datetime, now: datetime
    ) -> bytes | None:
        """Remember a verified web request until ``expires``; None if it is new.

        Otherwise the ``digest`` remembered for ``request_id``: the request was received
        before, by this server before a restart or by another on the same store. A memory
        whose ``expires`` has passed by ``now`` is new again. Only the ID, the digest of the
        body and the expiry are kept, never an answer (it can hold a person's words), and
        nothing of it is anyone's data: deleting a person leaves it, so a recorded "yes" to
        "delete all my wins" stays remembered after the deletion it asked for.
        """
        ...


class PortableStore(WinStore, Protocol):
    """A store whose data can be read out whole and written back: export and import."""

    def people(self) -> Iterator[Person]:
        """Everyone with a profile, in a stable order."""
        ...

    def wins_of(self, person: Person) -> Iterator[StoredWin]:
        """One person's wins, oldest (number 1) first."""
        ...

    def restore(self, person: Person, profile: Profile, wins: Sequence[StoredWin]) -> None:
        """Replace everything of ``person`` with ``profile`` and ``wins`` (numbered 1..n).

        ``profile.win_count`` must be ``len(wins)``. Used to seed tests and benchmarks.
        """
        ...

    def holding(self, people: Sequence[Person]) -> set[Person]:
        """Those of ``people`` who have any data here (a profile or a win)."""
        ...

    def write_import(self, step: "ImportStep") -> None:
        """Apply one step of an import, all of it or none where the store can (SQLite: one
        transaction). Raises ``StorageError`` when a write meets data that is already there."""
        ...

    def records_of(self, person: Person) -> Iterator[dict[str, Any]]:
        """Everything kept for ``person``, exactly as kept, as plain JSON values (the profile
        last): a backup for ``put_records``."""
        ...

    def put_records(self, person: Person, records: Iterable[Mapping[str, Any]]) -> None:
        """Write back what ``records_of`` gave, for a person who has no data now."""
        ...
