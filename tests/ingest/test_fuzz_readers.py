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

Known bugs in ``src/`` are pinned by ``xfail(strict=False)`` regression tests
at the end of the file, with their minimal inputs.  The fuzz tests are not
xfailed wholesale (that would hide every other finding): the charset-name
trigger is simply not generated, and the two bugs the mutations hit all the
time (a corrupt first gzip block, a body-less HTML page in clean) are
tolerated only in their exact form by ``run_stream``/``run_clean`` and shown
as Hypothesis events (``--hypothesis-show-statistics``).  Remove those
allowances when the bugs are fixed.
"""
from __future__ import annotations

import codecs
import encodings
import encodings.aliases
import gzip
import io
import json
import pkgutil
import re
import traceback
import zlib

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from newsgraph.clean import clean_document
from newsgraph.config import load_options
from newsgraph.errors import NewsgraphError
from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.readers import content_hash, read_feed, read_jsonl, read_single, read_warc
from newsgraph.ingest.sources import _read_stream, sniff_format
from newsgraph.records import Article, InputProblem, RawDocument

pytestmark = pytest.mark.slow

OPTIONS = load_options()
INGEST = OPTIONS.ingest
CLEAN = OPTIONS.clean

FORMATS = ("text", "html", "jsonl", "feed", "warc")
CODE_RE = re.compile(r"^E\d{3}$")

_COMMON = dict(
    deadline=None,
    derandomize=True,
    database=None,  # derandomized runs need no example database; keep the tree clean
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZ = settings(max_examples=10_000, **_COMMON)
CLEAN_FUZZ = settings(max_examples=5_000, **_COMMON)


# --------------------------------------------------------------------------
# Seeds: small valid inputs of every format (made-up text, reserved domains).
# --------------------------------------------------------------------------

TEXT_SEED = (
    "Harbour Board Approves Night Ferry Trial\n"
    "\n"
    "PORTVALE - The harbour board on Tuesday approved a six-month trial of a night\n"
    "ferry between Portvale and Eastmere, its chair, Ada Lindqvist, told reporters.\n"
    "\n"
    "\u201cWe have heard the shift workers,\u201d Lindqvist said. The first sailing\n"
    "leaves at 23:40 on 1 April 2024; tickets cost \u20ac4.50.\n"
    "\n"
    "Related stories\n"
    "Ferry fares rise\n"
    "Dock strike ends\n"
    "New pier opens\n"
).encode("utf-8")

HTML_SEED = (
    "<!DOCTYPE html>\n"
    "<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
    "<title>Night ferry trial approved | Portvale Gazette</title>\n"
    "<meta property=\"article:published_time\" content=\"2024-03-05T09:30:00Z\">\n"
    "</head><body>\n"
    "<nav><a href=\"/\">Home</a> <a href=\"/local\">Local</a></nav>\n"
    "<article><h1>Night ferry trial approved</h1>\n"
    "<p>PORTVALE \u2013 The harbour board on Tuesday approved a six-month trial of a\n"
    "night ferry between Portvale and Eastmere, chair Ada Lindqvist said.</p>\n"
    "<p>\u201cWe have heard the shift workers,\u201d Lindqvist told reporters at the quay.\n"
    "The first sailing leaves at 23:40 on 1 April; tickets cost \u20ac4.50.</p>\n"
    "<p>Opposition councillor Tomas Berg called the trial \u201ctoo little, too late\u201d.</p>\n"
    "</article>\n"
    "<footer>\u00a9 2024 Portvale Gazette. All rights reserved.</footer>\n"
    "</body></html>\n"
).encode("utf-8")

JSONL_SEED = "\n".join(json.dumps(obj, ensure_ascii=bool(i % 2)) for i, obj in enumerate([
    {"id": "pg-1", "url": "https://www.portvale.example/ferry", "title": "Night ferry trial",
     "published": "2024-03-05", "outlet": "Portvale Gazette",
     "text": "PORTVALE - The harbour board approved a night ferry trial on Tuesday.\n\n"
             "\u201cWe have heard the shift workers,\u201d chair Ada Lindqvist said."},
    {"id": 2, "url": "https://eastmere.example/news/quay", "title": "Quay works",
     "published": "2024-03-06T08:00:00Z", "outlet": "Eastmere Wire",
     "html": "<p>EASTMERE - Works on the old quay start in May, the council said.</p>"
             "<p>The quay has been closed since the storm of 2022.</p>"},
    {"id": "pg-3", "title": "Weather", "published": "not a date",
     "text": "Rain is expected across the coast on Thursday, forecasters said."},
])).encode("utf-8") + b"\n"

RSS_SEED = (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
    "<channel><title>Portvale Gazette - Local</title><link>https://portvale.example/</link>\n"
    "<description>Local news</description>\n"
    "<item><title>Night ferry trial approved</title>\n"
    "<link>https://portvale.example/ferry</link>\n"
    "<guid>https://portvale.example/ferry</guid>\n"
    "<pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>\n"
    "<description>The harbour board approved a night ferry trial.</description>\n"
    "<content:encoded><![CDATA[<p>PORTVALE \u2013 The harbour board on Tuesday approved a\n"
    "six-month trial of a night ferry, chair Ada Lindqvist said.</p>]]></content:encoded>\n"
    "</item>\n"
    "<item><title>Quay works to start in May</title>\n"
    "<link>https://portvale.example/quay</link>\n"
    "<pubDate>Wed, 06 Mar 2024 08:00:00 +0100</pubDate>\n"
    "<description>&lt;p&gt;Works on the old quay start in May, the council said.&lt;/p&gt;"
    "</description>\n"
    "</item>\n"
    "</channel></rss>\n"
).encode("utf-8")

ATOM_SEED = (
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
    "<title>Eastmere Wire | Latest</title><id>urn:uuid:0a1b2c3d-0000-4000-8000-000000000001</id>\n"
    "<updated>2024-03-06T10:00:00Z</updated>\n"
    "<entry><title>Council backs quay repairs</title>\n"
    "<link href=\"https://eastmere.example/quay\"/>\n"
    "<id>urn:uuid:0a1b2c3d-0000-4000-8000-000000000002</id>\n"
    "<published>2024-03-06T08:00:00Z</published><updated>2024-03-06T09:00:00Z</updated>\n"
    "<content type=\"html\">&lt;p&gt;EASTMERE \u2013 The council backed repairs to the old\n"
    "quay, closed since the 2022 storm.&lt;/p&gt;</content>\n"
    "</entry>\n"
    "<entry><title>Ferry tickets on sale</title>\n"
    "<id>urn:uuid:0a1b2c3d-0000-4000-8000-000000000003</id>\n"
    "<updated>2024-03-07T07:15:00Z</updated>\n"
    "<summary>Tickets for the night ferry trial go on sale on Friday.</summary>\n"
    "</entry>\n"
    "</feed>\n"
).encode("utf-8")


def _make_warc(compress: bool) -> bytes:
    """A small WARC: warcinfo, request, HTML response, PNG response, 404 response.

    Record ids and dates are fixed so the seed bytes (and thus the
    derandomized examples) are the same on every run.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    serial = iter(range(1, 100))

    def headers() -> dict[str, str]:
        return {"WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{next(serial):012d}>",
                "WARC-Date": "2024-03-05T10:00:00Z"}

    url = "https://www.portvale.example/ferry"
    writer.write_record(writer.create_warc_record(
        "", "warcinfo", payload=io.BytesIO(b"software: newsgraph-fuzz\r\n"),
        warc_content_type="application/warc-fields", warc_headers_dict=headers()))
    request = StatusAndHeaders("GET /ferry HTTP/1.1", [("Host", "www.portvale.example")],
                               is_http_request=True)
    writer.write_record(writer.create_warc_record(
        url, "request", payload=io.BytesIO(b""), http_headers=request,
        warc_headers_dict=headers()))
    for target, status, ctype, body in (
        (url, "200 OK", "text/html; charset=utf-8", HTML_SEED),
        ("https://www.portvale.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\0\0"),
        ("https://www.portvale.example/gone", "404 Not Found", "text/html", b"<p>gone</p>"),
    ):
        http = StatusAndHeaders(status, [("Content-Type", ctype),
                                         ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            target, "response", payload=io.BytesIO(body), http_headers=http,
            warc_headers_dict=headers()))
    return out.getvalue()


