"""Faults injected into the fake Alexa API: an error status, or a stall before answering.

Real Alexa APIs answer 429 when busy, 5xx when down, and sometimes slowly; the skill must
say something kind in time either way. A test arms a fault for the next few requests under a
path prefix; each matching request uses one up, in the order the faults were armed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Literal

FaultKind = Literal["fail", "stall"]


@dataclass
class _Fault:
    kind: FaultKind
    value: float  # the status to answer, or the seconds to stall
    remaining: int
    path_prefix: str


class Faults:
    """Armed faults, safe to arm and take from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._armed: list[_Fault] = []

    def arm(self, kind: FaultKind, value: float, *, times: int, path_prefix: str) -> None:
        """The next ``times`` requests under ``path_prefix`` get this fault."""
        with self._lock:
            self._armed.append(_Fault(kind, value, times, path_prefix))

    def take(self, kind: FaultKind, path: str) -> float | None:
        """Use up one armed fault of ``kind`` matching ``path``; its value, or None."""
        with self._lock:
            for fault in self._armed:
                if (
                    fault.kind == kind
                    and fault.remaining > 0
                    and path.startswith(fault.path_prefix)
                ):
                    fault.remaining -= 1
                    return fault.value
        return None
