"""A win's verdict kept with it: trusted only for the same words, kind and screen; stored
non-wins are still never counted or read, whatever stamp they carry, on both stores."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from random import Random

import pytest

from skill.domain import screen_stamp
from skill.domain.choice import Style
from skill.domain.phrasing import WinKind
from skill.domain.screen_stamp import screen_version, stamp_verdict, trusted_verdict
from skill.services.recall import Recall, Recalled
from skill.services.tally import Tallies
from skill.services.wins import Logged, Statement, WinsService, Wording, readable, screened
from skill.storage.interface import PortableStore
from skill.storage.records import Person, Profile, StoredWin
from skill.storage.sqlite.schema import DATABASE_FILE
from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import Clock

WORDING = Wording(celebrations=dict.fromkeys(Style, 6), minimiser_replies=4)
ME = Person.of_account("amzn1.ask.account.STAMP")
START = datetime(2026, 11, 21, 15, 30, tzinfo=UTC)
CRISIS = "want to end my life"


def test_a_stamp_is_trusted_for_its_own_words_kind_and_screen_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kept = stamp_verdict("did the dishes", "said", True)

    assert trusted_verdict(kept, "did the dishes", "said") is True
    assert trusted_verdict(stamp_verdict("x", "said", False), "x", "said") is False
    assert trusted_verdict(kept, "did the dishes again", "said") is None  # corrected words
    assert trusted_verdict(kept, "did the dishes", "goal") is None
    assert trusted_verdict(kept.replace("win:", "not:"), "did the dishes", "said") is None
    assert trusted_verdict("win:" + "0" * 24, "did the dishes", "said") is None
    assert trusted_verdict("", "did the dishes", "said") is None
    assert trusted_verdict(None, "did the dishes", "said") is None
    assert trusted_verdict("nonsense", "did the dishes", "said") is None
    monkeypatch.setattr(screen_stamp, "screen_version", lambda: "a newer screen")
    assert trusted_verdict(kept, "did the dishes", "said") is None  # rules changed since


def test_the_screens_version_covers_its_rules_lexicon_and_net() -> None:
    assert len(screen_version()) == 24 and screen_version() == screen_version()
    files = dict(screen_stamp._files(resources.files("skill.data"), (".txt", ".json")))
    assert {"screen.txt", "care_net.json", "lexicon/en.txt"} <= set(files)
    modules = dict(screen_stamp._files(resources.files("skill.domain"), (".py",)))
    assert {"screen.py", "screen_rules.py", "recognise.py", "phrasing/text.py"} <= set(modules)


def test_logging_keeps_the_verdict_with_each_win(any_store: PortableStore) -> None:
    service = WinsService(any_store, Clock(START), Random(1))
    assert isinstance(service.log_win(ME, Statement("did the laundry"), "r1", WORDING), Logged)
    two = service.log_win(ME, Statement("fed the cat and watered the plants"), "r2", WORDING)
    assert isinstance(two, Logged)

    _, wins = any_store.recent_wins(ME, 10)

    assert len(wins) == 3
    for win in wins:
        assert win.screened == stamp_verdict(win.text, "said", True)
        assert trusted_verdict(win.screened, win.text, win.kind.value) is True
    heard = service.hear_win(ME)
    assert heard.__class__.__name__ == "Heard"


def seed(store: PortableStore, wins: list[StoredWin]) -> None:
    store.restore(ME, Profile(win_count=len(wins), zone="UTC", zone_checked_at=START), wins)


def test_stored_words_that_are_no_win_are_never_counted_or_read_whatever_their_stamp(
    any_store: PortableStore,
) -> None:
    """A stamp made for other words, a forged one, none at all: each is screened again."""
    moment = START - timedelta(hours=1)
    kind = WinKind.SAID
    wins = [
        StoredWin(1, "made my bed", moment, kind, screened("made my bed", kind)),
        StoredWin(2, CRISIS, moment, kind, screened("made my bed", kind)),  # words changed
        StoredWin(3, CRISIS, moment, kind, "win:" + "f" * 24),  # not made by the screen
        StoredWin(4, CRISIS, moment, kind, None),  # from before stamps
        StoredWin(5, "went for a walk", moment, kind, None),
    ]
    seed(any_store, wins)
    clock = Clock(START)

    recalled = Recall(any_store, clock).recall(ME, START.date().isoformat(), None)
    tally = Tallies(any_store, clock).tally(ME, None)

    assert isinstance(recalled, Recalled) and recalled.total == 2
    assert sorted(w.win.said for w in recalled.wins) == ["you made your bed", "you went for a walk"]
    assert (tally.today, tally.week) == (2, 2)
    assert not readable(CRISIS, kind)


def test_a_true_stamp_of_no_win_keeps_the_words_out_without_screening_again(
    any_store: PortableStore,
) -> None:
    moment = START - timedelta(hours=1)
    said = "went for a walk"
    kept_out = stamp_verdict(said, "said", False)  # as a stricter screen of now would judge
    seed(any_store, [StoredWin(1, said, moment, WinKind.SAID, kept_out)])

    tally = Tallies(any_store, Clock(START)).tally(ME, None)

    assert tally.today == 0 and tally.total == 1


def test_a_file_from_before_stamps_gains_the_column_and_screens_its_old_wins(
    tmp_path: Path,
) -> None:
    store = SqliteWinStore(tmp_path)
    outcome = WinsService(store, Clock(START), Random(1)).log_win(
        ME, Statement("did the laundry"), "r1", WORDING
    )
    assert isinstance(outcome, Logged)
    store.close()
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        db.execute("ALTER TABLE wins DROP COLUMN screened")
        for column in ("recap_day", "recap_off", "recap_offered", "anniversary_offered"):
            db.execute(f"ALTER TABLE profiles DROP COLUMN {column}")
        db.execute("ALTER TABLE profiles DROP COLUMN has_voices")
        for column in (
            "logged_days",
            "last_logged",
            "last_read",
            "last_read_wins",
            "morning_asked",
            "last_gone",
        ):
            db.execute(f"ALTER TABLE profiles DROP COLUMN {column}")
        db.execute("ALTER TABLE wins DROP COLUMN told_at")  # added in version 11
        db.execute("PRAGMA user_version=4")

    store = SqliteWinStore(tmp_path)
    _, old = store.recent_wins(ME, 5)
    tally = Tallies(store, Clock(START)).tally(ME, None)
    store.close()

    assert [(win.text, win.screened) for win in old] == [("did the laundry", None)]
    assert tally.today == 1
