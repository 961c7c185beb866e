"""A smaller run of the load test (``python -m benchmarks.load``), as part of the suite.

The real ``wins serve`` in a child process, moto behind the fault proxy, fifty concurrent
clients and a higher fault rate than the full run, so that every kind of fault happens.
"""

from __future__ import annotations

from benchmarks.load import Kind, LoadConfig, describe, run

SMALL = LoadConfig(requests=800, clients=50, users=60, fault_rate=0.08)


def test_under_load_and_faults_nothing_celebrated_is_lost_and_nothing_is_doubled() -> None:
    report = run(SMALL)

    assert report.failures == [], describe(report)
    assert len(report.records) == SMALL.requests
    assert all(0 < r.status < 500 for r in report.records)
    assert report.figures["wins celebrated"] > 200
    assert report.figures["redelivered wins, each stored once"] > 0
    assert {r.sent.kind for r in report.records} == set(Kind)
    assert len(report.faults) >= 6, report.faults  # most kinds of fault, not just one
    assert report.duration < 60
