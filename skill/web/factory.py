"""The web service's app factory: the same skill as the Lambda, behind Flask.

Requests are verified by default, as Amazon requires of a skill hosted anywhere but Lambda:
flask-ask-sdk's own verifiers are switched off only because ours (``verification``) replace
them. Verified requests are remembered in the store, so a replay is refused after a restart
too (``replay``). ``GET /health`` answers without touching the store, for load balancers and
monitors.
"""

from __future__ import annotations

import time

from flask import Flask
from werkzeug.exceptions import HTTPException

from skill.entry import make_skill, utc_now
from skill.web.certs import ChainVerifier, system_roots
from skill.web.chains import CertificateChains
from skill.web.config import HEALTH_PATH, WebConfig
from skill.web.endpoint import AlexaEndpoint, http_error
from skill.web.limits import MAX_BODY_BYTES
from skill.web.replay import ReplayGuard
from skill.web.sdk import (
    VERIFY_SIGNATURE_APP_CONFIG,
    VERIFY_TIMESTAMP_APP_CONFIG,
    AbstractVerifier,
    SkillAdapter,
)
from skill.web.verification import (
    Clock,
    LoopbackApiVerifier,
    RequestIdVerifier,
    SignatureHeadersVerifier,
    SignatureVerifier,
    SkillIdVerifier,
    TimestampVerifier,
)


def create_app(config: WebConfig | None = None) -> Flask:
    """The Flask app; without ``config``, production settings from the environment."""
    config = config or WebConfig.from_env()
    clock = config.clock or utc_now
    skill = make_skill(
        config.store,
        skill_id=config.skill_id,
        clock=clock,
        rng=config.rng,
        api_ca_file=config.api_ca_file,
    )
    app = Flask(__name__)
    # waitress refuses larger bodies first (``limits``); this holds under any other server.
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    # The SDK's built-in checks need certvalidator; ours below replace them, never nothing.
    app.config[VERIFY_SIGNATURE_APP_CONFIG] = False
    app.config[VERIFY_TIMESTAMP_APP_CONFIG] = False
    # The adapter only dispatches: the endpoint runs the checks first, to answer and log its
    # refusals its own way (see ``endpoint``).
    adapter = SkillAdapter(
        skill=skill,
        skill_id=config.skill_id or "unverified",  # only names the adapter inside the app
        verifiers=[],
        app=app,
    )
    # Unverified requests prove nothing: nothing of them is remembered.
    guard = None
    if not config.insecure_skip_verification:
        guard = ReplayGuard(clock, config.store.remember_request)
    endpoint = AlexaEndpoint(
        adapter,
        skill.serializer,
        verifiers(config, clock),
        store=config.store,
        guard=guard,
        after_dispatch=config.after_dispatch,
    )
    app.add_url_rule(config.path, "alexa", endpoint, methods=["POST"])
    app.add_url_rule(HEALTH_PATH, "health", health, methods=["GET"])
    app.register_error_handler(HTTPException, http_error)
    return app


def verifiers(config: WebConfig, clock: Clock) -> list[AbstractVerifier]:
    """The checks every request passes before the skill sees it.

    Verified: every check that cannot reach the network first, so a request that fails one
    costs no download and holds no worker for one: the timestamp, the request ID (the replay
    memory's key), the signature headers' form and the certificate URL's (Amazon's rules),
    and the skill ID; then the signature, which may download the certificate chain.
    Unverified (local testing tools): the skill ID if one is given, and Alexa's API endpoint
    must be on loopback, so a request cannot make this server call another host.
    """
    if config.insecure_skip_verification:
        checks: list[AbstractVerifier] = [LoopbackApiVerifier()]
        if config.skill_id:
            checks.insert(0, SkillIdVerifier(config.skill_id))
        return checks
    assert config.skill_id  # WebConfig refuses verification without one
    roots = system_roots() if config.roots is None else config.roots
    chains = CertificateChains(config.download, clock=config.monotonic or time.monotonic)
    return [
        TimestampVerifier(clock),
        RequestIdVerifier(),
        SignatureHeadersVerifier(),
        SkillIdVerifier(config.skill_id),
        SignatureVerifier(chains, ChainVerifier(roots), clock),
    ]


def health() -> dict[str, str]:
    """Alive and able to answer; deliberately no storage call."""
    return {"status": "ok"}
