"""Waking the prompt when a timer rings, so it is heard at once, as on an Echo.

A person at the prompt is blocked in ``input()``; a timer fires on another thread. The
skill must only ever run on the main thread, so the timer thread sends the main thread a
signal (SIGUSR1), whose handler raises ``Rang`` *only while the prompt is showing*: anywhere
else it does nothing and the ringing waits for the next prompt. Readline cleans up after a
signal as it does after Ctrl-C, so the terminal is left as it was. Where there are no such
signals (Windows), timers are simply heard before the next prompt.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType


class Rang(Exception):
    """Raised at the prompt: a timer rang while the person was being asked to speak."""


class PromptWaker:
    """Interrupts ``input()`` on the main thread from any thread (POSIX only)."""

    def __init__(self) -> None:
        self._at_prompt = False
        self._main = threading.main_thread().ident
        self._previous: Callable[[int, FrameType | None], object] | int | None = None
        self._installed = False

    def install(self) -> None:
        """Take over SIGUSR1; only from the main thread, and only where signals allow it."""
        usable = hasattr(signal, "SIGUSR1") and hasattr(signal, "pthread_kill")
        if not usable or threading.current_thread() is not threading.main_thread():
            return
        self._previous = signal.signal(signal.SIGUSR1, self._handle)
        self._installed = True

    def uninstall(self) -> None:
        if self._installed:
            signal.signal(signal.SIGUSR1, self._previous or signal.SIG_DFL)
            self._installed = False

    def poke(self) -> None:
        """Wake the prompt if it is showing (safe from any thread, and when not installed)."""
        if self._installed and self._main is not None:
            signal.pthread_kill(self._main, signal.SIGUSR1)

    @contextlib.contextmanager
    def prompt(self, rung: Callable[[], bool]) -> Iterator[None]:
        """Around ``input()``: ``Rang`` escapes it when a timer rings (or had just rung)."""
        self._at_prompt = True
        try:
            if rung():
                raise Rang
            yield
        finally:
            self._at_prompt = False

    def _handle(self, _signum: int, _frame: FrameType | None) -> None:
        if self._at_prompt:
            raise Rang
