"""AWS Lambda entry: ``app.handler``. All logic lives in the ``skill`` package.

Everything here runs once per container: the DynamoDB client and the skill are reused by
every request the container serves.
"""

import os

from skill.entry import configure_logging, handler_from_env

configure_logging(os.environ.get("LOG_LEVEL", "INFO"))

handler = handler_from_env()
