"""The embedded SQLite store: WAL, one transaction per batch, explicit migrations."""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import NewsgraphError
from ..records import (Article, ArticleAnalysis, Event, FusionInputs, GlobalEntity, InputProblem, Quote, QuoteText,
                       Story, StoryFeatures, StoryInputs)
from . import analysis as _analysis
from . import events as _events
from . import stories as _stories
from .base import ArticleQuery, BatchResult, EntityQuery, EventQuery, QuoteQuery, Store, StoryQuery
from .migrations import MIGRATIONS, SCHEMA_VERSION
from .where import Where, limit, register_functions

APPLICATION_ID = 0x4E475248  # "NGRH": marks a file as a newsgraph database
_COLUMNS = "id, outlet, title, published, dateline, text, url, format, retrieved, offset_map, removed, story_id"


CACHE_KIB = 256 * 1024  # page cache of a connection; pages are taken as needed, not reserved


class SQLiteStore(Store):
    def __init__(self, path: str | Path):
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.DatabaseError as exc:
            raise NewsgraphError("E402", self.path, str(exc)) from None
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        # SQLite's own default is 2 MB: a fusion of a large store rewrites rows all over its tables
        self.conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        register_functions(self.conn)
        self._migrate()

    # ---- schema
    def _migrate(self) -> None:
        conn = self.conn
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id not in (0, APPLICATION_ID) or (app_id == 0 and has_tables):
            raise NewsgraphError("E402", self.path, "it holds tables of another program")
        if version > SCHEMA_VERSION:
            raise NewsgraphError("E401", self.path, f"schema version {version} > {SCHEMA_VERSION}")
        for step in range(version, SCHEMA_VERSION):
            try:
                conn.execute("BEGIN IMMEDIATE")
                for statement in _statements(MIGRATIONS[step]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version={step + 1}")
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # ---- writing
    def seen_inputs(self, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        seen = set()
        for input_id, raw_hash in keys:
            row = self.conn.execute(
                "SELECT 1 FROM inputs WHERE input_id=? AND raw_hash=?", (input_id, raw_hash)).fetchone()
            if row:
                seen.add((input_id, raw_hash))
        return seen

    def write_batch(self, articles: list[Article], problems: list[InputProblem],
                    analyses: Iterable[tuple[ArticleAnalysis, dict[str, str]]] = (),
                    entities: Iterable[GlobalEntity] = ()) -> BatchResult:
        result = BatchResult()
        conn = self.conn
        with self._transaction():
            for article in articles:
                if self._insert_article(article):
                    result.new_articles += 1
                    result.new_ids.append(article.id)
                else:
                    result.duplicates += 1
                sources = article.sources or [(i, article.raw_hash) for i in article.inputs]
                conn.executemany(
                    "INSERT OR IGNORE INTO inputs(input_id, raw_hash, article_id) VALUES (?,?,?)",
                    [(input_id, raw_hash, article.id) for input_id, raw_hash in sources])
            _analysis.write_entities(conn, list(entities))
            for item, ids in analyses:
                _analysis.write_analysis(conn, item, ids)
                _events.write_events(conn, item.article_id, item.events, ids)
            for item in problems:
                conn.execute(
                    "INSERT OR REPLACE INTO problems(input_id, code, message) VALUES (?,?,?)",
                    (item.source, item.code, item.message))
                result.problems += 1
        return result

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction: all of it is committed, or none of it."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def _insert_article(self, a: Article) -> bool:
        cursor = self.conn.execute(
            f"INSERT OR IGNORE INTO articles({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (a.id, a.outlet, a.title, a.published, a.dateline, a.text, a.url, a.format, a.retrieved,
             json.dumps(a.offset_map, separators=(",", ":")), json.dumps(a.removed), a.story_id))
        if cursor.rowcount:
            return True
        # The same article through another input: fill what the first copy lacked.
        self.conn.execute(
            "UPDATE articles SET outlet=COALESCE(outlet, ?), title=COALESCE(title, ?),"
            " published=COALESCE(published, ?), dateline=COALESCE(dateline, ?), url=COALESCE(url, ?)"
            " WHERE id=?",
            (a.outlet, a.title, a.published, a.dateline, a.url, a.id))
        return False

    # ---- reading
    def iter_articles(self, query: ArticleQuery = ArticleQuery()) -> Iterator[Article]:
        where = Where()
        if query.outlet:
            where.add("a.outlet = ? COLLATE NOCASE", query.outlet)
        if query.since:
            where.add("a.published >= ?", query.since)
        if query.until:
            where.add("a.published <= ?", query.until)
        if query.search:
            where.add("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", query.search)
        sql = (f"SELECT {', '.join('a.' + c for c in _COLUMNS.split(', '))} FROM articles a{where.sql()}"
               f" ORDER BY a.rowid{limit(query.limit)}")
        try:
            rows = self.conn.execute(sql, where.args).fetchall()
        except sqlite3.OperationalError as exc:
            raise NewsgraphError("E403", "--search", str(exc)) from None
        for row in rows:
            yield self._article(row)

    def _article(self, row) -> Article:
        inputs = [r[0] for r in self.conn.execute(
            "SELECT input_id FROM inputs WHERE article_id=? ORDER BY rowid", (row[0],))]
        # An input id seen with several contents (an edited file) is listed once.
        inputs = list(dict.fromkeys(inputs))
        return Article(
            id=row[0], inputs=inputs, outlet=row[1], title=row[2], published=row[3], dateline=row[4],
            text=row[5], url=row[6], format=row[7] or "text", retrieved=row[8],
            offset_map=[tuple(p) for p in json.loads(row[9])], removed=json.loads(row[10]),
            story_id=row[11])

    def known_articles(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        known = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            known.update(r[0] for r in self.conn.execute(
                f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return known

    def unanalyzed_articles(self, limit: int) -> list[Article]:
        rows = self.conn.execute(f"SELECT {_COLUMNS} FROM articles WHERE analyzed=0 ORDER BY rowid LIMIT ?",
                                 (limit,)).fetchall()
        return [self._article(row) for row in rows]

    def iter_entities(self, query: EntityQuery = EntityQuery()) -> Iterator[GlobalEntity]:
        return _analysis.iter_entities(self.conn, query)

    def iter_quotes(self, query: QuoteQuery = QuoteQuery()) -> Iterator[Quote]:
        return _analysis.iter_quotes(self.conn, query)

    def iter_events(self, query: EventQuery = EventQuery()) -> Iterator[Event]:
        return _events.iter_events(self.conn, query)

    def fusion_inputs(self) -> FusionInputs:
        quotes = [QuoteText(*row) for row in self.conn.execute("SELECT id, article_id, text FROM quotes ORDER BY rowid")]
        return FusionInputs(_events.load_mentions(self.conn), quotes)

    def write_fusion(self, quote_groups: dict[str, str], events: list[Event]) -> None:
        conn = self.conn
        with self._transaction():
            # events are replaced while mentions still point at them: check references at commit
            conn.execute("PRAGMA defer_foreign_keys = ON")
            grouped = dict(conn.execute("SELECT id, group_id FROM quotes WHERE group_id IS NOT NULL"))
            conn.executemany("UPDATE quotes SET group_id=NULL WHERE id=?",
                             [(qid,) for qid in grouped if qid not in quote_groups])
            conn.executemany("UPDATE quotes SET group_id=? WHERE id=?",
                             [(gid, qid) for qid, gid in quote_groups.items() if grouped.get(qid) != gid])
            _events.replace_fused(conn, events)

    def story_inputs(self) -> StoryInputs:
        return StoryInputs(list(_stories.stored_features(self.conn)), *_stories.pending_articles(self.conn))

    def article_text(self, article_id: str) -> str:
        row = self.conn.execute("SELECT text FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else ""

    def write_stories(self, features: list[StoryFeatures], stories: dict[str, str],
                      duplicates: list[tuple[str, str, float]]) -> None:
        with self._transaction():
            _stories.write_stories(self.conn, features, stories, duplicates)

    def near_duplicates(self) -> list[tuple[str, str]]:
        return _stories.near_duplicates(self.conn)

    def iter_stories(self, query: StoryQuery = StoryQuery()) -> Iterator[Story]:
        return _stories.iter_stories(self.conn, query)

    def count_articles(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def problems(self) -> list[InputProblem]:
        return [InputProblem(*row) for row in self.conn.execute(
            "SELECT input_id, code, message FROM problems ORDER BY seen_at, input_id")]

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def close(self) -> None:
        self.conn.close()


def _statements(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
