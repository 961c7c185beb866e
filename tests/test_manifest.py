"""The skill manifest as certification reads it: permissions, policy text, package layout.

Alexa only sends what the manifest's permissions allow: without ``alexa::person_id:read`` no
request carries ``context.System.person``, so the code would silently key everyone by the
account. The scan below finds every permission-gated thing the code reads and fails when the
manifest does not declare its scope (and when the manifest asks for one the code never uses).
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "interaction_models"
# What the skill runs: the Lambda entry and the skill package, less the local console (which
# plays Alexa's part, so it names every scope without reading any).
CODE = sorted(
    [ROOT / "lambda" / "app.py"]
    + [p for p in (ROOT / "skill").rglob("*.py") if "console" not in p.relative_to(ROOT).parts]
)
# How code reads each permission-gated thing: identifiers and attribute names (the ASK SDK's
# service clients and model fields), or fragments of the REST paths and JSON field names.
SCOPE_READS: Mapping[str, tuple[str, ...]] = {
    "alexa::person_id:read": (r"^person_?[iI]d$",),
    "alexa::alerts:timers:skill:readwrite": (
        r"^get_timer_management_service$",
        r"/v1/alerts/timers",
    ),
    "alexa::alerts:reminders:skill:readwrite": (
        r"^get_reminder_management_service$",
        r"/v1/alerts/reminders",
    ),
    "alexa::profile:name:read": (r"^get_(person_)?profile_name$", r"Profile\.name$"),
    "alexa::profile:given_name:read": (
        r"^get_(person_)?profile_given_name$",
        r"Profile\.givenName$",
    ),
    "alexa::profile:email:read": (r"^get_profile_email$", r"Profile\.email$"),
    "alexa::profile:mobile_number:read": (
        r"^get_(person_)?profile_mobile_number$",
        r"Profile\.mobileNumber$",
    ),
    "read::alexa:device:all:address": (r"^get_full_address$", r"/settings/address/?$"),
    "read::alexa:device:all:address:country_and_postal_code": (
        r"^get_country_and_postal_code$",
        r"countryAndPostalCode",
    ),
    "alexa::devices:all:geolocation:read": (r"^[gG]eolocation$",),
    "alexa::household:lists:read": (r"^get_list_management_service$", r"householdlists"),
}
# A scope named outright in code (a constant the skill asks consent for).
SCOPE_LITERAL = re.compile(r"^(alexa::|read::alexa:)[\w:.]+$")


def tokens(source: str) -> Iterable[str]:
    """Identifiers, attribute names and string constants (f-string pieces too) of a module."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name):
            yield node.id
        elif isinstance(node, ast.Attribute):
            yield node.attr
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def scopes_read(source: str) -> set[str]:
    """The permission scopes a module's code reads something under."""
    found = set()
    for token in tokens(source):
        if SCOPE_LITERAL.match(token):
            found.add(token)
        for scope, patterns in SCOPE_READS.items():
            if any(re.search(pattern, token) for pattern in patterns):
                found.add(scope)
    return found


def scopes_read_by(paths: Iterable[Path]) -> dict[str, list[str]]:
    """Each scope the code reads under, with the modules that read it."""
    found: dict[str, list[str]] = {}
    for path in paths:
        for scope in scopes_read(path.read_text(encoding="utf-8")):
            found.setdefault(scope, []).append(str(path.relative_to(ROOT)))
    return found


def manifest() -> dict[str, Any]:
    document: dict[str, Any] = json.loads((PACKAGE / "skill.json").read_text(encoding="utf-8"))
    return dict(document["manifest"])


def declared(manifest: Mapping[str, Any]) -> set[str]:
    return {permission["name"] for permission in manifest.get("permissions", [])}


def test_the_manifest_declares_every_scope_the_code_reads() -> None:
    used = scopes_read_by(CODE)
    missing = {scope: where for scope, where in used.items() if scope not in declared(manifest())}
    assert not missing, f"read by code but not in skill.json's permissions: {missing}"


def test_the_manifest_asks_for_no_scope_the_code_never_reads() -> None:
    # Certification refuses permissions a skill does not use.
    assert declared(manifest()) <= set(scopes_read_by(CODE))


def test_the_voice_profile_read_is_found_and_would_fail_without_its_permission() -> None:
    used = scopes_read_by(CODE)
    assert "skill/handlers/common.py" in used["alexa::person_id:read"]
    without = {**manifest(), "permissions": [{"name": "alexa::alerts:timers:skill:readwrite"}]}
    assert "alexa::person_id:read" in set(used) - declared(without)


