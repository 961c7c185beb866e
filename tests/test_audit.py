"""scripts/audit.py: pip-audit over what is installed, and over pyproject.toml's floors.

pip-audit itself is stood in for at the one seam the script has, the command it runs: the
stand-in writes a report in pip-audit's JSON format (or none, as when its vulnerability service
cannot be reached) and records the command.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from packaging.version import Version

from scripts import audit


class PipAudit:
    """Answers as pip-audit would with ``dependencies``; None: the service is unreachable."""

    def __init__(self, dependencies: list[dict[str, Any]] | None) -> None:
        self.dependencies = dependencies
        self.commands: list[list[str]] = []
        self.requirements: list[str] = []

    def __call__(self, command: list[str]) -> subprocess.CompletedProcess[str]:
        self.commands.append(command)
        if "--requirement" in command:
            path = Path(command[command.index("--requirement") + 1])
            self.requirements = path.read_text().split()
        if self.dependencies is None:
            return subprocess.CompletedProcess(command, 1, "", "ConnectionError: no route\n")
        output = Path(command[command.index("--output") + 1])
        output.write_text(json.dumps({"dependencies": self.dependencies, "fixes": []}))
        return subprocess.CompletedProcess(command, 0, "", "")


def test_the_floors_are_each_projects_highest_lower_bound(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[build-system]\nrequires = ["setuptools>=83.0.0"]\n'
        '[project]\ndependencies = ["requests>=2.33.0", "simplemma>=1.1,<3"]\n'
        "[project.optional-dependencies]\n"
        'web = ["Werkzeug>=3.1.9"]\nmoto = ["werkzeug>=3.1.4"]\ndev = ["wins[web]", "ruff"]\n'
    )

    assert audit.floors(pyproject) == {
        "requests": Version("2.33.0"),
        "setuptools": Version("83.0.0"),
        "simplemma": Version("1.1"),
        "werkzeug": Version("3.1.9"),
    }


def test_the_projects_own_floors_are_audited_as_pinned_releases() -> None:
    pip_audit = PipAudit([])

    audit.main(["--floors"], run=pip_audit)

    (command,) = pip_audit.commands
    assert {"--no-deps", "--disable-pip"} <= set(command)
    assert "urllib3==2.8.0" in pip_audit.requirements
    assert "certifi==2026.10.19" in pip_audit.requirements
    assert all("==" in line for line in pip_audit.requirements)


def test_a_floor_with_an_advisory_fails_and_says_where_to_raise_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    found: list[dict[str, Any]] = [
        {"name": "urllib3", "version": "2.7.0", "vulns": [
            {"id": "PYSEC-2026-4176", "fix_versions": ["2.8.0"]},
            {"id": "PYSEC-2026-4177", "fix_versions": ["2.8.0"]},
        ]},
        {"name": "requests", "version": "2.33.0", "vulns": []},
        {"name": "wins", "version": "0.1.0", "vulns": [{"id": "X", "fix_versions": []}]},
    ]  # fmt: skip

    assert audit.main(["--floors"], run=PipAudit(found)) == 1
    out = capsys.readouterr().out
    assert "urllib3 2.7.0: PYSEC-2026-4176, PYSEC-2026-4177 (fixed in 2.8.0)" in out
    assert "2 floors audited, 1 admit a vulnerable release" in out


def test_an_unreachable_service_is_said_and_does_not_fail(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert audit.main(["--floors"], run=PipAudit(None)) == 0
    assert "unreachable (ConnectionError: no route)" in capsys.readouterr().out
    assert audit.main([], run=PipAudit([{"name": "idna", "skip_reason": "offline"}])) == 0
    assert "unreachable (nothing audited)" in capsys.readouterr().out


def test_an_installed_release_with_an_advisory_fails(capsys: pytest.CaptureFixture[str]) -> None:
    found = [{"name": "flask", "version": "3.1.2", "vulns": [{"id": "CVE-2026-27205"}]}]

    assert audit.main([], run=PipAudit(found)) == 1
    assert "flask 3.1.2: CVE-2026-27205" in capsys.readouterr().out
