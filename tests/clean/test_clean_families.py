"""Page furniture families, one table row per shape; texts written for these tests."""
import pytest

from newsgraph.clean.boilerplate import furniture, is_list_heading
from newsgraph.clean.footers import copyright_outlet
from newsgraph.clean.shapes import is_menu, meta_line

FURNITURE = [
    # widgets: share, print, listen, font size
    ("Share: Facebook | X | WhatsApp | Email", "widget"),
    ("Share this article: Facebook · Twitter · LinkedIn", "widget"),
    ("Share on Telegram", "widget"),
    ("Print  |  Font size: A A A", "widget"),
    ("Print | Send to a friend | A+ A-", "widget"),
    ("Share   Tweet   WhatsApp   Print", "widget"),
    ("Listen to this article · 7 min", "widget"),
    ("▶ Listen to this article", "widget"),
    ("Like this: Like Loading...", "widget"),
    # advertisements
    ("Advertisement", "advertisement"),
    ("ADVERTISEMENT", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    # in-body teasers
    ("READ MORE: Why the river port closed for a week", "teaser"),
    ("Also read: Ferry operators warn of higher fares", "teaser"),
    ("ALSO READ: Explainer – what the new tariff changes", "teaser"),
    ("Also Read | What the coalition deal means for farmers", "teaser"),
    ("Recommended: Canal bridge reopens after repairs", "teaser"),
    ("Listen: our reporter on the night the dam gave way (4:05)", "teaser"),
    # photo captions and credits
    ("Firefighters at the depot on Monday. Photo: Lakeside Courier/Staff", "caption"),
    ("Volunteers fill sandbags near the old mill. (Photo: RN/Tomas V.)", "caption"),
    ("The mayor speaks to reporters. Photograph: City Pictures", "caption"),
    ("Illustration: Lakeside Courier", "caption"),
    ("Harbour cranes stand idle during the strike. (File photo)", "caption"),
    ("A ferry leaves the quay at dawn. Jane Moss/Northern Agency", "caption"),
    # tag lists
    ("Tags: Ports, Strikes, Unions, Shipping", "tags"),
    ("Topics: Floods · Weather · Farming", "tags"),
    ("Keywords: budget · council · housing", "tags"),
    ("Filed under: Elections | Parliament | Coalition talks", "tags"),
    # prompts: cookies, newsletters, donations, follow
    ("We use cookies to improve your visit. By continuing you agree. Accept", "prompt"),
    ("Your privacy: we and our partners use cookies to measure ads. Accept all | Manage options", "prompt"),
    ("Get the Evening Digest in your inbox. Sign up now", "prompt"),
    ("Sign up to the Weekly Harbour: our pick of the news, every Friday", "prompt"),
    ("Enter your email address | Subscribe", "prompt"),
    ("Follow the Lakeside Courier on Telegram and X", "prompt"),
    ("Join the Valley Times on WhatsApp for breaking news alerts", "prompt"),
    ("The Valley Times is reader-funded. Become a member from 4 euros a month.", "prompt"),
    ("Support independent local journalism. Become a monthly donor today.", "prompt"),
    ("Valley Radio is supported by listeners like you. Donate today", "prompt"),
    ("Your email address will not be published. Required fields are marked *", "prompt"),
    # comment counters and forms
    ("Comments (31)", "comments"),
    ("31 comments", "comments"),
    ("💬 9 comments", "comments"),
    ("Be the first to comment", "comments"),
    ("Leave a Reply", "comments"),
    ("Leave a comment · Your name · Your email · Submit", "comments"),
    ("5 comments – join the debate", "comments"),
    ('4 thoughts on "Port strike ends after overnight talks"', "comments"),
    # reporting credits and sign-offs
    ("(Reporting by Ana Lind in Oslo; Editing by Paul Kerr)", "credits"),
    ("Reporting by Ana Lind; additional reporting by Omar Said; Editing by Paul Kerr", "credits"),
    ("Editing by Paul Kerr", "credits"),
    ("— With input from agencies", "credits"),
    ("Our Standards: How we report from disaster zones", "credits"),
    # copyright lines
    ("© 2024 Lakeside Courier. All rights reserved.", "copyright"),
    ("Valley Times © 2022 | Terms | Privacy", "copyright"),
    ("(c) Northern Agency 2021. Redistribution without consent is prohibited.", "copyright"),
    ("All rights reserved for the Valley Times. Reproduction is permitted with a link.", "copyright"),
    # list headings, read times, notes
    ("Most Read", "list-heading"),
    ("MORE FROM THE NORTH", "list-heading"),
    ("Related coverage", "list-heading"),
    ("You may also like", "list-heading"),
    ("6 min read", "stamp"),
    ("Updated 3 hours ago", "stamp"),
    ("This article was first published on the Valley Times website.", "note"),
]

PROSE = [
    "Dock workers ended a four-day strike on Sunday after overnight talks with the operators.",
    "By the time the search ended, rescuers had pulled nine people from the rubble.",
    "He posted a video: the crowd cheered as the results came in.",
    "Support for the bill has grown among lawmakers in the capital, the poll showed.",
    "Readers of the paper have long complained about the price of the print edition.",
    "Tehran: 'Legitimate resistance' only way forward, ministry says",
    "The union said it would sign up new members in every port along the coast.",
    "More than 60 people were injured, the regional governor said.",
    "Follow-up talks are due next week in the capital, officials said.",
    "The photo: a man in a red coat stands alone on the quay.",
]


@pytest.mark.parametrize("line,family", FURNITURE)
def test_furniture_family(line, family):
    assert furniture(line) == family


@pytest.mark.parametrize("line", PROSE)
def test_prose_is_not_furniture(line):
    assert furniture(line) is None


@pytest.mark.parametrize("line,outlet", [
    ("© 2024 Lakeside Courier. All rights reserved.", "Lakeside Courier"),
    ("Valley Times © 2022 | Terms | Privacy", "Valley Times"),
    ("© North Shore Media Ltd 2023", "North Shore"),
    ("© 2021 The Valley Times SA · Legal notice · Privacy policy", "The Valley Times"),
    ("Copyright © The Hill Herald | Powered by a blog engine", "The Hill Herald"),
    ("Quay Post © All rights reserved", "Quay Post"),
    ("All rights reserved for The Valley Times. Reproduction is permitted.", "The Valley Times"),
    ("© 2023 | Terms | Privacy", None),
])
def test_copyright_outlet(line, outlet):
    assert copyright_outlet(line) == outlet


@pytest.mark.parametrize("line,menu", [
    ("Home | World | Business | Sport | Opinion", True),
    ("Subscribe · E-paper · Log in", True),
    ("Menu | Search | Log in | Subscribe", True),
    ("World > Europe > Norway", True),
    ("Home › World › Nordics", True),
    ("World News / Europe / Baltics", True),
    ("World | Nordics | 3 min read", True),
    ("Politics   Energy   Fisheries   Culture   Opinion", True),
    ("Skip to main content", True),
    ("Port strike ends after overnight talks", False),
    ("The council met on Monday and agreed a budget.", False),
])
def test_menu_lines(line, menu):
    assert is_menu(line) is menu


@pytest.mark.parametrize("line,kind", [
    ("By Ana Lind", "byline"),
    ("By Ana Lind, Nordic correspondent", "byline"),
    ("by Ana Lind · 6 min read", "byline"),
    ("Ana Lind in Bergen", "byline"),
    ("Courier Web Desk", "byline"),
    ("Staff Writer · 2 hours ago · 4 min read", "byline"),
    ("Posted by Quay Staff in News, Harbours", "byline"),
    ("Published 6 Feb 2024 · 9:42 pm CET · Updated 2 hours ago", "stamp"),
    ("Monday 5 February 2024 07.15 GMT", "stamp"),
    ("By Ana Lind | Posted on 05/02/2024 at 09:15", "stamp"),
    ("Last Updated: February 5, 2024, 07:10 PM CET", "stamp"),
    ("Updated: 05.02.2024 | 10:40", "stamp"),
    ("4 min read · 12 comments", "meta"),
    ("Updated 2 hours ago", "meta"),
    ("Port strike ends after overnight talks", None),
    ("By Wednesday, the toll had risen to eleven.", None),
])
def test_meta_lines(line, kind):
    assert meta_line(line) == kind


def test_list_heading_needs_the_shape_of_a_heading():
    assert is_list_heading("More from Europe")
    assert is_list_heading("Trending now")
    assert not is_list_heading("More people came than ever before.")


@pytest.mark.parametrize("line,kind", [
    ("Jane Roe, Staff Reporter", "byline"),
    ("Ana Lind, Nordic correspondent, Oslo", "byline"),
    ("Published: 6th April 2024, 9:42 am", "stamp"),
    ("2024-04-06T09:42:00Z", "stamp"),
    ("Updated: 2 hrs ago", "meta"),
])
def test_more_meta_lines(line, kind):
    assert meta_line(line) == kind
