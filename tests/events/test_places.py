"""Where events happened (``newsgraph.events.places``): a place the sentence names, else
where the article last told one of the event's sides, else the dateline. Articles written here."""
from __future__ import annotations

import pytest

from newsgraph.analyze import analyze_articles
from newsgraph.config import load_options
from newsgraph.records import Article

ARTICLES = {
    # filed from a third country: the meetings are where the visit was told
    "filed_abroad": ("London", "Turkish President Recep Tayyip Erdogan met a Palestinian delegation headed by "
                               "Mahmoud Abbas in Ankara on Wednesday. On Tuesday, Abbas held talks with "
                               "Foreign Minister Hakan Fidan."),
    # filed from a side's own country: the dateline stands
    "filed_at_home": ("Kyiv", "Volodymyr Zelenskyy met Olaf Scholz in Berlin on Monday. On Tuesday Zelenskyy "
                              "praised Ukrainian soldiers."),
    "village_of": ("Kharkiv", "A Russian drone struck the village of Dorohivka on Tuesday."),
    "two_clauses": ("Ramallah", "On Monday, an Israeli raid on Nablus left three Palestinians dead, and on "
                                "Tuesday Palestinian gunmen killed two Israeli soldiers near the Ofra settlement."),
    "when_clause": (None, "Gunmen killed five people on Sunday when they opened fire on a market in Haifa."),
    "town_of_known": (None, "Militants attacked a police post near the town of Tikrit."),
    "speaking_from": ("Lima", "On Tuesday, speaking from Geneva, President Dina Boluarte praised "
                                 "the protesters."),
    "who_is_in": ("Lima", "President Dina Boluarte, who is in Geneva for a conference, praised "
                             "the protesters."),
    "who_spent": ("Lima", "President Dina Boluarte, who spent the week in Geneva, praised the "
                             "protesters."),
}


@pytest.fixture(scope="module")
def events():
    articles = [Article(id=k, inputs=[k], text=t, published="2023-06-22", dateline=d)
                for k, (d, t) in ARTICLES.items()]
    return {a.id: r.events for a, r in zip(articles, analyze_articles(articles, load_options()))}


def places(events, root):
    return [(e.place or {}).get("name") for e in events if e.cameo[:2] == root]


def test_an_event_with_no_place_of_its_own_is_where_its_side_was_last_told(events):
    assert set(places(events["filed_abroad"], "04")) == {"Ankara"}


def test_the_dateline_stands_when_it_is_in_a_side_s_country(events):
    assert places(events["filed_at_home"], "05") == ["Kyiv"]


def test_a_settlement_noun_makes_its_name_a_place_no_gazetteer_knows(events):
    assert places(events["village_of"], "19") == ["Dorohivka"]


def test_each_act_of_force_keeps_the_place_of_its_own_clause(events):
    assert sorted(places(events["two_clauses"], "19")) == ["Nablus", "Ofra"]


@pytest.mark.parametrize("key,place", [("speaking_from", "Geneva"), ("who_is_in", "Geneva"),
                                       ("who_spent", "Lima")])
def test_where_the_source_was_when_it_acted(events, key, place):
    assert places(events[key], "05") == [place]


def test_an_adverbial_clause_of_the_act_tells_its_place(events):
    assert set(places(events["when_clause"], "19")) == {"Haifa"}


def test_a_settlement_the_gazetteer_knows_keeps_its_country(events):
    (place,) = [e.place for e in events["town_of_known"] if e.cameo[:2] == "19"]
    assert (place["name"], place["country"]) == ("Tikrit", "IRQ")
