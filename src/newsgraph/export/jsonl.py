"""JSON Lines export: the five files of the measurement contract."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from ..store import Store
from .files import TEXT_ERRORS, replacing

FILES = ("articles", "entities", "events", "quotes", "stories")


def _write(path: Path, records: Iterable[dict]) -> int:
    # Written beside the target and renamed, so a reader never sees half a file.
    count = 0
    with replacing(path) as tmp, open(tmp, "w", encoding="utf-8", errors=TEXT_ERRORS) as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def write_jsonl(store: Store, outdir: Path) -> dict[str, int]:
    outdir.mkdir(parents=True, exist_ok=True)
    counts = {"articles": _write(outdir / "articles.jsonl", (a.to_json() for a in store.iter_articles()))}
    counts["entities"] = _write(outdir / "entities.jsonl", (e.to_json() for e in store.iter_entities()))
    counts["quotes"] = _write(outdir / "quotes.jsonl", (q.to_json() for q in store.iter_quotes()))
    counts["events"] = _write(outdir / "events.jsonl", (e.to_json() for e in store.iter_events()))
    counts["stories"] = _write(outdir / "stories.jsonl", (s.to_json() for s in store.iter_stories()))
    return counts