WARC_SEED = _make_warc(compress=False)
WARC_GZ_SEED = _make_warc(compress=True)

SEEDS = {
    "text": [TEXT_SEED],
    "html": [HTML_SEED],
    "jsonl": [JSONL_SEED],
    "feed": [RSS_SEED, ATOM_SEED],
    "warc": [WARC_SEED, WARC_GZ_SEED],
}
ALL_SEEDS = [seed for group in SEEDS.values() for seed in group]


# --------------------------------------------------------------------------
# Mutation strategies.
# --------------------------------------------------------------------------

# Real-world charset names (and a few nonsense ones) for re-encoding and for
# rewriting declarations.  The Python-only codec "undefined" is deliberately
# absent: it is a known bug, pinned by test_declared_charset_any_python_codec.
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be",
             "latin-1", "cp1252", "cp1251", "koi8-r", "shift_jis", "euc-jp", "gb2312", "big5",
             "iso-2022-jp", "utf-7", "mac-roman", "cp437", "ascii"]
DECLARED = ENCODINGS + ["x-no-such-charset", "", "utf-8\"", "unicode_escape", "rot13",
                        "base64", "hex", "zlib", "idna", "punycode", "uu", "utf-99"]
# Chunks for the "very long line" mutation (JSON openers give deep nesting).
FILLERS = [b"a", b" ", b"word ", b"\xe2\x80\x94", b"\xc3\xa9", b"\t", b"&amp;", b"<b>",
           b"\xff", b"\x00", b"\\u00e9", b"==", b"\r", b"[", b'{"a":', b"<div>"]
