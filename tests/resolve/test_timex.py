"""Temporal expressions on sentences written for these tests."""
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.resolve.timex import find_times, resolve_expression

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _one(text, published, **kw):
    found = find_times(text, published, **kw)
    assert len(found) == 1, found
    t = found[0]
    assert text[t.start:t.end] == t.text
    return t


def _triples(text, published):
    return [(t.text, t.date, t.precision) for t in find_times(text, published)]


def test_weekday_before_publication():
    t = _one("Officials met on Sunday to discuss the budget.", "2021-05-17")  # a Monday
    assert (t.text, t.date, t.precision, t.weekday) == ("Sunday", "2021-05-16", "day", 6)


def test_weekday_equal_to_publication_weekday_is_that_day():
    t = _one("Protesters gathered on Sunday afternoon outside the ministry.", "2021-05-16")
    assert (t.text, t.date, t.weekday) == ("Sunday afternoon", "2021-05-16", 6)


def test_weekday_with_part_of_day_and_modifier():
    found = find_times("The fire started Wednesday night and was out late Tuesday.", "2021-05-14")
    assert [(t.text, t.date, t.weekday) for t in found] == [
        ("Wednesday night", "2021-05-12", 2), ("late Tuesday", "2021-05-11", 1)]
    assert _one("He resigned on Monday morning.", "2021-05-14").date == "2021-05-10"


def test_last_week_with_weekday_is_previous_calendar_week():
    t = _one("Last week on Monday night, two rockets hit the port.", "2021-05-14")
    assert (t.text, t.date, t.weekday) == ("Last week on Monday night", "2021-05-03", 0)
    assert _one("The vote was held on Thursday of last week.", "2021-05-17").date == "2021-05-13"


def test_last_and_next_weekday():
    assert _one("Talks resume next Monday.", "2021-05-17").date == "2021-05-24"
    assert _one("Talks resume next Tuesday.", "2021-05-17").date == "2021-05-18"
    assert _one("He spoke last Friday.", "2021-05-17").date == "2021-05-14"
    assert _one("He spoke last Monday.", "2021-05-17").date == "2021-05-10"


def test_relative_days():
    assert _triples("Yesterday the mayor spoke; tomorrow she travels.", "2021-05-17") == [
        ("Yesterday", "2021-05-16", "day"), ("tomorrow", "2021-05-18", "day")]
    assert _triples("It happened the day before yesterday, not today.", "2021-05-17") == [
        ("the day before yesterday", "2021-05-15", "day"), ("today", "2021-05-17", "day")]
    for phrase in ("this morning", "tonight", "earlier today"):
        assert _one(f"Police said {phrase} that the road was shut.", "2021-05-17").date == "2021-05-17"


def test_periods():
    pub = "2021-05-17"
    assert _triples("Earlier this month the council voted.", pub) == [
        ("Earlier this month", "2021-05-01", "month")]
    assert _triples("Prices rose last month and this year.", pub) == [
        ("last month", "2021-04-01", "month"), ("this year", "2021-01-01", "year")]
    assert _triples("Earlier this year and last year it fell.", pub) == [
        ("Earlier this year", "2021-01-01", "year"), ("last year", "2020-01-01", "year")]
    assert _triples("Strikes last week, talks this week, a vote next week.", "2021-05-14") == [
        ("last week", "2021-05-03", "week"), ("this week", "2021-05-10", "week"),
        ("next week", "2021-05-17", "week")]


def test_ago():
    assert _triples("Two weeks ago and 3 days ago.", "2021-05-17") == [
        ("Two weeks ago", "2021-05-03", "week"), ("3 days ago", "2021-05-14", "day")]


def test_absolute_dates():
    pub = "2021-05-17"
    assert _triples("The deal was signed on May 16, 2021 in Cairo.", pub) == [
        ("May 16, 2021", "2021-05-16", "day")]
    assert _triples("It was signed on 16 May 2021.", pub) == [("16 May 2021", "2021-05-16", "day")]
    assert _triples("The report is dated 2021-05-16.", pub) == [("2021-05-16", "2021-05-16", "day")]
    assert _triples("The strike began in May 2021.", pub) == [("May 2021", "2021-05-01", "month")]
    assert _triples("She emigrated in 1948.", pub) == [("1948", "1948-01-01", "year")]


def test_month_day_without_year_takes_the_most_recent():
    assert _one("The ceasefire of May 16 held.", "2021-05-17").date == "2021-05-16"
    assert _one("The vote on May 20 was delayed.", "2021-05-17").date == "2021-05-20"
    assert _one("Results from Dec. 30 were final.", "2021-05-17").date == "2020-12-30"
    assert _one("It opens on Jan 2.", "2021-12-28").date == "2022-01-02"


