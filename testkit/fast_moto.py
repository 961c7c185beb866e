"""moto's DynamoDB server in a process of its own, fast enough for tables of many thousand items.

moto favours simplicity over speed in two places a load test hits on every request:

- ``TransactWriteItems`` deep-copies every table it names before writing, to be able to roll
  back a cancelled transaction: about 0.3 s per transaction once the table holds 10,000 items.
- ``Query`` sorts and filters every item of the table, even though a query (on the table or a
  local secondary index) only ever reads one partition: 0.1 s at 10,000 items.

``speed_up_moto`` changes neither result. A transaction snapshots only the items it names (the
only ones it can change) and puts them back if it fails; a query on the table or a local index
looks only at its own partition. It is applied for good only in the child process that
``python -m testkit.fast_moto`` starts (it serves until its standard input closes and
prints its port first), so no test ever runs on a changed moto; ``moto_sped_up`` applies it
for a while, to a moto in the caller's own process (the benchmarks').
"""

from __future__ import annotations

import copy
import inspect
import logging
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace, TracebackType
from typing import Any, Final

ROOT: Final = Path(__file__).resolve().parents[1]
LOOPBACK: Final = "127.0.0.1"

_QUERYING: Final = threading.Lock()
Snapshot = list[tuple[Any, Any, Any, Any]]  # (table, hash value, range value, item or None)


def speed_up_moto() -> None:
    """Patch moto's transactions and queries as described above (idempotent)."""
    from moto.dynamodb import models as moto_models

    models: Any = moto_models  # patched at run time, beyond what its types describe
    backend = models.DynamoDBBackend
    if getattr(backend, "_wins_fast", False):
        return
    Table = models.Table

    def deepcopy(value: Any, memo: Any = None) -> Any:
        # Only the transaction's whole-table copy is skipped; the snapshot below replaces it.
        return value if isinstance(value, Table) else copy.deepcopy(value, memo)

    models.copy = SimpleNamespace(deepcopy=deepcopy, copy=copy.copy)
    backend.transact_write_items = _with_item_snapshots(backend.transact_write_items, models)
    backend.query = _partition_queries(backend.query, models)
    backend._wins_fast = True


@contextmanager
def moto_sped_up() -> Iterator[None]:
    """``speed_up_moto`` for the duration of the ``with`` block, then moto as it was."""
    from moto.dynamodb import models as moto_models

    models: Any = moto_models
    backend = models.DynamoDBBackend
    if getattr(backend, "_wins_fast", False):  # already sped up for good
        yield
        return
    saved = (models.copy, backend.transact_write_items, backend.query)
    speed_up_moto()
    try:
        yield
    finally:
        models.copy, backend.transact_write_items, backend.query = saved
        del backend._wins_fast


def _with_item_snapshots(original: Callable[..., Any], models: Any) -> Callable[..., Any]:
    def transact_write_items(self: Any, transact_items: list[dict[str, Any]]) -> Any:
        saved = _snapshot(self, transact_items, models.DynamoType)
        try:
            return original(self, transact_items)
        except Exception:
            for table, hash_value, range_value, item in reversed(saved):
                if item is None:
                    table.items[hash_value].pop(range_value, None)
                else:
                    table.items[hash_value][range_value] = item
            raise

    return transact_write_items


def _snapshot(backend: Any, transact_items: list[dict[str, Any]], dynamo_type: Any) -> Snapshot:
    saved: Snapshot = []
    for entry in transact_items:
        for operation in entry.values():
            table = backend.tables.get(operation.get("TableName"))
            key = operation.get("Item") or operation.get("Key") or {}
            if table is None or table.range_key_attr is None:
                continue
            if table.hash_key_attr not in key or table.range_key_attr not in key:
                continue  # moto refuses such a transaction before changing anything
            hash_value = dynamo_type(key[table.hash_key_attr])
            range_value = dynamo_type(key[table.range_key_attr])
            current = table.items.get(hash_value, {}).get(range_value)
            saved.append((table, hash_value, range_value, copy.deepcopy(current)))
    return saved


def _partition_queries(original: Callable[..., Any], models: Any) -> Callable[..., Any]:
    signature = inspect.signature(original)

    def query(self: Any, *args: Any, **kwargs: Any) -> Any:
        arguments = signature.bind(self, *args, **kwargs).arguments
        table = self.get_table(arguments["table_name"])
        index = arguments.get("index_name")
        hash_key = arguments.get("hash_key_dict")
        local = index is None or index in {i.name for i in table.indexes or []}
        if not hash_key or not local or table.range_key_attr is None:
            return original(self, *args, **kwargs)
        partition = list(table.items.get(models.DynamoType(hash_key), {}).values())
        # One query at a time: the server answers each request in a thread of its own, and a
        # client that timed out asks again while the first query still runs.
        with _QUERYING:
            # The same order as Table.all_items, over one partition instead of the whole table.
            table.all_items = lambda: sorted(partition, key=lambda item: item.range_key)
            try:
                return original(self, *args, **kwargs)
            finally:
                del table.all_items

    return query


class MotoProcess:
    """``python -m testkit.fast_moto`` as a context manager; ``address`` is (host, port)."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "testkit.fast_moto"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line.strip().isdigit():
            self.close()
            raise RuntimeError(f"moto did not start: {line!r}")
        self.address = (LOOPBACK, int(line))

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()  # the child's signal to stop
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()

    def __enter__(self) -> MotoProcess:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def main() -> int:
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    speed_up_moto()
    server = ThreadedMotoServer(ip_address=LOOPBACK, port=0, verbose=False)
    server.start()
    print(server.get_host_and_port()[1], flush=True)
    sys.stdin.read()  # until the parent closes it, or exits
    server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
