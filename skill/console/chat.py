"""``wins chat``: type what you would say to an Echo, read (or hear) what Small Wins answers.

This module wires the pieces: it picks the store (embedded by default, a real table with
``--table``), builds the handler with the same ``make_handler`` the Lambda uses, and runs either
a friendly interactive loop or a strict line-in, line-out loop for scripts.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from skill.console.conversation import Conversation, Handler
from skill.console.embedded_store import EmbeddedDynamo, default_data_dir
from skill.console.envelopes import CONSOLE_SKILL_ID, DEFAULT_USER_ID, Caller, Envelope
from skill.console.errors import ConsoleError
from skill.console.model import MODEL_ENV, default_model_path, load_model
from skill.console.output import NO_VOICE, Presenter, Voice
from skill.console.resolver import Resolver

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

QUIT_COMMANDS: Final = frozenset({":quit", ":q", ":exit"})
HELP_COMMANDS: Final = frozenset({":help", ":h", ":?"})
BANNER: Final = """\
Small Wins, on your computer. Type what you would say to an Echo, for example:
  tell small wins I did the laundry
  open small wins            (and then: remind me of a win)
  ask small wins for a win
  keep it calm               (while a session is open)
"help", "stop" and "exit" work as on an Echo. Ctrl-D or :quit leaves the console.
Wins are kept in {where}.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``wins chat``'s options on its subcommand parser."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="where the embedded store keeps its wins "
        "(default: $WINS_DATA_DIR, else $XDG_DATA_HOME/wins, else ~/.local/share/wins)",
    )
    parser.add_argument(
        "--table",
        metavar="NAME",
        help="use this existing DynamoDB table instead of the embedded store; endpoint, region "
        "and credentials come from the usual AWS settings (e.g. AWS_ENDPOINT_URL_DYNAMODB)",
    )
    parser.add_argument("--user", metavar="ID", default=DEFAULT_USER_ID, help="the Alexa userId")
    parser.add_argument(
        "--json", action="store_true", help="print each full response envelope as one JSON line"
    )
    parser.add_argument("--speak", action="store_true", help="read answers aloud with espeak-ng")
    parser.add_argument(
        "--model",
        type=Path,
        metavar="FILE",
        help=f"the interaction model file (default: ${MODEL_ENV} or en-US)",
    )
    parser.add_argument(
        "--seed", type=int, metavar="N", help="seed the skill's random choices, for repeatable runs"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the console until the input ends; return the process exit status."""
    interactive = sys.stdin.isatty()
    try:
        resolver = Resolver(load_model(args.model or default_model_path()))
        with contextlib.ExitStack() as stack:
            handler, where = _handler(args, stack)
            presenter = Presenter(
                sys.stdout, interactive=interactive, as_json=args.json, voice=_voice(args.speak)
            )
            conversation = Conversation(handler, resolver, Caller(user_id=args.user), on_hint=_hint)
            banner = BANNER.format(where=where)
            if interactive:
                print(banner, flush=True)
                lines: Iterable[str] = _prompted(conversation)
            else:
                lines = sys.stdin
            _converse(conversation, presenter, lines, banner)
    except ConsoleError as exc:
        print(f"wins chat: {exc}", file=sys.stderr)
        return 2
    return 0


def _converse(
    conversation: Conversation, presenter: Presenter, lines: Iterable[str], banner: str
) -> None:
    """One answer per utterance; console commands (":quit") are not sent to the skill."""
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if text.lower() in QUIT_COMMANDS:
            break
        if text.lower() in HELP_COMMANDS:
            _hint(banner.strip())
        elif text.startswith(":"):
            _hint(f"Unknown console command {text}; try :help or :quit.")
        else:
            presenter.show(conversation.hear(text))
    presenter.show(conversation.leave(), answers_a_line=False)


def _prompted(conversation: Conversation) -> Iterable[str]:
    """Lines typed at a prompt that says whether the skill is listening."""
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (line editing and history where available)
    while True:
        prompt = "you (listening)> " if conversation.session_open else "you> "
        try:
            yield input(prompt)
        except (EOFError, KeyboardInterrupt):
            print()
            return


def _handler(args: argparse.Namespace, stack: contextlib.ExitStack) -> tuple[Handler, str]:
    """The skill's handler over the chosen store, and a phrase saying where wins are kept."""
    if args.table:
        client, table, save = _real_client(), args.table, None
        where = f"the DynamoDB table {table}"
    else:
        if os.environ.get("AWS_ENDPOINT_URL_DYNAMODB"):
            _hint("AWS_ENDPOINT_URL_DYNAMODB is set but --table is not: using the embedded store.")
        data_dir = args.data_dir or default_data_dir()
        embedded = stack.enter_context(EmbeddedDynamo(data_dir))
        client, table, save = embedded.client, embedded.table_name, embedded.save
        where = str(data_dir)
    # Imported only now: the embedded store's mock must exist before any boto3 client does.
    from skill.entry import make_handler
    from skill.storage.dynamo import DynamoWinStore

    rng = random.Random(args.seed) if args.seed is not None else None
    handler = make_handler(DynamoWinStore(client, table), skill_id=CONSOLE_SKILL_ID, rng=rng)
    return (_saving(handler, save) if save else handler), where


def _saving(handler: Handler, save: Callable[[], None]) -> Handler:
    """Save after every turn, even a failed one, so stopping the console loses nothing."""

    def handle(request: Envelope, context: Any) -> Envelope:
        try:
            return handler(request, context)
        finally:
            save()

    return handle


def _real_client() -> DynamoDBClient:
    import boto3
    from botocore.exceptions import BotoCoreError

    region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")
    try:
        return boto3.client("dynamodb", region_name=region)
    except BotoCoreError as exc:
        raise ConsoleError(
            f"Could not set up DynamoDB for --table ({exc}). Set AWS_REGION and credentials, "
            "or AWS_ENDPOINT_URL_DYNAMODB for a local endpoint."
        ) from exc


def _voice(wanted: bool) -> Voice | None:
    if not wanted:
        return None
    voice = Voice.find()
    if voice is None:
        _hint(NO_VOICE)
    return voice


def _hint(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
