"""Undated and vaguely dated reports join the dated event of their story
(:func:`newsgraph.fuse.story_join.join_in_stories`). Actors and articles invented here."""
from datetime import date

import pytest

from newsgraph.fuse.events import EventFuser
from newsgraph.fuse.story_join import join_in_stories
from newsgraph.records import EventActor, EventMention

POLICE = EventActor("police", "GEO", "COP")
GEORGIA = EventActor("", "GEO")
SAUDI = EventActor("Saudi Arabia", "SAU", entity_id="n1")
IRAN = EventActor("Iran", "IRN", entity_id="n2")


def mention(mid, article, cameo, source, target, when=None, precision=None) -> EventMention:
    return EventMention(cameo=cameo, source=source, target=target, date=when,
                        date_precision=precision or ("day" if when else None), place=None, counts={},
                        confidence=0.8, flags=[], start=0, end=0, sentence="", trigger="", trigger_start=0,
                        article_id=article, id=mid)


def day(text: str) -> int:
    return date.fromisoformat(text).toordinal()


STORY = {"a1": "s1", "a2": "s1", "a3": "s1", "b1": "s2"}
PUBLISHED = {"a1": day("2023-03-08"), "a2": day("2023-03-09"), "a3": day("2024-05-15"), "b1": day("2023-03-09")}


def fuse(*mentions, story_of=STORY, published=PUBLISHED):
    return sorted(sorted(m.id for m in e.mentions) for e in EventFuser().fuse(list(mentions), story_of, published))


def test_an_undated_report_joins_the_one_dated_event_of_its_story():
    groups = fuse(mention("m1", "a1", "173", POLICE, GEORGIA, "2023-03-08"),
                  mention("m2", "a2", "173", POLICE, GEORGIA))
    assert groups == [["m1", "m2"]]


def test_outside_the_story_it_stays_apart():
    groups = fuse(mention("m1", "a1", "173", POLICE, GEORGIA, "2023-03-08"),
                  mention("m2", "b1", "173", POLICE, GEORGIA))
    assert groups == [["m1"], ["m2"]]


def test_an_event_long_before_the_article_is_not_its_undated_event():
    # a3 is published in May 2024: the story's March 2023 detentions are not its own
    groups = fuse(mention("m1", "a1", "173", POLICE, GEORGIA, "2023-03-08"),
                  mention("m2", "a3", "173", POLICE, GEORGIA))
    assert groups == [["m1"], ["m2"]]


def test_two_fitting_events_leave_it_apart():
    groups = fuse(mention("m1", "a1", "173", POLICE, GEORGIA, "2023-03-07"),
                  mention("m2", "a1", "173", POLICE, GEORGIA, "2023-03-08"),
                  mention("m3", "a2", "173", POLICE, GEORGIA))
    assert groups == [["m1"], ["m2"], ["m3"]]


def test_the_same_code_decides_between_events_of_one_root():
    groups = fuse(mention("m1", "a1", "173", POLICE, GEORGIA, "2023-03-08"),
                  mention("m2", "a1", "175", POLICE, GEORGIA, "2023-03-08"),
                  mention("m3", "a2", "175", POLICE, GEORGIA))
    assert groups == [["m1"], ["m2", "m3"]]


def test_a_month_joins_the_day_it_holds_and_the_day_is_the_events_date():
    events = EventFuser().fuse([mention("m1", "a1", "161", SAUDI, IRAN, "2016-01-03"),
                                mention("m2", "a2", "161", SAUDI, IRAN, "2016-01-01", "month")],
                               STORY, PUBLISHED)
    (event,) = events
    assert (event.date, event.date_precision) == ("2016-01-03", "day")
    assert not event.disputed  # January holds the 3rd: no disagreement


def test_a_month_that_does_not_hold_the_day_stays_apart():
    groups = fuse(mention("m1", "a1", "161", SAUDI, IRAN, "2016-01-03"),
                  mention("m2", "a2", "161", SAUDI, IRAN, "2016-02-01", "month"))
    assert groups == [["m1"], ["m2"]]


