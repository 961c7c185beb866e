"""Large ``wins export`` files, written line by line, for the import's tests and benchmark.

The wins are what a real diary holds: a few hundred everyday deeds said again and again on
different days, each line unique by its time. Nothing is kept in memory but the current line.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Final

from skill.storage.records import Person, stamp

_DEEDS: Final = (
    "did the laundry",
    "walked the dog",
    "called mum",
    "made my bed",
    "took a shower",
    "went outside for a bit",
    "answered an email",
    "cooked dinner",
    "cleared my desk",
    "read a chapter",
)
_WHEN: Final = ("this morning", "after lunch", "before bed", "again", "at last", "on time")


def deed(index: int) -> str:
    """An everyday win; 600 different ones, over and over."""
    when = _WHEN[index // len(_DEEDS) % len(_WHEN)]
    return f"{_DEEDS[index % len(_DEEDS)]} {when} ({index // 60 % 10})"


def person(index: int) -> Person:
    return Person.of_account(f"amzn1.ask.account.IMPORT{index:06d}")


def write_export(path: Path, *, people: int, wins_each: int, end: datetime) -> int:
    """A JSON lines export: ``people`` people with ``wins_each`` wins, the last one a minute
    before ``end``; returns how many lines it has."""
    lines = 1
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"type": "export", "format": 1}) + "\n")
        for who in range(people):
            someone = person(who)
            profile = {"style": "calm", "today_count": 0, "goal_number": 0}
            row = {"type": "person", "person": someone.key, "account": someone.account}
            out.write(json.dumps({**row, "profile": profile}) + "\n")
            first = end - timedelta(minutes=wins_each + 1)
            for number in range(1, wins_each + 1):
                win = {
                    "type": "win",
                    "person": someone.key,
                    "account": someone.account,
                    "number": number,
                    "created_at": stamp(first + timedelta(minutes=number)),
                    "kind": "said",
                    "text": deed(number * 7 + who),
                }
                out.write(json.dumps(win) + "\n")
            lines += 1 + wins_each
    return lines
