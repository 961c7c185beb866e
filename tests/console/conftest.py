"""Console fixtures: the real model, a resolver over it, a spy on the real skill, a data folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import skill.entry
from skill.console.hearing.model import InteractionModel, default_model_path, load_model
from skill.console.hearing.resolver import Resolver
from skill.storage.opening import DATA_DIR_ENV


@pytest.fixture(autouse=True)
def _own_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A console run without ``--data-dir`` keeps its files (permissions, wins) in the test's
    own folder, never in the data folder of whoever runs the tests."""
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "default-data"))


@pytest.fixture(scope="session")
def model() -> InteractionModel:
    """The interaction model Alexa is given, read from the checkout."""
    return load_model(default_model_path())


@pytest.fixture(scope="session")
def resolver(model: InteractionModel) -> Resolver:
    return Resolver(model)


@dataclass
class Exchange:
    """One request the console sent the real skill, and the skill's response."""

    request: dict[str, Any]
    response: dict[str, Any]


@pytest.fixture
def exchanges(monkeypatch: pytest.MonkeyPatch) -> list[Exchange]:
    """Every request the handler built by ``wins chat`` in this process receives, in order."""
    seen: list[Exchange] = []
    real = skill.entry.make_handler

    def spying(*args: Any, **kwargs: Any) -> Callable[[dict[str, Any], Any], dict[str, Any]]:
        handler = real(*args, **kwargs)

        def handle(request: dict[str, Any], context: Any) -> dict[str, Any]:
            response = handler(request, context)
            seen.append(Exchange(request, response))
            return response

        return handle

    monkeypatch.setattr(skill.entry, "make_handler", spying)
    return seen
