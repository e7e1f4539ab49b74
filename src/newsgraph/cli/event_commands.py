"""The event commands: `events` lists stored events, `code` codes single sentences."""
from __future__ import annotations

import json
import os
import sys
from typing import Optional

import click

from ..errors import NewsgraphError
from ..sentences import code_sentences, read_sentences
from ..store import EventQuery, open_store
from .commands import _config, _db, _emit, _options, cli

_actors = click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                       help="An actor dictionary (TABARI/PETRARCH .actors/.agents, or newsgraph JSON) used "
                            "beside the built-in knowledge base; repeatable.")


def _side(actor: Optional[dict]) -> str:
    if not actor:
        return ""
    code = (actor.get("country") or "") + (actor.get("sector") or "")
    return f"{actor.get('text')} [{code}]" if code else str(actor.get("text"))


@cli.command()
@_db
@_config
@click.option("--actor", help="Only events with this actor (entity id, or words of its name) on either side.")
@click.option("--country", help="Only events with an actor of this country (ISO 3166 alpha-3) on either side.")
@click.option("--code", help="Only this CAMEO code or its sub-codes (e.g. 04, 041).")
@click.option("--root", help="Only this CAMEO root (01-20).")
@click.option("--quad-class", "quad_class", type=click.IntRange(1, 4),
              help="Only this QuadClass (1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict).")
@click.option("--since", metavar="YYYY-MM-DD", help="Events on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Events on or before this day.")
@click.option("--disputed", is_flag=True, help="Only events whose reports disagree (counts, dates, places).")
@click.option("--article", "article_id", help="Only events told by this article.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True, help="Output format (table is tab-separated).")
def events(db, config_file, actor, country, code, root, quad_class, since, until, disputed, article_id,
           limit, fmt) -> None:
    """List coded events: date, CAMEO code, source, target, and how many articles tell each."""
    options = _options(config_file)
    query = EventQuery(actor=actor, country=country, code=code, root=root, quad_class=quad_class,
                       since=since, until=until, disputed=disputed, article_id=article_id, limit=limit)
    with open_store(options.store, db) as store:
        found = list(store.iter_events(query))
    if fmt == "jsonl":
        records = found
    else:
        records = [{**e, "source": _side(e["source"]), "target": _side(e["target"]),
                    "place": (e["place"] or {}).get("name"),
                    "counts": " ".join(f"{k}={v}" for k, v in sorted(e["counts"].items())),
                    "sentence": e["mentions"][0]["sentence"] if e["mentions"] else ""} for e in found]
    _emit(records, fmt, ["date", "cameo", "plover", "source", "target", "place", "counts",
                         "num_articles", "sentence"])
    click.echo(f"{len(records)} events", err=True)


@cli.command()
@_config
@click.option("--in", "in_path", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="JSONL sentences, one {\"id\", \"text\", \"date\"?} per line; - reads standard input.")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="Where to write one {\"id\", \"events\": [...]} line per sentence; - for standard output.")
@_actors
def code(config_file, in_path, out_path, actor_files) -> None:
    """Code single sentences into CAMEO events, with no article around them.

    The same coder as `run`: each sentence is parsed, its actors resolved and
    its events coded, with the sentence's date as the publication date.
    """
    options = _options(config_file, actor_files)
    problems = []

    def report(message: str) -> None:
        problems.append(message)
        click.echo(f"newsgraph: {message}", err=True)

    try:
        source = sys.stdin if in_path == "-" else open(in_path, encoding="utf-8")
    except OSError as exc:
        raise NewsgraphError("E101", in_path, exc.strerror or "cannot open") from None
    written = 0
    tmp = None if out_path == "-" else out_path + ".part"
    with source, (sys.stdout if tmp is None else open(tmp, "w", encoding="utf-8")) as sink:
        for sid, found in code_sentences(read_sentences(source, in_path, report), options):
            sink.write(json.dumps({"id": sid, "events": found}, ensure_ascii=False) + "\n")
            written += 1
    if tmp is not None:
        os.replace(tmp, out_path)
    click.echo(f"{written} sentences coded" + (f", {len(problems)} lines skipped" if problems else ""), err=True)
    if problems:
        sys.exit(1)
