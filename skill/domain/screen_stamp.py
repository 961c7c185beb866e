"""A stored win's verdict, kept beside it, and when it can still be trusted.

Every win read back is held to the rules of now (``readable`` in ``skill.services.wins``): a
win stored before a rule existed is judged by the rule. Judging the same words by the same
rules gives the same verdict, so it is worked out once, when the win is stored, and kept as
its ``screened`` stamp: the verdict, and a digest of it and of what it was worked out from
(the words, the kind of win, and the screen itself: the domain's code and data,
``screen_version``).

At read time the stamp is trusted only when that digest is what the same words, kind and
screen give now. Words changed since (a correction), another kind, a release with other rules
or another lexicon: the digest differs and the win is screened again, as if it had no stamp.
So a stamp can make reading faster, never more lenient.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Final

_WIN: Final = "win"
_NOT: Final = "not"
_DIGEST_BYTES: Final = 12


def _files(folder: Traversable, suffixes: tuple[str, ...]) -> list[tuple[str, Traversable]]:
    found: list[tuple[str, Traversable]] = []
    for entry in folder.iterdir():
        if entry.is_dir() and entry.name != "__pycache__":
            found += [(f"{entry.name}/{name}", f) for name, f in _files(entry, suffixes)]
        elif entry.is_file() and entry.name.endswith(suffixes):
            found.append((entry.name, entry))
    return sorted(found, key=lambda pair: pair[0])


@lru_cache(maxsize=1)
def screen_version() -> str:
    """A digest of everything a verdict can depend on: every module of ``skill.domain`` and
    every file of ``skill.data`` (the rules, the lexicon, the care net's weights). Any change
    to them is a new version, whether or not it changes a verdict: never a stale one.

    Worked out once per process, on first use (a few milliseconds)."""
    digest = hashlib.blake2b(digest_size=_DIGEST_BYTES)
    for package, suffixes in (("skill.domain", (".py",)), ("skill.data", (".txt", ".json"))):
        for name, file in _files(resources.files(package), suffixes):
            digest.update(f"{package}/{name}\x00".encode())
            digest.update(file.read_bytes())
            digest.update(b"\x00")
    return digest.hexdigest()


def _digest(verdict: str, text: str, kind: str) -> str:
    words = f"{screen_version()}\x00{verdict}\x00{kind}\x00{text}".encode()
    return hashlib.blake2b(words, digest_size=_DIGEST_BYTES).hexdigest()


def stamp_verdict(text: str, kind: str, readable: bool) -> str:
    """The ``screened`` stamp of words of ``kind`` the screen of now reads as ``readable``."""
    verdict = _WIN if readable else _NOT
    return f"{verdict}:{_digest(verdict, text, kind)}"


def trusted_verdict(stamp: str | None, text: str, kind: str) -> bool | None:
    """The verdict ``stamp`` keeps, when it was worked out from these words, of this kind, by
    the screen of now; None when it must be worked out again."""
    if not stamp:
        return None
    verdict, _, digest = stamp.partition(":")
    if verdict not in (_WIN, _NOT) or digest != _digest(verdict, text, kind):
        return None
    return verdict == _WIN


def stamped_as_win(stamp: str | None) -> bool:
    """Whether ``stamp``, worked out by the screen of now as words were stored, lets them
    through: what logging counts (``logged_days.py``)."""
    return bool(stamp) and str(stamp).partition(":")[0] == _WIN
