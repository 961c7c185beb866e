"""The embedded store's old file, brought into SQLite once, and only into a new database.

Before SQLite, ``wins chat`` and ``wins serve`` kept every item in ``dynamodb-items.json``
(DynamoDB's JSON, one table). The first time a database is opened, it records whether such a
file was brought in; only then, only into a database that holds nobody yet, and only from a
file that is the skill's own (a plain file, not a link, written by this user and writable by
no one else, in the old store's format) are its people and wins written, all in one
transaction. The file is then renamed ``dynamodb-items.json.imported``, a backup never read
again. A file found later, or one that is not the skill's own, is left alone, and each start
says so (it can never replace anyone's wins). Request markers are not carried over: they only
guard against redelivery for a few seconds.
"""

import json
import os
import stat
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

from skill.storage.records import Person, Profile, StoredWin, profile_of, win_of
from skill.storage.sqlite.store import SqliteWinStore

LEGACY_FILE: Final = "dynamodb-items.json"
BACKUP_SUFFIX: Final = ".imported"
# Recorded in the database's meta table the first time it is opened.
MARKER: Final = "legacy_items"
_FORMAT: Final = 1  # the old store's file format
# The old file's sort keys: a person's profile, and their wins ("WIN#0000000042").
_PROFILE: Final = "PROFILE"
_WIN: Final = "WIN#"


def import_legacy_items(store: SqliteWinStore, data_dir: Path) -> str | None:
    """Bring ``dynamodb-items.json`` in if this is the first time; returns what to tell the
    person (None: nothing to say). Raises ``ValueError`` for a file of the skill's own that
    cannot be read (it is left as it is)."""
    source = data_dir / LEGACY_FILE
    try:
        found = source.lstat()
    except FileNotFoundError:
        found = None
    if store.recorded(MARKER):
        return None if found is None else _left_alone(source, "its wins were brought in once")
    if found is None:
        store.record(MARKER, value="none")
        return None
    if not _own(found):
        return _left_alone(
            source, "it is not a file of yours (a link, another user's, or others can write it)"
        )
    if store.holds_anyone():
        store.record(MARKER, value="left alone")
        return _left_alone(source, "this database already holds wins")
    people = people_in(_items(source))
    wins = store.record(MARKER, ((p, profile, ws) for p, (profile, ws) in people.items()))
    backup = source.with_name(LEGACY_FILE + BACKUP_SUFFIX)
    source.rename(backup)
    return (
        f"Brought {wins} wins of {len(people)} people in from the old file {source}, once; "
        f"it is kept as {backup.name} (delete it when you no longer need it)."
    )


def _left_alone(source: Path, why: str) -> str:
    return (
        f"{source} was left alone: {why}. Wins from the old file are brought in only once, "
        "into a new database; move the file away to stop this note."
    )


def _own(found: os.stat_result) -> bool:
    return (
        stat.S_ISREG(found.st_mode)
        and found.st_uid == os.getuid()
        and not found.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def _items(source: Path) -> list[Mapping[str, Any]]:
    handle = os.open(source, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(handle, encoding="utf-8") as opened:
        document = json.load(opened)
    items = document.get("items") if isinstance(document, dict) else None
    if not isinstance(items, list) or document.get("format") != _FORMAT:
        raise ValueError(f"{source} does not look like saved wins (no item list)")
    return items


def people_in(items: Iterable[Mapping[str, Any]]) -> dict[Person, tuple[Profile, list[StoredWin]]]:
    """Each person's profile and wins (renumbered 1..n in their order) from the file's items."""
    profiles: dict[str, dict[str, Any]] = {}
    wins: dict[str, list[StoredWin]] = defaultdict(list)
    for item in items:
        try:
            key, sort = item["pk"]["S"], item["sk"]["S"]
            if sort == _PROFILE:
                profiles[key] = _plain(item)
            elif sort.startswith(_WIN):
                fields = _plain(item)
                number, words, created_at = fields["number"], fields["text"], fields["created_at"]
                wins[key].append(win_of(number, words, created_at, fields.get("kind")))
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"an item of the old file is not one the skill wrote ({exc})") from exc
    found: dict[Person, tuple[Profile, list[StoredWin]]] = {}
    for key in sorted(profiles.keys() | wins.keys()):
        fields = profiles.get(key, {})
        ordered = [
            win._replace(number=number)
            for number, win in enumerate(sorted(wins[key], key=lambda w: w.number), 1)
        ]
        profile = profile_of(fields)._replace(win_count=len(ordered))
        found[Person.from_key(key, fields.get("account"))] = (profile, ordered)
    return found


def _plain(item: Mapping[str, Any]) -> dict[str, Any]:
    """The item's text, numbers and booleans as plain values (DynamoDB's JSON types each)."""
    kinds = {"S": str, "N": int, "BOOL": bool}
    return {
        name: kinds[kind](raw)
        for name, typed in item.items()
        for kind, raw in typed.items()
        if kind in kinds
    }
