"""A ``SkillDisabled`` event older than the account's newest win deletes nothing.

Why a rule beyond the replay memory (``replay``): that memory refuses the same event twice,
across restarts too, but a ``SkillDisabled`` is acceptable for an hour, and one Alexa delivers
late, after the person enabled the skill again and logged new wins, would delete those wins
too. So would a replay into a store whose memory was lost (a data folder restored from a
backup, say).

The rule: the event says when the person disabled the skill (``eventCreationTime``, else its
timestamp). If the account's newest win was logged more than ``REQUEST_TOLERANCE`` (150 s)
after that, the person has used the skill since disabling it, so the event is stale: it is
acknowledged (Alexa needs a 200) and nothing is deleted. The 150 s margin is the clock skew
every request is already allowed: the win's time is this server's clock, the event's is
Alexa's. Within the margin the event is acted on: a person who logs a win and disables the
skill a minute later has every win deleted, as they asked. Failing to read the newest win
never blocks a deletion either: the event goes to the skill, which deletes as before.

Its limits, on purpose: only the account's own wins are compared (finding a voice profile's
newest win would need a store query the skill has no use for), and Alexa gives an account a
new user ID when the skill is enabled again, so a genuine stale event names data that is
already gone. The rule matters for replays and for events delayed past a re-enable.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Final

from ask_sdk_model.request_envelope import RequestEnvelope

from skill.storage.errors import StorageError
from skill.storage.interface import WinStore
from skill.storage.records import Person
from skill.web.verification import REQUEST_TOLERANCE, request_kind, request_time

logger = logging.getLogger(__name__)

SKILL_DISABLED: Final = "AlexaSkillEvent.SkillDisabled"


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _disabled_at(envelope: RequestEnvelope) -> datetime:
    created = getattr(envelope.request, "event_creation_time", None)
    return _utc(created) if isinstance(created, datetime) else request_time(envelope)


def stale_skill_disabled(envelope: RequestEnvelope, store: WinStore) -> bool:
    """Whether ``envelope`` is a ``SkillDisabled`` the account's newest win came after."""
    if request_kind(envelope) != SKILL_DISABLED:
        return False
    system = getattr(envelope.context, "system", None)
    user_id = getattr(getattr(system, "user", None), "user_id", None)
    if not user_id:
        return False
    try:
        newest = store.last_win(Person.of_account(str(user_id)))
    except StorageError as exc:
        kind = type(exc).__name__
        logger.warning("newest win unreadable before a skill-disabled event: %s", kind)
        return False
    if newest is None:
        return False
    logged = (
        newest.created_at if newest.created_at.tzinfo else newest.created_at.replace(tzinfo=UTC)
    )
    return logged - _disabled_at(envelope) > REQUEST_TOLERANCE
