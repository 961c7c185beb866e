"""Load under faults: ``python -m benchmarks.load`` (``--help`` for the sizes).

Starts moto's DynamoDB behind the fault-injecting proxy of ``testkit/proxy.py``, creates the
table from ``TABLE_DEFINITION``, and runs the real ``wins serve`` against it. Many concurrent
clients send mixed Alexa requests (log a win, hear one, launch, help, set the style, some
redeliveries of an earlier request with the same request ID, some malformed bodies) from many
people while a few percent of DynamoDB calls fail: throttling, 5xx, stalls, timeouts, and
writes that are committed but whose answer is lost. Then the table is checked:

- no HTTP 5xx and no request left unanswered; exactly the malformed requests get 400;
- every win the skill celebrated is stored exactly once, in the right person's partition;
- no win is stored twice, whether redelivered by Alexa or retried by the client;
- a win stored but not celebrated was answered "not saved", and there are no more of them than
  writes whose answer was lost;
- each person's wins are numbered 1..n and their profile counts n;
- a win read back is one of that person's stored wins, and nobody whose win was already
  celebrated is told they have none.

Everything listens on 127.0.0.1: nothing reaches AWS or Alexa. Exits 1 if a check fails.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import http.client
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, Final

from skill.speech.catalog import catalog_for
from skill.storage.dynamodb.schema import PROFILE_SK, TABLE_DEFINITION, WIN_PREFIX
from skill.storage.records import Person
from testkit.proxy import COMMITTED_BUT_LOST, Fault, FaultProxy, FaultyDynamoDB

ROOT: Final = Path(__file__).resolve().parent.parent
REQUESTS: Final = ROOT / "tests" / "requests"
# Nothing listens here: the skill's optional time-zone lookup fails at once and falls back to UTC.
NO_ALEXA_API: Final = "https://127.0.0.1:9"
TABLE: Final = "wins-load"
REGION: Final = "us-east-1"
# Each win carries a unique token of letters ("zq" + base 26): words, so no rewriting touches it.
TOKEN: Final = re.compile(r"\bzq[a-z]+\b")
CHORES: Final = ("did the laundry", "walked the dog", "answered an email", "made my bed")
# The skill's DynamoDB client (skill.storage.dynamodb.client) reads for at most 1.5 s: a
# timeout outlasts that, a stall doesn't.
TIMEOUT_SECONDS: Final = 1.8
STALL_SECONDS: Final = 0.3
JSON: Final = "application/json"


class Kind(StrEnum):
    LOG = "log a win"
    REDELIVERY = "redelivery"
    HEAR = "hear a win"
    LAUNCH = "launch"
    HELP = "help"
    STYLE = "set style"
    MALFORMED = "malformed JSON"
    WRONG_TYPE = "wrong content type"


MIX: Final = {
    Kind.LOG: 40,
    Kind.REDELIVERY: 8,
    Kind.HEAR: 20,
    Kind.LAUNCH: 8,
    Kind.HELP: 6,
    Kind.STYLE: 8,
    Kind.MALFORMED: 2,
    Kind.WRONG_TYPE: 2,
}
REFUSED: Final = frozenset({Kind.MALFORMED, Kind.WRONG_TYPE})
# How the injected faults are shared out; ``--fault-rate`` says how many calls fail in all.
FAULT_MIX: Final = {
    Fault.THROTTLE: 0.22,
    Fault.THROUGHPUT: 0.08,
    Fault.INTERNAL: 0.10,
    Fault.UNAVAILABLE: 0.10,
    Fault.STALL: 0.20,
    Fault.TIMEOUT: 0.03,
    Fault.LOST: 0.15,
    Fault.TRUNCATED: 0.06,
    Fault.GARBLED: 0.06,
}
# What a person may hear when logging, and when asking for a win, under faults.
LOG_ANSWERS: Final = frozenset({"celebrated", "not saved", "apology"})
HEAR_ANSWERS: Final = frozenset({"heard", "no wins", "can't read", "apology"})


@dataclass(frozen=True)
class LoadConfig:
    requests: int = 10_000
    clients: int = 50
    users: int = 300
    voices: int = 3  # recognised voices, in one household in ten
    fault_rate: float = 0.04
    server_threads: int = 16
    seed: int = 2026


@dataclass(frozen=True)
class Speaker:
    user: str
    person: str | None

    @property
    def partition(self) -> str:
        """The partition key the skill files this speaker's data under."""
        if self.person:
            return Person.of_voice(self.user, self.person).key
        return Person.of_account(self.user).key


