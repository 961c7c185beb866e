"""Says every line of a care corpus to Small Wins and scores the screen and the whole path.

    python -m tests.care.check [CORPUS.tsv ...] [--screen-only] [--quiet]

Two figures per kind of statement (``tests/care/corpus.tsv`` says what the kinds are):
- the screen alone (``skill.domain.screen``), each line as the intent it resolves to would
  present it, carrier and words;
- the whole path, as a person would say it: through the console's resolver (the same
  interaction model Alexa gets), genuine request envelopes, the real handler and a store, each
  line said one-shot ("tell small wins ...") and in an open session, in the device's morning
  and afternoon by turns, each time by a new person. Afterwards the store is searched for the
  line's key word, and the answer for the crisis line.

A line passes as the outside probe judges it: crisis lines offer the line and store nothing,
not-a-win lines store nothing, wins are stored with no crisis line, recovery steps ("SENS")
are stored, and "BOTH" lines (a win said in danger) offer the line. Prints the misses and one
summary line per corpus; exits 1 below the targets in ``TARGETS``.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import os
import random
import re
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, NamedTuple

from skill.console.device.conversation import Conversation
from skill.console.hearing.envelopes import Caller
from skill.console.hearing.model import default_model_path, load_model
from skill.console.hearing.resolver import Resolver
from skill.domain.screen import Frame, Kind, screen
from skill.entry import make_handler
from skill.handlers.statements import CARRIERS
from skill.services.routines import PLAN_CARRIER
from skill.storage.records import Person
from skill.storage.sqlite.schema import DATABASE_FILE
from skill.storage.sqlite.store import SqliteWinStore
from tests.care import sheet

HERE: Final = Path(__file__).resolve().parent
CORPUS: Final = HERE / "corpus.tsv"
# Fixed moments: the device is in UTC; a morning and an afternoon on an ordinary day.
MORNING: Final = datetime(2026, 11, 18, 9, 15, tzinfo=UTC)
AFTERNOON: Final = datetime(2026, 11, 18, 15, 40, tzinfo=UTC)
# The least each kind must reach, as a fraction of its lines, on the whole path.
# Recovery steps ("SENS") are reported: one met with the crisis line instead of a celebration is
# a kindness missed, never a harm; the floor keeps that from growing unseen.
TARGETS: Final = {"CRISIS": 1.0, "BOTH": 1.0, "NOTWIN": 0.95, "WIN": 0.95, "SENS": 0.7}
# What the screen alone must say for each kind. A check-in gives the line and stores nothing:
# care, for a crisis; for a win, a miss.
EXPECTED: Final = {
    "CRISIS": {Kind.CRISIS, Kind.CHECK_IN},
    "BOTH": {Kind.CRISIS, Kind.CHECK_IN},
    "NOTWIN": {Kind.NOT_A_WIN, Kind.CRISIS, Kind.CHECK_IN},
    "WIN": {Kind.WIN},
    "SENS": {Kind.WIN},
}
_STATEMENT_SLOTS: Final = {"win", "thing", "goal", *(c.slot for c in CARRIERS.values())}


class Line(NamedTuple):
    label: str
    text: str
    key: str
    family: str = ""  # four-column corpora say which family each line belongs to


class Result(NamedTuple):
    line: Line
    screened: bool
    whole: bool
    notes: tuple[str, ...]


def read_corpus(path: Path) -> list[Line]:
    """A corpus of three columns (label, text, key) or four (label, family, text, key)."""
    lines = []
    for raw in path.read_text("utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            columns = raw.split("\t")
            if len(columns) == 4:
                label, family, text, key = columns
                lines.append(Line(label, text, key, family))
            else:
                label, text, key = columns
                lines.append(Line(label, text, key))
    return lines


def held_out(lines: list[Line], seed: int) -> tuple[frozenset[str], list[Line]]:
    """Half the families, chosen by ``seed``, and their lines: what a held-out figure scores.

    The same seed always holds out the same families, so a figure can be reproduced.
    """
    families = sorted({line.family for line in lines if line.family})
    random.Random(seed).shuffle(families)
    out = frozenset(families[: len(families) // 2])
    return out, [line for line in lines if line.family in out]


class _Clock:
    def __init__(self) -> None:
        self.now = AFTERNOON

    def __call__(self) -> datetime:
        return self.now


class WholePath(NamedTuple):
    """The whole path: resolver, handler and store, shared by every line."""

    resolver: Resolver
    handler: Any
    data_dir: Path  # the SQLite store's folder
    clock: _Clock


@contextlib.contextmanager
def whole_path() -> Iterator[WholePath]:
    """A fresh SQLite store in a temporary folder: every line is said to the same skill."""
    resolver = Resolver(load_model(default_model_path()))
    clock = _Clock()
    with (
        tempfile.TemporaryDirectory() as folder,
        contextlib.closing(SqliteWinStore(Path(folder))) as store,
    ):
        handler = make_handler(store, skill_id=None, clock=clock)
        yield WholePath(resolver, handler, Path(folder), clock)


def kept_for(data_dir: Path, person: Person) -> str:
    """Every row the store's file keeps of ``person`` (profile, wins, request markers), read by
    SQLite itself, as lower-case text."""
    path = data_dir / DATABASE_FILE
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
        rows = [
            row
            for table in ("profiles", "wins", "requests")
            for row in db.execute(f"SELECT * FROM {table} WHERE person = ?", (person.key,))
        ]
    return repr(rows).lower()


def screened(resolver: Resolver, line: Line) -> tuple[bool, str]:
    """The screen's verdict on the line as the intent it resolves to would present it."""
    heard = resolver.resolve(line.text)
    intent = heard.intent
    carrier, words = _carrier(intent.name if intent else ""), ""
    if intent is not None:
        words = " ".join(
            fill.value for fill in intent.slots if fill.value and fill.name in _STATEMENT_SLOTS
        )
    verdict = screen(words, *carrier) if intent and words else screen(line.text, "")
    ok = verdict.kind in EXPECTED[line.label]
    return (
        ok,
        f"screen: {verdict.kind.value} ({verdict.reason}) via {intent.name if intent else ''}",
    )


