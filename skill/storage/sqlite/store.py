"""Wins in SQLite: the embedded store of ``wins chat`` and ``wins serve``.

It keeps the DynamoDB store's promises (see ``interface.py``) with one file in the data
folder: every multi-row change is one transaction, logging and hearing touch a handful of
rows through primary keys and indexes (the same cost at 100,000 wins as at 10), and nothing
is kept that the person did not ask to be kept. The file's shape is in ``schema.py``.

Transactions and the connection they run on are ``database.Database``'s job.
"""

import math
import sqlite3
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

from skill.domain.choice import Style
from skill.domain.gone import GoneWin
from skill.domain.list_read import ListRead
from skill.domain.logged_days import LoggedDays
from skill.domain.phrasing import WinKind
from skill.storage.errors import ConcurrentUpdate, DuplicateRequest
from skill.storage.records import (
    MAX_NUMBERED,
    MAX_WINS_AT_ONCE,
    Finishes,
    LastHeard,
    Offer,
    Person,
    Profile,
    StoredWin,
    Window,
    filed_moments,
    logged_order,
    newest_logged,
    stamp,
    told_each,
)
from skill.storage.sqlite.database import Database, delete_people, update_profile
from skill.storage.sqlite.portable import PortableSqlite
from skill.storage.sqlite.rows import (
    PROFILE_COLUMNS,
    WIN_COLUMNS,
    profile_row,
    sealed,
    stored_win,
)

# As on DynamoDB: a redelivered Alexa request arrives within seconds; two days is generous.
REQUEST_MARKER_SECONDS: Final = 2 * 24 * 3600