@dataclass(frozen=True)
class Planned:
    kind: Kind
    speaker: Speaker
    token: str | None = None  # for a log (and a redelivery sent before any log)


@dataclass(frozen=True)
class Outgoing:
    kind: Kind
    body: bytes
    content_type: str = JSON
    token: str | None = None
    request_id: str | None = None
    partition: str = ""


@dataclass(frozen=True)
class Record:
    """One request and what came back."""

    sent: Outgoing
    status: int  # 0: no answer at all
    outcome: str
    started: float  # monotonic
    finished: float
    heard: tuple[str, ...] = ()

    @property
    def latency(self) -> float:
        return self.finished - self.started


class Answers:
    """Recognises the skill's answers: a celebration by its card ("✓ You ..." with the win's
    token), the rest by the catalogue's own texts, so rewording ``en-US.json`` breaks nothing."""

    def __init__(self) -> None:
        words = catalog_for("en-US")
        self._texts = {
            "not saved": words.variants("error.storage_log"),
            "can't read": words.variants("error.storage_read"),
            "apology": words.variants("error.general"),
            "no wins": words.variants("hear.none"),
        }

    def outcome(self, body: bytes, win_token: str | None) -> tuple[str, tuple[str, ...]]:
        response = json.loads(body)["response"]
        speech = str(response.get("outputSpeech", {}).get("ssml", ""))
        card = str((response.get("card") or {}).get("content", ""))
        if win_token and card.startswith("✓") and win_token in card:
            return "celebrated", ()
        for name, texts in self._texts.items():
            if any(text in speech for text in texts):
                return name, ()
        heard = tuple(TOKEN.findall(speech))
        return ("heard", heard) if heard else ("answered", ())


class Envelopes:
    """The tests' real request envelopes with fresh request IDs and timestamps."""

    def __init__(self) -> None:
        names = ("log_win", "hear_win", "launch", "help", "set_style")
        self._stored = {name: json.loads((REQUESTS / f"{name}.json").read_text()) for name in names}
        application = self._stored["launch"]["context"]["System"]["application"]
        self.skill_id = str(application["applicationId"])

    def build(self, name: str, speaker: Speaker) -> dict[str, Any]:
        envelope: dict[str, Any] = copy.deepcopy(self._stored[name])
        envelope["request"]["requestId"] = f"amzn1.echo-api.request.{uuid.uuid4()}"
        envelope["request"]["timestamp"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        system = envelope["context"]["System"]
        system["apiEndpoint"] = NO_ALEXA_API
        system["user"]["userId"] = envelope["session"]["user"]["userId"] = speaker.user
        if speaker.person:
            system["person"] = {"personId": speaker.person}
        return envelope

    def log(self, speaker: Speaker, text: str) -> dict[str, Any]:
        envelope = self.build("log_win", speaker)
        envelope["request"]["intent"]["slots"]["win"]["value"] = text
        return envelope

    def style(self, speaker: Speaker, style: str) -> dict[str, Any]:
        envelope = self.build("set_style", speaker)
        slot = envelope["request"]["intent"]["slots"]["style"]
        slot["value"] = style
        matched = slot["resolutions"]["resolutionsPerAuthority"][0]["values"][0]
        matched["value"] = {"name": style, "id": style}
        return envelope


def token(number: int) -> str:
    letters = ""
    while True:
        number, digit = divmod(number, 26)
        letters = chr(ord("a") + digit) + letters
        if number == 0:
            return "zq" + letters


def plan(config: LoadConfig) -> list[list[Planned]]:
    """Each client's requests, decided up front from the seed."""
    rng = random.Random(config.seed)
    users = [f"amzn1.ask.account.LOAD{n:05d}" for n in range(config.users)]
    voices = [f"amzn1.ask.person.VOICE{n}" for n in range(config.voices)]
    kinds, weights = list(MIX), list(MIX.values())
    plans: list[list[Planned]] = [[] for _ in range(config.clients)]
    for number in range(config.requests):
        kind = rng.choices(kinds, weights)[0]
        household = rng.randrange(len(users))
        voiced = voices and household % 10 == 0 and rng.random() < 0.7
        speaker = Speaker(users[household], rng.choice(voices) if voiced else None)
        win_token = token(number) if kind in (Kind.LOG, Kind.REDELIVERY) else None
        plans[number % config.clients].append(Planned(kind, speaker, win_token))
    return plans


@dataclass
class SentLogs:
    """Log requests already sent, shared by the clients, for Alexa-style redeliveries."""

    logs: list[Outgoing] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, outgoing: Outgoing) -> None:
        with self.lock:
            self.logs.append(outgoing)

    def pick(self, rng: random.Random) -> Outgoing | None:
        with self.lock:
            return rng.choice(self.logs) if self.logs else None


