"""One-minute goals through the handler and a fake of Alexa's APIs over real HTTPS."""

from __future__ import annotations

import random
import time
from typing import Any

import pytest

from skill.alexa.api import TIMERS_SCOPE
from skill.console.alexa_stand_in import FakeAlexaApi
from skill.entry import Handler, make_handler
from skill.storage.interface import PortableStore
from tests.conftest import SKILL_ID, SPEAKER, Clock, Envelope, ends_session, reprompt, speech

pytestmark = pytest.mark.any_hour  # the date, hour or zone could change its outcome

PERSON = SPEAKER
GRANTED = {TIMERS_SCOPE: "GRANTED"}


def timer_calls(alexa: FakeAlexaApi) -> list[Any]:
    return [r for r in alexa.requests if r.method == "POST" and r.path == "/v1/alerts/timers"]


def set_goal(handler: Handler, request_for: Envelope, **kwargs: Any) -> dict[str, Any]:
    envelope = request_for("set_goal", slots={"goal": "clear my desk"}, **kwargs)
    return handler(envelope, None)


def test_a_goal_with_permission_starts_a_real_launch_task_timer(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi, store: PortableStore
) -> None:
    alexa.grant(TIMERS_SCOPE)
    response = set_goal(handler, request_for, scopes=GRANTED)
    started = "One minute: clear your desk. Starting now. I'll check in when the minute's up."
    assert started in speech(response)
    assert ends_session(response)
    [call] = timer_calls(alexa)
    assert call.headers["Authorization"] == f"Bearer {alexa.access_token}"
    body = call.body
    assert body["duration"] == "PT1M"
    assert "clear your desk" in body["timerLabel"]
    assert body["creationBehavior"] == {"displayExperience": {"visibility": "VISIBLE"}}
    operation = body["triggeringBehavior"]["operation"]
    assert operation["type"] == "LAUNCH_TASK"
    assert operation["task"] == {
        "name": f"{SKILL_ID}.CheckInOnGoal",
        "version": "1",
        "input": {"goal": "clear my desk"},
    }
    assert operation["textToConfirm"][0]["locale"] == "en-US"
    assert body["triggeringBehavior"]["notificationConfig"] == {"playAudible": True}
    assert store.load_profile(PERSON).goal == "clear my desk"


def test_without_permission_the_skill_asks_by_voice_and_sets_no_timer_yet(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi, store: PortableStore
) -> None:
    response = set_goal(handler, request_for)
    [directive] = response["response"]["directives"]
    assert directive["type"] == "Connections.SendRequest" and directive["name"] == "AskFor"
    assert directive["payload"] == {
        "@type": "AskForPermissionsConsentRequest",
        "@version": "1",
        "permissionScope": TIMERS_SCOPE,
    }
    assert "shouldEndSession" not in response["response"]
    assert "clear your desk" in speech(response)
    assert timer_calls(alexa) == []
    assert store.load_profile(PERSON).goal == "clear my desk"  # saved before anything else


def test_accepted_permission_carries_on_and_starts_the_timer(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi
) -> None:
    set_goal(handler, request_for)
    alexa.grant(TIMERS_SCOPE)  # what Alexa does when the person says yes
    response = handler(request_for("permission_response", scopes=GRANTED), None)
    assert "One minute: clear your desk. Starting now." in speech(response)
    assert len(timer_calls(alexa)) == 1


@pytest.mark.parametrize("status", ["DENIED", "NOT_ANSWERED"])
def test_refused_or_unanswered_permission_keeps_the_goal_open(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi, status: str
) -> None:
    set_goal(handler, request_for)
    envelope = request_for("permission_response")
    envelope["request"]["payload"]["status"] = status
    response = handler(envelope, None)
    assert "tell me 'I did it'" in speech(response)
    assert response["response"]["card"] == {
        "type": "AskForPermissionsConsent",
        "permissions": [TIMERS_SCOPE],
    }
    assert timer_calls(alexa) == []
    done = handler(request_for("goal_done"), None)
    assert "You did your one-minute goal: clear your desk" in speech(done)


def test_a_person_who_denied_timers_is_not_asked_again(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi
) -> None:
    response = set_goal(handler, request_for, scopes={TIMERS_SCOPE: "DENIED"})
    assert "directives" not in response["response"]
    assert "tell me 'I did it'" in speech(response)
    assert response["response"]["card"]["type"] == "AskForPermissionsConsent"


def test_permission_revoked_later_is_told_truthfully(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi, store: PortableStore
) -> None:
    # The request still says GRANTED, but the person revoked it in the app: the API says 401.
    response = set_goal(handler, request_for, scopes=GRANTED)
    assert "no longer have permission" in speech(response)
    assert response["response"]["card"]["type"] == "AskForPermissionsConsent"
    assert store.load_profile(PERSON).goal == "clear my desk"


