"""When events happened (``newsgraph.events.dates``): days told by reference ("that
evening", "the following day"), weekdays of undated articles, spans begun "since" a day.
Articles written here; each is analysed once in a module fixture."""
from __future__ import annotations

import pytest

from newsgraph.analyze import analyze_articles
from newsgraph.config import load_options
from newsgraph.records import Article

PUBLISHED = "2023-03-10"  # a Friday: Tuesday is the 7th
ARTICLES = {
    "same_day": "The French foreign minister condemned the vote on Tuesday. The American embassy, in a "
                "statement the same day, condemned the arrests of journalists.",
    "that_evening": "Parliament approved the bill on Tuesday. That evening riot police used water cannon "
                    "on protesters outside the building.",
    "following_day": "Rebels attacked the town of Kidal on Monday. The army shelled the rebels the "
                     "following day.",
    "day_before_the": "Rebels attacked the town of Kidal on Tuesday. The army shelled the rebels the day "
                      "before the election.",
    "noun_dated": "The French foreign minister praised the Malian government and urged it to honour "
                  "the 2015 peace accord.",
    "announced": "Their foreign ministers are to meet next month, and both sides will honour an accord "
                 "signed in 2015.",
    "occasion": "The Malian president thanked the rebels in his Wednesday night address.",
    "since": "Negotiators for the Malian government and the rebels had been meeting in Algiers since "
             "Feb. 25. The French foreign minister praised the Malian government.",
    "quoted_now": "The French foreign minister met the Malian president in Bamako on Tuesday. "
                  "\u201cWe support the peace process in Mali,\u201d the minister said.",
    "says_now": "The French foreign minister met the Malian president in Bamako on Tuesday. The "
                "minister says France supports the peace process in Mali.",
    "statement": "Mali and the rebels signed an agreement on Tuesday. In Bamako, the presidency issued a "
                 "statement in which the president thanked the mediators.",
    "span_from_to": "Malian government negotiators met the rebels in Algiers from March 6 to 8.",
    "span_between": "The Malian army shelled rebel positions between Monday and Wednesday.",
    "speaker_relative": "Protesters rallied outside parliament in Bamako on Tuesday. Some of them climbed the "
                        "gates, according to the police, who said 20 people were arrested.",
}
UNDATED = {
    "weekday": "Riot police used water cannon on protesters in Bamako on Tuesday.",
    "weekday_evening": "Parliament approved the bill on Tuesday. That evening riot police used water cannon "
                       "on protesters outside the building.",
    "unfixed_month": "The rebels signed an agreement with the government on Tuesday. The Malian "
                     "president travelled to Algiers for talks in February.",
}


@pytest.fixture(scope="module")
def mentions():
    articles = [Article(id=k, inputs=[k], text=t, published=PUBLISHED) for k, t in ARTICLES.items()] + \
               [Article(id=k, inputs=[k], text=t, published=None) for k, t in UNDATED.items()]
    return {a.id: result.events for a, result in zip(articles, analyze_articles(articles, load_options()))}


def dates(events, root):
    return [(e.date, e.weekday) for e in events if e.cameo[:2] == root]


def test_the_same_day_is_the_day_named_before(mentions):
    assert dates(mentions["same_day"], "11") == [("2023-03-07", None)] * 2


def test_that_evening_is_the_day_named_before(mentions):
    assert dates(mentions["that_evening"], "17") == [("2023-03-07", None)]


def test_the_following_day_is_the_day_after(mentions):
    assert dates(mentions["following_day"], "19") == [("2023-03-06", None), ("2023-03-07", None)]


def test_the_day_before_a_named_occasion_is_not_told_by_reference(mentions):
    # "the day before the election" counts from the election, which has no date here
    assert ("2023-03-06", None) not in dates(mentions["day_before_the"], "19")


def test_a_span_begun_since_a_day_does_not_date_what_follows(mentions):
    praised = dates(mentions["since"], "05")
    assert praised and all(d != "2023-02-25" for d, _ in praised)


def test_an_undated_article_keeps_the_weekday_it_names(mentions):
    assert dates(mentions["weekday"], "17") == [(None, 1)]
    assert dates(mentions["weekday_evening"], "17") == [(None, 1)]


def test_a_time_that_modifies_a_noun_dates_the_noun_not_the_event(mentions):
    # "the 2015 peace accord": the accord's year, not the praise's
    assert all(d != "2015-01-01" for d, _ in dates(mentions["noun_dated"], "05"))
    # "in his Wednesday night address": the occasion the thanks were given in
    assert dates(mentions["occasion"], "05") == [("2023-03-08", None)]


def test_an_act_announced_for_later_is_not_dated_years_before(mentions):
    # "are to meet ..., and both sides will honour an accord signed in 2015"
    assert all(d is None or d >= "2023" for d, _ in dates(mentions["announced"], "03"))


def test_a_quote_in_the_present_is_told_at_the_past_occasion_of_its_saying(mentions):
    assert dates(mentions["quoted_now"], "05") == [("2023-03-07", None)]


def test_what_a_speaker_says_now_is_not_dated_by_the_last_occasion(mentions):
    assert dates(mentions["says_now"], "05") == [(None, None)]


def test_what_a_statement_s_relative_clause_tells_is_dated_by_the_statement(mentions):
    assert set(dates(mentions["statement"], "05")) == {("2023-03-07", None)}


def test_an_act_with_a_time_the_article_cannot_fix_does_not_take_the_day_told_before(mentions):
    # no year in an undated article: "in February" fixes nothing, and is not Tuesday either
    assert dates(mentions["unfixed_month"], "04") == [(None, None)]


@pytest.mark.parametrize("key,root", [("span_from_to", "04"), ("span_between", "19")])
def test_a_span_of_days_fixes_none_of_them(mentions, key, root):
    assert dates(mentions[key], root) == [(None, None)]


def test_a_speakers_relative_clause_of_saying_reports_the_occasion(mentions):
    assert dates(mentions["speaker_relative"], "17") == [("2023-03-07", None)]
