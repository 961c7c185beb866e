"""An import's staging file: the checked export in a private SQLite file (``staging.Staging``).

For an import into a data folder it sits beside the database (``import-in-progress.sqlite3``),
so an import that was stopped part way (a crash, a power cut) is found and undone by the next
``wins import`` into that folder. For a DynamoDB table it lives in a temporary folder.

The file is created new (never through a link, readable by its owner only) and locked with
``flock`` while an import uses it, so two imports never share one. Wins are kept once each:
a unique index on (person, time, words) turns a duplicate into nothing. Memory stays flat:
rows go to disk in batches, and everything is read back in pages.
"""

import contextlib
import fcntl
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from skill.storage.errors import StorageError, StoreSetupError
from skill.storage.records import (
    Person,
    Profile,
    StoredWin,
    profile_fields,
    profile_of,
    stamp,
    win_of,
)
from skill.storage.sqlite.rows import sealed, unsealed
from skill.storage.staging import Plan, Progress

STAGING_FILE: Final = "import-in-progress.sqlite3"
_BATCH: Final = 5000  # rows written to the staging file at once
_PAGE: Final = 2000  # rows read back at once
# people.touched: how far an import has gone with a person.
_ABOUT_TO_BE_WRITTEN: Final = 1
_WRITTEN: Final = 2

_SCHEMA: Final = (
    """CREATE TABLE IF NOT EXISTS people (
        person TEXT PRIMARY KEY,
        account TEXT NOT NULL,
        profile TEXT,
        plan TEXT,
        touched INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS wins (
        person TEXT NOT NULL,
        number INTEGER NOT NULL,
        line INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at TEXT NOT NULL,
        told_at TEXT
    )""",
    "CREATE UNIQUE INDEX IF NOT EXISTS wins_once ON wins (person, created_at, text)",
    "CREATE INDEX IF NOT EXISTS wins_in_order ON wins (person, number, line)",
    """CREATE TABLE IF NOT EXISTS backups (
        person TEXT NOT NULL, seq INTEGER NOT NULL, record TEXT NOT NULL,
        PRIMARY KEY (person, seq)
    ) WITHOUT ROWID""",
    "CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
)


class ImportRunning(StoreSetupError):
    """Another process's import holds the staging file: it is running now."""


