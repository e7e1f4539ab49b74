"""Properties of the comparison key of names: a title or rank before a name never changes it."""
from hypothesis import given, strategies as st

from newsgraph.kb.names import name_key
from newsgraph.kb.titles import forms_of_address, ranks, titles_of_office

_SINGLE_TITLES = sorted({w for w in (*forms_of_address(), *ranks(), *titles_of_office()) if " " not in w})
_WORD = st.text(alphabet="abcdefghijklmnoprstuvwyz", min_size=3, max_size=9).map(str.capitalize)


@given(title=st.sampled_from(_SINGLE_TITLES), words=st.lists(_WORD, min_size=1, max_size=3))
def test_a_title_before_a_name_never_changes_its_key(title, words):
    name = " ".join(words)
    if name_key(name) != name.lower():  # the name itself begins with a title word
        return
    assert name_key(f"{title.capitalize()} {name}") == name_key(name)
