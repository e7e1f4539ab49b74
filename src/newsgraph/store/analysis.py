"""Writing and reading what the nlp/resolve/fuse stages found (SQLite)."""
from __future__ import annotations

import hashlib
import sqlite3
from typing import Iterator

from ..records import ArticleAnalysis, EntityMention, GlobalEntity, Quote
from .base import EntityQuery, QuoteQuery
from .stories import write_features
from .where import Where, contains_folded, limit


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


def _entity_where(q: EntityQuery) -> Where:
    where = Where()
    if q.type:
        where.add("e.type=?", q.type.upper())
    if q.country:
        where.add("e.country=?", q.country.upper())
    if q.name:
        wanted = q.name.casefold()
        where.add(f"({contains_folded('e.name')} OR EXISTS (SELECT 1 FROM entity_aliases x"
                  f" WHERE x.entity_id = e.id AND {contains_folded('x.alias')}))", wanted, wanted)
    if q.min_mentions:
        where.add("(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) >= ?", q.min_mentions)
    return where


def iter_entities(conn: sqlite3.Connection, query: EntityQuery = EntityQuery()) -> Iterator[GlobalEntity]:
    aliases: dict[str, list[str]] = {}
    for entity_id, alias in conn.execute("SELECT entity_id, alias FROM entity_aliases ORDER BY rowid"):
        aliases.setdefault(entity_id, []).append(alias)
    mentions: dict[str, list[EntityMention]] = {}
    if query.with_mentions:
        for row in conn.execute("SELECT entity_id, article_id, start, end, text, kind FROM mentions"
                                " ORDER BY article_id, start"):
            mentions.setdefault(row[0], []).append(EntityMention(*row[1:]))
    counts = dict(conn.execute("SELECT entity_id, count(*) FROM mentions GROUP BY entity_id"))
    where = _entity_where(query)
    for row in conn.execute("SELECT e.id, e.name, e.type, e.country, e.sector, e.actor_id, e.lat, e.lon"
                            f" FROM entities e{where.sql()} ORDER BY e.rowid{limit(query.limit)}", where.args):
        yield GlobalEntity(id=row[0], name=row[1], type=row[2], country=row[3], sector=row[4],
                           actor_id=row[5], aliases=aliases.get(row[0], []), mentions=mentions.get(row[0], []),
                           lat=row[6], lon=row[7], num_mentions=counts.get(row[0], 0))


# the name a quote's speaker goes by: its entity's canonical name, else the words the article gives
_SPEAKER_NAME = "COALESCE(NULLIF(e.name, ''), NULLIF(q.speaker_text, ''), '')"


def iter_quotes(conn: sqlite3.Connection, query: QuoteQuery = QuoteQuery()) -> Iterator[Quote]:
    where = Where()
    if query.speaker:
        where.add(contains_folded(_SPEAKER_NAME), query.speaker.casefold())
    if query.article_id:
        where.add("q.article_id=?", query.article_id)
    if query.kind:
        where.add("q.kind=?", query.kind)
    sql = ("SELECT q.id, q.article_id, q.start, q.end, q.text, q.kind, q.cue, q.speaker_entity_id, q.speaker_text,"
           f" q.group_id, {_SPEAKER_NAME} FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id"
           f"{where.sql()} ORDER BY q.article_id, q.start, q.rowid{limit(query.limit)}")
    for row in conn.execute(sql, where.args):
        yield Quote(*row)
