"""Events in the SQLite store: writing, reading back, filtering, and the v2 -> v3 migration.

The articles, actors and events below are invented for these tests.
"""
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.kb.cameo import load_cameo
from newsgraph.records import (
    Article,
    ArticleAnalysis,
    EventActor,
    EventMention,
    EventWhy,
    GlobalEntity,
    LocalEntity,
    Mention,
)
from newsgraph.store import EventQuery, open_store
from newsgraph.store.migrations import MIGRATIONS, SCHEMA_VERSION
from newsgraph.store.sqlite import APPLICATION_ID, SQLiteStore

KEYS = {"id", "cameo", "root", "quad_class", "goldstein", "plover", "source", "target", "date",
        "date_precision", "period", "place", "counts", "num_articles", "num_sources", "confidence", "flags",
        "disputed", "disagreements", "mentions"}
TEXT_1 = "Mayor Ada Brink met the harbour council in Velmar on Monday."
TEXT_2 = "Police detained 12 dock workers in Velmar on Wednesday, injuring three."
TEXT_3 = "Oldland condemned the new tariffs."
VELMAR = {"name": "Velmar", "country": "NLD", "lat": 51.9, "lon": 4.5}


def _article(aid, text, published=None):
    return Article(id=aid, inputs=[aid + ".txt"], text=text, published=published, raw_hash="h-" + aid)


def _mention(cameo, text, trigger, source=None, target=None, **extra):
    return EventMention(cameo=cameo, source=source, target=target, start=0, end=len(text), sentence=text,
                        trigger=trigger, trigger_start=text.index(trigger), **extra)


def _stored(store):
    """Write three articles, each with one event; return the store."""
    ada = LocalEntity(key="e1", name="Ada Brink", type="PERSON", country="NLD",
                      mentions=[Mention(6, 15, "Ada Brink", "name", "PERSON", "e1")])
    entities = [GlobalEntity(id="ent-ada", name="Ada Brink", type="PERSON", country="NLD")]
    meeting = _mention("041", TEXT_1, "met", EventActor("Ada Brink", country="NLD", sector="GOV", key="e1"),
                       EventActor("the harbour council"), date="2024-05-06", date_precision="day",
                       place=VELMAR, confidence=0.8, flags=["passive"])
    arrest = _mention("173", TEXT_2, "detained", EventActor("Police", country="NLD", sector="COP"),
                      EventActor("dock workers", sector="LAB"), date="2024-05-08", date_precision="day",
                      place=VELMAR, counts={"detained": 12, "injured": 3})
    condemn = _mention("111", TEXT_3, "condemned", EventActor("Oldland", country="XOL"), None)
    store.write_batch(
        [_article("a1", TEXT_1, "2024-05-06"), _article("a2", TEXT_2, "2024-05-08"), _article("a3", TEXT_3)],
        [],
        [(ArticleAnalysis("a1", entities=[ada], events=[meeting]), {"e1": "ent-ada"}),
         (ArticleAnalysis("a2", events=[arrest]), {}),
         (ArticleAnalysis("a3", events=[condemn]), {})],
        entities)
    return store


@pytest.fixture
def store(tmp_path, options):
    with open_store(options.store, tmp_path / "n.db") as opened:
        yield _stored(opened)


def test_events_read_back_in_the_contract_shape(store):
    found = [e.to_json() for e in store.iter_events()]
    assert [e["cameo"] for e in found] == ["041", "173", "111"]  # by date, undated last
    for event in found:
        assert set(event) == KEYS
        assert event["num_articles"] == event["num_sources"] == 1 and not event["disputed"]
    meeting, arrest, condemn = found
    assert (meeting["root"], meeting["quad_class"], meeting["goldstein"], meeting["plover"]) == (
        "04", 1, 1.0, "CONSULT")
    row = load_cameo()["173"]
    assert (arrest["root"], arrest["quad_class"], arrest["goldstein"], arrest["plover"]) == (
        row.root, row.quad_class, row.goldstein, row.plover)
    assert meeting["source"] == {"entity_id": "ent-ada", "text": "Ada Brink", "country": "NLD", "sector": "GOV"}
    assert meeting["target"] == {"entity_id": None, "text": "the harbour council", "country": None, "sector": None}
    assert meeting["place"] == VELMAR and meeting["flags"] == ["passive"] and meeting["confidence"] == 0.8
    assert (meeting["date"], meeting["date_precision"]) == ("2024-05-06", "day")
    assert arrest["counts"] == {"detained": 12, "injured": 3} and arrest["counts"]["detained"] == 12
    assert condemn["target"] is None and condemn["date"] is None and condemn["place"] is None
    assert meeting["mentions"] == [
        {"article_id": "a1", "start": 0, "end": len(TEXT_1), "sentence": TEXT_1, "trigger": "met", "why": None}]