class SqliteWinStore(PortableSqlite):
    """All reads and writes of a person's wins, counters and settings, in one SQLite file.

    Export and import (``PortableStore``) are ``PortableSqlite``'s, in ``portable.py``.
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._database = Database(data_dir)
        self._read = self._database.read
        self._write = self._database.write

    @property
    def database(self) -> Database:
        """The file itself, for what concerns it rather than a person (``legacy.py``)."""
        return self._database

    def close(self) -> None:
        self._database.close()

    def load_profile(self, person: Person) -> Profile:
        with self._read() as db:
            return self._profile(db, person) or Profile()

    @staticmethod
    def _profile(db: sqlite3.Connection, person: Person) -> Profile | None:
        row = db.execute(
            f"SELECT {PROFILE_COLUMNS} FROM profiles WHERE person = ?", (person.key,)
        ).fetchone()
        return None if row is None else profile_row(row)

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
        self._append(
            person,
            seen,
            updated,
            (text,),
            request_id,
            now,
            kind,
            finishes,
            (screened,),
            filed,
            told_at,
        )

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
        self._append(
            person,
            seen,
            updated,
            texts,
            request_id,
            now,
            WinKind.SAID,
            Finishes.NOTHING,
            screened,
            filed,
            told_at,
            filed_each,
        )

    def _append(
        self,
        person: Person,
        seen: Profile,
        updated: Profile,
        texts: Sequence[str],
        request_id: str,
        now: datetime,
        kind: WinKind,
        finishes: Finishes,
        screened: Sequence[str | None] = (),
        filed: datetime | None = None,
        told_at: datetime | None = None,
        filed_each: Sequence[datetime | None] = (),
    ) -> None:
        """Wins ``updated.win_count - len(texts) + 1`` .. ``updated.win_count``, the counters
        and the request marker, in one transaction."""
        if not texts or len(texts) > MAX_WINS_AT_ONCE:
            raise ValueError(f"one write stores 1 to {MAX_WINS_AT_ONCE} wins, not {len(texts)}")
        number = updated.win_count
        first = number - len(texts) + 1
        moment = int(now.timestamp())
        with self._write("could not store the win") as db:
            marker = db.execute(
                "SELECT 1 FROM requests WHERE person = ? AND request_id = ? AND expires_at > ?",
                (person.key, request_id, moment),
            ).fetchone()
            if marker is not None:
                raise DuplicateRequest("this request was already stored")
            row = db.execute(
                "SELECT win_count FROM profiles WHERE person = ?", (person.key,)
            ).fetchone()
            if (row[0] if row else 0) != seen.win_count:
                raise ConcurrentUpdate("the profile changed while logging")
            # Each win stamped after the last within a minute: read in the order logged.
            moments = filed_moments(now, seen.last_logged, len(texts), filed, filed_each)
            told = told_each(told_at, len(texts), filed_each)
            self._ensure_profile(db, person, moments[0])
            changes: dict[str, Any] = {
                "win_count": number,
                "today": (updated.today or now.date()).isoformat(),
                "today_count": updated.today_count,
                "last_phrase": updated.last_phrase or 0,
                "last_logged": stamp(newest_logged(seen.last_logged, max(moments))),
                "last_gone": None,  # "undo" now means the win logged
            }
            if updated.zone and updated.zone_checked_at:
                changes |= {"zone": updated.zone, "zone_checked_at": stamp(updated.zone_checked_at)}
            if updated.logged_days is not None:
                changes["logged_days"] = updated.logged_days.plain()
            if finishes is Finishes.ONE_THING:
                changes["one_thing_done"] = 1
            if finishes is Finishes.GOAL:
                changes |= {"goal": None, "goal_set_at": None}
            update_profile(db, person, changes)
            try:
                db.executemany(
                    "INSERT INTO wins (person, number, text, kind, created_at, request_id, "
                    "screened, told_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            person.key,
                            at,
                            sealed(text),
                            kind.value,
                            stamp(moments[at - first]),
                            request_id,
                            screened[at - first] if at - first < len(screened) else None,
                            _stamped(told[at - first]),
                        )
                        for at, text in enumerate(texts, start=first)
                    ],
                )
            except sqlite3.IntegrityError as exc:
                raise ConcurrentUpdate("win number taken while logging") from exc
            db.execute("DELETE FROM requests WHERE expires_at <= ?", (moment,))
            db.execute(
                "INSERT OR REPLACE INTO requests (person, request_id, number, expires_at) "
                "VALUES (?, ?, ?, ?)",
                (person.key, request_id, number, moment + REQUEST_MARKER_SECONDS),
            )

    @staticmethod
    def _ensure_profile(db: sqlite3.Connection, person: Person, now: datetime | None) -> None:
        """The person's profile row exists; ``created_at`` records the first win, as on DynamoDB."""
        db.execute(
            "INSERT OR IGNORE INTO profiles (person, account) VALUES (?, ?)",
            (person.key, person.account),
        )
        if now is not None:
            db.execute(
                "UPDATE profiles SET created_at = ? WHERE person = ? AND created_at IS NULL",
                (stamp(now), person.key),
            )

    def hear_state(self, person: Person) -> tuple[Profile | None, LastHeard | None]:
        with self._read() as db:
            profile = self._profile(db, person)
            row = db.execute(
                "SELECT heard_number, heard_at FROM profiles WHERE person = ? "
                "AND heard_number IS NOT NULL",
                (person.key,),
            ).fetchone()
            if row is None:
                return profile, None
            win = db.execute(
                f"SELECT {WIN_COLUMNS} FROM wins WHERE person = ? AND number = ?",
                (person.key, int(row[0])),
            ).fetchone()
        # The week "on this day" was spent is kept on the profile here: one transaction.
        spent = profile.anniversary_offered if profile else None
        heard = stored_win(win) if win is not None else None
        return profile, LastHeard(int(row[0]), str(row[1]), heard, spent)

    def mark_heard(
        self,
        person: Person,
        number: int,
        now: datetime,
        after: LastHeard | None = None,
        *,
        spent: date | None = None,
    ) -> StoredWin | None:
        heard_at = stamp(now)
        if after is not None and heard_at <= after.stamp:
            heard_at = after.stamp + "1"  # as on DynamoDB: always after the last one heard
        with self._write("could not read the win") as db:
            row = db.execute(
                f"SELECT {WIN_COLUMNS} FROM wins WHERE person = ? AND number = ?",
                (person.key, number),
            ).fetchone()
            if row is not None:
                changes: dict[str, Any] = {"heard_number": number, "heard_at": heard_at}
                if spent is not None:
                    changes["anniversary_offered"] = spent.isoformat()
                update_profile(db, person, changes)
        return None if row is None else stored_win(row)

    def _set(self, person: Person, changes: dict[str, Any], what: str) -> None:
        """Set profile fields, creating the profile if the person is new."""
        with self._write(what) as db:
            self._ensure_profile(db, person, None)
            update_profile(db, person, changes)

    def set_style(self, person: Person, style: Style) -> None:
        self._set(person, {"style": style.value}, "could not save the style")

    def set_brief(self, person: Person, brief: bool) -> None:
        self._set(person, {"brief": int(brief)}, "could not save the setting")

    # The weekly recap and the offers made unprompted (one block: recap, "on this day").
    def set_recap(self, person: Person, *, day: int | None = None, off: bool | None = None) -> None:
        changes: dict[str, Any] = {}
        if day is not None:
            changes["recap_day"] = day % 7
        if off is not None:
            changes["recap_off"] = int(off)
        if changes:
            self._set(person, changes, "could not save the setting")

    def note_offer(self, person: Person, offer: Offer, week: date) -> None:
        self._set(person, {offer.value: week.isoformat()}, "could not update the profile")

    def note_week(
        self,
        person: Person,
        counted: LoggedDays,
        *,
        recap_offered: date | None = None,
        morning_asked: date | None = None,
    ) -> bool:
        changes: dict[str, Any] = {"logged_days": counted.plain()}
        if recap_offered is not None:
            changes[Offer.RECAP.value] = recap_offered.isoformat()
        if morning_asked is not None:
            changes[Offer.MORNING.value] = morning_asked.isoformat()
        with self._write("could not update the profile") as db:
            profile = self._profile(db, person)
            if profile is None or profile.win_count != counted.wins:
                return False
            update_profile(db, person, changes)
        return True

    def note_voices(self, voice: Person) -> None:
        with self._write("could not update the profile") as db:
            for person in (Person.of_account(voice.account), voice):
                self._ensure_profile(db, person, None)
                update_profile(db, person, {"has_voices": 1})

    def set_goal(self, person: Person, goal: str, now: datetime) -> int:
        with self._write("could not save the goal") as db:
            self._ensure_profile(db, person, None)
            db.execute(
                "UPDATE profiles SET goal = ?, goal_set_at = ?, goal_number = goal_number + 1 "
                "WHERE person = ?",
                (goal, stamp(now), person.key),
            )
            row = db.execute(
                "SELECT goal_number FROM profiles WHERE person = ?", (person.key,)
            ).fetchone()
        return int(row[0])

    def set_one_thing(
        self, person: Person, thing: str, day: date, zone_name: str | None, now: datetime
    ) -> None:
        changes: dict[str, Any] = {
            "one_thing": thing,
            "one_thing_day": day.isoformat(),
            "one_thing_done": 0,
        }
        if zone_name:
            changes |= {"zone": zone_name, "zone_checked_at": stamp(now)}
        self._set(person, changes, "could not update the profile")

    def set_reminder(self, person: Person, token: str, at: str) -> None:
        changes = {"reminder_token": token, "reminder_time": at}
        self._set(person, changes, "could not update the profile")

    def clear_goal(self, person: Person) -> None:
        with self._write("could not drop the goal") as db:
            update_profile(db, person, {"goal": None, "goal_set_at": None})

    def clear_reminder(self, person: Person) -> None:
        with self._write("could not forget the reminder") as db:
            update_profile(db, person, {"reminder_token": None, "reminder_time": None})

    def last_win(self, person: Person) -> StoredWin | None:
        """The win numbered as the profile counts: wins an import is still writing are not yet
        the person's (their profile comes last), so they are never found here."""
        with self._read() as db:
            row = db.execute(
                "SELECT w.number, w.text, w.created_at, w.kind, w.screened, w.told_at "
                "FROM profiles p "
                "JOIN wins w ON w.person = p.person AND w.number = p.win_count "
                "WHERE p.person = ?",
                (person.key,),
            ).fetchone()
        return None if row is None else stored_win(row)

    def win(self, person: Person, number: int) -> StoredWin | None:
        with self._read() as db:
            row = db.execute(
                f"SELECT {WIN_COLUMNS} FROM wins WHERE person = ? AND number = ?",
                (person.key, number),
            ).fetchone()
        return None if row is None else stored_win(row)

    def count_since(self, person: Person, since: datetime) -> int:
        """One count over the ``wins_by_time`` index: only the counted wins' entries are read
        (each entry holds the win's number, so the wins the profile counts are told apart
        from those an import is still writing)."""
        with self._read() as db:
            row = db.execute(
                "SELECT count(*) FROM wins WHERE person = ? AND created_at >= ? "
                "AND number <= (SELECT win_count FROM profiles WHERE person = ?)",
                (person.key, stamp(since), person.key),
            ).fetchone()
        return int(row[0])

    def first_logged(self, person: Person) -> tuple[Profile, datetime | None]:
        """The profile, and the earliest win's time from the first entry of ``wins_by_time``."""
        with self._read() as db:
            profile = self._profile(db, person) or Profile()
            row = db.execute(
                "SELECT min(created_at) FROM wins WHERE person = ? AND number <= ?",
                (person.key, profile.win_count),
            ).fetchone()
        first = None if row is None or row[0] is None else datetime.fromisoformat(row[0])
        return profile, first

    def wins_within(
        self,
        person: Person,
        window: Callable[[Profile], Window | None],
        limit: int,
        *,
        read: ListRead | None = None,
    ) -> tuple[Profile, list[StoredWin]]:
        """The profile (keeping ``read`` as the list read last, if given), then the window's
        wins newest first through the ``wins_by_time`` index: only the entries asked for are
        read, at 100 wins or 100,000. Two short transactions, so working out the window
        (which may ask Alexa for the time zone) holds no lock."""
        if read is None:
            profile = self.load_profile(person)
        else:
            with self._write("could not note the list read") as db:
                found = self._profile(db, person)
                if found is not None:
                    kept = {"last_read": read.plain(), "last_read_wins": found.win_count}
                    update_profile(db, person, kept)
            profile = found or Profile()
        span = window(profile)
        if span is None or limit <= 0 or profile.win_count == 0:
            return profile, []
        with self._read() as db:
            rows = db.execute(
                f"SELECT {WIN_COLUMNS} FROM wins "
                "WHERE person = ? AND created_at >= ? AND created_at < ? "
                f"{_COUNTED}ORDER BY created_at DESC LIMIT ?",
                (person.key, stamp(span.start), stamp(span.end), person.key, limit + _SLACK),
            ).fetchall()
        return profile, _newest(rows, limit)

    def recent_wins(self, person: Person, limit: int) -> tuple[Profile, list[StoredWin]]:
        """The profile, then the newest ``limit`` wins through the ``wins_by_time`` index."""
        profile = self.load_profile(person)
        if limit <= 0 or profile.win_count == 0:
            return profile, []
        with self._read() as db:
            # INDEXED BY: the planner would otherwise take the primary key for
            # "number <= ..." and sort every win of the person.
            rows = db.execute(
                f"SELECT {WIN_COLUMNS} FROM wins INDEXED BY wins_by_time "
                f"WHERE person = ? {_COUNTED}ORDER BY created_at DESC LIMIT ?",
                (person.key, person.key, limit + _SLACK),
            ).fetchall()
        return profile, _newest(rows, limit)

    def delete_last_win(
        self,
        person: Person,
        number: int,
        *,
        today_count: int,
        logged_days: LoggedDays | None = None,
        gone_at: datetime | None = None,
    ) -> None:
        self._delete(
            person,
            number,
            count=number,
            today_count=today_count,
            logged_days=logged_days,
            gone_at=gone_at,
        )

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
        self._delete(
            person,
            number,
            count=seen.win_count,
            today_count=today_count,
            logged_days=logged_days,
            gone_at=gone_at,
        )

    def _delete(
        self,
        person: Person,
        number: int,
        *,
        count: int,
        today_count: int | Callable[[Profile], int],
        logged_days: LoggedDays | Callable[[Profile], LoggedDays | None] | None = None,
        created_at: datetime | None = None,
        gone_at: datetime | None = None,
    ) -> None:
        """Delete win ``number`` of ``count`` (if given, the one logged at ``created_at``);
        the last win, if another, takes its number. ``gone_at``: the win is kept on the
        profile as the one deleted last, at that moment, for "undo" (``gone.py``)."""
        with self._write("could not delete the win") as db:
            profile = self._profile(db, person)
            condition: str = ""
            values: tuple[str, ...] = ()
            if created_at is not None:
                condition, values = " AND created_at = ?", (stamp(created_at),)
            row = db.execute(
                f"SELECT {WIN_COLUMNS} FROM wins WHERE person = ? AND number = ?{condition}",
                (person.key, number, *values),
            ).fetchone()
            deleted = db.execute(
                f"DELETE FROM wins WHERE person = ? AND number = ?{condition}",
                (person.key, number, *values),
            ).rowcount
            if profile is None or profile.win_count != count or deleted != 1 or number > count:
                raise ConcurrentUpdate("the wins changed while deleting")
            if callable(today_count):
                today_count = max(today_count(profile), 0)
            if callable(logged_days):
                logged_days = logged_days(profile)
            if number != count:  # every column moves with the row: words, kind, time, request
                db.execute(
                    "UPDATE wins SET number = ? WHERE person = ? AND number = ?",
                    (number, person.key, count),
                )
            # The list read last is forgotten: a place in it may name another win now.
            counted: dict[str, Any] = {
                "win_count": count - 1,
                "today_count": today_count,
                "last_read": None,
                "last_read_wins": None,
            }
            if gone_at is not None and row is not None:
                doomed = stored_win(row)
                kept = GoneWin(doomed.text, doomed.kind, doomed.created_at, gone_at, doomed.told_at)
                counted["last_gone"] = kept.plain()
            if logged_days is not None:
                counted["logged_days"] = logged_days.plain()
            update_profile(db, person, counted)
            db.execute(  # the win heard last is gone: none was heard last now
                "UPDATE profiles SET heard_number = NULL, heard_at = NULL "
                "WHERE person = ? AND heard_number = ?",
                (person.key, number),
            )
            db.execute(  # or it moved: it was still heard last, under its new number
                "UPDATE profiles SET heard_number = ? WHERE person = ? AND heard_number = ?",
                (number, person.key, count),
            )
        self._forget_deleted()

    # Deleting or correcting any win: a list read out, the most recent, by words or place.
    def wins_numbered(self, person: Person, numbers: Sequence[int]) -> list[StoredWin]:
        asked = list(dict.fromkeys(numbers))[:MAX_NUMBERED]
        if not asked:
            return []
        marks = ", ".join("?" for _ in asked)
        with self._read() as db:
            rows = db.execute(
                f"SELECT {WIN_COLUMNS} FROM wins "  # noqa: S608 (columns and marks only)
                f"WHERE person = ? AND number IN ({marks})",
                (person.key, *asked),
            ).fetchall()
        found = {win.number: win for win in map(stored_win, rows)}
        return [found[number] for number in asked if number in found]

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
        self._delete(
            person,
            number,
            count=count,
            today_count=today_count,
            logged_days=logged_days,
            created_at=created_at,
            gone_at=gone_at,
        )

    def replace_words(
        self, person: Person, number: int, *, created_at: datetime, text: str
    ) -> None:
        with self._write("could not change the win") as db:
            changed = db.execute(
                # The stamp named the old words: it goes with them (read: screened again).
                "UPDATE wins SET text = ?, screened = NULL "
                "WHERE person = ? AND number = ? AND created_at = ?",
                (sealed(text), person.key, number, stamp(created_at)),
            ).rowcount
            if changed != 1:
                raise ConcurrentUpdate("the win changed before it was corrected")
        self._forget_deleted()  # the old words leave the WAL, as deleted words do

    def delete_person(self, person: Person) -> int:
        with self._write("could not delete the data") as db:
            deleted = delete_people(db, [person.key])
        self._forget_deleted()
        return deleted

    def delete_account(self, account: str) -> int:
        with self._write("could not delete the data") as db:
            rows = db.execute("SELECT person FROM profiles WHERE account = ?", (account,))
            keys = {Person.of_account(account).key} | {str(row[0]) for row in rows}
            deleted = delete_people(db, sorted(keys))
        self._forget_deleted()
        return deleted

    def remember_request(
        self, request_id: str, digest: bytes, expires: datetime, now: datetime
    ) -> bytes | None:
        """One write transaction: another process on the folder sees it, or takes its turn."""
        moment = int(now.timestamp())
        with self._write("could not remember the request") as db:
            row = db.execute(
                "SELECT digest FROM seen_requests WHERE request_id = ? AND expires_at >= ?",
                (request_id, moment),
            ).fetchone()
            if row is not None:
                return bytes(row[0])
            db.execute("DELETE FROM seen_requests WHERE expires_at < ?", (moment,))
            db.execute(
                "INSERT OR REPLACE INTO seen_requests (request_id, digest, expires_at) "
                "VALUES (?, ?, ?)",
                (request_id, digest, math.ceil(expires.timestamp())),
            )
        return None

    def _forget_deleted(self) -> None:
        """Copy the deletion into the database file and empty the WAL, which held the text."""
        self._database.checkpoint()


# Wins read beyond those asked for, so that a few logged within the same minute, whose
# seconds run out of the order they were logged in, are still put in that order. As many as
# DynamoDB reads beyond the limit (its ``_SLACK``), so the two stores keep one promise.
_SLACK: Final = 2
# The wins the profile counts: none an import is still writing.
_COUNTED: Final = "AND number <= (SELECT win_count FROM profiles WHERE person = ?) "


def _newest(rows: list[tuple[Any, ...]], limit: int) -> list[StoredWin]:
    """The newest ``limit`` of ``rows`` (newest first by time): within a minute, the later
    number was logged later (``logged_order``), whatever the seconds say."""
    return sorted((stored_win(row) for row in rows), key=logged_order, reverse=True)[:limit]


def _stamped(moment: datetime | None) -> str | None:
    return stamp(moment) if moment else None
