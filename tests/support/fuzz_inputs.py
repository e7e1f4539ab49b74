"""Seeds, mutation strategies and checks shared by the fuzz tests of the ingest readers."""
from __future__ import annotations

import functools
import gzip
import io
import json
import re
import struct
import zlib

from hypothesis import HealthCheck, currently_in_test_context, event, settings
from hypothesis import strategies as st

from newsgraph.clean import clean_document
from newsgraph.config import load_options
from newsgraph.ingest.readers import (
    content_hash,
)
from newsgraph.ingest.sources import _read_stream
from newsgraph.records import InputProblem, RawDocument

OPTIONS = load_options()
INGEST = OPTIONS.ingest
CLEAN = OPTIONS.clean

FORMATS = ("text", "html", "jsonl", "feed", "warc")
CODE_RE = re.compile(r"^[EW]\d{3}$")

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
# rewriting declarations.
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be",
             "latin-1", "cp1252", "cp1251", "koi8-r", "shift_jis", "euc-jp", "gb2312", "big5",
             "iso-2022-jp", "utf-7", "mac-roman", "cp437", "ascii"]
DECLARED = ENCODINGS + ["undefined", "x-no-such-charset", "", "utf-8\"", "unicode_escape", "rot13",
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


def _mutating(seeds: list[bytes], rounds: list[tuple[st.SearchStrategy[int], st.SearchStrategy]]
              ) -> st.SearchStrategy[bytes]:
    """One of ``seeds`` after each round's mutations: (how many, drawn from which)."""
    seed = st.sampled_from(seeds)

    @st.composite
    def _mutated(draw) -> bytes:
        data = draw(seed)
        for count, mutation in rounds:
            for _ in range(draw(count)):
                data = draw(mutation)(draw, data)
        return data

    return _mutated()


def mutated(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    """One of ``seeds`` after one to four random mutations."""
    return _mutating(seeds, [(_COUNT, _MUTATION)])


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

def note(label: str) -> None:
    """A Hypothesis event (shown by --hypothesis-show-statistics); a no-op outside @given."""
    if currently_in_test_context():
        event(label)


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
    note("yielded a RawDocument" if docs else "yielded only InputProblems")
    for code in sorted({i.code for i in items if isinstance(i, InputProblem)}):
        note(f"problem {code}")
    return docs


def stream_of(data: bytes) -> io.BufferedReader:
    return io.BufferedReader(io.BytesIO(data))


# --------------------------------------------------------------------------
GZIP_MAGIC = b"\x1f\x8b"
# Minimal trigger of a fixed bug in sources._read_stream: a gzip header whose
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


def run_stream(data: bytes, fmt):
    """Everything _read_stream yields for ``data``."""
    return list(_read_stream(stream_of(data), "fuzz", fmt, INGEST, group="g"))


def run_clean(doc: RawDocument):
    """clean_document with the default options."""
    return clean_document(doc, CLEAN)


# --------------------------------------------------------------------------
# Hostile inputs for the ingest -> clean -> store tests.
# --------------------------------------------------------------------------

_ZERO_MIB = bytes(1 << 20)


@functools.lru_cache(maxsize=8)
def gzip_zeros(mib: int, prefix: bytes = b"", suffix: bytes = b"") -> bytes:
    """A gzip member of ``prefix``, ``mib`` MiB of zeros and ``suffix``, made in milliseconds.

    After a full flush deflate starts afresh, so every MiB of zeros compresses
    to the same ~1 KB: it is made once and repeated, and 2 GB of zeros is a
    file of about 2 MB. The trailer is valid (CRC and size), as in a real bomb.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(prefix) + packer.flush(zlib.Z_FULL_FLUSH)
    unit = packer.compress(_ZERO_MIB) + packer.flush(zlib.Z_FULL_FLUSH)
    assert packer.compress(_ZERO_MIB) + packer.flush(zlib.Z_FULL_FLUSH) == unit
    tail = packer.compress(suffix) + packer.flush()
    crc = zlib.crc32(prefix)
    for _ in range(mib):
        crc = zlib.crc32(_ZERO_MIB, crc)
    crc = zlib.crc32(suffix, crc)
    size = (len(prefix) + (mib << 20) + len(suffix)) & 0xFFFFFFFF
    return (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + head + unit * mib + tail
            + struct.pack("<II", crc, size))


def warc_record_head(length: int, url: str = "https://bomb.example/") -> bytes:
    """The WARC and HTTP headers of an HTML response whose block is ``length`` bytes after them."""
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {length}\r\n\r\n").encode()
    warc = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-0000000000ff>\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http) + length}\r\n\r\n").encode()
    return warc + http


def _surrogate_jsonl(draw, data: bytes) -> bytes:
    """A JSONL line whose strings hold JSON escapes of lone surrogates and NUL."""
    escape = draw(st.sampled_from([b"\\ud800", b"\\udfff", b"\\u0000", b"\\ud83d", b"\\ude00x"]))
    field = draw(st.sampled_from([b"title", b"text", b"outlet", b"url", b"id", b"published"]))
    line = b'{"' + field + b'": "a' + escape + b'b", "text": "Words ' + escape + b' here."}\n'
    i = _pos(draw, data)
    while i < len(data) and data[i - 1:i] not in (b"", b"\n"):
        i += 1  # at a line start, so the line stays a line
    return data[:i] + line + data[i:]


def _small_bomb(draw, data: bytes) -> bytes:
    """The input's bytes, then a MiB or a few of zeros, all in one gzip member."""
    return gzip_zeros(draw(_SMALL) // 2 + 1, prefix=data[:2048])


def _nul_text(draw, data: bytes) -> bytes:
    """One NUL in otherwise fine text (``_nul`` inserts a run of them): text, not binary."""
    i = _pos(draw, data)
    return data[:i] + b"\x00" + data[i:]


HOSTILE_MUTATIONS = [_surrogate_jsonl, _small_bomb, _nul_text, _truncate, _gzip_truncate, _flip]
_HOSTILE = st.sampled_from(HOSTILE_MUTATIONS)


def hostile(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    """A seed after one or two hostile mutations (and maybe one of the usual ones)."""
    return _mutating(seeds, [(st.integers(1, 2), _HOSTILE), (st.integers(0, 1), _MUTATION)])
