"""The skill in this process, as the Lambda runs it, over moto and a loopback stand-in for Alexa."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import boto3

from benchmarks.aws import REGION, SKILL_ID, TABLE, create_table, fake_aws
from benchmarks.meter import Meter, Sample, timing_alexa_api
from skill.alexa.api import REMINDERS_SCOPE, TIMERS_SCOPE
from skill.console.alexa_stand_in import FakeAlexaApi
from skill.entry import Handler, make_handler
from skill.storage.dynamodb.store import DynamoWinStore
from testkit.envelopes import envelope
from testkit.fast_moto import moto_sped_up


@dataclass
class Harness:
    """The handler, its DynamoDB client, a meter on that client, and Alexa's stand-in."""

    handler: Handler
    client: Any
    meter: Meter
    alexa: FakeAlexaApi

    def request(self, name: str, **options: Any) -> dict[str, Any]:
        """A stored request envelope, with Alexa's API address set to the stand-in."""
        return envelope(
            name, api_endpoint=self.alexa.endpoint, api_token=self.alexa.access_token, **options
        )

    def send(self, event: dict[str, Any]) -> tuple[Sample, dict[str, Any]]:
        """Handle ``event`` once, measured."""
        sample, response = self.meter.measure(lambda: self.handler(event, None))
        result: dict[str, Any] = response
        return sample, result


@contextmanager
def in_process_skill(
    endpoint: str | None = None, seed: int = 1, clock: Callable[[], datetime] | None = None
) -> Iterator[Harness]:
    """The skill in this process, with timers and reminders allowed.

    DynamoDB is moto in this process too, or the loopback ``endpoint`` if one is given. A
    timer's minute lasts an hour here: none rings while the benchmark runs. ``clock``, when
    given, is the skill's time (a pinned week).
    """
    from moto import mock_aws

    with ExitStack() as stack:
        stack.enter_context(fake_aws())
        if endpoint is None:
            stack.enter_context(mock_aws())
            stack.enter_context(moto_sped_up())
        alexa = stack.enter_context(FakeAlexaApi(time_zone="UTC", minute_seconds=3600))
        alexa.grant(TIMERS_SCOPE)
        alexa.grant(REMINDERS_SCOPE)
        client = boto3.client("dynamodb", region_name=REGION, endpoint_url=endpoint)
        create_table(client)
        store = DynamoWinStore(client, TABLE)
        handler = make_handler(
            store,
            skill_id=SKILL_ID,
            clock=clock,
            rng=random.Random(seed),
            api_ca_file=alexa.ca_file,
        )
        meter = Meter(client)
        stack.enter_context(timing_alexa_api(meter))
        yield Harness(handler, client, meter, alexa)


def speech(response: dict[str, Any]) -> str:
    text = response.get("response", {}).get("outputSpeech", {}).get("ssml", "")
    return str(text)