@pytest.mark.parametrize(
    ("status", "said"), [(429, "busy"), (500, "couldn't reach"), (503, "couldn't reach")]
)
def test_api_errors_say_no_timer_was_set_and_lose_nothing(
    handler: Handler,
    request_for: Envelope,
    alexa: FakeAlexaApi,
    store: PortableStore,
    status: int,
    said: str,
) -> None:
    alexa.grant(TIMERS_SCOPE)
    alexa.fail_next(status, path_prefix="/v1/alerts/timers")
    response = set_goal(handler, request_for, scopes=GRANTED)
    assert said in speech(response) and "no timer is set" in speech(response)
    assert "Starting now. I'll check in" not in speech(response)
    assert store.load_profile(PERSON).goal == "clear my desk"


def test_a_timed_out_api_call_is_bounded_and_told_truthfully(
    store: PortableStore, clock: Clock, alexa: FakeAlexaApi, request_for: Envelope
) -> None:
    handler = make_handler(
        store, skill_id=SKILL_ID, clock=clock, rng=random.Random(1),
        api_ca_file=alexa.ca_file, api_timeout=0.3,
    )  # fmt: skip
    alexa.grant(TIMERS_SCOPE)
    alexa.stall_next(2.0, path_prefix="/v1/alerts/timers")
    started = time.monotonic()
    response = set_goal(handler, request_for, scopes=GRANTED)
    assert time.monotonic() - started < 1.5
    assert "no timer is set" in speech(response)
    assert store.load_profile(PERSON).goal == "clear my desk"


def test_the_timer_ending_brings_the_skill_back_to_check_in(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi, store: PortableStore
) -> None:
    alexa.grant(TIMERS_SCOPE)
    set_goal(handler, request_for, scopes=GRANTED)
    [timer] = alexa.timers.values()
    deadline = time.monotonic() + 5
    while timer.status == "ON" and time.monotonic() < deadline:
        time.sleep(0.02)
    assert timer.status == "OFF"  # the (shortened) minute is up
    # Alexa launches the skill with the task the timer carried.
    launch = request_for("task_launch")
    launch["request"]["task"] = timer.body["triggeringBehavior"]["operation"]["task"]
    check_in = handler(launch, None)
    assert "Time's up. Did you clear your desk?" in speech(check_in)
    assert not ends_session(check_in) and reprompt(check_in)
    yes = handler(request_for("yes", attributes=check_in["sessionAttributes"]), None)
    assert "You did your one-minute goal: clear your desk" in speech(yes)
    assert "first win" in speech(yes)  # the same celebration as any win
    assert store.load_profile(PERSON).goal is None  # done goals close


def test_not_yet_is_met_without_shame_and_offers_another_minute(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi, store: PortableStore
) -> None:
    alexa.grant(TIMERS_SCOPE)
    set_goal(handler, request_for, scopes=GRANTED)
    check_in = handler(request_for("task_launch"), None)
    no = handler(request_for("no", attributes=check_in["sessionAttributes"]), None)
    assert "Starting counts. Want another minute?" in speech(no)
    assert not ends_session(no)
    again = handler(request_for("yes", attributes=no["sessionAttributes"], scopes=GRANTED), None)
    assert "One minute: clear your desk" in speech(again)
    assert len(timer_calls(alexa)) == 2
    check_in = handler(request_for("task_launch"), None)
    no = handler(request_for("no", attributes=check_in["sessionAttributes"]), None)
    later = handler(request_for("no", attributes=no["sessionAttributes"]), None)
    assert "Your goal will be here: clear your desk" in speech(later)
    assert ends_session(later)
    assert store.load_profile(PERSON).goal == "clear my desk"


def test_an_open_goal_survives_sessions_and_i_did_it_logs_it(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi, store: PortableStore
) -> None:
    set_goal(handler, request_for, scopes={TIMERS_SCOPE: "DENIED"})
    done = handler(request_for("goal_done"), None)  # a new session, later
    assert "You did your one-minute goal: clear your desk" in speech(done)
    assert store.load_profile(PERSON).goal is None
    again = handler(request_for("goal_done"), None)
    assert "What" in speech(again) and not ends_session(again)  # nothing open: what did you do?


def test_a_new_goal_replaces_the_open_one(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    set_goal(handler, request_for, scopes={TIMERS_SCOPE: "DENIED"})
    handler(request_for("set_goal", slots={"goal": "drink some water"}), None)
    assert store.load_profile(PERSON).goal == "drink some water"


def test_one_minute_goal_without_words_asks_what_to_do_for_a_minute(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi
) -> None:
    response = handler(request_for("set_goal"), None)
    assert "What will you do for one minute?" in speech(response)
    assert not ends_session(response)
    assert timer_calls(alexa) == []


def test_a_goal_in_crisis_words_is_met_with_care(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi, store: PortableStore
) -> None:
    response = handler(request_for("set_goal", slots={"goal": "end my life"}), None)
    assert "988" in speech(response)
    assert timer_calls(alexa) == [] and store.load_profile(PERSON).goal is None
