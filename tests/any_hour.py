"""Runs the tests marked ``any_hour`` again at pinned instants and process time zones.

Every test starts at one pinned instant (``tests/conftest.py``); this shows the suite would
pass at any other. The instants are where a skill that thinks in local days and mornings
breaks: early morning, a second either side of noon, late evening, New Year's Eve, and both
sides of a daylight-saving change. The process runs in the zones furthest ahead of and behind
UTC (Pacific/Kiritimati, UTC+14; America/Adak, UTC-10/-9, with daylight saving), so the
computer's local date is a day away from the device's.

    python -m tests.any_hour [pytest options]

``scripts/dev test`` runs it after the main suite. Exits non-zero if any run fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from typing import Final, NamedTuple


class Moment(NamedTuple):
    what: str
    at: str  # ISO 8601, given to the tests as WINS_TEST_NOW
    zone: str  # the process's TZ


MOMENTS: Final = (
    Moment("early morning", "2026-06-15T05:10:00+00:00", "Pacific/Kiritimati"),
    Moment("11:59:59", "2026-06-15T11:59:59+00:00", "America/Adak"),
    Moment("12:00:00", "2026-06-15T12:00:00+00:00", "Pacific/Kiritimati"),
    Moment("late evening", "2026-06-15T22:45:00+00:00", "America/Adak"),
    Moment("New Year's Eve 23:59", "2026-12-31T23:59:00+00:00", "Pacific/Kiritimati"),
    # US daylight saving ends at 06:00 UTC on 1 November 2026 (01:59 EDT, then 01:00 EST).
    Moment("before the clocks go back", "2026-11-01T05:59:00+00:00", "America/New_York"),
    Moment("after the clocks go back", "2026-11-01T06:01:00+00:00", "America/New_York"),
)


def main(extra: list[str]) -> int:
    failed: list[str] = []
    for moment in MOMENTS:
        env = {**os.environ, "WINS_TEST_NOW": moment.at, "TZ": moment.zone}
        command = [sys.executable, "-m", "pytest", "-q", "-m", "any_hour", "-p", "no:cacheprovider"]
        started = time.monotonic()
        result = subprocess.run([*command, *extra], env=env, capture_output=True, text=True)
        took = time.monotonic() - started
        summary = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
        print(f"{moment.what:>26}  {moment.at}  TZ={moment.zone:<19} {summary} ({took:.0f} s)")
        if result.returncode != 0:
            failed.append(moment.what)
            print(result.stdout[-6000:], result.stderr[-2000:], sep="\n")
    if failed:
        print(f"any hour: failed at {', '.join(failed)}")
        return 1
    print(f"any hour: {len(MOMENTS)} instants passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