_DECL = re.compile(rb"""(charset\s*=\s*["']?|encoding\s*=\s*["'])([A-Za-z0-9_.:-]*)""", re.I)


# Strategies are built once here, not inside the mutators: building a fresh
# st.integers(0, len(data)) on every draw costs more than running most readers.
_U16 = st.integers(0, 0xFFFF)
_BYTE = st.integers(1, 255)
_SMALL = st.integers(1, 8)
_SNIPPET = st.binary(min_size=1, max_size=32)
_ANY_SEED = st.sampled_from(ALL_SEEDS)
_GZIP_HOW = st.sampled_from(["whole", "truncate", "flip", "twice"])
_ENCODING = st.sampled_from(ENCODINGS)
_DECLARED = st.sampled_from(DECLARED)
_FILLER = st.sampled_from(FILLERS)
_COUNT = st.integers(1, 4)


def _pos(draw, data: bytes) -> int:
    """A position in ``data`` (0..len)."""
    return draw(_U16) % (len(data) + 1)


def _flip(draw, data: bytes) -> bytes:
    if not data:
        return data
    i = draw(_U16) % len(data)
    return data[:i] + bytes([data[i] ^ draw(_BYTE)]) + data[i + 1:]


def _insert(draw, data: bytes) -> bytes:
    i = _pos(draw, data)
    return data[:i] + draw(_SNIPPET) + data[i:]


def _delete(draw, data: bytes) -> bytes:
    i = _pos(draw, data)
    return data[:i] + data[i + 1 + draw(_U16) % 256:]


def _truncate(draw, data: bytes) -> bytes:
    return data[:_pos(draw, data)]


def _splice(draw, data: bytes) -> bytes:
    other = draw(_ANY_SEED)
    return data[:_pos(draw, data)] + other[_pos(draw, other):]


def _duplicate(draw, data: bytes) -> bytes:
    i = _pos(draw, data)
    j = min(len(data), i + 1 + draw(_U16) % 512)
    return data[:j] + data[i:j] * (draw(_COUNT)) + data[j:]


def _gzip_truncate(draw, data: bytes) -> bytes:
    packed = gzip.compress(data, mtime=0)
    how = draw(_GZIP_HOW)
    if how == "truncate":
        return packed[:_pos(draw, packed)]
    if how == "flip":
        return _flip(draw, packed)
    if how == "twice":  # a second, truncated gzip member
        return packed + packed[:_pos(draw, packed)]
    return packed


