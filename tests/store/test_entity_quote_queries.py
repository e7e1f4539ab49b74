"""Entity and quote queries are filtered by the store, in SQL: the CLI only prints what it gets.

The people, places and words are invented for these tests.
"""
import pytest

from newsgraph.records import Article, ArticleAnalysis, GlobalEntity, LocalEntity, Mention, QuoteSpan
from newsgraph.store import EntityQuery, QuoteQuery, open_store

TEXT = ('Åse Lund met Piet Brink in Velmar. "The harbour stays open all winter," Lund said. '
        'Brink said the council would decide on the ferry fares next week.')


def _mention(word: str, kind: str = "name", key: str = "e1", kind_type: str = "PERSON") -> Mention:
    start = TEXT.index(word)
    return Mention(start, start + len(word), word, kind, kind_type, key)


@pytest.fixture
def store(tmp_path, options):
    lund = LocalEntity("e1", "Åse Lund", "PERSON", country="NOR",
                       mentions=[_mention("Åse Lund"), _mention("Lund said")])
    brink = LocalEntity("e2", "Piet Brink", "PERSON", country="NLD", mentions=[_mention("Piet Brink", key="e2")])
    velmar = LocalEntity("e3", "Velmar", "GPE", country="NLD", mentions=[_mention("Velmar", key="e3")])
    direct = TEXT.index("The harbour")
    indirect = TEXT.index("the council")
    quotes = [QuoteSpan(direct, direct + 36, "The harbour stays open all winter,", "direct", "said",
                        speaker_text="Lund", speaker_key="e1"),
              QuoteSpan(indirect, len(TEXT) - 1, "the council would decide on the ferry fares next week",
                        "indirect", "said", speaker_text="Brink")]
    analysis = ArticleAnalysis("a1", entities=[lund, brink, velmar], quotes=quotes)
    ids = {"e1": "ent-lund", "e2": "ent-brink", "e3": "ent-velmar"}
    entities = [GlobalEntity("ent-lund", "Åse Lund", "PERSON", country="NOR", aliases=["Lund"]),
                GlobalEntity("ent-brink", "Piet Brink", "PERSON", country="NLD"),
                GlobalEntity("ent-velmar", "Velmar", "GPE", country="NLD")]
    with open_store(options.store, tmp_path / "n.db") as opened:
        opened.write_batch([Article(id="a1", inputs=["a1.txt"], text=TEXT, raw_hash="h")], [],
                           [(analysis, ids)], entities)
        yield opened


@pytest.mark.parametrize("query, names", [
    (EntityQuery(), ["Åse Lund", "Piet Brink", "Velmar"]),
    (EntityQuery(type="person"), ["Åse Lund", "Piet Brink"]),
    (EntityQuery(country="nld"), ["Piet Brink", "Velmar"]),
    (EntityQuery(name="åse"), ["Åse Lund"]),
    (EntityQuery(name="LUND"), ["Åse Lund"]),
    (EntityQuery(min_mentions=2), ["Åse Lund"]),
    (EntityQuery(type="GPE", country="NLD"), ["Velmar"]),
    (EntityQuery(limit=1), ["Åse Lund"]),
])
def test_entity_filters(store, query, names):
    assert [e.name for e in store.iter_entities(query)] == names


def test_entities_count_their_mentions_with_or_without_reading_them(store):
    full = {e.name: e for e in store.iter_entities()}
    bare = {e.name: e for e in store.iter_entities(EntityQuery(with_mentions=False))}
    assert [m.text for m in full["Åse Lund"].mentions] == ["Åse Lund", "Lund said"]
    assert bare["Åse Lund"].mentions == [] and bare["Åse Lund"].num_mentions == 2 == full["Åse Lund"].num_mentions


@pytest.mark.parametrize("query, texts", [
    (QuoteQuery(), ["The harbour", "the council"]),
    (QuoteQuery(speaker="åse"), ["The harbour"]),  # the speaker's entity name, in any case
    (QuoteQuery(speaker="brink"), ["the council"]),  # no entity: the words the article gives
    (QuoteQuery(kind="indirect"), ["the council"]),
    (QuoteQuery(article_id="a2"), []),
])
def test_quote_filters(store, query, texts):
    assert [q.text[:11] for q in store.iter_quotes(query)] == texts


def test_quotes_carry_their_speakers_name_and_serialize_as_the_contract(store):
    lund, brink = store.iter_quotes()
    assert (lund.speaker_name, brink.speaker_name) == ("Åse Lund", "Brink")
    assert lund.to_json()["speaker"] == {"entity_id": "ent-lund", "text": "Lund"}
    assert "speaker_name" not in lund.to_json()
