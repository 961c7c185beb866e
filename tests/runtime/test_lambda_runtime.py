"""lambda/app.py under awslambdaric, the runtime interface client of AWS's Python base images.

The function runs in a process of its own exactly as Lambda starts it (``python -m awslambdaric
app.handler`` in the code folder), polling a stand-in for the Lambda Runtime API on loopback.
The code folder is what scripts/build_lambda.py builds, so a module the build leaves out fails
here. Its DynamoDB is moto's server on loopback, its Alexa APIs the console's stand-in over
HTTPS. Every wait is bounded; nothing needs Docker or the network.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import os
import subprocess
import sys
import sysconfig
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from skill.console.alexa_stand_in import FakeAlexaApi
from skill.speech.catalog import catalog_for
from skill.storage.dynamodb.schema import WIN_PREFIX
from testkit.fast_moto import MotoProcess
from tests.conftest import ROOT, SKILL_ID, TABLE_NAME, create_table_from_template, load_request
from tests.runtime.runtime_api import Outcome, RuntimeApi

pytestmark = pytest.mark.slow  # the function runs in a process of its own

START_TIMEOUT = 60.0  # a cold start on a busy 2-core machine, with room to spare
# The stack's LogPseudonymKey, as template.yaml hands it to the function.
LOG_KEY = "c0ffee00c0ffee00c0ffee00c0ffee00-runtime"

# The function's interpreter: the test's own, with -S, so site-packages' .pth files do not run.
# The project's editable install (pip install -e) is one of them: it adds an import finder that
# would load a skill module the code folder lacks from the repository. Without it, the path is
# the code folder (the current directory, as on Lambda), then the test environment's
# site-packages, named by hand for the third-party packages (the build here has only sources):
# ``skill`` can come from the built folder only. test_the_function_loads_the_built_skill checks.
PYTHON = (sys.executable, "-S")


def third_party_path() -> str:
    """The test environment's site-packages, for PYTHONPATH."""
    return os.pathsep.join(dict.fromkeys(sysconfig.get_path(p) for p in ("purelib", "platlib")))


