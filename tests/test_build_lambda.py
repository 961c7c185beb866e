"""scripts/build_lambda.py makes the folder template.yaml deploys, and a zip of the same files."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from scripts.lambda_imports import reachable_modules, shipped_files
from tests.conftest import SKILL_ID, TABLE_NAME

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "build_lambda.py"
ENTRY = ROOT / "lambda" / "app.py"
RUNTIME_PROVIDED = ("boto3", "botocore", "s3transfer", "jmespath")
# Never imported by the function: the web service, import/export, the console, the command line
# and `wins skill-package`.
# Never imported by the function: the self-hosted and local parts, and the SQLite store.
NOT_SHIPPED = (
    "skill/web/",
    "skill/portable/",
    "skill/console/",
    "skill/cli.py",
    "skill/deploy/",
    "skill/storage/sqlite/",
    "skill/storage/opening.py",
)


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


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned_releases() -> dict[str, str]:
    """constraints.txt: project name to the pinned version."""
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    pins = (line.split("==") for line in lines if "==" in line and not line.startswith("#"))
    return {normalized(name): version.strip() for name, version in pins}


def releases_in(folder: Path) -> dict[str, str]:
    """The releases pip installed into ``folder``, read from their .dist-info folders."""
    found = {}
    for info in folder.glob("*.dist-info"):
        name, version = info.name.removesuffix(".dist-info").split("-")
        found[normalized(name)] = version
    return found


def files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def expected_package_files() -> set[str]:
    """What the entry's import graph reaches in the skill package, with its package data."""
    files = shipped_files(ENTRY, ROOT, ("skill",), ROOT / "pyproject.toml")
    return {path.as_posix() for path in files}


@pytest.mark.slow
def test_layout_without_dependencies(tmp_path: Path) -> None:
    # GIVEN the repository as it is
    out = tmp_path / "lambda"

    # WHEN the artifact is built without downloading dependencies
    result = build(out, "--no-deps")

    # THEN the folder holds the entry shim at its root and what the entry can import
    built = files_under(out)
    assert "app.py" in built
    assert (out / "app.py").read_bytes() == ENTRY.read_bytes()
    assert built - {"app.py"} == expected_package_files()
    # AND the code the function loads lazily, and the package data pyproject.toml declares
    assert {"skill/__init__.py", "skill/warmup.py", "skill/storage/dynamodb/schema.py"} <= built
    assert {"skill/py.typed", "skill/data/screen.txt", "skill/speech/en-US.json"} <= built
    # AND nothing the function never imports
    assert not any(name.startswith(NOT_SHIPPED) for name in built)
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in built)
    # AND the zip holds exactly the same files, at its root
    archive = tmp_path / "lambda.zip"
    with zipfile.ZipFile(archive) as bundle:
        assert set(bundle.namelist()) == built
        assert bundle.read("app.py") == ENTRY.read_bytes()
    # AND the sizes are reported
    assert "unzipped" in result.stdout and "lambda.zip" in result.stdout


# Imports the entry from the folder given, as the Lambda runtime does (its folder first on the
# path), and prints the file each skill module was loaded from. Namespace packages have none,
# and nothing to ship; their modules do.
COLD_START = """
import importlib, json, sys
sys.path.insert(0, sys.argv[1])
importlib.import_module("app")
print(json.dumps({
    name: module.__file__
    for name, module in list(sys.modules.items())
    if name.split(".")[0] == "skill" and getattr(module, "__file__", None)
}))
"""


