"""Writing and reading events and their mentions (SQLite).

Each stored event row carries the fused reading; each mention keeps the
reading of its own report (``record``), so that a later fusion can show where
reports disagree. Until fusion joins them, one mention is one event.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict
from typing import Iterator, Optional

from ..events.cameo import load_cameo
from ..records import EventActor, EventMention
from .base import EventQuery


def mention_id(article_id: str, m: EventMention) -> str:
    key = f"{article_id}:{m.start}:{m.trigger_start}:{m.cameo}:{_side(m.source)}:{_side(m.target)}"
    return "m" + hashlib.sha1(key.encode()).hexdigest()[:15]


def _side(actor: Optional[EventActor]) -> str:
    return "" if actor is None else f"{actor.key or ''}/{actor.text}"


def _actor(actor: Optional[EventActor], ids: dict[str, str]) -> Optional[dict]:
    if actor is None:
        return None
    entity_id = ids.get(actor.key) if actor.key else None
    return {"entity_id": entity_id, "text": actor.text, "country": actor.country, "sector": actor.sector}


def write_events(conn: sqlite3.Connection, article_id: str, events: list[EventMention],
                 ids: dict[str, str]) -> None:
    """Replace the event mentions of one article; events left without a mention go."""
    conn.execute("DELETE FROM event_mentions WHERE article_id=?", (article_id,))
    conn.execute("DELETE FROM events WHERE id NOT IN (SELECT event_id FROM event_mentions)")
    for m in events:
        mid = mention_id(article_id, m)
        source, target = _actor(m.source, ids), _actor(m.target, ids)
        record = {"cameo": m.cameo, "source": source, "target": target, "date": m.date,
                  "date_precision": m.date_precision, "place": m.place, "counts": m.counts,
                  "confidence": m.confidence, "flags": m.flags}
        insert_event(conn, "e" + mid[1:], record)
        conn.execute(
            "INSERT OR REPLACE INTO event_mentions(id, event_id, article_id, start, end, sentence, trigger,"
            " trigger_start, record) VALUES (?,?,?,?,?,?,?,?,?)",
            (mid, "e" + mid[1:], article_id, m.start, m.end, m.sentence, m.trigger, m.trigger_start,
             json.dumps(record, ensure_ascii=False, sort_keys=True)))


_EVENT_COLUMNS = ("id, cameo, root, quad_class, goldstein, plover, source, target, source_entity_id,"
                  " target_entity_id, source_country, target_country, date, date_precision, place, counts,"
                  " confidence, flags, disputed, disagreements")
_INSERT_EVENT = f"INSERT OR REPLACE INTO events({_EVENT_COLUMNS}) VALUES ({','.join('?' * 20)})"


def insert_event(conn: sqlite3.Connection, event_id: str, record: dict, disputed: bool = False,
                 disagreements: Optional[dict] = None) -> None:
    """One events row from a reading (a mention's own, or the fused one)."""
    conn.execute(_INSERT_EVENT, event_row(event_id, record, disputed, disagreements))


def event_row(event_id: str, record: dict, disputed: bool = False, disagreements: Optional[dict] = None) -> tuple:
    row = load_cameo()[record["cameo"]]
    source, target = record.get("source"), record.get("target")
    return (event_id, record["cameo"], row.root, row.quad_class, row.goldstein, row.plover,
            _json(source), _json(target), (source or {}).get("entity_id"), (target or {}).get("entity_id"),
            (source or {}).get("country"), (target or {}).get("country"), record.get("date"),
            record.get("date_precision"), _json(record.get("place")),
            _ENCODE(record.get("counts") or {}), record.get("confidence", 0.5),
            _ENCODE(record.get("flags") or []), int(disputed), _ENCODE(disagreements or {}))


def load_mentions(conn: sqlite3.Connection) -> list[tuple[str, str, dict]]:
    """Every event mention as (mention id, article id, its own reading)."""
    return [(mid, aid, json.loads(rec)) for mid, aid, rec in
            conn.execute("SELECT id, article_id, record FROM event_mentions")]


def replace_fused(conn: sqlite3.Connection, events) -> None:
    """Make the stored events the fused ones; each mention points to its event.

    Only what changed is written: an event keeps the id of its first mention, so
    a report no other report joined, or an event no new report touched, is
    stored already as it is.
    """
    stored = {row[0]: row for row in conn.execute(f"SELECT {_EVENT_COLUMNS} FROM events")}
    rows = [event_row(event.id, event.record, event.disputed, event.disagreements) for event in events]
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


def _where(q: EventQuery) -> tuple[str, list]:
    clauses, args = [], []
    if q.country:
        clauses.append("(source_country=? OR target_country=?)")
        args += [q.country.upper(), q.country.upper()]
    if q.code:
        clauses.append("cameo LIKE ?")
        args.append(q.code + "%")
    if q.root:
        clauses.append("root=?")
        args.append(q.root.zfill(2))
    if q.quad_class:
        clauses.append("quad_class=?")
        args.append(q.quad_class)
    if q.since:
        clauses.append("date>=?")
        args.append(q.since)
    if q.until:
        clauses.append("date<=?")
        args.append(q.until)
    if q.disputed:
        clauses.append("disputed=1")
    if q.article_id:
        clauses.append("id IN (SELECT event_id FROM event_mentions WHERE article_id=?)")
        args.append(q.article_id)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def iter_events(conn: sqlite3.Connection, query: EventQuery = EventQuery()) -> Iterator[dict]:
    """Events in the contract's shape, with every mention, ordered by date then id."""
    where, args = _where(query)
    sql = ("SELECT id, cameo, root, quad_class, goldstein, plover, source, target, date, date_precision, place,"
           " counts, confidence, flags, disputed, disagreements FROM events" + where +
           " ORDER BY date IS NULL, date, id")
    if query.limit and not query.actor:
        sql += f" LIMIT {int(query.limit)}"
    emitted = 0
    for row in conn.execute(sql, args).fetchall():
        if query.actor and not (_actor_matches(row[6], query.actor) or _actor_matches(row[7], query.actor)):
            continue
        if query.limit and emitted >= query.limit:
            break
        emitted += 1
        mentions = conn.execute(
            "SELECT m.article_id, m.start, m.end, m.sentence, m.trigger, a.outlet FROM event_mentions m"
            " JOIN articles a ON a.id = m.article_id WHERE m.event_id=? ORDER BY m.article_id, m.start",
            (row[0],)).fetchall()
        yield {
            "id": row[0], "cameo": row[1], "root": row[2], "quad_class": row[3], "goldstein": row[4],
            "plover": row[5], "source": _load(row[6]), "target": _load(row[7]), "date": row[8],
            "date_precision": row[9], "place": _load(row[10]), "counts": json.loads(row[11]),
            "num_articles": len({m[0] for m in mentions}),
            "num_sources": len({m[5] or m[0] for m in mentions}),
            "confidence": row[12], "flags": json.loads(row[13]), "disputed": bool(row[14]),
            "disagreements": json.loads(row[15]),
            "mentions": [{"article_id": m[0], "start": m[1], "end": m[2], "sentence": m[3], "trigger": m[4]}
                         for m in mentions],
        }


def _actor_matches(side: Optional[str], wanted: str) -> bool:
    """An entity id, or words of the actor's text, compared with Unicode case folding
    (SQLite's lower() folds ASCII only: "Åse" must find "Åse Lund")."""
    if side is None:
        return False
    actor = json.loads(side)
    return wanted == actor.get("entity_id") or wanted.casefold() in str(actor.get("text") or "").casefold()


def _load(value: Optional[str]):
    return None if value is None else json.loads(value)


def mention_record(m: EventMention) -> dict:
    """A mention as plain data (the sentence coder's output)."""
    return asdict(m)
