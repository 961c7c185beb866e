"""Console fixtures: the real interaction model and a resolver over it."""

from __future__ import annotations

import pytest

from skill.console.model import InteractionModel, default_model_path, load_model
from skill.console.resolver import Resolver


@pytest.fixture(scope="session")
def model() -> InteractionModel:
    """The interaction model Alexa is given, read from the checkout."""
    return load_model(default_model_path())


@pytest.fixture(scope="session")
def resolver(model: InteractionModel) -> Resolver:
    return Resolver(model)
