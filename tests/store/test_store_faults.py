"""Issue 12 for the store: nothing lost, nothing hangs, every failure a coded error naming the file."""
import os
import random
import sqlite3

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.records import Article
from newsgraph.store import ArticleQuery, open_store
from newsgraph.store.migrations import MIGRATIONS, SCHEMA_VERSION
from newsgraph.store.sqlite import APPLICATION_ID, SQLiteStore, _statements
from stores import run_lock_held


def _articles(n, start=0, words=300, seed=1):
    rnd = random.Random(seed + start)
    return [Article(id=f"a{i}", inputs=[f"in{i}.txt"], raw_hash=f"h{i}",
                    text=" ".join(f"word{rnd.randrange(900)}" for _ in range(words)), outlet="Harbour Gazette")
            for i in range(start, start + n)]


def _snapshot(path):
    return path.read_bytes(), os.stat(path).st_mtime_ns


def _side_files(path):
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


def _raises(code, call):
    with pytest.raises(NewsgraphError) as err:
        call()
    assert err.value.code == code, err.value.message
    return err.value


# 1. never change a file before it is recognised as ours
@pytest.mark.parametrize("mode", ["run", "query"])
def test_another_programs_database_is_left_byte_identical(tmp_path, mode):
    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(500)])
    conn.commit()
    conn.close()
    before = _snapshot(foreign)
    error = _raises("E402", lambda: SQLiteStore(foreign, mode=mode))
    assert str(foreign) in error.message
    assert _snapshot(foreign) == before  # still a rollback-journal file: no WAL switch
    assert _side_files(foreign) == []  # no -wal, -shm or run lock beside it


def test_a_file_that_is_not_sqlite_is_refused_unchanged(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"these are my notes, not a database\n" * 200)
    before = _snapshot(junk)
    for mode in ("run", "query"):
        _raises("E402", lambda: SQLiteStore(junk, mode=mode))
    assert _snapshot(junk) == before


# 2. queries open the store read-only
def _stored(tmp_path, n=5):
    path = tmp_path / "n.db"
    with SQLiteStore(path) as store:
        store.write_batch(_articles(n), [])
    return path


def test_query_mode_reads_and_never_writes(tmp_path):
    path = _stored(tmp_path)
    before = _snapshot(path)
    with open_store_query(path) as store:
        assert store.count_articles() == 5
        assert [a.id for a in store.iter_articles(ArticleQuery(search="word1"))]
        error = _raises("E408", lambda: store.write_batch(_articles(1, start=10), []))
        assert str(path) in error.message
    assert _snapshot(path) == before
    assert not (tmp_path / "n.db.lock").exists() or (tmp_path / "n.db.lock").read_text() == ""


def open_store_query(path):
    from newsgraph.config import load_options
    return open_store(load_options().store, str(path), mode="query")


def test_query_mode_on_a_missing_path_is_E405_and_creates_nothing(tmp_path):
    missing = tmp_path / "typo.db"
    error = _raises("E405", lambda: open_store_query(missing))
    assert str(missing) in error.message
    assert list(tmp_path.iterdir()) == []


def test_query_mode_does_not_migrate_an_older_schema(tmp_path):
    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for step in (0, 1):
        for statement in _statements(MIGRATIONS[step]):
            conn.execute(statement)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute("PRAGMA user_version=2")
    conn.execute("INSERT INTO articles(id, text, analyzed) VALUES ('old-1', 'Ships left the port.', 1)")
    conn.close()
    before = _snapshot(path)
    with open_store_query(path) as store:
        assert [a.id for a in store.iter_articles()] == ["old-1"]
        assert list(store.iter_events()) == [] and list(store.iter_stories()) == []  # tables v3/v4 add
        assert store.schema_version == 2
    assert _snapshot(path) == before
    with SQLiteStore(path) as run:  # the next run migrates it, keeping the article
        assert run.schema_version == SCHEMA_VERSION and run.count_articles() == 1


def test_a_query_works_while_a_run_writes(tmp_path):
    path = tmp_path / "n.db"
    with SQLiteStore(path) as run:
        run.write_batch(_articles(3), [])
        with open_store_query(path) as query:
            reading = query.iter_articles()
            assert next(reading).id == "a0"  # a read in progress does not block the writer
            run.write_batch(_articles(3, start=3), [])
            assert query.count_articles() == 6


# 4. damaged files
def _damaged(tmp_path):
    path = _stored(tmp_path, n=60)
    size = path.stat().st_size
    assert size > 100 * 4096 and not (tmp_path / "n.db-wal").exists()
    rnd = random.Random(7)
    data = bytearray(path.read_bytes())
    for offset in range(size // 3, 2 * size // 3, 4096):  # whole pages in the middle
        data[offset:offset + 4096] = rnd.randbytes(4096)
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_database_is_E406_and_not_written_into(tmp_path):
    path = _damaged(tmp_path)
    before = _snapshot(path)
    error = _raises("E406", lambda: SQLiteStore(path))
    assert str(path) in error.message and "\n" not in error.message
    assert _snapshot(path) == before
    with open_store_query(path) as store:
        for query in (ArticleQuery(), ArticleQuery(search="word5"), ArticleQuery(outlet="x")):
            error = _raises("E406", lambda: list(store.iter_articles(query)))  # not E403 for --search
            assert str(path) in error.message


# 5. one run at a time
def test_a_second_run_is_refused_while_the_first_holds_the_lock(tmp_path):
    path = tmp_path / "n.db"
    first = SQLiteStore(path)
    try:
        error = _raises("E404", lambda: SQLiteStore(path))
        assert f"pid {os.getpid()}" in error.message and str(path) in error.message
        with open_store_query(path) as query:  # readers are not writers: they go on
            assert query.count_articles() == 0
    finally:
        first.close()
    with SQLiteStore(path) as second:
        second.write_batch(_articles(1), [])


def test_the_lock_of_a_killed_run_is_released(tmp_path):
    path = tmp_path / "n.db"
    with run_lock_held(path) as holder:  # SIGKILLed at the end: no clean-up runs
        error = _raises("E404", lambda: SQLiteStore(path))
        assert f"pid {holder.pid}" in error.message
    with SQLiteStore(path) as run:
        run.write_batch(_articles(1), [])
        assert run.count_articles() == 1


# 6. disk full
def test_disk_full_is_E407_and_keeps_committed_batches(tmp_path):
    path = tmp_path / "n.db"
    with SQLiteStore(path) as store:
        store.write_batch(_articles(3), [])
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count={pages + 2}")  # as if the disk filled up now
        error = _raises("E407", lambda: store.write_batch(_articles(40, start=3), []))
        assert str(path) in error.message and "full" in error.message
        assert "rollback" not in error.message
        assert store.count_articles() == 3
    with SQLiteStore(path) as again:
        assert again.count_articles() == 3 and again.integrity_ok()
