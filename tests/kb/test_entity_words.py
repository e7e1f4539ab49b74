"""The entity-fixes word tables, read from newsgraph/data."""
from newsgraph.kb.entity_words import entity_relabel, org_words


def test_relabel_names_spacy_labels_and_is_a_fresh_copy():
    table = entity_relabel()
    assert set(table) == {"GPE", "FAC", "NORP", "EVENT"}
    assert "Al-Aqsa Mosque" in table["FAC"] and "Eid al-Fitr" in table["EVENT"]
    table["GPE"].append("Atlantis")
    assert "Atlantis" not in entity_relabel()["GPE"]


def test_org_words_are_lower_case_single_words():
    words = org_words()
    assert isinstance(words, tuple) and "ministry" in words
    assert all(w == w.lower() and " " not in w for w in words)
