"""The command line: a thin wrapper over the library functions.

Every command catches newsgraph's own errors and prints them as one line
with a code; no traceback reaches the user (set NEWSGRAPH_DEBUG=1 to see one).

Ctrl-C (SIGINT) and SIGTERM stop a command with one line and status 128 + the
signal's number: 130 for SIGINT, 143 for SIGTERM, as a shell reports them. A
run keeps every batch it committed (the batch under way is rolled back by its
transaction), so running it again finishes the rest.
"""
from __future__ import annotations

import os
import signal
import sys

import click

from ..errors import NewsgraphError
from . import commands  # noqa: F401  (registers run, articles, export, problems, entities, quotes)
from . import event_commands  # noqa: F401  (registers `events` and `code`)
from . import story_commands  # noqa: F401  (registers `stories`)
from .shared import cli


class _Stopped(BaseException):
    """A stop signal, raised where the main thread is. Not a KeyboardInterrupt, which
    click's standalone mode turns into "Aborted!" and status 1 before main() sees it;
    and not an Exception, which stages catch to go on with the next input."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _stop(signum, _frame) -> None:
    raise _Stopped(signum)


def main(argv: list[str] | None = None) -> None:
    previous = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            previous[signum] = signal.signal(signum, _stop)
        except ValueError:  # not the main thread (main() called from a thread): leave them
            break
    try:
        cli.main(args=argv, prog_name="newsgraph", standalone_mode=True)
    except _Stopped as stopped:
        for signum in previous:  # a second Ctrl-C while the transaction rolls back is not a traceback
            signal.signal(signum, signal.SIG_IGN)
        click.echo("newsgraph: interrupted; what was committed is kept, run again to finish", err=True)
        sys.exit(128 + stopped.signum)
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
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


__all__ = ["main", "cli"]
