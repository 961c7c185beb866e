"""Each verified request is acted on once: a replay gets the first answer again, nothing more.

A signed request stays acceptable for its whole timestamp window (150 seconds either side of
now; an hour for the documented skill events), so whoever records one can send it again in
that time. Most requests are harmless twice, but not all: a replayed "yes" to "delete all my
wins" would delete every win logged since the first one, and a replayed ``SkillDisabled``
would delete data created after the skill was enabled again.

So the request ID of every verified request is remembered until its window closes (its
timestamp plus its tolerance), with a digest of its body. The same ID again gets the answer the
first one got, byte for byte, and the skill never sees it; if the first is still being
answered, the replay waits for that answer. The same ID with a different body is refused
(Alexa never reuses an ID). Only verified requests are remembered, so a forger cannot fill the
memory or claim IDs ahead of Alexa; with verification off, IDs prove nothing and nothing is
remembered.

Memory is bounded: at most ``capacity`` IDs. A household's skill sees a few requests a minute;
should the bound ever be reached, the IDs whose windows close first are forgotten first. The
memory lives in the process: a restart forgets it (see ``events`` for the rule that covers a
replayed ``SkillDisabled`` after a restart).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final

CAPACITY: Final = 4096
# How long a replay waits for the first request's answer: about Alexa's own patience.
WAIT_SECONDS: Final = 8.0


@dataclass(frozen=True)
class Answer:
    """The HTTP answer a request got: status and JSON body."""

    status: int
    body: bytes


@dataclass
class _Entry:
    digest: bytes
    expires: datetime
    done: threading.Event = field(default_factory=threading.Event)
    answer: Answer | None = None


@dataclass(frozen=True)
class Claim:
    """The outcome of presenting a request: first seen, a replay (with its answer), or refused.

    ``first``: the caller answers it and must ``settle`` it. Otherwise ``answer`` is the first
    request's answer, or None when there is none to give (a different body under the same
    ID, or the first one's answer did not come in time).
    """

    first: bool
    answer: Answer | None = None


class ReplayGuard:
    """Verified request IDs until their windows close; thread-safe."""

    def __init__(
        self,
        clock: Callable[[], datetime],
        *,
        capacity: int = CAPACITY,
        wait_seconds: float = WAIT_SECONDS,
    ) -> None:
        self._clock = clock
        self._capacity = capacity
        self._wait = wait_seconds
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def claim(self, request_id: str, body: bytes, expires: datetime) -> Claim:
        """Present a verified request; ``expires`` is when its timestamp window closes."""
        digest = hashlib.sha256(body).digest()
        with self._lock:
            now = self._clock()
            entry = self._entries.get(request_id)
            if entry is None or entry.expires < now:
                self._make_room(now)
                self._entries[request_id] = _Entry(digest, expires)
                return Claim(first=True)
        if entry.digest != digest:
            return Claim(first=False)
        entry.done.wait(self._wait)
        return Claim(first=False, answer=entry.answer)

    def settle(self, request_id: str, answer: Answer | None) -> None:
        """Record the first request's answer (None: it got none) and wake any replays."""
        with self._lock:
            entry = self._entries.get(request_id)
        if entry is not None:
            entry.answer = answer
            entry.done.set()

    def _make_room(self, now: datetime) -> None:
        """Drop closed windows; if still full, the windows that close soonest. Under the lock."""
        if len(self._entries) < self._capacity:
            return
        for request_id in [key for key, e in self._entries.items() if e.expires < now]:
            del self._entries[request_id]
        while len(self._entries) >= self._capacity:
            soonest = min(self._entries, key=lambda key: self._entries[key].expires)
            del self._entries[soonest]
