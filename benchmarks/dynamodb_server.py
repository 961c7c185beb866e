"""moto's DynamoDB in a process of its own, on loopback, until its standard input closes.

    python -m benchmarks.dynamodb_server

Prints the endpoint's URL on the first line. A separate process keeps moto's work (it answers a
Query by sorting the whole partition in Python) off the measured process's CPU caches, as
DynamoDB's work is off a Lambda function's; and its transactions skip moto's copy of the whole
table (see ``moto_without_table_copies``).
"""

from __future__ import annotations

import logging
import sys
import warnings

from benchmarks.aws import moto_server, moto_without_table_copies


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
    warnings.filterwarnings("ignore", message=".*moto\\[server\\].*")
    with moto_without_table_copies(), moto_server() as endpoint:
        print(endpoint, flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    main()
