"""The checks Amazon requires of a skill hosted as a web service, as SDK verifiers.

flask-ask-sdk's own signature verifier relies on certvalidator, which cannot be trusted to
load or run on current systems (see ``compat``). These verifiers replace it and its
timestamp check, built on ``cryptography``; the adapter runs them before the skill sees a
request, so a refused request never reaches the handlers or the store. Each failure raises
``RequestRefused`` with a reason for the log.

Only ``SignatureVerifier`` may reach the network (for a certificate chain not yet cached), so
the factory runs every other check before it: a forged request that fails any of them costs
no download and holds no worker.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, Final
from urllib.parse import urlsplit

from ask_sdk_model.request_envelope import RequestEnvelope
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from skill.web.certs import CertificateRejected, ChainVerifier, checked_cert_url
from skill.web.chains import CertificateChains
from skill.web.sdk import AbstractVerifier, VerificationException

CERT_URL_HEADER: Final = "SignatureCertChainUrl"
SIGNATURE_HEADER: Final = "Signature-256"
# Alexa's request IDs are short and plain ("amzn1.echo-api.request.<uuid>"); the replay
# memory keeps them, so nothing else (no control characters, no lone surrogates) is accepted.
REQUEST_ID: Final = re.compile(r"[\x21-\x7e]{1,256}")
# An RSA PKCS#1 v1.5 signature is as long as the key's modulus. Alexa's signing certificate is
# a publicly trusted TLS certificate, whose RSA key the CA/Browser Forum's Baseline
# Requirements (6.1.5) hold to 2048 bits at least; 16,384 bits is far past any a CA issues.
MIN_RSA_BITS: Final = 2048
MIN_SIGNATURE_BYTES: Final = MIN_RSA_BITS // 8
MAX_SIGNATURE_BYTES: Final = 16384 // 8
# Amazon: a request more than 150 seconds from now is refused, in either direction...
REQUEST_TOLERANCE: Final = timedelta(seconds=150)
# ...except the skill events Amazon documents as delivered up to an hour late (the same five
# the ASK SDK's verifier allows). Any other type, "AlexaSkillEvent.*" or not, gets 150 s:
# a longer window is a longer time to replay a recorded request.
SKILL_EVENT_TOLERANCE: Final = timedelta(hours=1)
LATE_SKILL_EVENTS: Final = frozenset(
    {
        "AlexaSkillEvent.SkillEnabled",
        "AlexaSkillEvent.SkillDisabled",
        "AlexaSkillEvent.SkillPermissionChanged",
        "AlexaSkillEvent.SkillPermissionAccepted",
        "AlexaSkillEvent.SkillAccountLinked",
    }
)

Clock = Callable[[], datetime]


class RequestRefused(VerificationException):
    """The request failed verification; the message says why, for the log (never the caller)."""


def request_kind(envelope: RequestEnvelope) -> str:
    """The request's type as Alexa names it, e.g. ``IntentRequest``."""
    return str(getattr(envelope.request, "object_type", None) or "")


def tolerance_for(kind: str) -> timedelta:
    """How far from now a request of this type may be stamped."""
    return SKILL_EVENT_TOLERANCE if kind in LATE_SKILL_EVENTS else REQUEST_TOLERANCE


def request_time(envelope: RequestEnvelope) -> datetime:
    """The request's timestamp (UTC); raise if it has none."""
    stamp = getattr(envelope.request, "timestamp", None)
    if not isinstance(stamp, datetime):
        raise RequestRefused("the request has no timestamp")
    if stamp.tzinfo is None:  # Alexa's timestamps are UTC ("...Z")
        stamp = stamp.replace(tzinfo=UTC)
    return stamp


def request_id_of(envelope: RequestEnvelope) -> str:
    """The request's ID; raise if it has none, or one no store should be asked to keep."""
    request_id = getattr(envelope.request, "request_id", None)
    if not isinstance(request_id, str) or not request_id:
        raise RequestRefused("the request has no request ID")
    if not REQUEST_ID.fullmatch(request_id):
        raise RequestRefused("the request ID is not one Alexa sends")
    return request_id


def _header(headers: Mapping[str, Any], name: str) -> str:
    """A header's value, whatever its case; a missing or empty header refuses the request."""
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted and value:
            return str(value)
    raise RequestRefused(f"the {name} header is missing")


def signature_headers(headers: Mapping[str, Any]) -> tuple[str, bytes]:
    """The certificate URL to fetch and the signature, if both headers are well formed.

    Raises ``RequestRefused`` when a header is missing, the URL breaks Amazon's rules
    (``cert_url``), or the signature is not base64 of a length an RSA signature can have.
    """
    url = _header(headers, CERT_URL_HEADER)
    signature = _decoded_signature(_header(headers, SIGNATURE_HEADER))
    try:
        return checked_cert_url(url), signature
    except CertificateRejected as exc:
        raise RequestRefused(str(exc)) from exc


