"""Answers worked out once per request: a statement is screened and read once, not five times.

One request asks the screen and the reader about the same words several times over: the care
handler screens every slot first, the settings check screens it again, the log screens it, the
deeds in it are read and each screened, and whether it tells no deed reads it again. Both are
pure functions of their arguments and of data read once per process (the rules, the lexicon,
the care net), so within one request an answer already worked out is handed back whenever
exactly the same question (the same words, carrier, frame or context) is asked again.

Nothing is kept outside a request (``one_request``), and what a request kept is dropped when it
ends: no answer outlives the request, so none can outlive the rules it came from. At most
``MAX_KEPT`` answers are kept per request; past that, answers are worked out as if none were.
"""

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, Final, ParamSpec, TypeVar

MAX_KEPT: Final = 256

P = ParamSpec("P")
R = TypeVar("R")

# The answers kept by the request being handled (per thread, per task); None outside one.
_KEPT: ContextVar[dict[tuple[Any, ...], Any] | None] = ContextVar("wins_kept_answers", default=None)


@contextmanager
def one_request() -> Iterator[None]:
    """Keep the answers of ``remembered`` functions for the duration of one request."""
    token = _KEPT.set({})
    try:
        yield
    finally:
        _KEPT.reset(token)


@contextmanager
def within_a_request() -> Iterator[None]:
    """The request being handled, or one opened here when there is none (a statement read on
    its own): an answer worked out twice within it is worked out once."""
    if _KEPT.get() is not None:
        yield
        return
    with one_request():
        yield


def remembered(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` (pure, with hashable arguments and an immutable result), answering each
    question once per request."""

    @wraps(function)
    def once(*args: P.args, **kwargs: P.kwargs) -> R:
        kept = _KEPT.get()
        if kept is None:
            return function(*args, **kwargs)
        key = (once, args, tuple(kwargs.items()))
        if key in kept:
            found: R = kept[key]
            return found
        answer = function(*args, **kwargs)
        if len(kept) < MAX_KEPT:
            kept[key] = answer
        return answer

    return once


def keep(function: Callable[..., R], answer: R, *args: Hashable) -> None:
    """Keep ``answer`` as the ``remembered`` ``function``'s answer to ``args`` (positional, as
    it is asked) for the rest of the request: worked out on the way to another answer, it is
    not worked out again. Outside a request, nothing is kept."""
    kept = _KEPT.get()
    if kept is not None and len(kept) < MAX_KEPT:
        kept[(function, args, ())] = answer
