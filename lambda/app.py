"""AWS Lambda entry: ``app.handler``. All logic lives in the ``skill`` package.

Everything here runs once per container, or once per published version with SnapStart: the
DynamoDB client and the skill are built before the first request (and warmed up too when the
start-up is a snapshot), then reused by every request the container serves.
"""

import os

from skill.entry import configure_logging
from skill.warmup import prepare_from_env

configure_logging(os.environ.get("LOG_LEVEL", "INFO"))

_prepared = prepare_from_env()
handler = _prepared.handler
# The skill's random source, kept here so it is plain what a SnapStart restore re-seeds.
rng = _prepared.rng