def _decoded_signature(text: str) -> bytes:
    if len(text) > 2 * MAX_SIGNATURE_BYTES:  # base64 is 4/3 as long: never decode a flood
        raise RequestRefused(f"the {SIGNATURE_HEADER} header is implausibly long")
    try:
        signature = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise RequestRefused(f"the {SIGNATURE_HEADER} header is not base64") from exc
    if not MIN_SIGNATURE_BYTES <= len(signature) <= MAX_SIGNATURE_BYTES:
        raise RequestRefused(f"the {SIGNATURE_HEADER} header is not an RSA signature's length")
    return signature


class SignatureHeadersVerifier(AbstractVerifier):
    """Both signature headers are well formed: checked before anything that may download."""

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: RequestEnvelope,
    ) -> None:
        signature_headers(headers)


class RequestIdVerifier(AbstractVerifier):
    """The request has an ID, which the replay memory needs: checked before any download."""

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: RequestEnvelope,
    ) -> None:
        request_id_of(deserialized_request_env)


class SignatureVerifier(AbstractVerifier):
    """The body was signed by Alexa: a trusted certificate, from Amazon's URL, signed it.

    The only check that may download (a chain not yet cached, within ``CertificateChains``'s
    limits); a chain that verifies a signature is kept in preference to any other.
    """

    def __init__(self, chains: CertificateChains, trust: ChainVerifier, clock: Clock) -> None:
        self._chains = chains
        self._trust = trust
        self._clock = clock

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: RequestEnvelope,
    ) -> None:
        url, signature = signature_headers(headers)
        try:
            chain = self._chains.get(url)
            signer = self._trust.signing_certificate(chain, self._clock())
        except CertificateRejected as exc:
            raise RequestRefused(str(exc)) from exc
        key = signer.public_key()
        if not isinstance(key, rsa.RSAPublicKey):
            raise RequestRefused("the signing certificate does not hold an RSA key")
        if key.key_size < MIN_RSA_BITS:
            raise RequestRefused(f"the signing key is shorter than {MIN_RSA_BITS} bits")
        # The adapter hands the body over decoded; UTF-8 round-trips byte for byte.
        body = serialized_request_env.encode("utf-8")
        try:
            key.verify(signature, body, padding.PKCS1v15(), hashes.SHA256())
        except InvalidSignature as exc:
            raise RequestRefused("the signature does not match the request body") from exc
        self._chains.vouch(url)


class TimestampVerifier(AbstractVerifier):
    """The request is fresh, so a recorded request cannot be replayed later."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: RequestEnvelope,
    ) -> None:
        stamp = request_time(deserialized_request_env)
        tolerance = tolerance_for(request_kind(deserialized_request_env))
        if abs(self._clock() - stamp) > tolerance:
            raise RequestRefused("the request timestamp is too far from now")


class SkillIdVerifier(AbstractVerifier):
    """The request is for this skill.

    The skill refuses other skills' requests too, but by raising from ``invoke``, which the
    adapter can only answer with a 500; checked here first, the answer is a 400. Its refusal
    reads like any other, so an unsigned request learns nothing from the answer. It runs after
    the signature headers are checked (a request without them never gets this far) and before
    the signature itself, so a request for another skill never makes this server download a
    certificate. That it is answered sooner tells a caller only that an ID it already had is
    right: a skill ID is a random UUID, which no one guesses.
    """

    def __init__(self, skill_id: str) -> None:
        self._skill_id = skill_id

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: RequestEnvelope,
    ) -> None:
        context = deserialized_request_env.context
        system = getattr(context, "system", None)
        application = getattr(system, "application", None)
        if getattr(application, "application_id", None) != self._skill_id:
            raise RequestRefused("the request is for another skill")


# The hosts a request may name as Alexa's API endpoint while verification is off.
LOOPBACK_HOSTS: Final = frozenset({"127.0.0.1", "::1", "localhost"})


class LoopbackApiVerifier(AbstractVerifier):
    """Without verification, the request names only loopback as Alexa's API endpoint.

    The skill calls ``context.System.apiEndpoint`` with the request's token. A verified
    request names Amazon's endpoint because Alexa signed it; an unverified one could name any
    host, and make this server call it. So, with verification off, anything but loopback (a
    local stand-in for Alexa's APIs) is refused before the skill sees the request.
    """

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: RequestEnvelope,
    ) -> None:
        system = getattr(deserialized_request_env.context, "system", None)
        endpoint = getattr(system, "api_endpoint", None)
        if endpoint is None:
            return
        try:
            host = urlsplit(str(endpoint)).hostname
        except ValueError:
            host = None
        if host not in LOOPBACK_HOSTS:
            raise RequestRefused("unverified requests may only name a loopback API endpoint")
