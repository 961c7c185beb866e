"""Rows of the SQLite store as the storage layer's records, and back."""

import json
from typing import Any, Final

from skill.storage.records import Profile, StoredWin, profile_fields, profile_of, win_of

# The profile's columns, as ``profile_row`` reads them.
PROFILE_FIELDS: Final = tuple(profile_fields(Profile()))
PROFILE_COLUMNS: Final = ", ".join(PROFILE_FIELDS)


def profile_row(row: tuple[Any, ...]) -> Profile:
    """A profile from a row of ``SELECT {PROFILE_COLUMNS}``."""
    return profile_of(dict(zip(PROFILE_FIELDS, row, strict=True)))


def sealed(text: str) -> str:
    """A win's words as kept in the file: a JSON string, quotes and all.

    SQLite writes a row's values back to back ("...did the laundrysaid2026-..."), so plain
    text would run into its neighbours; quoted, each win's words stand apart in the file, as they
    do in an export or in the old store's file, for anyone (or any tool) reading the folder.
    """
    return json.dumps(text, ensure_ascii=False)


def unsealed(value: Any) -> str:
    """The words from ``sealed``; a plain value (an older row) is taken as it is."""
    if isinstance(value, str) and value.startswith('"') and value.endswith('"'):
        try:
            loaded = json.loads(value)
        except ValueError:
            return value
        return loaded if isinstance(loaded, str) else value
    return str(value)


# The columns ``stored_win`` reads, in its order.
WIN_COLUMNS: Final = "number, text, created_at, kind, screened, told_at"


def stored_win(row: tuple[Any, ...]) -> StoredWin:
    """A win from a row of ``SELECT number, text, created_at, kind`` (and ``screened``,
    ``told_at``)."""
    number, text, created_at, kind, *rest = row
    screened, told_at = (*rest, None, None)[:2]
    return win_of(number, unsealed(text), created_at, kind, screened, told_at)
