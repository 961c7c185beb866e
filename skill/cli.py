"""The ``wins`` command: one entry point, one subcommand per job.

Each subcommand's module declares its own options (``add_arguments``) and sets ``run``, so
adding a command is one registration line here.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from skill.console import chat
from skill.deploy import command as skill_package
from skill.portable import commands as portable
from skill.web import serve

Registrar = Callable[[argparse.ArgumentParser], None]

COMMANDS: tuple[tuple[str, str, Registrar], ...] = (
    ("chat", "talk to Small Wins in the terminal, as you would to an Echo", chat.add_arguments),
    ("serve", "run Small Wins as a self-hosted web service for Alexa", serve.add_arguments),
    (
        "skill-package",
        "write the skill package ask deploy uploads, with your endpoint and privacy policy",
        skill_package.add_arguments,
    ),
    ("export", "write wins and settings out, as JSON lines or CSV", portable.add_export_arguments),
    ("import", "bring wins from wins export into this store", portable.add_import_arguments),
    (
        "migrate-table",
        "copy the wins table into a new one of this release's shape (the old one is kept)",
        portable.add_migrate_arguments,
    ),
)


def build_parser() -> argparse.ArgumentParser:
    """The ``wins`` parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="wins", description="Small Wins: notice and celebrate the small things you do."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name, summary, register in COMMANDS:
        register(commands.add_parser(name, help=summary, description=summary))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` (default: the command line), run the chosen command, return its status."""
    args = build_parser().parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
