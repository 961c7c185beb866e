"""The any-hour instants really move the clock and the process's zone, and come back after."""

from __future__ import annotations

import os
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.any_hour import MOMENTS, Moment, process_zone
from tests.conftest import DEFAULT_NOW, pinned_now


@pytest.mark.any_hour(every=True)
def test_each_instant_sets_the_clock_and_the_process_zone(instant: Moment | None) -> None:
    now = datetime.now(UTC)
    expected = DEFAULT_NOW if instant is None else instant.at
    assert timedelta(0) <= now - expected < timedelta(seconds=30)
    assert pinned_now() == expected
    if instant is not None:
        local = datetime.fromtimestamp(time.time()).astimezone()
        assert local.utcoffset() == now.astimezone(ZoneInfo(instant.zone)).utcoffset()


def test_the_instants_cover_both_sides_of_noon_new_year_and_a_clock_change() -> None:
    assert len({moment.id for moment in MOMENTS}) == len(MOMENTS) == 7
    zones = {moment.zone for moment in MOMENTS}
    assert {"Pacific/Kiritimati", "America/Adak", "America/New_York"} <= zones


def test_the_process_zone_comes_back_afterwards() -> None:
    before = os.environ.get("TZ"), time.tzname
    with process_zone("Pacific/Kiritimati"):
        assert os.environ["TZ"] == "Pacific/Kiritimati"
        assert datetime.now().astimezone().utcoffset() == timedelta(hours=14)
    assert (os.environ.get("TZ"), time.tzname) == before


def test_an_any_hour_test_runs_at_every_instant(request: pytest.FixtureRequest) -> None:
    ids = {
        item.nodeid.rpartition("[")[2].rstrip("]")
        for item in request.session.items
        if item.nodeid.startswith(f"{__name__.replace('.', '/')}.py::test_each_instant")
    }
    if request.config.getoption("--fast"):
        assert ids == {""} or len(ids) == 1  # the pinned instant only
    else:
        assert ids == {"pinned", *(moment.id for moment in MOMENTS)}


def _instant(item: pytest.Item) -> str | None:
    callspec = getattr(item, "callspec", None)
    moment = callspec.params.get("instant") if callspec is not None else None
    return moment.id if isinstance(moment, Moment) else None


def test_every_instant_is_met_by_many_tests(request: pytest.FixtureRequest) -> None:
    """Each any-hour test runs at some of the instants, turned by its name: together they
    still meet every instant, each many times, in process and in processes started."""
    if request.config.getoption("--fast"):
        pytest.skip("the fast lane runs at the pinned instant only")
    met: Counter[str] = Counter()
    started: Counter[str] = Counter()
    for item in request.session.items:
        instant = _instant(item)
        if instant is not None:
            met[instant] += 1
            started[instant] += item.get_closest_marker("slow") is not None
    if sum(met.values()) < 500:
        pytest.skip("too few any-hour tests chosen to say (a run of part of the suite)")
    for moment in MOMENTS:
        assert met[moment.id] >= 50, (moment.id, met[moment.id])
        assert started[moment.id] >= 2, (moment.id, started[moment.id])
