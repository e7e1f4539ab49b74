"""Event fusion: mentions of one real event across articles become one event.

Pure unit tests of :class:`EventFuser`, then ``fuse_store`` end to end on a
small SQLite store. The actors, articles and quotes are invented for these tests.
"""
import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.fuse import fuse_store
from newsgraph.fuse.events import EventFuser, actors_agree
from newsgraph.records import (
    Article,
    ArticleAnalysis,
    EventActor,
    EventMention,
    GlobalEntity,
    LocalEntity,
    QuoteSpan,
)
from newsgraph.store.sqlite import SQLiteStore

# Invented actors: named officials (entity ids n1..n3) and bare country-level actors.
DARA = EventActor("Minister Dara Hosseini", "IRN", "GOV", entity_id="n1")
KAMAL = EventActor("Kamal Saadi", "IRQ", "GOV", entity_id="n2")
FARID = EventActor("Farid Nouri", "IRN", "GOV", entity_id="n3")
IRAN = EventActor("Iran", "IRN")
IRAQ = EventActor("Iraq", "IRQ")


def _record(cameo="041", source=DARA, target=KAMAL, date="2021-05-16", **extra) -> dict:
    """What a report says, as keyword arguments of an EventMention."""
    record = {"cameo": cameo, "source": source, "target": target, "date": date,
              "date_precision": "day" if date else None, "place": None, "counts": {},
              "confidence": 0.8, "flags": []}
    record.update(extra)
    return record


def Mention(mention_id: str, article_id: str, record: dict) -> EventMention:
    """A stored report: what it says, with no sentence around it."""
    return EventMention(**record, start=0, end=0, sentence="", trigger="", trigger_start=0,
                        article_id=article_id, id=mention_id)


def _reading(**record) -> EventMention:
    return Mention("m", "a", _record(**record))


def _fuse(*mentions, corroborated=()):
    return EventFuser(corroborated).fuse(list(mentions))


def _groups(events):
    return sorted(sorted(m.id for m in e.mentions) for e in events)


def test_two_dated_reports_of_one_event_fuse():
    (event,) = _fuse(Mention("m1", "a1", _record()), Mention("m2", "a2", _record()))
    assert len(event.mentions) == 2
    assert event.date == "2021-05-16" and event.cameo == "041"
    assert not event.disputed and event.disagreements == {}


def test_a_consultation_fuses_in_either_direction():
    there = Mention("m1", "a1", _record("041", DARA, KAMAL))
    back = Mention("m2", "a2", _record("042", KAMAL, DARA))
    (event,) = _fuse(there, back)
    assert len(event.mentions) == 2


def test_a_criticism_keeps_its_direction():
    there = Mention("m1", "a1", _record("111", DARA, KAMAL))
    back = Mention("m2", "a2", _record("111", KAMAL, DARA))
    assert not actors_agree(there, back)
    assert _groups(_fuse(there, back)) == [["m1"], ["m2"]]
    # the same direction does fuse
    (event,) = _fuse(there, Mention("m3", "a2", _record("111", DARA, KAMAL)))
    assert len(event.mentions) == 2


def test_different_dates_stay_apart():
    events = _fuse(Mention("m1", "a1", _record(date="2021-05-16")),
                   Mention("m2", "a2", _record(date="2021-05-17")))
    assert _groups(events) == [["m1"], ["m2"]]
    assert not any(e.disputed for e in events)


def test_an_undated_report_joins_with_corroboration_and_takes_the_date():
    dated = Mention("m1", "a1", _record(date="2021-05-16"))
    undated = Mention("m2", "a2", _record(date=None))
    (event,) = _fuse(undated, dated, corroborated=[("a1", "a2")])
    assert len(event.mentions) == 2
    assert (event.date, event.date_precision) == ("2021-05-16", "day")
    assert not event.disputed and event.disagreements == {}
    # the pair may be given either way round
    (again,) = _fuse(dated, undated, corroborated=[("a2", "a1")])
    assert again.id == event.id


