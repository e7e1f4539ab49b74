"""The event commands: `events` lists stored events, `code` codes single sentences."""
from __future__ import annotations

import json
import os
import stat
import sys

import click

from ..errors import NewsgraphError
from ..records import Event, EventWhy
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
@click.option("--why", is_flag=True,
              help="Under each event, every report of it with the rule that coded it, its trigger and how "
                   "its source and target were found (the jsonl format always carries them).")
@format_option()
def events(db, config_file, actor, country, code, root, quad_class, since, until, disputed, article_id,
           limit, why, fmt) -> None:
    """List coded events: date, CAMEO code, source, target, and how many articles tell each."""
    options = build_options(config_file)
    query = EventQuery(actor=actor, country=country, code=code, root=root, quad_class=quad_class,
                       since=since, until=until, disputed=disputed, article_id=article_id, limit=limit)
    with open_store(options.store, db, mode="query") as store:
        found = list(store.iter_events(query))
    if why and fmt == "table":
        for event in found:
            click.echo(explained(event))
        click.echo(f"{len(found)} events", err=True)
        return
    records = [e.to_json() if fmt == "jsonl" else table_row(e) for e in found]
    emit(records, fmt, ["date", "cameo", "plover", "source", "target", "place", "counts",
                         "num_articles", "sentence"])
    click.echo(f"{len(records)} events", err=True)


def explained(event: Event) -> str:
    """An event and, under it, each report with the reasons it was coded so."""
    head = (f"{event.date or '-'}  {event.cameo} {event.plover or ''}  {side_label(event.source)} -> "
            f"{side_label(event.target)}  ({event.num_articles} article{'s' if event.num_articles != 1 else ''})")
    lines = [head]
    for m in event.mentions:
        lines.append(f"  [{m.article_id}] {' '.join(m.sentence.split())}")
        reasons = m.why.lines() if m.why is not None else ["no reasons stored (coded before newsgraph kept them)"]
        lines.extend(f"      {line}" for line in reasons)
    return "\n".join(lines)


@cli.command()
@config_option
@click.option("--in", "in_path", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="JSONL sentences, one {\"id\", \"text\", \"date\"?} per line; - reads standard input.")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="Where to write one {\"id\", \"events\": [...]} line per sentence; - for standard output.")
@actors_option
@verbs_option
@click.option("--explain", is_flag=True,
              help="Also write to standard error, for each event, the rule that coded it, its trigger and how "
                   "its source and target were found (each record's \"why\" says the same).")
def code(config_file, in_path, out_path, actor_files, verb_files, explain) -> None:
    """Code single sentences into CAMEO events, with no article around them.

    The same coder as `run`: each sentence is parsed, its actors resolved and
    its events coded, with the sentence's date as the publication date. Each
    event carries a "why" record: the pattern that fired and where it is written.
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
    # A regular file is written whole or not at all (through a .part file renamed over it);
    # a device or a pipe ("/dev/null", a FIFO) is written straight: renaming over it would
    # replace the device with a file.
    tmp = None if out_path == "-" or not _regular_or_absent(out_path) else out_path + ".part"
    direct = out_path if out_path != "-" and tmp is None else None
    target = tmp or direct
    with source, (sys.stdout if target is None else open(target, "w", encoding="utf-8")) as sink:
        for sid, found in code_sentences(read_sentences(source, in_path, report), options):
            sink.write(json.dumps({"id": sid, "events": found}, ensure_ascii=False) + "\n")
            written += 1
            if explain:
                click.echo(_explained_sentence(sid, found), err=True)
    if tmp is not None:
        os.replace(tmp, out_path)
    click.echo(f"{written} sentences coded" + (f", {len(problems)} lines skipped" if problems else ""), err=True)
    if problems:
        sys.exit(1)


def _regular_or_absent(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return True


def _explained_sentence(sentence_id: str, events: list[dict]) -> str:
    lines = [f"{sentence_id}: {len(events)} event{'s' if len(events) != 1 else ''}"]
    for e in events:
        source, target = (e.get("source") or {}).get("text"), (e.get("target") or {}).get("text")
        lines.append(f"  {e['cameo']} {e.get('plover') or ''}  {source or '-'} -> {target or '-'}")
        why = EventWhy.from_json(e.get("why"))
        lines.extend(f"      {line}" for line in (why.lines() if why is not None else []))
    return "\n".join(lines)
