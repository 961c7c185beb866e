"""``wins serve``: its options, its refusal to start unverified by accident, and the real server.

One test runs the command for real: waitress on an ephemeral loopback port in a child
process, a signed request over HTTP, the win saved in the data folder, Ctrl-C to stop.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from skill.web import serve
from skill.web.config import WebConfig
from skill.web.endpoint import NOT_VERIFIED
from testkit.alexa_signing import CERT_URL, Pki, pem, signed_headers
from tests.conftest import SKILL_ID, TABLE_NAME, Clock, load_request, real_now, saved_win_texts
from tests.web.conftest import CertHost, stored_items
from tests.web.live import Server, post

ROOT = Path(__file__).resolve().parents[2]
# Nothing listens here: the skill's call for the device's time zone fails at once.
NO_ALEXA_API = "https://127.0.0.1:9"


def parse(*options: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="wins serve")
    serve.add_arguments(parser)
    return parser.parse_args(options)


def test_defaults_listen_on_loopback_and_run_the_command() -> None:
    args = parse()

    assert (args.host, args.port, args.path, args.threads) == ("127.0.0.1", 8080, "/", 4)
    assert args.run is serve.run
    assert not args.insecure_skip_verification


@pytest.mark.parametrize(
    "options",
    [
        ("--port", "70000"),
        ("--threads", "0"),
        ("--path", "alexa"),
        ("--path", "/health"),
        ("--path", "/<x>"),
        ("--path", "/a%20b"),
    ],
)
def test_nonsense_options_are_refused(options: tuple[str, ...]) -> None:
    with pytest.raises(SystemExit):
        parse(*options)


@pytest.mark.slow
def test_the_command_loads_without_the_web_extra_until_it_runs() -> None:
    code = "import sys, skill.web.serve; print(sorted({'flask', 'waitress'} & set(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "[]"


@pytest.mark.slow
def test_the_web_service_opens_its_store_without_the_console(tmp_path: Path) -> None:
    code = (
        "import sys, contextlib, argparse\n"
        "from skill.web import serve\n"
        "parser = argparse.ArgumentParser(); serve.add_arguments(parser)\n"
        f"args = parser.parse_args(['--skill-id', 'x', '--data-dir', {str(tmp_path)!r}])\n"
        "with contextlib.ExitStack() as stack: serve.prepare(args, stack)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('skill.console', 'moto'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "[]"


def test_a_missing_web_extra_is_explained(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "skill.web.factory", None)  # as if flask were not installed

    assert serve.run(parse("--skill-id", SKILL_ID, "--data-dir", str(tmp_path))) == 2
    assert "needs the web extra" in capsys.readouterr().err


def test_a_skill_id_is_required_unless_verification_is_skipped(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.delenv("WINS_SKILL_ID", raising=False)

    assert serve.run(parse("--data-dir", str(tmp_path))) == 2
    assert "a skill ID is required" in capsys.readouterr().err


def test_the_skill_id_may_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    pki: Pki,
    clock: Clock,
    cert_host: CertHost,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("WINS_SKILL_ID", SKILL_ID)
    envelope = load_request("log_win")
    envelope["context"]["System"]["application"]["applicationId"] = "amzn1.ask.skill.other"
    body = json.dumps(envelope).encode()

    def as_amazon(config: WebConfig) -> WebConfig:
        return replace(config, roots=[pki.root.cert], download=cert_host, clock=clock)

    with contextlib.ExitStack() as stack, caplog.at_level(logging.WARNING):
        app, _ = serve.prepare(parse("--data-dir", str(tmp_path)), stack, as_amazon)
        response = app.test_client().post(
            "/", data=body, headers=signed_headers(body, pki.signer_key)
        )

    assert response.status_code == 400
    assert "another skill" in caplog.text


def test_a_real_table_is_used_with_table_as_in_wins_chat(
    dynamodb: Any, pki: Pki, clock: Clock, cert_host: CertHost
) -> None:
    envelope = load_request("log_win")
    body = json.dumps(envelope).encode()

    def as_amazon(config: WebConfig) -> WebConfig:
        return replace(config, roots=[pki.root.cert], download=cert_host, clock=clock)

    with contextlib.ExitStack() as stack:
        options = parse("--table", TABLE_NAME, "--skill-id", SKILL_ID)
        app, where = serve.prepare(options, stack, as_amazon)
        response = app.test_client().post(
            "/", data=body, headers=signed_headers(body, pki.signer_key)
        )

    assert response.status_code == 200
    assert where == f"the DynamoDB table {TABLE_NAME}"
    assert any("did the laundry" in json.dumps(item) for item in stored_items(dynamodb))


def test_insecure_skip_verification_warns_loudly_and_accepts_unsigned_requests(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    envelope = load_request("log_win")
    envelope["context"]["System"]["apiEndpoint"] = NO_ALEXA_API

    with caplog.at_level(logging.WARNING, logger=serve.logger.name), contextlib.ExitStack() as s:
        app, where = serve.prepare(
            parse("--insecure-skip-verification", "--data-dir", str(tmp_path)), s
        )
        response = app.test_client().post("/", json=envelope)

    warnings = [
        r for r in caplog.records if r.name == serve.logger.name and r.levelno == logging.WARNING
    ]
    assert len(warnings) == 1
    assert "REQUEST VERIFICATION IS OFF" in warnings[0].getMessage()
    assert response.status_code == 200
    assert where == str(tmp_path)
    assert saved_win_texts(tmp_path) == ["did the laundry"]


@pytest.mark.slow
def test_wins_serve_answers_a_signed_request_over_http_and_stops_on_ctrl_c(
    tmp_path: Path, pki: Pki
) -> None:
    now = real_now()  # the server in the other process checks the timestamp by its own clock
    trust = tmp_path / "trust"
    trust.mkdir()
    (trust / "root.pem").write_bytes(pem(pki.root.cert))
    (trust / "chains.json").write_text(json.dumps({CERT_URL: pki.chain(now).decode()}))
    data = tmp_path / "data"
    envelope = load_request("log_win")
    envelope["request"]["timestamp"] = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    envelope["context"]["System"]["apiEndpoint"] = NO_ALEXA_API
    body = json.dumps(envelope).encode()

    server = Server(trust, "--port", "0", "--skill-id", SKILL_ID, "--data-dir", str(data))
    try:
        line = server.wait_for("listening on http://127.0.0.1:")
        base = line.split("listening on ")[1].strip().rstrip("/")

        status, answer = post(f"{base}/", body, signed_headers(body, pki.signer_key))
        tampered = body.replace(b"did the laundry", b"did nothing at all")
        refused, reason = post(f"{base}/", tampered, signed_headers(body, pki.signer_key))
        with urllib.request.urlopen(f"{base}/health", timeout=30) as health:
            healthy = json.load(health)
    finally:
        exit_status = server.stop()

    assert status == 200, answer
    assert "laundry" in answer["response"]["outputSpeech"]["ssml"]
    assert (refused, reason) == (400, {"error": NOT_VERIFIED})
    assert sum("signature does not match" in line for line in server.log) == 1
    assert healthy == {"status": "ok"}
    assert exit_status == 0, server.log
    assert saved_win_texts(data) == ["did the laundry"]


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "::", "example.com"])
def test_an_unverified_server_listens_only_on_loopback_unless_forced(
    tmp_path: Path, host: str
) -> None:
    """Checked while preparing, before anything listens (nothing here ever serves)."""
    options = ("--insecure-skip-verification", "--host", host, "--data-dir", str(tmp_path))

    with contextlib.ExitStack() as stack, pytest.raises(serve.ServeError, match="refusing"):
        serve.prepare(parse(*options), stack)
    with contextlib.ExitStack() as stack:  # forced: it gets as far as building the app
        serve.prepare(parse(*options, "--insecure-listen-beyond-loopback"), stack)


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "localhost"])
def test_loopback_addresses_are_loopback(host: str) -> None:
    assert serve.is_loopback(host)
