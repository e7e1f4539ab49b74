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