def test_rewriting_an_article_replaces_its_events(store):
    again = _mention("042", TEXT_1, "met", EventActor("Ada Brink", key="e1"), EventActor("Velmar"))
    store.write_batch([], [], [(ArticleAnalysis("a1", events=[again]), {"e1": "ent-ada"})])
    store.write_batch([], [], [(ArticleAnalysis("a1", events=[again]), {"e1": "ent-ada"})])
    found = list(store.iter_events())
    assert sorted(e.cameo for e in found) == ["042", "111", "173"]
    conn = store.conn
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 3
    assert conn.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == 3
    assert conn.execute("SELECT count(*) FROM events WHERE id NOT IN "
                        "(SELECT event_id FROM event_mentions)").fetchone()[0] == 0
    store.write_batch([], [], [(ArticleAnalysis("a1", events=[]), {})])
    assert sorted(e.cameo for e in store.iter_events()) == ["111", "173"]
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 2


@pytest.mark.parametrize("query, cameos", [
    (EventQuery(), ["041", "173", "111"]),
    (EventQuery(actor="ent-ada"), ["041"]),
    (EventQuery(actor="police"), ["173"]),
    (EventQuery(actor="Dock Workers"), ["173"]),
    (EventQuery(country="nld"), ["041", "173"]),
    (EventQuery(country="XOL"), ["111"]),
    (EventQuery(code="04"), ["041"]),
    (EventQuery(code="041"), ["041"]),
    (EventQuery(code="1"), ["173", "111"]),
    (EventQuery(root="4"), ["041"]),
    (EventQuery(root="17"), ["173"]),
    (EventQuery(quad_class=3), ["111"]),
    (EventQuery(quad_class=4), ["173"]),
    (EventQuery(since="2024-05-07"), ["173"]),
    (EventQuery(until="2024-05-07"), ["041"]),
    (EventQuery(since="2024-05-06", until="2024-05-08"), ["041", "173"]),
    (EventQuery(disputed=True), []),
    (EventQuery(article_id="a2"), ["173"]),
    (EventQuery(article_id="nope"), []),
    (EventQuery(limit=1), ["041"]),
    (EventQuery(country="NLD", quad_class=4), ["173"]),
])
def test_each_query_filter(store, query, cameos):
    assert [e.cameo for e in store.iter_events(query)] == cameos


def test_actor_words_do_not_match_json_keys(store):
    assert list(store.iter_events(EventQuery(actor="sector"))) == []


def test_actor_words_match_non_ascii_names(tmp_path, options):
    text = "Åse Lund met the harbour council."
    with open_store(options.store, tmp_path / "n.db") as store:
        store.write_batch([_article("a1", text)], [],
                          [(ArticleAnalysis("a1", events=[_mention("041", text, "met", EventActor("Åse Lund"))]), {})])
        assert len(list(store.iter_events(EventQuery(actor="Åse")))) == 1


def _v2_database(path):
    """A database as schema version 2 left it, holding one analysed article."""
    conn = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:2]:
        conn.executescript(script)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute("PRAGMA user_version=2")
    conn.execute("INSERT INTO articles(id, text, analyzed) VALUES ('old-1', 'Ships left the port.', 1)")
    conn.close()


