"""``wins chat``: type what you would say to an Echo, read (or hear) what Small Wins answers.

This module wires the pieces: it picks the store (embedded by default, a real table with
``--table``), starts Alexa's APIs on loopback for timers, reminders and the time zone, builds
the handler with the same ``make_handler`` the Lambda uses, and runs either a friendly
interactive loop or a strict line-in, line-out loop for scripts.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import random
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from skill.console.alexa_stand_in.stand_in import FakeAlexaApi
from skill.console.device.clock import Clock, clock_from
from skill.console.device.conversation import Conversation, Handler
from skill.console.device.echo_device import Echo
from skill.console.device.permissions import Permissions
from skill.console.device.prompt_wake import PromptWaker, Rang
from skill.console.device.remembered_permissions import (
    PERMISSIONS_FILE,
    Grantor,
    RememberedPermissions,
)
from skill.console.device.settings import checked_time_zone, machine_time_zone
from skill.console.errors import ConsoleError
from skill.console.hearing.envelopes import CONSOLE_SKILL_ID, DEFAULT_USER_ID, Caller, Envelope
from skill.console.hearing.model import MODEL_ENV, default_model_path, load_model
from skill.console.hearing.resolver import Resolver
from skill.console.terminal.output import NO_VOICE, Presenter, Voice
from skill.domain.local_time import local_day
from skill.storage.errors import StoreSetupError
from skill.storage.opening import StoreSettings, default_data_dir, open_store

if TYPE_CHECKING:
    pass

QUIT_COMMANDS: Final = frozenset({":quit", ":q", ":exit"})
HELP_COMMANDS: Final = frozenset({":help", ":h", ":?"})
WAIT_COMMAND: Final = ":wait"
BANNER: Final = """\
Small Wins, on your computer. Type what you would say to an Echo, for example:
  tell small wins I did the laundry
  open small wins            (and then: remind me of a win)
  ask small wins for a win
  keep it calm               (while a session is open)
  ask small wins to set a one minute goal to clear my desk
