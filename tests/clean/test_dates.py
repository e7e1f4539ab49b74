"""Header dates in the formats news pages print them (example strings written for these tests)."""
from datetime import date

import pytest

from newsgraph.kb.dates import hijri_to_gregorian, persian_to_gregorian
from newsgraph.clean.dates import (calendar_date, date_only_line, dateline_date, find_date, page_date,
                                   page_day_first, stamp_date)
from newsgraph.kb.dates import normalize_date

DATE_ONLY = [
    # month names
    ("Thursday 14 September 2023 18.30 BST", "2023-09-14"),
    ("Thu 14 Sep 2023 · 6:30 pm BST", "2023-09-14"),
    ("Sept. 14th, 2023 at 6:30 p.m. EDT", "2023-09-14"),
    ("14th of September, 2023", "2023-09-14"),
    ("14-Sep-2023 18:30", "2023-09-14"),
    ("Aug 19, 2022, 11:45 AM IST", "2022-08-19"),
    ("Last Updated: August 19, 2022, 11:45 AM IST", "2022-08-19"),
    ("2 Feb 2024 · 7:03 am SGT", "2024-02-02"),
    ("Published 2 Feb 2024 · 7:03 am SGT · Updated 5 hours ago", "2024-02-02"),
    ("Sunday, January 7, 2024 - 09:05", "2024-01-07"),
    ("Tue, 05 Dec 2023 16:20:00 GMT", "2023-12-05"),
    ("Dec 5 2023 4:20PM", "2023-12-05"),
    ("05 Dec 2023, 16h20 (WAT) · 12 comments", "2023-12-05"),
    ("By Staff Reporter | December 5, 2023", "2023-12-05"),
    ("Originally published: 5 December 2023 @ 16:20", "2023-12-05"),
    ("Publication date: Tuesday 5th December 2023", "2023-12-05"),
    # numeric, day first by the date itself or by default
    ("Updated: 05/10/2021 08:12 CET", "2021-10-05"),
    ("Posted 17/02/2024", "2024-02-17"),
    ("Posted on 03.12.2020 at 22:05", "2020-12-03"),
    ("19.04.2022", "2022-04-19"),
    ("Published: 21-07-2019 – 13:15 WAT", "2019-07-21"),
    ("Published 02/03/2024 10:10 GMT+3 | Updated 02/03/2024 12:40 GMT+3", "2024-03-02"),
    ("Published 01.02.2021 – 08:47 CET · Updated 01.02.2021 – 14:05 CET", "2021-02-01"),
    ("Updated: 04.10.2019 | 10:40", "2019-10-04"),
    # month first where the date or a North American zone says so
    ("Posted 02/17/2024 3:15 PM", "2024-02-17"),
    ("Published 04/07/2022 10:00 AM EDT", "2022-04-07"),
    # ISO and year first
    ("2023-11-30T08:00:00Z", "2023-11-30"),
    ("Date: 2023/11/30", "2023-11-30"),
    # several dates: the earliest, the first publication
    ("Friday, July 7, 2023 — 7:48 PM GST | Last updated: 08.07.2023, 01:05", "2023-07-07"),
    ("Last modified on 9 May 2022 12.00 BST | First published on 8 May 2022 09.15 BST", "2022-05-08"),
    ("By Ana Lima | Posted on 12/11/2023 at 08:15", "2023-11-12"),
    ("By Ana Lima | 12.11.2023 - 08:15 | Last update: 13.11.2023 - 09:20", "2023-11-12"),
    ("3 December 2022 | 4 min read", "2022-12-03"),
    # other calendars where no Gregorian date is given, the Gregorian one where it is
    ("Wednesday 1 Tir 1402 | June 22, 2023", "2023-06-22"),
    ("۱ تیر ۱۴۰۲", "2023-06-22"),
    ("پنجشنبه ۱ تیر ۱۴۰۲ - ۱۰:۳۰", "2023-06-22"),
    ("1402/04/01", "2023-06-22"),
    ("Farvardin 1, 1403", "2024-03-20"),
    ("1 Muharram 1445 AH", "2023-07-19"),
]

