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
    ("setuptools", "82.0.1"),  # PYSEC-2026-3447
    ("urllib3", "2.6.3"),  # CVE-2026-44431, CVE-2026-44432
    ("urllib3", "2.7.0"),  # PYSEC-2026-4175, PYSEC-2026-4176, PYSEC-2026-4177
    ("requests", "2.32.5"),  # CVE-2026-25645
    ("cryptography", "48.0.0"),  # GHSA-537c-gmf6-5ccf (bundled OpenSSL)
    ("cryptography", "49.0.0"),  # CVE-2026-69247
    ("certifi", "2026.10.18"),  # the compromised emSign roots
    ("flask", "3.1.2"),  # CVE-2026-27205
    ("werkzeug", "3.1.5"),  # CVE-2026-27199
    ("werkzeug", "3.1.8"),  # CVE-2026-102598
    ("click", "8.3.2"),  # PYSEC-2026-2132
    ("pytest", "9.0.2"),  # CVE-2025-71176
    ("pygments", "2.19.2"),  # PYSEC-2026-2987
    ("filelock", "3.20.0"),  # CVE-2025-68146
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
