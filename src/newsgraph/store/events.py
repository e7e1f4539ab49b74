"""Writing and reading events and their mentions (SQLite).

Each stored event row carries the fused reading; each mention keeps the
reading of its own report (``record``), so that a later fusion can show where
reports disagree. Until fusion joins them, one mention is one event.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import replace
from typing import Iterator, Optional

from ..records import Event, EventActor, EventMention, EventReading, EventWhy
from .base import EventQuery
from .where import Where, contains_folded, limit


def mention_id(article_id: str, m: EventMention) -> str:
    key = f"{article_id}:{m.start}:{m.trigger_start}:{m.cameo}:{_identity(m.source)}:{_identity(m.target)}"
    return "m" + hashlib.sha1(key.encode()).hexdigest()[:15]


def _identity(actor: Optional[EventActor]) -> str:
    return "" if actor is None else f"{actor.key or ''}/{actor.text}"


def _with_entity(actor: Optional[EventActor], ids: dict[str, str]) -> Optional[EventActor]:
    """The actor as stored: its article-local key gives way to its global entity id."""
    if actor is None:
        return None
    return replace(actor, key=None, entity_id=ids.get(actor.key) if actor.key else None)


def write_events(conn: sqlite3.Connection, article_id: str, events: list[EventMention],
                 ids: dict[str, str]) -> None:
    """Replace the event mentions of one article; events left without a mention go."""
    conn.execute("DELETE FROM event_mentions WHERE article_id=?", (article_id,))
    conn.execute("DELETE FROM events WHERE id NOT IN (SELECT event_id FROM event_mentions)")
    for m in events:
        mid = mention_id(article_id, m)
        stored = replace(m, source=_with_entity(m.source, ids), target=_with_entity(m.target, ids),
                         article_id=article_id, id=mid)
        event_id = "e" + mid[1:]
        insert_event(conn, Event.of(stored, id=event_id))
        conn.execute(
            "INSERT OR REPLACE INTO event_mentions(id, event_id, article_id, start, end, sentence, trigger,"
            " trigger_start, record) VALUES (?,?,?,?,?,?,?,?,?)",
            (mid, event_id, article_id, m.start, m.end, m.sentence, m.trigger, m.trigger_start,
             json.dumps(stored.record_json(), ensure_ascii=False, sort_keys=True)))


_EVENT_COLUMNS = ("id, cameo, root, quad_class, goldstein, plover, source, target, source_entity_id,"
                  " target_entity_id, source_country, target_country, date, date_precision, place, counts,"
                  " confidence, flags, disputed, disagreements")
_INSERT_EVENT = f"INSERT OR REPLACE INTO events({_EVENT_COLUMNS}) VALUES ({','.join('?' * 20)})"


def insert_event(conn: sqlite3.Connection, event: Event) -> None:
    conn.execute(_INSERT_EVENT, event_row(event))


def event_row(event: Event) -> tuple:
    """The events row of an event, in the order of ``_EVENT_COLUMNS``."""
    source, target = event.source, event.target
    return (event.id, event.cameo, event.root, event.quad_class, event.goldstein, event.plover,
            _actor_json(source), _actor_json(target), source and source.entity_id, target and target.entity_id,
            source and source.country, target and target.country, event.date, event.date_precision,
            _json(event.place), _ENCODE(event.counts or {}), event.confidence, _ENCODE(event.flags or []),
            int(event.disputed), _ENCODE(event.disagreements or {}))


_MENTION_COLUMNS = "id, article_id, start, end, sentence, trigger, trigger_start, record"


def _actor(data: Optional[dict]) -> Optional[EventActor]:
    # EventActor.from_json, inlined: the fuse stage reads every stored mention at once
    if data is None:
        return None
    return EventActor(data.get("text", ""), data.get("country"), data.get("sector"), None, data.get("entity_id"))


def _mention(row) -> EventMention:
    """A stored mention: its place in the article and its own reading (see EventReading.reading_json)."""
    mid, aid, start, end, sentence, trigger, trigger_start, record = row
    r = json.loads(record)
    return EventMention(cameo=r["cameo"], source=_actor(r.get("source")), target=_actor(r.get("target")),
                        date=r.get("date"), date_precision=r.get("date_precision"), place=r.get("place"),
                        counts=r.get("counts") or {}, confidence=r.get("confidence", 0.5),
                        flags=list(r.get("flags") or []), start=start, end=end, sentence=sentence,
                        trigger=trigger, trigger_start=trigger_start, article_id=aid, id=mid,
                        why=EventWhy.from_json(r.get("why")), weekday=r.get("weekday"))


def load_mentions(conn: sqlite3.Connection) -> list[EventMention]:
    """Every event mention, with its own reading, in storage order."""
    return [_mention(row) for row in conn.execute(f"SELECT {_MENTION_COLUMNS} FROM event_mentions")]


def replace_fused(conn: sqlite3.Connection, events: list[Event]) -> None:
    """Make the stored events the fused ones; each mention points to its event.

    Only what changed is written: an event keeps the id of its first mention, so
    a report no other report joined, or an event no new report touched, is
    stored already as it is.
    """
    stored = {row[0]: row for row in conn.execute(f"SELECT {_EVENT_COLUMNS} FROM events")}
    rows = [event_row(event) for event in events]
    conn.executemany(_INSERT_EVENT, [row for row in rows if stored.get(row[0]) != row])
    pointed = dict(conn.execute("SELECT id, event_id FROM event_mentions"))
    conn.executemany("UPDATE event_mentions SET event_id=? WHERE id=?",
                     [(event.id, m.id) for event in events for m in event.mentions if pointed.get(m.id) != event.id])
    fused = {row[0] for row in rows}
    conn.executemany("DELETE FROM events WHERE id=?", [(i,) for i in stored if i not in fused])


# made once: json.dumps() with options builds an encoder at every call, and events are written by the hundred thousand
_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _json(value) -> Optional[str]:
    return None if value is None else _ENCODE(value)


def _actor_json(actor: Optional[EventActor]) -> Optional[str]:
    return None if actor is None else _ENCODE(actor.to_json())


def _where(q: EventQuery) -> Where:
    where = Where()
    if q.actor:
        # an entity id, or words of the actor's text in any case
        wanted = q.actor.casefold()
        where.add(f"(source_entity_id=? OR target_entity_id=? OR {contains_folded(_TEXT.format('source'))}"
                  f" OR {contains_folded(_TEXT.format('target'))})", q.actor, q.actor, wanted, wanted)
    if q.country:
        where.add("(source_country=? OR target_country=?)", q.country.upper(), q.country.upper())
    if q.code:
        where.add("cameo LIKE ?", q.code + "%")
    if q.root:
        where.add("root=?", q.root.zfill(2))
    if q.quad_class:
        where.add("quad_class=?", q.quad_class)
    if q.since:
        where.add("date>=?", q.since)
    if q.until:
        where.add("date<=?", q.until)
    if q.disputed:
        where.add("disputed=1")
    if q.article_id:
        where.add("id IN (SELECT event_id FROM event_mentions WHERE article_id=?)", q.article_id)
    return where


_TEXT = "json_extract({}, '$.text')"


def iter_events(conn: sqlite3.Connection, query: EventQuery = EventQuery()) -> Iterator[Event]:
    """Events with every mention, ordered by date then id."""
    where = _where(query)
    sql = ("SELECT id, cameo, root, quad_class, goldstein, plover, source, target, date, date_precision, place,"
           " counts, confidence, flags, disputed, disagreements FROM events" + where.sql() +
           " ORDER BY date IS NULL, date, id" + limit(query.limit))
    for row in conn.execute(sql, where.args).fetchall():
        rows = conn.execute(
            "SELECT m.id, m.article_id, m.start, m.end, m.sentence, m.trigger, m.trigger_start, m.record, a.outlet"
            " FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id=?"
            " ORDER BY m.article_id, m.start", (row[0],)).fetchall()
        yield Event(
            id=row[0], cameo=row[1], root=row[2], quad_class=row[3], goldstein=row[4], plover=row[5],
            source=EventActor.from_json(_load(row[6])), target=EventActor.from_json(_load(row[7])),
            date=row[8], date_precision=row[9], place=_load(row[10]), counts=json.loads(row[11]),
            num_articles=len({m[1] for m in rows}), num_sources=len({m[8] or m[1] for m in rows}),
            confidence=row[12], flags=json.loads(row[13]), disputed=bool(row[14]),
            disagreements=json.loads(row[15]), mentions=[_mention(m[:8]) for m in rows])


def _load(value: Optional[str]):
    return None if value is None else json.loads(value)
