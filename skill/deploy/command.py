"""``wins skill-package``: check the operator's values, then write what ``ask deploy`` uploads."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import skill
from skill.deploy import checks
from skill.deploy.package import OUT, Deployment, skill_to_deploy, write_package, write_states

CHECKOUT = Path(skill.__file__).resolve().parent.parent


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``wins skill-package``'s options on its subcommand parser."""
    parser.add_argument(
        "--alias-arn",
        required=True,
        help="the stack's WinsFunctionAliasArn output (the function's 'live' alias)",
    )
    parser.add_argument(
        "--privacy-url",
        required=True,
        help="the https address where you published docs/privacy.md",
    )
    parser.add_argument(
        "--skill-id",
        help="the skill's ID (amzn1.ask.skill....); needed once, then kept in .ask/",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=CHECKOUT,
        help="the project folder, where ask-resources.json is (default: this checkout)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write ``build/skill-package/``; 1, with the reason, if any value is refused."""
    root: Path = args.root
    try:
        deployment = Deployment(
            alias_arn=checks.alias_arn(args.alias_arn),
            privacy_url=checks.privacy_url(args.privacy_url),
        )
        given = None if args.skill_id is None else checks.skill_id(args.skill_id)
        states = skill_to_deploy(root, given)
        out = write_package(root, deployment)
    except checks.Refused as refused:
        print(f"Nothing written. {refused}", file=sys.stderr)
        return 1
    skill_id = write_states(root, states)
    print(f"Wrote {out.relative_to(root) if out.is_relative_to(root) else out} for {skill_id}.")
    print(f"Next: `ask deploy` from {root} uploads it (ask-resources.json names {OUT}).")
    return 0
