"""What the real ``wins serve`` writes to its log: kinds and keyed pseudonyms, never free text.

The command as shipped, in a child process, on a data folder of the test's own; signed
requests over loopback; its standard error read as an operator would.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import stat
from pathlib import Path
from typing import Any

import pytest

from skill.logs import KEY_FILE
from testkit.alexa_signing import CERT_URL, Pki, pem, signed_headers
from testkit.serve_harness import trust
from tests.conftest import SKILL_ID, load_request, real_now
from tests.web.live import Server, post, started

pytestmark = pytest.mark.slow  # a real `wins serve` in a process of its own

WORDS = "told my therapist about the nightmares"
USER = "amzn1.ask.account.LIVELOGS7EXAMPLEUSERIDQ3ZJ5XKZ6BVLW3N7OHKV"
# Nothing listens here: the skill's call for the device's time zone fails at once.
NO_ALEXA_API = "https://127.0.0.1:9"


def body(name: str, **changes: Any) -> bytes:
    """A stored envelope from ``USER``, stamped now (the server checks by its own clock)."""
    envelope = load_request(name)
    envelope["request"]["timestamp"] = real_now().strftime("%Y-%m-%dT%H:%M:%SZ")
    system = envelope["context"]["System"]
    system["apiEndpoint"] = NO_ALEXA_API
    system["user"]["userId"] = envelope["session"]["user"]["userId"] = USER
    for part, values in changes.items():
        envelope[part].update(values)
    return json.dumps(envelope).encode()


def test_the_log_holds_error_kinds_and_keyed_pseudonyms_only(tmp_path: Path, pki: Pki) -> None:
    trusted = trust(tmp_path / "trust", pem(pki.root.cert), {CERT_URL: pki.chain(real_now())})
    data = tmp_path / "data"
    server = Server(trusted, "--port", "0", "--skill-id", SKILL_ID, "--data-dir", str(data))
    try:
        base = started(server)[0]

        def send(data: bytes) -> dict[str, Any]:
            status, answer = post(f"{base}/", data, signed_headers(data, pki.signer_key))
            assert status == 200, answer
            return dict(answer)

        error = {"type": "INVALID_RESPONSE", "message": WORDS}
        send(body("session_ended", request={"reason": "ERROR", "error": error}))
        send(body("log_win"))
        asked = send(body("delete_all"))
        send(body("yes", session={"attributes": asked["sessionAttributes"]}))
    finally:
        assert server.stop() == 0, server.log

    key_file = data / KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_text().strip().encode()
    person = f"USER#{USER}".encode()
    log = "".join(server.log)
    assert "session ended with an error: INVALID_RESPONSE" in log
    assert f"for {hmac.new(key, person, hashlib.sha256).hexdigest()[:12]} on request" in log
    assert hashlib.sha256(person).hexdigest()[:12] not in log
    assert WORDS not in log and "nightmares" not in log and USER not in log
