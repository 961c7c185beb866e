"""Dependency floors leave out releases with published vulnerabilities, and installs are pinned.

pyproject.toml says what the project can work with; constraints.txt says exactly what it
installs (``scripts/dev`` installs through it). These check the two agree, and that no floor
admits a release an advisory names.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())

# Vulnerable releases, each the last one before its fix (see the comments in pyproject.toml).
VULNERABLE = [
    ("waitress", "3.0.0"),  # CVE-2024-49768, CVE-2024-49769
    ("cryptography", "42.0.3"),  # CVE-2024-26130
    ("cryptography", "44.0.0"),  # CVE-2024-12797 (bundled OpenSSL)
    ("certifi", "2024.6.2"),  # CVE-2024-39689
    ("flask", "3.1.0"),  # CVE-2025-47278
    ("werkzeug", "3.0.5"),  # CVE-2024-49766, CVE-2024-49767
    ("jinja2", "3.1.5"),  # CVE-2025-27516
    ("urllib3", "2.5.0"),  # CVE-2025-66418, CVE-2025-66471
    ("requests", "2.32.3"),  # CVE-2024-47081
    ("flask-cors", "5.0.1"),  # CVE-2024-6221 and others
    ("setuptools", "78.1.0"),  # CVE-2025-47273
]


def requirements() -> list[Requirement]:
    """Every requirement pyproject.toml states, the build's included."""
    project = PYPROJECT["project"]
    texts = [*project["dependencies"], *PYPROJECT["build-system"]["requires"]]
    for extra in project["optional-dependencies"].values():
        texts += extra
    return [Requirement(text) for text in texts]


def pins() -> dict[str, Version]:
    found: dict[str, Version] = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        match = re.fullmatch(r"([A-Za-z0-9._-]+)==(\S+)", line.strip())
        if match:
            found[canonicalize_name(match[1])] = Version(match[2])
    return found


@pytest.mark.parametrize(("name", "version"), VULNERABLE)
def test_no_floor_admits_a_vulnerable_release(name: str, version: str) -> None:
    stated = [r for r in requirements() if canonicalize_name(r.name) == name]

    assert stated, f"{name} has no floor in pyproject.toml"
    for requirement in stated:
        assert not requirement.specifier.contains(version), str(requirement)


def test_every_requirement_is_pinned_within_its_range() -> None:
    pinned = pins()

    for requirement in requirements():
        name = canonicalize_name(requirement.name)
        if name == "wins":  # the project's own extras
            continue
        assert name in pinned, f"{name} is not in constraints.txt"
        assert requirement.specifier.contains(pinned[name]), (str(requirement), pinned[name])


def test_the_pinned_releases_are_not_the_vulnerable_ones() -> None:
    pinned = pins()

    for name, version in VULNERABLE:
        assert pinned.get(name, Version("999")) > Version(version), name
