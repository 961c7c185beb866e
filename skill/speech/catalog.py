"""Speech as data: one JSON catalogue per locale, chosen by the request's locale."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from random import Random
from typing import Any, Final

DEFAULT_LOCALE: Final = "en-US"


class Catalog:
    """Read-only access to one locale's words."""

    def __init__(
        self, locale: str, data: dict[str, Any], place: Callable[[], str | None] | None = None
    ) -> None:
        self.locale = locale
        self._data = data
        self._place = place

    def where(self, place: Callable[[], str | None]) -> Catalog:
        """The same words, for a device whose time zone ``place`` finds when first asked."""
        return Catalog(self.locale, self._data, place)

    def place(self) -> str | None:
        """The device's IANA time zone, where it is known: it decides the crisis line."""
        return self._place() if self._place is not None else None

    def _node(self, key: str) -> Any:
        node: Any = self._data
        for part in key.split("."):
            node = node[part]
        return node

    def text(self, key: str, **fields: object) -> str:
        """A single fixed text, with ``fields`` filled in."""
        node = self._node(key)
        if not isinstance(node, str):
            raise TypeError(f"{key} is not a single text")
        return node.format(**fields)

    def variants(self, key: str) -> list[str]:
        """All wordings of one thing."""
        node = self._node(key)
        if not isinstance(node, list) or not all(isinstance(v, str) for v in node):
            raise TypeError(f"{key} is not a list of wordings")
        return node

    def pick(self, key: str, rng: Random, **fields: object) -> str:
        """One wording at random, with ``fields`` filled in."""
        return rng.choice(self.variants(key)).format(**fields)

    def variant(self, key: str, index: int, **fields: object) -> str:
        """Wording number ``index`` (wrapped into range), with ``fields`` filled in."""
        options = self.variants(key)
        return options[index % len(options)].format(**fields)


@lru_cache(maxsize=8)
def _load(locale: str) -> Catalog | None:
    resource = resources.files("skill.speech").joinpath(f"{locale}.json")
    if not resource.is_file():
        return None
    return Catalog(locale, json.loads(resource.read_text("utf-8")))


def catalog_for(locale: str | None) -> Catalog:
    """The catalogue for ``locale``, else the same language's, else en-US."""
    wanted = locale or DEFAULT_LOCALE
    for candidate in (wanted, *_same_language(wanted), DEFAULT_LOCALE):
        found = _load(candidate)
        if found is not None:
            return found
    raise LookupError("no speech catalogue is installed")  # en-US ships with the package


def _same_language(locale: str) -> tuple[str, ...]:
    language = locale.split("-", 1)[0]
    known = {"en": "en-US"}
    return (known[language],) if language in known else ()
