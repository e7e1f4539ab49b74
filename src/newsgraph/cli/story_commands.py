"""The `stories` command: the articles that report one event, grouped by the fuse stage."""
from __future__ import annotations

import click

from ..records import Event
from ..store import StoryQuery, open_store
from .shared import (build_options, cli, config_option, day, db_option, emit, format_option, side_label,
                     tsv_line)

COLUMNS = ["id", "num_articles", "num_sources", "first_published", "last_published", "title", "num_events"]
EVENT_COLUMNS = ["date", "cameo", "source", "target", "num_articles"]
HEADING_CHARS = 80


def _heading(titles: list[str], first_text: str) -> str:
    if titles:
        return titles[0]
    words = " ".join(first_text.split())
    if len(words) <= HEADING_CHARS:
        return words
    return words[:HEADING_CHARS].rsplit(" ", 1)[0] + " ..."


def _event_order(event: Event) -> tuple:
    return (event.date is None, event.date or "", event.cameo, event.id)


@cli.command()
@db_option
@config_option
@click.option("--min-articles", "min_articles", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only stories told by at least this many articles.")
@click.option("--outlet", help="Only stories with an article of this outlet (case-insensitive).")
@click.option("--since", metavar="YYYY-MM-DD", callback=day,
              help="Only stories with an article published on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", callback=day,
              help="Only stories with an article published on or before this day.")
@click.option("--article", "article_id", metavar="ID", help="Only the story of this article.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many stories.")
@click.option("--events/--no-events", "with_events", default=False, show_default=True,
              help="Also list each story's events: indented lines under it in the table, an \"events\" "
                   "list in jsonl (csv keeps one row per story).")
@format_option()
def stories(db, config_file, min_articles, outlet, since, until, article_id, limit, with_events, fmt) -> None:
    """List stories: the articles that report the same event, with their outlets, dates and events.

    Largest stories first, then the latest. The title is the first article
    title of the story, or the first words of its first article.
    """
    options = build_options(config_file)
    query = StoryQuery(min_articles=min_articles, outlet=outlet, since=since, until=until,
                       article_id=article_id, limit=limit)
    with open_store(options.store, db, mode="query") as store:
        found = list(store.iter_stories(query))
        # one pass over all events beats one query per article when stories are many
        events = {e.id: e for e in store.iter_events()} if with_events and found else {}
        first_texts = {} if fmt == "jsonl" else {
            s.id: store.article_text(s.article_ids[0]) for s in found if not s.titles}
    records, story_events = [], []
    for story in found:
        record = story.to_json()
        told = sorted((events[e] for e in story.event_ids if e in events), key=_event_order)
        if with_events:
            record["events"] = [e.to_json() for e in told]
        if fmt != "jsonl":
            record.update(title=_heading(story.titles, first_texts.get(story.id, "")),
                          num_events=len(story.event_ids))
        records.append(record)
        story_events.append(told)
    if fmt == "table" and with_events:
        click.echo("\t".join(COLUMNS))
        for record, told in zip(records, story_events):
            click.echo(tsv_line([record[c] for c in COLUMNS]))
            for event in told:
                row = {**event.to_json(), "source": side_label(event.source), "target": side_label(event.target)}
                click.echo("  " + tsv_line([row[c] for c in EVENT_COLUMNS]))
    else:
        emit(records, fmt, COLUMNS)
    click.echo(f"{len(records)} stories", err=True)