"help", "stop" and "exit" work as on an Echo; an empty line is saying nothing.
Ctrl-D or :quit leaves the console; :wait waits for running timers to ring.
Wins are kept in {where}. The device's time zone is {zone}; a minute lasts {minute}.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``wins chat``'s options on its subcommand parser."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="the folder of the SQLite file that keeps the wins, and of the permissions each "
        "user gave (default: $WINS_DATA_DIR, else $XDG_DATA_HOME/wins, else ~/.local/share/wins)",
    )
    parser.add_argument(
        "--table",
        metavar="NAME",
        help="use this existing DynamoDB table instead of the embedded store; endpoint, region "
        "and credentials come from the usual AWS settings (e.g. AWS_ENDPOINT_URL_DYNAMODB)",
    )
    parser.add_argument(
        "--embedded-dynamodb",
        action="store_true",
        help="keep wins in moto's DynamoDB in this process, with the store code the Lambda runs "
        "(saved under DIR/dynamodb; needs the moto extra: pip install -e '.[local,moto]')",
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
    parser.add_argument(
        "--minute-seconds",
        type=_positive_seconds,
        default=60.0,
        metavar="SECONDS",
        help="how long a timer's minute lasts, to try timers quickly (default: 60)",
    )
    parser.add_argument(
        "--time-zone",
        metavar="ZONE",
        help="the device's IANA time zone, e.g. Pacific/Auckland "
        "(default: this computer's, from $TZ or /etc/localtime, else UTC)",
    )
    parser.add_argument(
        "--at",
        metavar="WHEN",
        help="start the skill's clock at this moment and let it run on from there, to try "
        "another time of day, e.g. 2026-12-31T23:59 (the device's time) (default: now)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the console until the input ends; return the process exit status."""
    interactive = sys.stdin.isatty()
    try:
        resolver = Resolver(
            load_model(args.model or default_model_path()),
            today=lambda: local_day(clock(), zone),  # the device's calendar, as Alexa's
        )
        zone = checked_time_zone(args.time_zone) if args.time_zone else machine_time_zone()
        clock = clock_from(args.at, zone)
        with contextlib.ExitStack() as stack:
            api = stack.enter_context(
                FakeAlexaApi(time_zone=zone, minute_seconds=args.minute_seconds)
            )
            handler, where = _handler(args, stack, api.ca_file, clock)
            presenter = Presenter(
                sys.stdout, interactive=interactive, as_json=args.json, voice=_voice(args.speak)
            )
            permissions = _permissions(args, api)
            caller = Caller(
                user_id=args.user, api_endpoint=api.endpoint, api_access_token=api.access_token
            )
            conversation = Conversation(
                handler, resolver, caller, on_hint=_hint, clock=clock, permissions=permissions
            )
            waker = PromptWaker()
            echo = Echo(conversation, presenter, api, on_hint=_hint, on_fired=waker.poke)
            api.on_timer_fired = echo.timer_fired
            banner = BANNER.format(where=where, zone=zone, minute=_minute(args.minute_seconds))
            if interactive:
                print(banner, flush=True)
                waker.install()
                stack.callback(waker.uninstall)
                lines: Iterable[str] = _prompted(conversation, echo, waker)
            else:
                lines = sys.stdin
            _converse(echo, lines, banner)
    except ConsoleError as exc:
        print(f"wins chat: {exc}", file=sys.stderr)
        return 2
    return 0


def _converse(echo: Echo, lines: Iterable[str], banner: str) -> None:
    """One answer per line; console commands (":quit", ":wait") are not sent to the skill.

    Timers that rang are heard before each line, except before ``:wait``, which waits for
    them and gives their answers as its own.
    """
    for line in lines:
        text = line.strip()
        command = text.lower()
        if command in QUIT_COMMANDS:
            break
        if command == WAIT_COMMAND:
            echo.wait()
            continue
        echo.ring_fired()
        if command in HELP_COMMANDS:
            _hint(banner.strip())
        elif text.startswith(":"):
            _hint(f"Unknown console command {text}; try :help, :wait or :quit.")
        else:
            echo.take(text)
    echo.finish()


def _prompted(conversation: Conversation, echo: Echo, waker: PromptWaker) -> Iterator[str]:
    """Lines typed at a prompt that says who is listening; timers ring even mid-prompt."""
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (line editing and history where available)
    while True:
        echo.ring_fired()
        if conversation.pending_consent is not None:
            prompt = "you (yes / no)> "
        elif conversation.session_open:
            prompt = "you (listening)> "
        else:
            prompt = "you> "
        try:
            with waker.prompt(lambda: echo.has_rung):
                line = input(prompt)
        except Rang:
            print(flush=True)
            continue
        except (EOFError, KeyboardInterrupt):
            print()
            return
        yield line


def _handler(
    args: argparse.Namespace, stack: contextlib.ExitStack, api_ca_file: str, clock: Clock
) -> tuple[Handler, str]:
    """The skill's handler over the chosen store, and a phrase saying where wins are kept."""
    if not args.table and os.environ.get("AWS_ENDPOINT_URL_DYNAMODB"):
        _hint("AWS_ENDPOINT_URL_DYNAMODB is set but --table is not: using the embedded store.")
    settings = StoreSettings.for_options(
        args.table, args.data_dir, embedded_dynamodb=args.embedded_dynamodb
    )
    from skill.portable.importing import undo_stopped_import

    try:
        opened = open_store(settings, stack)
        said = undo_stopped_import(opened.store, settings)  # never talk over half an import
    except StoreSetupError as exc:
        raise ConsoleError(str(exc)) from exc
    if said:
        _hint(said)
    # Imported only now: the embedded store's mock must exist before any boto3 client does.
    from skill.entry import make_handler

    rng = random.Random(args.seed) if args.seed is not None else None
    handler = make_handler(
        opened.store, skill_id=CONSOLE_SKILL_ID, clock=clock, rng=rng, api_ca_file=api_ca_file
    )
    return (_saving(handler, opened.save) if opened.save else handler), opened.where


def _saving(handler: Handler, save: Callable[[], None]) -> Handler:
    """Save after every turn, even a failed one, so stopping the console loses nothing."""

    def handle(request: Envelope, context: Any) -> Envelope:
        try:
            return handler(request, context)
        finally:
            save()

    return handle


def _permissions(args: argparse.Namespace, api: FakeAlexaApi) -> Permissions:
    """What this caller allowed in earlier runs, in the requests and in Alexa's APIs again."""
    data_dir = args.data_dir or default_data_dir()
    remembered = RememberedPermissions(
        data_dir / PERMISSIONS_FILE, Grantor(user_id=args.user), on_hint=_hint
    )
    known = remembered.load()
    for scope, status in known.items():
        if status == "GRANTED":
            api.grant(scope)
    return Permissions(api.access_token, on_change=_keep_in_step(api, remembered), known=known)


def _keep_in_step(
    api: FakeAlexaApi, remembered: RememberedPermissions
) -> Callable[[str, bool], None]:
    """What the person allows is what Alexa's APIs allow, in this run and the next."""

    def changed(scope: str, granted: bool) -> None:
        if granted:
            api.grant(scope)
        else:
            api.revoke(scope)
        remembered.record(scope, granted=granted)

    return changed


def _positive_seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not (seconds > 0 and math.isfinite(seconds)):
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, not {text!r}")
    return seconds


def _minute(seconds: float) -> str:
    return "a minute" if seconds == 60 else f"{seconds:g} second{'' if seconds == 1 else 's'}"


def _voice(wanted: bool) -> Voice | None:
    if not wanted:
        return None
    voice = Voice.find()
    if voice is None:
        _hint(NO_VOICE)
    return voice


def _hint(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
