"""The interaction model, read from the same file Alexa is given.

Reading it at run time (rather than copying samples into the console) means a sample added for
Alexa is understood by the console at once, and a sample Alexa would not match is not matched
here either.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import skill
from skill.console.errors import ConsoleError
from skill.console.hearing.words import keys

DEFAULT_LOCALE: Final = "en-US"
# Points the console at another model file, e.g. a draft being tried out.
MODEL_ENV: Final = "WINS_INTERACTION_MODEL"


@dataclass(frozen=True)
class EntityValue:
    """One value of a custom slot type, with the keys of its name and synonyms."""

    id: str
    name: str
    phrases: frozenset[tuple[str, ...]]


@dataclass(frozen=True)
class IntentSpec:
    """An intent as declared: its slots (name to type) and its sample utterances.

    ``slot_samples`` are what people say when Alexa asks for one slot ("today I {win}" in reply
    to "What did you do?"): they are heard only on the turn after a ``Dialog.ElicitSlot``.
    """

    name: str
    slots: Mapping[str, str] = field(default_factory=dict)
    samples: tuple[str, ...] = ()
    slot_samples: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class InteractionModel:
    """The parts of a language model the console needs.

    ``dialog`` is the dialog model: each intent it declares, with the slots it declares for
    that intent. Only those intents take part in dialogs (``dialogState``, Dialog directives).
    """

    invocation_name: str
    intents: tuple[IntentSpec, ...]
    types: Mapping[str, tuple[EntityValue, ...]]
    dialog: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def intent(self, name: str) -> IntentSpec:
        """The declared intent called ``name``; a KeyError names a model/code mismatch."""
        for spec in self.intents:
            if spec.name == name:
                return spec
        raise KeyError(name)


def default_model_path(locale: str = DEFAULT_LOCALE) -> Path:
    """``$WINS_INTERACTION_MODEL``, else the checkout's skill package model for ``locale``."""
    override = os.environ.get(MODEL_ENV)
    if override:
        return Path(override).expanduser()
    checkout = Path(skill.__file__).resolve().parent.parent
    return checkout / "interaction_models" / "interactionModels" / "custom" / f"{locale}.json"


def load_model(path: Path) -> InteractionModel:
    """Read and check an interaction model file, explaining kindly what is wrong if it fails."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        language = document["interactionModel"]["languageModel"]
        return InteractionModel(
            invocation_name=str(language["invocationName"]),
            intents=tuple(_intent(raw) for raw in language["intents"]),
            types={str(raw["name"]): _values(raw) for raw in language.get("types", [])},
            dialog=_dialog(document["interactionModel"].get("dialog") or {}),
        )
    except FileNotFoundError as exc:
        raise ConsoleError(
            f"The interaction model {path} was not found. Run the console from a checkout "
            f"of the project, or point --model (or ${MODEL_ENV}) at the model file."
        ) from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConsoleError(f"The interaction model {path} could not be read: {exc!r}") from exc


def _intent(raw: Mapping[str, Any]) -> IntentSpec:
    slots = raw.get("slots", [])
    return IntentSpec(
        name=str(raw["name"]),
        slots={str(slot["name"]): str(slot["type"]) for slot in slots},
        samples=tuple(str(sample) for sample in raw.get("samples", [])),
        slot_samples={
            str(slot["name"]): tuple(str(sample) for sample in slot["samples"])
            for slot in slots
            if slot.get("samples")
        },
    )


def _dialog(raw: Mapping[str, Any]) -> dict[str, frozenset[str]]:
    return {
        str(intent["name"]): frozenset(str(slot["name"]) for slot in intent.get("slots", []))
        for intent in raw.get("intents", [])
    }


def _values(raw_type: Mapping[str, Any]) -> tuple[EntityValue, ...]:
    values = []
    for raw in raw_type["values"]:
        name = raw["name"]
        spoken = [str(name["value"]), *(str(s) for s in name.get("synonyms", []))]
        values.append(
            EntityValue(
                id=str(raw.get("id") or name["value"]),
                name=str(name["value"]),
                phrases=frozenset(keys(phrase) for phrase in spoken),
            )
        )
    return tuple(values)
