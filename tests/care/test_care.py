"""The project's care corpus said to the skill as a person would: the targets hold.

Crisis lines always get the crisis line and store nothing; not-a-win lines store nothing; wins
are stored without a crisis line. See tests/care/check.py (``scripts/dev care`` prints the misses).
"""

from __future__ import annotations

from tests.care.check import CORPUS, TARGETS, run


def test_every_kind_of_statement_meets_its_target_on_the_whole_path() -> None:
    # Each line one way, one-shot or in session by turns (``scripts/dev care`` says both).
    tally, met = run(CORPUS, screen_only=False, quiet=True, both_ways=False)
    rates = {label: (whole, total) for label, (_, whole, total) in tally.items()}
    assert set(rates) == set(TARGETS)
    assert met, rates
    assert rates["CRISIS"][0] == rates["CRISIS"][1], rates