def test_a_month_told_joins_the_one_day_dated_event_of_that_month_between_the_same_people():
    # "the minister also met Saadi in May 2021", told by another story than the meeting's own
    dated = Mention("m1", "a1", _record(cameo="040", date="2021-05-16"))
    month = Mention("m2", "a2", _record(cameo="043", date="2021-05-01", date_precision="month"))
    (event,) = _fuse(month, dated)
    assert (event.date, event.date_precision) == ("2021-05-16", "day")
    # another month, or a country where a named person was, stays apart
    other_month = Mention("m3", "a3", _record(cameo="040", date="2021-06-01", date_precision="month"))
    by_country = Mention("m4", "a4", _record(cameo="040", target=IRAQ, date="2021-05-01", date_precision="month"))
    assert _groups(_fuse(dated, other_month, by_country)) == [["m1"], ["m3"], ["m4"]]
    # two meetings that month: the month does not say which
    second = Mention("m5", "a5", _record(cameo="040", date="2021-05-28"))
    assert _groups(_fuse(dated, second, month)) == [["m1"], ["m2"], ["m5"]]


def test_a_month_told_joins_when_the_other_side_is_named_in_neither():
    # "Hosseini withdrew the bill on Thursday" and "a bill Hosseini withdrew in May 2021"
    dated = Mention("m1", "a1", _record(cameo="081", target=None, date="2021-05-16"))
    month = Mention("m2", "a2", _record(cameo="080", target=EventActor("", "IRN"), date="2021-05-01",
                                        date_precision="month"))
    (event,) = _fuse(month, dated)
    assert (event.date, event.date_precision) == ("2021-05-16", "day")
    # named on the other side in one only: someone else may be meant
    named = Mention("m3", "a3", _record(cameo="080", target=FARID, date="2021-05-01", date_precision="month"))
    assert _groups(_fuse(dated, named)) == [["m1"], ["m3"]]


def test_between_codes_as_often_told_the_most_specific_names_the_event():
    # "spoke to him by phone" (041) and, in a quotation, "I spoke to him" (040): one call
    (event,) = _fuse(Mention("m1", "a1", _record(cameo="040")), Mention("m2", "a1", _record(cameo="041")))
    assert event.cameo == "041"
    # the majority still decides
    (event,) = _fuse(Mention("m1", "a1", _record(cameo="040")), Mention("m2", "a2", _record(cameo="040")),
                     Mention("m3", "a3", _record(cameo="041")))
    assert event.cameo == "040"


def test_an_undated_look_alike_without_corroboration_stays_apart():
    # the same two officials on the phone, told by an undated article a year later
    dated = Mention("m1", "a1", _record(date="2021-05-16"))
    later = Mention("m2", "a9", _record(date=None))
    events = _fuse(dated, later, corroborated=[("a1", "a2")])
    assert _groups(events) == [["m1"], ["m2"]]
    by_id = {e.mentions[0].id: e for e in events}
    assert by_id["m1"].date == "2021-05-16" and by_id["m2"].date is None


def test_an_undated_report_in_the_same_article_joins():
    (event,) = _fuse(Mention("m1", "a1", _record()), Mention("m2", "a1", _record(date=None)))
    assert len(event.mentions) == 2


def test_a_country_agrees_with_its_named_official_when_the_other_side_is_the_same_entity():
    named = Mention("m1", "a1", _record("041", DARA, KAMAL))
    country = Mention("m2", "a2", _record("041", IRAN, KAMAL))
    assert actors_agree(named, country) and actors_agree(country, named)
    (event,) = _fuse(named, country)
    assert len(event.mentions) == 2
    assert event.source.entity_id == "n1"  # the named reading wins


def test_two_countries_alone_are_not_enough():
    # two unnamed pairs of countries agree only as one day's act told by two outlets
    assert not actors_agree(_reading(cameo="041", source=IRAN, target=IRAQ), _reading(cameo="041", source=IRAN, target=IRAQ))
    assert _groups(_fuse(Mention("m1", "a1", _record("041", IRAN, IRAQ)),
                         Mention("m2", "a2", _record("041", IRAN, IRAQ, date="2021-05-17")))) == [["m1"], ["m2"]]
    assert _groups(_fuse(Mention("m1", "a1", _record("041", IRAN, IRAQ)),
                         Mention("m2", "a1", _record("041", IRAN, IRAQ)))) == [["m1"], ["m2"]]


