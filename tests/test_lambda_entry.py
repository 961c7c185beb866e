"""Every intent through the Lambda entry (lambda/app.py) with realistic request JSON, on moto."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from datetime import datetime
from types import ModuleType
from typing import Any

import pytest
import time_machine

from skill.entry import RequestRejected
from tests.conftest import (
    LATER_GREETINGS,
    MORNING_GREETINGS,
    ROOT,
    SKILL_ID,
    TABLE_NAME,
    Envelope,
    dataclasses_defined_by_entry,
    ends_session,
    modules_loaded_by_entry,
    plain,
    postponed_records_defined_by_entry,
    reprompt,
    speech,
)

pytestmark = pytest.mark.any_hour  # the date, hour or zone could change its outcome

LambdaHandler = Callable[[dict[str, Any], Any], dict[str, Any]]


def load_lambda_entry() -> ModuleType:
    """Import lambda/app.py the way the Lambda runtime does (``lambda`` is not a package)."""
    spec = importlib.util.spec_from_file_location("wins_lambda_app", ROOT / "lambda" / "app.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def entry(dynamodb: Any, monkeypatch: pytest.MonkeyPatch) -> LambdaHandler:
    monkeypatch.setenv("WINS_TABLE_NAME", TABLE_NAME)
    monkeypatch.setenv("WINS_SKILL_ID", SKILL_ID)
    handler: LambdaHandler = load_lambda_entry().handler
    return handler


def stored_wins(dynamodb: Any) -> list[str]:
    items = dynamodb.scan(TableName=TABLE_NAME)["Items"]  # test-only look at the whole table
    return sorted(i["text"]["S"] for i in items if i["sk"]["S"].startswith("WIN#"))


@pytest.mark.parametrize(
    ("at", "greetings"),
    [
        # The device is in UTC here: from 6 am to noon the question is the day's one thing;
        # in the small hours it is not (someone up then is still in their night).
        ("2026-11-21T05:10:00+00:00", LATER_GREETINGS),
        ("2026-11-21T06:00:00+00:00", MORNING_GREETINGS),
        ("2026-11-21T11:59:59+00:00", MORNING_GREETINGS),
        ("2026-11-21T12:00:00+00:00", LATER_GREETINGS),
        ("2026-11-21T22:45:00+00:00", LATER_GREETINGS),
        ("2026-12-31T23:59:00+00:00", LATER_GREETINGS),
        ("2027-01-01T00:00:30+00:00", LATER_GREETINGS),
    ],
)
def test_launch_greets_by_the_time_of_day_asks_one_question_and_keeps_the_session(
    entry: LambdaHandler, request_for: Envelope, at: str, greetings: frozenset[str]
) -> None:
    with time_machine.travel(datetime.fromisoformat(at), tick=False):
        response = entry(request_for("launch"), None)
    assert plain(speech(response)) in greetings
    assert speech(response).count("?") == 1
    assert not ends_session(response)
    assert reprompt(response)


def test_one_shot_log_a_win_is_stored_and_celebrated(
    entry: LambdaHandler, request_for: Envelope, dynamodb: Any
) -> None:
    response = entry(request_for("log_win", win="did the laundry"), None)
    assert "You did the laundry" in speech(response)
    assert "soundbank://soundlibrary/" in speech(response)  # cheerful: one short sound
    assert speech(response).count("<audio") == 1
    assert response["response"]["card"] == {
        "type": "Simple",
        "title": "Small Wins",
        "content": "\u2713 You did the laundry",
    }
    assert ends_session(response)  # a one-shot request ends when it is answered
    assert stored_wins(dynamodb) == ["did the laundry"]


def test_in_session_log_a_win_asks_for_more(entry: LambdaHandler, request_for: Envelope) -> None:
    response = entry(request_for("log_win", win="took a shower", new=False), None)
    assert "You took a shower" in speech(response)
    assert not ends_session(response)
    assert reprompt(response)


def test_log_a_win_without_words_asks_what_they_did(
    entry: LambdaHandler, request_for: Envelope, dynamodb: Any
) -> None:
    response = entry(request_for("log_win_empty"), None)
    assert "What" in speech(response) and "?" in speech(response)
    assert not ends_session(response) and reprompt(response)
    kept = response["sessionAttributes"]
    assert kept["asked"] == "win" and set(kept) == {"asked", "said"}  # "said": to say it again
    assert stored_wins(dynamodb) == []


def test_minimised_win_drops_the_minimiser_and_says_it_counts(
    entry: LambdaHandler, request_for: Envelope
) -> None:
    said = speech(entry(request_for("log_win_minimised", win="showered"), None))
    assert "You showered" in said
    assert any(word in said for word in ("counts", "real win"))
    assert not {"only", "just", "barely", "least"} & set(said.lower().split())


def test_hear_a_win_reads_back_the_persons_own_win(
    entry: LambdaHandler, request_for: Envelope
) -> None:
    entry(request_for("log_win", win="walked the dog"), None)
    response = entry(request_for("hear_win"), None)
    assert "Earlier today, you walked the dog." in speech(response)
    assert ends_session(response)


def test_hear_a_win_with_none_yet_invites_the_first(
    entry: LambdaHandler, request_for: Envelope
) -> None:
    response = entry(request_for("hear_win"), None)
    assert "haven't logged a win" in speech(response)
    assert not ends_session(response) and reprompt(response)


def test_style_switch_by_voice_persists(
    entry: LambdaHandler, request_for: Envelope, dynamodb: Any
) -> None:
    response = entry(request_for("set_style"), None)
    assert "quietly" in speech(response)
    calm = speech(entry(request_for("log_win", win="made my bed"), None))
    assert "You made your bed" in calm
    assert "<audio" not in calm and "amazon:emotion" not in calm


@pytest.mark.parametrize(
    ("name", "ends"),
    [
        ("help", False),
        ("stop", True),
        ("cancel", True),
        ("navigate_home", True),
        ("fallback", False),
    ],
)
def test_built_in_intents(
    entry: LambdaHandler, request_for: Envelope, name: str, ends: bool
) -> None:
    response = entry(request_for(name), None)
    assert speech(response)
    assert ends_session(response) is ends
    assert (reprompt(response) is None) is ends


def test_session_ended_request_is_answered_without_error(
    entry: LambdaHandler, request_for: Envelope
) -> None:
    response = entry(request_for("session_ended"), None)
    assert response["version"] == "1.0"
    assert "outputSpeech" not in response["response"]


def test_unknown_intent_gets_the_gentle_redirect(
    entry: LambdaHandler, request_for: Envelope
) -> None:
    envelope = request_for("help")
    envelope["request"]["intent"]["name"] = "SomethingNewIntent"
    response = entry(envelope, None)
    assert "didn't quite catch" in speech(response)
    assert not ends_session(response)


def test_requests_for_another_skill_are_refused(
    entry: LambdaHandler, request_for: Envelope, dynamodb: Any
) -> None:
    envelope = request_for("log_win", win="did the laundry")
    envelope["context"]["System"]["application"]["applicationId"] = "amzn1.ask.skill.someone-else"
    with pytest.raises(RequestRejected):
        entry(envelope, None)
    assert stored_wins(dynamodb) == []


def test_the_entry_refuses_to_start_without_configuration(
    dynamodb: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WINS_SKILL_ID", raising=False)
    monkeypatch.setenv("WINS_TABLE_NAME", TABLE_NAME)
    with pytest.raises(RuntimeError, match="WINS_SKILL_ID"):
        load_lambda_entry()


@pytest.mark.slow
def test_importing_the_entry_loads_no_console_moto_sqlite_or_web_code() -> None:
    """A fresh process, as a cold Lambda container: only what the first request needs."""
    loaded = modules_loaded_by_entry()
    assert "skill.entry" in loaded  # the probe really imported the entry
    unwanted = {"moto", "flask", "skill.console", "skill.cli", "skill.web", "pytest", "sqlite3"}
    unwanted |= {
        "skill.storage.sqlite",
        "skill.storage.dynamodb.export",
        "skill.storage.opening",
    }
    assert not {m for m in loaded for u in unwanted if m == u or m.startswith(f"{u}.")}


@pytest.mark.slow
def test_a_cold_start_defines_no_dataclasses() -> None:
    """Records on the Lambda path are NamedTuples: a frozen dataclass compiles half a dozen
    methods when it is defined (about 0.4 ms each class), and a cold start would pay for every
    one of them. The rest of the project (console, web service, tests) may use dataclasses.
    """
    assert "skill.storage.records" in modules_loaded_by_entry()  # the probe imported the records
    assert dataclasses_defined_by_entry() == set()


@pytest.mark.slow
def test_records_on_the_lambda_path_have_their_annotations_evaluated() -> None:
    """A module that defines records does without ``from __future__ import annotations``: with
    it, each field's annotation is a string that NamedTuple compiles into a forward reference,
    about 0.1 ms a field on Python 3.13.
    """
    assert postponed_records_defined_by_entry() == set()
