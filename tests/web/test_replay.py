"""Verified requests are acted on once; a stale ``SkillDisabled`` deletes nothing newer."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from skill.entry import apology
from skill.storage.dynamodb.store import DynamoWinStore
from skill.storage.interface import PortableStore
from skill.storage.sqlite.store import SqliteWinStore
from skill.web.config import WebConfig
from skill.web.factory import create_app
from skill.web.replay import Answer, ReplayGuard
from testkit.alexa_signing import Pki, signed_headers
from tests.conftest import Clock, Envelope, stored_texts
from tests.web.conftest import TEST_NOW, Post

LATER = TEST_NOW + timedelta(seconds=150)


def fixed_clock() -> Any:
    return TEST_NOW


def test_the_same_request_id_is_first_only_once_and_replays_get_its_answer() -> None:
    guard = ReplayGuard(fixed_clock)
    answer = Answer(200, b'{"response": {}}')

    first = guard.claim("id-1", b"body", LATER)
    guard.settle("id-1", answer)
    again = guard.claim("id-1", b"body", LATER)

    assert first.first and not again.first
    assert again.answer == answer


def test_the_same_id_with_another_body_gets_no_answer() -> None:
    guard = ReplayGuard(fixed_clock)
    guard.claim("id-1", b"body", LATER)
    guard.settle("id-1", Answer(200, b"{}"))

    claim = guard.claim("id-1", b"another body", LATER)

    assert (claim.first, claim.answer) == (False, None)


def test_a_replay_during_the_first_answer_waits_for_it() -> None:
    guard = ReplayGuard(fixed_clock, wait_seconds=30)
    guard.claim("id-1", b"body", LATER)
    claims = []
    waiter = threading.Thread(target=lambda: claims.append(guard.claim("id-1", b"body", LATER)))
    waiter.start()
    guard.settle("id-1", Answer(200, b"first"))
    waiter.join(timeout=30)

    assert [c.answer for c in claims] == [Answer(200, b"first")]


def test_an_id_is_forgotten_once_its_window_has_closed() -> None:
    now = [TEST_NOW]
    guard = ReplayGuard(lambda: now[0])
    guard.claim("id-1", b"body", LATER)
    guard.settle("id-1", Answer(200, b"{}"))
    now[0] = LATER + timedelta(seconds=1)

    assert guard.claim("id-1", b"body", LATER + timedelta(minutes=5)).first


def test_memory_is_bounded_and_the_soonest_closing_windows_go_first() -> None:
    # No request here is ever answered: a replay need not wait for an answer to come.
    guard = ReplayGuard(fixed_clock, capacity=3, wait_seconds=0.0)
    for number in range(5):
        guard.claim(f"id-{number}", b"body", LATER + timedelta(seconds=number))

    assert len(guard) == 3
    assert not guard.claim("id-4", b"body", LATER).first  # still remembered
    assert guard.claim("id-0", b"body", LATER).first  # forgotten first


def test_a_request_another_guard_on_the_same_store_saw_is_refused(tmp_path: Path) -> None:
    """Two guards on one folder: a restarted server, or a second one beside the first."""
    store = SqliteWinStore(tmp_path)
    try:
        first, second = (ReplayGuard(fixed_clock, store.remember_request) for _ in range(2))
        assert first.claim("id-1", b"body", LATER).first

        again = second.claim("id-1", b"body", LATER)
        other = second.claim("id-1", b"another body", LATER)
        twice = second.claim("id-1", b"body", LATER)
    finally:
        store.close()

    assert (again.first, again.answer) == (False, None)
    assert "before a restart or by another server" in again.why
    assert (other.first, other.answer) == (False, None)
    assert (twice.first, twice.answer) == (False, None)


def test_a_request_that_could_not_be_remembered_is_not_acted_on(
    dynamodb: Any, web_config: WebConfig, request_for: Envelope, pki: Pki, caplog: Any
) -> None:
    """Its store failing, the server cannot know a replay later: the kind apology, no act."""
    broken = replace(web_config, store=DynamoWinStore(dynamodb, "no-such-table"))
    body = json.dumps(request_for("log_win", win="did the laundry")).encode()
    client = create_app(broken).test_client()

    response = client.post("/", data=body, headers=signed_headers(body, pki.signer_key))

    assert (response.status_code, response.get_json()) == (200, apology("en-US"))
    assert any("could not remember a verified request" in r.message for r in caplog.records)
    assert not [r for r in caplog.records if r.exc_info]


def test_a_replayed_yes_to_delete_all_after_a_restart_deletes_nothing(
    web_config: WebConfig, request_for: Envelope, pki: Pki, store: PortableStore
) -> None:
    assert post_to(web_config, pki, request_for("log_win", win="did the laundry")) == 200
    yes = request_for("yes", attributes={"asked": "delete_all"}, new=False)
    assert post_to(web_config, pki, yes) == 200
    assert post_to(web_config, pki, request_for("log_win", win="walked the dog")) == 200

    assert post_to(web_config, pki, yes) == 400  # a fresh app, as after a restart

    assert stored_texts(store) == ["walked the dog"]


def test_a_replayed_yes_to_delete_all_deletes_nothing_logged_since(
    post: Post, request_for: Envelope, store: PortableStore
) -> None:
    assert post(request_for("log_win", win="did the laundry")).status_code == 200
    yes = request_for("yes", attributes={"asked": "delete_all"}, new=False)
    first = post(yes)
    assert post(request_for("log_win", win="walked the dog")).status_code == 200

    again = post(yes)

    assert again.get_data() == first.get_data()
    texts = json.dumps(stored_texts(store))
    assert "walked the dog" in texts and "did the laundry" not in texts


def skill_disabled(request_for: Envelope, minutes_ago: float) -> dict[str, Any]:
    envelope = request_for("skill_disabled")
    stamp = (TEST_NOW - timedelta(minutes=minutes_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")
    for field in ("timestamp", "eventCreationTime", "eventPublishingTime"):
        envelope["request"][field] = stamp
    return envelope


def test_a_skill_disabled_older_than_the_newest_win_deletes_nothing(
    web_config: WebConfig, request_for: Envelope, pki: Pki, store: PortableStore
) -> None:
    """As after a restart: no memory of the first delivery, only the store to go by."""
    assert post_to(web_config, pki, request_for("log_win", win="did the laundry")) == 200

    stale = skill_disabled(request_for, minutes_ago=10)

    assert post_to(web_config, pki, stale) == 200
    assert "did the laundry" in json.dumps(stored_texts(store))


def test_a_skill_disabled_within_the_clock_skew_of_the_newest_win_deletes_it(
    web_config: WebConfig, request_for: Envelope, pki: Pki, clock: Clock, store: PortableStore
) -> None:
    assert post_to(web_config, pki, request_for("log_win", win="did the laundry")) == 200

    # Within the clock skew every request is allowed: Alexa's clock may run behind ours.
    assert post_to(web_config, pki, skill_disabled(request_for, minutes_ago=2)) == 200

    assert stored_texts(store) == []


def post_to(config: WebConfig, pki: Pki, envelope: dict[str, Any]) -> int:
    """POST through a freshly built app: no memory of earlier requests."""
    body = json.dumps(envelope).encode()
    client = create_app(replace(config)).test_client()
    status: int = client.post(
        "/", data=body, headers=signed_headers(body, pki.signer_key)
    ).status_code
    return status