NOT_DATE_ONLY = [
    "Updated 2 hours ago",
    "Staff reporter · 3 hours ago · 4 min read",
    "Updated 3 days ago",
    "12 May 2024 | Harbour Gazette",          # an outlet crumb stays for the crumb rule
    "The council met on 12 May 2024 to vote",
    "• Ferry fares rise again | 11/04/2024",  # a headline list item
    "Reading time: 5 minutes",
    "10 March 2024 - one year on",            # a headline
    "March 10, 2024: a day to remember",
    "Posted 31/02/2024",                      # no such day in either order
    "May 11",                                 # no year in the text
    "11.03",
    "Version 2.10.2023.1",
    "",
]


@pytest.mark.parametrize("line, iso", DATE_ONLY)
def test_date_only_lines(line, iso):
    assert date_only_line(line) == iso
    assert stamp_date(line) == iso


@pytest.mark.parametrize("line", NOT_DATE_ONLY)
def test_not_date_only_lines(line):
    assert date_only_line(line) is None


@pytest.mark.parametrize("line, iso", [
    ("By Ana Lima, Chief Political Correspondent | Published 3 May 2023", "2023-05-03"),
    ("Words: Ana Lima · Posted on 04/05/2023 at 10:00", "2023-05-04"),
    ("First published on Mon 6 Mar 2023 10.00 GMT; last modified on Tue 7 Mar 2023 08.00 GMT", "2023-03-06"),
])
def test_stamp_lines_with_other_matter(line, iso):
    assert stamp_date(line) == iso


@pytest.mark.parametrize("line", ["Updated 2 hours ago", "Published 3 hours ago · Updated 1 hour ago",
                                  "Ferry fares rise again | 11/04/2024", "By Ana Lima, Reporter"])
def test_stamp_lines_without_a_date(line):
    assert stamp_date(line) is None


@pytest.mark.parametrize("text, day_first, iso", [
    ("05/04/2023", None, "2023-04-05"),
    ("05/04/2023", True, "2023-04-05"),
    ("05/04/2023", False, "2023-05-04"),
    ("05/24/2023", True, "2023-05-24"),   # only one reading is a date
    ("24/05/2023", False, "2023-05-24"),
    ("05.04.2023", None, "2023-04-05"),
    ("05-04-2023", None, "2023-04-05"),
    ("on 05/04/2023, a week after 28/03/2023", None, "2023-04-05"),
    ("on 05/04/2023, a week before 04/28/2023", None, "2023-05-04"),
    ("at 9:00 a.m. ET on 05/04/2023", None, "2023-05-04"),
    ("31/04/2023 or 30/04/2023", None, "2023-04-30"),
])
def test_numeric_order(text, day_first, iso):
    assert find_date(text, day_first)[0] == iso


def test_find_date_spans():
    text = "Filed at 10:30 on 7 June 2024 from the bureau"
    iso, start, end = find_date(text)
    assert iso == "2024-06-07" and text[start:end] == "7 June 2024"
    assert find_date("The Mayor said 12 people were hurt") is None
    assert find_date("Marching on 3 May 2024")[0] == "2024-05-03"


@pytest.mark.parametrize("text, expected", [
    ("Posted 23/05/2024\nRelated: 02/05/2024", True),
    ("Posted 05/23/2024\nRelated: 05/02/2024", False),
    ("Posted 02/05/2024", None),
    ("Posted 07/04/2024 in Lisbon.\nLISBON, 7 April - Ministers met.", True),
    ("Posted 07/04/2024 in Boston.\nBOSTON, July 4 - Crowds gathered.", False),
    ("No numeric dates at all, 3 May 2024.", None),
])
def test_page_day_first(text, expected):
    assert page_day_first(text) is expected


def test_dateline_takes_its_year_from_the_page():
    page = "LISBON, May 11 (HGZ) - Ministers met.\n\nSaid in 2016.\nPosted on 12/05/2023 at 09:00 GMT"
    assert dateline_date("LISBON, May 11 (HGZ) -", page) == "2023-05-11"
    assert dateline_date("May 11", "Ministers met. They first met in 2016.") is None
    assert dateline_date("Dec 31", "Posted 02/01/2024") == "2023-12-31"
    assert dateline_date("11 May 2022", "") == "2022-05-11"


