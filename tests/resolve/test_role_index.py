"""The role index and the role-phrase lookup answer as the scans they replaced.

Both only narrow what the resolver reads, so a person the index missed, or a role phrase
the lookup skipped, would change who a description or a quote's speaker is. Properties:
every person a role phrase's tests can accept is among the candidates, in cluster order;
the phrase found at a point is the first one, in document order, that holds it.
"""
from __future__ import annotations

from dataclasses import dataclass

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.resolve.local import Cluster, LocalResolver
from newsgraph.resolve.role_index import RoleIndex

_WORDS = ["minister", "foreign", "president", "leader", "chief", "envoy", "spokesman"]
_COUNTRIES = ["IRN", "TUR", "SAU", "USA"]

_cluster = st.builds(
    lambda kind, words, countries: Cluster("e", kind, role_words=set(words), countries=list(countries)),
    st.sampled_from(["PERSON", "PERSON", "ORG"]),
    st.sets(st.sampled_from(_WORDS), max_size=3),
    st.lists(st.sampled_from(_COUNTRIES), max_size=2),
)


@settings(max_examples=500, deadline=None)
@given(clusters=st.lists(_cluster, max_size=12), wanted=st.sets(st.sampled_from(_WORDS), min_size=1, max_size=3),
       countries=st.lists(st.sampled_from(_COUNTRIES), max_size=2))
def test_every_person_a_role_can_describe_is_a_candidate_in_order(clusters, wanted, countries):
    expected = [c for c in clusters if c.type == "PERSON"
                and (wanted & c.role_words or set(countries) & set(c.countries))]
    assert RoleIndex(clusters).candidates(wanted, countries) == expected


def test_a_holder_added_later_and_a_country_learnt_are_filed():
    clusters = [Cluster("e1", "PERSON", role_words={"minister"})]
    index = RoleIndex(clusters)

    def holder_of(phrase, country, resolver):
        clusters.append(Cluster("e2", "PERSON", countries=["SAU"]))
        return clusters[-1]

    assert index.holder(holder_of, "the Saudi foreign minister", "SAU", None) is clusters[1]
    index.add_countries(clusters[0], ["TUR"])
    assert index.candidates({"envoy"}, ["SAU", "TUR"]) == clusters


@dataclass
class _Span:
    start_char: int
    end_char: int


_spans = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=10).map(
    lambda pairs: [_Span(s, s + n) for s, n in sorted(pairs, key=lambda p: p[0])])


_DOC = spacy.blank("en")("A few words.")


@settings(max_examples=500, deadline=None)
@given(spans=_spans, char=st.integers(0, 90))
def test_the_role_phrase_at_a_point_is_the_first_that_holds_it(spans, char):
    resolver = LocalResolver(_DOC, lambda word: None)
    resolver.role_spans = spans
    expected = next((s for s in spans if s.start_char <= char < s.end_char), None)
    assert resolver.role_span_at(char) is expected