def _carrier(intent: str) -> tuple[str, Frame]:
    if intent in CARRIERS:
        return CARRIERS[intent].words, CARRIERS[intent].frame
    if intent in ("SetOneThingIntent", "SetGoalIntent"):
        return PLAN_CARRIER, Frame.INTEND
    return "i", Frame.DONE


def said(path: WholePath, user: str, utterances: list[str], at: datetime) -> tuple[str, str]:
    """Say ``utterances`` as a new person; the last answer, and everything stored for them."""
    path.clock.now = at
    # No way to Alexa's APIs: the device's zone is then UTC, and nothing waits on the network.
    caller = Caller(user_id=user, api_endpoint="", api_access_token="")
    conversation = Conversation(path.handler, path.resolver, caller, clock=path.clock)
    answer: dict[str, Any] = {}
    for utterance in utterances:
        answer = conversation.hear(utterance) or {}
    conversation.leave()
    response = answer.get("response") or {}
    speech = str((response.get("outputSpeech") or {}).get("ssml") or "")
    card = response.get("card") or {}
    spoken = re.sub(r"<[^>]+>", " ", f"{speech} | {card.get('content') or card.get('text') or ''}")
    # The person's own id is stored with their rows: a key word in it ("account") is not kept.
    stored = kept_for(path.data_dir, Person.of_account(user)).replace(user.lower(), "")
    return " ".join(spoken.split()), stored


def judge(path: WholePath, number: int, line: Line, *, both_ways: bool = True) -> Result:
    """One line, one-shot and in session (or, with ``both_ways`` off, one of them by turns)."""
    ok, note = screened(path.resolver, line)
    notes = [] if ok else [note]
    whole = True
    ways = [
        ("one-shot", [f"tell small wins {line.text}"], AFTERNOON),
        # The morning asks for the one thing, the afternoon "What did you do?": both, always.
        ("in session, morning", ["open small wins", line.text], MORNING),
        ("in session, afternoon", ["open small wins", line.text], AFTERNOON),
    ]
    if not both_ways:
        ways = [ways[number % len(ways)]]
    for name, utterances, at in ways:
        user = f"amzn1.ask.account.CARE{number:04d}{name.replace(' ', '').replace(',', '')}"
        answer, stored = said(path, user, utterances, at)
        kept = re.search(rf"\b{re.escape(line.key.lower())}\b", stored) is not None
        offered = "988" in answer
        good = {
            "CRISIS": offered and not kept,
            "BOTH": offered,
            "NOTWIN": not kept,
            "WIN": kept and not offered,
            "SENS": kept,
        }[line.label]
        whole &= good
        if not good:
            notes.append(f"{name}: stored={kept} line={offered}: {answer[:160]}")
    return Result(line, ok, whole, tuple(notes))


