"""Which entity a side of an event is linked to, on sentences written here."""
from __future__ import annotations

import pytest

from newsgraph.analyze import analyze_articles
from newsgraph.config import load_options
from newsgraph.records import Article


@pytest.fixture(scope="module")
def analyze():
    options = load_options(overrides={"run": {"workers": 1}})

    def run(text):
        (analysis,) = analyze_articles([Article(id="t1", inputs=["t"], text=text, published="2022-03-10")], options)
        return analysis

    return run


def test_an_institutions_own_forces_are_linked_to_the_institution(analyze):
    a = analyze("The Chilean defence ministry said its forces had struck a rebel camp near Arica.")
    ministry = next(e for e in a.entities if e.name == "Chilean defence ministry")
    (strike,) = [e for e in a.events if e.cameo.startswith("19")]
    assert (strike.source.text, strike.source.sector, strike.source.key) == ("its forces", "MIL", ministry.key)


def test_a_states_own_forces_are_not_the_state(analyze):
    a = analyze("Chile said its forces had struck a rebel camp near Arica.")
    (strike,) = [e for e in a.events if e.cameo.startswith("19")]
    assert (strike.source.country, strike.source.sector, strike.source.key) == ("CHL", "MIL", None)


def test_a_deal_signed_between_two_parties_is_theirs(analyze):
    a = analyze("Fighting stopped after the agreement signed on Monday in Lima between Chile's government "
                "and the Peruvian rebels.")
    (signing,) = [e for e in a.events if e.cameo == "057"]
    assert {signing.source.country, signing.target.country} == {"CHL", "PER"}


def test_the_noun_of_an_absolute_participle_underwent_it(analyze):
    a = analyze("Chilean troops shelled the border town of Arica on Monday, with more than forty villagers injured.")
    hurt = [e for e in a.events if e.trigger == "injured"]
    assert hurt and all(e.target is not None and e.target.text.endswith("villagers") for e in hurt)
    assert not any(e.source is not None and e.source.text.endswith("villagers") for e in a.events)


def test_each_of_coordinated_owners_is_a_side(analyze):
    # the parser reads "[the Council and Vega]’s panel": the panel is each owner's
    a = analyze("The Chilean minister thanked the Pacific Alliance Council and Vega’s panel.")
    thanks = [e for e in a.events if e.cameo.startswith("05")]
    assert len({e.target.text for e in thanks if e.target is not None}) == 2, [e.target for e in thanks]


def test_the_named_holder_of_a_role_is_the_side(analyze):
    # the parser hangs "Tomas Vidal" on "Navy": the commander is the one named
    a = analyze("The Chilean delegation held talks with the commander of the Peruvian Navy, Admiral Tomas Vidal.")
    (talks,) = [e for e in a.events if e.cameo.startswith("04")]
    assert talks.target is not None and talks.target.text == "Tomas Vidal"
