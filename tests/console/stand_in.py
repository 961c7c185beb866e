"""A stand-in skill for console tests: it keeps every envelope and answers as scripted.

The console's own behaviour (sessions, silence, dialogs) is what these tests look at, so the
skill's answers are written out here as Alexa response JSON, including responses the real
skill does not give yet (a ``Dialog.ElicitSlot``).
"""

from __future__ import annotations

from typing import Any


class ScriptedSkill:
    """Records each request envelope and answers with the next scripted response."""

    def __init__(self, *replies: dict[str, Any]) -> None:
        self.replies = list(replies)
        self.received: list[dict[str, Any]] = []

    def __call__(self, request: dict[str, Any], context: Any) -> dict[str, Any]:
        self.received.append(request)
        return self.replies.pop(0) if self.replies else reply(end=True)

    @property
    def last(self) -> dict[str, Any]:
        """The request part of the last envelope received."""
        request: dict[str, Any] = self.received[-1]["request"]
        return request


def ssml(text: str) -> dict[str, str]:
    return {"type": "SSML", "ssml": f"<speak>{text}</speak>"}


def reply(
    *,
    end: bool | None,
    say: str | None = None,
    reprompt: str | None = None,
    attributes: dict[str, Any] | None = None,
    directives: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A response envelope; ``end`` None leaves ``shouldEndSession`` out."""
    body: dict[str, Any] = {}
    if say is not None:
        body["outputSpeech"] = ssml(say)
    if reprompt is not None:
        body["reprompt"] = {"outputSpeech": ssml(reprompt)}
    if directives:
        body["directives"] = directives
    if end is not None:
        body["shouldEndSession"] = end
    return {"version": "1.0", "sessionAttributes": attributes or {}, "response": body}


def elicit(
    intent: str,
    slot: str,
    *,
    say: str = "What did you do?",
    filled: dict[str, str] | None = None,
    end: bool | None = False,
) -> dict[str, Any]:
    """A response asking for ``slot`` of ``intent`` with ``Dialog.ElicitSlot``.

    ``filled`` are slot values the skill already has, sent back in ``updatedIntent``.
    """
    slots: dict[str, Any] = {slot: {"name": slot, "confirmationStatus": "NONE"}}
    for name, value in (filled or {}).items():
        slots[name] = {"name": name, "value": value, "confirmationStatus": "NONE"}
    directive = {
        "type": "Dialog.ElicitSlot",
        "slotToElicit": slot,
        "updatedIntent": {"name": intent, "confirmationStatus": "NONE", "slots": slots},
    }
    return reply(end=end, say=say, reprompt=say, directives=[directive])
