"""The commands. Each one parses its options, calls the library, and prints."""
from __future__ import annotations

import csv
import sys
from typing import Optional

import click

from .. import pipeline
from ..export import FORMATS
from ..export import export as export_store
from ..store import ArticleQuery, EntityQuery, QuoteQuery, open_store
from .progress import progress_reporter
from .shared import (actors_option, build_options, cli, config_option, db_option, emit, format_option,
                     report_verb_problems, verbs_option)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@config_option
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when stderr is a terminal).")
@actors_option
@verbs_option
def run(paths: tuple[str, ...], db: Optional[str], config_file: Optional[str],
        progress: Optional[bool], actor_files: tuple[str, ...], verb_files: tuple[str, ...]) -> None:
    """Run the pipeline on PATHS (files, folders, or - for standard input).

    Reads .txt, .html/.htm, .jsonl, .xml/.rss/.atom feeds and .warc archives,
    each optionally gzipped, and adds what it finds to the database. Running it
    again on the same inputs changes nothing. Bad inputs are reported one line
    each; the run goes on and exits with status 1 at the end.
    """
    options = build_options(config_file, actor_files, verb_files)
    report_verb_problems(options)
    show = options.run.progress and sys.stderr.isatty() if progress is None else progress
    with open_store(options.store, db) as store, progress_reporter(show) as advance:
        report = pipeline.run(
            paths, options, store,
            on_problem=lambda p: click.echo(f"newsgraph: {p}", err=True),
            on_progress=advance,
        )
        total = store.count_articles()
        where = getattr(store, "path", db or options.store.path)
    click.echo(f"{report.summary()}. The database {where} holds {total} articles.", err=True)
    if report.failed:
        sys.exit(1)


@cli.command()
@db_option
@config_option
@click.option("--outlet", help="Only articles of this outlet (case-insensitive).")
@click.option("--since", metavar="YYYY-MM-DD", help="Published on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Published on or before this day.")
@click.option("--search", "-s", metavar="QUERY", help="Full-text search (SQLite FTS5 syntax).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many articles.")
@format_option("Output format.")
def articles(db, config_file, outlet, since, until, search, limit, fmt) -> None:
    """List stored articles, filtered by outlet, date range or full text."""
    options = build_options(config_file)
    query = ArticleQuery(outlet=outlet, since=since, until=until, search=search, limit=limit)
    with open_store(options.store, db, mode="query") as store:
        records = [a.to_json() for a in store.iter_articles(query)]
    if fmt == "jsonl":
        emit(records, fmt, [])
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        columns = ["id", "published", "outlet", "title", "dateline", "inputs", "words"]
        writer.writerow(columns)
        for r in records:
            writer.writerow([r["id"], r["published"] or "", r["outlet"] or "", r["title"] or "",
                             r["dateline"] or "", ";".join(r["inputs"]), len(r["text"].split())])
    else:
        _table(records)


def _table(records: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not console.is_terminal:
        console = Console(width=150)  # piped output: wide rows rather than wrapped cells
    table = Table(show_lines=False, pad_edge=False)
    table.add_column("id", no_wrap=True, min_width=16)
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("outlet", no_wrap=True, max_width=22, overflow="ellipsis")
    table.add_column("dateline", no_wrap=True, max_width=14, overflow="ellipsis")
    table.add_column("title (or first words)", no_wrap=True, overflow="ellipsis", max_width=64)
    table.add_column("words", justify="right")
    table.add_column("inputs", justify="right")
    for r in records:
        heading = r["title"] or " ".join(r["text"].split()[:12]) + " ..."
        table.add_row(r["id"], r["published"] or "-", r["outlet"] or "-", r["dateline"] or "-",
                      heading, str(len(r["text"].split())), str(len(r["inputs"])))
    console.print(table)
    click.echo(f"{len(records)} articles", err=True)


@cli.command()
@db_option
@config_option
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="jsonl",
              show_default=True, help="Export format.")
@click.argument("outdir", type=click.Path(file_okay=False))
def export(db, config_file, fmt, outdir) -> None:
    """Write the database to OUTDIR: articles, entities, events, quotes, stories."""
    options = build_options(config_file)
    with open_store(options.store, db, mode="query") as store:
        counts = export_store(store, fmt, outdir)
    click.echo(", ".join(f"{n} {name}" for name, n in counts.items()) + f" written to {outdir}",
               err=True)


@cli.command()
@db_option
@config_option
def problems(db, config_file) -> None:
    """List the inputs that could not be read in earlier runs, with the cause."""
    options = build_options(config_file)
    with open_store(options.store, db, mode="query") as store:
        items = store.problems()
    for item in items:
        click.echo(str(item))
    click.echo(f"{len(items)} problems", err=True)


@cli.command()
@db_option
@config_option
@click.option("--type", "entity_type", help="Only entities of this type (PERSON, ORG, GPE, ...).")
@click.option("--country", help="Only entities of this country (ISO 3166 alpha-3).")
@click.option("--name", help="Only entities whose name or an alias contains this (case-insensitive).")
@click.option("--min-mentions", type=click.IntRange(min=0), default=0, help="At least this many mentions.")
@format_option()
def entities(db, config_file, entity_type, country, name, min_mentions, fmt) -> None:
    """List canonical entities with their aliases and how often they are mentioned."""
    options = build_options(config_file)
    query = EntityQuery(type=entity_type, country=country, name=name, min_mentions=min_mentions)
    with open_store(options.store, db, mode="query") as store:
        found = list(store.iter_entities(query))
    records = []
    for e in found:
        record = e.to_json()
        if fmt != "jsonl":
            record = {**record, "aliases": "; ".join(e.aliases), "mentions": e.num_mentions,
                      "articles": len({m.article_id for m in e.mentions})}
        records.append(record)
    emit(records, fmt, ["id", "name", "type", "country", "sector", "mentions", "articles", "aliases"])
    click.echo(f"{len(records)} entities", err=True)


@cli.command()
@db_option
@config_option
@click.option("--speaker", help="Only quotes whose speaker (entity name or text) contains this.")
@click.option("--article", "article_id", help="Only quotes of this article id.")
@click.option("--kind", type=click.Choice(["direct", "indirect", "partial"]), help="Only this kind.")
@format_option()
def quotes(db, config_file, speaker, article_id, kind, fmt) -> None:
    """List quotes with their speakers and reporting verbs."""
    options = build_options(config_file)
    with open_store(options.store, db, mode="query") as store:
        found = list(store.iter_quotes(QuoteQuery(speaker=speaker, article_id=article_id, kind=kind)))
    records = [q.to_json() if fmt == "jsonl" else {**q.to_json(), "speaker": q.speaker_name} for q in found]
    emit(records, fmt, ["article_id", "kind", "speaker", "cue", "text"])
    click.echo(f"{len(records)} quotes", err=True)
