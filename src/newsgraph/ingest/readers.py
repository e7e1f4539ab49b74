"""One reader per input format. Each yields RawDocuments and InputProblems.

A reader never raises for bad content: every failure becomes an
InputProblem naming the input and the cause, and reading goes on with the
next document where the container allows it.
"""
from __future__ import annotations

import calendar
import io
import json
import re
import time
import zlib
from typing import IO, Iterator, Optional

from ..config import IngestOptions
from ..errors import NewsgraphError
from ..kb.dates import normalize_date
from ..kb.urls import host_of
from .decode import decode
from .items import Item, content_hash, make_doc, problem
from .warc import read_warc

_STREAM_ERRORS = (EOFError, zlib.error, OSError)
# The opening and closing tags of a feed's root (RSS, Atom, RDF, any namespace prefix) at
# the end of the bytes, and the closing tag of one entry.
_FEED_END = re.compile(rb"</(?:[\w.-]+:)?(?:rss|feed|rdf)\s*>\s*(?:<!--.*?-->\s*)*\Z", re.I | re.S)
_FEED_START = re.compile(rb"<(?:[\w.-]+:)?(?:rss|feed|rdf)[\s>]", re.I)
_ENTRY_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>", re.I)


def read_limited(stream: IO[bytes], subject: str, opts: IngestOptions) -> bytes:
    """Read a whole single-article input, refusing one over the size limit."""
    try:
        data = stream.read(opts.max_article_bytes + 1)
    except _STREAM_ERRORS as exc:
        raise NewsgraphError("E105", subject, str(exc) or type(exc).__name__) from None
    if len(data) > opts.max_article_bytes:
        raise NewsgraphError("E106", subject, f"more than {opts.max_article_bytes} bytes")
    return data


def read_single(stream: IO[bytes], subject: str, fmt: str, opts: IngestOptions,
                group: Optional[str]) -> Iterator[Item]:
    """A plain-text or HTML file: one article."""
    try:
        text, guessed = decode(read_limited(stream, subject, opts), subject)
    except NewsgraphError as exc:
        yield problem(subject, exc.code, exc.detail)
        return
    yield from make_doc(subject, fmt, text, guessed=guessed, group=group)


def read_jsonl(stream: IO[bytes], subject: str, opts: IngestOptions) -> Iterator[Item]:
    """JSON Lines: one article per line with ``text`` or ``html`` (contract fields)."""
    lineno = 0
    seen_any = False
    while True:
        try:
            line = stream.readline(opts.max_article_bytes + 1)
        except _STREAM_ERRORS as exc:
            yield problem(f"{subject}:{lineno + 1}", "E105", str(exc) or type(exc).__name__)
            return
        if not line:
            break
        lineno += 1
        where = f"{subject}:{lineno}"
        if len(line) > opts.max_article_bytes:
            seen_any = True  # an E106 line: the file is not "empty" as well
            try:
                skipped = _skip_rest_of_line(stream, opts.max_article_bytes)
            except _STREAM_ERRORS as exc:
                yield problem(where, "E105", str(exc) or type(exc).__name__)
                return
            if not skipped:
                # No end of line within another limit's worth (a gzip bomb, or
                # not JSONL at all): stop here rather than decompress without bound.
                yield problem(where, "E106", f"line longer than {2 * opts.max_article_bytes} bytes; "
                              "the rest of the file was not read")
                return
            yield problem(where, "E106", f"line longer than {opts.max_article_bytes} bytes")
            continue
        if not line.strip():
            continue
        seen_any = True
        yield from _jsonl_record(line, where, subject)
    if not seen_any:
        yield problem(subject, "E102")


def _skip_rest_of_line(stream: IO[bytes], budget: int) -> bool:
    """Skip to the next line within ``budget`` bytes; False when there is none."""
    while budget > 0:
        chunk = stream.readline(min(budget, 1 << 20))
        budget -= len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return True
    return False