def test_weekday_before_date_and_abbreviation():
    t = _one("The meeting on Sunday, May 16, 2021 ended early.", None)
    assert (t.text, t.date, t.weekday) == ("Sunday, May 16, 2021", "2021-05-16", 6)
    t = _one("Filed Wed. May 12 by the court.", "2021-05-17")
    assert (t.text, t.date, t.weekday) == ("Wed. May 12", "2021-05-12", 2)


def test_we_is_not_a_weekday():
    assert find_times("We will meet the minister. Wed is not a day here.", "2021-05-17") == []


def test_counts_are_not_years_and_names_are_not_weekdays():
    assert find_times("A crowd of 2000 people came, Theresa May said.", "2021-05-17") == []
    assert find_times("On Good Friday the Sunday Times recalled Bloody Sunday.", "2021-05-17") == []


def test_unknown_publication_keeps_weekday_and_precision():
    found = find_times("On Sunday afternoon, and last week, and on May 16, 2021.", None)
    assert [(t.text, t.date, t.precision, t.weekday) for t in found] == [
        ("Sunday afternoon", None, "day", 6), ("last week", None, "week", None),
        ("May 16, 2021", "2021-05-16", "day", None)]
    assert find_times("It happened yesterday.", "not a date")[0].date is None


def test_resolve_expression_on_isolated_text():
    t = resolve_expression("on Sunday,", "2021-05-17")
    assert (t.start, t.end, t.text, t.date, t.weekday) == (0, 10, "on Sunday,", "2021-05-16", 6)
    assert resolve_expression("1948", None).date == "1948-01-01"
    assert resolve_expression("5/16/2021", "2021-05-20").date == "2021-05-16"
    assert resolve_expression("the past", "2021-05-20").date is None


def test_date_spans_add_candidates_the_scanner_missed():
    text = "The summit ended on 5/16/2021 after talks on Sunday."
    a, b = text.index("5/16"), text.index("Sunday")
    spans = [(a, a + 9), (b, b + 6), (b - 3, b + 6), (-3, 5), (9, 2), (0, 999)]
    found = find_times(text, "2021-05-20", date_spans=spans)
    assert [(t.text, t.date) for t in found] == [("5/16/2021", "2021-05-16"), ("Sunday", "2021-05-16")]


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2098, 12, 31)), st.sampled_from(WEEKDAYS))
def test_weekday_resolves_within_the_week_up_to_publication(published, name):
    for t in (resolve_expression(name, published.isoformat()),
              _one(f"The minister spoke on {name} evening.", published.isoformat())):
        d = date.fromisoformat(t.date)
        assert published - timedelta(days=6) <= d <= published
        assert d.weekday() == WEEKDAYS.index(name) == t.weekday


@settings(max_examples=200, deadline=None)
@given(st.text(), st.one_of(st.none(), st.dates().map(date.isoformat), st.text(max_size=12)),
       st.lists(st.tuples(st.integers(-5, 60), st.integers(-5, 60)), max_size=4))
def test_find_times_never_raises_and_spans_are_in_bounds(text, published, spans):
    for t in find_times(text, published, date_spans=spans):
        assert 0 <= t.start < t.end <= len(text)
        assert t.text == text[t.start:t.end]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(
    ["on", "Sunday", "May", "16,", "2021", "in", "last", "week", "We", "Wed.", "of", "yesterday",
     "1948", "the", "day", "before", "next", "Monday", "night", " ", ",", "-", "ago", "two"]),
    max_size=12).map(" ".join), st.one_of(st.none(), st.dates().map(date.isoformat)))
def test_find_times_on_date_like_word_salad(text, published):
    found = find_times(text, published)
    for prev, t in zip(found, found[1:]):
        assert prev.end <= t.start
    for t in found:
        assert t.text == text[t.start:t.end]


def test_a_time_of_day_alone_names_no_day():
    # dateparser would put "10:30 a.m." on the day before publication, the last 10:30 past
    for expr in ("about 10:30 a.m", "10:30", "3 p.m. GMT", "at 9 o'clock"):
        assert resolve_expression(expr, "2022-04-08").date is None, expr
    assert resolve_expression("April 8, 10:30 a.m.", "2022-04-08").date == "2022-04-08"


def test_a_length_of_time_is_no_point_in_time():
    # "the 16-year blockade", "a 2-hour meeting", "for 16 years": dateparser would read day 16,
    # February and 2007
    for expr in ("16-year", "the 16-year", "2-hour", "16 years", "30 days"):
        assert resolve_expression(expr, "2023-06-22").date is None, expr
    assert resolve_expression("2 weeks ago", "2023-06-22").date == "2023-06-05"
