"""Counts and places by clause, tolls told in a sentence of their own, figures of speech and
weapons as subjects: a table of sentences written here for these tests."""
from __future__ import annotations

import pytest

from newsgraph.config import load_options
from newsgraph.sentences import Sentence, code_sentences

D = "2023-05-10"  # a Wednesday

SENTENCES = {
    # two incidents in one sentence, each with its own toll
    "two_tolls": "On Monday a raid by army troops on the camp left six villagers dead, and on Tuesday "
                 "two gunmen killed three soldiers and wounded five others near the market.",
    # the toll told in a relative clause of the raid that another verb's clause holds
    "raid_toll": "Soldiers stormed the refugee camp on Monday in a raid that killed four people and "
                 "wounded at least 37.",
    # the strike takes the toll of the clause that holds it, and the place it struck
    "when_strike": "At least 30 people were killed on Friday when a rocket hit the Kharkiv railway station.",
    # a toll in the next sentence completes the event just told
    "follow_up": "A missile struck the bus station in Odesa on Friday, killing 12 people. "
                 "The mayor said 40 wounded people had been taken to hospitals.",
    # ... but a figure after an act with no toll of its own is not given to it
    "no_toll": "The army said it had struck a rebel depot near Kharkiv on Friday. "
               "A reporter who was nearby was treated for a head injury.",
    # the one act of force of a sentence takes the toll a clause of its own tells
    "lone_act": "The ministry said the march had turned violent, accusing some participants of throwing "
                "stones at police, and that about 40 officers had been injured.",
    "figure_of_speech": "The British envoy struck a conciliatory note on Monday.",
    "snag": "The talks between the two governments hit a snag on Monday.",
    "demolished_homes": "Israeli troops demolished Palestinian homes in Hebron on Monday.",
    "weapon_subject": "A Russian drone hit a residential building in Odesa on Monday.",
    "economy": "Western sanctions hit the Russian economy hard last year.",
    "forces_hit": "The Russian defence ministry said its forces hit a Ukrainian command post near Kharkiv.",
    # one person's clash is a quarrel; a crowd's is force
    "quarrel": "The president, who has often clashed with the ruling party, vowed to veto the law.",
    "crowd_clash": "Protesters clashed with police outside parliament on Monday.",
    "backed_raid": "An Israeli raid on Jenin backed by helicopter gunships left seven Palestinians dead.",
}


@pytest.fixture(scope="module")
def coded() -> dict:
    options = load_options(overrides={"run": {"progress": False, "workers": 1}})
    return dict(code_sentences([Sentence(sid, text, D) for sid, text in SENTENCES.items()], options))


def force(events: list[dict]) -> list[dict]:
    return [e for e in events if e["root"] in ("18", "19", "20")]


def test_two_incidents_in_one_sentence_keep_their_own_tolls(coded):
    # the gunmen's three and five, never pooled with the raid's six
    (gunmen,) = [e for e in force(coded["two_tolls"]) if (e["source"] or {}).get("text") == "gunmen"]
    assert gunmen["counts"] == {"killed": 3, "injured": 5}


def test_a_toll_in_a_relative_clause_of_the_raid_is_the_storming_s(coded):
    events = force(coded["raid_toll"])
    assert len(events) == 1, [e["cameo"] for e in events]
    assert events[0]["counts"] == {"killed": 4, "injured": 37}


def test_the_strike_takes_the_toll_and_the_place_it_struck(coded):
    strikes = [e for e in force(coded["when_strike"]) if e["source"]]
    assert strikes and all(e["counts"] == {"killed": 30} for e in strikes)
    assert all((e["place"] or {}).get("name") == "Kharkiv" for e in strikes)


def test_a_toll_in_the_next_sentence_completes_the_event(coded):
    events = force(coded["follow_up"])
    assert events and all(e["counts"] == {"killed": 12, "injured": 40} for e in events)


def test_the_lone_act_of_force_of_a_sentence_takes_its_toll(coded):
    events = [e for e in coded["lone_act"] if e["cameo"] == "145"]
    assert events and all(e["counts"] == {"injured": 40} for e in events)


def test_a_figure_after_an_act_with_no_toll_is_not_its_own(coded):
    assert all(not e["counts"] for e in force(coded["no_toll"]))


@pytest.mark.parametrize("key", ["figure_of_speech", "snag", "economy", "quarrel"])
def test_figures_of_speech_are_no_force(coded, key):
    assert force(coded[key]) == []


def test_an_object_figurative_after_a_verb_of_impact_is_real_after_others(coded):
    # "hit home" is a figure; "demolished homes" destroys them
    assert [e["cameo"] for e in coded["demolished_homes"]] == ["1712"]


def test_a_weapon_hitting_something_is_an_attack(coded):
    (event,) = force(coded["weapon_subject"])
    assert event["cameo"] == "195"
    assert event["source"]["country"] == "RUS"


def test_armed_forces_hitting_something_is_an_assault(coded):
    (event,) = force(coded["forces_hit"])
    assert event["cameo"] == "190" and event["source"]["country"] == "RUS"


def test_a_crowd_s_clash_is_no_quarrel(coded):
    assert [e["root"] for e in coded["crowd_clash"]] == ["14"]


def test_a_raid_backed_by_gunships_is_no_support(coded):
    events = coded["backed_raid"]
    assert not [e for e in events if e["root"] == "05"]
    (raid,) = force(events)
    assert raid["cameo"] == "190" and raid["counts"] == {"killed": 7}


def test_an_unnamed_attacker_is_the_one_told_before(coded_story):
    (second,) = [e for e in coded_story["second_missile"] if e["why"]["trigger"] == "hit"]
    assert second["source"]["country"] == "RUS" and second["target"]["country"] == "UKR"
    assert "attacker told before" in second["why"]["source_how"]


@pytest.fixture(scope="module")
def coded_story() -> dict:
    options = load_options(overrides={"run": {"progress": False, "workers": 1}})
    text = ("A Russian missile struck the railway station in Kharkiv on Monday, killing 12 people. "
            "A second missile hit a village near Kharkiv an hour later.")
    return dict(code_sentences([Sentence("second_missile", text, D)], options))
