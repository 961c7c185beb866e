"""Deleting while another process reads the wins for a long time (an export, a backup).

The reader's snapshot keeps the deleted words readable to it, so the WAL cannot be emptied
until it is done. The deletion must neither wait for it (the answer would stall for the whole
busy timeout) nor forget it: once the reader is done, the words leave the folder.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from random import Random

import pytest

from skill.domain.choice import Style
from skill.services.wins import Logged, Statement, WinsService, Wording
from skill.storage.records import Person
from skill.storage.sqlite.schema import BUSY_TIMEOUT_MS, DATABASE_FILE
from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import Clock

pytestmark = pytest.mark.slow  # starts a process

WORDING = Wording(celebrations=dict.fromkeys(Style, 6), minimiser_replies=4)
ME = Person.of_account("amzn1.ask.account.LONGREADER")
START = datetime(2026, 11, 21, 15, 30, tzinfo=UTC)
SECRET = b"told my sister the secret plan"

# Another process: opens the database, reads inside one transaction, and holds it until told.
READER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN")
db.execute("SELECT count(*) FROM wins").fetchone()
print("reading", flush=True)
sys.stdin.readline()
db.execute("COMMIT")
db.close()
"""


def in_folder(folder: Path, words: bytes) -> bool:
    return any(words in path.read_bytes() for path in folder.iterdir() if path.is_file())


def test_a_deletion_neither_waits_for_a_long_reader_nor_leaves_the_words_behind(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "wins"
    store = SqliteWinStore(folder)
    service = WinsService(store, Clock(START), Random(1))
    assert isinstance(service.log_win(ME, Statement(SECRET.decode()), "r1", WORDING), Logged)
    assert isinstance(service.log_win(ME, Statement("walked the dog"), "r2", WORDING), Logged)
    with subprocess.Popen(
        [sys.executable, "-c", READER, str(folder / DATABASE_FILE)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as reader:
        assert reader.stdin is not None and reader.stdout is not None
        assert reader.stdout.readline() == "reading\n"

        with caplog.at_level(logging.WARNING):
            began = time.monotonic()
            store.delete_win(ME, 1, seen=store.load_profile(ME), today_count=1)
            took = time.monotonic() - began

        # Not the busy timeout's stall (3 s on every deletion), with a wide margin.
        assert took < BUSY_TIMEOUT_MS / 1000 / 2, took
        assert "Another process is reading the wins" in caplog.text
        assert in_folder(folder, SECRET)  # the reader's snapshot still needs them
        reader.stdin.write("done\n")
        reader.stdin.flush()
        assert reader.wait(timeout=30) == 0

    deadline = time.monotonic() + 15  # tried again every second: a bound, not a target
    while in_folder(folder, SECRET) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not in_folder(folder, SECRET)
    assert [win.text for win in store.wins_of(ME)] == ["walked the dog"]
    store.close()