class Client(threading.Thread):
    """One Echo's worth of traffic, on a keep-alive connection."""

    def __init__(
        self, port: int, planned: list[Planned], sent: SentLogs, envelopes: Envelopes, seed: int
    ) -> None:
        super().__init__(daemon=True)
        self._planned = planned
        self._sent = sent
        self._envelopes = envelopes
        self._answers = Answers()
        self._rng = random.Random(seed)
        self._connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.records: list[Record] = []
        self.errors: list[str] = []

    def run(self) -> None:
        try:
            for planned in self._planned:
                self.records.append(self._send(self._outgoing(planned)))
        except Exception as exc:  # reported as a failed check, never a hung run
            self.errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            self._connection.close()

    def _outgoing(self, planned: Planned) -> Outgoing:
        kind, speaker = planned.kind, planned.speaker
        earlier = self._sent.pick(self._rng) if kind is Kind.REDELIVERY else None
        if earlier is not None:  # the very same request again, as Alexa may send it
            return Outgoing(Kind.REDELIVERY, earlier.body, JSON, earlier.token,
                            earlier.request_id, earlier.partition)  # fmt: skip
        if kind in (Kind.LOG, Kind.REDELIVERY):
            text = f"{self._rng.choice(CHORES)} {planned.token}"
            envelope = self._envelopes.log(speaker, text)
            log = Outgoing(Kind.LOG, json.dumps(envelope).encode(), JSON, planned.token,
                           envelope["request"]["requestId"], speaker.partition)  # fmt: skip
            self._sent.add(log)
            return log
        if kind is Kind.MALFORMED:
            return Outgoing(kind, b'{"version": "1.0", "request": {"type": ')
        if kind is Kind.STYLE:
            envelope = self._envelopes.style(speaker, self._rng.choice(("calm", "cheerful")))
        else:
            name = {Kind.HEAR: "hear_win", Kind.HELP: "help"}.get(kind, "launch")
            envelope = self._envelopes.build(name, speaker)
        content_type = "text/plain" if kind is Kind.WRONG_TYPE else JSON
        body = json.dumps(envelope).encode()
        return Outgoing(kind, body, content_type, partition=speaker.partition)

    def _send(self, outgoing: Outgoing) -> Record:
        started = time.monotonic()
        status, answer = self._exchange(outgoing)
        finished = time.monotonic()
        outcome = "refused" if status else "no answer"
        heard: tuple[str, ...] = ()
        if status == 200:
            outcome, heard = self._answers.outcome(answer, outgoing.token)
        return Record(outgoing, status, outcome, started, finished, heard)

    def _exchange(self, outgoing: Outgoing) -> tuple[int, bytes]:
        headers = {"Content-Type": outgoing.content_type}
        try:
            self._connection.request("POST", "/", body=outgoing.body, headers=headers)
            response = self._connection.getresponse()
            return response.status, response.read()
        except (http.client.HTTPException, ConnectionError):
            # No answer at all, which Alexa would hear as a failure: a failed check, and the
            # next request opens a new connection.
            self._connection.close()
            return 0, b""


