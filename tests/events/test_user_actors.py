"""Sides named only in a user's actors file: a name the model missed or took for a person."""
from __future__ import annotations

import pytest

from newsgraph.config import load_options
from newsgraph.sentences import Sentence, code_sentences

ACTORS = """# invented actors for these tests
VALDORIA [VLD]
+PORT_ESKEL
KARVASH [KRV]
WENDLE_ORSK [VLDGOV]
+ORSKY
TAMSIN_GREAVE
+GLIMMER
	[KRVGOV 20200101-20241231]
	[KRVELI >20250101]
"""
D = "2023-05-29"
SENTENCES = {
    # a city the model may take for a person, a synonym of its country in the file
    "city_alias": ("The Chilean president travelled to Port Eskel on Monday to meet officials.", D),
    # a one-word alias the model tags as no entity
    "bare_alias": ("Orsky condemned Karvash on Monday.", D),
    # a list the parser reads as an apposition with conjuncts: each name is a side
    "listed": ("Karvash, Valdoria, Chile and Peru welcomed the talks with Bolivia.", D),
    # a multiword name before the head, its first word hanging off the second
    "name_run": ("White House security officials met Bolivian officials on Monday.", D),
    # a person of the file (dated roles) whose alias the model takes for an organisation
    "person_as_org": ("Valdoria restored ties with Glimmer.", D),
}


@pytest.fixture(scope="module")
def coded(tmp_path_factory) -> dict:
    path = tmp_path_factory.mktemp("actors") / "test.actors.txt"
    path.write_text(ACTORS, "utf-8")
    options = load_options(overrides={"run": {"progress": False, "workers": 1},
                                      "nlp": {"actor_files": [str(path)]}})
    return dict(code_sentences([Sentence(k, t, d) for k, (t, d) in SENTENCES.items()], options))


def countries(events: list[dict]) -> set[tuple]:
    return {(e["root"], (e["source"] or {}).get("country"), (e["target"] or {}).get("country")) for e in events}


def test_a_synonym_city_codes_to_its_country(coded):
    assert ("04", "CHL", "VLD") in countries(coded["city_alias"])


def test_a_name_the_model_missed_is_found_in_the_file(coded):
    assert ("11", "VLD", "KRV") in countries(coded["bare_alias"])


def test_every_name_of_a_list_read_as_an_apposition_is_a_side(coded):
    sources = {(e["source"] or {}).get("country") for e in coded["listed"] if e["root"] == "05"}
    assert {"KRV", "VLD", "CHL", "PER"} <= sources


def test_a_multiword_name_before_the_head_gives_its_country(coded):
    assert ("04", "USA", "BOL") in countries(coded["name_run"]) or ("04", "BOL", "USA") in countries(coded["name_run"])


def test_a_person_of_the_file_the_model_calls_an_organisation_is_that_person(coded):
    (event,) = [e for e in coded["person_as_org"] if e["root"] == "06"] or coded["person_as_org"]
    assert (event["target"]["country"], event["target"]["sector"]) == ("KRV", "GOV")
