"""Quote groups: the same words reported by several articles share one group id.

Every quote below is invented for these tests.
"""
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.fuse.quotes import MIN_WORDS, content_words, group_quotes as _group_records
from newsgraph.records import QuoteText


def group_quotes(quotes):
    """Quote groups of (quote id, article id, text) triples, as stored quotes."""
    return _group_records([QuoteText(*q) for q in quotes])


# One invented statement, rendered twice into English (as two translators would) and once more loosely.
FIRST = "We will not let the fishing fleet of Velmar pay for the mistakes of the harbour board."
SECOND = "We shall not allow the Velmar fishing fleet to pay for the harbour board's mistakes."
THIRD = "We will not let Velmar's fishing fleet pay the price for mistakes made by the harbour board."
# Unrelated quotes of about the same length.
BRIDGE = "The new bridge across the river will open to traffic in the spring after long delays."
FARMERS = "Our farmers deserve better prices for grain and milk from the national supermarkets today."
# Shares a few words with FIRST (harbour, board, fishing) but says something else.
SEASON = "The harbour board told us the fishing season opens later because of the cold northern currents."


def test_two_renderings_in_two_articles_share_a_group():
    groups = group_quotes([("q1", "a1", FIRST), ("q2", "a2", SECOND)])
    assert set(groups) == {"q1", "q2"}
    assert groups["q1"] == groups["q2"]


def test_small_wording_changes_still_group():
    groups = group_quotes([("q1", "a1", FIRST), ("q2", "a2", THIRD)])
    assert groups.get("q1") is not None and groups["q1"] == groups.get("q2")


def test_the_same_quote_twice_in_one_article_is_no_group():
    assert group_quotes([("q1", "a1", FIRST), ("q2", "a1", FIRST)]) == {}
    assert group_quotes([("q1", "a1", FIRST), ("q2", "a1", SECOND), ("q3", "a1", THIRD)]) == {}


def test_a_repeat_within_one_article_joins_once_another_article_quotes_it():
    groups = group_quotes([("q1", "a1", FIRST), ("q2", "a1", FIRST), ("q3", "a2", SECOND)])
    assert set(groups) == {"q1", "q2", "q3"} and len(set(groups.values())) == 1


def test_short_quotes_never_group():
    short = "We will win"
    assert len(content_words(short)) < MIN_WORDS
    assert group_quotes([(f"q{i}", f"a{i}", short) for i in range(5)]) == {}
    five = "Velmar fishermen demand fair prices"  # five content words, repeated verbatim
    assert len(content_words(five)) == MIN_WORDS - 1
    assert group_quotes([("q1", "a1", five), ("q2", "a2", five), ("q3", "a3", five)]) == {}


def test_six_content_words_are_enough():
    six = "Velmar fishermen demand fair prices tomorrow"
    assert len(content_words(six)) == MIN_WORDS
    groups = group_quotes([("q1", "a1", six), ("q2", "a2", six)])
    assert set(groups) == {"q1", "q2"}


def test_unrelated_quotes_of_similar_length_do_not_group():
    quotes = [("q1", "a1", FIRST), ("q2", "a2", BRIDGE), ("q3", "a3", FARMERS), ("q4", "a4", SEASON)]
    assert group_quotes(quotes) == {}


def test_three_articles_quoting_one_sentence_get_one_group():
    quotes = [("q1", "a1", FIRST), ("q2", "a2", SECOND), ("q3", "a3", THIRD),
              ("q4", "a4", BRIDGE), ("q5", "a5", FARMERS)]
    groups = group_quotes(quotes)
    assert set(groups) == {"q1", "q2", "q3"}
    assert len(set(groups.values())) == 1


def test_two_groups_stay_apart():
    quotes = [("q1", "a1", FIRST), ("q2", "a2", SECOND), ("q3", "a1", BRIDGE), ("q4", "a3", BRIDGE)]
    groups = group_quotes(quotes)
    assert groups["q1"] == groups["q2"] and groups["q3"] == groups["q4"]
    assert groups["q1"] != groups["q3"]


def test_group_ids_are_stable_across_input_order():
    quotes = [("q1", "a1", FIRST), ("q2", "a2", SECOND), ("q3", "a3", THIRD),
              ("q4", "a1", BRIDGE), ("q5", "a4", BRIDGE), ("q6", "a5", FARMERS)]
    expected = group_quotes(quotes)
    assert len(set(expected.values())) == 2
    rng = random.Random(7)
    for _ in range(10):
        shuffled = quotes[:]
        rng.shuffle(shuffled)
        assert group_quotes(shuffled) == expected
    assert group_quotes(reversed(quotes)) == expected  # any iterable will do


# Texts drawn from a small vocabulary recur often enough to form groups; free text covers the odd inputs.
VOCAB = ["harbour", "board", "fishing", "fleet", "velmar", "mistakes", "pay", "we", "will", "the", "not",
         "bridge", "river", "spring", "grain", "milk", "prices", "win", "a", "of", "farmers", "storm"]
_text = st.one_of(
    st.lists(st.sampled_from(VOCAB), max_size=14).map(" ".join),
    st.text(max_size=60),
)
_quotes = st.lists(st.tuples(st.sampled_from(["a1", "a2", "a3", "a4"]), _text), max_size=25)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(_quotes)
def test_groups_span_articles_and_hold_long_quotes(items):
    quotes = [(f"q{i}", aid, text) for i, (aid, text) in enumerate(items)]
    groups = group_quotes(quotes)
    by_id = {qid: (aid, text) for qid, aid, text in quotes}
    assert set(groups) <= set(by_id)
    members: dict[str, set[str]] = {}
    for qid, gid in groups.items():
        aid, text = by_id[qid]
        assert len(content_words(text)) >= MIN_WORDS
        members.setdefault(gid, set()).add(aid)
    assert all(len(articles) >= 2 for articles in members.values())
    assert group_quotes(list(reversed(quotes))) == groups
