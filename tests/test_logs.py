"""Logs never hold what people said, nor their full user IDs — not even when things fail."""

from __future__ import annotations

import hashlib
import hmac
import logging
import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from skill.alexa.api import TIMERS_SCOPE
from skill.console.alexa_stand_in import FakeAlexaApi
from skill.entry import Handler, configure_logging, make_handler
from skill.logs import failure, pseudonym, use_key
from skill.speech.catalog import catalog_for
from skill.storage.dynamodb.store import DynamoWinStore
from tests.conftest import ACCOUNT, SKILL_ID, SPEAKER, Clock, Envelope

SECRET_WIN = "told my therapist about the nightmares"
PERSON_ID = "amzn1.ask.person.PRIVATEVOICEPROFILE"


def everything_logged(caplog: pytest.LogCaptureFixture) -> str:
    lines = []
    for record in caplog.records:
        lines.append(record.getMessage())
        if record.exc_info:
            lines.append(logging.Formatter().formatException(record.exc_info))
    return "\n".join(lines)


def conversation(handler: Handler, request_for: Envelope) -> None:
    steps: list[tuple[str, dict[str, Any]]] = [
        ("launch", {}),
        ("log_win", {"win": SECRET_WIN}),
        ("log_win", {"win": SECRET_WIN, "person": PERSON_ID}),
        ("hear_win", {}),
        ("set_goal", {"slots": {"goal": SECRET_WIN}, "scopes": {TIMERS_SCOPE: "GRANTED"}}),
        ("set_one_thing", {"slots": {"thing": SECRET_WIN}}),
        ("log_win", {"win": "I want to end my life"}),
        ("delete_last", {}),
        ("session_ended", {}),
    ]
    for name, extra in steps:
        handler(request_for(name, **extra), None)


def assert_private(text: str) -> None:
    assert SECRET_WIN not in text and "therapist" not in text
    assert "end my life" not in text
    assert ACCOUNT not in text and PERSON_ID not in text


def test_a_whole_conversation_logs_nothing_private(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="skill")
    caplog.set_level(logging.INFO)
    alexa.fail_next(500, path_prefix="/v1/alerts/timers")  # an API failure gets logged too
    conversation(handler, request_for)
    assert caplog.records  # the skill does log: warnings, session ends
    assert_private(everything_logged(caplog))


