"""Each win once: the same person, time and words again is skipped and counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.portable.files import ALEX, SAM, export, kept, person_line, run, win_line
from tests.test_portable import seed


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_the_same_export_twice_in_one_file_imports_each_win_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    seed(tmp_path / "home")
    one = tmp_path / f"one{suffix}"
    assert run("export", "--data-dir", str(tmp_path / "home"), "-o", str(one)) == 0
    twice = tmp_path / f"twice{suffix}"
    twice.write_bytes(one.read_bytes() * 2)
    capsys.readouterr()

    assert run("import", "--data-dir", str(tmp_path / "copy"), str(twice)) == 0

    told = capsys.readouterr().err
    assert "Imported 4 wins of 3 people" in told
    assert "Skipped 4 duplicate wins" in told
    home, copy = kept(tmp_path / "home"), kept(tmp_path / "copy")
    assert {key: len(p["wins"]) for key, p in copy.items()} == {
        key: len(p["wins"]) for key, p in home.items()
    }


def test_a_duplicate_is_the_same_person_time_and_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = export(
        tmp_path / "wins.jsonl",
        person_line(ALEX),
        win_line(ALEX, 1, "did the laundry"),
        win_line(ALEX, 2, "did the laundry"),  # the same: skipped
        win_line(ALEX, 3, "did the laundry", created_at="2026-11-20T11:00:00Z"),  # another time
        win_line(ALEX, 4, "did the dishes"),  # other words
        person_line(SAM),
        win_line(SAM, 1, "did the laundry"),  # someone else
    )

    assert run("import", "--data-dir", str(tmp_path / "data"), str(file)) == 0

    told = capsys.readouterr().err
    assert "Imported 4 wins of 2 people" in told
    assert "Skipped 1 duplicate wins" in told
    wins = kept(tmp_path / "data")[ALEX.key]["wins"]
    assert [(n, text) for n, text, *_ in wins] == [
        (1, "did the laundry"),
        (2, "did the laundry"),
        (3, "did the dishes"),
    ]
    assert kept(tmp_path / "data")[ALEX.key]["profile"]["win_count"] == 3
