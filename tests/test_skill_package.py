"""``wins skill-package``: from a fresh clone and two real values to what ``ask deploy`` uploads."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from skill.cli import main
from tests.conftest import ROOT, SKILL_ID

pytestmark = pytest.mark.slow  # starts processes


ARN = "arn:aws:lambda:us-east-1:493817260455:function:small-wins-WinsFunction-Q1w2E3r4:live"
URL = "https://smallwins.kindly.app/privacy"


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """The files a fresh clone has for deploying: only what git tracks, nothing built."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z", "--", "interaction_models", "ask-resources.json"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    names = [name.decode() for name in tracked if name]
    assert "ask-resources.json" in names and "interaction_models/skill.json" in names
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, tmp_path / name)
    return tmp_path


def package(root: Path, *options: str) -> int:
    return main(["skill-package", "--root", str(root), *options])


def deployed_src(root: Path) -> Path:
    resources = json.loads((root / "ask-resources.json").read_text())
    return root / str(resources["profiles"]["default"]["skillMetadata"]["src"])


def test_a_fresh_clone_gives_a_package_with_no_placeholder(clone: Path) -> None:
    status = package(clone, "--alias-arn", ARN, "--privacy-url", URL, "--skill-id", SKILL_ID)

    assert status == 0
    out = deployed_src(clone)  # where ask-resources.json sends `ask deploy`
    text = (out / "skill.json").read_text()
    manifest: dict[str, Any] = json.loads(text)["manifest"]
    assert manifest["apis"]["custom"]["endpoint"] == {"uri": ARN}
    assert manifest["events"]["endpoint"] == {"uri": ARN}
    assert manifest["privacyAndCompliance"]["locales"] == {"en-US": {"privacyPolicyUrl": URL}}
    assert "example." not in text
    assert set(re.findall(r"\b\d{12}\b", text)) == {"493817260455"}
    # Everything else is the source package, byte for byte.
    source = clone / "interaction_models"
    copied = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert copied == sorted(p.relative_to(source) for p in source.rglob("*") if p.is_file())
    for relative in copied:
        if relative.name != "skill.json":
            assert (out / relative).read_bytes() == (source / relative).read_bytes()
    for key in ("smallIconUri", "largeIconUri"):
        icon = manifest["publishingInformation"]["locales"]["en-US"][key]
        assert (out / icon.removeprefix("file://")).is_file()
    states = json.loads((clone / ".ask" / "ask-states.json").read_text())
    assert states["profiles"]["default"]["skillId"] == SKILL_ID


def test_later_runs_keep_the_recorded_skill_and_refuse_another(
    clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert package(clone, "--alias-arn", ARN, "--privacy-url", URL, "--skill-id", SKILL_ID) == 0
    assert package(clone, "--alias-arn", ARN, "--privacy-url", URL + "-v2") == 0
    written = json.loads((deployed_src(clone) / "skill.json").read_text())["manifest"]
    assert written["privacyAndCompliance"]["locales"]["en-US"]["privacyPolicyUrl"] == URL + "-v2"

    other = "amzn1.ask.skill.00000000-1111-4222-8333-444444444444"
    assert package(clone, "--alias-arn", ARN, "--privacy-url", URL, "--skill-id", other) == 1
    assert "already deploys to" in capsys.readouterr().err


REFUSED = [
    ("--privacy-url", "https://example.com/small-wins/privacy", "example"),
    ("--privacy-url", "https://www.example.org/privacy", "example"),
    ("--privacy-url", "http://smallwins.kindly.app/privacy", "https"),
    ("--privacy-url", "https://localhost/privacy", "local"),
    ("--privacy-url", "https://10.0.0.7/privacy", "IP address"),
    ("--privacy-url", "https://<your-site>/privacy", "https"),
    ("--privacy-url", "", "https"),
    ("--alias-arn", "arn:aws:lambda:us-east-1:123456789012:function:small-wins:live", "example"),
    ("--alias-arn", "arn:aws:lambda:us-east-1:111122223333:function:small-wins:live", "example"),
    ("--alias-arn", "arn:aws:lambda:us-east-1:000000000000:function:small-wins:live", "example"),
    ("--alias-arn", "arn:aws:lambda:us-east-1:493817260455:function:small-wins", "alias"),
    ("--alias-arn", "arn:aws:lambda:us-east-1:493817260455:function:small-wins:7", "alias"),
    ("--alias-arn", "arn:aws:lambda:ap-south-1:493817260455:function:small-wins:live", "region"),
    ("--alias-arn", "arn:aws:s3:::small-wins", "not a Lambda"),
    ("--alias-arn", "", "not a Lambda"),
    ("--skill-id", "amzn1.ask.skill.<skill-id>", "skill ID"),
]


@pytest.mark.parametrize(("option", "value", "reason"), REFUSED)
def test_placeholders_and_wrong_values_are_refused_and_nothing_is_written(
    clone: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, reason: str
) -> None:
    values = {"--alias-arn": ARN, "--privacy-url": URL, "--skill-id": SKILL_ID, option: value}

    status = package(clone, *(item for pair in values.items() for item in pair))

    assert status == 1
    error = capsys.readouterr().err
    assert error.startswith("Nothing written.") and reason in error, error
    assert not (clone / "build").exists() and not (clone / ".ask").exists()


@pytest.mark.parametrize("missing", ["--alias-arn", "--privacy-url"])
def test_a_missing_value_is_refused(clone: Path, missing: str) -> None:
    values = {"--alias-arn": ARN, "--privacy-url": URL, "--skill-id": SKILL_ID}
    del values[missing]
    with pytest.raises(SystemExit) as exit_:
        package(clone, *(item for pair in values.items() for item in pair))
    assert exit_.value.code == 2
    assert not (clone / "build").exists()


def test_without_any_skill_id_nothing_is_written(
    clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert package(clone, "--alias-arn", ARN, "--privacy-url", URL) == 1
    assert "--skill-id" in capsys.readouterr().err
    assert not (clone / "build").exists() and not (clone / ".ask").exists()


def test_a_placeholder_left_in_the_source_manifest_is_refused(
    clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = clone / "interaction_models" / "skill.json"
    document = json.loads(path.read_text())
    locale = document["manifest"]["publishingInformation"]["locales"]["en-US"]
    locale["largeIconUri"] = "https://example.com/small-wins-512.png"
    path.write_text(json.dumps(document))

    assert package(clone, "--alias-arn", ARN, "--privacy-url", URL, "--skill-id", SKILL_ID) == 1
    assert "example.com" in capsys.readouterr().err
    assert not (clone / "build").exists()


def test_a_missing_icon_is_refused(clone: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (clone / "interaction_models" / "assets" / "images" / "small-wins-108.png").unlink()

    assert package(clone, "--alias-arn", ARN, "--privacy-url", URL, "--skill-id", SKILL_ID) == 1
    assert "small-wins-108.png" in capsys.readouterr().err
    assert not (clone / "build").exists()


def test_a_source_that_is_not_a_manifest_is_refused(
    clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (clone / "interaction_models" / "skill.json").write_text('{"manifest": {}}')

    assert package(clone, "--alias-arn", ARN, "--privacy-url", URL, "--skill-id", SKILL_ID) == 1
    assert "not a skill manifest" in capsys.readouterr().err
    assert not (clone / "build").exists()
