"""The benchmark suite keeps working: a quick run, checked for completeness rather than speed.

Timings belong to ``python -m benchmarks.run`` on a quiet machine; what is deterministic (call
counts, items read, what loads at start) must hold anywhere, so it is asserted here too.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

DETERMINISTIC = ("DynamoDB calls", "items read", "unwanted modules")


def test_a_quick_run_measures_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--quick", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr  # 1: a target missed
    targets = {t["name"]: t for t in json.loads(out.read_text(encoding="utf-8"))["targets"]}
    assert len(targets) >= 10, result.stdout
    unmeasured = [name for name, t in targets.items() if t["value"] is None]
    assert not unmeasured, result.stdout
    for name, target in targets.items():
        if any(word in name for word in DETERMINISTIC):
            assert target["passed"], f"{name}: {target['value']}"
    assert "PASS" in result.stdout and "Targets" in result.stdout
