"""``wins export`` and ``wins import``: a person's wins out of one store and into another.

Both work with every store: SQLite in the data folder (``--data-dir``) or a DynamoDB table
(``--table``), opened exactly as ``wins chat`` and ``wins serve`` open them. Stop ``wins serve``
first if you want an export to be a snapshot; SQLite lets both run at once safely either way.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Final

from skill.portable.formats import BadExport, read_export, write_csv, write_json_lines
from skill.storage.errors import StorageError, StoreSetupError
from skill.storage.files import new_private_file_beside
from skill.storage.interface import PortableStore
from skill.storage.opening import StoreSettings, open_store
from skill.storage.records import Person, Profile, StoredWin

FORMATS: Final = ("jsonl", "csv")


def _store_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="the folder of the SQLite file that keeps the wins (as for wins chat and serve)",
    )
    parser.add_argument(
        "--table",
        metavar="NAME",
        help="a DynamoDB table instead; endpoint, region and credentials come from the usual "
        "AWS settings",
    )


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    _store_arguments(parser)
    parser.add_argument(
        "--user",
        metavar="ID",
        help="only this Alexa user ID (its own wins and its recognised voices'); default: everyone",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="jsonl: everything, for wins import (default); csv: the wins, for a spreadsheet",
    )
    parser.add_argument(
        "--output", "-o", type=Path, metavar="FILE", help="write here (default: standard output)"
    )
    parser.set_defaults(run=run_export)


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    _store_arguments(parser)
    parser.add_argument("file", type=Path, help="an export from wins export (JSON lines or CSV)")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="replace the data of people who already have some (default: leave them alone)",
    )
    parser.set_defaults(run=run_import)


def _settings(args: argparse.Namespace) -> StoreSettings:
    return StoreSettings.for_options(args.table, args.data_dir)


def run_export(args: argparse.Namespace) -> int:
    form = args.format or ("csv" if args.output and args.output.suffix == ".csv" else "jsonl")
    try:
        with contextlib.ExitStack() as stack:
            opened = open_store(_settings(args), stack)
            people = [p for p in opened.store.people() if _chosen(p, args.user)]
            out = stack.enter_context(_output(args.output))
            writer = write_csv if form == "csv" else write_json_lines
            count = writer(out, _everyone(opened.store, people))
    except (StoreSetupError, StorageError, OSError) as exc:
        print(f"wins export: {exc}", file=sys.stderr)
        return 2
    print(f"Exported {count} wins of {len(people)} people from {opened.where}.", file=sys.stderr)
    return 0


def _chosen(person: Person, user: str | None) -> bool:
    return user is None or person.account == user


def _everyone(
    store: PortableStore, people: list[Person]
) -> Iterator[tuple[Person, Profile, Iterator[StoredWin]]]:
    for person in people:
        yield person, store.load_profile(person), store.wins_of(person)


@contextlib.contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    """Standard output, or a new file only its owner can read, complete or not there at all.

    No symbolic link is followed: the file is written under a new name nobody could have
    prepared, then renamed over ``path`` (which replaces a link there, not what it names).
    """
    if path is None:
        yield sys.stdout
        return
    handle, partial = new_private_file_beside(path)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def run_import(args: argparse.Namespace) -> int:
    try:
        text = args.file.read_text(encoding="utf-8") if str(args.file) != "-" else sys.stdin.read()
        people = read_export(text)
        with contextlib.ExitStack() as stack:
            opened = open_store(_settings(args), stack)
            store = opened.store
            existing = set(store.people())
            skipped = [
                one.person
                for one in people
                if not args.replace
                and (one.person in existing or store.last_win(one.person) is not None)
            ]
            imported = [one for one in people if one.person not in skipped]
            for one in imported:
                store.restore(one.person, one.profile, one.wins)
    except (BadExport, UnicodeDecodeError) as exc:
        print(
            f"wins import: {args.file} is not an export ({exc}); nothing imported", file=sys.stderr
        )
        return 2
    except (StoreSetupError, StorageError, OSError) as exc:
        print(f"wins import: {exc}", file=sys.stderr)
        return 2
    wins = sum(len(one.wins) for one in imported)
    print(f"Imported {wins} wins of {len(imported)} people into {opened.where}.", file=sys.stderr)
    if skipped:
        print(
            f"Left alone {len(skipped)} people who already have data there "
            "(--replace replaces their data with the file's).",
            file=sys.stderr,
        )
    return 0
