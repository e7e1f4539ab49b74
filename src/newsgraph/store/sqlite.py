"""The embedded SQLite store: WAL, one transaction per batch, explicit migrations."""
from __future__ import annotations

import functools
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
from .opening import RunLock, coded_error, connect_read_only, connect_read_write, is_memory
from .where import Where, limit, register_functions

APPLICATION_ID = 0x4E475248  # "NGRH": marks a file as a newsgraph database
_COLUMNS = "id, outlet, title, published, dateline, text, url, format, retrieved, offset_map, removed, story_id"


CACHE_KIB = 256 * 1024  # page cache of a connection; pages are taken as needed, not reserved


def _guarded(method):
    """A store method whose SQLite errors about the file become coded errors; an iterator
    it returns is guarded too, since queries run as the caller reads."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with self._errors():
            result = method(self, *args, **kwargs)
        if isinstance(result, Iterator):
            return self._guard_iterator(result)
        return result
    return wrapper


class SQLiteStore(Store):
    """``mode="run"`` may create, migrate and write the database and holds the run lock;
    ``mode="query"`` opens an existing file read-only and never writes (see opening.py)."""

    def __init__(self, path: str | Path, mode: str = "run"):
        if mode not in ("run", "query"):
            raise ValueError(f"unknown store mode {mode!r}")
        self.path, self.mode, self._lock = str(path), mode, None
        self.conn = connect_read_only(self.path) if mode == "query" else connect_read_write(self.path)
        try:
            self._open()
        except BaseException:
            self.close()
            raise

    def _open(self) -> None:
        conn = self.conn
        try:
            # Only reads until the file is known to be ours: another program's file is left
            # byte-identical (journal_mode=WAL would rewrite its header).
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            if (exc.sqlite_errorcode or 0) & 0xFF == 26:  # SQLITE_NOTADB: no SQLite header
                raise NewsgraphError("E402", self.path, str(exc)) from None
            raise coded_error(exc, self.path) or NewsgraphError("E402", self.path, str(exc)) from None
        with self._errors():
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if app_id not in (0, APPLICATION_ID) or (app_id == 0 and has_tables):
                raise NewsgraphError("E402", self.path, "it holds tables of another program")
            if version > SCHEMA_VERSION:
                raise NewsgraphError("E401", self.path, f"schema version {version} > {SCHEMA_VERSION}")
            # SQLite's own default is 2 MB: a fusion of a large store rewrites rows all over its tables
            conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            register_functions(conn)
            if self.mode == "query":
                self._read_old_schema(version)
                return
            if not is_memory(self.path):
                self._lock = RunLock(self.path)  # before the first write; held until close()
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            self._quick_check()
            # read again under the lock: a run that held it may have migrated the file meanwhile
            self._migrate(conn.execute("PRAGMA user_version").fetchone()[0])

    def _quick_check(self) -> None:
        """Refuse to write into a damaged file (E406). quick_check reads every page: about
        0.15 s for 100 MB (1.5 ms/MB, measured), nothing beside a run, but seconds per command
        for a store of gigabytes; so queries skip it and report damage when they meet it
        (every SQLite error about the file is mapped to E406 by _errors)."""
        rows = [r[0] for r in self.conn.execute("PRAGMA quick_check(5)")]
        if rows != ["ok"]:
            found = " ".join(" ".join(rows).replace("*** in database main ***", "").split())
            raise NewsgraphError("E406", self.path, "quick_check: " + found[:160])  # one line

    def _read_old_schema(self, version: int) -> None:
        """A query on a database of an older schema reads what it has, without migrating
        it (that is the next run's job): the tables later versions add are stood in for by
        empty temporary ones, which live in memory and shadow nothing."""
        if version == 0:
            raise NewsgraphError("E405", self.path, "the file holds no newsgraph data yet")
        if version == SCHEMA_VERSION:
            return
        self.conn.execute("PRAGMA temp_store=MEMORY")
        for step in range(version, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[step]):
                if statement.upper().startswith("CREATE TABLE "):
                    self.conn.execute("CREATE TEMP TABLE " + statement[len("CREATE TABLE "):])

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """SQLite's errors about the file itself (damage, disk full, read-only, locked) as
        coded errors naming it; any other error goes on as it is."""
        try:
            yield
        except sqlite3.Error as exc:
            coded = coded_error(exc, self.path)
            if coded is None:
                raise
            raise coded from None

    # ---- schema
    def _migrate(self, version: int) -> None:
        conn = self.conn
        for step in range(version, SCHEMA_VERSION):
            try:
                conn.execute("BEGIN IMMEDIATE")
                for statement in _statements(MIGRATIONS[step]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version={step + 1}")
                conn.execute("COMMIT")
            except BaseException:
                _rollback(conn)
                raise

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # ---- writing
    @_guarded
    def seen_inputs(self, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        seen = set()
        for input_id, raw_hash in keys:
            row = self.conn.execute(
                "SELECT 1 FROM inputs WHERE input_id=? AND raw_hash=?", (input_id, raw_hash)).fetchone()
            if row:
                seen.add((input_id, raw_hash))
        return seen

    @_guarded
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
            _rollback(self.conn)
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
    @_guarded
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
            # a damaged FTS index is E406, not a query the user mistyped
            raise coded_error(exc, self.path) or NewsgraphError("E403", "--search", str(exc)) from None
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

    @_guarded
    def known_articles(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        known = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            known.update(r[0] for r in self.conn.execute(
                f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return known

    @_guarded
    def unanalyzed_articles(self, limit: int) -> list[Article]:
        rows = self.conn.execute(f"SELECT {_COLUMNS} FROM articles WHERE analyzed=0 ORDER BY rowid LIMIT ?",
                                 (limit,)).fetchall()
        return [self._article(row) for row in rows]

    @_guarded
    def iter_entities(self, query: EntityQuery = EntityQuery()) -> Iterator[GlobalEntity]:
        return _analysis.iter_entities(self.conn, query)

    @_guarded
    def iter_quotes(self, query: QuoteQuery = QuoteQuery()) -> Iterator[Quote]:
        return _analysis.iter_quotes(self.conn, query)

    @_guarded
    def iter_events(self, query: EventQuery = EventQuery()) -> Iterator[Event]:
        return _events.iter_events(self.conn, query)

    @_guarded
    def fusion_inputs(self) -> FusionInputs:
        quotes = [QuoteText(*row) for row in self.conn.execute("SELECT id, article_id, text FROM quotes ORDER BY rowid")]
        return FusionInputs(_events.load_mentions(self.conn), quotes)

    @_guarded
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

    @_guarded
    def story_inputs(self) -> StoryInputs:
        return StoryInputs(list(_stories.stored_features(self.conn)), *_stories.pending_articles(self.conn))

    @_guarded
    def article_text(self, article_id: str) -> str:
        row = self.conn.execute("SELECT text FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else ""

    @_guarded
    def write_stories(self, features: list[StoryFeatures], stories: dict[str, str],
                      duplicates: list[tuple[str, str, float]]) -> None:
        with self._transaction():
            _stories.write_stories(self.conn, features, stories, duplicates)

    @_guarded
    def near_duplicates(self) -> list[tuple[str, str]]:
        return _stories.near_duplicates(self.conn)

    @_guarded
    def iter_stories(self, query: StoryQuery = StoryQuery()) -> Iterator[Story]:
        return _stories.iter_stories(self.conn, query)

    @_guarded
    def count_articles(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    @_guarded
    def problems(self) -> list[InputProblem]:
        return [InputProblem(*row) for row in self.conn.execute(
            "SELECT input_id, code, message FROM problems ORDER BY seen_at, input_id")]

    @_guarded
    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def _guard_iterator(self, items: Iterator) -> Iterator:
        with self._errors():
            yield from items

    def close(self) -> None:
        try:
            self.conn.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None


def _rollback(conn: sqlite3.Connection) -> None:
    """Undo an open transaction, keeping the error that got us here: after SQLITE_FULL or
    an I/O error SQLite may have rolled back already ("cannot rollback - no transaction is
    active" would hide the cause), or the connection may not take a ROLLBACK at all."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass


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
