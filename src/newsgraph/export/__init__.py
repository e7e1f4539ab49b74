"""Exports of the stored graph. Public entry: :func:`export`.

- ``jsonl``: the five files of the measurement contract (articles, entities,
  events, quotes, stories);
- ``gdelt``: GDELT 2.0 Events and Mentions style TSV (``events.tsv``, ``mentions.tsv``);
- ``csv`` and ``parquet``: one flat row per event (``events.csv``, ``events.parquet``);
- ``graphml``: actors as nodes, events as edges (``events.graphml``; opens in Gephi).
"""
from __future__ import annotations

from pathlib import Path

from ..store import Store
from .files import write_set
from .gdelt import write_gdelt_mentions_tsv, write_gdelt_tsv
from .graphml import write_graphml
from .jsonl import write_jsonl
from .tabular import write_events_csv, write_events_parquet


def _articles(store: Store) -> dict[str, dict]:
    return {a.id: {"url": a.url, "published": a.published, "outlet": a.outlet, "title": a.title}
            for a in store.iter_articles()}


def _gdelt(store: Store, outdir: Path) -> dict[str, int]:
    events, articles = list(store.iter_events()), _articles(store)
    return {"events": write_gdelt_tsv(events, articles, outdir / "events.tsv"),
            "mentions": write_gdelt_mentions_tsv(events, articles, outdir / "mentions.tsv")}


def _csv(store: Store, outdir: Path) -> dict[str, int]:
    return {"events": write_events_csv(store.iter_events(), outdir / "events.csv")}


def _parquet(store: Store, outdir: Path) -> dict[str, int]:
    return {"events": write_events_parquet(store.iter_events(), outdir / "events.parquet")}


def _graphml(store: Store, outdir: Path) -> dict[str, int]:
    return {"events": write_graphml(store.iter_events(), outdir / "events.graphml")}


FORMATS = {"jsonl": write_jsonl, "gdelt": _gdelt, "csv": _csv, "parquet": _parquet, "graphml": _graphml}


def export(store: Store, fmt: str, outdir: str | Path) -> dict[str, int]:
    """Write the store in ``fmt`` into ``outdir``; return the record count per file.

    The files are written as a set (see :func:`files.write_set`): all of them into a
    temporary folder beside ``outdir``, then moved into place; a failure is E801.
    """
    writer = FORMATS[fmt]
    return write_set(outdir, lambda folder: writer(store, folder))


__all__ = ["export", "FORMATS"]