def _jsonl_record(line: bytes, where: str, subject: str) -> list[Item]:
    try:
        obj = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        return [problem(where, "E107", f"not valid JSON ({type(exc).__name__})")]
    if not isinstance(obj, dict):
        return [problem(where, "E107", "not a JSON object")]
    body, fmt = obj.get("text"), "text"
    if not (isinstance(body, str) and body.strip()):
        body, fmt = obj.get("html"), "html"
    if not (isinstance(body, str) and body.strip()):
        return [problem(where, "E107", "no non-empty 'text' or 'html' string")]
    raw_id = obj.get("id")
    input_id = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id) else where
    url = _str_or_none(obj.get("url"))
    outlet = _str_or_none(obj.get("outlet"))
    return make_doc(input_id, fmt, body, where=where, url=url, title=_str_or_none(obj.get("title")),
                    published=normalize_date(_str_or_none(obj.get("published"))), outlet=outlet,
                    group=outlet or host_of(url) or subject)


def _str_or_none(value) -> Optional[str]:
    return value.strip() or None if isinstance(value, str) else None


def read_feed(stream: IO[bytes], subject: str, opts: IngestOptions) -> Iterator[Item]:
    """RSS or Atom (feedparser): one article per entry, its HTML content as the body."""
    import feedparser

    try:
        data = read_limited(stream, subject, opts)
    except NewsgraphError as exc:
        yield problem(subject, exc.code, exc.detail)
        return
    if not data.strip():
        yield problem(subject, "E102")
        return
    try:
        # Always a byte stream: handed a str (or bytes), feedparser takes it
        # for a file name or URL and opens it ("/etc/hostname" as a feed).
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False,
                                  resolve_relative_uris=False)
    except Exception as exc:  # feedparser wraps several parsers; any failure is a bad feed
        yield problem(subject, "E108", type(exc).__name__)
        return
    entries = parsed.get("entries") or []
    cut = parsed.get("bozo") and _FEED_START.search(data[:4096]) and not _FEED_END.search(data[-512:])
    if cut:
        # The XML ends part-way. feedparser's lenient parser still returns
        # entries, the last one possibly cut mid-text: keep only those whose
        # closing tag is in the bytes, and report the feed as truncated.
        entries = entries[:len(_ENTRY_END.findall(data))]
    if parsed.get("bozo") and not any(_entry_body(e) for e in entries):
        entries = []
    if cut:
        yield problem(subject, "E105", f"the feed ends part-way, after {len(entries)} complete entries")
        if not entries:
            return
    elif not entries:
        cause = str(parsed.get("bozo_exception") or "no entries")
        yield problem(subject, "E108", cause.splitlines()[0][:200] if cause else "no entries")
        return
    feed = parsed.get("feed") or {}
    outlet = _feed_outlet(_str_or_none(feed.get("title")))
    for index, entry in enumerate(entries, 1):
        body = _entry_body(entry)
        link = _str_or_none(entry.get("link"))
        input_id = link or _str_or_none(entry.get("id")) or f"{subject}#{index}"
        if not body:
            yield problem(input_id, "E201", "the feed entry has no content or summary")
            continue
        yield from make_doc(
            input_id, "html", body, url=link, title=_str_or_none(entry.get("title")),
            published=_struct_date(entry.get("published_parsed") or entry.get("updated_parsed")),
            outlet=outlet, group=outlet or host_of(link) or subject)


def _feed_outlet(title: Optional[str]) -> Optional[str]:
    """"Coastline Daily - World" or "Valley Wire | Latest": the outlet is the first part."""
    if not title:
        return None
    head = re.split(r"\s+[-–—|:]\s+", title, maxsplit=1)[0].strip()
    return head or title


def _entry_body(entry) -> Optional[str]:
    contents = entry.get("content") or []
    best = max((c.get("value") or "" for c in contents), key=len, default="")
    summary = entry.get("summary") or ""
    body = best if len(best) >= len(summary) else summary
    return body.strip() or None


def _struct_date(value) -> Optional[str]:
    if not value:
        return None
    try:
        return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(value)))
    except (TypeError, ValueError, OverflowError):
        return None


__all__ = ["Item", "content_hash", "problem", "read_feed", "read_jsonl", "read_single", "read_warc"]
