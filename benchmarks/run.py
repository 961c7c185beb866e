"""Run the benchmark suite: ``python -m benchmarks.run [--quick] [--out FILE]``.

Prints one table per part and a summary of every target with PASS or FAIL, writes the same
figures as JSON, and exits non-zero if any target is missed (after printing everything).
It installs nothing: run it in the project's environment with the dev extra installed.
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from benchmarks import (
    artifact,
    cold_start,
    forged,
    growth,
    importing,
    launch,
    reading,
    recall,
    screen,
    selfhosted,
    warm,
)
from benchmarks.report import Check, Section, summary

DEFAULT_OUT: Final = Path(__file__).resolve().parent / "results.json"


@dataclass(frozen=True)
class Plan:
    """How much to measure: a full run, or a quick smoke run."""

    cold_runs: int
    warm_rounds: int
    growth_levels: tuple[int, ...]
    growth_samples: int
    screen_rounds: int
    screen_runs: int
    selfhosted_levels: tuple[int, ...]
    selfhosted_samples: int
    forged_seconds: float
    forged_samples: int
    import_lines: int
    recall_levels: tuple[int, ...]
    recall_samples: int
    launch_samples: int


FULL: Final = Plan(
    cold_runs=25,
    warm_rounds=200,
    growth_levels=(10, 1_000, 100_000),
    growth_samples=100,
    screen_rounds=20,
    screen_runs=9,
    selfhosted_levels=(100, 10_000, 100_000),
    selfhosted_samples=300,
    forged_seconds=20.0,
    forged_samples=60,
    import_lines=1_000_000,
    recall_levels=(100, 100_000),
    recall_samples=100,
    launch_samples=20,
)
QUICK: Final = Plan(
    cold_runs=9,
    warm_rounds=30,
    growth_levels=(10, 1_000, 10_000),
    growth_samples=30,
    screen_rounds=3,
    screen_runs=3,
    selfhosted_levels=(100, 10_000),
    selfhosted_samples=40,
    forged_seconds=8.0,
    forged_samples=20,
    import_lines=100_000,
    recall_levels=(100, 10_000),
    recall_samples=20,
    launch_samples=3,
)


def parts(plan: Plan) -> list[tuple[str, Callable[[], Section]]]:
    return [
        ("cold start", lambda: cold_start.run(plan.cold_runs)),
        ("warm requests", lambda: warm.run(plan.warm_rounds)),
        ("growth", lambda: growth.run(plan.growth_levels, plan.growth_samples)),
        (
            "self-hosted",
            lambda: selfhosted.run(plan.selfhosted_levels, plan.selfhosted_samples),
        ),
        ("recall", lambda: recall.run(plan.recall_levels, plan.recall_samples)),
        ("launch paths", lambda: launch.run(plan.recall_levels, plan.launch_samples)),
        ("forged requests", lambda: forged.run(plan.forged_seconds, plan.forged_samples)),
        ("import", lambda: importing.run(plan.import_lines)),
        ("artifact", artifact.run),
        ("statement screen", lambda: screen.run(plan.screen_rounds, plan.screen_runs)),
        ("reader", lambda: reading.run(plan.screen_rounds, plan.screen_runs)),
    ]


def _run_part(name: str, measure: Callable[[], Section]) -> Section:
    """One part; a part that breaks is reported as a failed target, and the rest still run."""
    started = time.perf_counter()
    try:
        section = measure()
    except Exception as exc:  # report it and carry on: every other figure is still wanted
        section = Section(name, lines=[f"  could not be measured: {type(exc).__name__}: {exc}"])
        section.checks = [Check(f"{name}: measured", None, "", 0, note=str(exc))]
    section.data["seconds"] = round(time.perf_counter() - started, 1)
    print(f"\n{section.title}  [{section.data['seconds']} s]", flush=True)
    print("\n".join(section.lines), flush=True)
    return section


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Small Wins' benchmarks.")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a fast smoke run: fewer samples, growth and self-hosted up to 10,000 wins "
        "instead of 100,000",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON results"
    )
    return parser.parse_args(argv)


def _quiet() -> None:
    # The loopback DynamoDB logs every request, and moto warns that its server extra is
    # partly installed (the benchmark needs only DynamoDB): neither is a result.
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", message=".*moto\\[server\\].*")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    plan = QUICK if args.quick else FULL
    _quiet()
    mode = "quick run (growth to 10,000 wins)" if args.quick else "full run"
    print(
        f"Small Wins benchmarks: {mode}; Python {platform.python_version()} "
        f"on {platform.system()} {platform.machine()}",
        flush=True,
    )
    sections = [_run_part(name, measure) for name, measure in parts(plan)]
    checks = [check for section in sections for check in section.checks]
    print("\nTargets")
    print("\n".join(summary(checks)))
    failed = [c for c in checks if not c.passed]
    print(f"\n{len(checks) - len(failed)} passed, {len(failed)} failed")
    results = {
        "mode": "quick" if args.quick else "full",
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}",
        "parts": {s.title: s.data for s in sections},
        "targets": [c.as_json() for c in checks],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
