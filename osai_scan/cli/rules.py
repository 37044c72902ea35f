"""``osai-scan rules validate DIR``: check a rules folder, naming the file and line of each error."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.group()
def rules() -> None:
    """Work with rules folders (classification, licenses, profiles, findings)."""


@rules.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(paths: tuple[Path, ...]) -> None:
    """Check rules folders (or profile files) PATHS merged over the built-in rules.

    Every error is printed as FILE:LINE: MESSAGE; the exit code is 2 when there is any.
    """
    from ..errors import RuleError
    from ..ruleset import RuleSet, builtin_rules_dir, split_rule_paths

    try:
        dirs, files = split_rule_paths(paths)
    except RuleError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    builtin = builtin_rules_dir().resolve()
    ruleset = RuleSet([builtin, *(d for d in dirs if d.resolve() != builtin)], files, collect=True)
    checked = len(set(ruleset._files))  # noqa: SLF001 - the files the rule set read
    for error in ruleset.problems.errors:
        click.echo(str(error))
    if ruleset.problems.errors:
        click.echo(f"{len(ruleset.problems.errors)} error(s) in {checked} rules file(s).", err=True)
        sys.exit(2)
    click.echo(f"OK: {checked} rules file(s) checked, {len(ruleset.profiles)} profile(s): "
               f"{', '.join(sorted(ruleset.profiles))}.")
