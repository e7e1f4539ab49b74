"""Writing and reading stories, their features and near-duplicates (SQLite)."""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Iterator

import numpy as np

from ..records import Story, StoryFeatures, UnsignedArticle
from .base import StoryQuery

_NEAR = "SELECT article_id, other_id FROM near_duplicates"


def pending_articles(conn: sqlite3.Connection) -> tuple[list[StoryFeatures], list[UnsignedArticle]]:
    """Articles without a story: the features signed during analysis, and the articles analysed
    before signatures were (or not at all), with the entity ids their names resolve to."""
    signed = [_features(row) for row in conn.execute(
        "SELECT f.article_id, f.day, f.terms, f.minhash FROM articles a JOIN story_features f"
        " ON f.article_id = a.id WHERE a.story_id IS NULL ORDER BY a.rowid")]
    rows = conn.execute("SELECT id, title, text, published FROM articles a WHERE story_id IS NULL AND NOT EXISTS"
                        " (SELECT 1 FROM story_features f WHERE f.article_id = a.id) ORDER BY rowid").fetchall()
    if not rows:
        return signed, []
    entities: dict[str, list[str]] = defaultdict(list)
    for article_id, entity_id in conn.execute(
            "SELECT m.article_id, m.entity_id FROM mentions m JOIN articles a ON a.id = m.article_id"
            " WHERE a.story_id IS NULL AND m.kind = 'name' ORDER BY m.article_id, m.start"):
        entities[article_id].append(entity_id)
    return signed, [UnsignedArticle(aid, title, text, published, entities.get(aid, []))
                    for aid, title, text, published in rows]


def stored_features(conn: sqlite3.Connection) -> Iterator[tuple[StoryFeatures, str]]:
    for *row, story in conn.execute(
            "SELECT f.article_id, f.day, f.terms, f.minhash, a.story_id FROM story_features f"
            " JOIN articles a ON a.id = f.article_id WHERE a.story_id IS NOT NULL ORDER BY a.rowid"):
        yield _features(row), story


def _features(row) -> StoryFeatures:
    aid, day, terms, sketch = row
    return StoryFeatures(aid, day, json.loads(terms), np.frombuffer(sketch, dtype=np.uint64))


def write_features(conn: sqlite3.Connection, features: list[StoryFeatures]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO story_features(article_id, day, terms, minhash) VALUES (?,?,?,?)",
        [(f.article_id, f.day, json.dumps(f.terms, ensure_ascii=False, separators=(",", ":")),
          f.minhash.astype(np.uint64).tobytes()) for f in features])


def write_stories(conn: sqlite3.Connection, features: list[StoryFeatures], stories: dict[str, str],
                  duplicates: list[tuple[str, str, float]]) -> None:
    write_features(conn, features)
    conn.executemany("UPDATE articles SET story_id=? WHERE id=? AND story_id IS NOT ?",
                     [(story, aid, story) for aid, story in stories.items()])
    conn.executemany("INSERT OR REPLACE INTO near_duplicates(article_id, other_id, jaccard) VALUES (?,?,?)",
                     [(min(a, b), max(a, b), j) for a, b, j in duplicates])


def near_duplicates(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return conn.execute(_NEAR).fetchall()


def iter_stories(conn: sqlite3.Connection, query: StoryQuery = StoryQuery()) -> Iterator[Story]:
    """Stories, largest and latest first: their articles (oldest first), outlets, dates and events."""
    articles: dict[str, list[tuple]] = defaultdict(list)
    for story, aid, outlet, title, published in conn.execute(
            "SELECT story_id, id, outlet, title, published FROM articles WHERE story_id IS NOT NULL"
            " ORDER BY published IS NULL, published, rowid"):
        articles[story].append((aid, outlet, title, published))
    events: dict[str, set[str]] = defaultdict(set)
    for story, event_id in conn.execute(
            "SELECT DISTINCT a.story_id, m.event_id FROM event_mentions m JOIN articles a ON a.id = m.article_id"
            " WHERE a.story_id IS NOT NULL"):
        events[story].add(event_id)
    out = []
    for story, rows in articles.items():
        dates = [r[3] for r in rows if r[3]]
        record = Story(id=story, article_ids=[r[0] for r in rows], num_articles=len(rows),
                       # as for events: an article of no known outlet is a source of its own
                       num_sources=len({r[1] or r[0] for r in rows}),
                       outlets=sorted({r[1] for r in rows if r[1]}), titles=[r[2] for r in rows if r[2]],
                       first_published=min(dates) if dates else None,
                       last_published=max(dates) if dates else None,
                       event_ids=sorted(events.get(story, ())))
        if _matches(record, query):
            out.append(record)
    out.sort(key=lambda r: (-len(r.article_ids), _descending(r.last_published), r.id))
    yield from out[:query.limit] if query.limit else out


def _matches(story: Story, q: StoryQuery) -> bool:
    if len(story.article_ids) < q.min_articles:
        return False
    if q.article_id and q.article_id not in story.article_ids:
        return False
    if q.since and (story.last_published or "") < q.since:
        return False
    if q.until and not (story.first_published and story.first_published <= q.until):
        return False
    if q.outlet and q.outlet.casefold() not in {o.casefold() for o in story.outlets}:
        return False
    return True


def _descending(date: str | None) -> str:
    """Sort key putting later dates first and undated stories last."""
    if not date:
        return "~"
    return "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in date)
