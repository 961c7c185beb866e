"""Build the Lambda artifact without Docker: ``build/lambda/`` (template.yaml's CodeUri) and a zip.

The folder holds ``app.py`` (the entry shim) at its root, the ``skill`` modules the entry can
import, with their package data (found by reading the code: scripts/lambda_imports.py), and
the runtime dependencies from pyproject.toml at the releases constraints.txt pins, installed as
wheels for the Lambda platform. boto3 and its companions are left out: the runtime provides them.

    python scripts/build_lambda.py                 # arm64 (manylinux2014_aarch64), Python 3.13
    python scripts/build_lambda.py --arch x86_64   # manylinux2014_x86_64 wheels
    python scripts/build_lambda.py --no-deps       # layout only, no download
    python scripts/build_lambda.py --compile-with python3.13   # also ship .pyc files
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, only this folder is on sys.path; the walker is imported by one name,
# scripts.lambda_imports, wherever it is used. Appended, so it shadows nothing.
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

from scripts.lambda_imports import shipped_files  # noqa: E402 - found through the line above

ENTRY = ROOT / "lambda" / "app.py"
PACKAGE = ROOT / "skill"
# The releases the project installs everywhere, pinned; the function gets the same ones.
CONSTRAINTS = ROOT / "constraints.txt"

PLATFORMS = {"x86_64": "manylinux2014_x86_64", "arm64": "manylinux2014_aarch64"}
# template.yaml's Architectures (Graviton: cheaper per millisecond than x86_64);
# tests/test_build_lambda.py checks that the two agree.
DEFAULT_ARCH = "arm64"
DEFAULT_PYTHON = "3.13"

# Installed in the Lambda Python runtime already; bundling them only adds megabytes.
RUNTIME_PROVIDED = ("boto3", "botocore", "s3transfer", "jmespath")
# The function's folder comes first on sys.path, so what we bundle shadows the runtime's copies:
# keep the packages the runtime's botocore imports within the ranges botocore declares.
RUNTIME_COMPATIBLE = ("python-dateutil>=2.1,<3", "urllib3>=1.25.4,!=2.2.0,<3")

# The languages the skill speaks: the lemmatiser keeps only their dictionaries.
LANGUAGES = ("en",)
LEMMA_DICTIONARIES = Path("simplemma") / "strategies" / "dictionaries" / "data"

# Every file in a zip gets this fixed time, so unchanged code gives a byte-identical zip.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _project_name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9._-]+", requirement)
    if match is None:
        raise ValueError(f"cannot read a project name from {requirement!r}")
    return re.sub(r"[-_.]+", "-", match.group()).lower()


def runtime_requirements() -> list[str]:
    """pyproject.toml's dependencies, less those the Lambda runtime provides, plus its limits.

    The releases come from constraints.txt (see ``install_dependencies``): these ranges only
    say which projects to install, and check the pins against the runtime's limits.
    """
    with (ROOT / "pyproject.toml").open("rb") as handle:
        requirements: list[str] = tomllib.load(handle)["project"]["dependencies"]
    wanted = [r for r in requirements if _project_name(r) not in RUNTIME_PROVIDED]
    return [*wanted, *RUNTIME_COMPATIBLE]


def package_files() -> list[Path]:
    """The skill files the function needs, relative to the repository.

    The modules the entry can import (at start or later, inside a function) and the package
    data pyproject.toml declares for them: the console, the web service and the command line
    stay out because the entry never imports them, not because a list names them.
    """
    return shipped_files(ENTRY, ROOT, (PACKAGE.name,), ROOT / "pyproject.toml")


def prepare(out: Path) -> None:
    """Empty ``out``, refusing to wipe a folder that is not a previous build."""
    if out.exists():
        if any(out.iterdir()) and not (out / "app.py").is_file():
            raise SystemExit(f"refusing to empty {out}: it does not look like a Lambda build")
        shutil.rmtree(out)
    out.mkdir(parents=True)


def copy_sources(out: Path) -> None:
    if not ENTRY.is_file():
        raise SystemExit(f"missing {ENTRY.relative_to(ROOT)}: the Lambda entry point")
    shutil.copy2(ENTRY, out / "app.py")
    try:
        files = package_files()
    except (ModuleNotFoundError, SyntaxError) as exc:  # the function would fail when it got there
        raise SystemExit(f"cannot tell what the function imports: {exc}") from None
    for relative in files:
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / relative, target)


def install_dependencies(out: Path, platform: str, python_version: str) -> None:
    command = [
        sys.executable, "-m", "pip", "install",
        "--target", str(out),
        "--platform", platform,
        "--python-version", python_version,
        "--implementation", "cp",
        "--only-binary=:all:",
        "--no-compile",
        "--disable-pip-version-check",
        "--quiet",
        "--constraint", str(CONSTRAINTS),
        *runtime_requirements(),
    ]  # fmt: skip
    subprocess.run(command, check=True)
    keep_languages_used(out)
    for path in list(out.iterdir()):
        # "botocore", "botocore-1.35.0.dist-info"; "bin" holds console scripts nobody runs.
        name = path.name.split("-")[0] if path.name.endswith(".dist-info") else path.name
        if path.name == "bin" or _project_name(name) in RUNTIME_PROVIDED:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
    loose = unpinned(out)
    if loose:
        raise SystemExit(
            f"constraints.txt does not pin what the function would ship: {', '.join(loose)}. "
            "Run scripts/dev lock, then build again."
        )


def unpinned(out: Path, constraints: Path = CONSTRAINTS) -> list[str]:
    """The releases installed in ``out`` that ``constraints`` does not pin at that version.

    pip's ``--constraint`` only holds the projects it names; a new dependency it does not name
    would be installed at whatever release is newest, so the build checks every one.
    """
    pins: dict[str, str] = {}
    for line in constraints.read_text(encoding="utf-8").splitlines():
        name, pinned, version = line.partition("==")
        if pinned and not line.lstrip().startswith("#"):
            pins[_project_name(name)] = version.strip()
    loose = []
    for info in sorted(out.glob("*.dist-info")):
        name, _, version = info.name.removesuffix(".dist-info").rpartition("-")
        if pins.get(_project_name(name)) != version:
            loose.append(f"{name} {version}")
    return loose


def keep_languages_used(out: Path) -> None:
    """The lemmatiser's dictionaries for the languages the skill speaks, and no others.

    simplemma ships 54 languages (about 19 MB); the screen reads English only (about 250 KB).
    """
    dictionaries = out / LEMMA_DICTIONARIES
    if not (out / LEMMA_DICTIONARIES.parts[0]).is_dir():
        return  # not installed (a build without dependencies)
    if not dictionaries.is_dir():
        raise SystemExit(f"{LEMMA_DICTIONARIES} is missing: has simplemma changed its layout?")
    for path in dictionaries.iterdir():
        if path.suffix == ".plzma" and path.stem not in LANGUAGES:
            path.unlink()


def remove_caches(out: Path) -> None:
    for cache in sorted(out.rglob("__pycache__"), reverse=True):
        shutil.rmtree(cache)


def precompile(out: Path, python: str, python_version: str) -> None:
    """Byte-compile the bundle with the runtime's Python version.

    The function's folder is read-only on Lambda, so without these every cold start compiles
    the SDK again. Hash-based, unchecked pycs stay valid whatever the files' timestamps become.
    """
    probe = [python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"]
    found = subprocess.run(probe, capture_output=True, text=True, check=True).stdout.strip()
    if found != python_version:
        raise SystemExit(f"{python} is Python {found}, not {python_version}: cannot precompile")
    # The SDK's docstrings hold invalid escapes. Their SyntaxWarnings are noise: silenced here,
    # and with pycs shipped they no longer reach the function's log on each cold start.
    compileall = [python, "-W", "ignore::SyntaxWarning", "-m", "compileall", "-q"]
    options = ["--invalidation-mode", "unchecked-hash"]
    subprocess.run([*compileall, *options, str(out)], check=True, stdout=subprocess.DEVNULL)


def write_zip(out: Path, archive: Path) -> None:
    """Zip ``out``'s contents (not the folder itself) in a stable order with fixed timestamps."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(p for p in out.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(out).as_posix(), ZIP_TIME)
            info.external_attr = 0o644 << 16  # readable by the Lambda runtime's user
            info.compress_type = zipfile.ZIP_DEFLATED
            bundle.writestr(info, path.read_bytes())


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.2f} MB"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "build" / "lambda",
        help="output folder; the zip is written next to it (default: build/lambda)",
    )
    parser.add_argument(
        "--arch",
        choices=sorted(PLATFORMS),
        default=DEFAULT_ARCH,
        help=f"Lambda architecture, must match template.yaml (default: {DEFAULT_ARCH})",
    )
    parser.add_argument(
        "--platform", help="pip platform tag (default: the manylinux2014 tag for --arch)"
    )
    parser.add_argument(
        "--python-version",
        default=DEFAULT_PYTHON,
        help=f"the Lambda runtime's Python version (default: {DEFAULT_PYTHON})",
    )
    parser.add_argument(
        "--compile-with",
        metavar="PYTHON",
        help="an interpreter of --python-version: ship .pyc files so cold starts skip compiling",
    )
    parser.add_argument(
        "--no-deps",
        action="store_true",
        help="skip installing dependencies (checks the layout without a download)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    out: Path = args.out.resolve()
    archive = out.with_name(out.name + ".zip")

    prepare(out)
    copy_sources(out)
    if not args.no_deps:
        install_dependencies(out, args.platform or PLATFORMS[args.arch], args.python_version)
    remove_caches(out)
    if args.compile_with:
        precompile(out, args.compile_with, args.python_version)
    write_zip(out, archive)

    unzipped = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"built {out} ({_megabytes(unzipped)} unzipped)")
    print(f"zipped {archive} ({_megabytes(archive.stat().st_size)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
