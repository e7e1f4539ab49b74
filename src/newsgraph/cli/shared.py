"""What every command shares: the command group, the common options, output helpers.

As spaCy's ``cli/_util.py`` and sqlite-utils' shared decorators: a command
module imports the group and its options from here, never from another
command module.
"""
from __future__ import annotations

import csv
import datetime
import json
import sys
from typing import Optional

import click

from ..config import Options, load_options
from ..errors import describe
from ..records import EventActor


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsgraph")
def cli() -> None:
    """newsgraph: turn news articles into a sourced knowledge graph.

    Read articles with `run`, look at them with `articles`, and write them out
    with `export`. Every command has its own --help.
    """


db_option = click.option("--db", "db", metavar="FILE", default=None,
                         help="Database file (default: store.path in the config, newsgraph.db). `run` creates it; "
                              "the other commands read an existing one and never change it.")
config_option = click.option("--config", "config_file", metavar="FILE", default=None,
                             type=click.Path(dir_okay=False),
                             help="A TOML file whose keys override the packaged defaults.")
actors_option = click.option(
    "--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="An actor dictionary (TABARI/PETRARCH .actors/.agents, or newsgraph JSON) used beside the built-in "
         "knowledge base; repeatable.")
verbs_option = click.option(
    "--verbs", "verb_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="A TABARI/PETRARCH verb dictionary (e.g. PETRARCH2's CAMEO.2.0.txt) whose patterns code events beside "
         "the built-in lexicon, after [events] verb_files; repeatable. Bad lines are skipped with a W701 warning.")
limit_option = click.option("--limit", type=click.IntRange(min=1), help="At most this many records.")


def format_option(help_text: str = "Output format (table is tab-separated)."):
    return click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
                        show_default=True, help=help_text)


def build_options(config_file: Optional[str], actor_files: tuple[str, ...] = (),
                  verb_files: tuple[str, ...] = ()) -> Options:
    """The options of one command: packaged defaults, the user's file, then ``--actors`` and
    ``--verbs`` files after the configured ones."""
    if not actor_files and not verb_files:
        return load_options(config_file)
    base = load_options(config_file)
    overrides: dict = {}
    if actor_files:
        overrides["nlp"] = {"actor_files": [*base.nlp.actor_files, *(str(f) for f in actor_files)]}
    if verb_files:
        overrides["events"] = {"verb_files": [*base.events.verb_files, *(str(f) for f in verb_files)]}
    return load_options(config_file, overrides=overrides)


def report_verb_problems(options: Options) -> int:
    """Print each bad line of the verb dictionaries as a warning; how many there were."""
    if not options.events.enabled or not options.events.verb_files:
        return 0
    from ..kb.petrarch_verbs import load_verb_dictionaries

    problems = load_verb_dictionaries(tuple(options.events.verb_files)).problems
    for problem in problems:
        click.echo(f"newsgraph: {problem}", err=True)
    for code in sorted({p.code for p in problems}):
        count = sum(p.code == code for p in problems)
        click.echo(f"newsgraph: {count} verb dictionary line(s) {code}: {describe(code)}", err=True)
    return len(problems)


def side_label(actor: Optional[EventActor]) -> str:
    """An event's side as tables show it: 'Ada Brink [NLDGOV]', empty for no side."""
    return "" if actor is None else actor.label()


def day(ctx, param, value: Optional[str]) -> Optional[str]:
    """A click callback for whole days only: the store compares dates as text, where "2024-03"
    would sort before every March day."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a day written YYYY-MM-DD") from None


def tsv_line(cells: list) -> str:
    """One table line: tab-separated, whitespace inside a cell collapsed, None as empty."""
    return "\t".join(" ".join(("" if cell is None else str(cell)).split()) for cell in cells)


def emit(records: list[dict], fmt: str, columns: list[str]) -> None:
    """Print ``records``: one JSON object a line, a tab-separated table, or CSV of ``columns``."""
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    rows = [[record.get(c) for c in columns] for record in records]
    if fmt == "table":  # one line per record, for reading and for cut/sort
        click.echo("\t".join(columns))
        for row in rows:
            click.echo(tsv_line(row))
        return
    writer = csv.writer(sys.stdout)
    writer.writerow(columns)
    writer.writerows([["" if cell is None else str(cell) for cell in row] for row in rows])
