"""``wins serve``: Small Wins as a self-hosted web service for Alexa, under waitress.

Waitress is a production WSGI server in pure Python (it runs as well on a Raspberry Pi as on
a server) with a fixed pool of worker threads. Wins are kept where ``wins chat`` keeps them:
SQLite in the data folder by default, or a real DynamoDB table with ``--table``.
Alexa only calls HTTPS on port 443 with a trusted certificate, so in production this listens
on loopback behind a reverse proxy or tunnel that terminates TLS.
"""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from skill.entry import SKILL_ID_ENV, configure_logging
from skill.logs import LogKeyError, installation_key, key_from_environment, use_key
from skill.storage.errors import StoreSetupError
from skill.storage.opening import StoreSettings, default_data_dir, open_store
from skill.web.config import HEALTH_PATH, PLAIN_PATH, WebConfig

if TYPE_CHECKING:
    from flask import Flask

logger = logging.getLogger(__name__)

DEFAULT_HOST: Final = "127.0.0.1"
DEFAULT_PORT: Final = 8080
# Each request mostly waits on DynamoDB or Alexa's APIs; a few threads keep a household's
# requests flowing without crowding a small machine.
DEFAULT_THREADS: Final = 4
INSECURE_WARNING: Final = """
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
!! REQUEST VERIFICATION IS OFF (--insecure-skip-verification).
!! Requests are NOT checked for Alexa's signature or a fresh timestamp: anyone who can
!! reach this port can log wins and hear them back as any user. Use this only with local
!! testing tools, never where Alexa or the internet can reach it.
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"""

Adjust = Callable[[WebConfig], WebConfig]

_MISSING_WEB: Final = (
    "the web service needs the web extra, which is not installed: pip install -e '.[local,web]'"
)


class ServeError(Exception):
    """``wins serve`` cannot start; the message says what to do."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``wins serve``'s options on its subcommand parser."""
    parser.add_argument(
        "--host", default=DEFAULT_HOST, help=f"address to listen on ({DEFAULT_HOST})"
    )
    parser.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help=f"port to listen on ({DEFAULT_PORT})"
    )
    parser.add_argument("--path", type=_path, default="/", help="the skill's URL path (/)")
    parser.add_argument(
        "--skill-id",
        metavar="ID",
        help=f"the only skill ID whose requests are answered (default: ${SKILL_ID_ENV}); "
        "required unless --insecure-skip-verification",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="the folder of the SQLite file that keeps the wins (as for wins chat)",
    )
    parser.add_argument(
        "--table",
        metavar="NAME",
        help="use this existing DynamoDB table instead of the embedded store; endpoint, region "
        "and credentials come from the usual AWS settings",
    )
    parser.add_argument(
        "--threads",
        type=_positive_int,
        default=DEFAULT_THREADS,
        help=f"worker threads ({DEFAULT_THREADS})",
    )
    parser.add_argument(
        "--insecure-skip-verification",
        action="store_true",
        help="accept requests without checking Alexa's signature and timestamp; only for local "
        "testing tools, never where Alexa or the internet can reach the server",
    )
    parser.add_argument(
        "--insecure-listen-beyond-loopback",
        action="store_true",
        help="with --insecure-skip-verification, allow a --host other than loopback; anyone "
        "who can reach it can read and delete everyone's wins",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, *, adjust: Adjust | None = None) -> int:
    """Serve until Ctrl-C; return the process exit status.

    ``adjust`` changes the settings before the app is built; tests use it to stand in for
    Amazon's certificates. The command line never sets it.
    """
    _configure_logging()
    try:
        with contextlib.ExitStack() as stack:
            app, where = prepare(args, stack, adjust)
            _serve(app, args, where)
    except (ServeError, StoreSetupError) as exc:
        print(f"wins serve: {exc}", file=sys.stderr)
        return 2
    return 0


