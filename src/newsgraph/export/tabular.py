"""Flat event tables: one row per event, as CSV or as Parquet.

Both formats share the columns of :data:`COLUMNS`: the event's codes, its two actors and
its place spread over ``source_*``, ``target_*`` and ``place_*`` columns, the casualty
counts, ``flags`` and ``article_ids`` joined with ";" (article ids unique, in mention
order) and the first mention's sentence.

CSV follows RFC 4180 (the ``excel`` dialect of the csv module: CRLF line ends, fields
quoted only when they hold a comma, a quote or a line break), so text keeps its tabs,
quotes and line breaks.  Empty cells are nulls; booleans are ``true`` / ``false``.

Parquet is written with an explicit schema (:data:`PARQUET_TYPES`), so an empty export is
still a valid file with every column typed.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from itertools import islice
from pathlib import Path

from ..records import Event, told_date
from .files import TEXT_ERRORS, replacing

_ACTOR = ("entity_id", "text", "country", "sector")
COLUMNS = (
    "id", "date", "date_precision", "period", "cameo", "root", "quad_class", "goldstein", "plover",
    *(f"source_{f}" for f in _ACTOR), *(f"target_{f}" for f in _ACTOR),
    "place_name", "place_country", "place_lat", "place_lon",
    "killed", "injured", "detained", "num_articles", "num_sources", "confidence",
    "flags", "disputed", "article_ids", "sentence",
)

# Parquet type of each column; every other column is a string.  All are nullable.
PARQUET_TYPES = {
    "quad_class": "int32", "goldstein": "float64", "place_lat": "float64",
    "place_lon": "float64", "killed": "int32", "injured": "int32", "detained": "int32",
    "num_articles": "int32", "num_sources": "int32", "confidence": "float64",
    "disputed": "bool",
}

_BATCH = 10_000  # rows per Parquet row group


def _unique(values: Iterable) -> list:
    return list(dict.fromkeys(v for v in values if v is not None))


def event_row(event: Event) -> dict:
    """The flat row of one event record, keyed by :data:`COLUMNS` (None for unknown)."""
    row = {"id": event.id, **told_date(event.date, event.date_precision),
           "cameo": event.cameo, "root": event.root, "quad_class": event.quad_class,
           "goldstein": event.goldstein, "plover": event.plover}
    for side, actor in (("source", event.source), ("target", event.target)):
        row.update({f"{side}_{f}": None if actor is None else getattr(actor, f) for f in _ACTOR})
    place = event.place or {}
    row.update({"place_name": place.get("name"), "place_country": place.get("country"),
                "place_lat": place.get("lat"), "place_lon": place.get("lon")})
    counts = event.counts or {}
    row.update({k: counts.get(k) for k in ("killed", "injured", "detained")})
    mentions = event.mentions or []
    row.update({"num_articles": event.num_articles,
                "num_sources": event.num_sources,
                "confidence": event.confidence,
                "flags": ";".join(event.flags or []),
                "disputed": event.disputed,
                "article_ids": ";".join(_unique(m.article_id for m in mentions)),
                "sentence": mentions[0].sentence if mentions else None})
    return row


def _csv_cell(value) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def write_events_csv(events: Iterable[Event], path: Path) -> int:
    """Write one CSV row per event (header :data:`COLUMNS`) to ``path``; return the count."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with replacing(path) as tmp, open(tmp, "w", encoding="utf-8", errors=TEXT_ERRORS, newline="") as handle:
        writer = csv.writer(handle)  # excel dialect: RFC 4180
        writer.writerow(COLUMNS)
        for event in events:
            row = event_row(event)
            writer.writerow([_csv_cell(row[c]) for c in COLUMNS])
            count += 1
    return count


def parquet_schema():
    """The pyarrow schema of the Parquet export."""
    import pyarrow as pa

    return pa.schema([pa.field(c, pa.type_for_alias(PARQUET_TYPES.get(c, "string")), nullable=True)
                      for c in COLUMNS])


def write_events_parquet(events: Iterable[Event], path: Path) -> int:
    """Write one Parquet row per event to ``path``; return the count.

    Rows are written in row groups of 10,000, so memory does not grow with the export.
    """
    # Imported here: pyarrow is heavy, and only this writer needs it.
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    schema = parquet_schema()
    rows = map(event_row, events)
    count = 0
    with replacing(path) as tmp, pq.ParquetWriter(tmp, schema) as writer:
        while batch := list(islice(rows, _BATCH)):
            try:
                table = pa.Table.from_pylist(batch, schema=schema)
            except UnicodeEncodeError:  # a lone surrogate in some text: U+FFFD, as the text exports
                table = pa.Table.from_pylist([_encodable(row) for row in batch], schema=schema)
            writer.write_table(table)
            count += len(batch)
    return count


def _encodable(row: dict) -> dict:
    return {k: v.encode("utf-8", TEXT_ERRORS).decode("utf-8") if isinstance(v, str) else v
            for k, v in row.items()}
