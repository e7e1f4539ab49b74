"""Issue 12 for the exports: one export's files appear as a set, failures are E801, and no text
(lone surrogates included) can break a writer."""
import csv
import json
import os

import pytest

from newsgraph import export as export_module
from newsgraph.errors import NewsgraphError
from newsgraph.export import export
from newsgraph.export.gdelt import write_gdelt_mentions_tsv, write_gdelt_tsv
from newsgraph.export.jsonl import _write as write_jsonl_file
from newsgraph.export.tabular import write_events_csv, write_events_parquet
from newsgraph.records import Article, Event, EventActor, EventMention
from newsgraph.store.sqlite import SQLiteStore

JSONL = sorted(f"{name}.jsonl" for name in ("articles", "entities", "events", "quotes", "stories"))


@pytest.fixture
def store(tmp_path):
    with SQLiteStore(tmp_path / "n.db") as opened:
        opened.write_batch([Article(id="a1", inputs=["one.txt"], raw_hash="h1", text="Ships left port.")], [])
        yield opened


def _beside(outdir):
    """What an export left beside OUTDIR besides the database and OUTDIR itself."""
    return sorted(p.name for p in outdir.parent.iterdir() if p.name not in (outdir.name, "n.db", "n.db-wal",
                                                                             "n.db-shm", "n.db.lock"))


def test_a_new_outdir_appears_whole(store, tmp_path):
    outdir = tmp_path / "deep" / "out"
    counts = export(store, "jsonl", outdir)
    assert counts["articles"] == 1 and sorted(os.listdir(outdir)) == JSONL
    assert _beside(outdir) == [] and oct(outdir.stat().st_mode & 0o777) != "0o700"


def test_an_existing_set_is_replaced_and_other_files_kept(store, tmp_path):
    outdir = tmp_path / "out"
    outdir.mkdir()
    for name in JSONL:
        (outdir / name).write_text("old\n")
    (outdir / "notes.txt").write_text("mine\n")
    export(store, "jsonl", outdir)
    assert sorted(os.listdir(outdir)) == sorted(JSONL + ["notes.txt"])
    assert json.loads((outdir / "articles.jsonl").read_text())["id"] == "a1"
    assert (outdir / "notes.txt").read_text() == "mine\n" and _beside(outdir) == []


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()],
                         ids=["disk-full", "interrupted"])
def test_a_failed_export_leaves_the_old_set_untouched(store, tmp_path, monkeypatch, failure):
    outdir = tmp_path / "out"
    export(store, "jsonl", outdir)
    old = {name: (outdir / name).read_bytes() for name in JSONL}
    written = export_module.jsonl._write

    def failing(path, records):
        if path.name == "events.jsonl":  # after articles, entities and quotes were written
            raise failure
        return written(path, records)

    monkeypatch.setattr(export_module.jsonl, "_write", failing)
    store.write_batch([Article(id="a2", inputs=["two.txt"], raw_hash="h2", text="Ships came back.")], [])
    with pytest.raises((NewsgraphError, KeyboardInterrupt)) as err:
        export(store, "jsonl", outdir)
    if isinstance(failure, OSError):
        assert err.value.code == "E801" and err.value.subject == str(outdir)
        assert "No space left" in err.value.message
    assert {name: (outdir / name).read_bytes() for name in JSONL} == old
    assert sorted(os.listdir(outdir)) == JSONL and _beside(outdir) == []  # no .part, no temp folder


def test_unwritable_outdir_is_E801(store, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    for outdir in (blocker, blocker / "out"):
        with pytest.raises(NewsgraphError) as err:
            export(store, "csv", outdir)
        assert err.value.code == "E801" and str(outdir) in err.value.message


def test_a_killed_exports_temp_folder_is_removed_next_time(store, tmp_path):
    outdir = tmp_path / "out"
    dead = tmp_path / ".out.export-999999999-abc"  # no such process
    dead.mkdir()
    (dead / "events.csv.part").write_text("half")
    export(store, "csv", outdir)
    assert not dead.exists() and os.listdir(outdir) == ["events.csv"]


def _surrogate_event():
    actor = EventActor("Dock \ud800workers", "NLD", "LAB")
    mention = EventMention(cameo="141", source=actor, target=None, article_id="a\udcff", start=0, end=10,
                           trigger="struck", trigger_start=0, sentence="They struck \udc80 today.")
    return Event(id="ev-1", cameo="141", root="14", quad_class=3, goldstein=-6.5, plover="PROTEST", source=actor,
                 target=None, date="2022-03-14", date_precision="day", place={"name": "Velm\ud801ar"}, counts={},
                 num_articles=1, num_sources=1, confidence=0.5, flags=[], mentions=[mention])


def test_lone_surrogates_do_not_break_any_writer(tmp_path):
    events = [_surrogate_event()]
    articles = {"a\udcff": {"url": None, "published": "2022-03-14", "outlet": "Out\udc00let", "title": None}}
    assert write_gdelt_tsv(events, articles, tmp_path / "events.tsv", added="20220315120000") == 1
    assert write_gdelt_mentions_tsv(events, articles, tmp_path / "mentions.tsv", added="20220315120000") == 1
    assert write_events_csv(events, tmp_path / "events.csv") == 1
    assert write_events_parquet(events, tmp_path / "events.parquet") == 1
    assert write_jsonl_file(tmp_path / "events.jsonl", [{"text": "a\ud800b"}]) == 1
    assert "DOCK \ufffdWORKERS" in (tmp_path / "events.tsv").read_text("utf-8")
    assert "Out\ufffdlet" in (tmp_path / "mentions.tsv").read_text("utf-8")
    (row,) = csv.DictReader((tmp_path / "events.csv").read_text("utf-8").splitlines())
    assert row["sentence"] == "They struck \ufffd today." and row["place_name"] == "Velm\ufffdar"
    assert json.loads((tmp_path / "events.jsonl").read_text("utf-8")) == {"text": "a\ufffdb"}
    import pyarrow.parquet as pq
    assert pq.read_table(tmp_path / "events.parquet").to_pylist()[0]["source_text"] == "Dock \ufffdworkers"
