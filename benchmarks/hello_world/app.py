"""An ASK SDK "hello world" Lambda entry: one LaunchRequest handler and a DynamoDB client.

The cold-start benchmark compares the skill's entry with this one. It pays what any Python
skill on DynamoDB pays at start (the SDK, boto3, a client) and nothing more, so the ratio shows
what the skill itself adds.
"""

from __future__ import annotations

import boto3
from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_core.utils.predicate import is_request_type
from ask_sdk_model.response import Response

dynamodb = boto3.client("dynamodb")


class LaunchRequestHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("LaunchRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        speech = "Hello world."
        response: Response = handler_input.response_builder.speak(speech).ask(speech).response
        return response


builder = CustomSkillBuilder()
builder.add_request_handler(LaunchRequestHandler())
handler = builder.lambda_handler()
