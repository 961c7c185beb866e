"""moto's DynamoDB in a process of its own, on loopback, until its standard input closes.

    python -m benchmarks.dynamodb_server

Prints the endpoint's URL on the first line. A separate process keeps moto's work off the
measured process's CPU caches, as DynamoDB's work is off a Lambda function's. It runs the moto
the load test runs (``testkit.fast_moto``): results unchanged, but a transaction does not
copy the whole table, and a query looks at its own partition instead of sorting every item of
the table, which would measure moto rather than the skill.
"""

from __future__ import annotations

import logging
import sys
import warnings

from benchmarks.aws import moto_server
from testkit.fast_moto import speed_up_moto


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
    warnings.filterwarnings("ignore", message=".*moto\\[server\\].*")
    speed_up_moto()
    with moto_server() as endpoint:
        print(endpoint, flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    main()
