"""Each verified request is acted on once: a replay gets the first answer again, or a refusal.

A signed request stays acceptable for its whole timestamp window (150 seconds either side of
now; an hour for the documented skill events), so whoever records one can send it again in
that time. Most requests are harmless twice, but not all: a replayed "yes" to "delete all my
wins" would delete every win logged since the first one, and a replayed ``SkillDisabled``
would delete data created after the skill was enabled again.

So the request ID of every verified request is remembered until its window closes (its
timestamp plus its tolerance), with a digest of its body, in two places:

- **The store** (``WinStore.remember_request``): the ID, the digest and the expiry, never the
  answer (it can hold a person's words). It outlives a restart and is shared by every server
  on the same data folder or table, so a request replayed after a restart, or to another
  server, is refused (HTTP 400) and the skill never sees it.
- **This process**, with the answer: the same ID again here gets the first answer again, byte
  for byte; if the first is still being answered, the replay waits for that answer.

The same ID with a different body is refused (Alexa never reuses an ID). Only verified requests
are remembered, so a forger cannot fill the memory or claim IDs ahead of Alexa; with
verification off, IDs prove nothing and nothing is remembered.

The process's memory is bounded: at most ``capacity`` IDs. A household's skill sees a few
requests a minute; should the bound ever be reached, the IDs whose windows close first are
forgotten here first, and the store still refuses their replays.
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

# ``WinStore.remember_request``: (request ID, digest, expiry, now) to the digest remembered
# for that ID, or None when it is new.
Memory = Callable[[str, bytes, datetime, datetime], bytes | None]


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
    request's answer, or None when there is none to give, and ``why`` says why for the log: a
    different body under the same ID, an answer that did not come in time, or a request the
    store remembers from before a restart or from another server.
    """

    first: bool
    answer: Answer | None = None
    why: str = ""


class ReplayGuard:
    """Verified request IDs until their windows close; thread-safe.

    ``memory`` is the store's lasting memory (``WinStore.remember_request``); without it, the
    process's alone. A ``StorageError`` from it leaves nothing claimed and reaches the caller.
    """

    def __init__(
        self,
        clock: Callable[[], datetime],
        memory: Memory | None = None,
        *,
        capacity: int = CAPACITY,
        wait_seconds: float = WAIT_SECONDS,
    ) -> None:
        self._clock = clock
        self._memory = memory
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
            first_here = entry is None or entry.expires < now
            if first_here:
                self._make_room(now)
                entry = self._entries[request_id] = _Entry(digest, expires)
        assert entry is not None
        if not first_here:
            if entry.digest != digest:
                return Claim(first=False, why="the same request ID with another body")
            if not entry.done.wait(self._wait) or entry.answer is None:
                return Claim(first=False, why="a replayed request ID without an answer to repeat")
            return Claim(first=False, answer=entry.answer)
        return self._remembered(request_id, entry, now)

    def _remembered(self, request_id: str, entry: _Entry, now: datetime) -> Claim:
        """Whether the store knew the request already; this process just claimed it."""
        if self._memory is None:
            return Claim(first=True)
        try:
            earlier = self._memory(request_id, entry.digest, entry.expires, now)
        except BaseException:
            self._forget(request_id, entry)
            raise
        if earlier is None:
            return Claim(first=True)
        self.settle(request_id, None)  # replays here are refused as well
        if earlier != entry.digest:
            return Claim(first=False, why="the same request ID with another body")
        return Claim(first=False, why="a request received before a restart or by another server")

    def settle(self, request_id: str, answer: Answer | None) -> None:
        """Record the first request's answer (None: it got none) and wake any replays."""
        with self._lock:
            entry = self._entries.get(request_id)
        if entry is not None:
            entry.answer = answer
            entry.done.set()

    def _forget(self, request_id: str, entry: _Entry) -> None:
        """Undo a claim the store could not confirm: the request may be presented again."""
        with self._lock:
            if self._entries.get(request_id) is entry:
                del self._entries[request_id]
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
