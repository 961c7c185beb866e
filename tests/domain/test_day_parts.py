"""Parts of a day (``spans.DAY_PARTS``) and the best day kept with the profile."""

from datetime import UTC, date, datetime, time, timedelta

from skill.domain.logged_days import LoggedDays
from skill.domain.spans import SpanKind, instants, not_begun, part_asked

TUESDAY = date(2026, 12, 8)


def test_the_parts_run_in_turn_and_an_evening_into_the_small_hours() -> None:
    morning = part_asked("morning", "", TUESDAY, time(10))
    assert morning is not None
    assert instants(morning, "UTC") == (
        datetime(2026, 12, 8, 4, tzinfo=UTC),
        datetime(2026, 12, 8, 12, tzinfo=UTC),
    )
    evening = part_asked("evening", "2026-12-07", TUESDAY, time(10))
    assert evening is not None and evening.kind is SpanKind.EVENING
    assert instants(evening, "UTC")[1] == datetime(2026, 12, 8, 4, tzinfo=UTC)


def test_this_evening_in_the_small_hours_is_the_one_still_going() -> None:
    evening = part_asked("evening", "", TUESDAY, time(1))
    assert evening is not None and evening.first == TUESDAY - timedelta(days=1)


def test_a_part_still_to_come_is_not_begun_and_no_word_is_no_part() -> None:
    afternoon = part_asked("afternoon", "", TUESDAY, time(9))
    assert afternoon is not None
    assert not_begun(afternoon, datetime(2026, 12, 8, 9, tzinfo=UTC), "UTC")
    assert part_asked("teatime", "", TUESDAY, time(9)) is None
    assert part_asked("night", "", TUESDAY, time(9)) is None


def test_the_best_day_outlives_the_fortnight_and_a_count_started_again() -> None:
    kept = LoggedDays()
    seen = 0
    for day, wins in ((date(2026, 10, 1), 5), (date(2026, 11, 20), 2)):
        kept = kept.logged(day, wins, stored=wins, seen=seen, zone="UTC", screen="s")
        seen += wins
    assert kept.best is not None and (kept.best.day, kept.best.wins) == (date(2026, 10, 1), 5)
    moved = kept.logged(TUESDAY, 1, stored=1, seen=seen, zone="Europe/London", screen="s")
    assert moved.best == kept.best and moved.best_from is None
    assert LoggedDays.of(moved.plain()) == moved
    less = moved.counted_out(date(2026, 10, 1), seen=seen + 1, today=TUESDAY)
    assert less.best is not None and less.best.wins == 4  # noqa: PLR2004


def test_a_count_kept_before_the_best_day_covers_its_own_days() -> None:
    old = '{"since":null,"wins":2,"zone":"UTC","days":[["2026-12-07",2,"s"]]}'
    kept = LoggedDays.of(old)
    assert kept.best is not None and kept.best.wins == 2  # noqa: PLR2004
    assert kept.best_from == date(2026, 12, 7)
