"""What an act's telling says of it: history told only as a time anchor is not coded, nor
an event another act calls off, nor words between sides no one can place. Sentences
written here."""
from __future__ import annotations

import pytest

from newsgraph.config import load_options
from newsgraph.sentences import Sentence, code_sentences

SENTENCES = {
    # an act told only as where a span of years or months began: history, not coded
    "years_after_clause": "Chile will restore full diplomatic ties with Peru, six years after rioters burned "
                          "down its embassy.",
    "decade_after_noun": "Chile restored diplomatic ties with Peru a decade after the storming of its embassy.",
    "months_after": "Chile resumed trade with Peru eighteen months after Bolivian troops attacked a border post.",
    "years_ago_clause": "Chile paid compensation to Peruvian families for farms they lost when Chilean troops "
                        "seized them 20 years ago.",
    # spans of days are this week's news: the act is coded
    "days_after": "Peru recalled its ambassador two days after Chilean troops attacked a border post.",
    "plain_after": "Chilean police fired tear gas after Peruvian protesters threw stones at them.",
    # an event put off or called off has not happened: the act on it is the event
    "postponed_meeting": "Chile and Peru postponed their meeting after the storm.",
    "called_off_talks": "Chile called off the talks with Peru on Monday.",
    "held_meeting": "Chile held a meeting with Peru.",
    # words between sides with no country and no name: nothing a reader can place
    "unplaced_talk": "The two leaders agreed to cooperate more closely, aides said.",
    "placed_talk": "The Chilean leader agreed to cooperate more closely, aides said.",
    # force by unidentified groups is an event all the same
    "unplaced_force": "Gunmen killed twelve villagers and wounded nine others.",
}


@pytest.fixture(scope="module")
def coded() -> dict:
    options = load_options(overrides={"run": {"progress": False, "workers": 1}})
    found = dict(code_sentences([Sentence(k, v, "2022-03-10") for k, v in SENTENCES.items()], options))
    return {k: [(e["cameo"][:2], (e["source"] or {}).get("country"), (e["target"] or {}).get("country"))
                for e in v] for k, v in found.items()}


@pytest.mark.parametrize("sid", ["years_after_clause", "decade_after_noun", "months_after", "years_ago_clause"])
def test_an_act_long_before_told_as_a_time_anchor_is_not_coded(coded, sid):
    roots = {root for root, _, _ in coded[sid]}
    assert roots and not roots & {"17", "18", "19", "20"}, coded[sid]


def test_an_act_days_before_is_still_news(coded):
    assert any(root in ("18", "19") and source == "CHL" for root, source, _ in coded["days_after"])


def test_a_plain_after_clause_is_coded(coded):
    roots = {root for root, _, _ in coded["plain_after"]}
    assert roots & {"14", "17", "18", "19"}, coded["plain_after"]


def test_an_event_put_off_is_not_coded_but_the_act_calling_it_off_is(coded):
    assert coded["postponed_meeting"] == []
    assert coded["called_off_talks"] == [("16", "CHL", "PER")]
    assert coded["held_meeting"] == [("04", "CHL", "PER")]


def test_words_between_sides_no_one_can_place_are_not_coded(coded):
    assert coded["unplaced_talk"] == []
    assert any(source == "CHL" for _, source, _ in coded["placed_talk"])


def test_force_by_unidentified_groups_is_coded(coded):
    assert any(root == "18" or root == "19" for root, _, _ in coded["unplaced_force"])
