import sqlite3

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.records import Article, InputProblem
from newsgraph.store import ArticleQuery, open_store
from newsgraph.store.migrations import SCHEMA_VERSION
from stores import foreign_sqlite


def _article(aid, text, inputs, **meta):
    return Article(id=aid, inputs=inputs, text=text, raw_hash="h-" + inputs[0], **meta)


def test_schema_is_versioned_and_wal(tmp_path, options):
    with open_store(options.store, tmp_path / "n.db") as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_same_article_twice_lists_both_inputs_and_fills_gaps(tmp_path, options):
    with open_store(options.store, tmp_path / "n.db") as store:
        store.write_batch([_article("a1", "Ships left port.", ["one.txt"])], [])
        result = store.write_batch([_article("a1", "Ships left port.", ["two.jsonl:1"],
                                             published="2024-02-11")], [])
        assert result.duplicates == 1 and result.new_articles == 0
        (article,) = store.iter_articles()
        assert article.inputs == ["one.txt", "two.jsonl:1"]
        assert article.published == "2024-02-11"


def test_filters_and_full_text(tmp_path, options):
    with open_store(options.store, tmp_path / "n.db") as store:
        store.write_batch([
            _article("a1", "Dock workers ended the strike.", ["1"], outlet="Harbour Gazette",
                     published="2024-02-11"),
            _article("a2", "The bridge reopened early.", ["2"], outlet="Canal Post", published="2024-03-01"),
        ], [InputProblem("bad.txt", "E102", "the file is empty")])
        assert [a.id for a in store.iter_articles(ArticleQuery(search="strike"))] == ["a1"]
        assert [a.id for a in store.iter_articles(ArticleQuery(outlet="canal post"))] == ["a2"]
        assert [a.id for a in store.iter_articles(ArticleQuery(since="2024-03-01"))] == ["a2"]
        assert [a.id for a in store.iter_articles(ArticleQuery(until="2024-02-28"))] == ["a1"]
        assert [p.source for p in store.problems()] == ["bad.txt"]
        with pytest.raises(NewsgraphError) as err:
            list(store.iter_articles(ArticleQuery(search='"unbalanced')))
        assert err.value.code == "E403"


def test_failed_batch_leaves_nothing(tmp_path, options):
    with open_store(options.store, tmp_path / "n.db") as store:
        bad = _article("a2", "text", ["2"])
        bad.offset_map = object()  # not JSON: the write fails half-way through the batch
        with pytest.raises(TypeError):
            store.write_batch([_article("a1", "first", ["1"]), bad], [])
        assert store.count_articles() == 0


def test_refuses_foreign_and_newer_databases(tmp_path, options):
    foreign = foreign_sqlite(tmp_path / "other.db")
    with pytest.raises(NewsgraphError) as err:
        open_store(options.store, foreign)
    assert err.value.code == "E402"
    newer = tmp_path / "newer.db"
    open_store(options.store, newer).close()
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(NewsgraphError) as err:
        open_store(options.store, newer)
    assert err.value.code == "E401"
