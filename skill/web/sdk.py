"""The one place the web service imports flask-ask-sdk and its verifier interface.

The oscrypto fix in ``compat`` must be in place before either package is imported (see that
module for why), so every module here imports them from this one.
"""

from __future__ import annotations

from skill.web.compat import fix_oscrypto_version_detection

fix_oscrypto_version_detection()

# These imports must follow the fix above, hence E402. flask-ask-sdk ships no type hints.
from ask_sdk_webservice_support.verifier import (  # noqa: E402
    AbstractVerifier,
    VerificationException,
)
from flask_ask_sdk.skill_adapter import (  # type: ignore[import-untyped]  # noqa: E402
    VERIFY_SIGNATURE_APP_CONFIG,
    VERIFY_TIMESTAMP_APP_CONFIG,
    SkillAdapter,
)

__all__ = [
    "VERIFY_SIGNATURE_APP_CONFIG",
    "VERIFY_TIMESTAMP_APP_CONFIG",
    "AbstractVerifier",
    "SkillAdapter",
    "VerificationException",
]
