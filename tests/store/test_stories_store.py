"""Stories in the SQLite store: the fuse stage run twice, queries, near-duplicates, the v3 -> v4 migration.

Articles are written straight into the store (no nlp), so these tests run fast; the texts are invented.
"""
import json
import sqlite3

import pytest

from newsgraph.fuse import fuse_store
from newsgraph.records import Article
from newsgraph.store import StoryQuery
from newsgraph.store.migrations import MIGRATIONS, SCHEMA_VERSION
from newsgraph.store.sqlite import APPLICATION_ID, SQLiteStore

FLOOD_1 = ("Flood waters in Ostrava Vale rose to 4.7 metres on Monday, forcing 3,200 residents from their homes, "
           "the regional governor Pavla Renko said. The river Vesna burst its banks near the old mill.")
FLOOD_2 = ("Governor Pavla Renko ordered 3,200 people out of Ostrava Vale as the Vesna reached 4.7 metres. "
           "Army trucks carried families to schools in Dolny Brod, where shelters opened on Monday night.")
FLOOD_3 = ("The Vesna flood in Ostrava Vale crested at 4.7 metres, and the 3,200 evacuated residents may return "
           "on Friday, Pavla Renko said. Damage to the old mill and the bridge is being assessed.")
MATCH = ("Brannock United beat Corvale 3-1 in the cup final at Kestrel Park on Saturday, with two goals from "
         "striker Ilya Morrow. Coach Dana Pryce praised the defence after a tense first half.")
FOOTER = "\n\nRead more stories from the Vale Herald. Sign up for our newsletter."


def _article(aid, text, published=None, outlet=None, title=None):
    return Article(id=aid, inputs=[f"{aid}.txt"], text=text, published=published, outlet=outlet, title=title,
                   raw_hash="h-" + aid)


@pytest.fixture
def store(tmp_path):
    opened = SQLiteStore(tmp_path / "stories.db")
    opened.write_batch([_article("f1", FLOOD_1, "2024-04-08", "Vale Herald", "Vesna floods Ostrava Vale"),
                        _article("f2", FLOOD_2, "2024-04-08", "Brod Times"),
                        _article("m1", MATCH, "2024-04-06", "Sports Daily")], [])
    try:
        yield opened
    finally:
        opened.close()


def test_fuse_gives_every_article_a_story(store):
    report = fuse_store(store)
    assert report.grouped == 3
    assert list(report.seconds) == ["signatures", "near_duplicates", "read_mentions_quotes", "quote_groups",
                                    "event_fusion", "waiting_for_stories", "event_story_join",
                                    "write_events_quotes", "stories", "write_stories"]
    stories = list(store.iter_stories())
    assert [s.article_ids for s in stories] == [["f1", "f2"], ["m1"]]  # largest first
    flood = stories[0]
    assert flood.outlets == ["Brod Times", "Vale Herald"] and flood.titles == ["Vesna floods Ostrava Vale"]
    assert (flood.first_published, flood.last_published) == ("2024-04-08", "2024-04-08")
    assert {a.id: a.story_id for a in store.iter_articles()}["f2"] == flood.id


def test_a_later_run_joins_the_stored_story_and_keeps_its_id(store):
    fuse_store(store)
    before = {s.id: s.article_ids for s in store.iter_stories()}
    store.write_batch([_article("f3", FLOOD_3, "2024-04-12", "Vale Herald")], [])
    report = fuse_store(store)
    assert report.grouped == 1  # only the new article was placed
    after = {s.id: s.article_ids for s in store.iter_stories()}
    flood_id = next(i for i, arts in before.items() if "f1" in arts)
    assert after[flood_id] == ["f1", "f2", "f3"]
    assert fuse_store(store).grouped == 0  # nothing new, nothing moves


def test_a_syndicated_copy_is_recorded_as_a_near_duplicate(store):
    fuse_store(store)
    store.write_batch([_article("f1-copy", FLOOD_1 + " " + FLOOD_3 + FOOTER, None, "Wire")], [])
    store.write_batch([_article("f1-long", FLOOD_1 + " " + FLOOD_3, "2024-04-08", "Vale Herald")], [])
    report = fuse_store(store)
    assert report.duplicates == 1
    assert store.near_duplicates() == [("f1-copy", "f1-long")]
    story_of = {a.id: a.story_id for a in store.iter_articles()}
    assert story_of["f1-copy"] == story_of["f1-long"] == story_of["f1"]


@pytest.mark.parametrize("query,expected", [
    (StoryQuery(min_articles=2), [["f1", "f2"]]),
    (StoryQuery(outlet="sports daily"), [["m1"]]),
    (StoryQuery(since="2024-04-07"), [["f1", "f2"]]),
    (StoryQuery(until="2024-04-07"), [["m1"]]),
    (StoryQuery(article_id="f2"), [["f1", "f2"]]),
    (StoryQuery(limit=1), [["f1", "f2"]]),
])
def test_story_queries(store, query, expected):
    fuse_store(store)
    assert [s.article_ids for s in store.iter_stories(query)] == expected


def test_features_are_stored_so_that_texts_are_not_read_again(store):
    fuse_store(store)
    inputs = store.story_inputs()
    existing = inputs.stored
    assert inputs.signed == inputs.unsigned == [] and sorted(f.article_id for f, _ in existing) == ["f1", "f2", "m1"]
    flood = next(f for f, _ in existing if f.article_id == "f1")
    assert flood.terms["n:renko"] > 0 and len(flood.minhash) > 0