def build_sources(out: Path) -> Path:
    """The function's folder as scripts/build_lambda.py makes it, without dependencies."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_lambda.py"), "--out", str(out), "--no-deps"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


class Function:
    """The running function: send it events, read what it logged."""

    def __init__(
        self,
        api: RuntimeApi,
        process: subprocess.Popen[bytes],
        log: Path,
        code: Path,
        env: dict[str, str],
    ) -> None:
        self.api, self.process, self.log = api, process, log
        # Its code folder and environment.
        self.code, self.env = code, env

    def invoke(self, event: Any) -> Outcome:
        assert self.process.poll() is None, f"the runtime exited: {self.log.read_text()}"
        return self.api.invoke(event, timeout=START_TIMEOUT)


@pytest.fixture(scope="module")
def alexa() -> Iterator[FakeAlexaApi]:
    with FakeAlexaApi(time_zone="UTC", minute_seconds=0.05) as fake:
        yield fake


@pytest.fixture(scope="module")
def dynamodb_endpoint() -> Iterator[str]:
    with MotoProcess() as moto:
        host, port = moto.address
        endpoint = f"http://{host}:{port}"
        client = boto3.client(
            "dynamodb",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        create_table_from_template(client)
        yield endpoint


@pytest.fixture(scope="module")
def function(
    alexa: FakeAlexaApi, dynamodb_endpoint: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Function]:
    code = build_sources(tmp_path_factory.mktemp("function") / "lambda")
    api = RuntimeApi().start()
    log = tmp_path_factory.mktemp("runtime") / "function.log"
    env = {
        "PATH": os.environ.get("PATH", ""),
        # Lambda's own variables: where the runtime API is, and this function's settings.
        "AWS_LAMBDA_RUNTIME_API": api.address,
        "AWS_LAMBDA_FUNCTION_NAME": "small-wins",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "512",
        "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
        "AWS_REGION": "us-east-1",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        # template.yaml's variables.
        "WINS_TABLE_NAME": TABLE_NAME,
        "WINS_SKILL_ID": SKILL_ID,
        "LOG_LEVEL": "INFO",
        "WINS_LOG_KEY": LOG_KEY,
        # Test-only plumbing: the third-party packages (Lambda has them in the code folder and
        # the runtime), DynamoDB on loopback, and trust in the Alexa API stand-in's certificate
        # authority.
        "PYTHONPATH": third_party_path(),
        "AWS_ENDPOINT_URL_DYNAMODB": dynamodb_endpoint,
        "SSL_CERT_FILE": alexa.ca_file,
    }
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [*PYTHON, "-m", "awslambdaric", "app.handler"],
            cwd=code,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        yield Function(api, process, log, code, env)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        api.stop()
    assert api.init_errors == [], api.init_errors


def envelope(name: str, alexa: FakeAlexaApi, user: str, **slots: str) -> dict[str, Any]:
    """A stored request envelope for ``user``, calling the Alexa API stand-in."""
    event = copy.deepcopy(load_request(name))
    event["session"]["user"]["userId"] = user
    system = event["context"]["System"]
    system["user"]["userId"] = user
    system["apiEndpoint"], system["apiAccessToken"] = alexa.endpoint, alexa.access_token
    for slot, value in slots.items():
        event["request"]["intent"]["slots"][slot] = {
            "name": slot,
            "value": value,
            "confirmationStatus": "NONE",
            "source": "USER",
        }
    return event


def new_user() -> str:
    return f"amzn1.ask.account.RUNTIME{uuid.uuid4().hex.upper()}"


def answer(outcome: Outcome) -> dict[str, Any]:
    assert outcome.kind == "response", outcome
    response: dict[str, Any] = outcome.body["response"]
    assert outcome.body["version"] == "1.0"
    return response


def stored_wins(endpoint: str, user: str) -> list[str]:
    client = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1")
    items = client.query(
        TableName=TABLE_NAME,
        KeyConditionExpression="pk = :pk AND begins_with(sk, :win)",
        ExpressionAttributeValues={":pk": {"S": f"USER#{user}"}, ":win": {"S": WIN_PREFIX}},
    )["Items"]
    return [item["text"]["S"] for item in items]


def test_a_launch_is_answered_with_a_question_and_a_reprompt(
    function: Function, alexa: FakeAlexaApi
) -> None:
    response = answer(function.invoke(envelope("launch", alexa, new_user())))

    assert response["outputSpeech"]["ssml"].startswith("<speak>")
    assert response["reprompt"]["outputSpeech"]["ssml"]
    assert response["shouldEndSession"] is False


def test_a_win_is_stored_celebrated_and_read_back(
    function: Function, alexa: FakeAlexaApi, dynamodb_endpoint: str
) -> None:
    user = new_user()

    logged = answer(function.invoke(envelope("log_win", alexa, user, win="watered the plants")))
    heard = answer(function.invoke(envelope("hear_win", alexa, user)))

    assert "watered the plants" in logged["outputSpeech"]["ssml"]
    assert stored_wins(dynamodb_endpoint, user) == ["watered the plants"]
    assert "watered the plants" in heard["outputSpeech"]["ssml"]
    assert "watered the plants" not in function.log.read_text()  # logs hold no one's words


@pytest.mark.parametrize("name", ["help", "stop", "cancel", "fallback", "navigate_home"])
def test_built_in_intents_are_answered(function: Function, alexa: FakeAlexaApi, name: str) -> None:
    response = answer(function.invoke(envelope(name, alexa, new_user())))

    assert response["outputSpeech"]["ssml"].startswith("<speak>")
    if name in ("stop", "cancel", "navigate_home"):
        assert response["shouldEndSession"] is True and "reprompt" not in response
    else:
        assert response["reprompt"]["outputSpeech"]["ssml"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda event: event["request"].update(intent=42),
        lambda event: event["request"].update(type="NoSuchRequest"),
        lambda event: event["context"]["System"].update(user="nobody"),
        lambda event: event.update(session=[1, 2, 3]),
    ],
    ids=["intent-not-an-object", "unknown-request-type", "user-not-an-object", "session-a-list"],
)
def test_a_bad_envelope_gets_the_kind_apology_and_the_function_keeps_serving(
    function: Function, alexa: FakeAlexaApi, damage: Any
) -> None:
    user = new_user()
    event = envelope("log_win", alexa, user, win="fed the cat")
    damage(event)

    response = answer(function.invoke(event))

    apologies = catalog_for("en-US").variants("error.general")
    assert response["outputSpeech"]["ssml"] == f"<speak>{apologies[0]}</speak>"
    assert response["shouldEndSession"] is True
    after = answer(function.invoke(envelope("help", alexa, user)))
    assert after["shouldEndSession"] is False


def test_a_request_for_another_skill_is_an_error_and_the_function_keeps_serving(
    function: Function, alexa: FakeAlexaApi
) -> None:
    event = envelope("log_win", alexa, new_user(), win="fed the cat")
    other = "amzn1.ask.skill.00000000-1111-4222-8333-444444444444"
    event["context"]["System"]["application"]["applicationId"] = other
    event["session"]["application"]["applicationId"] = other

    refused = function.invoke(event)

    assert refused.kind == "error" and refused.body["errorType"] == "RequestRejected"
    assert answer(function.invoke(envelope("help", alexa, new_user())))["outputSpeech"]


def test_the_function_loads_the_built_skill(function: Function, tmp_path: Path) -> None:
    # The function's interpreter, folder and environment, asked where ``skill`` comes from.
    where = [*PYTHON, "-c", "import skill; print(skill.__file__)"]
    found = subprocess.run(
        where, cwd=function.code, env=function.env, capture_output=True, text=True, check=True
    )
    assert Path(found.stdout.strip()) == function.code / "skill" / "__init__.py"
    # Anywhere else, it cannot be imported at all: nothing lends the repository's copy.
    elsewhere = subprocess.run(
        where, cwd=tmp_path, env=function.env, capture_output=True, text=True, check=False
    )
    assert "No module named 'skill'" in elsewhere.stderr


def test_a_field_the_function_cannot_read_is_not_quoted_in_its_log(
    function: Function, alexa: FakeAlexaApi
) -> None:
    """The SDK's message would quote the value ("Failed to parse <it> into 'datetime'")."""
    words = "told my sister about the panic attacks"
    event = envelope("log_win", alexa, new_user(), win="fed the cat")
    event["request"]["timestamp"] = words
    event["request"]["intent"]["slots"]["win"]["confirmationStatus"] = words

    response = answer(function.invoke(event))

    assert response["shouldEndSession"] is True
    log = function.log.read_text()
    assert "request could not be handled: ask_sdk_core.exceptions.SerializationException" in log
    assert "panic attacks" not in log


def test_the_function_names_people_by_a_hash_keyed_with_the_stacks_secret(
    function: Function, alexa: FakeAlexaApi
) -> None:
    user = new_user()
    answer(function.invoke(envelope("log_win", alexa, user, win="fed the cat")))
    asked = function.invoke(envelope("delete_all", alexa, user))
    confirm = envelope("yes", alexa, user)
    confirm["session"]["attributes"] = asked.body["sessionAttributes"]

    answer(function.invoke(confirm))

    person = f"USER#{user}".encode()
    keyed = hmac.new(LOG_KEY.encode(), person, hashlib.sha256).hexdigest()[:12]
    log = function.log.read_text()
    assert f"for {keyed} on request" in log
    assert hashlib.sha256(person).hexdigest()[:12] not in log
    assert user not in log
