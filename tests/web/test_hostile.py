"""Property: whatever a body holds, the endpoint answers 200 or 400 with JSON, never a 500.

Each example takes a real envelope, puts something hostile at one place in it (nesting far
deeper than Python's stack, numbers past Python's digit limit, NaN, lone surrogates, wrong
types...), encodes the text one of several ways, and signs the bytes as Alexa would, so the
body passes verification and reaches everything behind it.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skill.web.limits import MAX_BODY_BYTES
from testkit.alexa_signing import Pki, signed_headers
from tests.conftest import load_request

PLACEHOLDER = "\x00hostile\x00"


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document, as the keys and indexes that lead to it."""
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths(value, (*prefix, index))
    return found


def nested(depth: int, opener: str, closer: str) -> str:
    return opener * depth + closer * depth


json_leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
)
json_values = st.recursive(
    json_leaves,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
).map(lambda value: json.dumps(value, allow_nan=True))

hostile_text = st.one_of(
    json_values,
    st.integers(1, 20_000).map(lambda depth: nested(depth, "[", "]")),
    st.integers(1, 5_000).map(
        lambda depth: nested(depth, '{"a":', "}")[:-depth] + "1" + "}" * depth
    ),
    st.integers(4_000, 50_000).map(lambda digits: "9" * digits),
    st.sampled_from(['"\\ud800"', '"\\udfff\\ud800"', "NaN", "-Infinity", "1e999999", '"\\u0000"']),
    st.sampled_from(['"2026-13-45T99:99:99Z"', '""', "[]", "{}", '"IntentRequest"', "-0"]),
)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "latin-1"])
ENVELOPE = load_request("log_win")
PLACES = paths(ENVELOPE)


def with_hostile(place: tuple[Any, ...], text: str) -> str:
    """The envelope as JSON text, with ``text`` written at ``place``, under a fresh request ID
    (a repeated ID would be answered from memory, never reaching what lies behind)."""
    document = json.loads(json.dumps(ENVELOPE))
    document["request"]["requestId"] = f"amzn1.echo-api.request.{uuid.uuid4()}"
    if not place:
        return text
    node = document
    for step in place[:-1]:
        node = node[step]
    node[place[-1]] = PLACEHOLDER
    return json.dumps(document).replace(json.dumps(PLACEHOLDER), text, 1)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(place=st.sampled_from(PLACES), text=hostile_text, encoding=encodings)
def test_a_signed_hostile_body_is_answered_200_or_400_never_500(
    client: FlaskClient, pki: Pki, place: tuple[Any, ...], text: str, encoding: str
) -> None:
    written = with_hostile(place, text)
    try:
        body = written.encode(encoding)
    except UnicodeEncodeError:
        body = written.encode("utf-8", "surrogatepass")

    response = client.post("/", data=body, headers=signed_headers(body, pki.signer_key))

    expected = (413,) if len(body) > MAX_BODY_BYTES else (200, 400)
    assert response.status_code in expected, (place, text[:80], encoding)
    assert isinstance(response.get_json(), dict)
