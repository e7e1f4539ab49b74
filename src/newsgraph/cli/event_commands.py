"""The event commands: `events` lists stored events, `code` codes single sentences."""
from __future__ import annotations

import json
import os
import sys

import click

from ..errors import NewsgraphError
from ..records import Event
from ..sentences import code_sentences, read_sentences
from ..store import EventQuery, open_store
from .shared import (actors_option, build_options, cli, config_option, db_option, emit, format_option,
                     report_verb_problems, side_label, verbs_option)


def table_row(event: Event) -> dict:
    """An event as one line of the `events` table: sides and place as words, counts as k=v."""
    return {**event.to_json(), "source": side_label(event.source), "target": side_label(event.target),
            "place": (event.place or {}).get("name"),
            "counts": " ".join(f"{k}={v}" for k, v in sorted(event.counts.items())),
            "sentence": event.mentions[0].sentence if event.mentions else ""}


@cli.command()
@db_option
@config_option
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
@format_option()
def events(db, config_file, actor, country, code, root, quad_class, since, until, disputed, article_id,
           limit, fmt) -> None:
    """List coded events: date, CAMEO code, source, target, and how many articles tell each."""
    options = build_options(config_file)
    query = EventQuery(actor=actor, country=country, code=code, root=root, quad_class=quad_class,
                       since=since, until=until, disputed=disputed, article_id=article_id, limit=limit)
    with open_store(options.store, db, mode="query") as store:
        found = list(store.iter_events(query))
    records = [e.to_json() if fmt == "jsonl" else table_row(e) for e in found]
    emit(records, fmt, ["date", "cameo", "plover", "source", "target", "place", "counts",
                         "num_articles", "sentence"])
    click.echo(f"{len(records)} events", err=True)


@cli.command()
@config_option
@click.option("--in", "in_path", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="JSONL sentences, one {\"id\", \"text\", \"date\"?} per line; - reads standard input.")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="Where to write one {\"id\", \"events\": [...]} line per sentence; - for standard output.")
@actors_option
@verbs_option
def code(config_file, in_path, out_path, actor_files, verb_files) -> None:
    """Code single sentences into CAMEO events, with no article around them.

    The same coder as `run`: each sentence is parsed, its actors resolved and
    its events coded, with the sentence's date as the publication date.
    """
    options = build_options(config_file, actor_files, verb_files)
    report_verb_problems(options)
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
