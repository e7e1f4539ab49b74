"""Where events happened (``newsgraph.events.places``): a place the sentence names, else
where the article last told one of the event's sides, else the dateline. Articles written here."""
from __future__ import annotations

import pytest

from newsgraph.analyze import analyze_articles
from newsgraph.config import load_options
from newsgraph.records import Article

ARTICLES = {
    # filed from a third country: the meetings are where the visit was told
    "filed_abroad": ("Beirut", "Iran's supreme leader Ali Khamenei met a Hamas delegation headed by Ismail "
                               "Haniyeh in Tehran on Wednesday. On Tuesday, Haniyeh held talks with President "
                               "Ebrahim Raisi."),
    # filed from a side's own country: the dateline stands
    "filed_at_home": ("Kyiv", "Volodymyr Zelenskyy met Olaf Scholz in Berlin on Monday. On Tuesday Zelenskyy "
                              "praised Ukrainian soldiers."),
}


@pytest.fixture(scope="module")
def events():
    articles = [Article(id=k, inputs=[k], text=t, published="2023-06-22", dateline=d)
                for k, (d, t) in ARTICLES.items()]
    return {a.id: r.events for a, r in zip(articles, analyze_articles(articles, load_options()))}


def places(events, root):
    return [(e.place or {}).get("name") for e in events if e.cameo[:2] == root]


def test_an_event_with_no_place_of_its_own_is_where_its_side_was_last_told(events):
    assert set(places(events["filed_abroad"], "04")) == {"Tehran"}


def test_the_dateline_stands_when_it_is_in_a_side_s_country(events):
    assert places(events["filed_at_home"], "05") == ["Kyiv"]
