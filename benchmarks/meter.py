"""What one request costs: DynamoDB calls and their time, Alexa API time, all of it per request.

DynamoDB calls are seen through botocore's event hooks on the client (``before-call`` and
``after-call``: from a serialised request to a parsed answer), so the skill is measured exactly
as it runs. Alexa API calls are timed around the skill's one HTTP method.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from skill.alexa.api import AlexaApi


@dataclass
class Sample:
    """One request: its total time, and the parts spent in DynamoDB and in Alexa's APIs."""

    total_ms: float = 0.0
    dynamodb_ms: float = 0.0
    alexa_api_ms: float = 0.0
    operations: list[str] = field(default_factory=list)
    items_read: int = 0  # what DynamoDB read: one per GetItem, a Query's ScannedCount

    @property
    def own_ms(self) -> float:
        """Time in the skill, the SDK and the client libraries: neither DynamoDB nor Alexa."""
        return self.total_ms - self.dynamodb_ms - self.alexa_api_ms


def _items_read(operation: str, parsed: Any) -> int:
    """Items a call read: a Query's ``ScannedCount``; one for a GetItem; writes read none."""
    if operation == "Query" and isinstance(parsed, dict):
        return int(parsed.get("ScannedCount", 0))
    return 1 if operation == "GetItem" else 0


class Meter:
    """Hooks on one DynamoDB client; ``measure`` times one call of the handler."""

    def __init__(self, client: Any) -> None:
        self._current: Sample | None = None
        self._started = 0.0
        events = client.meta.events
        events.register("before-call.dynamodb.*", self._before, unique_id="bench-before")
        events.register("after-call.dynamodb.*", self._after, unique_id="bench-after")

    def _before(self, model: Any, **_: Any) -> None:
        if self._current is not None:
            self._current.operations.append(model.name)
            self._started = time.perf_counter()

    def _after(self, model: Any, parsed: Any = None, **_: Any) -> None:
        if self._current is not None:
            self._current.dynamodb_ms += (time.perf_counter() - self._started) * 1000
            self._current.items_read += _items_read(model.name, parsed)

    def add_api_time(self, milliseconds: float) -> None:
        if self._current is not None:
            self._current.alexa_api_ms += milliseconds

    def measure(self, call: Callable[[], Any]) -> tuple[Sample, Any]:
        """Run ``call`` once; what it cost, and what it returned."""
        sample = Sample()
        self._current = sample
        started = time.perf_counter()
        try:
            result = call()
        finally:
            sample.total_ms = (time.perf_counter() - started) * 1000
            self._current = None
        return sample, result


@contextmanager
def timing_alexa_api(meter: Meter) -> Iterator[None]:
    """Add the time of every Alexa API call (an HTTPS round trip to the stand-in) to ``meter``.

    The skill's API client sends every call through one method; it is wrapped for the duration.
    """
    original = AlexaApi._call

    def timed(self: AlexaApi, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            meter.add_api_time((time.perf_counter() - started) * 1000)

    AlexaApi._call = timed  # type: ignore[method-assign]
    try:
        yield
    finally:
        AlexaApi._call = original  # type: ignore[method-assign]