def test_one_day_s_call_between_two_countries_told_by_two_outlets_is_one():
    assert _groups(_fuse(Mention("m1", "a1", _record("041", IRAN, IRAQ)),
                         Mention("m2", "a2", _record("041", IRAN, IRAQ)))) == [["m1", "m2"]]


def test_two_different_named_officials_of_one_country_do_not_agree():
    assert not actors_agree(_reading(cameo="041", source=DARA, target=KAMAL),
                            _reading(cameo="041", source=FARID, target=KAMAL))


def test_different_roots_never_fuse():
    events = _fuse(Mention("m1", "a1", _record("041")), Mention("m2", "a2", _record("051")),
                   Mention("m3", "a3", _record("111")))
    assert _groups(events) == [["m1"], ["m2"], ["m3"]]


def test_disagreeing_counts_fuse_and_dispute():
    a = Mention("m1", "a1", _record("145", IRAN, KAMAL, counts={"injured": 14, "killed": 2}))
    b = Mention("m2", "a2", _record("145", IRAN, KAMAL, counts={"injured": 16}))
    c = Mention("m3", "a3", _record("145", DARA, KAMAL, counts={"injured": 16}))
    (event,) = _fuse(a, b, c)
    assert len(event.mentions) == 3
    assert event.disputed
    assert event.disagreements == {"counts.injured": {"14": ["a1"], "16": ["a2", "a3"]}}
    assert event.counts == {"injured": 16, "killed": 2}


def test_agreeing_dated_reports_have_no_disagreement():
    a = Mention("m1", "a1", _record(counts={"injured": 3}))
    b = Mention("m2", "a2", _record(counts={"injured": 3}))
    (event,) = _fuse(a, b)
    assert event.disagreements == {} and not event.disputed
    assert event.counts == {"injured": 3}


def test_a_differing_place_is_kept_but_does_not_dispute():
    here = {"name": "Velmar", "country": "IRN", "lat": 35.7, "lon": 51.4}
    there = {"name": "Ostra", "country": "IRQ", "lat": 33.3, "lon": 44.4}
    (event,) = _fuse(Mention("m1", "a1", _record(place=here)), Mention("m2", "a2", _record(place=there)))
    assert event.disagreements == {"place": {"Velmar": ["a1"], "Ostra": ["a2"]}}
    assert not event.disputed


def test_fused_ids_are_stable_whatever_the_order():
    mentions = [Mention("m1", "a1", _record()), Mention("m2", "a2", _record()),
                Mention("m3", "a3", _record(date=None)), Mention("m4", "a4", _record("111")),
                Mention("m5", "a5", _record(date="2021-06-01"))]
    pairs = [("a2", "a3")]
    expected = {e.id: sorted(m.id for m in e.mentions) for e in _fuse(*mentions, corroborated=pairs)}
    assert sorted(expected.values()) == [["m1", "m2", "m3"], ["m4"], ["m5"]]
    rng = random.Random(3)
    for _ in range(10):
        shuffled = mentions[:]
        rng.shuffle(shuffled)
        got = {e.id: sorted(m.id for m in e.mentions) for e in _fuse(*shuffled, corroborated=pairs)}
        assert got == expected


def test_the_same_entities_fuse_when_one_report_lacks_a_country():
    without_country = replace(DARA, country=None)
    (event,) = _fuse(Mention("m1", "a1", _record("041", DARA, KAMAL)),
                     Mention("m2", "a2", _record("041", without_country, KAMAL)))
    assert len(event.mentions) == 2


# --- property: a partition that never mixes roots or dates ---------------------------------------------

CODES = ["040", "041", "042", "043", "110", "111", "112", "190", "193"]
ACTORS = [None, DARA, KAMAL, FARID, IRAN, IRAQ,
          EventActor("Iranian officials", "IRN", "GOV"), EventActor("Lena Ostrova", entity_id="n4")]
