"""A target named in the verb's own phrase when no argument is one: the first party after
the verb through its prepositions and nouns, never a place where it happened nor a clause
of its own. Sentences written here."""
from __future__ import annotations

import pytest

from newsgraph.config import load_options
from newsgraph.sentences import Sentence, code_sentences

TEXTS = {
    # no object: the party is in a prepositional phrase of the verb
    "mediation_between": "The Chilean president launched a mediation effort on Monday between Peru and Bolivia.",
    "fire_against": "Chilean troops opened fire against Peruvian border posts on Tuesday.",
    # a place where the act happened is no party: the target is the place's country, as before
    "declared_in": "The Peruvian government declared a state of emergency in Peru on Sunday.",
    # a party named only in a clause of its own, or after "according to", is not the target
    "according_to": "The Chilean president launched a mediation effort, according to Bolivia.",
}


@pytest.fixture(scope="module")
def coded() -> dict:
    options = load_options(overrides={"run": {"progress": False, "workers": 1}})
    found = dict(code_sentences([Sentence(k, v, "2022-03-10") for k, v in TEXTS.items()], options))
    return {k: [(e["cameo"][:2], (e["source"] or {}).get("country"), (e["target"] or {}).get("country"),
                 (e.get("why") or {}).get("target_how")) for e in v] for k, v in found.items()}


def test_the_parties_of_a_prepositional_phrase_are_the_targets(coded):
    targets = {target for _, source, target, _ in coded["mediation_between"] if source == "CHL"}
    assert targets == {"PER", "BOL"}, coded["mediation_between"]


def test_a_party_after_against_is_the_target(coded):
    assert any(source == "CHL" and target == "PER" for _, source, target, _ in coded["fire_against"]), \
        coded["fire_against"]


def test_a_place_where_it_happened_is_not_a_named_party(coded):
    assert coded["declared_in"], coded["declared_in"]
    assert all("first party named" not in (how or "") for *_, how in coded["declared_in"])


def test_according_to_names_no_target(coded):
    assert all(target != "BOL" for _, _, target, _ in coded["according_to"]), coded["according_to"]
