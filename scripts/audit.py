"""Check releases against published advisories, with pip-audit.

    python scripts/audit.py            # every release installed in this environment
    python scripts/audit.py --floors   # the lowest release each floor in pyproject.toml allows

The first fails (exit 1) when an installed release has a known vulnerability. The second asks
about the release each ``>=`` floor names: a floor whose own release has an advisory must go
up (it cannot see an advisory that only affects releases above the floor; the installed ones
are checked by the first). When pip-audit's vulnerability service cannot be reached, nothing
can be checked: that is said in one line and is not a failure (pip-audit itself would report
"No known vulnerabilities found" then, having looked at nothing, so its JSON is read to tell
the two apart).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
# The project itself, installed editable from this folder: not on any index.
OWN = {"wins"}

Run = Callable[[list[str]], subprocess.CompletedProcess[str]]


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)


def pip_audit(options: Sequence[str], run: Run = _run) -> list[dict[str, Any]] | str:
    """The dependencies pip-audit audited, or why nothing could be audited."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "audit.json"
        finished = run(
            [sys.executable, "-m", "pip_audit", *options, "--progress-spinner", "off",
             "--format", "json", "--output", str(report)]
        )  # fmt: skip
        try:
            found = json.loads(report.read_text())
        except (OSError, ValueError):
            return (finished.stderr.strip().splitlines() or ["no answer"])[-1]
    dependencies = [d for d in found.get("dependencies", []) if d.get("name") not in OWN]
    audited = [d for d in dependencies if "skip_reason" not in d]
    return audited or "nothing audited"


def floors(pyproject: Path = ROOT / "pyproject.toml") -> dict[str, Version]:
    """Each project's highest ``>=`` floor in pyproject.toml (dependencies, extras, build)."""
    document = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    project = document["project"]
    texts = [*project["dependencies"], *document["build-system"]["requires"]]
    for extra in project.get("optional-dependencies", {}).values():
        texts += extra
    found: dict[str, Version] = {}
    for requirement in map(Requirement, texts):
        name = canonicalize_name(requirement.name)
        for spec in requirement.specifier:
            if spec.operator == ">=" and name not in OWN:
                floor = Version(spec.version)
                found[name] = max(floor, found.get(name, floor))
    return dict(sorted(found.items()))


def audit_floors(run: Run = _run, pyproject: Path = ROOT / "pyproject.toml") -> int:
    with tempfile.TemporaryDirectory() as folder:
        requirements = Path(folder) / "floors.txt"
        pinned = [f"{name}=={version}" for name, version in floors(pyproject).items()]
        requirements.write_text("\n".join(pinned) + "\n")
        options = ["--requirement", str(requirements), "--no-deps", "--disable-pip"]
        return report(pip_audit(options, run), "floors", "admit a vulnerable release")


def report(audited: list[dict[str, Any]] | str, what: str, problem: str) -> int:
    """Print what pip-audit found; 1 when something is vulnerable."""
    if isinstance(audited, str):
        print(f"pip-audit skipped: the vulnerability service is unreachable ({audited})")
        return 0
    vulnerable = [d for d in audited if d.get("vulns")]
    for dependency in vulnerable:
        ids = ", ".join(v.get("id", "?") for v in dependency["vulns"])
        fixes = [Version(f) for v in dependency["vulns"] for f in v.get("fix_versions", [])]
        raise_to = f" (fixed in {max(fixes)})" if fixes else ""
        print(f"pip-audit: {dependency['name']} {dependency.get('version')}: {ids}{raise_to}")
    print(f"pip-audit: {len(audited)} {what} audited, {len(vulnerable)} {problem}")
    return 1 if vulnerable else 0


def main(argv: Sequence[str] | None = None, run: Run = _run) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--floors",
        action="store_true",
        help="audit the release each >= floor in pyproject.toml names, not what is installed",
    )
    if parser.parse_args(argv).floors:
        return audit_floors(run)
    return report(pip_audit(["--local"], run), "releases", "vulnerable")


if __name__ == "__main__":
    raise SystemExit(main())