DATES = [None, "2021-05-16", "2021-05-17", "2022-05-16"]
ARTICLES = ["a1", "a2", "a3", "a4", "a5"]
_mention = st.tuples(st.sampled_from(ARTICLES), st.sampled_from(CODES), st.sampled_from(ACTORS),
                     st.sampled_from(ACTORS), st.sampled_from(DATES),
                     st.dictionaries(st.sampled_from(["injured", "killed"]), st.integers(0, 20), max_size=2))


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.lists(_mention, max_size=14),
       st.lists(st.tuples(st.sampled_from(ARTICLES), st.sampled_from(ARTICLES)), max_size=4),
       st.randoms(use_true_random=False))
def test_every_mention_lands_in_exactly_one_coherent_event(items, pairs, rng):
    mentions = [Mention(f"m{i}", aid, _record(code, source, target, date, counts=counts))
                for i, (aid, code, source, target, date, counts) in enumerate(items)]
    events = EventFuser(pairs).fuse(mentions)
    placed = [m.id for e in events for m in e.mentions]
    assert sorted(placed) == sorted(m.id for m in mentions)
    assert len({e.id for e in events}) == len(events)
    for event in events:
        assert event.mentions
        assert len({m.cameo[:2] for m in event.mentions}) == 1
        dates = {m.date for m in event.mentions} - {None}
        assert len(dates) <= 1
        assert event.date == (dates.pop() if dates else None)
        assert "date" not in event.disagreements
    shuffled = mentions[:]
    rng.shuffle(shuffled)
    again = EventFuser(reversed(pairs)).fuse(shuffled)
    assert {e.id: _groups([e]) for e in again} == {e.id: _groups([e]) for e in events}


# --- fuse_store end to end ------------------------------------------------------------------------------

# Two invented reports of one phone call; the second is undated but quotes the same statement.
TEXT_1 = ('Minister Dara Hosseini spoke with Kamal Saadi by phone on Sunday. "Our two nations will keep the '
          'border crossings open for pilgrims and traders throughout the summer," Hosseini said.')
TEXT_2 = ('Dara Hosseini told Kamal Saadi in a telephone call that "our two nations shall keep the border '
          'crossings open to traders and pilgrims all through the summer".')


def _quote(text, words):
    start = text.index(words)
    return QuoteSpan(start=start, end=start + len(words), text=words, kind="direct", cue="said")


def _call(text, trigger, date):
    dara = EventActor("Dara Hosseini", country="IRN", sector="GOV", key="e1")
    kamal = EventActor("Kamal Saadi", country="IRQ", sector="GOV", key="e2")
    sentence_end = text.index(".") + 1
    return EventMention(cameo="042", source=dara, target=kamal, start=0, end=sentence_end,
                        sentence=text[:sentence_end], trigger=trigger, trigger_start=text.index(trigger),
                        date=date, date_precision="day" if date else None, confidence=0.7)


def _locals():
    return [LocalEntity(key="e1", name="Dara Hosseini", type="PERSON", country="IRN"),
            LocalEntity(key="e2", name="Kamal Saadi", type="PERSON", country="IRQ")]


@pytest.fixture
def store(tmp_path):
    opened = SQLiteStore(tmp_path / "fuse.db")
    ids = {"e1": "ent-dara", "e2": "ent-kamal"}
    entities = [GlobalEntity(id="ent-dara", name="Dara Hosseini", type="PERSON", country="IRN"),
                GlobalEntity(id="ent-kamal", name="Kamal Saadi", type="PERSON", country="IRQ")]
    first = ArticleAnalysis("a1", entities=_locals(), events=[_call(TEXT_1, "spoke", "2021-05-16")],
                            quotes=[_quote(TEXT_1, "Our two nations will keep the border crossings open for "
                                                   "pilgrims and traders throughout the summer,")])
    second = ArticleAnalysis("a2", entities=_locals(), events=[_call(TEXT_2, "told", None)],
                             quotes=[_quote(TEXT_2, "our two nations shall keep the border crossings open to "
                                                    "traders and pilgrims all through the summer")])
    opened.write_batch(
        [Article(id="a1", inputs=["a1.txt"], text=TEXT_1, published="2021-05-16", raw_hash="h-a1"),
         Article(id="a2", inputs=["a2.txt"], text=TEXT_2, raw_hash="h-a2")],
        [], [(first, ids), (second, ids)], entities)
    try:
        yield opened
    finally:
        opened.close()


