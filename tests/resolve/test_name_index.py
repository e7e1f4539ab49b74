"""The name index finds every earlier cluster the resolver's name tests accept.

The index only narrows which clusters those tests run on, so one it missed would
change which entity a name joins. Property: for any two names the tests match,
the cluster filed under one is among the candidates of the other.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.kb.names import is_short_form, name_key
from newsgraph.resolve.local import _same_name
from newsgraph.resolve.name_index import NameIndex

# Words of names, with transliterations of one word and particles among them.
_VOCABULARY = ["Ali", "Akbar", "Velayati", "Velyati", "Nakhala", "Nakhalah", "Nakhaleh", "al-Thani",
               "Tamim", "Sheikh", "bin", "Hamad", "Islamic", "Jihad", "Palestinian", "Movement",
               "Organization", "of", "Cooperation", "the", "Dvorkin", "Dworkin", "PIJ", "OIC", "U.S."]
_word = st.one_of(
    st.sampled_from(_VOCABULARY),
    st.text(alphabet="aeiknorstv", min_size=1, max_size=9).map(str.capitalize),
    st.text(alphabet="AIJOPU", min_size=2, max_size=6),
)
_name = st.lists(_word, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=3000, deadline=None)
@given(new=_name, earlier=_name, label=st.sampled_from(["PERSON", "ORG", "GPE"]))
def test_every_name_the_tests_match_is_a_candidate(new, earlier, label):
    index = NameIndex()
    index.add(7, earlier)
    if name_key(new) == name_key(earlier) or _same_name(new, earlier, label):
        assert 7 in index.candidates(new, label)
    if is_short_form(new, earlier):
        assert 7 in index.short_form_holders(new)


def test_transliterations_and_acronyms_are_found_and_strangers_are_not():
    index = NameIndex()
    for position, name in enumerate(["Ali Akbar Velayati", "Organization of Islamic Cooperation",
                                     "Palestinian Islamic Jihad", "Oslo"]):
        index.add(position, name)
    assert 0 in index.candidates("Velyati", "PERSON")
    assert 1 in index.candidates("OIC", "ORG")
    assert 2 in index.candidates("Palestinian Islamic Jihad Movement", "ORG")
    assert index.candidates("Oslo", "GPE") == [3]
    assert index.candidates("Boris Kemp", "PERSON") == []  # no word of theirs is near
