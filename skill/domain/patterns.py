"""What the small readers of requests share: expressions compiled on first use, never at
import (a launch never pays for them), and words as said, lower case, punctuation gone.

A module keeps each expression as a string (``_X: Final = r"..."``) and calls
``compiled(_X)`` where it is used. ``prepare`` compiles them all ahead, for a SnapStart
snapshot, finding them in the modules' own code: nothing has to be listed twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from types import CodeType, FunctionType, ModuleType


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled, once."""
    return re.compile(pattern)


def spoken_words(text: str, keep: str = "") -> str:
    """``text`` lower case, its words only, an apostrophe a space ("that's" is "that s"),
    one space between words; the characters in ``keep`` (":" for times) stay."""
    cleaned = re.sub(rf"[^a-z0-9'{re.escape(keep)} ]+", " ", text.lower().replace("\u2019", "'"))
    return " ".join(cleaned.replace("'", " ").split())


def prepare(modules: Iterable[ModuleType]) -> int:
    """Compile now (before a snapshot), rather than on first use, every expression the
    ``modules`` keep for ``compiled``: each module-level string their functions and methods
    pass to it by name. Returns how many were found."""
    found = 0
    for module in modules:
        names = vars(module)
        for code in _codes(module):
            for name in _passed_to_compiled(code):
                pattern = names.get(name)
                if isinstance(pattern, str):
                    compiled(pattern)
                    found += 1
    return found


def _codes(module: ModuleType) -> Iterator[CodeType]:
    """The code of every function and method defined in ``module``, nested code included."""
    import inspect  # only ahead of a snapshot: never on a request's clock

    waiting: list[CodeType] = []
    for value in list(vars(module).values()):
        if getattr(value, "__module__", None) != module.__name__:
            continue
        members = list(vars(value).values()) if isinstance(value, type) else [value]
        for member in members:
            if isinstance(member, property):
                member = member.fget
            function = inspect.unwrap(getattr(member, "__func__", member))
            if isinstance(function, FunctionType):
                waiting.append(function.__code__)
    while waiting:
        code = waiting.pop()
        yield code
        waiting.extend(const for const in code.co_consts if isinstance(const, CodeType))


def _passed_to_compiled(code: CodeType) -> Iterator[str]:
    """The global names ``code`` passes straight to ``compiled``: ``compiled(_X)``."""
    import dis

    before = None
    for instruction in dis.get_instructions(code):
        if instruction.opname == "LOAD_GLOBAL":
            if before == "compiled":
                yield str(instruction.argval)
            before = str(instruction.argval)
        else:
            before = None
