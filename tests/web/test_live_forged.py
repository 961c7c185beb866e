"""``wins serve`` under forged requests naming new certificate URLs, over HTTP on loopback.

The server is the command as shipped (``testkit.serve_harness``), trusting the test's own
Amazon, whose S3 stand-in takes 2 seconds over each download and writes down every URL it is
asked for: the count of the server's outbound calls. Requests are stamped with the real time,
as the server checks them by its own clock.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from testkit import forged_load
from testkit.alexa_signing import CERT_URL, Pki, forged_headers, pem, signed_headers
from testkit.serve_harness import downloads, trust
from tests.conftest import SKILL_ID, load_request, real_now
from tests.web.live import Server, started

pytestmark = pytest.mark.slow  # a real `wins serve` in a process of its own

FETCH_SECONDS = 2.0
# Medians within 2x of idle, give or take the noise of a shared machine (other tests run
# meanwhile) on medians of a millisecond or two. A server that waits on forged downloads
# answers in seconds. The figures themselves are the benchmark's (benchmarks/forged.py).
NOISE = 0.005


@dataclass
class Live:
    server: Server
    port: int
    trust_dir: Path
    pki: Pki

    def signed(self) -> tuple[bytes, dict[str, str]]:
        """One of Alexa's requests, signed: "help", which touches no wins."""
        body = json.dumps(stamped("help")).encode()
        return body, signed_headers(body, self.pki.signer_key)

    def downloads(self) -> list[str]:
        return downloads(self.trust_dir)


def stamped(name: str, **fields: Any) -> dict[str, Any]:
    envelope = load_request(name)
    envelope["request"]["timestamp"] = real_now().strftime("%Y-%m-%dT%H:%M:%SZ")
    envelope["request"].update(fields)
    return envelope


@pytest.fixture
def live(tmp_path: Path, pki: Pki) -> Iterator[Live]:
    chains = {CERT_URL: pki.chain(real_now())}
    trusted = trust(tmp_path / "trust", pem(pki.root.cert), chains, fetch_seconds=FETCH_SECONDS)
    data = tmp_path / "data"
    server = Server(trusted, "--port", "0", "--skill-id", SKILL_ID, "--data-dir", str(data))
    try:
        live = Live(server, started(server)[1], trusted, pki)
        body, headers = live.signed()  # Alexa's chain, downloaded once, as after any start
        assert forged_load.exchange(live.port, "POST", "/", body, headers) == 200
        assert live.downloads() == [CERT_URL]
        yield live
    finally:
        assert server.stop() == 0, server.log


def test_forged_requests_failing_a_cheap_check_make_no_outbound_call(live: Live) -> None:
    noise = random.Random(1)
    other_skill = stamped("log_win")
    other_skill["context"]["System"]["application"]["applicationId"] = "amzn1.ask.skill.other"
    no_id = stamped("log_win")
    del no_id["request"]["requestId"]
    stale = stamped("log_win", timestamp="2020-01-01T00:00:00Z")

    answers = [
        forged_load.exchange(
            live.port, "POST", "/", json.dumps(envelope).encode(), forged_headers(noise)
        )
        for envelope in (other_skill, no_id, stale)
    ]

    assert answers == [400, 400, 400]
    assert live.downloads() == [CERT_URL]


def test_health_and_alexa_keep_their_speed_under_30_forged_requests_a_second(live: Live) -> None:
    """Each forged URL's download would take 2 s; at most one runs at a time, new URLs are
    downloaded only so often, and every other forged request is refused at once."""
    result = forged_load.run(live.port, live.signed, seconds=8.0, samples=25)

    idle, flood = result.idle, result.flood
    assert not idle.failures and not flood.failures, flood.failures
    assert len(flood.signed) >= 10, flood  # never stalled for long
    assert flood.health_p50 <= 2 * idle.health_p50 + NOISE, (idle, flood)
    assert flood.signed_p50 <= 2 * idle.signed_p50 + NOISE, (idle, flood)
    assert set(result.forged_statuses) == {400}, result.forged_statuses
    assert sum(result.forged_statuses.values()) >= 25 * result.seconds
    forged_downloads = len(live.downloads()) - 1
    assert 1 <= forged_downloads <= 2 + result.seconds / 10 + 1
    assert forged_load.percentile(result.forged, 0.5) < 0.25