@pytest.mark.parametrize(
    ("source", "scope"),
    [
        ("person = handler_input.request_envelope.context.system.person.person_id", "person_id"),
        ('pid = getattr(person, "person_id", None)', "person_id"),
        ("name = factory.get_ups_service().get_profile_name()", "profile:name"),
        ("email = factory.get_ups_service().get_profile_email()", "profile:email"),
        ('path = f"/v1/devices/{device}/settings/address"', "device:all:address"),
        ("where = context.geolocation", "geolocation"),
        ('client.call("POST", "/v1/alerts/timers", body)', "timers"),
        ('SCOPE = "alexa::devices:all:notifications:write"', "notifications"),
    ],
)
def test_the_scan_recognises_each_way_of_reading_a_scope(source: str, scope: str) -> None:
    found = scopes_read(source)
    assert len(found) == 1 and scope in next(iter(found)), found


def test_the_scan_ignores_code_that_reads_no_scope() -> None:
    assert scopes_read("person = Person.of_account(account)\nwin = slots['win'].value") == set()


def en_us(manifest: Mapping[str, Any]) -> dict[str, Any]:
    locale: dict[str, Any] = manifest["publishingInformation"]["locales"]["en-US"]
    return locale


def test_the_description_carries_the_health_disclaimer_and_claims_no_crisis_help() -> None:
    publishing = manifest()["publishingInformation"]
    assert publishing["category"] == "HEALTH_AND_FITNESS"
    description = en_us(manifest())["description"]
    assert "not a substitute for professional medical advice" in description
    claims = ("crisis support", "crisis help", "prevent suicide", "suicide prevention", "therapy")
    for text in (description, en_us(manifest())["summary"]):
        assert not [claim for claim in claims if claim in text.lower()], text


def test_the_listing_fits_the_manifest_schemas_limits() -> None:
    locale = en_us(manifest())
    assert 0 < len(locale["name"]) <= 50
    assert 0 < len(locale["summary"]) <= 160
    assert 0 < len(locale["description"]) <= 4000
    assert 1 <= len(locale["examplePhrases"]) <= 3
    assert len(locale["keywords"]) <= 30
    assert 0 < len(manifest()["publishingInformation"]["testingInstructions"]) <= 4000


def test_the_testing_instructions_walk_through_every_feature_and_permission() -> None:
    instructions = manifest()["publishingInformation"]["testingInstructions"].lower()
    for phrase in en_us(manifest())["examplePhrases"]:
        assert phrase.lower().removeprefix("alexa, ") in instructions, phrase
    features = (
        "for a win",
        "keep it calm",
        "one thing",
        "remind me every morning",
        "stop the morning reminder",
        "delete my last win",
        "delete all my wins",
        "988",
        "help, stop and cancel",
    )
    assert [feature for feature in features if feature not in instructions] == []
    # Each permission: how to grant it and how to refuse it (voice profiles: where it is set).
    for scope, words in {
        "alexa::alerts:timers:skill:readwrite": ("timers", "grant", "refus"),
        "alexa::alerts:reminders:skill:readwrite": ("reminders", "grant", "refus"),
        "alexa::person_id:read": ("voice profile", "skill personalization", "alexa app"),
    }.items():
        assert scope in declared(manifest())
        assert all(word in instructions for word in words), scope


def test_personal_information_is_declared_and_explained_in_the_readme() -> None:
    privacy = manifest()["privacyAndCompliance"]
    # A free-text diary keyed by account and voice profile is personal information.
    assert privacy["usesPersonalInfo"] is True
    assert privacy["isChildDirected"] is False
    assert privacy["containsAds"] is False and privacy["allowsPurchases"] is False
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`usesPersonalInfo`" in readme and "docs/privacy.md" in readme


def test_the_source_package_names_no_endpoint_and_no_placeholder() -> None:
    # The endpoint and privacy policy URL belong to whoever deploys: `wins skill-package`
    # writes them into build/; the package in the repository carries neither.
    text = (PACKAGE / "skill.json").read_text(encoding="utf-8")
    assert "example.com" not in text and not re.search(r"\b\d{12}\b", text)
    assert "endpoint" not in manifest()["apis"]["custom"]
    assert "endpoint" not in manifest()["events"]
    assert "locales" not in manifest()["privacyAndCompliance"]


def test_the_package_has_the_ask_cli_layout() -> None:
    assert manifest()["manifestVersion"] == "1.0"
    for locale in manifest()["publishingInformation"]["locales"]:
        model = PACKAGE / "interactionModels" / "custom" / f"{locale}.json"
        assert json.loads(model.read_text(encoding="utf-8"))["interactionModel"]["languageModel"]
    for task in manifest()["apis"]["custom"]["tasks"]:
        assert (PACKAGE / "tasks" / f"{task['name']}.{task['version']}.json").is_file()
