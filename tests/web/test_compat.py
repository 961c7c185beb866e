"""The oscrypto fix: flask-ask-sdk imports here, and the fix does nothing where not needed.

Imports are tried in fresh interpreters: in this one, oscrypto is already loaded.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from skill.web import compat

ROOT = Path(__file__).resolve().parents[2]
# Version strings as libcrypto reports them (OpenSSL_version(OPENSSL_VERSION)).
READABLE_BEFORE = [
    "OpenSSL 1.0.2k-fips  26 Jan 2017",
    "OpenSSL 1.1.1w  11 Sep 2023",
    "OpenSSL 3.0.2 15 Mar 2022",
    "OpenSSL 3.0.9 30 May 2023",
    "LibreSSL 3.3.6",
]
UNREADABLE_BEFORE = {
    "OpenSSL 3.0.10 1 Aug 2023": "3.0.10",
    "OpenSSL 3.0.19 27 Jan 2026": "3.0.19",
    "OpenSSL 3.5.12 1 Jul 2026": "3.5.12",
    "OpenSSL 3.10.0 7 Apr 2027": "3.10.0",
    "OpenSSL 3.10.12 7 Apr 2028": "3.10.12",
    "OpenSSL 10.0.0 1 Jan 2040": "10.0.0",
}


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def system_libcrypto_version() -> str:
    """What the libcrypto oscrypto loads says about itself."""
    path = ctypes.util.find_library("crypto")
    if path is None:
        pytest.skip("no system libcrypto")
    library = ctypes.CDLL(path)
    library.OpenSSL_version.restype = ctypes.c_char_p
    library.OpenSSL_version.argtypes = [ctypes.c_int]
    version: bytes = library.OpenSSL_version(0)
    return version.decode()


@pytest.mark.slow
def test_flask_ask_sdk_imports_through_the_fix_and_oscrypto_reads_the_right_version() -> None:
    result = run_python(
        """
        import skill.web.sdk
        from flask_ask_sdk.skill_adapter import SkillAdapter
        from oscrypto._openssl._libcrypto import libcrypto_version
        print(libcrypto_version)
        """
    )

    assert result.returncode == 0, result.stderr
    expected = re.search(r"\d+\.\d+\.\d+[a-z]*", system_libcrypto_version())
    assert expected is not None
    assert result.stdout.strip() == expected.group(0)


@pytest.mark.slow
def test_without_the_fix_flask_ask_sdk_fails_to_import_on_this_openssl() -> None:
    if re.search(compat.BROKEN_PATTERN, system_libcrypto_version()):
        pytest.skip("this libcrypto's version is one oscrypto 1.3.0 can read")
    if not compat.needs_fix(compat.installed_oscrypto()):
        pytest.skip("the installed oscrypto is not 1.3.0")

    result = run_python("import flask_ask_sdk.skill_adapter")

    assert result.returncode != 0
    assert "Error detecting the version of libcrypto" in result.stderr


@pytest.mark.slow
def test_oscrypto_still_verifies_signatures_after_the_fix() -> None:
    result = run_python(
        """
        import skill.web.sdk
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import padding, rsa
        from oscrypto import asymmetric

        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        signature = key.sign(b"body", padding.PKCS1v15(), hashes.SHA256())
        der = key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        asymmetric.rsa_pkcs1v15_verify(
            asymmetric.load_public_key(der), signature, b"body", "sha256"
        )
        print("verified")
        """
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "verified"


@pytest.mark.parametrize("version_string", READABLE_BEFORE)
def test_the_fixed_pattern_reads_what_the_old_one_read_the_same_way(version_string: str) -> None:
    old = re.search(compat.BROKEN_PATTERN, version_string)
    new = re.search(compat.FIXED_PATTERN, version_string)

    assert (old and old.group(1)) == (new and new.group(1))


@pytest.mark.parametrize(("version_string", "version"), UNREADABLE_BEFORE.items())
def test_the_fixed_pattern_reads_two_digit_parts(version_string: str, version: str) -> None:
    assert re.search(compat.BROKEN_PATTERN, version_string) is None
    match = re.search(compat.FIXED_PATTERN, version_string)
    assert match is not None and match.group(1) == version


def test_the_installed_oscrypto_source_is_corrected_in_exactly_one_place() -> None:
    import importlib.util

    spec = importlib.util.find_spec("oscrypto._openssl._libcrypto_cffi")
    assert spec is not None and spec.origin is not None
    source = Path(spec.origin).read_text(encoding="utf-8")
    if not compat.needs_fix(compat.installed_oscrypto()):
        pytest.skip("the installed oscrypto is not 1.3.0")

    fixed = compat.fixed_source(source)

    assert fixed is not None
    assert repr(compat.FIXED_PATTERN) in fixed
    assert len(fixed) - len(source) == 3  # one "+" after each digit class, nothing else
    assert compat.fixed_source(fixed) is None  # already fixed: nothing to do


@pytest.mark.parametrize("version", ["1.2.1", "1.3.1", "2.0.0", ""])
def test_other_oscrypto_versions_get_no_finder(
    version: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path])
    before = list(sys.meta_path)

    assert compat.fix_oscrypto_version_detection(version) is False
    assert sys.meta_path == before


def test_the_finder_is_installed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        sys, "meta_path", [f for f in sys.meta_path if not isinstance(f, compat.VersionPatternFix)]
    )

    assert compat.fix_oscrypto_version_detection(compat.AFFECTED_VERSION)
    assert compat.fix_oscrypto_version_detection(compat.AFFECTED_VERSION)
    assert sum(isinstance(f, compat.VersionPatternFix) for f in sys.meta_path) == 1


def _package(tmp_path: Path, name: str, pattern: str) -> Path:
    """A package whose ``probe`` module holds ``pattern`` as oscrypto writes it; its path."""
    package = tmp_path / name
    package.mkdir()
    (package / "__init__.py").write_text("")
    probe = package / "probe.py"
    probe.write_text(f"import re\nPATTERN = {pattern!r}\nre.compile(PATTERN)\n")
    return probe


def test_the_finder_leaves_other_modules_and_already_fixed_ones_alone(tmp_path: Path) -> None:
    _package(tmp_path, "fixedpkg", compat.FIXED_PATTERN)
    finder = compat.VersionPatternFix(frozenset({"fixedpkg.probe"}))

    assert finder.find_spec("oscrypto.util", None) is None
    assert finder.find_spec("fixedpkg.probe", [str(tmp_path / "fixedpkg")]) is None


def test_the_finder_corrects_in_memory_and_writes_no_bytecode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    probe = _package(tmp_path, "brokenpkg", compat.BROKEN_PATTERN)
    original = probe.read_bytes()
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(
        sys, "meta_path", [compat.VersionPatternFix(frozenset({"brokenpkg.probe"})), *sys.meta_path]
    )
    monkeypatch.delitem(sys.modules, "brokenpkg", raising=False)

    import brokenpkg.probe  # type: ignore[import-not-found]

    try:
        assert brokenpkg.probe.PATTERN == compat.FIXED_PATTERN
        assert probe.read_bytes() == original
        assert not list(probe.parent.glob("__pycache__/probe*"))
        assert list(probe.parent.glob("__pycache__/__init__*"))  # bytecode is written otherwise
    finally:
        sys.modules.pop("brokenpkg.probe", None)
        sys.modules.pop("brokenpkg", None)
