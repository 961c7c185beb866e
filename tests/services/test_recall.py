"""Reading back a span's wins on the person's own calendar, on both stores, at pinned
instants in zones far from UTC, across a clock change and New Year."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from skill.domain.phrasing import WinKind
from skill.domain.spans import SpanKind
from skill.services.recall import (
    PAGE,
    Ahead,
    NotADate,
    NothingThen,
    NoWinsYet,
    Recall,
    Recalled,
    RecallOutcome,
)
from skill.storage.interface import PortableStore
from skill.storage.records import Person, Profile, StoredWin
from tests.conftest import Clock

ME = Person.of_account("amzn1.ask.account.RECALL")
AUCKLAND = ZoneInfo("Pacific/Auckland")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def local(text: str, zone: ZoneInfo, *, fold: int = 0) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=zone, fold=fold)


def seed(store: PortableStore, wins: list[tuple[datetime, str]], zone: str, now: datetime) -> None:
    stored = [
        StoredWin(number, text, at.astimezone(UTC)) for number, (at, text) in enumerate(wins, 1)
    ]
    store.restore(ME, Profile(win_count=len(stored), zone=zone, zone_checked_at=now), stored)


def said(outcome: RecallOutcome) -> list[str]:
    assert isinstance(outcome, Recalled), outcome
    return [recalled.win.said for recalled in outcome.wins]


def test_yesterday_is_the_persons_yesterday_far_ahead_of_utc(any_store: PortableStore) -> None:
    now = local("2026-12-07 08:00", AUCKLAND)  # still 6 December in UTC
    seed(
        any_store,
        [
            (local("2026-12-05 23:59", AUCKLAND), "did the laundry"),
            (local("2026-12-06 00:00", AUCKLAND), "made the bed"),  # 5 December in UTC
            (local("2026-12-06 21:00", AUCKLAND), "called my mum"),
            (local("2026-12-07 07:00", AUCKLAND), "went for a walk"),
        ],
        "Pacific/Auckland",
        now,
    )
    recall = Recall(any_store, Clock(now))

    yesterday = recall.recall(ME, "2026-12-06", None)
    assert said(yesterday) == ["you called your mum", "you made the bed"]
    assert isinstance(yesterday, Recalled) and yesterday.total == 2 and yesterday.left == 0
    assert said(recall.recall(ME, "2026-12-07", None)) == ["you went for a walk"]
    # "on Saturday", sent as the coming one (12 December): the Saturday gone by.
    assert said(recall.recall(ME, "2026-12-12", None)) == ["you did the laundry"]


def test_a_day_with_nothing_says_so_and_never_borrows_another(any_store: PortableStore) -> None:
    now = local("2026-12-07 08:00", LOS_ANGELES)
    seed(
        any_store,
        [(local("2026-12-04 12:00", LOS_ANGELES), "went to the dentist")],
        "America/Los_Angeles",
        now,
    )

    outcome = Recall(any_store, Clock(now)).recall(ME, "2026-12-06", None)

    assert isinstance(outcome, NothingThen) and outcome.others
    assert (outcome.span.first, outcome.span.last, outcome.today) == (
        date(2026, 12, 6),
        date(2026, 12, 6),
        date(2026, 12, 7),
    )


def test_the_day_the_clocks_go_back_holds_all_25_hours(any_store: PortableStore) -> None:
    now = local("2026-11-02 09:00", LOS_ANGELES)
    seed(
        any_store,
        [
            (local("2026-10-31 23:59:59", LOS_ANGELES), "read a book"),
            (local("2026-11-01 00:00", LOS_ANGELES), "fed the cat"),
            (local("2026-11-01 01:30", LOS_ANGELES, fold=0), "drank some water"),
            (local("2026-11-01 01:30", LOS_ANGELES, fold=1), "brushed my teeth"),
            (local("2026-11-01 23:59:59", LOS_ANGELES), "went to bed"),
            (local("2026-11-02 00:00", LOS_ANGELES), "got up"),
        ],
        "America/Los_Angeles",
        now,
    )

    outcome = Recall(any_store, Clock(now)).recall(ME, "2026-11-01", None)

    assert said(outcome) == [
        "you went to bed",
        "you brushed your teeth",
        "you drank some water",
        "you fed the cat",
    ]


def test_last_week_and_last_year_across_new_year(any_store: PortableStore) -> None:
    now = local("2027-01-01 10:00", AUCKLAND)  # a Friday
    seed(
        any_store,
        [
            (local("2026-12-20 12:00", AUCKLAND), "baked bread"),  # the week before last
            (local("2026-12-21 00:30", AUCKLAND), "cleaned the sink"),  # last week's Monday
            (local("2026-12-27 23:30", AUCKLAND), "wrote a card"),  # last week's Sunday
            (local("2026-12-31 23:59", AUCKLAND), "stayed up"),
            (local("2027-01-01 00:01", AUCKLAND), "made tea"),
        ],
        "Pacific/Auckland",
        now,
    )
    recall = Recall(any_store, Clock(now))

    assert said(recall.recall(ME, "2026-W52", None)) == ["you wrote a card", "you cleaned the sink"]
    this_week = recall.recall(ME, "2026-W53", None)
    # Since Monday 28 December: Sunday the 27th was last week.
    assert isinstance(this_week, Recalled) and this_week.span.kind is SpanKind.WEEK
    assert said(this_week) == ["you made tea", "you stayed up"]
    assert said(recall.recall(ME, "2026-12-31", None)) == ["you stayed up"]
    assert len(said(recall.recall(ME, "2026", None))) == 4
    assert said(recall.recall(ME, "2027", None)) == ["you made tea"]


def test_a_long_span_is_read_a_page_at_a_time_newest_first(any_store: PortableStore) -> None:
    now = local("2026-12-07 20:00", LOS_ANGELES)
    seed(
        any_store,
        [
            (local(f"2026-12-07 08:{minute:02d}", LOS_ANGELES), f"did task {minute}")
            for minute in range(12)
        ],
        "America/Los_Angeles",
        now,
    )
    recall = Recall(any_store, Clock(now))

    first = recall.recall(ME, "PRESENT_REF", None)
    assert isinstance(first, Recalled)
    assert said(first) == [f"you did task {minute}" for minute in (11, 10, 9, 8, 7)]
    assert (first.total, first.left) == (12, 12 - PAGE)
    second = recall.recall(ME, None, None, span=first.span, before=PAGE)
    assert said(second) == [f"you did task {minute}" for minute in (6, 5, 4, 3, 2)]
    third = recall.recall(ME, None, None, span=first.span, before=2 * PAGE)
    assert isinstance(third, Recalled) and third.left == 0
    assert said(third) == ["you did task 1", "you did task 0"]


def test_stored_words_that_are_no_win_are_neither_read_nor_counted(
    any_store: PortableStore,
) -> None:
    now = local("2026-12-07 20:00", LOS_ANGELES)
    at = local("2026-12-07 09:00", LOS_ANGELES).astimezone(UTC)
    wins = [
        StoredWin(1, "did the dishes", at),
        StoredWin(2, "want to kill myself", at),  # stored before a rule existed
        StoredWin(3, "tidy my desk", at, WinKind.GOAL),
    ]
    any_store.restore(
        ME, Profile(win_count=3, zone="America/Los_Angeles", zone_checked_at=now), wins
    )

    outcome = Recall(any_store, Clock(now)).recall(ME, "PRESENT_REF", None)

    assert isinstance(outcome, Recalled) and outcome.total == 2
    assert all("kill" not in recalled.win.said for recalled in outcome.wins)


def test_moved_wins_are_found_where_their_time_puts_them(any_store: PortableStore) -> None:
    now = local("2026-12-07 20:00", LOS_ANGELES)
    seed(
        any_store,
        [
            (local("2026-11-20 09:00", LOS_ANGELES), "went to the gym"),
            (local("2026-11-21 09:00", LOS_ANGELES), "did nothing wrong"),
            (local("2026-12-06 09:00", LOS_ANGELES), "cooked dinner"),
            (local("2026-12-07 09:00", LOS_ANGELES), "made the bed"),
        ],
        "America/Los_Angeles",
        now,
    )
    # Deleting win 2 moves today's win 4 into number 2, below yesterday's.
    any_store.delete_win(ME, 2, seen=any_store.load_profile(ME), today_count=0)

    recall = Recall(any_store, Clock(now))
    assert said(recall.recall(ME, "PRESENT_REF", None)) == ["you made the bed"]
    assert said(recall.recall(ME, "2026-12-06", None)) == ["you cooked dinner"]


def test_no_wins_a_future_span_and_no_date_are_told_apart(any_store: PortableStore) -> None:
    now = datetime(2026, 12, 7, 12, tzinfo=UTC)
    recall = Recall(any_store, Clock(now))
    assert isinstance(recall.recall(ME, "2026-12-06", None), NoWinsYet)
    seed(any_store, [(now, "watered the plants")], "UTC", now)
    assert isinstance(recall.recall(ME, "2026-W51", None), Ahead)
    assert isinstance(recall.recall(ME, "201X", None), NotADate)
    assert isinstance(recall.recall(ME, None, None), NotADate)


def test_the_zone_comes_from_alexa_when_the_cached_one_is_stale(any_store: PortableStore) -> None:
    now = local("2026-12-07 08:00", AUCKLAND)
    stale = datetime(2026, 1, 1, tzinfo=UTC)
    seed(
        any_store, [(local("2026-12-07 07:00", AUCKLAND), "went for a run")], "Europe/London", stale
    )

    recall = Recall(any_store, Clock(now))

    assert said(recall.recall(ME, "2026-12-07", lambda: "Pacific/Auckland")) == [
        "you went for a run"
    ]
