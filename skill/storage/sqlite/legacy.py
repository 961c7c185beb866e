"""The embedded store's old file, brought into SQLite once.

Before SQLite, ``wins chat`` and ``wins serve`` kept every item in ``dynamodb-items.json``
(DynamoDB's JSON, one table). On the first start with such a file and no record of having
imported it, each person's profile and wins are written in (one transaction per person),
and the file is renamed to ``dynamodb-items.json.imported``, a backup that is never read again.
Request markers are not carried over: they only guard against redelivery for a few seconds.
"""

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

from skill.storage.interface import PortableStore
from skill.storage.records import Person, Profile, StoredWin, profile_of, win_of

LEGACY_FILE: Final = "dynamodb-items.json"
BACKUP_SUFFIX: Final = ".imported"
# The old file's sort keys: a person's profile, and their wins ("WIN#0000000042").
_PROFILE: Final = "PROFILE"
_WIN: Final = "WIN#"


def import_legacy_items(store: PortableStore, data_dir: Path) -> int:
    """Import ``dynamodb-items.json`` if present; returns how many people came along."""
    source = data_dir / LEGACY_FILE
    if not source.exists():
        return 0
    document = json.loads(source.read_text(encoding="utf-8"))
    items = document.get("items") if isinstance(document, dict) else None
    if not isinstance(items, list):
        raise ValueError(f"{source} does not look like saved wins (no item list)")
    people = people_in(items)
    for person, (profile, wins) in people.items():
        store.restore(person, profile, wins)
    source.rename(source.with_name(LEGACY_FILE + BACKUP_SUFFIX))
    return len(people)


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
