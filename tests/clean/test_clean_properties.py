"""Properties of cleaning whole pages: prose survives, offsets point at the same characters."""
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsgraph.clean import clean_document
from newsgraph.config import load_options
from newsgraph.ingest.readers import content_hash
from newsgraph.records import Article, RawDocument
from tests.clean.test_clean_families import FURNITURE

_OPTIONS = load_options(overrides={"run": {"progress": False}}).clean
_WORDS = ["the", "council", "said", "on", "Monday", "river", "port", "workers", "police", "more",
          "share", "read", "photo", "by", "sign", "up", "home", "world", "news", "comments", "of",
          "minister", "agreed", "a", "deal", "talks", "in", "Oslo", "after", "night", "support"]

_sentence = st.builds(
    lambda first, rest, end: " ".join([first.capitalize(), *rest]) + end,
    st.sampled_from(_WORDS), st.lists(st.sampled_from(_WORDS), min_size=11, max_size=30),
    st.sampled_from([".", '."', ".'"]))
_paragraph = st.lists(_sentence, min_size=1, max_size=3).map(" ".join)
_furniture = st.sampled_from([line for line, _ in FURNITURE])
_page = st.lists(st.one_of(_paragraph.map(lambda p: ("prose", p)), _furniture.map(lambda f: ("furniture", f))),
                 min_size=1, max_size=12).filter(lambda parts: any(kind == "prose" for kind, _ in parts))
_gap = st.sampled_from(["\n", "\n\n", "\n \u00a0\n"])


def _clean(raw):
    doc = RawDocument(input_id="p.txt", format="text", content=raw, raw_hash=content_hash(raw))
    result = clean_document(doc, _OPTIONS)
    assert isinstance(result, Article)
    return result


@settings(max_examples=120, deadline=None)
@given(_page, _gap)
@example(parts=[("prose", 'By Monday the the the the the the the the the the."')], gap="\n")  # no byline: a sentence
def test_prose_paragraphs_are_never_dropped(parts, gap):
    raw = gap.join(text for _, text in parts)
    article = _clean(raw)
    for kind, text in parts:
        if kind == "prose":
            assert text in article.text


@settings(max_examples=120, deadline=None)
@given(_page, _gap)
@example(parts=[("prose", 'By Monday the the the the the the the the the the."')], gap="\n")  # no byline: a sentence
def test_offset_map_points_at_the_same_characters(parts, gap):
    raw = gap.join(text for _, text in parts)
    article = _clean(raw)
    for i, char in enumerate(article.text):
        if char in " \n":
            continue
        assert raw[article.raw_offset(i)] == char