def test_fuse_store_groups_quotes_and_fuses_the_call(store):
    assert len(list(store.iter_events())) == 2  # one event per mention until fusion
    report = fuse_store(store)
    assert (report.quote_groups, report.events) == (1, 1)
    quotes = list(store.iter_quotes())
    assert [q.article_id for q in quotes] == ["a1", "a2"]
    assert quotes[0].group_id is not None and quotes[0].group_id == quotes[1].group_id
    (event,) = list(store.iter_events())
    assert len(event.mentions) == 2 and event.num_articles == 2
    assert [m.article_id for m in event.mentions] == ["a1", "a2"]
    assert (event.date, event.date_precision) == ("2021-05-16", "day")
    assert event.source.entity_id == "ent-dara" and event.target.entity_id == "ent-kamal"
    assert not event.disputed and event.disagreements == {}


def test_fuse_store_is_idempotent(store):
    first = fuse_store(store)
    quotes, events = list(store.iter_quotes()), list(store.iter_events())
    again = fuse_store(store)
    assert (again.quote_groups, again.events) == (first.quote_groups, first.events)
    assert again.grouped == 0  # every article has its story already
    assert list(store.iter_quotes()) == quotes
    assert list(store.iter_events()) == events
    assert store.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    assert store.integrity_ok()


def test_two_named_speakers_of_one_statement_are_a_disputed_source():
    said_by = [("ent-amir", "Amir Tavana"), ("ent-reza", "Reza Tavani")]
    mentions = []
    for i, (entity, name) in enumerate(said_by):
        record = _record("051", EventActor(name, "IRN", "GOV", entity_id=entity),
                         EventActor("Palestine", "PSE", entity_id="ent-pse"), "2022-04-10", confidence=0.7)
        mentions.append(Mention(f"m{i}", f"a{i}", record))
    fused = EventFuser().fuse(mentions)
    # the same target and day, but two different named sources: two events, nothing disputed
    assert len(fused) == 2 and not any(e.disputed for e in fused)
    mentions[1].source = EventActor("Iran", "IRN", entity_id="ent-ir")
    mentions.append(replace(mentions[0], id="m2", article_id="a2",
                            source=replace(mentions[0].source, entity_id="ent-reza", text="Reza Tavani")))
    (event,) = EventFuser().fuse(mentions)  # "Iran" bridges the two speakers of one statement
    assert event.disputed and event.disagreements["source"] == {"Amir Tavana": ["a0"], "Reza Tavani": ["a2"]}


def test_a_joint_act_meets_the_same_act_told_in_the_other_order():
    # "Iran and Iraq agreed on Sunday to reopen embassies" (IRN>IRQ, a joint act) and "Iraq's
    # Saadi and Iran's minister agreed to reopen embassies" (IRQ>IRN), told by two outlets
    tehran = EventActor("Tehran", "IRN", "GOV", entity_id="n8")
    first = Mention("m1", "a1", _record(cameo="032", source=tehran, target=IRAQ, flags=["joint"]))
    second = Mention("m2", "a2", _record(cameo="032", source=KAMAL, target=EventActor("Iran's minister", "IRN", "GOV"),
                                         flags=["joint"]))
    (event,) = _fuse(first, second)
    assert len(event.mentions) == 2
    # another act of the same root, not joint, in the other order stays apart: one's praise
    # (051) of the other is not their joint signing (057)
    signing = Mention("m3", "a3", _record(cameo="057", source=KAMAL, target=DARA, flags=["joint"]))
    praise = Mention("m4", "a3", _record(cameo="051", source=DARA, target=EventActor("his counterpart", "IRQ", "GOV")))
    assert _groups(_fuse(signing, praise)) == [["m3"], ["m4"]]
    # without the joint reading, the order of the sides holds
    plain = [Mention(m.id, m.article_id, _record(cameo="032", source=m.source, target=m.target))
             for m in (first, second)]
    assert _groups(_fuse(*plain)) == [["m1"], ["m2"]]