def test_calendars():
    # Nowruz (1 Farvardin) of recent years, as announced by the Iranian calendar authority
    assert [persian_to_gregorian(y, 1, 1).isoformat() for y in (1399, 1400, 1401, 1402, 1403, 1404)] == [
        "2020-03-20", "2021-03-21", "2022-03-21", "2023-03-21", "2024-03-20", "2025-03-21"]
    assert persian_to_gregorian(1403, 12, 30) == date(2025, 3, 20)  # 1403 is a leap year
    assert persian_to_gregorian(1402, 12, 30) is None
    assert persian_to_gregorian(1402, 7, 31) is None
    assert hijri_to_gregorian(1445, 1, 1) == date(2023, 7, 19)
    assert hijri_to_gregorian(1445, 2, 30) is None
    assert calendar_date("Sunday, 10 Mordad 1400") == "2021-08-01"
    assert calendar_date("Rabi' al-Awwal 12, 1445 AH") == hijri_to_gregorian(1445, 3, 12).isoformat()
    assert calendar_date("No calendar date, 10 May 2024") is None


HEADED_PAGE = """Harbour Gazette
Home | Ports | Weather
Monday, 4 March 2024
Cranes idle as port strike enters second week
By Ana Lima | Published 02/03/2024 10:10 CET | Updated 3 hours ago

ROTTERDAM, March 2 (HGZ) - Dock workers stayed out for an eighth day on Saturday.
"""
FOOTED_PAGE = """Harbour Gazette
Updated 2 hours ago

LISBON, May 11 (HGZ) - Ministers met on Thursday to discuss the fishing quotas that the fleets of the north say will ruin them by the end of the year.
They said in 2016 that quotas would fall.

Posted on 11/05/2023 at 09:14 GMT
Related
Ferry fares rise again | 09/05/2023
Published 02/05/2023
"""


@pytest.mark.parametrize("page, iso", [
    (HEADED_PAGE, "2024-03-02"),                                   # labelled stamp before the masthead date
    (FOOTED_PAGE, "2023-05-11"),                                   # the stamp under the body, not the list's
    ("Harbour Gazette\nThursday 7 March 2024\n\nThe port reopened.", "2024-03-07"),
    ("LISBON, May 11 (HGZ) - Ministers met.\n\nFerry fares rise | 12/05/2023", "2023-05-11"),
    ("LISBON, May 11 (HGZ) - " + "Ministers met to talk about fish. " * 6 + "\n\nFerry fares rise | 12/05/2023",
     "2023-05-11"),
    ("LISBON, May 11 (HGZ) - " + "Ministers met to talk about fish. " * 6 + "\n\nThey met in 2016.", None),
    ("Harbour Gazette\nStaff writer · 2 hours ago · 4 min read\n\nThe port reopened in 2016.", None),
    ("Tehran Courier\n1 Tir 1402\n\nTEHRAN - Officials met.", "2023-06-22"),
    ("Tehran Courier\n1 Tir 1402\nJune 22, 2023\n\nTEHRAN - Officials met.", "2023-06-22"),
    ("Posted 07/04/2022\n\nLISBON, 7 April - Ministers met.", "2022-04-07"),
])
def test_page_date(page, iso):
    assert page_date(page) == iso


@pytest.mark.parametrize("value, iso", [
    ("2023-03-08T07:15:00+01:00", "2023-03-08"),
    ("Wed, 08 Mar 2023 07:15:00 GMT", "2023-03-08"),
    ("Wed, 08 Mar 2023 07:15:00 +0000", "2023-03-08"),
    ("March 8, 2023", "2023-03-08"),
    ("08.03.2023 10:00", "2023-03-08"),
    ("2 hours ago", None),
    ("2023-02-30", None),
    ("", None),
    (None, None),
])
def test_normalize_container_dates(value, iso):
    assert normalize_date(value) == iso