@pytest.mark.slow
def test_every_module_a_cold_start_loads_is_in_the_zip(tmp_path: Path) -> None:
    # GIVEN the artifact, built without dependencies (the test's own environment has them)
    out = tmp_path / "lambda"
    build(out, "--no-deps")
    with zipfile.ZipFile(tmp_path / "lambda.zip") as bundle:
        zipped = set(bundle.namelist())

    # WHEN a fresh process imports its entry from there, with the environment
    # benchmarks/module_probe.py is given (tests/conftest.py)
    env = {
        **os.environ,
        "WINS_TABLE_NAME": TABLE_NAME,
        "WINS_SKILL_ID": SKILL_ID,
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL_DYNAMODB": "http://127.0.0.1:9",  # nothing is sent at start anyway
    }
    result = subprocess.run(
        [sys.executable, "-c", COLD_START, str(out)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = {name: Path(file) for name, file in json.loads(result.stdout).items()}

    # THEN every skill module it loaded came from the built folder: the project's editable
    # install is on the path too, and would lend a module the folder lacks from the repository
    assert "skill.warmup" in loaded  # the entry really started
    elsewhere = {name: str(file) for name, file in loaded.items() if not file.is_relative_to(out)}
    assert elsewhere == {}
    # AND every one is in the zip
    unzipped = {
        name for name, file in loaded.items() if file.relative_to(out).as_posix() not in zipped
    }
    assert unzipped == set()


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
    # Every release bundled is the one constraints.txt pins, as everywhere else.
    bundled = releases_in(out)
    assert "ask-sdk-core" in bundled
    pinned = pinned_releases()
    assert bundled == {name: pinned.get(name) for name in bundled}

    # The lemmatiser ships its English dictionary only, not its 54 languages.
    dictionaries = out / "simplemma" / "strategies" / "dictionaries" / "data"
    assert {p.name for p in dictionaries.glob("*.plzma")} == {"en.plzma"}

    # The bundle is self-contained: with only the standard library and the folder on the path,
    # the SDK and the skill's storage schema import, and the screen reads words by their lemma.
    probe = subprocess.run(
        [
            sys.executable,
            "-S",
            "-c",
            "import ask_sdk_core.skill_builder, skill.storage.dynamodb.schema\n"
            "from skill.domain.screen import Kind, screen\n"
            "from skill.domain.lemmas import lemma\n"
            "assert lemma('took') == 'take'\n"
            "assert screen('took a bottle of sleeping pills').kind is Kind.CRISIS\n",
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


def test_the_build_installs_the_releases_constraints_txt_pins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pip = pip_command(tmp_path, monkeypatch)
    assert Path(pip[pip.index("--constraint") + 1]) == ROOT / "constraints.txt"
    # The runtime's limits stay: the bundle shadows the runtime's own copies.
    assert "python-dateutil>=2.1,<3" in pip


# The import walker on its own, on a small package made for each test.


def write_tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def reached(root: Path, entry: str = "app.py") -> set[str]:
    return set(reachable_modules(root / entry, root, ("pkg",)))


def test_a_module_imported_only_inside_a_function_is_reached(tmp_path: Path) -> None:
    # GIVEN an entry whose module imports another only when a function runs, and a package
    # that imports submodules by relative and `from package import submodule` imports
    write_tree(
        tmp_path,
        {
            "app.py": "import pkg.start\n",
            "pkg/__init__.py": "",
            "pkg/start.py": """
                def later():
                    from pkg.deep import lazy
                    return lazy
            """,
            "pkg/deep/__init__.py": "from . import sibling\nfrom .sibling import VALUE\n",
            "pkg/deep/lazy.py": "from ..deep import other\n",
            "pkg/deep/sibling.py": "VALUE = 1\n",
            "pkg/deep/other.py": "",
            "pkg/unused.py": "",
        },
    )

    # WHEN the walker follows the entry's imports
    modules = reached(tmp_path)

    # THEN the lazily imported module, its package on the way and what they import are in
    assert modules == {
        "pkg",
        "pkg.start",
        "pkg.deep",
        "pkg.deep.lazy",
        "pkg.deep.sibling",
        "pkg.deep.other",
    }


@pytest.mark.slow
def test_imports_for_type_checking_only_are_left_out(tmp_path: Path) -> None:
    # GIVEN a module importing one module only for annotations, and another in the else branch
    write_tree(
        tmp_path,
        {
            "app.py": "import pkg.start\n",
            "pkg/__init__.py": "",
            "pkg/start.py": """
                from __future__ import annotations
                import typing
                from typing import TYPE_CHECKING

                if TYPE_CHECKING:
                    from pkg.types_only import Thing
                else:
                    from pkg import fallback
                if typing.TYPE_CHECKING:
                    import pkg.also_types_only

                def use(thing: Thing) -> None: ...
            """,
            "pkg/types_only.py": "class Thing: ...\n",
            "pkg/also_types_only.py": "",
            "pkg/fallback.py": "",
        },
    )

    # WHEN the walker follows the entry's imports
    modules = reached(tmp_path)

    # THEN what runs is in, and what only a type checker reads is out
    assert modules == {"pkg", "pkg.start", "pkg.fallback"}
    # AND the module really runs without them
    result = subprocess.run(
        [sys.executable, "-S", "-c", "import pkg.start"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_modules_named_by_constant_strings_are_reached(tmp_path: Path) -> None:
    # GIVEN imports by name: a literal, a module-level constant, and a package read for data
    write_tree(
        tmp_path,
        {
            "app.py": "import pkg.start\n",
            "pkg/__init__.py": "",
            "pkg/start.py": """
                import importlib
                from importlib import resources
                from typing import Final

                PLUGIN: Final = "pkg.by_constant"
                OTHER = "pkg.not_imported"

                def load():
                    importlib.import_module("pkg.by_literal")
                    importlib.import_module(PLUGIN)
                    importlib.import_module("json")  # not the project's: not followed
                    return resources.files("pkg.words").joinpath("words.txt").read_text()
            """,
            "pkg/by_literal.py": "",
            "pkg/by_constant.py": "",
            "pkg/not_imported.py": "",
            "pkg/words/__init__.py": "",
            "pkg/words/words.txt": "hello\n",
        },
    )

    modules = reached(tmp_path)

    assert modules == {"pkg", "pkg.start", "pkg.by_literal", "pkg.by_constant", "pkg.words"}


def test_package_data_ships_with_its_package_as_pyproject_declares(tmp_path: Path) -> None:
    # GIVEN data declared for the top package, in subfolders, and for a subpackage, some of it
    # beside packages the entry never imports
    write_tree(
        tmp_path,
        {
            "pyproject.toml": """
                [tool.setuptools.package-data]
                "pkg" = ["py.typed", "words/*.txt", "unused/*.txt", "words/more/*.json"]
                "pkg.rules" = ["*.csv"]
                "pkg.unused" = ["*.csv"]
            """,
            "app.py": "import pkg.words, pkg.rules\n",
            "pkg/__init__.py": "",
            "pkg/py.typed": "",
            "pkg/words/__init__.py": "",
            "pkg/words/hello.txt": "",
            "pkg/words/notes.md": "",
            "pkg/words/more/extra.json": "{}",
            "pkg/rules/__init__.py": "",
            "pkg/rules/table.csv": "",
            "pkg/unused/__init__.py": "",
            "pkg/unused/lost.txt": "",
            "pkg/unused/lost.csv": "",
        },
    )

    # WHEN the files to ship are listed
    files = shipped_files(tmp_path / "app.py", tmp_path, ("pkg",), tmp_path / "pyproject.toml")

    # THEN the code reached and the data of those packages, read from the patterns, are in
    assert {path.as_posix() for path in files} == {
        "pkg/__init__.py",
        "pkg/py.typed",
        "pkg/words/__init__.py",
        "pkg/words/hello.txt",
        "pkg/words/more/extra.json",
        "pkg/rules/__init__.py",
        "pkg/rules/table.csv",
    }


def test_importing_a_project_module_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "app.py": "import pkg.start\n",
            "pkg/__init__.py": "",
            "pkg/start.py": "def later():\n    from pkg.gone import thing\n",
        },
    )

    with pytest.raises(ModuleNotFoundError, match=r"pkg\.start imports pkg\.gone"):
        reached(tmp_path)


def test_a_release_constraints_txt_does_not_pin_stops_the_build(tmp_path: Path) -> None:
    """pip's --constraint holds only what it names: anything else would float to the newest."""
    spec = importlib.util.spec_from_file_location("build_lambda", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "lambda"
    for info in ("ask_sdk_core-1.19.0", "python_dateutil-2.9.0.post0", "newcomer-0.1.0"):
        (out / f"{info}.dist-info").mkdir(parents=True)
    constraints = tmp_path / "constraints.txt"
    constraints.write_text(
        "# pinned\nask-sdk-core==1.19.0\npython-dateutil==2.9.0.post0\nsix==1.17.0\n"
    )

    assert module.unpinned(out, constraints) == ["newcomer 0.1.0"]
    constraints.write_text("ask-sdk-core==1.19.0\npython-dateutil==2.8.2\nnewcomer==0.1.0\n")
    assert module.unpinned(out, constraints) == ["python_dateutil 2.9.0.post0"]
    assert module.unpinned(out) == ["newcomer 0.1.0"]  # the project's own pins