class SqliteStaging:
    """A staging file, locked for this process; ``close`` removes it unless writing is undone
    only part way (then the next import into the folder finishes undoing it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = _locked(path)
        try:
            self._db = sqlite3.connect(path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=TRUNCATE")
            for statement in _SCHEMA:
                self._db.execute(statement)
            _add_told_at(self._db)
            self._durable(self.progress is not Progress.CHECKING)
        except sqlite3.Error as exc:
            os.close(self._lock)
            raise StoreSetupError(f"could not use {path} for the import: {exc}") from exc
        self._wins: list[tuple[Any, ...]] = []
        self._people: dict[str, str] = {}
        self._duplicates = 0

    @property
    def duplicates(self) -> int:
        self._flush()
        return self._duplicates

    def _durable(self, durable: bool) -> None:
        """While checking, the file is scratch; once writing starts, it is the way back."""
        self._db.execute(f"PRAGMA synchronous={'FULL' if durable else 'OFF'}")

    def close(self) -> None:
        """Close, and remove the file unless an import's writes still need undoing."""
        keep = self.progress is Progress.WRITING
        self._db.close()
        if not keep:
            for path in (self.path, self.path.with_name(self.path.name + "-journal")):
                path.unlink(missing_ok=True)
        os.close(self._lock)

    def reset(self) -> None:
        """Forget everything staged: an empty file, checking again."""
        for table in ("people", "wins", "backups", "state"):
            self._db.execute(f"DELETE FROM {table}")
        self._durable(False)
        self._wins.clear()
        self._people.clear()
        self._duplicates = 0

    # Checking: the export's rows go in.

    def add_person(self, person: Person, profile: Profile) -> None:
        self._db.execute(
            "INSERT INTO people (person, account, profile) VALUES (?, ?, ?) "
            "ON CONFLICT (person) DO UPDATE SET profile = excluded.profile",
            (person.key, person.account, json.dumps(profile_fields(profile))),
        )

    def add_win(self, person: Person, win: StoredWin, order: int) -> None:
        self._people[person.key] = person.account
        self._wins.append(
            (
                person.key,
                win.number,
                order,
                sealed(win.text),
                win.kind.value,
                stamp(win.created_at),
                stamp(win.told_at) if win.told_at is not None else None,
            )
        )
        if len(self._wins) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        if not self._wins:
            return
        with self._transaction():
            self._db.executemany(
                "INSERT OR IGNORE INTO people (person, account) VALUES (?, ?)",
                self._people.items(),
            )
            before = self._db.total_changes
            self._db.executemany(
                "INSERT OR IGNORE INTO wins "
                "(person, number, line, text, kind, created_at, told_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                self._wins,
            )
            self._duplicates += len(self._wins) - (self._db.total_changes - before)
        self._wins.clear()
        self._people.clear()

    # Reading back.

    def people(self, plan: Plan | None = None) -> Iterator[tuple[Person, Profile]]:
        self._flush()
        after = ""
        chosen = "" if plan is None else "AND plan = ?"
        while True:
            rows = self._db.execute(
                "SELECT person, account, profile, "
                "(SELECT count(*) FROM wins w WHERE w.person = p.person) "
                f"FROM people p WHERE person > ? {chosen} ORDER BY person LIMIT ?",
                (after, *([] if plan is None else [plan.value]), _PAGE),
            ).fetchall()
            for key, account, profile, count in rows:
                fields = json.loads(profile) if profile else {}
                yield Person(key, account), profile_of(fields)._replace(win_count=int(count))
            if len(rows) < _PAGE:
                return
            after = rows[-1][0]

    def wins_of(self, person: Person) -> Iterator[StoredWin]:
        self._flush()
        after: tuple[int, int] = (-1, -1)
        numbered = 0
        while True:
            rows = self._db.execute(
                "SELECT number, line, text, kind, created_at, told_at FROM wins "
                "WHERE person = ? AND (number, line) > (?, ?) ORDER BY number, line LIMIT ?",
                (person.key, *after, _PAGE),
            ).fetchall()
            for _number, _line, text, kind, created_at, told_at in rows:
                numbered += 1
                yield win_of(numbered, unsealed(text), created_at, kind, told_at=told_at)
            if len(rows) < _PAGE:
                return
            after = (int(rows[-1][0]), int(rows[-1][1]))

    # Writing: plans, backups, and who has been written.

    def plan(self, plans: Iterable[tuple[Person, Plan]]) -> None:
        with self._transaction():
            self._db.executemany(
                "UPDATE people SET plan = ? WHERE person = ?",
                ((plan.value, person.key) for person, plan in plans),
            )

    def back_up(self, person: Person, records: Iterable[Mapping[str, Any]]) -> None:
        with self._transaction():
            self._db.execute("DELETE FROM backups WHERE person = ?", (person.key,))
            self._db.executemany(
                "INSERT INTO backups (person, seq, record) VALUES (?, ?, ?)",
                ((person.key, seq, json.dumps(record)) for seq, record in enumerate(records)),
            )
            self._db.execute(  # a person with no records at all still has a backup: nothing
                "INSERT OR IGNORE INTO backups (person, seq, record) VALUES (?, -1, 'null')",
                (person.key,),
            )

    def backup(self, person: Person) -> Iterator[dict[str, Any]] | None:
        row = self._db.execute("SELECT 1 FROM backups WHERE person = ?", (person.key,)).fetchone()
        return None if row is None else self._records(person)

    def _records(self, person: Person) -> Iterator[dict[str, Any]]:
        after = -1
        while True:
            rows = self._db.execute(
                "SELECT seq, record FROM backups WHERE person = ? AND seq > ? ORDER BY seq LIMIT ?",
                (person.key, after, _PAGE),
            ).fetchall()
            yield from (json.loads(record) for _seq, record in rows)
            if len(rows) < _PAGE:
                return
            after = int(rows[-1][0])

    def touch(self, people: Sequence[Person], *, written: bool) -> None:
        with self._transaction():
            self._db.executemany(
                "UPDATE people SET touched = max(touched, ?) WHERE person = ?",
                ((_WRITTEN if written else _ABOUT_TO_BE_WRITTEN, p.key) for p in people),
            )

    def touched(self, *, written_only: bool) -> Iterator[Person]:
        at_least = _WRITTEN if written_only else _ABOUT_TO_BE_WRITTEN
        after = ""
        while True:
            rows = self._db.execute(
                "SELECT person, account FROM people WHERE touched >= ? AND person > ? "
                "ORDER BY person LIMIT ?",
                (at_least, after, _PAGE),
            ).fetchall()
            yield from (Person(key, account) for key, account in rows)
            if len(rows) < _PAGE:
                return
            after = rows[-1][0]

    @property
    def progress(self) -> Progress:
        row = self._db.execute("SELECT value FROM state WHERE key = 'progress'").fetchone()
        return Progress.CHECKING if row is None else Progress(row[0])

    def advance(self, progress: Progress) -> None:
        self._flush()
        self._durable(True)
        with self._transaction():
            self._db.execute(
                "INSERT OR REPLACE INTO state (key, value) VALUES ('progress', ?)",
                (progress.value,),
            )

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StorageError(f"could not write the import's staging file: {exc}") from exc


def _add_told_at(db: sqlite3.Connection) -> None:
    """A staging file left by an import of an earlier release (stopped part way, to be undone
    now) has no ``told_at``: it gains one, empty."""
    columns = {str(column[1]) for column in db.execute("PRAGMA table_info(wins)")}
    if "told_at" not in columns:
        db.execute("ALTER TABLE wins ADD COLUMN told_at TEXT")


def _locked(path: Path) -> int:
    """A descriptor of ``path`` (created new and private, or the one left by an import that
    stopped), locked for this process alone; never through a symbolic link."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags, 0o600)
    except OSError as exc:
        raise StoreSetupError(f"could not create {path} for the import: {exc}") from exc
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(handle)
        raise ImportRunning(
            f"another wins import is using {path.parent} right now; let it finish first"
        ) from None
    stat = os.fstat(handle)
    if stat.st_uid != os.getuid() or stat.st_mode & 0o077:
        os.close(handle)
        raise StoreSetupError(
            f"{path} belongs to someone else or others can read it; remove it and try again"
        )
    return handle
