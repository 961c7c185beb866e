"""The SQLite file's shape, its versions, and how a connection to it is opened.

One file (``wins.sqlite3``) in the data folder, in WAL mode so readers never wait for the
writer. Every write is one ``BEGIN IMMEDIATE`` transaction, so two processes on the same
folder take turns (``busy_timeout``) instead of failing or overwriting each other.

The schema's version is SQLite's ``user_version``. ``MIGRATIONS[i]`` takes a file from version
``i`` to ``i + 1``; a file from a newer release is refused rather than misread.

Tables, one row per thing the person has:

- ``profiles``: the person's counters and settings (one row per person, like DynamoDB's
  ``PROFILE`` item), with the Alexa ``account`` indexed so disabling the skill finds every
  recognised voice of a household. The win heard last is kept here too (its number and
  stamp): hearing then writes the profile's page, not a page somewhere among the wins.
- ``wins``: keyed by (person, number), numbered densely from 1, so a random win is one lookup.
  Deleting a win other than the last gives the last one its number, so numbers follow the
  order of logging only until then; ``wins_by_time`` orders a person's wins by time instead.
- ``requests``: a short-lived marker per stored Alexa request (its ID and win number only),
  so a redelivered request stores one win. Expired markers are removed as new ones come.
- ``seen_requests``: every request ``wins serve`` verified, by ID, with a digest of its body,
  until its timestamp stops being acceptable (minutes), so a recorded request replayed after a
  restart, or to another server on the same folder, is refused. No person's key, no answer.
"""

import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from skill.storage.errors import StorageError
from skill.storage.files import checked_file, create_private_file, private_folder

DATABASE_FILE: Final = "wins.sqlite3"
# SQLite's own files beside the database while it is open in WAL mode: the log, and its index.
COMPANIONS: Final = (f"{DATABASE_FILE}-wal", f"{DATABASE_FILE}-shm")
# The embedded store's file from before SQLite, read once into a new database (``legacy.py``).
LEGACY_FILE: Final = "dynamodb-items.json"
# The ``meta`` row of a database made while that file was there: it waits to be read.
LEGACY_PENDING: Final = ("legacy_import", "pending")
# Long enough for another process's write (a few milliseconds) to finish, short enough to
# answer within Alexa's 8 seconds if the file stays locked.
BUSY_TIMEOUT_MS: Final = 3000

MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (
    (
        """CREATE TABLE profiles (
            person TEXT PRIMARY KEY,
            account TEXT NOT NULL,
            created_at TEXT,
            win_count INTEGER NOT NULL DEFAULT 0,
            style TEXT,
            today TEXT,
            today_count INTEGER NOT NULL DEFAULT 0,
            last_phrase INTEGER,
            goal TEXT,
            goal_set_at TEXT,
            goal_number INTEGER NOT NULL DEFAULT 0,
            one_thing TEXT,
            one_thing_day TEXT,
            one_thing_done INTEGER NOT NULL DEFAULT 0,
            zone TEXT,
            zone_checked_at TEXT,
            reminder_token TEXT,
            reminder_time TEXT,
            heard_number INTEGER,
            heard_at TEXT
        ) WITHOUT ROWID""",
        "CREATE INDEX profiles_by_account ON profiles (account)",
        """CREATE TABLE wins (
            person TEXT NOT NULL,
            number INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'said',
            created_at TEXT NOT NULL,
            request_id TEXT,
            PRIMARY KEY (person, number)
        ) WITHOUT ROWID""",
        """CREATE TABLE requests (
            person TEXT NOT NULL,
            request_id TEXT NOT NULL,
            number INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            PRIMARY KEY (person, request_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX requests_by_expiry ON requests (expires_at)",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    ),
    # Counting a person's wins since a moment ("this week") reads only those wins' index entries.
    ("CREATE INDEX wins_by_time ON wins (person, created_at)",),
    # The web service's replay memory, kept across restarts and shared by servers on one folder.
    (
        """CREATE TABLE seen_requests (
            request_id TEXT PRIMARY KEY,
            digest BLOB NOT NULL,
            expires_at INTEGER NOT NULL
        ) WITHOUT ROWID""",
        "CREATE INDEX seen_requests_by_expiry ON seen_requests (expires_at)",
    ),
    # Brief mode: replies without follow-up questions, kept per person.
    ("ALTER TABLE profiles ADD COLUMN brief INTEGER NOT NULL DEFAULT 0",),
    # The screen's verdict on a win's words, kept when it is stored (``screen_stamp.py``), so
    # reading a week back need not screen every win again. Older wins have none: screened.
    ("ALTER TABLE wins ADD COLUMN screened TEXT",),
    # The weekly recap (its day, off, the week last offered), "on this day" offered, and
    # whether an account has recognised voices.
    (
        "ALTER TABLE profiles ADD COLUMN recap_day INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE profiles ADD COLUMN recap_off INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE profiles ADD COLUMN recap_offered TEXT",
        "ALTER TABLE profiles ADD COLUMN anniversary_offered TEXT",
        "ALTER TABLE profiles ADD COLUMN has_voices INTEGER NOT NULL DEFAULT 0",
    ),
    # Wins logged on each of the last fourteen days, counted as they are logged
    # (``skill/domain/logged_days.py``): the recap's offer needs no reading of the week.
    ("ALTER TABLE profiles ADD COLUMN logged_days TEXT",),
    # When the newest win was stamped (each new one is stamped after it within a minute), and
    # the list of wins read out last, so it can be acted on after the conversation ends.
    (
        "ALTER TABLE profiles ADD COLUMN last_logged TEXT",
        "ALTER TABLE profiles ADD COLUMN last_read TEXT",
        "ALTER TABLE profiles ADD COLUMN last_read_wins INTEGER",
    ),
    # The day the morning question was last asked at a launch: at most once a day.
    ("ALTER TABLE profiles ADD COLUMN morning_asked TEXT",),
    # The win deleted last and when, for "undo" in the next conversation (``gone.py``).
    ("ALTER TABLE profiles ADD COLUMN last_gone TEXT",),
    # When a win filed on a day its words named ("yesterday i rang the bank") was told.
    ("ALTER TABLE wins ADD COLUMN told_at TEXT",),
)
SCHEMA_VERSION: Final = len(MIGRATIONS)


def connect(data_dir: Path) -> sqlite3.Connection:
    """Open (creating if need be) the data folder's database, migrated to this version.

    The folder and the files are checked first (``skill.storage.files``): the user's own, closed
    to others, no symbolic links. A new database file is created 0600 before SQLite opens it,
    and SQLite's unix VFS gives the WAL and shared-memory files it creates the database file's
    permissions (``os_unix.c``: ``findCreateFileMode``, ``unixOpenSharedMemory``), so none of
    them can be read by others from its first byte.
    """
    private_folder(data_dir)
    path = data_dir / DATABASE_FILE
    create_private_file(path)
    for name in (DATABASE_FILE, *COMPANIONS):
        checked_file(data_dir / name, "the wins database")
    legacy_waiting = os.path.lexists(data_dir / LEGACY_FILE)
    try:
        # isolation_level=None: transactions are begun explicitly, never implicitly by the module.
        # check_same_thread=False: the store serialises its use of the connection with a lock.
        db = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise StorageError(f"could not open {path}: {exc}") from exc
    try:
        _configure(db)
        migrate(db, new_file_meta=[LEGACY_PENDING] if legacy_waiting else [])
    except sqlite3.Error as exc:
        db.close()
        raise StorageError(f"could not open {path}: {exc}") from exc
    return db


def _configure(db: sqlite3.Connection) -> None:
    mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise sqlite3.OperationalError(f"the database could not use WAL (got {mode})")
    # FULL: a win answered as saved has reached the disk, even if the power then fails.
    db.execute("PRAGMA synchronous=FULL")
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys=ON")
    # Deleted wins are overwritten with zeros, so they do not linger in free pages.
    db.execute("PRAGMA secure_delete=ON")


def migrate(db: sqlite3.Connection, new_file_meta: Sequence[tuple[str, str]] = ()) -> None:
    """Bring the file to ``SCHEMA_VERSION``, one version per transaction.

    A new file (version 0) starts with the ``meta`` rows ``new_file_meta``, in the same
    transaction that makes it, so no later start can mistake an old file for a new one.
    """
    db.execute("BEGIN IMMEDIATE")  # two processes opening a new folder: one migrates
    try:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StorageError(
                f"the wins database is from a newer Small Wins (schema {version}, this one "
                f"knows {SCHEMA_VERSION}); please upgrade"
            )
        for target in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[target]:
                db.execute(statement)
            db.execute(f"PRAGMA user_version={target + 1}")
        if version == 0:
            db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", new_file_meta)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