def add_faults(proxy: FaultProxy, rate: float) -> None:
    """Faults in ``rate`` of all DynamoDB calls, shared out as in ``FAULT_MIX``."""
    for fault, share in FAULT_MIX.items():
        seconds = {Fault.STALL: STALL_SECONDS, Fault.TIMEOUT: TIMEOUT_SECONDS}.get(fault, 0.0)
        proxy.inject(fault, probability=rate * share, seconds=seconds)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serve_environment(endpoint: str) -> dict[str, str]:
    """This environment without any AWS settings, plus fake credentials and the fault proxy."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("AWS_")}
    env.update(
        AWS_ENDPOINT_URL_DYNAMODB=endpoint,
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_REGION=REGION,
        AWS_DEFAULT_REGION=REGION,
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        AWS_EC2_METADATA_DISABLED="true",
        PYTHONUNBUFFERED="1",
    )
    return env


@contextlib.contextmanager
def wins_serve(endpoint: str, skill_id: str, threads: int, log: IO[str]) -> Iterator[int]:
    """The real ``wins serve`` on a free loopback port, in a child process; yields the port."""
    port = free_port()
    command = [
        sys.executable, "-m", "skill.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
        "--table", TABLE, "--skill-id", skill_id, "--insecure-skip-verification",
        "--threads", str(threads),
    ]  # fmt: skip
    env = serve_environment(endpoint)
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    try:
        _wait_healthy(port, process)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_healthy(port: int, process: subprocess.Popen[Any], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"wins serve exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("wins serve did not answer GET /health in time")


def scan(client: Any) -> list[dict[str, Any]]:
    """Every item of the table: a check after the run, never something the skill does."""
    items: list[dict[str, Any]] = []
    for page in client.get_paginator("scan").paginate(TableName=TABLE, ConsistentRead=True):
        items.extend(page["Items"])
    return items


class Audit:
    """What the clients were told, against what the table holds."""

    def __init__(self, records: Sequence[Record], items: Sequence[dict[str, Any]]) -> None:
        self.records = records
        self.items = items
        self.wins = [item for item in items if item["sk"]["S"].startswith(WIN_PREFIX)]
        self.stored: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for win in self.wins:
            for found in TOKEN.findall(win["text"]["S"]):
                self.stored[found].append(win)
        self.answers: dict[str, list[Record]] = defaultdict(list)
        for record in records:
            if record.sent.token:
                self.answers[record.sent.token].append(record)
        self.confirmed = {
            t for t, told in self.answers.items() if any(r.outcome == "celebrated" for r in told)
        }
        self.unconfirmed = sorted(t for t in self.stored if t not in self.confirmed)
        self.failures: list[str] = []

    def check(self, lost_writes: int) -> list[str]:
        self._statuses()
        self._each_win_once()
        self._nothing_unexplained(lost_writes)
        self._numbering()
        self._hearing()
        return self.failures

    def _fail(self, problem: str, found: Sequence[str]) -> None:
        if found:
            self.failures.append(f"{len(found)} {problem}: {', '.join(found[:8])}")

    def _statuses(self) -> None:
        broken = [f"{r.sent.kind} -> {r.status}" for r in self.records if not 0 < r.status < 500]
        self._fail("requests answered with a server error or not at all", broken)
        wrongly = [
            f"{r.sent.kind} -> {r.status}"
            for r in self.records
            if 0 < r.status < 500 and (r.sent.kind in REFUSED) != (r.status == 400)
        ]
        self._fail("requests wrongly refused or accepted", wrongly)

    def _each_win_once(self) -> None:
        requests = Counter(win["request_id"]["S"] for win in self.wins)
        misplaced = [
            t
            for t, found in self.stored.items()
            if t in self.answers
            and any(win["pk"]["S"] != self.answers[t][0].sent.partition for win in found)
        ]
        self._fail("wins celebrated but not stored", sorted(self.confirmed - set(self.stored)))
        self._fail("wins stored more than once", [t for t, f in self.stored.items() if len(f) > 1])
        self._fail("requests stored more than once", [i for i, n in requests.items() if n > 1])
        self._fail(
            "wins stored that nobody said", [t for t in self.stored if t not in self.answers]
        )
        self._fail("wins stored in another person's partition", misplaced)

    def _nothing_unexplained(self, lost_writes: int) -> None:
        told = [r for rs in self.answers.values() for r in rs]
        self._fail("log answers neither celebrating nor apologising",
                   [r.outcome for r in told if r.outcome not in LOG_ANSWERS])  # fmt: skip
        unexplained = [
            t for t in self.unconfirmed if any(r.outcome != "not saved" for r in self.answers[t])
        ]
        self._fail("wins stored and not celebrated, yet not said to be unsaved", unexplained)
        if len(self.unconfirmed) > lost_writes:
            self.failures.append(
                f"{len(self.unconfirmed)} wins stored but not celebrated, more than the "
                f"{lost_writes} writes whose answer was lost"
            )

    def _numbering(self) -> None:
        numbers: dict[str, list[int]] = defaultdict(list)
        for win in self.wins:
            numbers[win["pk"]["S"]].append(int(win["number"]["N"]))
        counts = {
            item["pk"]["S"]: int(item.get("win_count", {"N": "0"})["N"])
            for item in self.items
            if item["sk"]["S"] == PROFILE_SK
        }
        wrong = []
        for partition in sorted(set(numbers) | set(counts)):
            found, count = sorted(numbers.get(partition, [])), counts.get(partition, 0)
            if found != list(range(1, count + 1)):
                wrong.append(f"{partition[-14:]} has wins {found[:4]}... of {count}")
        self._fail("people whose wins are not numbered 1..n as their profile counts", wrong)

    def _hearing(self) -> None:
        first_celebrated: dict[str, float] = {}
        for r in self.records:
            if r.outcome == "celebrated":
                partition = r.sent.partition
                first_celebrated[partition] = min(
                    r.finished, first_celebrated.get(partition, r.finished)
                )
        hears = [r for r in self.records if r.sent.kind is Kind.HEAR]
        invented = [
            t
            for r in hears
            for t in r.heard
            if not any(win["pk"]["S"] == r.sent.partition for win in self.stored.get(t, ()))
        ]
        denied = [
            r.sent.partition[-14:]
            for r in hears
            if r.outcome == "no wins"
            and first_celebrated.get(r.sent.partition, r.started) < r.started
        ]
        self._fail("wins read back that are not that person's", invented)
        self._fail("people told they have no wins after one was celebrated", denied)
        self._fail("hear answers of an unexpected kind",
                   [r.outcome for r in hears if r.outcome not in HEAR_ANSWERS])  # fmt: skip

    def figures(self) -> dict[str, int]:
        kinds = Counter(r.sent.kind for r in self.records)
        redelivered = {r.sent.token for r in self.records if r.sent.kind is Kind.REDELIVERY}
        return {
            "log requests (first deliveries)": kinds[Kind.LOG],
            "redeliveries (same request ID)": kinds[Kind.REDELIVERY],
            "wins celebrated": len(self.confirmed),
            "wins stored": len(self.stored),
            "redelivered wins, each stored once": sum(
                len(self.stored.get(str(t), ())) == 1 for t in redelivered
            ),
            "log answers 'not saved'": sum(
                r.outcome == "not saved" for rs in self.answers.values() for r in rs
            ),
            "stored but answered 'not saved' (answer lost)": len(self.unconfirmed),
            "never stored, answered 'not saved'": sum(
                t not in self.stored and t not in self.confirmed for t in self.answers
            ),
            "celebrated but missing (lost)": len(self.confirmed - set(self.stored)),
            "stored twice (doubled)": sum(len(found) > 1 for found in self.stored.values()),
        }


@dataclass
class Report:
    config: LoadConfig
    records: list[Record]
    duration: float
    faults: dict[str, int]
    lost_writes: int  # TransactWriteItems applied whose answer was lost
    dynamodb_calls: int
    server_log: str
    figures: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


def run(config: LoadConfig) -> Report:
    """The whole load test; the report says what happened and which checks failed."""
    envelopes = Envelopes()
    plans = plan(config)
    # moto in a process of its own: another core, and sped up for a table of many thousands.
    with (
        FaultyDynamoDB(seed=config.seed, separate_process=True) as dynamo,
        tempfile.TemporaryFile("w+") as log,
    ):
        direct = dynamo.direct_client(REGION)
        direct.create_table(TableName=TABLE, BillingMode="PAY_PER_REQUEST", **TABLE_DEFINITION)
        with wins_serve(dynamo.url, envelopes.skill_id, config.server_threads, log) as port:
            add_faults(dynamo.proxy, config.fault_rate)
            sent = SentLogs()
            clients = [
                Client(port, planned, sent, envelopes, config.seed + n)
                for n, planned in enumerate(plans)
            ]
            started = time.monotonic()
            for client in clients:
                client.start()
            for client in clients:
                client.join()
            duration = time.monotonic() - started
            dynamo.proxy.clear()
        log.seek(0)
        proxy = dynamo.proxy
        report = Report(
            config,
            [record for client in clients for record in client.records],
            duration,
            proxy.injected_by_kind(),
            sum(proxy.injected(fault, "TransactWriteItems") for fault in COMMITTED_BUT_LOST),
            proxy.calls(),
            log.read(),
        )
        audit = Audit(report.records, scan(direct))
    report.failures = [f"a client stopped: {e}" for client in clients for e in client.errors]
    report.failures += audit.check(report.lost_writes)
    report.figures = audit.figures()
    return report


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def describe(report: Report) -> str:
    """The figures, one per line, then the verdict."""
    config, records = report.config, report.records
    latencies = [r.latency for r in records]
    answers = Counter(r.outcome for r in records if r.sent.kind is Kind.HEAR)
    lines = [
        f"requests        {len(records)} from {config.clients} clients ({config.users} "
        f"accounts, {config.voices} voice profiles), wins serve with {config.server_threads} "
        "threads",
        f"duration        {report.duration:.1f} s, {len(records) / report.duration:.0f} requests/s",
        f"latency         p50 {percentile(latencies, 0.5) * 1000:.0f} ms, p99 "
        f"{percentile(latencies, 0.99) * 1000:.0f} ms, max {max(latencies, default=0):.2f} s",
        f"HTTP status     {dict(sorted(Counter(r.status for r in records).items()))}",
        f"requests        {dict(Counter(str(r.sent.kind) for r in records).most_common())}",
        f"hear answers    {dict(answers.most_common())}",
        f"DynamoDB calls  {report.dynamodb_calls}, faults injected {sum(report.faults.values())}:",
        f"                {dict(sorted(report.faults.items()))}",
        f"                {report.lost_writes} writes applied with their answer lost",
        f"server log      {report.server_log.count(' ERROR ')} errors logged, of which "
        f"{report.server_log.count('storage failed')} storage failures",
    ]
    lines += [f"{name:<48}{value}" for name, value in report.figures.items()]
    verdict = ["FAILED:", *report.failures] if report.failures else ["all checks passed"]
    return "\n".join(lines + verdict)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.load", description="Small Wins under load and faults."
    )
    for option in fields(LoadConfig):
        kind = float if option.name == "fault_rate" else int
        flag = "--" + option.name.replace("_", "-")
        parser.add_argument(flag, type=kind, default=option.default, help=f"({option.default})")
    config = LoadConfig(**vars(parser.parse_args(argv)))
    report = run(config)
    print(describe(report))
    return 1 if report.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
