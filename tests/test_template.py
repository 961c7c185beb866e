"""template.yaml read as data: the function, its permissions and the table the code expects."""

from __future__ import annotations

import importlib.util
import json
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from skill.logs import KEY_ENV, MIN_KEY_CHARS, key_from_text
from skill.storage.dynamodb.schema import TABLE_DEFINITION, TTL_ATTRIBUTE
from tests.cfn_yaml import load_template

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "template.yaml"

ALLOWED_ACTIONS = {
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:Query",
    "dynamodb:ConditionCheckItem",
    "dynamodb:BatchWriteItem",
}
TABLE_ARN = {"Fn::GetAtt": ["WinsTable", "Arn"]}
INDEX_ARN = {"Fn::Sub": "${WinsTable.Arn}/index/*"}


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return load_template(TEMPLATE)


@pytest.fixture(scope="module")
def function(template: dict[str, Any]) -> dict[str, Any]:
    resource = template["Resources"]["WinsFunction"]
    assert resource["Type"] == "AWS::Serverless::Function"
    properties: dict[str, Any] = resource["Properties"]
    return properties


@pytest.fixture(scope="module")
def table(template: dict[str, Any]) -> dict[str, Any]:
    resource: dict[str, Any] = template["Resources"]["WinsTable"]
    assert resource["Type"] == "AWS::DynamoDB::Table"
    return resource


def _statements(function: dict[str, Any]) -> list[dict[str, Any]]:
    statements: list[dict[str, Any]] = []
    for policy in function["Policies"]:
        assert isinstance(policy, dict) and "Statement" in policy, (
            f"only inline policy documents, no SAM policy templates or managed policies: {policy}"
        )
        statements.extend(policy["Statement"])
    return statements


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _by_name(items: list[dict[str, Any]], key: str) -> dict[str, Any]:
    return {item[key]: item for item in items}


# --- the function -------------------------------------------------------------------------


def test_is_a_sam_template(template: dict[str, Any]) -> None:
    assert template["Transform"] == "AWS::Serverless-2016-10-31"


def test_function_runs_a_current_python(function: dict[str, Any]) -> None:
    match = re.fullmatch(r"python3\.(\d+)", function["Runtime"])
    assert match and int(match.group(1)) >= 12, function["Runtime"]


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_lambda", ROOT / "scripts" / "build_lambda.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_function_runs_on_the_architecture_the_build_fetches_wheels_for(
    function: dict[str, Any],
) -> None:
    assert function["Architectures"] == ["arm64"]
    # Wheels with compiled code for the wrong architecture would fail only when deployed.
    assert _build_script().DEFAULT_ARCH == "arm64"


def test_published_versions_start_from_a_snapshot(function: dict[str, Any]) -> None:
    # SnapStart applies to published versions, which AutoPublishAlias makes; the skill's
    # endpoint is that alias, so every invocation can resume from a snapshot.
    assert function["SnapStart"] == {"ApplyOn": "PublishedVersions"}
    assert function["AutoPublishAlias"] == "live"
    match = re.fullmatch(r"python3\.(\d+)", function["Runtime"])
    assert match and int(match.group(1)) >= 12, "SnapStart for Python needs python3.12+"


def test_nothing_snapstart_cannot_work_with(function: dict[str, Any]) -> None:
    assert "ProvisionedConcurrencyConfig" not in function
    assert "FileSystemConfigs" not in function
    assert function.get("EphemeralStorage", {}).get("Size", 512) <= 512


def test_function_answers_within_alexas_deadline(function: dict[str, Any]) -> None:
    # Alexa waits about 8 seconds for a skill's response.
    assert function["Timeout"] < 8
    assert function["Handler"] == "app.handler"
    assert function["CodeUri"].rstrip("/") == "build/lambda"


def test_function_is_published_behind_the_live_alias(template: dict[str, Any]) -> None:
    function = template["Resources"]["WinsFunction"]["Properties"]
    assert function["AutoPublishAlias"] == "live"
    # SAM names the alias resource <Function>Alias<name>: the skill endpoint output uses it.
    assert template["Outputs"]["WinsFunctionAliasArn"]["Value"] == {"Ref": "WinsFunctionAliaslive"}


def test_only_this_skill_may_invoke_the_function(function: dict[str, Any]) -> None:
    events = [e for e in function["Events"].values() if e["Type"] == "AlexaSkill"]
    assert len(events) == 1
    assert events[0]["Properties"]["SkillId"] == {"Ref": "SkillId"}


def test_skill_id_parameter_accepts_only_skill_ids(template: dict[str, Any]) -> None:
    pattern = template["Parameters"]["SkillId"]["AllowedPattern"]
    assert re.fullmatch(pattern, "amzn1.ask.skill.0a1b2c3d-4e5f-6789-abcd-ef0123456789")
    assert not re.fullmatch(pattern, "amzn1.ask.skill.")
    assert not re.fullmatch(pattern, "arn:aws:lambda:us-east-1:123456789012:function:x")


def test_environment_points_at_this_table_and_skill(function: dict[str, Any]) -> None:
    variables = function["Environment"]["Variables"]
    assert variables["WINS_TABLE_NAME"] == {"Ref": "WinsTable"}
    assert variables["WINS_SKILL_ID"] == {"Ref": "SkillId"}
    assert variables["LOG_LEVEL"] == {"Ref": "LogLevel"}


