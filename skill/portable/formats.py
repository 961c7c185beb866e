"""Exported data as JSON lines (everything) or CSV (the wins), and reading both back.

JSON lines: a header line, then per person one ``person`` line (account and settings) followed
by one ``win`` line per win, oldest first. CSV: one row per win (person, account, number,
created_at, kind, text); settings are not in it, so importing a CSV brings the wins only.
Reading checks everything before anything is written, and says which line is wrong.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import IO, Any, Final, NamedTuple

from skill.domain.choice import Style
from skill.domain.phrasing import WinKind
from skill.storage.records import Person, Profile, StoredWin, profile_fields, stamp

FORMAT: Final = 1
CSV_FIELDS: Final = ("person", "account", "number", "created_at", "kind", "text")
MAX_TEXT: Final = 1000  # far above what the skill stores (300); refuses garbage, not wins


class PersonExport(NamedTuple):
    person: Person
    profile: Profile  # win_count is the number of wins
    wins: list[StoredWin]


class BadExport(ValueError):
    """The file is not an export this version can read; the message names the line."""


def _profile_fields(profile: Profile) -> dict[str, Any]:
    """The settings an export carries: every field but the win count, which the wins give."""
    fields = profile_fields(profile)
    del fields["win_count"]
    return fields


def _win_fields(person: Person, win: StoredWin) -> dict[str, Any]:
    return {
        "person": person.key,
        "account": person.account,
        "number": win.number,
        "created_at": stamp(win.created_at),
        "kind": win.kind.value,
        "text": win.text,
    }


def write_json_lines(
    out: IO[str], people: Iterable[tuple[Person, Profile, Iterable[StoredWin]]]
) -> int:
    """Write the export; returns how many wins were written."""
    out.write(json.dumps({"type": "export", "format": FORMAT}) + "\n")
    count = 0
    for person, profile, wins in people:
        line = {"type": "person", "person": person.key, "account": person.account}
        out.write(json.dumps({**line, "profile": _profile_fields(profile)}) + "\n")
        for win in wins:
            out.write(json.dumps({"type": "win", **_win_fields(person, win)}) + "\n")
            count += 1
    return count


def write_csv(out: IO[str], people: Iterable[tuple[Person, Profile, Iterable[StoredWin]]]) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for person, _profile, wins in people:
        for win in wins:
            writer.writerow(_win_fields(person, win))
            count += 1
    return count


def read_export(text: str) -> list[PersonExport]:
    """Every person in a JSON lines or CSV export, wins renumbered 1..n in their order."""
    first = text.lstrip()[:1]
    rows = _json_rows(text) if first == "{" else _csv_rows(text)
    profiles: dict[Person, Profile] = {}
    wins: dict[Person, list[tuple[int, StoredWin]]] = {}
    for where, row in rows:
        try:
            person = _person(row)
            if row.get("type") == "person":
                profiles[person] = _profile(row.get("profile") or {})
            else:
                wins.setdefault(person, []).append((int(row["number"]), _win(row)))
        except (KeyError, TypeError, ValueError) as exc:
            raise BadExport(f"{where}: {exc}") from exc
    found = []
    for person in sorted(profiles.keys() | wins.keys()):
        ordered = [w for _, w in sorted(wins.get(person, []), key=lambda pair: pair[0])]
        numbered = [win._replace(number=n) for n, win in enumerate(ordered, 1)]
        profile = profiles.get(person, Profile())._replace(win_count=len(numbered))
        found.append(PersonExport(person, profile, numbered))
    return found


def _json_rows(text: str) -> Iterator[tuple[str, dict[str, Any]]]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise BadExport(f"line {number} is not JSON") from exc
        if not isinstance(row, dict):
            raise BadExport(f"line {number} is not a JSON object")
        if row.get("type") == "export":
            if row.get("format") != FORMAT:
                raise BadExport(f"line {number}: unknown export format {row.get('format')!r}")
            continue
        if row.get("type") not in ("person", "win"):
            raise BadExport(f"line {number}: unknown line type {row.get('type')!r}")
        yield f"line {number}", row


def _csv_rows(text: str) -> Iterator[tuple[str, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or set(CSV_FIELDS) - set(reader.fieldnames):
        raise BadExport(f"not an export: a CSV export's header is {','.join(CSV_FIELDS)}")
    for number, row in enumerate(reader, 2):
        yield f"line {number}", {"type": "win", **row}


def _person(row: dict[str, Any]) -> Person:
    return Person.from_key(str(row["person"]), str(row["account"]))


def _win(row: dict[str, Any]) -> StoredWin:
    text = row["text"]
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT:
        raise ValueError("a win's text must be words, at most 1000 characters")
    created = datetime.fromisoformat(str(row["created_at"]))
    if created.tzinfo is None:
        raise ValueError("created_at needs a time zone (exports use UTC, ending in Z)")
    kind = WinKind(row.get("kind") or WinKind.SAID.value)
    return StoredWin(number=0, text=text, created_at=created, kind=kind)


def _optional_day(value: Any) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def _optional_text(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"expected text, not {value!r}")
    return value or None


def _profile(fields: dict[str, Any]) -> Profile:
    checked = fields.get("zone_checked_at")
    phrase = fields.get("last_phrase")
    return Profile(
        style=Style(fields.get("style") or Style.CHEERFUL.value),
        today=_optional_day(fields.get("today")),
        today_count=int(fields.get("today_count") or 0),
        last_phrase=None if phrase is None else int(phrase),
        goal=_optional_text(fields.get("goal")),
        goal_number=int(fields.get("goal_number") or 0),
        one_thing=_optional_text(fields.get("one_thing")),
        one_thing_day=_optional_day(fields.get("one_thing_day")),
        one_thing_done=bool(fields.get("one_thing_done")),
        zone=_optional_text(fields.get("zone")),
        zone_checked_at=datetime.fromisoformat(checked) if checked else None,
        reminder_token=_optional_text(fields.get("reminder_token")),
        reminder_time=_optional_text(fields.get("reminder_time")),
    )
