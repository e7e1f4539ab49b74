"""Headline, outlet, dateline and stamp shapes of copied pages; texts written for these tests."""
import pytest

from newsgraph.clean import clean_document
from newsgraph.clean.dateline import match_dateline, place_name
from newsgraph.ingest.readers import content_hash
from newsgraph.records import Article, RawDocument
from tests.conftest import FIXTURES

BODY = ("The council approved the new harbour plan on Tuesday after a debate that lasted most of the "
        "night, officials said.\n\nWork is due to start in the spring.")


def _clean(text, options):
    doc = RawDocument(input_id="t.txt", format="text", content=text, raw_hash=content_hash(text))
    result = clean_document(doc, options.clean)
    assert isinstance(result, Article), result
    return result


def test_whole_page(options):
    raw = (FIXTURES / "valley_times_page.txt").read_text("utf-8")
    a = _clean(raw, options)
    assert a.title == "Flood barrier holds as river reaches record height"
    assert a.outlet.casefold() == "the valley times"
    assert a.dateline == "Nordby"
    assert a.published == "2024-02-06"
    # the standfirst is article text; everything else of the page is not
    assert a.text.startswith("Engineers say the new wall saved the old town")
    assert a.text.endswith("would stay under water for weeks.")
    for gone in ("Skip to", "Independent news", "Sign in", "cookies", "Region ›", "By Ana Lind",
                 "Published", "Share:", "Photo:", "NORDBY", "Advertisement", "READ MORE", "Reporting by",
                 "Tags:", "Comments", "Most Read", "Ferry fares", "05 Feb", "Sign up", "©"):
        assert gone not in a.text, gone
    assert '"The wall did exactly what it was built to do," chief engineer' in a.text


HEADLINES = [
    # (header lines above the body, expected title)
    ("HARBOUR GAZETTE\nHome | World | Business\nWORLD\nPort strike ends after overnight talks\n"
     "By Jan Smit", "Port strike ends after overnight talks"),
    ("Home › World › Europe\nPort strike ends after overnight talks\nPort strike ends after overnight talks\n"
     "Staff Writer · 2 hours ago", "Port strike ends after overnight talks"),
    ("Skip to content\nHARBOUR GAZETTE — News from the coast\nHome | World | Ports | Opinion\n"
     "Minister: the port will reopen within a week\nMonday, 12 February 2024 - 20:14",
     "Minister: the port will reopen within a week"),
    ("The Harbour Gazette\nHome › Ports\nReading time: 3 min\nPrint | Email | A+ A-\n\n"
     "Ferry operators agree to freeze fares until summer", "Ferry operators agree to freeze fares until summer"),
    # no headline: masthead, tagline, menu, byline only
    ("HARBOUR GAZETTE\nIndependent news from the coast\nPolitics   Ports   Business   Opinion\n"
     "By Jan Smit | Posted on 12/02/2024 at 09:15", None),
    # no headline: cookie prompt, masthead, crumb, byline, stamp, read time
    ("We use cookies to improve our services. Accept all · Refuse\nTHE HARBOUR GAZETTE\n"
     "World › Europe › Netherlands\nBy Jan Smit, Europe correspondent, Brussels\n"
     "Published 12.02.2024 – 08:47 CET\n4 min read · 12 comments", None),
    ("HGZ | Harbour Gazette\nWorld | Europe | 3 min read", None),
]


@pytest.mark.parametrize("header,title", HEADLINES)
def test_headline_above_the_body(options, header, title):
    a = _clean(header + "\n\n" + BODY, options)
    assert a.title == title
    assert a.text.startswith("The council approved")


OUTLETS = [
    ("HARBOUR GAZETTE\nHome | World | Business\nPort strike ends after overnight talks", "HARBOUR GAZETTE"),
    ("HGZ | Harbour Gazette\nWorld | Europe | 3 min read", "Harbour Gazette"),
    ("Home › Ports\nPort strike ends after overnight talks\nHarbour Gazette Web Desk", "Harbour Gazette"),
    ("Menu | Search | Log in\nPort strike ends after overnight talks\nBy Harbour Gazette staff",
     "Harbour Gazette"),
    ("Home | World | Print\n9:42 pm CET\nPort strike ends after overnight talks", None),
]


@pytest.mark.parametrize("header,outlet", OUTLETS)
def test_outlet_from_the_header(options, header, outlet):
    a = _clean(header + "\n\n" + BODY, options)
    assert a.outlet == outlet


def test_outlet_from_copyright_and_prompts(options):
    a = _clean(BODY + "\n\nFollow Quay Post on Telegram and X\nQuay Post © All rights reserved", options)
    assert a.outlet == "Quay Post"
    b = _clean(BODY + "\n\n© 2023 Quay Post Media Ltd", options)
    assert b.outlet == "Quay Post"
    c = _clean("Home | World | Opinion\n\n" + BODY + "\n\n© 2023 | Terms | Privacy", options)
    assert c.outlet is None


