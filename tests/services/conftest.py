"""Services over real stores: each test runs on DynamoDB (moto) and on SQLite in turn."""

from __future__ import annotations

from pathlib import Path

import pytest

from skill.storage.interface import PortableStore
from tests.storage.conftest import STORES, open_kind


@pytest.fixture(params=STORES)
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> PortableStore:
    return open_kind(request.param, request, tmp_path)
