"""scripts/build_lambda.py makes the folder template.yaml deploys, and a zip of the same files."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "build_lambda.py"
ENTRY = ROOT / "lambda" / "app.py"
RUNTIME_PROVIDED = ("boto3", "botocore", "s3transfer", "jmespath")


def build(out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    assert ENTRY.is_file(), "lambda/app.py (the Lambda entry point) is missing: nothing to build"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out), *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def expected_package_files() -> set[str]:
    """The skill package as Lambda needs it: code and package data, without the console."""
    expected = set()
    for path in (ROOT / "skill").rglob("*"):
        relative = path.relative_to(ROOT)
        if not path.is_file() or "__pycache__" in relative.parts:
            continue
        if relative.parts[1] in ("console", "cli.py", "deploy"):
            continue
        name = relative.as_posix()
        is_data = (relative.parent.as_posix(), path.suffix) in {
            ("skill/data", ".txt"),
            ("skill/speech", ".json"),
        }
        if path.suffix == ".py" or name == "skill/py.typed" or is_data:
            expected.add(name)
    return expected


@pytest.mark.slow
def test_layout_without_dependencies(tmp_path: Path) -> None:
    # GIVEN the repository as it is
    out = tmp_path / "lambda"

    # WHEN the artifact is built without downloading dependencies
    result = build(out, "--no-deps")

    # THEN the folder holds the entry shim at its root and the skill package, minus the console
    built = files_under(out)
    assert "app.py" in built
    assert (out / "app.py").read_bytes() == ENTRY.read_bytes()
    assert {"skill/__init__.py", "skill/py.typed", "skill/storage/dynamodb/schema.py"} <= built
    assert built - {"app.py"} == expected_package_files()
    assert not any(
        name.startswith(("skill/console/", "skill/cli.py", "skill/deploy/")) for name in built
    )
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in built)
    # AND the zip holds exactly the same files, at its root
    archive = tmp_path / "lambda.zip"
    with zipfile.ZipFile(archive) as bundle:
        assert set(bundle.namelist()) == built
        assert bundle.read("app.py") == ENTRY.read_bytes()
    # AND the sizes are reported
    assert "unzipped" in result.stdout and "lambda.zip" in result.stdout


@pytest.mark.slow
def test_rebuilding_gives_an_identical_zip(tmp_path: Path) -> None:
    build(tmp_path / "lambda", "--no-deps")
    first = (tmp_path / "lambda.zip").read_bytes()
    build(tmp_path / "lambda", "--no-deps")
    assert (tmp_path / "lambda.zip").read_bytes() == first


@pytest.mark.slow
def test_refuses_to_empty_a_folder_that_is_not_a_build(tmp_path: Path) -> None:
    keep = tmp_path / "notes.txt"
    keep.write_text("precious", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path), "--no-deps"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "refusing" in result.stderr
    assert keep.read_text(encoding="utf-8") == "precious"


@pytest.mark.slow
def test_compile_with_ships_pycs_valid_whatever_the_timestamps(tmp_path: Path) -> None:
    # The test interpreter stands in for the runtime's: same version, so pycs match its tag.
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    out = tmp_path / "lambda"
    build(out, "--no-deps", "--python-version", version, "--compile-with", sys.executable)

    pyc = out / "skill" / "__pycache__" / f"__init__.{sys.implementation.cache_tag}.pyc"
    flags = int.from_bytes(pyc.read_bytes()[4:8], "little")
    assert flags == 0b01, "expected an unchecked hash-based pyc (PEP 552)"
    with zipfile.ZipFile(tmp_path / "lambda.zip") as bundle:
        assert pyc.relative_to(out).as_posix() in bundle.namelist()


@pytest.mark.slow
def test_compile_with_refuses_another_python_version(tmp_path: Path) -> None:
    assert ENTRY.is_file(), "lambda/app.py (the Lambda entry point) is missing: nothing to build"
    result = subprocess.run(
        [
            sys.executable, str(SCRIPT), "--out", str(tmp_path / "lambda"), "--no-deps",
            "--python-version", "2.7", "--compile-with", sys.executable,
        ],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert "cannot precompile" in result.stderr


@pytest.mark.slow
def test_full_build_bundles_the_sdk_but_not_boto3(tmp_path: Path) -> None:
    # Downloads Linux wheels for the Lambda runtime from the package index.
    out = tmp_path / "lambda"
    build(out)

    top_level = {p.name for p in out.iterdir()}
    assert {"app.py", "skill", "ask_sdk_core", "ask_sdk_model", "ask_sdk_runtime"} <= top_level
    for name in top_level:
        assert not name.lower().startswith(RUNTIME_PROVIDED), f"{name} is provided by Lambda"
    assert not any("__pycache__" in p.parts for p in out.rglob("*"))
    # The runtime's botocore requires python-dateutil < 3, and the bundle shadows the runtime.
    (dateutil,) = out.glob("python_dateutil-*.dist-info")
    assert int(dateutil.name.split("-")[1].split(".")[0]) < 3

    # The bundle is self-contained: with only the standard library and the folder on the path,
    # the SDK and the skill's storage schema import.
    probe = subprocess.run(
        [
            sys.executable,
            "-S",
            "-c",
            "import ask_sdk_core.skill_builder, skill.storage.dynamodb.schema",
        ],
        env={**os.environ, "PYTHONPATH": str(out)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert probe.returncode == 0, probe.stderr


def pip_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *options: str) -> list[str]:
    """The pip command a build would run, captured instead of run."""
    assert ENTRY.is_file(), "lambda/app.py (the Lambda entry point) is missing: nothing to build"
    spec = importlib.util.spec_from_file_location("build_lambda", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    commands: list[list[str]] = []
    monkeypatch.setattr(module.subprocess, "run", lambda command, **_: commands.append(command))

    assert module.main(["--out", str(tmp_path / "lambda"), *options]) == 0

    (pip,) = commands
    return pip


@pytest.mark.parametrize(
    ("arch", "platform"),
    [("x86_64", "manylinux2014_x86_64"), ("arm64", "manylinux2014_aarch64")],
)
def test_arch_chooses_the_wheel_platform(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, arch: str, platform: str
) -> None:
    pip = pip_command(tmp_path, monkeypatch, "--arch", arch)
    assert pip[pip.index("--platform") + 1] == platform
    assert pip[pip.index("--python-version") + 1] == "3.13"
    assert "ask-sdk-core" in " ".join(pip) and "boto3" not in " ".join(pip)


def test_by_default_it_builds_for_arm64_as_the_template_deploys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pip = pip_command(tmp_path, monkeypatch)
    assert pip[pip.index("--platform") + 1] == "manylinux2014_aarch64"
