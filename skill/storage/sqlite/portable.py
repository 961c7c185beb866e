"""Export and import over the SQLite store (``PortableStore``): not used by the skill itself.

Reading everyone out a page at a time, writing an import's steps (each one transaction, with
the write lock left free between them), a person's rows as kept (an import's backup) and back,
and the old embedded file's one-time import (``legacy.py``).
"""

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Final

from skill.storage.errors import ConcurrentUpdate
from skill.storage.records import Person, Profile, StoredWin, profile_fields, stamp
from skill.storage.sqlite.database import Database, delete_people
from skill.storage.sqlite.rows import WIN_COLUMNS, sealed, stored_win
from skill.storage.staging import ImportStep

_PAGE: Final = 1000  # wins read per query when exporting
# Between two steps of an import, the write lock is left free this long. SQLite's busy handler
# sleeps at most 100 ms between tries (``sqliteDefaultBusyCallback`` in SQLite's main.c: 1, 2,
# 5, ... 50, 100 ms), so every writer that waits, ``wins serve`` answering someone, gets its
# turn between two steps.
IMPORT_STEP_GAP_SECONDS: Final = 0.12
_KEYS_PER_QUERY: Final = 400  # well within SQLite's 32,766 variables per statement
_RECORD_TABLES: Final = frozenset({"requests", "wins", "profiles"})
_RECORDS_PER_STEP: Final = 10_000


class PortableSqlite:
    """The export and import half of ``SqliteWinStore``."""

    _database: Database
    _read: Callable[[], contextlib.AbstractContextManager[sqlite3.Connection]]
    _write: Callable[[str], contextlib.AbstractContextManager[sqlite3.Connection]]
    _last_step_at: float = float("-inf")

    def people(self) -> Iterator[Person]:
        with self._read() as db:
            rows = db.execute("SELECT person, account FROM profiles ORDER BY person").fetchall()
        return iter([Person(str(key), str(account)) for key, account in rows])

    def wins_of(self, person: Person) -> Iterator[StoredWin]:
        after = 0
        while True:
            with self._read() as db:
                rows = db.execute(
                    f"SELECT {WIN_COLUMNS} FROM wins WHERE person = ? "
                    "AND number > ? ORDER BY number LIMIT ?",
                    (person.key, after, _PAGE),
                ).fetchall()
            yield from (stored_win(row) for row in rows)
            if len(rows) < _PAGE:
                return
            after = int(rows[-1][0])

    def restore(self, person: Person, profile: Profile, wins: Sequence[StoredWin]) -> None:
        if profile.win_count != len(wins) or any(
            win.number != index for index, win in enumerate(wins, 1)
        ):
            raise ValueError("wins must be numbered 1..n and counted by the profile")
        with self._write("could not import the data") as db:
            delete_people(db, [person.key])
            step = ImportStep(wins=[(person, win) for win in wins], profiles=[(person, profile)])
            _insert(db, step)

    def holding(self, people: Sequence[Person]) -> set[Person]:
        found: set[Person] = set()
        with self._read() as db:
            for start in range(0, len(people), _KEYS_PER_QUERY):
                chosen = {p.key: p for p in people[start : start + _KEYS_PER_QUERY]}
                marks = ", ".join("?" * len(chosen))
                rows = db.execute(
                    f"SELECT person FROM profiles WHERE person IN ({marks}) "
                    f"UNION SELECT DISTINCT person FROM wins WHERE person IN ({marks})",
                    (*chosen, *chosen),
                )
                found.update(chosen[str(row[0])] for row in rows)
        return found

    def write_import(self, step: ImportStep) -> None:
        """One transaction; then the write lock is left free a moment for waiting writers."""
        with self._import_step() as db:
            delete_people(db, [person.key for person in step.cleared])
            _insert(db, step)
        if step.cleared:  # their words go from the WAL too, as after any deletion
            self._database.checkpoint()

    @contextlib.contextmanager
    def _import_step(self) -> Iterator[sqlite3.Connection]:
        wait = self._last_step_at + IMPORT_STEP_GAP_SECONDS - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            with self._write("could not import the data") as db:
                yield db
        finally:
            self._last_step_at = time.monotonic()

    def records_of(self, person: Person) -> Iterator[dict[str, Any]]:
        """Rows of ``requests`` and ``wins`` (a page at a time), then the profile's, whole."""
        with self._read() as db:
            rows = db.execute("SELECT * FROM requests WHERE person = ?", (person.key,))
            names = [column[0] for column in rows.description]
            requests = [dict(zip(names, row, strict=True)) for row in rows]
        yield from ({"table": "requests", "row": row} for row in requests)
        after = 0
        while True:
            with self._read() as db:
                rows = db.execute(
                    "SELECT * FROM wins WHERE person = ? AND number > ? ORDER BY number LIMIT ?",
                    (person.key, after, _PAGE),
                )
                names = [column[0] for column in rows.description]
                page = [dict(zip(names, row, strict=True)) for row in rows]
            yield from ({"table": "wins", "row": row} for row in page)
            if len(page) < _PAGE:
                break
            after = int(page[-1]["number"])
        with self._read() as db:
            rows = db.execute("SELECT * FROM profiles WHERE person = ?", (person.key,))
            names = [column[0] for column in rows.description]
            profile = [dict(zip(names, row, strict=True)) for row in rows]
        yield from ({"table": "profiles", "row": row} for row in profile)

    def put_records(self, person: Person, records: Iterable[Mapping[str, Any]]) -> None:
        """In steps, as an import writes; only the person's own rows, into known columns."""
        batch: list[tuple[str, dict[str, Any]]] = []
        for record in records:
            table, row = str(record["table"]), dict(record["row"])
            if table not in _RECORD_TABLES or row.get("person") != person.key:
                raise ValueError(f"not a record of {person.key}'s: {table}")
            batch.append((table, row))
            if len(batch) >= _RECORDS_PER_STEP:
                self._put_rows(batch)
                batch = []
        self._put_rows(batch)

    def _put_rows(self, batch: list[tuple[str, dict[str, Any]]]) -> None:
        if not batch:
            return
        with self._import_step() as db:
            for table, row in batch:
                known = {str(column[1]) for column in db.execute(f"PRAGMA table_info({table})")}
                if set(row) - known:
                    raise ValueError(f"unknown columns for {table}: {sorted(set(row) - known)}")
                names, marks = ", ".join(row), ", ".join("?" * len(row))
                db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(row.values()))


def _insert(db: sqlite3.Connection, step: ImportStep) -> None:
    """Add the step's wins, then its profiles; a win or profile already there is an error."""
    try:
        db.executemany(
            "INSERT INTO wins (person, number, text, kind, created_at, screened, told_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    person.key,
                    win.number,
                    sealed(win.text),
                    win.kind.value,
                    stamp(win.created_at),
                    win.screened,
                    stamp(win.told_at) if win.told_at is not None else None,
                )
                for person, win in step.wins
            ),
        )
        for person, profile in step.profiles:
            values = profile_fields(profile)
            names = ", ".join(["person", "account", *values])
            marks = ", ".join("?" * (len(values) + 2))
            db.execute(
                f"INSERT INTO profiles ({names}) VALUES ({marks})",
                (person.key, person.account, *values.values()),
            )
    except sqlite3.IntegrityError as exc:
        raise ConcurrentUpdate(
            "someone's data changed while it was being imported (were they talking to the skill?)"
        ) from exc
