"""An export file is new, private, and written under a name nobody could have prepared."""

from __future__ import annotations

from pathlib import Path

from tests.portable.files import run
from tests.test_portable import seed


def test_an_export_never_writes_through_a_link_left_in_its_folder(tmp_path: Path) -> None:
    seed(tmp_path / "home")
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    out = tmp_path / "out"
    out.mkdir()
    for name in (".wins.jsonl.partial", "wins.jsonl"):
        (out / name).symlink_to(precious)

    assert run("export", "--data-dir", str(tmp_path / "home"), "-o", str(out / "wins.jsonl")) == 0

    assert precious.read_text() == "keep me"
    written = out / "wins.jsonl"
    assert not written.is_symlink() and written.stat().st_mode & 0o777 == 0o600
    assert '"type": "export"' in written.read_text()
    assert [p.name for p in out.iterdir() if p.name.endswith(".partial")] == [
        ".wins.jsonl.partial"  # the link, left as it was
    ]
