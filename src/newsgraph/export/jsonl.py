"""JSON Lines export: the five files of the measurement contract."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable

from ..records import Article, GlobalEntity
from ..store import Store

FILES = ("articles", "entities", "events", "quotes", "stories")


def article_record(article: Article) -> dict:
    return {
        "id": article.id,
        "inputs": article.inputs,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "dateline": article.dateline,
        "text": article.text,
        "story_id": article.story_id,
        "url": article.url,
        "format": article.format,
        "retrieved": article.retrieved,
    }


def entity_record(entity: GlobalEntity) -> dict:
    return {"id": entity.id, "name": entity.name, "type": entity.type, "country": entity.country,
            "sector": entity.sector, "aliases": entity.aliases, "actor_id": entity.actor_id,
            "lat": entity.lat, "lon": entity.lon, "mentions": entity.mentions}


def _write(path: Path, records: Iterable[dict]) -> int:
    # Written beside the target and renamed, so a reader never sees half a file.
    tmp = path.with_suffix(path.suffix + ".part")
    count = 0
    with open(tmp, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    os.replace(tmp, path)
    return count


def write_jsonl(store: Store, outdir: Path) -> dict[str, int]:
    outdir.mkdir(parents=True, exist_ok=True)
    counts = {"articles": _write(outdir / "articles.jsonl", map(article_record, store.iter_articles()))}
    counts["entities"] = _write(outdir / "entities.jsonl", map(entity_record, store.iter_entities()))
    counts["quotes"] = _write(outdir / "quotes.jsonl", store.iter_quotes())
    counts["events"] = _write(outdir / "events.jsonl", store.iter_events())
    counts["stories"] = _write(outdir / "stories.jsonl", store.iter_stories())
    return counts
