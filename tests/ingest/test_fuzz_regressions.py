"""Regression tests for the reader and clean bugs that fuzzing found."""
from __future__ import annotations

import codecs
import encodings
import encodings.aliases
import io
import pkgutil

import pytest
from fuzz_inputs import (  # seeds, strategies and checks shared by the fuzz tests
    BAD_FIRST_GZIP_BLOCK,
    INGEST,
    JSONL_SEED,
    check_items,
    run_clean,
    run_stream,
)

from newsgraph.errors import NewsgraphError
from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.readers import content_hash, read_jsonl, read_single
from newsgraph.records import Article, InputProblem, RawDocument

pytestmark = [
    pytest.mark.slow,
    # feedparser warns on every entry that only has <updated>; noise here.
    pytest.mark.filterwarnings("ignore:To avoid breaking existing software:DeprecationWarning"),
]


# --------------------------------------------------------------------------
# Regression tests for the bugs fuzzing found.
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


CHARSET_TEMPLATES = [
    b'<meta charset="%s"><p>caf\xe9</p>',
    b'<?xml version="1.0" encoding="%s"?><p>caf\xe9</p>',
]


def _declared_charset_failures(codec: str) -> list[str]:
    """What goes wrong when a non-UTF-8 page declares ``codec`` (empty: nothing)."""
    failures = []
    for template in CHARSET_TEMPLATES:
        data = template % codec.encode("ascii")
        try:
            try:
                decode_bytes(data, "page.html")
            except NewsgraphError as exc:
                assert exc.code in ("E102", "E103", "E104"), exc
            check_items(list(read_single(io.BytesIO(data), "page.html", "html", INGEST, None)))
        except Exception as exc:  # collected, so one run reports every bad codec
            failures.append(f"{data!r}: {type(exc).__name__}: {exc}")
    return failures


def test_declared_charset_any_python_codec() -> None:
    """Any charset name Python knows, declared in a non-UTF-8 page, is handled.

    The declared name comes from the (untrusted) file and goes straight to
    codecs.lookup, so every codec Python ships is reachable, including
    non-text codecs (base64, rot13, zlib, idna, ...); none of them may make
    decode_bytes or read_single raise.  One test for all codecs (not one per
    codec) so that ``-n 2`` still spreads the slow fuzz tests over both workers.
    """
    failures = [f for name in _all_codec_names() for f in _declared_charset_failures(name)]
    assert not failures, "\n".join(failures)


def test_declared_charset_undefined_codec() -> None:
    """A page declaring the Python-only codec "undefined" is a problem record, not a crash.

    Minimal input: ``b'<meta charset=undefined>\\xff'`` (read_single, format html).
    """
    assert _declared_charset_failures("undefined") == []


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


@pytest.mark.parametrize("fmt", [None, "text", "html", "jsonl", "feed"])
def test_read_stream_corrupt_first_gzip_block(fmt) -> None:
    """A gzip stream whose first deflate block is corrupt is an E105 problem, not a crash.

    Corrupt downloads are common; the readers already map zlib.error to E105
    later in a stream, but the head peek in _read_stream does not.
    """
    items = run_stream(BAD_FIRST_GZIP_BLOCK, fmt)
    check_items(items)
    assert [i.code for i in items] == ["E105"]


@pytest.mark.parametrize("content", ["<html>", "<html><head>", "<!DOCTYPE><head",
                                     "<!doctype html><head><title>x</title>"])
def test_clean_html_without_body(content: str) -> None:
    """An HTML page with no body and no text is an E201 problem, not an exception.

    read_single accepts these bytes as an HTML document, so clean_document
    must answer with an Article or an InputProblem for them.
    """
    doc = RawDocument(input_id="page.html", format="html", content=content,
                      raw_hash=content_hash(content))
    result = run_clean(doc)
    assert isinstance(result, InputProblem) and result.code == "E201"


@pytest.mark.parametrize("data", [b"<p></p>\x01", b"<br>\x0b", b"<p>Some text here</p>\x0b"])
def test_clean_html_control_char_after_block(data: bytes) -> None:
    """An HTML file with a stray control character after a block still cleans.

    read_single accepts it (a couple of control characters do not make a file
    binary), and vertical tabs are common in text pasted from word processors.
    """
    items = list(read_single(io.BytesIO(data), "page.html", "html", INGEST, None))
    (doc,) = check_items(items)
    result = run_clean(doc)
    assert isinstance(result, (Article, InputProblem))
