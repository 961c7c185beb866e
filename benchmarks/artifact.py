"""The Lambda artifact: its size as built for deployment, and what its entry imports at start."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Final

from benchmarks.aws import child_environment
from benchmarks.report import Check, Section, table
from testkit.envelopes import ROOT

BUILD: Final = ROOT / "scripts" / "build_lambda.py"
ENTRY: Final = ROOT / "lambda" / "app.py"
PROBE: Final = Path(__file__).resolve().parent / "module_probe.py"
UNZIPPED_TARGET_MB: Final = 10.0
# Must never load in the function: test and local tooling, the console and the web service.
UNWANTED: Final = (
    "flask",
    "moto",
    "pytest",
    "sqlite3",
    "skill.console",
    "skill.cli",
    "skill.portable",
    "skill.storage.sqlite",
    "skill.web",
)
# Nothing listens here: importing the entry sends nothing, and would reach nothing.
CLOSED_PORT: Final = "http://127.0.0.1:9"


def _build(out: Path) -> tuple[int, int]:
    """Build as the README says; the unzipped and zipped sizes in bytes."""
    result = subprocess.run(
        [sys.executable, str(BUILD), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the build failed:\n{result.stdout}{result.stderr}")
    unzipped = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return unzipped, out.with_name(out.name + ".zip").stat().st_size


def _start_up_modules(scratch: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, str(PROBE), str(ENTRY)],
        env=child_environment(CLOSED_PORT, str(scratch / "bytecode")),
        capture_output=True,
        text=True,
        check=True,
    )
    modules: list[str] = json.loads(result.stdout)["modules"]
    return modules


def _is_standard(package: str) -> bool:
    return package in sys.stdlib_module_names or package.startswith("_")


def _is_unwanted(module: str) -> bool:
    return any(module == u or module.startswith(f"{u}.") for u in UNWANTED)


def run() -> Section:
    section = Section("Artifact: scripts/build_lambda.py (arm64, Python 3.13 wheels), and start-up")
    with tempfile.TemporaryDirectory() as scratch:
        modules = _start_up_modules(Path(scratch))
        try:
            unzipped, zipped = _build(Path(scratch) / "lambda")
        except RuntimeError as exc:  # e.g. no package index: still report the imports
            unzipped = zipped = 0
            section.lines.append(f"  build failed: {str(exc).splitlines()[-1]}")
    packages = Counter(m.split(".")[0] for m in modules)
    standard = sum(count for name, count in packages.items() if _is_standard(name))
    others = [(name, count) for name, count in packages.most_common() if not _is_standard(name)]
    unwanted = sorted(m for m in modules if _is_unwanted(m))
    rows = []
    if unzipped:
        rows += [["unzipped", f"{unzipped / 1e6:.2f} MB"], ["zipped", f"{zipped / 1e6:.2f} MB"]]
    rows += [
        ["modules imported at start", f"{len(modules)}"],
        ["unwanted at start (tools, console, web, SQLite)", ", ".join(unwanted) or "none"],
    ]
    section.lines = table(["", "value"], rows) + section.lines
    section.lines.append(
        "  by package: "
        + ", ".join(f"{name} {count}" for name, count in others)
        + f"; standard library {standard}"
    )
    section.data = {
        "unzipped_bytes": unzipped or None,
        "zipped_bytes": zipped or None,
        "start_up_modules": len(modules),
        "top_level_packages": dict(packages.most_common()),
        "unwanted": unwanted,
    }
    section.checks = [
        Check(
            "artifact: unzipped size",
            unzipped / 1e6 if unzipped else None,
            " MB",
            UNZIPPED_TARGET_MB,
            strict=True,
        ),
        Check("artifact: unwanted modules at start", len(unwanted), "", 0),
    ]
    return section