DATELINES = [
    ("NORDBY, March 11 (NWA) - The council met.", "Nordby"),
    ("Bergen, 8 April (NWA) – The council met.", "Bergen"),
    ("OSLO (AP) — The council met.", "Oslo"),
    ("Tromsø — The council met.", "Tromsø"),
    ("NARVIK, Norway — The council met.", "Narvik"),
    ("STAVANGER, Norway, June 28 (Harbour Wire) — The council met.", "Stavanger"),
    ("TRONDHEIM, Aug. 7 (HW) – The council met.", "Trondheim"),
    ("BODØ: The council met.", "Bodø"),
]


@pytest.mark.parametrize("line,place", DATELINES)
def test_dateline_shapes(line, place):
    match = match_dateline(line)
    assert match is not None
    assert place_name(match["place"]) == place
    assert line[match.end():] == "The council met."


@pytest.mark.parametrize("line", [
    "Minister: the port will reopen within a week",
    "Breaking news: the river burst its banks overnight, officials said on Monday.",
    "Kramer, who led the talks for the union for a decade, said the deal was fair.",
])
def test_not_a_dateline(line):
    assert match_dateline(line) is None


def test_colon_dateline_before_a_long_lead(options):
    a = _clean("Ankara: Turkish voters went to the polls on Sunday in a run-off that could extend the "
               "president's rule into a third decade, officials said.", options)
    assert a.dateline == "Ankara"
    assert a.text.startswith("Turkish voters")


def test_agency_code_spelled_out_in_the_page(options):
    a = _clean("NORDBY, Feb 6 (NWA) - The council met on Tuesday and agreed the harbour budget for the "
               "year ahead, officials said.\n\nNorth Wire Agency © 2024", options)
    assert a.outlet == "North Wire Agency"


def test_lone_dateline_line(options):
    a = _clean("Port strike ends after overnight talks\n\nROTTERDAM –\n" + BODY, options)
    assert a.dateline == "Rotterdam"
    assert a.title == "Port strike ends after overnight talks"
    assert a.text.startswith("The council approved")


def test_page_with_date_line_byline_date_and_headless_tail(options):
    a = _clean((FIXTURES / "fjord_observer_page.txt").read_text("utf-8"), options)
    assert (a.outlet, a.published, a.dateline) == ("Fjord Observer", "2024-03-04", "Hammerfest")
    assert a.title == "Fishing quotas cut for third year as cod stocks shrink"
    assert a.text.startswith("The ministry cut")
    assert a.text.endswith('said one skipper.')
    for gone in ("Written by", "Image caption", "Click here", "contributed", "Source:", "Popular", "Ferry"):
        assert gone not in a.text, gone


def test_page_with_in_body_list_and_intertitle(options):
    a = _clean((FIXTURES / "storm_page_no_masthead.txt").read_text("utf-8"), options)
    assert a.title == "Storm leaves thousands without power across the coast"
    assert a.outlet is None and a.published is None
    assert a.text.startswith("Winds of up to 140 km/h")  # the standfirst stays
    assert "Related" not in a.text and "Ferry services" not in a.text and "(AFP)" not in a.text
    assert "The response\n\nThe regional president" in a.text  # an intertitle is text


@pytest.mark.parametrize("header,outlet", [
    # a title-case masthead with no menu: the line under it shares words with the lead
    ("The Harbour Gazette\nCouncil approves harbour plan after night-long debate\nBy Jan Smit",
     "The Harbour Gazette"),
    # a page title copied above the menu names the site after the headline
    ("Council approves harbour plan | Harbour Gazette\nHome | News | Ports | Weather\n"
     "Council approves harbour plan\nBy Jan Smit", "Harbour Gazette"),
])
def test_masthead_without_menu_and_page_title(options, header, outlet):
    a = _clean(header + "\n\n" + BODY, options)
    assert a.outlet == outlet
    assert a.title.startswith("Council approves harbour plan")
    assert a.text.startswith("The council approved")


def test_wire_credit_line_and_worded_stamp(options):
    a = _clean("Port strike ends after overnight talks\nReuters\nPublished on Tuesday, 6 February 2024 in the evening edition\n\n"
               + BODY, options)
    assert a.title == "Port strike ends after overnight talks"
    assert a.outlet == "Reuters"
    assert a.published == "2024-02-06"
    assert a.text.startswith("The council approved")


def test_table_rows_are_neither_stamps_nor_a_top_bar(options):
    a = _clean("Home | Results | Fixtures | Tables\nCup final ends in a draw after extra time\nSports Desk\n\n"
               "The final ended 2-2 after extra time on Saturday, and the replay is set for next week.\n\n"
               "Home | Away | Draw\n12 | 9 | 4\nThe two clubs have met 25 times in the cup, the league said.",
               options)
    assert a.title == "Cup final ends in a draw after extra time"
    assert a.text.startswith("The final ended 2-2")
    assert "12 | 9 | 4" in a.text


def test_short_paragraphs_open_the_body(options):
    a = _clean("Senate passes stopgap funding bill\nBy Jane Roe\nMarch 1, 2024\n\n"
               "The Senate passed a stopgap bill on Friday to keep the government open.\n\n"
               "The vote was 77 to 19.", options)
    assert (a.title, a.published) == ("Senate passes stopgap funding bill", "2024-03-01")
    assert a.text.startswith("The Senate passed")
