"""Exported data as JSON lines (everything) or CSV (the wins), and reading both back.

JSON lines: a header line, then per person one ``person`` line (account and settings) followed
by one ``win`` line per win, oldest first. CSV: one row per win (person, account, number,
created_at, told_at, kind, text); settings are not in it, so importing a CSV brings the wins
only. ``told_at`` is when a win filed on a day its words named was told (``StoredWin``): null
in JSON and an empty cell in CSV for a win logged as told. Files written before it was carried
have no ``told_at`` and read the same way.

Reading streams: one line (or CSV row) at a time, each no longer than an export's ever is, so a
file of any length is read in the same memory. A byte order mark, which some editors and
spreadsheets add when they save, is allowed at the start.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any, Final

from skill.storage.records import Person, Profile, StoredWin, profile_fields, stamp

FORMAT: Final = 1
CSV_FIELDS: Final = ("person", "account", "number", "created_at", "told_at", "kind", "text")
# What a CSV export's header must name: ``told_at`` came later, and older files lack it.
CSV_REQUIRED: Final = tuple(name for name in CSV_FIELDS if name != "told_at")
# Far longer than any line an export holds (a win's words are at most 300 characters), short
# enough that a file with no line breaks cannot fill the memory.
MAX_LINE: Final = 64 * 1024
BOM: Final = "\ufeff"
# A spreadsheet evaluates a cell that starts with one of these (=HYPERLINK(...), +cmd|...): CSV
# injection, OWASP (https://owasp.org/www-community/attacks/CSV_Injection). Such a cell is
# written with a ' before it, which spreadsheets take as "this is text" and do not show. A cell
# already starting with ' before one of them gets one more, so reading back (which takes one
# ' away) gives exactly what was written.
_EVALUATED: Final = re.compile(r"'*[=+\-@\t\r]")
_NEUTRALISED: Final = re.compile(r"'+[=+\-@\t\r]")


class BadExport(ValueError):
    """The file is not an export this version can read; the message names the line."""


def _profile_fields(profile: Profile) -> dict[str, Any]:
    """The settings an export carries: every field but the win count, which the wins give,
    and the words of a win deleted (kept for "undo" only)."""
    fields = profile_fields(profile)
    del fields["win_count"]
    del fields["last_gone"]
    return fields


def _win_fields(person: Person, win: StoredWin) -> dict[str, Any]:
    return {
        "person": person.key,
        "account": person.account,
        "number": win.number,
        "created_at": stamp(win.created_at),
        "told_at": stamp(win.told_at) if win.told_at is not None else None,
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
    """Write the wins as CSV (RFC 4180 quoting: a cell with a comma, quote or line break is
    quoted); cells a spreadsheet would evaluate are neutralised. Returns how many."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    count = 0
    for person, _profile, wins in people:
        for win in wins:
            fields = _win_fields(person, win)
            writer.writerow([_cell(fields[name]) for name in CSV_FIELDS])
            count += 1
    return count


def _cell(value: Any) -> str:
    """A value as its CSV cell: none is an empty cell."""
    return "" if value is None else neutralised(str(value))


def neutralised(cell: str) -> str:
    """``cell`` as a spreadsheet will show it but never evaluate it."""
    return f"'{cell}" if _EVALUATED.match(cell) else cell


def restored(cell: str) -> str:
    """The cell ``neutralised`` wrote: one ' taken away, only where it was put."""
    return cell[1:] if _NEUTRALISED.match(cell) else cell


def rows(source: IO[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each person and win of a JSON lines or CSV export, with where it is ("line 12").

    ``source`` is text opened with ``newline=""``, so line breaks inside CSV cells are read as
    they were written.
    """
    lines = _lines(source)
    first, skipped = next(lines, ""), 0
    while first and not first.strip(BOM + " \t\r\n"):
        first, skipped = next(lines, ""), skipped + 1
    whole = itertools.chain([first], lines)
    if first.lstrip(BOM + " \t").startswith("{"):
        return _json_rows(whole, skipped)
    return _csv_rows(whole, skipped)


def _lines(source: IO[str]) -> Iterator[str]:
    number = 0
    while True:
        line = source.readline(MAX_LINE + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE:
            raise BadExport(f"line {number} is far longer than any export's")
        yield line


def _json_rows(lines: Iterable[str], skipped: int) -> Iterator[tuple[str, dict[str, Any]]]:
    for number, line in enumerate(lines, skipped + 1):
        line = line.lstrip(BOM)  # a second export pasted after the first may bring its own
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


def _csv_rows(lines: Iterable[str], skipped: int) -> Iterator[tuple[str, dict[str, Any]]]:
    reader = csv.reader(lines, strict=True)
    try:
        header = [name.strip().lstrip(BOM) for name in next(reader, [])]
        if set(CSV_REQUIRED) - set(header):
            raise BadExport(
                "a JSON lines export starts with {, and a CSV export's header is "
                + ",".join(CSV_FIELDS)
                + " (told_at may be left out)"
            )
        for cells in reader:
            where = f"line {skipped + reader.line_num}"
            if not any(cells):
                continue
            if [cell.lstrip(BOM) for cell in cells] == header:
                continue  # a second export's header: the same export twice in one file
            if len(cells) != len(header):
                raise BadExport(f"{where}: {len(cells)} cells where the header names {len(header)}")
            row = {name: restored(cell) for name, cell in zip(header, cells, strict=True)}
            yield where, {"type": "win", **row}
    except csv.Error as exc:
        where = f"line {skipped + reader.line_num}"
        raise BadExport(f"{where} is not CSV as an export writes it: {exc}") from exc
