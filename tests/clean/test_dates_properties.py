"""Properties of the header date reader: it returns the date the text holds, reads a page's
ambiguous numeric dates in the page's own order, and never dates a relative stamp."""
import calendar
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.clean.dates import calendar_date, date_only_line, find_date, page_day_first, stamp_date

DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
MONTH_NAMES = list(calendar.month_name)
MONTH_ABBR = list(calendar.month_abbr)


def _named(d: date, style: int) -> str:
    name, abbr = MONTH_NAMES[d.month], MONTH_ABBR[d.month]
    return [f"{d.day} {name} {d.year}", f"{d.day:02d} {abbr} {d.year}", f"{name} {d.day}, {d.year}",
            f"{abbr}. {d.day} {d.year}", f"{d.day}-{abbr}-{d.year}", f"{abbr} {d.day:02d}, {d.year}"][style]


def _numeric(d: date, sep: str, day_first: bool, padded: bool) -> str:
    day, month = (f"{d.day:02d}", f"{d.month:02d}") if padded else (str(d.day), str(d.month))
    first, second = (day, month) if day_first else (month, day)
    return f"{first}{sep}{second}{sep}{d.year}"


PREFIXES = ["", "Published ", "Updated: ", "Posted on ", "Last modified on ", "Date: ", "{wd} ", "{wd}, ",
            "Published on {wd} "]
SUFFIXES = ["", " 07.15 GMT", " at 9:42 pm", ", 19:05 CEST", " - 08:47 CET", " · 3 min read",
            " | Updated 2 hours ago", " 11:20 AM IST", " · 6:30 pm HKT"]


def _line(d: date, core: str, prefix: str, suffix: str) -> str:
    return prefix.format(wd=calendar.day_name[d.weekday()]) + core + suffix


@given(DAYS, st.integers(0, 5), st.sampled_from(PREFIXES), st.sampled_from(SUFFIXES))
def test_named_dates_read_back(d, style, prefix, suffix):
    line = _line(d, _named(d, style), prefix, suffix)
    assert find_date(line)[0] == d.isoformat()
    assert date_only_line(line) == d.isoformat()
    assert stamp_date(line) == d.isoformat()


@given(DAYS, st.sampled_from(["/", ".", "-"]), st.booleans(), st.booleans(),
       st.sampled_from(PREFIXES), st.sampled_from(SUFFIXES))
def test_numeric_dates_read_back_in_the_given_order(d, sep, day_first, padded, prefix, suffix):
    line = _line(d, _numeric(d, sep, day_first, padded), prefix, suffix)
    assert date_only_line(line, day_first=day_first) == d.isoformat()
    assert find_date(line, day_first=day_first)[0] == d.isoformat()
    if day_first or d.day > 12 or d.day == d.month:  # the default order is day first
        assert date_only_line(line) == d.isoformat()


@given(DAYS, st.sampled_from(["-", "/"]), st.sampled_from(PREFIXES), st.sampled_from(SUFFIXES))
def test_iso_dates_read_back(d, sep, prefix, suffix):
    line = _line(d, f"{d.year}{sep}{d.month:02d}{sep}{d.day:02d}", prefix, suffix)
    assert date_only_line(line) == d.isoformat()


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(blacklist_categories=("Nd", "Cs")), max_size=80))
def test_no_digits_no_date(text):
    assert find_date(text) is None
    assert date_only_line(text) is None
    assert stamp_date(text) is None
    assert calendar_date(text) is None
    assert page_day_first(text) is None


@given(st.sampled_from([" ", "\n", " | ", "\nRelated: "]), DAYS, DAYS, st.booleans(), st.sampled_from(["/", ".", "-"]))
def test_page_order_is_stable(glue, plain, loose, day_first, sep):
    plain = plain.replace(day=min(max(plain.day, 13), 28))            # 13-28: its order is plain
    loose = loose.replace(day=(loose.month % 12) + 1)                  # day and month both <= 12, unequal
    page = ("Posted " + _numeric(plain, sep, day_first, True) + glue
            + "Updated " + _numeric(loose, sep, day_first, True))
    assert page_day_first(page) is day_first
    ambiguous = _numeric(loose, sep, day_first, True)
    assert find_date(ambiguous, page_day_first(page))[0] == loose.isoformat()
    assert date_only_line("Posted " + ambiguous, page_day_first(page)) == loose.isoformat()
    # the text alone decides: the first date of the page, and both dates of one stamp line
    assert find_date(page)[0] == plain.isoformat()
    line = "Published " + _numeric(plain, sep, day_first, True) + " | Updated " + ambiguous
    assert date_only_line(line) == min(plain, loose).isoformat()


RELATIVE = st.builds(
    lambda label, n, unit, tail: f"{label}{n} {unit} ago{tail}",
    st.sampled_from(["", "Updated ", "Published ", "Posted ", "Last updated: ", "Staff writer · "]),
    st.sampled_from(["1", "2", "12", "45", "an", "a few"]),
    st.sampled_from(["seconds", "minutes", "mins", "hour", "hours", "hrs", "days", "weeks", "months"]),
    st.sampled_from(["", " · 4 min read", " | Updated 3 days ago", " at 10:30"]),
)


@given(RELATIVE)
def test_relative_stamps_fix_no_date(line):
    assert find_date(line) is None
    assert date_only_line(line) is None
    assert stamp_date(line) is None


PIECES = st.sampled_from(["12", "3", "07", "31", "2023", "1999", "2101", "/", ".", "-", " ", ", ", ":", "May",
                          "Sept.", "march", "Mon", "th", "of", "GMT", "Updated", "ago", "1402", "Tir", "|"])


@settings(max_examples=300)
@given(st.lists(PIECES, max_size=14).map("".join), st.sampled_from([None, True, False]))
def test_found_dates_are_in_the_text(text, day_first):
    found = find_date(text, day_first)
    if found is None:
        return
    iso, start, end = found
    year, month, day = (int(x) for x in iso.split("-"))
    span = text[start:end]
    assert str(year) in span and str(day) in span
    if day_first is not None:  # without it the rest of the text may settle the order
        assert find_date(span, day_first)[0] == iso
    line = date_only_line(text, day_first)
    assert line is None or line in {d for d in _all_dates(text, day_first)} | {calendar_date(text)}


def _all_dates(text, day_first):
    out, at = [], 0
    while True:
        found = find_date(text[at:], day_first)
        if not found:
            return out
        out.append(found[0])
        at += found[2]
