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