def test_a_month_told_in_another_story_joins_after_an_undated_report_had_two_candidates():
    # the fused events as join_in_stories gets them: m3 fits both of a1's dated acts (the
    # names decide nothing between them) and stays apart; b1, another story, then tells
    # "in March 2023" the act of m1 by the same named side, and joins it
    m1 = mention("m1", "a1", "051", SAUDI, GEORGIA, "2023-03-08")
    m2 = mention("m2", "a1", "051", SAUDI, IRAN, "2023-03-07")
    m3 = mention("m3", "a2", "051", SAUDI, None)
    m4 = mention("m4", "b1", "051", SAUDI, GEORGIA, "2023-03-01", "month")
    joined = join_in_stories([[m1], [m2], [m3], [m4]], STORY, PUBLISHED)
    assert sorted(sorted(m.id for m in group) for group in joined) == [["m1", "m4"], ["m2"], ["m3"]]


def test_without_stories_nothing_joins():
    groups = fuse(mention("m1", "a1", "173", POLICE, GEORGIA, "2023-03-08"),
                  mention("m2", "a2", "173", POLICE, GEORGIA), story_of={})
    assert groups == [["m1"], ["m2"]]


def test_a_named_person_is_not_an_unnamed_group_of_the_same_country():
    ogan = EventActor("Sinan Ogan", "TUR", entity_id="n5")
    voters = EventActor("voters", "TUR")
    erdogan = EventActor("Erdogan", "TUR", "GOV", entity_id="n6")
    groups = fuse(mention("m1", "a1", "051", voters, erdogan, "2023-03-08"),
                  mention("m2", "a2", "051", ogan, erdogan))
    assert groups == [["m1"], ["m2"]]


def test_a_side_one_report_leaves_unnamed_agrees_when_the_other_is_the_same_entity():
    leader = EventActor("Ali Rahimi", "IRN", "GOV", entity_id="n7")
    groups_ = EventActor("resistance groups", "PSE")
    groups = fuse(mention("m1", "a1", "020", leader, groups_, "2023-03-08"),
                  mention("m2", "a2", "020", leader, None))
    assert groups == [["m1", "m2"]]


def test_a_side_told_only_by_common_words_agrees_when_the_other_is_the_same_entity():
    leader = EventActor("Ali Rahimi", "IRN", "GOV", entity_id="n7")
    groups_ = EventActor("resistance groups", "PSE")
    factions = EventActor("the resistance factions", None)
    groups = fuse(mention("m1", "a1", "020", leader, groups_, "2023-03-08"),
                  mention("m2", "a2", "020", leader, factions))
    assert groups == [["m1", "m2"]]
    # an uncoded name is someone: it does not join another's act on the same target
    dara = EventActor("Dara Karimi", "IRN", "GOV", entity_id="n8")
    someone = EventActor("Kovalenko", None)
    groups = fuse(mention("m1", "a1", "112", dara, groups_, "2023-03-08"),
                  mention("m2", "a2", "112", someone, groups_))
    assert groups == [["m1"], ["m2"]]


def test_a_named_state_agrees_with_its_bare_country():
    bare_iran = EventActor("", "IRN")
    groups = fuse(mention("m1", "a1", "161", SAUDI, IRAN, "2016-01-03"),
                  mention("m2", "a2", "161", SAUDI, bare_iran, "2016-01-01", "year"))
    assert groups == [["m1", "m2"]]


def test_a_named_state_agrees_with_its_unnamed_officials():
    usa = EventActor("United States", "USA", entity_id="n8")
    officials = EventActor("US officials", "USA", "GOV")
    groups = fuse(mention("m1", "a1", "064", SAUDI, usa, "2023-03-08"),
                  mention("m2", "a2", "064", SAUDI, officials))
    assert groups == [["m1", "m2"]]


# ---------------------------------------------------------------- one day, one pair of countries

CHILE = EventActor("Chile", "CHL", entity_id="n3")
CHILEAN_TROOPS = EventActor("Chilean troops", "CHL", "MIL")
TACNA = EventActor("Tacna", "PER")  # a town the act was done to, no entity of its own
PERUVIANS = EventActor("Peruvians", "PER", entity_id="n4")
ANA_RUIZ = EventActor("Ana Ruiz", "CHL", entity_id="n5")
LUIS_VEGA = EventActor("Luis Vega", "CHL", entity_id="n6")


def test_two_outlets_on_one_day_and_one_pair_of_countries_tell_one_assault():
    groups = fuse(mention("m1", "a1", "190", CHILEAN_TROOPS, TACNA, "2023-03-07"),
                  mention("m2", "a2", "190", CHILE, TACNA, "2023-03-07"))
    assert groups == [["m1", "m2"]]


