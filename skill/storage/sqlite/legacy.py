"""The embedded store's old file, brought into SQLite once.

Before SQLite, ``wins chat`` and ``wins serve`` kept every item in ``dynamodb-items.json``
(DynamoDB's JSON, one table). That file is read only into a database made while it was there:
the database's first transaction notes that it waits (``schema.LEGACY_PENDING``). Then each
person's profile and wins are written in, the file is renamed to
``dynamodb-items.json.imported`` (a backup that is never read again), and the note goes.
A start cut short on the way does it again: each person's data is replaced whole, so nothing
is doubled.

A ``dynamodb-items.json`` that appears beside an existing database is never read: it would
replace the current data of everyone it names. It is left where it is, and the start says so.
Request markers are not carried over: they only guard against redelivery for a few seconds.
"""

import json
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

from skill.storage.files import checked_file
from skill.storage.records import Person, Profile, StoredWin, profile_of, win_of
from skill.storage.sqlite.schema import LEGACY_FILE as LEGACY_FILE
from skill.storage.sqlite.schema import LEGACY_PENDING
from skill.storage.sqlite.store import SqliteWinStore

BACKUP_SUFFIX: Final = ".imported"
# The old file's sort keys: a person's profile, and their wins ("WIN#0000000042").
_PROFILE: Final = "PROFILE"
_WIN: Final = "WIN#"


def import_legacy_items(store: SqliteWinStore, data_dir: Path) -> str | None:
    """Import ``dynamodb-items.json`` if the database waits for it; say what was done, if
    anything was (or what was not, and why)."""
    source = data_dir / LEGACY_FILE
    key, waiting = LEGACY_PENDING
    if store.database.meta(key) != waiting:
        if not os.path.lexists(source):
            return None
        return (
            f"{source} was not read: saved wins from before are read only into a new wins "
            f"database, and {data_dir} has one already. Nothing was changed. Move the file "
            "away to stop this message (wins import brings in an export)."
        )
    if not checked_file(source, "the old saved wins"):  # renamed by a start cut short
        store.database.forget_meta(key)
        return None
    people = _read(source)
    for person, (profile, wins) in people.items():
        store.restore(person, profile, wins)
    backup = source.with_name(LEGACY_FILE + BACKUP_SUFFIX)
    source.rename(backup)
    store.database.forget_meta(key)
    count = sum(len(wins) for _profile, wins in people.values())
    return f"Imported {count} wins of {len(people)} people from {source}, kept as {backup}."


def _read(source: Path) -> dict[Person, tuple[Profile, list[StoredWin]]]:
    """Everyone in the file, read whole before anything is written."""
    document = json.loads(source.read_text(encoding="utf-8"))
    items = document.get("items") if isinstance(document, dict) else None
    if not isinstance(items, list):
        raise ValueError(f"{source} does not look like saved wins (no item list)")
    try:
        return people_in(items)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise ValueError(f"{source} holds an item that is not a saved win ({exc!r})") from exc


def people_in(items: Iterable[Mapping[str, Any]]) -> dict[Person, tuple[Profile, list[StoredWin]]]:
    """Each person's profile and wins (renumbered 1..n in their order) from the file's items."""
    profiles: dict[str, dict[str, Any]] = {}
    wins: dict[str, list[StoredWin]] = defaultdict(list)
    for item in items:
        key, sort = item["pk"]["S"], item["sk"]["S"]
        if sort == _PROFILE:
            profiles[key] = _plain(item)
        elif sort.startswith(_WIN):
            fields = _plain(item)
            number, words, created_at = fields["number"], fields["text"], fields["created_at"]
            wins[key].append(win_of(number, words, created_at, fields.get("kind")))
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
