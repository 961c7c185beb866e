"""Property-based tests: any envelope gets valid SSML, and nobody hears another person's win."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ElementTree
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skill.console.alexa_stand_in import FakeAlexaApi
from skill.entry import Handler, RequestRejected
from tests.conftest import SKILL_ID, load_request

# The fixtures (one moto table, one Alexa API stand-in) are shared by every example: state
# accumulates across examples on purpose, as it would for a real skill.
SHARED_FIXTURES = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NAMES = [
    "launch", "log_win", "log_win_minimised", "log_win_empty", "hear_win", "set_style", "help",
    "stop", "fallback", "session_ended", "set_goal", "goal_done", "yes", "no", "task_launch",
    "permission_response", "set_one_thing", "read_one_thing", "one_thing_done", "set_reminder",
    "stop_reminder", "delete_last", "delete_all", "skill_disabled",
]  # fmt: skip
TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=400
) | st.sampled_from(
    [
        '<audio src="soundbank://x"/>',
        "</speak><speak>",
        "&amp; & &lt; <",
        "' \" > <break time='10s'/>",
        "did the 🧺 laundry 🎉",
        "je suis allé au marché",
        "\u202e reversed",
        "",
        " ",
    ]
)
JUNK = st.none() | st.integers() | st.text(max_size=20) | st.lists(st.integers(), max_size=3)
PATHS = [
    ("request", "locale"),
    ("request", "intent"),
    ("request", "intent", "name"),
    ("request", "timestamp"),
    ("request", "type"),
    ("session",),
    ("session", "attributes"),
    ("context", "System", "user"),
    ("context", "System", "device"),
    ("context", "System", "apiEndpoint"),
    ("request", "task"),
    ("request", "payload"),
]


def spoken_ssml_is_valid(response: dict[str, Any]) -> None:
    speech = response.get("response", {}).get("outputSpeech")
    if speech is None:
        return
    ssml = speech["ssml"]
    assert ssml.startswith("<speak>") and ssml.endswith("</speak>")
    # Alexa's own elements (amazon:emotion) live in its namespace; declare it to parse.
    declared = ssml.replace("<speak>", '<speak xmlns:amazon="urn:amazon:ssml">', 1)
    root = ElementTree.fromstring(declared)  # raises on anything that isn't well-formed
    allowed = {"speak", "audio", "say-as", "{urn:amazon:ssml}emotion"}
    assert {element.tag for element in root.iter()} <= allowed


@st.composite
def envelopes(draw: st.DrawFn) -> dict[str, Any]:
    envelope = copy.deepcopy(load_request(draw(st.sampled_from(NAMES))))
    intent = envelope["request"].get("intent")
    if isinstance(intent, dict):
        for slot in ("win", "goal", "thing", "time", "style"):
            if draw(st.booleans()):
                intent.setdefault("slots", {})[slot] = {"name": slot, "value": draw(TEXT)}
    for path in draw(st.lists(st.sampled_from(PATHS), max_size=3)):
        node: Any = envelope
        for key in path[:-1]:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict):
            if draw(st.booleans()):
                node.pop(path[-1], None)
            else:
                node[path[-1]] = draw(JUNK)
    return envelope


@SHARED_FIXTURES
@given(envelope=envelopes())
def test_any_envelope_gets_valid_ssml_and_never_an_unhandled_error(
    handler: Handler, alexa: FakeAlexaApi, envelope: dict[str, Any]
) -> None:
    system = envelope.get("context", {}).get("System")
    if isinstance(system, dict) and "apiEndpoint" in system:
        system["apiEndpoint"] = alexa.endpoint  # Alexa's APIs are only ever the loopback fake
        system["apiAccessToken"] = alexa.access_token
    response = handler(json.loads(json.dumps(envelope)), None)
    assert response["version"] == "1.0"
    spoken_ssml_is_valid(response)


@SHARED_FIXTURES
@given(skill_id=st.none() | st.text(max_size=30) | st.integers())
def test_envelopes_for_another_skill_are_always_refused(handler: Handler, skill_id: Any) -> None:
    envelope = load_request("log_win")
    if skill_id == SKILL_ID:
        return
    envelope["context"]["System"]["application"]["applicationId"] = skill_id
    with pytest.raises(RequestRejected):
        handler(envelope, None)


HOUSEHOLD = st.tuples(
    st.sampled_from(["amzn1.ask.account.A", "amzn1.ask.account.B"]),
    st.sampled_from([None, "amzn1.ask.person.P1", "amzn1.ask.person.P2"]),
)


@SHARED_FIXTURES
@given(steps=st.lists(st.tuples(HOUSEHOLD, st.booleans()), min_size=1, max_size=25))
def test_nobody_ever_hears_a_win_that_is_not_their_own(
    handler: Handler, request_for: Any, steps: list[tuple[tuple[str, str | None], bool]]
) -> None:
    for (account, person), logs in steps:
        owner = f"{account}/{person}"
        marker = f"owner {abs(hash(owner)) % 10_000_019}"
        if logs:
            handler(request_for("log_win", win=f"did {marker}", user=account, person=person), None)
            continue
        said = handler(request_for("hear_win", user=account, person=person), None)
        text = said["response"]["outputSpeech"]["ssml"]
        if "owner " in text:
            assert marker in text, (owner, text)
