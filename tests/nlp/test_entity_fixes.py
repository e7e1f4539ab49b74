"""The entity fixes on names every small English model gets wrong, in sentences written here."""
import pytest

from newsgraph.analyze import load_resources
from newsgraph.config import load_options


@pytest.fixture(scope="module")
def nlp():
    return load_resources(load_options())[0]


def _labels(nlp, text):
    return {ent.text: ent.label_ for ent in nlp(text).ents}


def test_persian_surnames_are_people(nlp):
    labels = _labels(nlp, "Velayati met Rouhani in Tehran, and Khatibzadeh told reporters about it.")
    assert labels["Velayati"] == labels["Rouhani"] == labels["Khatibzadeh"] == "PERSON"


def test_places_holy_sites_and_feasts(nlp):
    labels = _labels(nlp, "A man was attacked in Bat Yam after prayers at the Al-Aqsa Mosque in Al-Quds "
                          "ended, as families prepared for Eid al-Fitr.")
    assert labels["Bat Yam"] == "GPE"
    assert labels["Al-Aqsa Mosque"] == "FAC"
    assert labels["Al-Quds"] == "GPE"
    assert labels["Eid al-Fitr"] == "EVENT"


def test_honorifics_join_names_and_articles_leave_places(nlp):
    labels = _labels(nlp, "Ayatollah Ali Khamenei spoke about the Gaza Strip on Friday.")
    assert labels.get("Ayatollah Ali Khamenei") == "PERSON"
    assert "Gaza Strip" in labels and "the Gaza Strip" not in labels


def test_component_is_registered_and_declares_what_it_assigns(nlp):
    from spacy.language import Language

    assert "newsgraph_entity_fixes" in nlp.pipe_names
    meta = Language.get_factory_meta("newsgraph_entity_fixes")
    assert meta.assigns == ["doc.ents"]
    assert nlp.get_pipe_config("newsgraph_entity_fixes")["person_words"]  # rebuilt from config alone


# Ranks and hyphenated offices before a name: the rank is a role, never part of the name.
RANK_CASES = [
    ("Secretary-General Maria Lindqvist opened the session in Geneva.", "Maria Lindqvist"),
    ("Major General Tomas Varga inspected the troops on Monday.", "Tomas Varga"),
    ("Gen Peter Okoro said the ceasefire held.", "Peter Okoro"),
    ("Rear Admiral Lena Holm took command of the fleet.", "Lena Holm"),
    ("The Attorney-General Daniel Reyes resigned.", "Daniel Reyes"),
]


@pytest.mark.parametrize("text,name", RANK_CASES)
def test_ranks_and_hyphenated_offices_stay_outside_the_name(nlp, text, name):
    people = [ent.text for ent in nlp(text).ents if ent.label_ == "PERSON"]
    assert name in people, people
    assert not any(p != name and p.endswith(name) for p in people), people


def test_forms_of_address_still_join_the_name(nlp):
    labels = _labels(nlp, "Sheikh Hamad bin Khalid met Dr Amara Nwosu in Doha.")
    assert labels.get("Sheikh Hamad bin Khalid") == "PERSON"


@pytest.mark.parametrize("words,label", [
    (["They", "met", "in", "Ramat", "Gan", "today", "."], "GPE"),         # a town of two words
    (["They", "met", "in", "Kiryat", "Shmona", "today", "."], "GPE"),
    (["They", "met", "Sheikh", "Tamim", "today", "."], "PERSON"),         # a title is no part of a town
])
def test_a_town_of_several_words_tagged_a_person_is_a_place(nlp, words, label):
    from spacy.tokens import Doc, Span

    doc = Doc(nlp.vocab, words=words)
    start = 3 if label == "GPE" else 2
    doc.ents = [Span(doc, start, start + 2, label="PERSON")]
    fixed = nlp.get_pipe("newsgraph_entity_fixes")(doc)
    assert [(e.text, e.label_) for e in fixed.ents] == [(" ".join(words[start:start + 2]), label)]

