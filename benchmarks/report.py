"""Figures, their targets, and the plain-text tables the benchmark prints."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Check:
    """One figure with a target: ``value`` must stay at or under ``limit`` (under, if strict)."""

    name: str
    value: float | None  # None: it could not be measured, which fails
    unit: str
    limit: float
    strict: bool = False
    note: str = ""

    @property
    def passed(self) -> bool:
        if self.value is None:
            return False
        return self.value < self.limit if self.strict else self.value <= self.limit

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "target": f"{'<' if self.strict else '<='} {self.limit:g}{self.unit}",
            "passed": self.passed,
            "note": self.note,
        }


@dataclass
class Section:
    """A part of the benchmark: a titled table, its raw data for JSON, and its checks."""

    title: str
    lines: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def p99(values: Sequence[float]) -> float:
    """The 99th percentile (the largest value when there are fewer than two)."""
    if len(values) < 2:
        return float(max(values))
    return float(statistics.quantiles(values, n=100, method="inclusive")[98])


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows under headers; the first column left-aligned, the others right-aligned."""
    widths = [max(len(str(c)) for c in column) for column in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        first, *rest = (str(c) for c in cells)
        parts = [first.ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(rest, widths[1:], strict=True)
        ]
        return "  " + "  ".join(parts).rstrip()

    return [line(headers), *(line(row) for row in rows)]


def ms(value: float) -> str:
    return f"{value:.1f} ms" if value >= 10 else f"{value:.2f} ms"


def ratio(value: float) -> str:
    return f"{value:.2f}x"


def shown(check: Check) -> str:
    if check.value is None:
        return "n/a"
    if check.unit == "x":
        return ratio(check.value)
    if check.unit == " ms":
        return ms(check.value)
    if check.unit == " MB":
        return f"{check.value:.2f} MB"
    return f"{check.value:g}{check.unit}"


def summary(checks: Sequence[Check]) -> list[str]:
    rows = [
        [
            c.name,
            shown(c),
            f"{'<' if c.strict else '<='} {c.limit:g}{c.unit}",
            "PASS" if c.passed else "FAIL",
        ]
        for c in checks
    ]
    lines = table(["target", "measured", "limit", "result"], rows)
    notes = [f"  * {c.name}: {c.note}" for c in checks if c.note]
    return lines + ([""] + notes if notes else [])
