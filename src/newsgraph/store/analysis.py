"""Writing and reading what the nlp/resolve/fuse stages found (SQLite)."""
from __future__ import annotations

import hashlib
import sqlite3
from typing import Iterator

from ..records import ArticleAnalysis, GlobalEntity
from .stories import write_features


def quote_id(article_id: str, start: int, end: int) -> str:
    return "q" + hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:15]


def write_analysis(conn: sqlite3.Connection, analysis: ArticleAnalysis, ids: dict[str, str]) -> None:
    """Store one article's analysis; ``ids`` maps its local entity keys to global ids."""
    aid = analysis.article_id
    for table in ("mentions", "quotes", "times"):
        conn.execute(f"DELETE FROM {table} WHERE article_id=?", (aid,))
    conn.executemany(
        "INSERT OR IGNORE INTO mentions(article_id, entity_id, start, end, text, kind) VALUES (?,?,?,?,?,?)",
        [(aid, ids[e.key], m.start, m.end, m.text, m.kind) for e in analysis.entities for m in e.mentions])
    conn.executemany(
        "INSERT OR REPLACE INTO quotes(id, article_id, start, end, text, kind, cue, speaker_entity_id,"
        " speaker_text, group_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(quote_id(aid, q.start, q.end), aid, q.start, q.end, q.text, q.kind, q.cue,
          ids.get(q.speaker_key) if q.speaker_key else None, q.speaker_text, None)
         for q in analysis.quotes])
    conn.executemany(
        "INSERT OR IGNORE INTO times(article_id, start, end, text, date, precision, weekday)"
        " VALUES (?,?,?,?,?,?,?)",
        [(aid, t.start, t.end, t.text, t.date, t.precision, t.weekday) for t in analysis.times])
    if analysis.story is not None:
        write_features(conn, [analysis.story])
    conn.execute("UPDATE articles SET analyzed=1 WHERE id=?", (aid,))


def write_entities(conn: sqlite3.Connection, entities: list[GlobalEntity]) -> None:
    for e in entities:
        conn.execute(
            "INSERT INTO entities(id, name, type, country, sector, actor_id, lat, lon) VALUES (?,?,?,?,?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET type=excluded.type,"
            " country=COALESCE(entities.country, excluded.country),"
            " sector=COALESCE(entities.sector, excluded.sector), lat=COALESCE(entities.lat, excluded.lat),"
            " lon=COALESCE(entities.lon, excluded.lon)",
            (e.id, e.name, e.type, e.country, e.sector, e.actor_id, e.lat, e.lon))
        conn.executemany("INSERT OR IGNORE INTO entity_aliases(entity_id, alias) VALUES (?,?)",
                         [(e.id, a) for a in e.aliases])


def iter_entities(conn: sqlite3.Connection, with_mentions: bool = True) -> Iterator[GlobalEntity]:
    aliases: dict[str, list[str]] = {}
    for entity_id, alias in conn.execute("SELECT entity_id, alias FROM entity_aliases ORDER BY rowid"):
        aliases.setdefault(entity_id, []).append(alias)
    mentions: dict[str, list[dict]] = {}
    if with_mentions:
        for row in conn.execute("SELECT entity_id, article_id, start, end, text, kind FROM mentions"
                                " ORDER BY article_id, start"):
            mentions.setdefault(row[0], []).append(
                {"article_id": row[1], "start": row[2], "end": row[3], "text": row[4], "kind": row[5]})
    for row in conn.execute("SELECT id, name, type, country, sector, actor_id, lat, lon FROM entities"
                            " ORDER BY rowid"):
        yield GlobalEntity(id=row[0], name=row[1], type=row[2], country=row[3], sector=row[4],
                           actor_id=row[5], aliases=aliases.get(row[0], []), mentions=mentions.get(row[0], []),
                           lat=row[6], lon=row[7])


def iter_quotes(conn: sqlite3.Connection) -> Iterator[dict]:
    for row in conn.execute("SELECT id, article_id, start, end, text, kind, cue, speaker_entity_id,"
                            " speaker_text, group_id FROM quotes ORDER BY article_id, start"):
        speaker = {"entity_id": row[7], "text": row[8]} if (row[7] or row[8]) else None
        yield {"id": row[0], "article_id": row[1], "start": row[2], "end": row[3], "text": row[4],
               "kind": row[5], "cue": row[6], "speaker": speaker, "group_id": row[9]}