def test_storage_failures_log_nothing_private(
    dynamodb: Any, clock: Clock, request_for: Envelope, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    broken = DynamoWinStore(dynamodb, "no-such-table")
    handler = make_handler(broken, skill_id=SKILL_ID, clock=clock, rng=random.Random(1))
    conversation(handler, request_for)
    logged = everything_logged(caplog)
    assert "storage failed" in logged
    assert_private(logged)


def test_debug_logging_keeps_aws_libraries_quiet(
    handler: Handler, request_for: Envelope, caplog: pytest.LogCaptureFixture
) -> None:
    configure_logging("DEBUG")  # as LOG_LEVEL=DEBUG would on Lambda
    try:
        caplog.set_level(logging.DEBUG, logger="skill")
        conversation(handler, request_for)
        assert_private(everything_logged(caplog))
        assert not [r for r in caplog.records if r.name.startswith(("botocore", "urllib3"))]
    finally:
        configure_logging("WARNING")


# --- no free text from a request, whatever field carries it ---------------------------------


@pytest.fixture
def withholding() -> Iterator[None]:
    """``configure_logging`` as a process starts with it; the record factory restored after."""
    factory = logging.getLogRecordFactory()
    configure_logging("INFO")
    try:
        yield
    finally:
        logging.setLogRecordFactory(factory)
        configure_logging("WARNING")


def test_a_session_ended_by_an_error_logs_its_type_not_its_message(
    handler: Handler, request_for: Envelope, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    envelope = request_for("session_ended")
    envelope["request"]["reason"] = "ERROR"
    envelope["request"]["error"] = {"type": "INVALID_RESPONSE", "message": SECRET_WIN}

    handler(envelope, None)

    logged = everything_logged(caplog)
    assert "session ended: ERROR" in logged
    assert "session ended with an error: INVALID_RESPONSE" in logged
    assert_private(logged)


BAD_FIELDS: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("timestamp", lambda e: e["request"].update(timestamp=SECRET_WIN)),
    ("dialog-state", lambda e: e["request"].update(dialogState=SECRET_WIN)),
    (
        "slot-confirmation",
        lambda e: e["request"]["intent"]["slots"]["win"].update(confirmationStatus=SECRET_WIN),
    ),
    ("slots", lambda e: e["request"]["intent"].update(slots=SECRET_WIN)),
]


@pytest.mark.parametrize("damage", [d for _, d in BAD_FIELDS], ids=[n for n, _ in BAD_FIELDS])
def test_a_field_the_skill_cannot_read_is_logged_by_kind_never_quoted(
    handler: Handler,
    request_for: Envelope,
    caplog: pytest.LogCaptureFixture,
    damage: Callable[[dict[str, Any]], None],
) -> None:
    """The Lambda's last line of defence: the SDK's messages quote the field's value."""
    caplog.set_level(logging.INFO)
    envelope = request_for("log_win", win="fed the cat")
    damage(envelope)

    answer = handler(envelope, None)

    apology = catalog_for("en-US").variants("error.general")[0]
    assert answer["response"]["outputSpeech"]["ssml"] == f"<speak>{apology}</speak>"
    logged = everything_logged(caplog)
    assert "request could not be handled" in logged
    assert "Traceback (most recent call last)" in logged  # where it failed is still told
    assert_private(logged)


def test_a_library_record_with_a_traceback_keeps_the_place_and_loses_the_message(
    withholding: None, caplog: pytest.LogCaptureFixture
) -> None:
    """flask-ask-sdk, for one, logs a dispatch error with ``exc_info=True``."""
    caplog.set_level(logging.ERROR)
    try:
        raise ValueError(f"could not parse {SECRET_WIN}")
    except ValueError:
        logging.getLogger("flask_ask_sdk").error("Skill dispatch exception", exc_info=True)

    (record,) = caplog.records
    text = logging.Formatter().format(record)
    assert text.startswith("Skill dispatch exception: ValueError")
    assert "test_a_library_record_with_a_traceback" in text  # the frame is kept
    assert_private(text)


def test_a_traceback_names_each_exception_that_led_there_without_their_messages() -> None:
    known: dict[str, int] = {}
    try:
        try:
            known[SECRET_WIN]
        except KeyError as inner:
            raise RuntimeError(SECRET_WIN) from inner
    except RuntimeError as outer:
        text = failure(outer)

    assert text.startswith("RuntimeError (its message is withheld")
    assert text.index("KeyError") < text.index("which led to") < text.rindex("RuntimeError")
    assert_private(text)


# --- pseudonyms: keyed, never a plain hash of the user ID ------------------------------------


def test_a_person_is_named_by_a_hash_keyed_with_the_installation_secret(
    handler: Handler, request_for: Envelope, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    key = b"0123456789abcdef0123456789abcdef-test"
    use_key(key)
    handler(request_for("log_win", win="walked the dog"), None)
    asked = handler(request_for("delete_all"), None)

    handler(request_for("yes", attributes=asked["sessionAttributes"]), None)

    logged = everything_logged(caplog)
    keyed = hmac.new(key, SPEAKER.key.encode(), hashlib.sha256).hexdigest()[:12]
    unsalted = hashlib.sha256(SPEAKER.key.encode()).hexdigest()[:12]
    assert f"for {keyed} on request" in logged
    assert unsalted not in logged
    assert_private(logged)


def test_two_installations_give_one_person_unrelated_pseudonyms() -> None:
    use_key(b"a" * 32)
    first = pseudonym(SPEAKER.key)
    use_key(b"b" * 32)
    second = pseudonym(SPEAKER.key)

    assert first != second and len(first) == len(second) == 12