def test_v2_database_migrates_and_is_analysed_again(tmp_path):
    path = tmp_path / "old.db"
    _v2_database(path)
    before = sqlite3.connect(path)
    assert before.execute("PRAGMA user_version").fetchone()[0] == 2
    assert before.execute("SELECT count(*) FROM sqlite_master WHERE name='events'").fetchone()[0] == 0
    before.close()
    store = SQLiteStore(path)
    try:
        assert SCHEMA_VERSION >= 3 and store.schema_version == SCHEMA_VERSION
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"events", "event_mentions", "articles", "entities"} <= tables
        assert [a.id for a in store.unanalyzed_articles(10)] == ["old-1"]
        assert list(store.iter_events()) == []
    finally:
        store.close()
    # Opening again migrates nothing more and keeps the article.
    with SQLiteStore(path) as again:
        assert again.schema_version == SCHEMA_VERSION and again.count_articles() == 1


CODES = ["010", "041", "042", "051", "111", "141", "173", "190"]
_actor = st.none() | st.builds(EventActor, text=st.text(min_size=1, max_size=20),
                               country=st.sampled_from([None, "NLD", "XOL"]),
                               sector=st.sampled_from([None, "GOV", "COP"]))
_counts = st.dictionaries(st.sampled_from(["killed", "injured", "detained"]), st.integers(0, 10_000), max_size=3)
_event = st.tuples(st.sampled_from(CODES), _actor, _actor, st.text(max_size=40), st.integers(0, 99), _counts)


@settings(max_examples=60, derandomize=True, deadline=None)
@given(st.lists(_event, max_size=8))
def test_written_events_read_back_unchanged(items):
    assert all(code in load_cameo() for code in CODES)
    mentions = [
        EventMention(cameo=code, source=source, target=target, start=100 * i + offset,
                     end=100 * i + offset + len(sentence), sentence=sentence, trigger="x",
                     trigger_start=100 * i + offset, counts=counts)
        for i, (code, source, target, sentence, offset, counts) in enumerate(items)]
    store = SQLiteStore(":memory:")
    try:
        store.write_batch([_article("p1", "generated")], [], [(ArticleAnalysis("p1", events=mentions), {})])
        found = sorted((e.to_json() for e in store.iter_events()), key=lambda e: e["mentions"][0]["start"])
        assert len(found) == len(mentions)
        for m, event in zip(mentions, found):
            assert event["cameo"] == m.cameo and event["counts"] == m.counts
            assert (event["source"] or {}).get("text") == (m.source.text if m.source else None)
            assert (event["target"] or {}).get("text") == (m.target.text if m.target else None)
            (read,) = event["mentions"]
            assert (read["start"], read["end"], read["sentence"]) == (m.start, m.end, m.sentence)
    finally:
        store.close()


_TEXTS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=50, deadline=None)
@given(st.builds(EventWhy, _TEXTS, _TEXTS, _TEXTS, st.integers(0, 10**6), st.integers(0, 10**6), _TEXTS,
                 _TEXTS, st.lists(_TEXTS, max_size=3).map(tuple)))
def test_why_round_trips_through_json(why):
    assert EventWhy.from_json(why.to_json()) == why


def test_the_reasons_of_a_report_are_stored_with_it(store):
    why = EventWhy("event_lexicon.txt:12", "111 condemn", "condemned", 8, 17, "subject of 'condemned'",
                   "object of 'condemned'", ("a step",))
    condemn = _mention("111", TEXT_3, "condemned", EventActor("Oldland", country="XOL"), None, why=why)
    store.write_batch([_article("a9", TEXT_3)], [], [(ArticleAnalysis("a9", events=[condemn]), {})], [])
    (event,) = [e for e in store.iter_events(EventQuery(article_id="a9"))]
    assert event.mentions[0].why == why


def test_the_weekday_of_an_undated_report_is_stored_with_it(store):
    # what fusion needs to place "detained on Tuesday" of an article with no date
    arrest = _mention("173", TEXT_2, "detained", EventActor("Police", country="NLD", sector="COP"), None,
                      weekday=1)
    store.write_batch([_article("a8", TEXT_2)], [], [(ArticleAnalysis("a8", events=[arrest]), {})], [])
    (event,) = [e for e in store.iter_events(EventQuery(article_id="a8"))]
    assert event.mentions[0].weekday == 1 and event.date is None
