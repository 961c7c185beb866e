"""``wins export -o FILE`` never writes through a symbolic link someone put in its way."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path
from random import Random

import pytest

from skill.cli import main
from skill.domain.choice import Style
from skill.services.wins import Logged, Statement, WinsService, Wording
from skill.storage.records import Person
from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import Clock

WORDING = Wording(celebrations=dict.fromkeys(Style, 6), minimiser_replies=4)
ME = Person.of_account("amzn1.ask.account.EXPORTLINKS")
START = datetime(2026, 11, 21, 15, 30, tzinfo=UTC)
VICTIM = b"a file of someone's that must not change\n"


def seeded(folder: Path) -> Path:
    store = SqliteWinStore(folder)
    outcome = WinsService(store, Clock(START), Random(1)).log_win(
        ME, Statement("did the laundry"), "r1", WORDING
    )
    assert isinstance(outcome, Logged)
    store.close()
    return folder


@pytest.mark.parametrize("planted", ["the old partial name", "the output itself"])
def test_an_export_never_writes_through_a_planted_link(tmp_path: Path, planted: str) -> None:
    data = seeded(tmp_path / "wins")
    victim = tmp_path / "victim.txt"
    victim.write_bytes(VICTIM)
    out = tmp_path / "exports" / "wins.jsonl"
    out.parent.mkdir()
    link = out.with_name(f".{out.name}.partial") if planted == "the old partial name" else out
    link.symlink_to(victim)

    assert main(["export", "--data-dir", str(data), "-o", str(out)]) == 0

    assert victim.read_bytes() == VICTIM
    assert not out.is_symlink() and stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "did the laundry" in [
        json.loads(line).get("text") for line in out.read_text().splitlines()
    ]
    leftovers = {path.name for path in out.parent.iterdir()} - {out.name, link.name}
    assert leftovers == set()
