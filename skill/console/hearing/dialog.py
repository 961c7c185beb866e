"""Dialogs, as Alexa runs them: a skill asks for one slot, the next answer fills it.

A skill that needs a slot it did not get answers with ``Dialog.ElicitSlot`` (naming the slot
and the intent, ``updatedIntent``) and keeps the session open. Alexa then hears the person's
next words with that slot's samples from the model ("{win}", "today I {win}") as well as every
other sample, so a bare "the dishes" fills the slot, while "stop" or "help" still reach their
own intents. The answer arrives as an IntentRequest for the elicited intent, carrying the
slots ``updatedIntent`` had already filled and ``dialogState: IN_PROGRESS``. The first request
for an intent that has a dialog model says ``STARTED``; other intents carry no dialogState.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from skill.console.hearing.model import InteractionModel

ELICIT_SLOT: Final = "Dialog.ElicitSlot"

DialogState = Literal["STARTED", "IN_PROGRESS"]


@dataclass(frozen=True)
class Elicitation:
    """The slot a skill asked for: ``slot`` of ``intent``; ``updated_intent`` as it was sent."""

    intent: str
    slot: str
    updated_intent: Mapping[str, Any] = field(default_factory=dict)


def elicitation_in(response: Mapping[str, Any] | None, asked: str | None) -> Elicitation | None:
    """The ``Dialog.ElicitSlot`` among a response's directives, if there is one.

    Without ``updatedIntent`` the slot belongs to the intent the skill was asked (``asked``).
    """
    body = (response or {}).get("response") or {}
    for directive in body.get("directives") or []:
        if directive.get("type") != ELICIT_SLOT:
            continue
        updated = directive.get("updatedIntent") or {}
        intent = updated.get("name") or asked
        slot = directive.get("slotToElicit")
        if isinstance(intent, str) and isinstance(slot, str):
            return Elicitation(intent, slot, updated)
    return None


def elicitation_problem(model: InteractionModel, elicitation: Elicitation) -> str | None:
    """Why Alexa would refuse to elicit this slot (None when it would not)."""
    named = f"{elicitation.intent}.{elicitation.slot}"
    try:
        declared = model.intent(elicitation.intent).slots
    except KeyError:
        return f"Alexa cannot elicit {named}: the model has no intent {elicitation.intent}."
    if elicitation.slot not in declared:
        return f"Alexa cannot elicit {named}: {elicitation.intent} has no such slot."
    if elicitation.slot not in model.dialog.get(elicitation.intent, frozenset()):
        return f"Alexa cannot elicit {named}: the dialog model does not declare that slot."
    return None


def carried_slots(elicitation: Elicitation) -> dict[str, Any]:
    """The slots ``updatedIntent`` filled, which Alexa sends back with the answer."""
    slots = elicitation.updated_intent.get("slots") or {}
    return {
        str(name): dict(slot)
        for name, slot in slots.items()
        if isinstance(slot, Mapping) and slot.get("value") is not None
    }
