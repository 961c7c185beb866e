"""Everyday conversations, written blind, said to ``wins chat``: what is stored at the end.

    python -m tests.console.realtalk [FILE.tsv] [--show]

Each line of the file is a conversation (see its header): when it happens, what the person
says, the wins that should be stored (a distinctive word or two each) and words no stored win
may hold (hedges, shrugs, plans, preferences). Each runs in a new data folder at a pinned
instant. A conversation passes when exactly the wins named are stored, one stored win for each,
and no stored win holds a word it must not. This measures; it gates nothing: the sentences
were written for measuring, never for building the reader from.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Final, NamedTuple

from tests.conftest import saved_win_texts
from tests.console.talking import chat

HERE: Final = Path(__file__).resolve().parent
DEFAULT: Final = HERE / "realtalk.tsv"
WHEN: Final = {
    "morning": "2026-12-07T08:30:00",
    "afternoon": "2026-12-07T15:00:00",
    "evening": "2026-12-07T20:00:00",
}
ZONE: Final = "America/Chicago"


class Conversation(NamedTuple):
    id: str
    when: str
    lines: tuple[str, ...]
    wins: tuple[tuple[str, ...], ...]  # each win: words that must all be in one stored win
    never: tuple[str, ...]


def load(path: Path) -> list[Conversation]:
    found = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        id_, when, said, wins, never = (line.split("\t") + ["-"] * 5)[:5]
        found.append(
            Conversation(
                id_.strip(),
                when.strip(),
                tuple(part.strip() for part in said.split(" | ") if part.strip()),
                tuple(
                    tuple(win.split()) for win in wins.split(";") if win.strip() not in ("", "-")
                ),
                tuple(word.strip() for word in never.split(";") if word.strip() not in ("", "-")),
            )
        )
    return found


def said_to_the_console(conversation: Conversation, data_dir: Path) -> list[str]:
    at = f"{WHEN.get(conversation.when, WHEN['afternoon'])}"
    options = ("--at", at, "--time-zone", ZONE, "--seed", "1")
    return chat(data_dir, *conversation.lines, options=options).stdout.splitlines()


def judged(conversation: Conversation, stored: list[str]) -> list[str]:
    """What is wrong with what was stored; empty when it is right."""
    wrong = []
    texts = [text.lower() for text in stored]
    left = list(texts)
    for win in conversation.wins:
        match = next((text for text in left if all(word in text for word in win)), None)
        if match is None:
            wrong.append(f"missing: {' '.join(win)}")
        else:
            left.remove(match)
    wrong += [f"extra: {text}" for text in left]
    for word in conversation.never:
        holding = [text for text in texts if f" {word} " in f" {text} "]
        wrong += [f"holds '{word}': {text}" for text in holding]
    return wrong


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--show", action="store_true", help="print every conversation's replies")
    args = parser.parse_args(argv)
    conversations = load(args.file)
    passed = 0
    for conversation in conversations:
        with tempfile.TemporaryDirectory() as folder:
            replies = said_to_the_console(conversation, Path(folder))
            stored = saved_win_texts(Path(folder))
        wrong = judged(conversation, stored)
        passed += not wrong
        if wrong or args.show:
            print(f"\n{conversation.id} ({conversation.when}): {'; '.join(wrong) or 'ok'}")
            for said, reply in zip(conversation.lines, replies, strict=False):
                print(f"  > {said}\n    {reply}")
    print(f"\n{passed}/{len(conversations)} conversations stored exactly the right wins")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
