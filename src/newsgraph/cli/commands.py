"""The commands. Each one parses its options, calls the library, and prints."""
from __future__ import annotations

import csv
import json
import sys
from typing import Optional

import click

from .. import pipeline
from ..config import Options, load_options
from ..export import FORMATS
from ..export import export as export_store
from ..export.jsonl import article_record, entity_record
from ..store import ArticleQuery, open_store
from .progress import progress_reporter

_db = click.option("--db", "db", metavar="FILE", default=None,
                   help="Database file (default: store.path in the config, newsgraph.db).")
_config = click.option("--config", "config_file", metavar="FILE", default=None,
                       type=click.Path(dir_okay=False),
                       help="A TOML file whose keys override the packaged defaults.")


def _options(config_file: Optional[str], actor_files: tuple[str, ...] = ()) -> Options:
    if not actor_files:
        return load_options(config_file)
    base = load_options(config_file)
    files = [*base.nlp.actor_files, *(str(f) for f in actor_files)]
    return load_options(config_file, overrides={"nlp": {"actor_files": files}})


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsgraph")
def cli() -> None:
    """newsgraph: turn news articles into a sourced knowledge graph.

    Read articles with `run`, look at them with `articles`, and write them out
    with `export`. Every command has its own --help.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_db
@_config
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when stderr is a terminal).")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="An actor dictionary (TABARI/PETRARCH .actors/.agents, or newsgraph JSON) used beside "
                   "the built-in knowledge base; repeatable.")
def run(paths: tuple[str, ...], db: Optional[str], config_file: Optional[str],
        progress: Optional[bool], actor_files: tuple[str, ...]) -> None:
    """Run the pipeline on PATHS (files, folders, or - for standard input).

    Reads .txt, .html/.htm, .jsonl, .xml/.rss/.atom feeds and .warc archives,
    each optionally gzipped, and adds what it finds to the database. Running it
    again on the same inputs changes nothing. Bad inputs are reported one line
    each; the run goes on and exits with status 1 at the end.
    """
    options = _options(config_file, actor_files)
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
@_db
@_config
@click.option("--outlet", help="Only articles of this outlet (case-insensitive).")
@click.option("--since", metavar="YYYY-MM-DD", help="Published on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Published on or before this day.")
@click.option("--search", "-s", metavar="QUERY", help="Full-text search (SQLite FTS5 syntax).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many articles.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True, help="Output format.")
def articles(db, config_file, outlet, since, until, search, limit, fmt) -> None:
    """List stored articles, filtered by outlet, date range or full text."""
    options = _options(config_file)
    query = ArticleQuery(outlet=outlet, since=since, until=until, search=search, limit=limit)
    with open_store(options.store, db) as store:
        records = [article_record(a) for a in store.iter_articles(query)]
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
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
@_db
@_config
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="jsonl",
              show_default=True, help="Export format.")
@click.argument("outdir", type=click.Path(file_okay=False))
def export(db, config_file, fmt, outdir) -> None:
    """Write the database to OUTDIR: articles, entities, events, quotes, stories."""
    options = _options(config_file)
    with open_store(options.store, db) as store:
        counts = export_store(store, fmt, outdir)
    click.echo(", ".join(f"{n} {name}" for name, n in counts.items()) + f" written to {outdir}",
               err=True)


@cli.command()
@_db
@_config
def problems(db, config_file) -> None:
    """List the inputs that could not be read in earlier runs, with the cause."""
    options = _options(config_file)
    with open_store(options.store, db) as store:
        items = store.problems()
    for item in items:
        click.echo(str(item))
    click.echo(f"{len(items)} problems", err=True)


def _emit(records: list[dict], fmt: str, columns: list[str]) -> None:
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    rows = [["" if record.get(c) is None else str(record.get(c)) for c in columns] for record in records]
    if fmt == "table":  # tab-separated, one line per record, for reading and for cut/sort
        click.echo("\t".join(columns))
        for row in rows:
            click.echo("\t".join(" ".join(cell.split()) for cell in row))
        return
    writer = csv.writer(sys.stdout)
    writer.writerow(columns)
    writer.writerows(rows)


@cli.command()
@_db
@_config
@click.option("--type", "entity_type", help="Only entities of this type (PERSON, ORG, GPE, ...).")
@click.option("--country", help="Only entities of this country (ISO 3166 alpha-3).")
@click.option("--name", help="Only entities whose name or an alias contains this (case-insensitive).")
@click.option("--min-mentions", type=click.IntRange(min=0), default=0, help="At least this many mentions.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True, help="Output format (table is tab-separated).")
def entities(db, config_file, entity_type, country, name, min_mentions, fmt) -> None:
    """List canonical entities with their aliases and how often they are mentioned."""
    options = _options(config_file)
    with open_store(options.store, db) as store:
        found = list(store.iter_entities())
    records = []
    for e in found:
        if entity_type and e.type != entity_type.upper():
            continue
        if country and (e.country or "") != country.upper():
            continue
        if name and not any(name.casefold() in n.casefold() for n in [e.name, *e.aliases]):
            continue
        if len(e.mentions) < min_mentions:
            continue
        record = entity_record(e)
        if fmt != "jsonl":
            record = {**record, "aliases": "; ".join(e.aliases), "mentions": len(e.mentions),
                      "articles": len({m["article_id"] for m in e.mentions})}
        records.append(record)
    _emit(records, fmt, ["id", "name", "type", "country", "sector", "mentions", "articles", "aliases"])
    click.echo(f"{len(records)} entities", err=True)


@cli.command()
@_db
@_config
@click.option("--speaker", help="Only quotes whose speaker (entity name or text) contains this.")
@click.option("--article", "article_id", help="Only quotes of this article id.")
@click.option("--kind", type=click.Choice(["direct", "indirect", "partial"]), help="Only this kind.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True, help="Output format (table is tab-separated).")
def quotes(db, config_file, speaker, article_id, kind, fmt) -> None:
    """List quotes with their speakers and reporting verbs."""
    options = _options(config_file)
    with open_store(options.store, db) as store:
        names = {e.id: e.name for e in store.iter_entities(with_mentions=False)}
        found = list(store.iter_quotes())
    records = []
    for q in found:
        who = q["speaker"] or {}
        who_name = names.get(who.get("entity_id")) or who.get("text") or ""
        if speaker and speaker.casefold() not in who_name.casefold():
            continue
        if (article_id and q["article_id"] != article_id) or (kind and q["kind"] != kind):
            continue
        records.append(q if fmt == "jsonl" else {**q, "speaker": who_name})
    _emit(records, fmt, ["article_id", "kind", "speaker", "cue", "text"])
    click.echo(f"{len(records)} quotes", err=True)
