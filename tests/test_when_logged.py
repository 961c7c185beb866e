""" "What time did I log the weld one": through real envelopes, on SQLite."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from skill.entry import Handler
from skill.speech.catalog import catalog_for
from skill.storage.records import Profile, StoredWin
from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import SPEAKER, Clock, Envelope, plain, speech

WORDS = catalog_for("en-US")
KOLKATA = ZoneInfo("Asia/Kolkata")  # half an hour off the hour, far from UTC


def said(response: dict[str, Any]) -> str:
    return plain(speech(response))


def asked(request_for: Envelope, about: str) -> dict[str, Any]:
    envelope = request_for("delete_win", slots={"about": about})
    envelope["request"]["intent"]["name"] = "WhenLoggedIntent"
    return envelope


def seed(store: SqliteWinStore, clock: Clock, wins: list[tuple[str, str]]) -> None:
    stored = [
        StoredWin(n, text, datetime.fromisoformat(at).replace(tzinfo=KOLKATA).astimezone(UTC))
        for n, (at, text) in enumerate(wins, 1)
    ]
    profile = Profile(win_count=len(stored), zone="Asia/Kolkata", zone_checked_at=clock())
    store.restore(SPEAKER, profile, stored)


def test_the_newest_win_like_it_is_named_with_its_time_where_the_person_is(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, clock: Clock
) -> None:
    # The clock: Saturday 21 November 2026, 21:00 in Kolkata.
    seed(
        store,
        clock,
        [
            ("2026-11-19 09:10", "watered the plants"),
            ("2026-11-20 23:50", "watered the garden"),
            ("2026-11-21 06:05", "called my sister"),
        ],
    )
    assert said(handler(asked(request_for, "the watering one"), None)) == (
        "That was yesterday at 11:50 PM: you watered the garden."
    )
    assert said(handler(asked(request_for, "my sister"), None)) == (
        "That was earlier today at 6:05 AM: you called your sister."
    )
    assert said(handler(asked(request_for, "the plants"), None)) == (
        "That was on Thursday at 9:10 AM: you watered the plants."
    )


def test_nothing_like_it_or_no_wins_is_said_kindly_and_crisis_words_get_care(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, clock: Clock
) -> None:
    assert said(handler(asked(request_for, "the laundry"), None)) in set(
        WORDS.variants("when_logged.no_wins")
    )
    seed(store, clock, [("2026-11-21 06:05", "called my sister")])
    assert said(handler(asked(request_for, "the laundry"), None)) in set(
        WORDS.variants("when_logged.none")
    )
    cared = said(handler(asked(request_for, "the time i wanted to kill myself"), None))
    assert "988" in cared and "That was" not in cared
