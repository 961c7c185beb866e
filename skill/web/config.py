"""What the web service needs to know: its store, its skill, and how requests are checked."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from random import Random
from typing import TYPE_CHECKING, Final

from skill.entry import SKILL_ID_ENV
from skill.storage.interface import WinStore
from skill.storage.opening import TABLE_ENV, open_table

if TYPE_CHECKING:  # kept light: ``wins serve`` reads this module before the web extra loads
    from cryptography import x509

    from skill.web.certs import Downloader

HEALTH_PATH: Final = "/health"
# The skill's URL path: "/" and plain characters (no "<", which Flask reads as a variable).
PLAIN_PATH: Final = re.compile(r"/[A-Za-z0-9._~/-]*")


@dataclass(frozen=True)
class WebConfig:
    """The web service's settings; only ``store`` and ``skill_id`` matter in production.

    ``roots`` (trusted root certificates, default: the system's), ``download`` (fetches a
    certificate chain, default: verified HTTPS), ``clock`` (default: the real time, for the
    skill and the checks alike) and ``monotonic`` (seconds, default: ``time.monotonic``; how
    often certificate chains are downloaded, see ``chains``) exist so tests can stand in for
    Amazon. ``after_dispatch``
    runs after every request the skill handled, e.g. to save the embedded store.
    ``insecure_skip_verification`` is for local testing tools only: it accepts requests
    without a signature or a fresh timestamp (the skill ID, if given, is still checked).
    """

    store: WinStore
    skill_id: str | None
    path: str = "/"
    insecure_skip_verification: bool = False
    roots: Sequence[x509.Certificate] | None = None
    download: Downloader | None = None
    clock: Callable[[], datetime] | None = None
    monotonic: Callable[[], float] | None = None
    rng: Random | None = None
    api_ca_file: str | None = None
    after_dispatch: Callable[[], None] | None = None

    def __post_init__(self) -> None:
        if not PLAIN_PATH.fullmatch(self.path) or self.path == HEALTH_PATH:
            raise ValueError(
                f"the skill's path must be / and plain characters, and not {HEALTH_PATH}"
            )
        # Amazon requires a web service to refuse other skills' requests.
        if not self.skill_id and not self.insecure_skip_verification:
            raise ValueError("a skill ID is required while requests are verified")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> WebConfig:
        """Production settings: table and skill ID from the environment, both required."""
        env = os.environ if environ is None else environ
        missing = [name for name in (TABLE_ENV, SKILL_ID_ENV) if not env.get(name)]
        if missing:
            raise RuntimeError(f"missing configuration: {', '.join(missing)}")
        store = open_table(env[TABLE_ENV])
        return cls(store=store, skill_id=env[SKILL_ID_ENV])