def test_log_pseudonyms_are_keyed_with_a_secret_the_stack_never_shows(
    template: dict[str, Any], function: dict[str, Any]
) -> None:
    parameter = template["Parameters"]["LogPseudonymKey"]
    assert parameter["NoEcho"] is True and "Default" not in parameter
    assert parameter["MinLength"] >= MIN_KEY_CHARS
    assert function["Environment"]["Variables"][KEY_ENV] == {"Ref": "LogPseudonymKey"}
    # What the description tells an operator to make is accepted, by the stack and the code.
    made = secrets.token_hex(32)
    assert re.fullmatch(parameter["AllowedPattern"], made)
    assert key_from_text(made, KEY_ENV) == made.encode()
    assert not re.fullmatch(parameter["AllowedPattern"], "a key with spaces in it, 32 chars")


def test_reserved_concurrency_is_a_parameter_off_unless_asked_for(
    template: dict[str, Any], function: dict[str, Any]
) -> None:
    parameter = template["Parameters"]["ReservedConcurrency"]
    assert function["ReservedConcurrentExecutions"] == {
        "Fn::If": [
            "HasReservedConcurrency",
            {"Ref": "ReservedConcurrency"},
            {"Ref": "AWS::NoValue"},
        ]
    }
    assert template["Conditions"]["HasReservedConcurrency"] == {
        "Fn::Not": [{"Fn::Equals": [{"Ref": "ReservedConcurrency"}, parameter["Default"]]}]
    }
    # New accounts' quotas leave nothing to reserve: the default must deploy anywhere.
    assert parameter["Default"] == "none"
    for accepted in ("none", "1", "10", "250"):
        assert re.fullmatch(parameter["AllowedPattern"], accepted), accepted
    # 0 would stop the function answering at all.
    for refused in ("0", "-1", "010", "ten", ""):
        assert not re.fullmatch(parameter["AllowedPattern"], refused), refused


def test_function_logs_to_a_log_group_with_retention(
    template: dict[str, Any], function: dict[str, Any]
) -> None:
    assert function["LoggingConfig"]["LogGroup"] == {"Ref": "WinsLogGroup"}
    log_group = template["Resources"]["WinsLogGroup"]
    assert log_group["Type"] == "AWS::Logs::LogGroup"
    assert log_group["Properties"]["RetentionInDays"] > 0


# --- least privilege ----------------------------------------------------------------------


def test_policy_grants_only_item_actions_on_the_table_and_its_indexes(
    function: dict[str, Any],
) -> None:
    statements = _statements(function)
    granted = set()
    for statement in statements:
        assert statement["Effect"] == "Allow"
        assert "NotAction" not in statement and "NotResource" not in statement
        granted |= set(_as_list(statement["Action"]))
        for resource in _as_list(statement["Resource"]):
            assert resource in (TABLE_ARN, INDEX_ARN), resource
    assert granted == ALLOWED_ACTIONS


def test_nothing_may_scan_or_create_tables(template: dict[str, Any]) -> None:
    text = json.dumps(template)
    for action in ("dynamodb:Scan", "dynamodb:CreateTable", "dynamodb:*", '"*"'):
        assert action not in text


# --- the table ----------------------------------------------------------------------------


def test_table_survives_stack_deletion_and_replacement(table: dict[str, Any]) -> None:
    assert table["DeletionPolicy"] == "Retain"
    assert table["UpdateReplacePolicy"] == "Retain"


def test_table_cannot_be_deleted_by_hand_while_protected(table: dict[str, Any]) -> None:
    assert table["Properties"]["DeletionProtectionEnabled"] is True


def test_table_is_on_demand_encrypted_and_recoverable(table: dict[str, Any]) -> None:
    properties = table["Properties"]
    assert properties["BillingMode"] == "PAY_PER_REQUEST"
    assert properties["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert properties["SSESpecification"]["SSEEnabled"] is True


def test_table_expires_items_on_the_ttl_attribute(table: dict[str, Any]) -> None:
    ttl = table["Properties"]["TimeToLiveSpecification"]
    assert ttl == {"AttributeName": TTL_ATTRIBUTE, "Enabled": True}


def test_table_keys_match_the_code(table: dict[str, Any]) -> None:
    properties = table["Properties"]
    # Attribute definitions are a set; key schemas are ordered (HASH before RANGE).
    assert _by_name(properties["AttributeDefinitions"], "AttributeName") == _by_name(
        TABLE_DEFINITION["AttributeDefinitions"], "AttributeName"
    )
    assert properties["KeySchema"] == TABLE_DEFINITION["KeySchema"]


def test_table_indexes_match_the_code(table: dict[str, Any]) -> None:
    properties = table["Properties"]
    assert _by_name(properties.get("LocalSecondaryIndexes", []), "IndexName") == _by_name(
        TABLE_DEFINITION.get("LocalSecondaryIndexes", []), "IndexName"
    )
    assert _by_name(properties.get("GlobalSecondaryIndexes", []), "IndexName") == _by_name(
        TABLE_DEFINITION.get("GlobalSecondaryIndexes", []), "IndexName"
    )


def test_outputs_name_the_function_alias_and_table(template: dict[str, Any]) -> None:
    outputs = template["Outputs"]
    assert outputs["WinsFunctionArn"]["Value"] == {"Fn::GetAtt": ["WinsFunction", "Arn"]}
    assert outputs["WinsTableName"]["Value"] == {"Ref": "WinsTable"}


# --- linting ------------------------------------------------------------------------------


def _cfn_lint() -> list[str]:
    beside = Path(sys.executable).with_name("cfn-lint")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("cfn-lint")
    if found is None:
        pytest.fail("cfn-lint is not installed (it is in the dev extras)")
    return [found]


@pytest.mark.slow
def test_cfn_lint_finds_nothing() -> None:
    result = subprocess.run(
        [*_cfn_lint(), str(TEMPLATE)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