def prepare(
    args: argparse.Namespace, stack: contextlib.ExitStack, adjust: Adjust | None = None
) -> tuple[Flask, str]:
    """The app over the chosen store, and where wins are kept; the store closes with ``stack``."""
    try:  # only now: the other commands must work without the web extra installed
        from skill.web.factory import create_app
    except ImportError as exc:
        raise ServeError(_MISSING_WEB) from exc
    skill_id = args.skill_id or os.environ.get(SKILL_ID_ENV) or None
    if args.insecure_skip_verification:
        _refuse_unverified_beyond_loopback(args)
        logger.warning(INSECURE_WARNING)
    elif not skill_id:
        raise ServeError(
            f"a skill ID is required: pass --skill-id or set {SKILL_ID_ENV} "
            "(Alexa developer console: Build, Endpoint)"
        )
    if not args.table and os.environ.get("AWS_ENDPOINT_URL_DYNAMODB"):
        logger.warning(
            "AWS_ENDPOINT_URL_DYNAMODB is set but --table is not: using the embedded store."
        )
    from skill.portable.importing import undo_stopped_import

    settings = StoreSettings.for_options(args.table, args.data_dir)
    opened = open_store(settings, stack)
    said = undo_stopped_import(opened.store, settings)  # never serve half an import
    if said:
        logger.warning("%s", said)
    _use_pseudonym_key(args.data_dir)
    config = WebConfig(
        store=opened.store,
        skill_id=skill_id,
        path=args.path,
        insecure_skip_verification=args.insecure_skip_verification,
    )
    return create_app(adjust(config) if adjust else config), opened.where


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or ``localhost``) only reaches this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a name: it may resolve anywhere
        return False


def _refuse_unverified_beyond_loopback(args: argparse.Namespace) -> None:
    if is_loopback(args.host) or args.insecure_listen_beyond_loopback:
        return
    raise ServeError(
        f"refusing to listen on {args.host} without request verification: anyone who can "
        "reach it could act as any user. Listen on 127.0.0.1, or add "
        "--insecure-listen-beyond-loopback if you really mean it"
    )


def _serve(app: Flask, args: argparse.Namespace, where: str) -> None:
    from waitress.server import create_server

    from skill.web.limits import waitress_options

    try:
        server = create_server(
            app, host=args.host, port=args.port, **waitress_options(args.threads)
        )
    except OSError as exc:
        raise ServeError(f"cannot listen on {args.host}:{args.port}: {exc}") from exc
    try:
        logger.info("Wins are kept in %s.", where)
        server.print_listen(f"Small Wins is listening on http://{{}}:{{}}{args.path}")
        server.run()  # until Ctrl-C: waitress stops its threads and returns
    finally:
        server.close()
    logger.info("Stopped.")


def _use_pseudonym_key(data_dir: Path | None) -> None:
    """People are named in the log by pseudonyms keyed with ``$WINS_LOG_KEY``, else with the
    data folder's ``log-key``, made on first use (``skill.logs``)."""
    try:
        use_key(key_from_environment() or installation_key(data_dir or default_data_dir()))
    except (LogKeyError, OSError) as exc:
        raise ServeError(f"the key for log pseudonyms cannot be used: {exc}") from exc


def _configure_logging() -> None:
    """Log to standard error at ``$LOG_LEVEL`` (INFO), as the Lambda does, AWS libraries quiet.

    Left alone when the embedding program (or a test runner) has set logging up already.
    """
    if logging.getLogger().handlers:
        return
    logging.basicConfig(format="%(asctime)s %(levelname)s %(message)s")
    configure_logging(os.environ.get("LOG_LEVEL", "INFO"))


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            f"expected a port number (0 for any free one), not {text!r}"
        )
    return port


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, not {text!r}")
    return value


def _path(text: str) -> str:
    # Plain characters only: Flask reads "<...>" in a route as a variable, and the skill's
    # view takes none, so such a path would turn every request into a server error.
    if not PLAIN_PATH.fullmatch(text) or text == HEALTH_PATH:
        raise argparse.ArgumentTypeError(
            f"expected a path of letters, digits and . _ ~ - / starting with / "
            f"(other than {HEALTH_PATH}), not {text!r}"
        )
    return text