def _reencode(draw, data: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    return text.encode(draw(_ENCODING), "replace")


def _redeclare(draw, data: bytes) -> bytes:
    name = draw(_DECLARED).encode("ascii")
    count = draw(_U16) % 3  # 0 means every declaration
    return _DECL.sub(lambda m: m.group(1) + name, data, count=count)


def _nul(draw, data: bytes) -> bytes:
    i = _pos(draw, data)
    return data[:i] + b"\x00" * draw(_SMALL) + data[i:]


def _long_line(draw, data: bytes) -> bytes:
    i = _pos(draw, data)
    chunk = draw(_FILLER)
    return data[:i] + chunk * ((200 + draw(_U16) % 3800) // len(chunk)) + data[i:]


MUTATIONS = [_flip, _insert, _delete, _truncate, _splice, _duplicate, _gzip_truncate,
             _reencode, _redeclare, _nul, _long_line]
_MUTATION = st.sampled_from(MUTATIONS)


def mutated(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    """One of ``seeds`` after one to four random mutations."""
    seed = st.sampled_from(seeds)

    @st.composite
    def _mutated(draw) -> bytes:
        data = draw(seed)
        for _ in range(draw(_COUNT)):
            data = draw(_MUTATION)(draw, data)
        return data

    return _mutated()


RANDOM_BYTES = st.binary(max_size=2048)
# Random printable-ish text: random bytes almost always hold a NUL, so they
# stop at the "binary" check; text gets further into the parsers.
RANDOM_TEXT = st.text(max_size=600).map(lambda s: s.encode("utf-8", "surrogatepass"))


def inputs_for(*formats: str) -> st.SearchStrategy[bytes]:
    """Random bytes/text, mutated seeds of ``formats``, and mutated seeds of any format."""
    own = [seed for fmt in formats for seed in SEEDS[fmt]]
    own_mutated = mutated(own)
    return st.one_of(RANDOM_BYTES, RANDOM_TEXT, own_mutated, own_mutated, mutated(ALL_SEEDS))


ANY_INPUT = inputs_for(*FORMATS)


# --------------------------------------------------------------------------
# Contract checks.
# --------------------------------------------------------------------------

def check_problem(item: InputProblem) -> None:
    assert isinstance(item.source, str)
    assert CODE_RE.match(item.code), item
    assert isinstance(item.message, str) and item.message, item
    assert item.message.splitlines() == [item.message], f"multi-line message: {item.message!r}"


def check_items(items: list) -> list[RawDocument]:
    """Assert the reader contract on everything a reader yielded; return the documents."""
    docs = []
    for item in items:
        assert isinstance(item, (RawDocument, InputProblem)), repr(item)
        if isinstance(item, InputProblem):
            check_problem(item)
            continue
        assert isinstance(item.content, str) and item.content, item
        assert item.format in ("text", "html"), item
        assert isinstance(item.input_id, str) and item.input_id, item
        assert item.raw_hash == content_hash(item.content)
        docs.append(item)
    # Shown by --hypothesis-show-statistics: how deep the inputs get.
    event("yielded a RawDocument" if docs else "yielded only InputProblems")
    for code in sorted({i.code for i in items if isinstance(i, InputProblem)}):
        event(f"problem {code}")
    return docs


def stream_of(data: bytes) -> io.BufferedReader:
    return io.BufferedReader(io.BytesIO(data))


# --------------------------------------------------------------------------
# Each reader on its own.
# --------------------------------------------------------------------------

@FUZZ
@given(data=inputs_for("text", "html"), fmt=st.sampled_from(["text", "html"]))
def test_read_single_never_raises(data: bytes, fmt: str) -> None:
    """read_single turns any bytes into exactly one RawDocument or one InputProblem.

    Plain-text and HTML files are the bulk of a corpus and come in every
    encoding; decoding (BOMs, declared charsets, detection, binary refusal) is
    where a stray byte would otherwise kill a whole ingest run.  The same
    bytes also go through decode_bytes directly: it may raise only
    NewsgraphError E102/E103/E104, since that is all its callers catch.
    """
    items = list(read_single(io.BytesIO(data), "fuzz.txt", fmt, INGEST, "g"))
    check_items(items)
    assert len(items) == 1
    # decode_bytes, on which read_single (and read_warc) rely, must agree: it
    # returns the same text, or raises only the NewsgraphError the reader reported.
    try:
        text, guessed = decode_bytes(data, "fuzz.txt")
    except NewsgraphError as exc:
        assert exc.code in ("E102", "E103", "E104"), exc
        assert isinstance(items[0], InputProblem) and items[0].code == exc.code
    else:
        assert isinstance(guessed, bool) and text.strip()
        assert isinstance(items[0], RawDocument) and items[0].content == text


@FUZZ
@given(data=inputs_for("jsonl"))
def test_read_jsonl_never_raises(data: bytes) -> None:
    """read_jsonl reports bad lines one by one and never raises.

    A JSONL dump is many articles in one file: one broken line (bad UTF-8,
    bad JSON, wrong types, a missing body) must cost that line only, so every
    line is either a RawDocument or an InputProblem naming it.
    """
    check_items(list(read_jsonl(io.BytesIO(data), "fuzz.jsonl", INGEST)))


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


# --------------------------------------------------------------------------
# The public path: gzip detection, sniffing, dispatch.
# --------------------------------------------------------------------------

GZIP_MAGIC = b"\x1f\x8b"
# Minimal trigger of a known bug in sources._read_stream: a gzip header whose
# first deflate block is invalid (here: block type 3).  See
# test_read_stream_corrupt_first_gzip_block below.
BAD_FIRST_GZIP_BLOCK = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x00\xff"


def _maybe_gzip(data: bytes, how: str) -> bytes:
    if how == "gzip":
        return gzip.compress(data, mtime=0)
    if how == "gzip-truncated":
        packed = gzip.compress(data, mtime=0)
        return packed[:max(2, len(packed) * 2 // 3)]
    return data


def run_stream(data: bytes, fmt, *, tolerate_known_bug: bool = True):
    """Everything _read_stream yields for ``data``, or None when the known bug fired.

    KNOWN BUG (pinned by test_read_stream_corrupt_first_gzip_block): when a
    stream starts with the gzip magic and its first deflate block is corrupt,
    the ``stream.peek`` that sniffs the decompressed head raises zlib.error,
    which _read_stream does not catch.  The fuzz tests tolerate exactly that
    case (gzip magic, non-WARC format, nothing yielded yet) and count it as a
    Hypothesis event, so every other escaping exception still fails them.
    """
    items: list = []
    try:
        for item in _read_stream(stream_of(data), "fuzz", fmt, INGEST, group="g"):
            items.append(item)
    except zlib.error:
        if (not tolerate_known_bug or items or fmt == "warc"
                or not data.startswith(GZIP_MAGIC)):
            raise
        event("known bug: zlib.error escaped the first gzip peek in _read_stream")
        return None
    return items


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
    if items is not None:
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
    if items is not None:
        check_items(items)
        assert items, "a stream always yields at least one record"


# --------------------------------------------------------------------------
# Clean stage on whatever the readers yield.
# --------------------------------------------------------------------------

# Minimal trigger of a known bug in clean/html.fragment_text: a "page" that
# lxml takes for a full document (it starts with <html or <!doctype) but that
# has no <body>.  See test_clean_html_without_body below.
HTML_WITHOUT_BODY = RawDocument(input_id="fuzz", format="html", content="<html>",
                                raw_hash=content_hash("<html>"))


def run_clean(doc: RawDocument, *, tolerate_known_bug: bool = True):
    """clean_document(doc), or None when the known lxml bug fired.

    KNOWN BUG (pinned by test_clean_html_without_body): when trafilatura finds
    no text, fragment_text calls lxml.html.fragment_fromstring, whose
    ``assert len(bodies) == 1`` raises AssertionError for a document-looking
    input without a body; fragment_text catches only ParserError/ValueError.
    Only that exact failure (raised from lxml's fragments_fromstring) is
    tolerated and counted as a Hypothesis event.
    """
    try:
        return clean_document(doc, CLEAN)
    except AssertionError as exc:
        last = traceback.extract_tb(exc.__traceback__)[-1]
        if not (tolerate_known_bug and last.name == "fragments_fromstring"
                and "bodies" in str(exc)):
            raise
        event("known bug: AssertionError from lxml fragments_fromstring in fragment_text")
        return None


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
    for doc in check_items(run_stream(_maybe_gzip(data, how), fmt) or []):
        result = run_clean(doc)
        if result is None:
            continue
        assert isinstance(result, (Article, InputProblem)), repr(result)
        event(f"clean -> {type(result).__name__}")
        if isinstance(result, InputProblem):
            check_problem(result)
        else:
            assert isinstance(result.text, str) and result.text.strip()
            assert result.inputs == [doc.input_id]


# --------------------------------------------------------------------------
# Known bugs: pinned, expected to fail until src/ is fixed.
# --------------------------------------------------------------------------

def _all_codec_names() -> list[str]:
    names = set(encodings.aliases.aliases.values())
    names |= {m.name for m in pkgutil.iter_modules(encodings.__path__)}
    found = set()
    for name in names:
        try:
            found.add(codecs.lookup(name).name)
        except LookupError:
            pass
    return sorted(found)


_UNDEFINED_REASON = (
    "bug: decode._declared_encoding accepts the Python codec 'undefined'; "
    "bytes.decode('undefined') raises plain UnicodeError, which decode_bytes does not catch "
    "(it catches UnicodeDecodeError/LookupError), so it escapes read_single"
)


@pytest.mark.parametrize("codec", [
    pytest.param(name, marks=pytest.mark.xfail(strict=False, reason=_UNDEFINED_REASON))
    if name == "undefined" else name
    for name in _all_codec_names()
])
@pytest.mark.parametrize("template", [
    b'<meta charset="%s"><p>caf\xe9</p>',
    b'<?xml version="1.0" encoding="%s"?><p>caf\xe9</p>',
])
def test_declared_charset_any_python_codec(codec: str, template: bytes) -> None:
    """Any charset name Python knows, declared in a non-UTF-8 page, is handled.

    The declared name comes from the (untrusted) file and goes straight to
    codecs.lookup, so every codec Python ships is reachable, including
    non-text codecs; none of them may make decode_bytes or read_single raise.
    """
    data = template % codec.encode("ascii")
    try:
        decode_bytes(data, "page.html")
    except NewsgraphError as exc:
        assert exc.code in ("E102", "E103", "E104")
    check_items(list(read_single(io.BytesIO(data), "page.html", "html", INGEST, None)))


@pytest.mark.parametrize("depth", [1_000, 100_000])
@pytest.mark.parametrize("opener", [b"[", b'{"a":', b'[{"t":'])
def test_jsonl_deep_nesting(depth: int, opener: bytes) -> None:
    """A JSONL line of deeply nested arrays/objects becomes an E107 problem, not a crash.

    Depth is cheap to produce ("[" * 1000 is 1 KB) and a single such line in
    a dump must not abort reading the other lines.  (Regression guard: json.loads
    raises RecursionError here, not ValueError.)  Not a Hypothesis test on
    purpose: Hypothesis raises the recursion limit while it runs a test, which
    would hide a bug that shows at Python's default limit of 1000.
    """
    data = JSONL_SEED + opener * depth + b"\n" + JSONL_SEED
    items = list(read_jsonl(io.BytesIO(data), "deep.jsonl", INGEST))
    check_items(items)
    assert sum(isinstance(i, RawDocument) for i in items) == 6
    assert [i.code for i in items if isinstance(i, InputProblem)] == ["E107"]


@pytest.mark.xfail(strict=False, reason=(
    "bug: sources._read_stream catches only (EOFError, OSError) around the GzipFile.peek "
    "that sniffs the decompressed head; a corrupt first deflate block raises zlib.error"))
@pytest.mark.parametrize("fmt", [None, "text", "html", "jsonl", "feed"])
def test_read_stream_corrupt_first_gzip_block(fmt) -> None:
    """A gzip stream whose first deflate block is corrupt is an E105 problem, not a crash.

    Corrupt downloads are common; the readers already map zlib.error to E105
    later in a stream, but the head peek in _read_stream does not.
    """
    items = run_stream(BAD_FIRST_GZIP_BLOCK, fmt, tolerate_known_bug=False)
    check_items(items)
    assert [i.code for i in items] == ["E105"]


@pytest.mark.xfail(strict=False, reason=(
    "bug: clean/html.fragment_text catches (ParserError, ValueError) around "
    "lxml.html.fragment_fromstring, which raises AssertionError('too many bodies: []') for "
    "'<html>' and other document-like input without a body; clean_document then raises"))
@pytest.mark.parametrize("content", ["<html>", "<html><head>", "<!DOCTYPE><head",
                                     "<!doctype html><head><title>x</title>"])
def test_clean_html_without_body(content: str) -> None:
    """An HTML page with no body and no text is an E201 problem, not an exception.

    read_single accepts these bytes as an HTML document, so clean_document
    must answer with an Article or an InputProblem for them.
    """
    doc = RawDocument(input_id="page.html", format="html", content=content,
                      raw_hash=content_hash(content))
    result = run_clean(doc, tolerate_known_bug=False)
    assert isinstance(result, InputProblem) and result.code == "E201"
