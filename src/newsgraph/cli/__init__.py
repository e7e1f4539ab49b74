"""The command line: a thin wrapper over the library functions.

Every command catches newsgraph's own errors and prints them as one line
with a code; no traceback reaches the user (set NEWSGRAPH_DEBUG=1 to see one).
"""
from __future__ import annotations

import os
import sys

import click

from ..errors import NewsgraphError
from . import commands  # noqa: F401  (registers run, articles, export, problems, entities, quotes)
from . import event_commands  # noqa: F401  (registers `events` and `code`)
from . import story_commands  # noqa: F401  (registers `stories`)
from .shared import cli


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="newsgraph", standalone_mode=True)
    except NewsgraphError as exc:
        click.echo(f"newsgraph: error {exc.message}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("newsgraph: interrupted; what was committed is kept, run again to finish", err=True)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("NEWSGRAPH_DEBUG"):
            raise
        click.echo(f"newsgraph: internal error {type(exc).__name__}: {exc} "
                   "(set NEWSGRAPH_DEBUG=1 for a traceback and report it)", err=True)
        sys.exit(3)


__all__ = ["main", "cli"]