def test_one_pair_of_countries_on_another_day_or_code_stays_apart():
    assert fuse(mention("m1", "a1", "190", CHILEAN_TROOPS, TACNA, "2023-03-07"),
                mention("m2", "a2", "190", CHILE, TACNA, "2023-03-06")) == [["m1"], ["m2"]]
    assert fuse(mention("m1", "a1", "190", CHILEAN_TROOPS, TACNA, "2023-03-07"),
                mention("m2", "a2", "193", CHILE, TACNA, "2023-03-07")) == [["m1"], ["m2"]]


def test_two_named_people_of_one_country_are_two_acts():
    groups = fuse(mention("m1", "a1", "111", ANA_RUIZ, TACNA, "2023-03-07"),
                  mention("m2", "a2", "111", LUIS_VEGA, TACNA, "2023-03-07"))
    assert groups == [["m1"], ["m2"]]


def test_one_article_s_two_reports_of_a_pair_are_two_acts():
    groups = fuse(mention("m1", "a1", "111", CHILEAN_TROOPS, TACNA, "2023-03-07"),
                  mention("m2", "a1", "111", CHILE, TACNA, "2023-03-07"))
    assert groups == [["m1"], ["m2"]]


def test_an_undated_report_on_the_town_s_people_joins_the_assault_on_the_town():
    groups = fuse(mention("m1", "a1", "190", CHILE, TACNA, "2023-03-07"),
                  mention("m2", "a2", "190", CHILEAN_TROOPS, PERUVIANS))
    assert groups == [["m1", "m2"]]


def test_two_named_people_without_a_role_are_two_sides_not_their_country():
    # Ana Ruiz and Luis Vega both congratulate the same winner on the same day: two events
    winner = EventActor("Rosa Paz", "CHL", "GOV", entity_id="n7")
    ruiz, vega = EventActor("Ana Ruiz", "CHL", entity_id="n5"), EventActor("Luis Vega", "CHL", entity_id="n6")
    groups = fuse(mention("m1", "a1", "051", ruiz, winner, "2023-03-07"),
                  mention("m2", "a2", "051", vega, winner, "2023-03-07"))
    assert groups == [["m1"], ["m2"]]
    # ... while the country itself agrees with a named side of it
    chile = EventActor("Chile", "CHL", entity_id="n3")
    assert fuse(mention("m1", "a1", "051", chile, winner, "2023-03-07"),
                mention("m2", "a2", "051", ruiz, winner, "2023-03-07")) == [["m1", "m2"]]


def test_the_unnamed_country_is_not_a_named_person_of_it():
    # "the voters" [CHL] re-elect Rosa Paz; Ana Ruiz [CHL] congratulates her the same day
    winner = EventActor("Rosa Paz", "CHL", "GOV", entity_id="n7")
    voters, ruiz = EventActor("", "CHL"), EventActor("Ana Ruiz", "CHL", entity_id="n5")
    assert fuse(mention("m1", "a1", "051", voters, winner, "2023-03-07"),
                mention("m2", "a2", "051", ruiz, winner, "2023-03-07")) == [["m1"], ["m2"]]
    # unnamed officials of the country may be the named one's office
    officials = EventActor("Chilean officials", "CHL", "GOV")
    assert fuse(mention("m1", "a1", "051", officials, winner, "2023-03-07"),
                mention("m2", "a2", "051", ruiz, winner, "2023-03-07")) == [["m1", "m2"]]
    # unnamed voters (civilians) are no named party leader either
    civilians = EventActor("Chilean voters", "CHL", "CVL")
    assert fuse(mention("m1", "a1", "051", civilians, winner, "2023-03-07"),
                mention("m2", "a2", "051", ruiz, winner, "2023-03-07")) == [["m1"], ["m2"]]


def test_an_undated_report_naming_a_weekday_joins_the_event_of_that_day():
    # "riot police detained protesters on Tuesday" in an article with no date: 7 March 2023
    # was a Tuesday, the 8th a Wednesday
    tuesday = mention("m3", "a2", "173", POLICE, GEORGIA)
    tuesday.weekday = 1
    groups = fuse(mention("m1", "a1", "173", POLICE, GEORGIA, "2023-03-07"),
                  mention("m2", "a1", "173", POLICE, GEORGIA, "2023-03-08"), tuesday)
    assert groups == [["m1", "m3"], ["m2"]]


