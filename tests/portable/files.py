"""Exports written by hand for the import's tests, and what a data folder holds afterwards."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from skill.cli import main
from skill.storage.records import Person
from skill.storage.sqlite.rows import unsealed

ALEX = Person.of_account("amzn1.ask.account.ALEX")
ROBIN = Person.of_account("amzn1.ask.account.ROBIN")
SAM = Person.of_account("amzn1.ask.account.SAM")
HEADER = {"type": "export", "format": 1}
YESTERDAY = "2026-11-20T10:00:00.000000Z"  # the day before the pinned instant


def run(*argv: str) -> int:
    return main(list(argv))


def person_line(person: Person, **profile: Any) -> dict[str, Any]:
    return {"type": "person", "person": person.key, "account": person.account, "profile": profile}


def win_line(
    person: Person,
    number: int,
    text: str,
    created_at: str = YESTERDAY,
    kind: str = "said",
    **more: Any,
) -> dict[str, Any]:
    """A win as an export writes it; ``more`` adds fields (``told_at``), which an export
    from before they were carried lacks."""
    return {
        "type": "win",
        "person": person.key,
        "account": person.account,
        "number": number,
        "created_at": created_at,
        "kind": kind,
        "text": text,
        **more,
    }


def export(path: Path, *lines: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in (HEADER, *lines)))
    return path


def told(data_dir: Path) -> dict[str, str | None]:
    """Each win's words and its ``told_at`` as the folder's database keeps them."""
    with closing(
        sqlite3.connect(f"{(data_dir / 'wins.sqlite3').as_uri()}?mode=ro", uri=True)
    ) as db:
        return {unsealed(text): at for text, at in db.execute("SELECT text, told_at FROM wins")}


def kept(data_dir: Path) -> dict[str, Any]:
    """Each person's profile row and wins in the folder's database, read by SQLite itself."""
    path = data_dir / "wins.sqlite3"
    if not path.exists():
        return {}
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
        db.row_factory = sqlite3.Row
        profiles = {row["person"]: dict(row) for row in db.execute("SELECT * FROM profiles")}
        wins = db.execute("SELECT person, number, text, kind, created_at FROM wins")
        found: dict[str, Any] = {key: {"profile": row, "wins": []} for key, row in profiles.items()}
        for row in wins:
            found.setdefault(row["person"], {"profile": None, "wins": []})["wins"].append(
                (row["number"], unsealed(row["text"]), row["kind"], row["created_at"])
            )
    for person in found.values():
        person["wins"].sort()
    return found
