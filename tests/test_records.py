"""How records show an event's date (:func:`newsgraph.records.told_date`): a day only when
the text fixes one, a coarser period beside it."""
from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from newsgraph.records import told_date


@pytest.mark.parametrize("day,precision,expected", [
    ("2023-03-10", "day", {"date": "2023-03-10", "date_precision": "day", "period": "2023-03-10"}),
    ("2023-03-10", None, {"date": "2023-03-10", "date_precision": "day", "period": "2023-03-10"}),
    ("2023-02-01", "month", {"date": None, "date_precision": "month", "period": "2023-02"}),
    ("2016-01-01", "year", {"date": None, "date_precision": "year", "period": "2016"}),
    ("2022-02-28", "week", {"date": None, "date_precision": "week", "period": "2022-W09"}),
    (None, None, {"date": None, "date_precision": None, "period": None}),
])
def test_a_date_is_a_day_only_when_the_day_is_known(day, precision, expected):
    assert told_date(day, precision) == expected


@given(st.integers(min_value=0, max_value=20000), st.sampled_from(["day", "week", "month", "year"]))
def test_the_period_always_holds_the_date_it_was_made_from(offset, precision):
    day = (date(1990, 1, 1) + timedelta(days=offset)).isoformat()
    period = told_date(day, precision)["period"]
    if precision == "week":
        year, week, _ = date.fromisoformat(day).isocalendar()
        assert period == f"{year}-W{week:02d}"
    else:
        assert day.startswith(period)