def _judged(part: tuple[list[Line], int, bool, bool]) -> list[Result]:
    """One run of consecutive lines, numbered from ``start``, said to a skill of its own."""
    lines, start, screen_only, both_ways = part
    results = []
    with whole_path() as path:
        for number, line in enumerate(lines, start):
            if screen_only:
                ok, note = screened(path.resolver, line)
                results.append(Result(line, ok, ok, () if ok else (note,)))
            else:
                results.append(judge(path, number, line, both_ways=both_ways))
    return results


# Below this many lines, one process says them all; above, every core takes a share.
_SHARED_FROM: Final = 400


def _results(lines: list[Line], screen_only: bool, both_ways: bool) -> Iterator[Result]:
    """Every line's result, in the corpus's order. Lines are independent (each has users of its
    own), so a long corpus is split into one run per core, each with its own skill and store."""
    workers = min(os.cpu_count() or 1, 8)
    if len(lines) < _SHARED_FROM or workers == 1:
        yield from _judged((lines, 0, screen_only, both_ways))
        return
    size = -(-len(lines) // workers)
    parts = [
        (lines[start : start + size], start, screen_only, both_ways)
        for start in range(0, len(lines), size)
    ]
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        for results in pool.map(_judged, parts):
            yield from results


def run(
    corpus: Path | list[Line], *, screen_only: bool, quiet: bool, both_ways: bool = True
) -> tuple[dict[str, list[int]], bool]:
    lines = read_corpus(corpus) if isinstance(corpus, Path) else corpus
    tally: dict[str, list[int]] = {}
    for result in _results(lines, screen_only, both_ways):
        line = result.line
        counts = tally.setdefault(line.label, [0, 0, 0])
        counts[0] += result.screened
        counts[1] += result.whole
        counts[2] += 1
        if result.notes and not quiet:
            print(f"MISS {line.label} {line.text!r}")
            for note in result.notes:
                print(f"    {note}")
    met = all(
        counts[1 if not screen_only else 0] >= TARGETS[label] * counts[2]
        for label, counts in tally.items()
    )
    return tally, met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpora", nargs="*", type=Path, default=[CORPUS])
    parser.add_argument("--screen-only", action="store_true", help="only the screen, fast")
    parser.add_argument("--quiet", action="store_true", help="only the summary")
    parser.add_argument(
        "--held-out",
        type=int,
        metavar="SEED",
        help="score only the lines of half the families (four-column corpora), chosen by SEED",
    )
    parser.add_argument(
        "--sheet",
        nargs="?",
        const="-",
        metavar="PATH",
        help="instead, write the screen's rules as a review sheet (Markdown) to PATH; "
        "without PATH, print it",
    )
    args = parser.parse_args(argv)
    if args.sheet is not None:
        return sheet.write(args.sheet)
    all_met = True
    for corpus in args.corpora:
        lines = read_corpus(corpus)
        if args.held_out is not None:
            families, lines = held_out(lines, args.held_out)
            print(f"held out ({corpus.name}, seed {args.held_out}): {', '.join(sorted(families))}")
        tally, met = run(lines, screen_only=args.screen_only, quiet=args.quiet)
        parts = [
            f"{label.lower()} screen {c[0]}/{c[2]}, whole path {c[1]}/{c[2]}"
            for label, c in sorted(tally.items())
        ]
        print(f"care ({corpus.name}): " + "; ".join(parts) + ("" if met else "  BELOW TARGET"))
        all_met &= met
    return 0 if all_met else 1


if __name__ == "__main__":
    sys.exit(main())
