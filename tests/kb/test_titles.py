"""The one list of words before a name, and what each reader derives from it."""
from newsgraph.kb.titles import (forms_of_address, headword_titles, name_key_words, title_synonyms,
                                 titles_of_office)


def test_a_name_key_drops_forms_of_address_and_titles_of_office():
    words = name_key_words()
    assert {"ayatollah", "sheikh", "dr", "gen", "general"} <= words  # bare words, no full stops
    assert set(titles_of_office()) <= words
    assert not {w for w in words if "." in w or " " in w}
    assert "hujjat" not in words and "al" not in words  # multi-word forms are not dropped word by word
    assert "president" not in words


def test_the_entity_fixes_take_only_forms_of_address_into_a_name():
    forms = forms_of_address()
    assert forms[:2] == ("ayatollah", "grand ayatollah") and "dr." in forms
    assert not set(forms) & set(titles_of_office())  # kings and emirs are roles


def test_headword_titles_are_upper_case_and_hold_the_titles_of_office():
    titles = headword_titles()
    assert {t.upper() for t in titles_of_office()} <= titles
    assert {"PRESIDENT", "SECRETARY-GENERAL", "GEN.", "DR", "U.N."} <= titles
    assert not {"MULLAH", "RABBI", "DAME"} & titles  # kept in headwords (data/titles.toml)


def test_title_synonyms_are_read_only_title_keys():
    synonyms = title_synonyms()
    assert synonyms["top diplomat"] == "foreign minister"
    assert all(k == k.lower() and "." not in k for k in synonyms)


def test_ranks_are_roles_dropped_from_a_name_key_but_not_forms_of_address():
    from newsgraph.kb.names import name_key
    from newsgraph.kb.titles import ranks

    assert {"general", "admiral", "rear admiral", "gen."} <= set(ranks())
    assert not set(ranks()) & set(forms_of_address())
    assert name_key("Major General Tomas Varga") == name_key("Tomas Varga") == "tomas varga"
    assert name_key("Gen. Peter Okoro") == "peter okoro"