def _v3_database(path):
    conn = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:3]:
        conn.executescript(script)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute("PRAGMA user_version=3")
    conn.execute("INSERT INTO articles(id, text, published, analyzed) VALUES ('old-1', ?, '2024-04-08', 1)",
                 (FLOOD_1,))
    conn.execute("INSERT INTO articles(id, text, published, analyzed) VALUES ('old-2', ?, '2024-04-08', 1)",
                 (FLOOD_2,))
    conn.close()


def test_v3_database_migrates_and_its_articles_get_stories(tmp_path):
    path = tmp_path / "v3.db"
    _v3_database(path)
    with SQLiteStore(path) as store:
        assert SCHEMA_VERSION >= 4 and store.schema_version == SCHEMA_VERSION
        assert store.unanalyzed_articles(10) == []  # adding stories does not redo the nlp stages
        fuse_store(store)
        assert [s.article_ids for s in store.iter_stories()] == [["old-1", "old-2"]]


class _Registry:
    """A registry that knows its entities by name already (what EntityRegistry does, fixed)."""

    def __init__(self, ids: dict[str, str]):
        self.ids = ids

    def assign(self, local) -> str:
        return self.ids[local.name]

    def take_changed(self) -> list:
        return []


def test_signatures_written_with_the_analysis_are_read_instead_of_texts(tmp_path):
    from newsgraph.fuse import assign_entities, sign
    from newsgraph.fuse.signatures import features_of, with_entities
    from newsgraph.records import ArticleAnalysis, GlobalEntity, LocalEntity, Mention

    with SQLiteStore(tmp_path / "signed.db") as signed:
        articles = [_article("f1", FLOOD_1, "2024-04-08"), _article("f2", FLOOD_2, "2024-04-08"),
                    _article("m1", MATCH, "2024-04-06")]
        analyses = []
        for a in articles:
            start = a.text.find("Pavla Renko")
            entities = [LocalEntity("e1", "Pavla Renko", "PERSON", mentions=[
                Mention(start, start + 11, "Pavla Renko", "name", "PERSON", "e1")])] if start >= 0 else []
            # as the analysis workers sign it; the fuse stage names its entities by their global ids
            analyses.append(ArticleAnalysis(a.id, entities=entities, story=sign(a)))
        registry = _Registry({"Pavla Renko": "renko-1"})
        pairs, _ = assign_entities(registry, analyses)
        signed.write_batch(articles, [], pairs, [GlobalEntity("renko-1", "Pavla Renko", "PERSON")])
        inputs = signed.story_inputs()
        pending = inputs.signed
        assert inputs.stored == [] and inputs.unsigned == [] and [f.article_id for f in pending] == ["f1", "f2", "m1"]
        flood = pending[0]
        assert flood.terms["n:renko-1"] == 1 and flood.terms == with_entities(
            features_of("f1", None, FLOOD_1, "2024-04-08"), ["renko-1"]).terms
        fuse_store(signed)
        assert [s.article_ids for s in signed.iter_stories()] == [["f1", "f2"], ["m1"]]


def test_stories_grouped_in_a_forked_helper_are_the_same(store, tmp_path, monkeypatch):
    import newsgraph.fuse as fuse

    with SQLiteStore(tmp_path / "alone.db") as alone:
        alone.write_batch([_article("f1", FLOOD_1, "2024-04-08"), _article("f2", FLOOD_2, "2024-04-08"),
                           _article("m1", MATCH, "2024-04-06")], [])
        fuse_store(alone)
        expected = [s.article_ids for s in alone.iter_stories()]
    monkeypatch.setattr(fuse, "PARALLEL_FROM", 1)  # as a large run does: the helper groups the stories
    fuse_store(store)
    assert [s.article_ids for s in store.iter_stories()] == expected == [["f1", "f2"], ["m1"]]


def test_the_pipeline_stores_signatures_naming_entities_by_their_global_ids(tmp_path, harbour_dump):
    from newsgraph import open_store, run
    from newsgraph.config import load_options

    (tmp_path / "harbour.txt").write_text(harbour_dump, encoding="utf-8")
    options = load_options(overrides={"run": {"workers": 1, "progress": False}})
    with open_store(options.store, tmp_path / "run.db") as ran:
        run([str(tmp_path / "harbour.txt")], options, ran)
        (terms,) = ran.conn.execute("SELECT terms FROM story_features").fetchone()
        entity_ids = {row[0] for row in ran.conn.execute("SELECT DISTINCT entity_id FROM mentions WHERE kind='name'")}
    named = {t[2:] for t in json.loads(terms) if t.startswith("n:")}
    assert entity_ids and entity_ids <= named  # every entity named in the article is a name term of it


def test_the_cyclic_collector_is_paused_for_the_stage_and_restored(store, monkeypatch):
    import gc

    import newsgraph.fuse as fuse

    seen = []
    grouping = fuse.group_quotes
    monkeypatch.setattr(fuse, "group_quotes", lambda quotes: seen.append(gc.isenabled()) or grouping(quotes))
    assert gc.isenabled()
    fuse_store(store)
    assert seen == [False] and gc.isenabled()
