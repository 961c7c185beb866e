"""``wins export`` and ``wins import``: a person's wins out of one store and into another.

Both work with every store: SQLite in the data folder (``--data-dir``) or a DynamoDB table
(``--table``), opened exactly as ``wins chat`` and ``wins serve`` open them. Stop ``wins serve``
first if you want an export to be a snapshot; SQLite lets both run at once safely either way.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Final

from skill.portable.formats import BadExport, write_csv, write_json_lines
from skill.portable.importing import (
    Imported,
    ImportStopped,
    import_export,
    undo_stopped_import,
)
from skill.storage.errors import StorageError, StoreSetupError
from skill.storage.files import new_private_file_beside
from skill.storage.interface import PortableStore
from skill.storage.opening import (
    StoreSettings,
    migrate_table,
    migrated_table,
    open_staging,
    open_store,
)
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
            settings = _settings(args)
            opened = open_store(settings, stack)
            said = undo_stopped_import(opened.store, settings)  # never export half an import
            if said:
                print(said, file=sys.stderr)
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
    settings = _settings(args)
    try:
        with contextlib.ExitStack() as stack:
            source = stack.enter_context(_input(args.file))
            opened = open_store(settings, stack)
            staging = open_staging(settings, stack)
            done = import_export(
                source, opened.store, staging, replace=args.replace, now=datetime.now(UTC)
            )
    except (BadExport, UnicodeDecodeError) as exc:
        print(
            f"wins import: {args.file} cannot be imported ({_reason(exc)}); nothing imported",
            file=sys.stderr,
        )
        return 2
    except ImportStopped as exc:
        if exc.undone:
            told = f"wins import: {exc}; nothing imported (what it wrote was undone)"
            print(told, file=sys.stderr)
        elif args.table:
            print(
                f"wins import: {exc}. Some of it was written and could not be undone: run the "
                "same wins import again with --replace to finish it.",
                file=sys.stderr,
            )
        else:
            print(
                f"wins import: {exc}. Some of it was written and could not be undone yet: the "
                "next wins import into this folder undoes it first.",
                file=sys.stderr,
            )
        return 2
    except (StoreSetupError, StorageError, OSError) as exc:
        print(f"wins import: {exc}; nothing imported", file=sys.stderr)
        return 2
    for line in _told(done, opened.where):
        print(line, file=sys.stderr)
    return 0


def _reason(exc: ValueError) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "it is not UTF-8 text, as exports are; save it as UTF-8, or export it again"
    return str(exc)


@contextlib.contextmanager
def _input(path: Path) -> Iterator[IO[str]]:
    """The export as text, read as it comes (``-``: standard input); a byte order mark at the
    start is skipped, and line breaks are kept as written (``newline=""``), as CSV needs."""
    if str(path) == "-":
        yield io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
        return
    with path.open(encoding="utf-8-sig", newline="") as source:
        yield source


def _told(done: Imported, where: str) -> Iterator[str]:
    """What happened, in counts: never a word of anyone's."""
    if done.undone_earlier:
        yield "An earlier import here had stopped part way; what it wrote was undone first."
    yield f"Imported {done.wins} wins of {done.people} people into {where}."
    if done.duplicates:
        yield (
            f"Skipped {done.duplicates} duplicate wins (the same person, time and words as a "
            "win already in the file)."
        )
    if done.crisis:
        yield (
            f"Left out {done.crisis} wins, goals or one things that sound like a crisis; they "
            "were not stored."
        )
    if done.left_alone:
        yield (
            f"Left alone {done.left_alone} people who already have data there "
            "(--replace replaces their data with the file's)."
        )


# --- wins migrate-table (issue 21, storage) --------------------------------------------------


def add_migrate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="source",
        metavar="OLD",
        help="the old table, copied into the new one; without it nothing is copied, and only "
        "the new table's counts are kept ahead of time",
    )
    parser.add_argument("--to", dest="target", required=True, metavar="NEW", help="the new table")
    parser.add_argument(
        "--state",
        type=Path,
        metavar="FILE",
        help="where the copy records its progress, to resume (default: ./migrate-OLD-NEW.json)",
    )
    parser.add_argument("--region", help="the tables' AWS region (default: as boto3 finds it)")
    parser.set_defaults(run=_run_migrate)


def _run_migrate(args: argparse.Namespace) -> int:
    def warn(line: str) -> None:
        print(line, file=sys.stderr)

    if args.source is not None:
        state = args.state or Path(f"migrate-{args.source}-{args.target}.json")
        status = migrate_table(args.source, args.target, state, args.region, say=print, warn=warn)
        if status:
            return status
    # Each person's wins of the last fourteen days, counted ahead of their first launch.
    from skill.services.recap import count_fortnights

    try:
        store, now = migrated_table(args.target, args.region)
        done = count_fortnights(store, store.people(), now)
    except StorageError as exc:
        warn(f"wins migrate-table: could not count the last fourteen days' wins ({exc})")
        return 1
    print(
        f"counted the last fourteen days' wins for {done.counted} people "
        f"({done.needed_none} needed no count)"
    )
    if done.left:
        print(
            f"{done.left} people changed meanwhile or have too many wins: each first launch counts"
        )
    return 0