def test_a_weekday_that_does_not_fit_keeps_it_apart():
    thursday = mention("m2", "a2", "173", POLICE, GEORGIA)
    thursday.weekday = 3
    groups = fuse(mention("m1", "a1", "173", POLICE, GEORGIA, "2023-03-08"), thursday)
    assert groups == [["m1"], ["m2"]]


def test_an_unnamed_counterpart_is_the_named_holder_of_that_office():
    # "the emir wrote to his Turkish counterpart" (undated) and "the emir congratulated
    # Erdogan" (dated), in one story: one congratulation
    emir = EventActor("Tamim", "QAT", "GOV", entity_id="n3")
    erdogan = EventActor("Erdogan", "TUR", "GOV", entity_id="n4")
    counterpart = EventActor("his Turkish counterpart", "TUR", "GOV")
    groups = fuse(mention("m1", "a1", "051", emir, erdogan, "2023-03-07"),
                  mention("m2", "a2", "051", emir, counterpart))
    assert groups == [["m1", "m2"]]
    # an unnamed side of another kind is not that office's holder
    groups = fuse(mention("m1", "a1", "051", emir, erdogan, "2023-03-07"),
                  mention("m2", "a2", "051", emir, EventActor("Turkish troops", "TUR", "MIL")))
    assert groups == [["m1"], ["m2"]]


def test_of_two_fitting_events_the_one_naming_the_same_entity_is_joined():
    # "the emir praised the youth" (undated) fits both the emir's praise of 8 March and the
    # same story's "Qatar would keep supporting the youth" of that day: the emir's is his
    emir = EventActor("Tamim", "QAT", "GOV", entity_id="n9")
    qatar, youth = EventActor("Qatar", "QAT", entity_id="n8"), EventActor("youth", "PSE")
    groups = fuse(mention("m1", "a1", "051", emir, None, "2023-03-08"),
                  mention("m2", "a1", "051", qatar, youth, "2023-03-08"),
                  mention("m3", "a2", "051", emir, youth))
    assert groups == [["m1", "m3"], ["m2"]]


def test_an_intent_joins_only_an_intent_to_do_the_same():
    # "the foreign ministers are to meet" (036, undated) is not the story's agreement to
    # restore ties (032) of that day
    groups = fuse(mention("m1", "a1", "032", SAUDI, IRAN, "2023-03-08"),
                  mention("m2", "a2", "036", SAUDI, IRAN))
    assert groups == [["m1"], ["m2"]]
    assert fuse(mention("m1", "a1", "036", SAUDI, IRAN, "2023-03-08"),
                mention("m2", "a2", "036", SAUDI, IRAN)) == [["m1", "m2"]]


LEADER = EventActor("Ali Rahimi", "IRN", "GOV", entity_id="n7")
YOUTH = EventActor("student protesters", "PSE")


@pytest.mark.parametrize("article_2,day,expected", [
    ("a2", "2023-03-08", [["m1", "m2"]]),  # two outlets of one story, one leaving the target untold
    ("a1", "2023-03-08", [["m1"], ["m2"]]),  # one outlet telling two such acts tells two
    ("b1", "2023-03-09", [["m1"], ["m2"]]),  # two stories
])
def test_dated_reports_of_one_day_and_code_join_around_the_same_entity(article_2, day, expected):
    groups = fuse(mention("m1", "a1", "051", LEADER, None, day),
                  mention("m2", article_2, "051", LEADER, YOUTH, day))
    assert groups == expected


def test_an_undated_report_joins_one_outlets_two_reports_of_the_same_day_as_one_event():
    protesters = EventActor("protesters", "GEO")
    groups = fuse(mention("m1", "a1", "175", POLICE, protesters, "2023-03-07"),
                  mention("m2", "a1", "175", POLICE, GEORGIA, "2023-03-07"),
                  mention("m3", "a2", "175", POLICE, GEORGIA))
    assert groups == [["m1", "m2", "m3"]]


def test_one_outlets_reports_of_two_days_still_leave_it_apart():
    protesters = EventActor("protesters", "GEO")
    groups = fuse(mention("m1", "a1", "175", POLICE, protesters, "2023-03-07"),
                  mention("m2", "a1", "175", POLICE, GEORGIA, "2023-03-08"),
                  mention("m3", "a2", "175", POLICE, GEORGIA))
    assert groups == [["m1"], ["m2"], ["m3"]]
