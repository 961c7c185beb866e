"""One SQLite connection in explicit transactions, shared by a server's threads in turn.

One connection per store, used by one thread at a time (``wins serve`` answers on several):
SQLite serialises writers anyway, and each operation takes well under a millisecond besides
the flush to disk. SQLite's errors become the storage layer's own.

Two things a busy or vanished file could otherwise hide:

- The database file is the one that was opened. If it was deleted or replaced (the data folder
  removed while ``wins serve`` runs), SQLite goes on writing to the deleted file, and every
  win would be answered as saved and lost at the next start. So each transaction first checks,
  and each write checks again after its commit, that the path still names the same file;
  if not, the store refuses everything from then on, and the person hears that it was not
  saved.
- Deleted words must not stay in the WAL. After a deletion the WAL is checkpointed and emptied.
  Another process reading at that moment (``wins export``, a backup) holds the pages its
  snapshot needs, so the checkpoint cannot finish until it is done: rather than stall the
  answer, the store says so in the log and tries again every second until it has finished.
"""

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Final

from skill.storage.errors import StorageError, StorageUnavailable
from skill.storage.records import Person
from skill.storage.sqlite.schema import BUSY_TIMEOUT_MS, DATABASE_FILE, connect

logger = logging.getLogger(__name__)

# How often an unfinished checkpoint is tried again while another process holds a read.
SWEEP_INTERVAL_SECONDS: Final = 1.0
_GONE: Final = "the wins database was deleted or replaced while in use; restart to go on"


class Database:
    """The data folder's database, opened and migrated; reads and writes as transactions."""

    def __init__(self, data_dir: Path) -> None:
        self._db = connect(data_dir)
        self._path = (data_dir / DATABASE_FILE).absolute()
        self._file = _identity(self._path)
        self._gone = False
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._sweeper: threading.Thread | None = None

    def close(self) -> None:
        self._closed.set()
        sweeper = self._sweeper
        if sweeper is not None:
            sweeper.join()
        with self._lock:
            if self._sweeper is not None and not self._gone and not self._sweep():
                logger.warning(
                    "Deleted words are still in %s-wal: another process is reading the wins. "
                    "SQLite removes them when the last process using the file closes it.",
                    self._path,
                )
            self._db.close()

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """Consistent reads: one deferred transaction."""
        with self._lock, translated("could not read the wins"):
            self._still_there()
            self._db.execute("BEGIN")
            try:
                yield self._db
            finally:
                self._db.execute("COMMIT")

    @contextlib.contextmanager
    def write(self, what: str) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing write; the write lock is taken at once, so it never deadlocks.

        It counts as done only if the file it went into is still the data folder's database.
        """
        with self._lock, translated(what):
            self._still_there()
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                if self._db.in_transaction:  # SQLite may have rolled back already
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
            self._still_there()

    def checkpoint(self) -> None:
        """Copy the WAL into the database file and empty it (after deleting, so no text stays).

        If another process's read keeps it from finishing, it is tried again in the background.
        """
        with self._lock, translated("could not finish deleting"):
            self._still_there()
            if not self._sweep():
                self._sweep_later()

    def meta(self, key: str) -> str | None:
        """The file's own note under ``key`` (see ``schema.py``), if any."""
        with self.read() as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def forget_meta(self, key: str) -> None:
        with self.write("could not update the database") as db:
            db.execute("DELETE FROM meta WHERE key = ?", (key,))

    def _still_there(self) -> None:
        """Refuse to go on if the path no longer names the file this connection writes to."""
        if not self._gone and _identity(self._path) != self._file:
            self._gone = True
            logger.error(
                "The wins database %s was deleted or replaced while in use: nothing can be "
                "saved until the server is restarted.",
                self._path,
            )
        if self._gone:
            raise StorageUnavailable(_GONE)

    def _sweep(self) -> bool:
        """One checkpoint that waits for nobody; whether the WAL is now empty. Lock held.

        ``wal_checkpoint(TRUNCATE)`` answers (busy, frames in the WAL, frames copied); busy is
        1 when a reader or writer kept it from finishing, and it waits for readers as long as
        the busy timeout allows, so the timeout is set to 0 around it (sqlite.org,
        pragma.html#pragma_wal_checkpoint and c3ref/wal_checkpoint_v2.html).
        """
        self._db.execute("PRAGMA busy_timeout=0")
        try:
            busy, frames, copied = self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            self._db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        return bool(busy == 0 and frames == copied == 0)

    def _sweep_later(self) -> None:
        """Try the checkpoint again every second until it finishes or the store closes."""
        if self._sweeper is not None and self._sweeper.is_alive():
            return
        logger.warning(
            "Another process is reading the wins, so deleted words stay in %s-wal until it "
            "finishes; trying again every %g s.",
            self._path,
            SWEEP_INTERVAL_SECONDS,
        )
        self._sweeper = threading.Thread(target=self._keep_sweeping, name="wins-sweep", daemon=True)
        self._sweeper.start()

    def _keep_sweeping(self) -> None:
        while not self._closed.wait(SWEEP_INTERVAL_SECONDS):
            with self._lock:
                try:
                    if self._gone or self._sweep():
                        self._sweeper = None
                        return
                except sqlite3.Error:
                    logger.warning("The WAL could not be emptied yet; trying again.", exc_info=True)


def _identity(path: Path) -> tuple[int, int] | None:
    """Which file ``path`` names (device and inode), or None if it names none."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def update_profile(db: sqlite3.Connection, person: Person, changes: dict[str, Any]) -> None:
    """UPDATE the person's profile; column names come from the store's code, never from input."""
    assignments = ", ".join(f"{name} = ?" for name in changes)
    db.execute(
        f"UPDATE profiles SET {assignments} WHERE person = ?", (*changes.values(), person.key)
    )


def delete_people(db: sqlite3.Connection, keys: Sequence[str]) -> int:
    """Every row of these people; returns how many went."""
    deleted = 0
    for key in keys:
        for table in ("wins", "requests", "profiles"):
            deleted += db.execute(f"DELETE FROM {table} WHERE person = ?", (key,)).rowcount
    return deleted


@contextlib.contextmanager
def translated(what: str) -> Iterator[None]:
    """SQLite's errors as the storage layer's: a busy or failing disk is worth retrying."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        raise StorageUnavailable(f"{what}: {exc}") from exc
    except sqlite3.Error as exc:
        raise StorageError(f"{what}: {exc}") from exc
