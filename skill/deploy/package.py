"""Write the deployable skill package and tell the ASK CLI which skill it belongs to."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, Final, NamedTuple

from skill.deploy.checks import Refused, placeholders_in

SOURCE: Final = "interaction_models"
OUT: Final = Path("build") / "skill-package"
# Where the ASK CLI keeps the deployed skill's ID (next to ask-resources.json).
ASK_STATES: Final = Path(".ask") / "ask-states.json"
ASK_PROFILE: Final = "default"
FILE_PREFIX: Final = "file://"


class Deployment(NamedTuple):
    """The operator's own values, already checked (see ``skill.deploy.checks``)."""

    alias_arn: str
    privacy_url: str


def deployable_manifest(source: dict[str, Any], deployment: Deployment) -> dict[str, Any]:
    """The manifest with the endpoint, the event endpoint and each locale's privacy policy."""
    document = json.loads(json.dumps(source))  # a deep copy; the source stays as it was
    manifest = document["manifest"]
    endpoint = {"uri": deployment.alias_arn}
    manifest["apis"]["custom"]["endpoint"] = endpoint
    if "events" in manifest:
        # SKILL_DISABLED goes to the same function, which deletes the account's data.
        manifest["events"]["endpoint"] = dict(endpoint)
    locales = manifest["publishingInformation"]["locales"]
    manifest["privacyAndCompliance"]["locales"] = {
        locale: {"privacyPolicyUrl": deployment.privacy_url} for locale in locales
    }
    return dict(document)


def write_package(root: Path, deployment: Deployment) -> Path:
    """Copy ``interaction_models/`` to ``build/skill-package/`` with the deployable manifest."""
    source, out = root / SOURCE, root / OUT
    try:
        manifest = json.loads((source / "skill.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise Refused(f"{source / 'skill.json'} could not be read: {exc}") from exc
    try:
        document = deployable_manifest(manifest, deployment)
    except (KeyError, TypeError) as exc:
        raise Refused(f"{source / 'skill.json'} is not a skill manifest: no {exc}") from exc
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    left = placeholders_in(text)
    if left:
        raise Refused(f"skill.json still holds placeholders ({', '.join(left)}): replace them.")
    for uri in _file_references(document):
        if not (source / uri.removeprefix(FILE_PREFIX)).is_file():
            raise Refused(f"skill.json refers to {uri}, which is not in {source}.")
    if out.exists():
        shutil.rmtree(out)  # nothing stale (a renamed icon, a dropped locale) is uploaded
    shutil.copytree(source, out)
    (out / "skill.json").write_text(text, encoding="utf-8")
    return out


def skill_to_deploy(root: Path, skill_id: str | None) -> dict[str, Any]:
    """The ASK CLI's states for the project, naming the skill ``ask deploy`` will update.

    That is ``skill_id``, or without one the skill already recorded in ``.ask/``. Refuses to
    switch a project to another skill, and to go on with no skill: ``ask deploy`` would create
    a second skill, whose requests the function (allowed for one skill ID only) refuses.
    """
    path = root / ASK_STATES
    states: dict[str, Any] = {"askcliStatesVersion": "2020-03-31", "profiles": {}}
    if path.is_file():
        try:
            states = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise Refused(f"{path} could not be read: {exc}") from exc
    profile = states.setdefault("profiles", {}).setdefault(ASK_PROFILE, {})
    known = profile.get("skillId") or None
    if skill_id is None and known is None:
        raise Refused(
            "Which skill is this? Give --skill-id (the ID the developer console shows); the "
            "stack's SkillId parameter must be the same."
        )
    if skill_id is not None and known is not None and skill_id != known:
        raise Refused(
            f"{path} already deploys to {known}; to deploy to {skill_id} instead, delete "
            f"{ASK_STATES} first."
        )
    profile["skillId"] = skill_id or known
    return states


def write_states(root: Path, states: dict[str, Any]) -> str:
    """Record the states in ``.ask/ask-states.json``; the skill ID they name."""
    path = root / ASK_STATES
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(states, indent=2) + "\n", encoding="utf-8")
    return str(states["profiles"][ASK_PROFILE]["skillId"])


def _file_references(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.startswith(FILE_PREFIX) else []
    if isinstance(value, dict):
        return [uri for item in value.values() for uri in _file_references(item)]
    if isinstance(value, list):
        return [uri for item in value for uri in _file_references(item)]
    return []
