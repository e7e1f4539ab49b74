"""Boilerplate rules on texts written for these tests."""
from newsgraph.clean import article_id, clean_document
from newsgraph.ingest.readers import content_hash
from newsgraph.records import Article, RawDocument


def _doc(text, fmt="text", **meta):
    return RawDocument(input_id="t.txt", format=fmt, content=text, raw_hash=content_hash(text), **meta)


def _clean(text, options, **meta):
    result = clean_document(_doc(text, **meta), options.clean)
    assert isinstance(result, Article), result
    return result


def test_dump_keeps_what_boilerplate_told(options, harbour_dump):
    a = _clean(harbour_dump, options)
    assert a.title == "Port Strike Ends After Overnight Talks"
    assert a.published == "2024-02-11"
    assert a.dateline == "Rotterdam"
    assert a.outlet == "Harbour Gazette"
    assert a.text.startswith("Dock workers ended")
    for gone in ("Related Stories", "Ferry Fares", "licensed", "date 2024", "ROTTERDAM -", "\u00a0"):
        assert gone not in a.text
    assert "\u201cWe got what we came for,\u201d" in a.text
    assert a.text.endswith("police said.")


def test_offsets_map_back_to_raw(options, harbour_dump):
    a = _clean(harbour_dump, options)
    for word in ("Dock", "union", "Anouk", "Thursday"):
        at = a.text.index(word)
        raw_at = a.raw_offset(at)
        assert harbour_dump[raw_at:raw_at + len(word)] == word


def test_never_invents_a_date(options):
    a = _clean("BERLIN - The council met on Sunday and agreed on a budget for the year ahead.", options)
    assert a.published is None
    assert a.dateline == "Berlin"


def test_agency_tag_and_glued_site_label(options):
    text = ("Lead paragraph about a meeting of ministers that took place in the capital today.\n\n"
            "Harbour GazetteHarbour news: Ministers met on Monday in Lisbon to discuss fisheries.")
    a = _clean(text, options)
    assert a.outlet == "Harbour Gazette"
    assert "Harbour news" not in a.text
    b = _clean("Kabul (AFP) - Two people were killed in a blast on Monday, police said.", options)
    assert b.outlet == "Agence France-Presse"
    assert b.dateline == "Kabul"


def test_story_code_and_header_crumbs(options):
    text = ("Story Code : 120045\n12 March 2025 | Harbour Gazette\nBy Jan Smit, Harbour Gazette\n\n"
            "AMSTERDAM - The city council approved a new housing plan on Tuesday, officials said.")
    a = _clean(text, options)
    assert a.text.startswith("The city council")
    assert a.published == "2025-03-12"
    assert a.outlet == "Harbour Gazette"


def test_prose_colons_and_sentences_are_kept(options):
    text = ("Breaking news: the river burst its banks overnight, officials said on Monday.\n\n"
            "Officials said repairs would take weeks.\n\nMore rain is expected on Friday.")
    a = _clean(text, options)
    assert a.text.startswith("Breaking news: the river")
    assert a.text.endswith("expected on Friday.")


def test_same_article_same_id_despite_typography():
    assert article_id("He said \u201cyes\u201d.\u00a0 Then left.") == article_id('he said "yes". then left.')
    assert article_id("one text") != article_id("another text")


def test_html_page_main_text(options):
    html = ("<html><head><title>Bridge reopens | Harbour Gazette</title>"
            "<meta property='og:site_name' content='Harbour Gazette'>"
            "<meta property='article:published_time' content='2024-02-12T09:00:00Z'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Bridge reopens</h1>"
            + "".join(f"<p>The canal bridge reopened on Monday after repairs, paragraph {i} of the "
                      "story told at length so that it reads as an article.</p>" for i in range(6))
            + "</article><footer>Copyright Harbour Gazette. All rights reserved.</footer></body></html>")
    a = _clean(html, options, fmt="html")
    assert a.published == "2024-02-12"
    assert a.outlet == "Harbour Gazette"
    assert "The canal bridge reopened" in a.text
    assert "Home" not in a.text and "All rights reserved" not in a.text


def test_empty_page_is_a_problem(options):
    result = clean_document(_doc("<html><body><script>x()</script></body></html>", fmt="html"),
                            options.clean)
    assert not isinstance(result, Article)
    assert result.code == "E201"


def test_agency_after_comma_and_copyright_line(options):
    text = ("Tehran, IRNA -- Iran's foreign minister met his Omani counterpart on Monday in Muscat.\n\n"
            "The two discussed trade, officials said.\n\n© 2021 Harbour Gazette")
    a = _clean(text, options)
    assert a.dateline == "Tehran"
    assert a.text.startswith("Iran's foreign minister")
    assert a.text.endswith("officials said.")
    assert a.outlet == "Harbour Gazette"  # the footer names the outlet; the tag names the agency


def test_tag_lines_close_a_tail(options):
    text = ("AMMAN - Jordan reopened its border crossing on Tuesday after a week, officials said.\n\n"
            "Trucks queued for hours.\n\nTags: Jordan, Borders, Trade\nShare this")
    a = _clean(text, options)
    assert a.text.endswith("Trucks queued for hours.")
