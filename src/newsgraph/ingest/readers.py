"""One reader per input format. Each yields RawDocuments and InputProblems.

A reader never raises for bad content: every failure becomes an
InputProblem naming the input and the cause, and reading goes on with the
next document where the container allows it.
"""
from __future__ import annotations

import calendar
import hashlib
import json
import re
import time
import zlib
from typing import IO, Iterator, Optional, Union

from ..config import IngestOptions
from ..errors import NewsgraphError, describe
from ..kb.dates import normalize_date
from ..kb.urls import host_of
from ..records import InputProblem, RawDocument
from .decode import decode_bytes

Item = Union[RawDocument, InputProblem]
_STREAM_ERRORS = (EOFError, zlib.error, OSError)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def problem(subject: str, code: str, detail: str = "") -> InputProblem:
    return InputProblem(subject, code, describe(code, detail))


def _doc(input_id: str, fmt: str, content: str, **meta) -> RawDocument:
    return RawDocument(input_id=input_id, format=fmt, content=content,
                       raw_hash=content_hash(content), **meta)


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
        text, _guessed = decode_bytes(read_limited(stream, subject, opts), subject)
    except NewsgraphError as exc:
        yield problem(subject, exc.code, exc.detail)
        return
    yield _doc(subject, fmt, text, group=group)


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
            yield problem(where, "E106", f"line longer than {opts.max_article_bytes} bytes")
            _skip_rest_of_line(stream)
            continue
        if not line.strip():
            continue
        seen_any = True
        item = _jsonl_record(line, where, subject)
        if item is not None:
            yield item
    if not seen_any:
        yield problem(subject, "E102")


def _skip_rest_of_line(stream: IO[bytes]) -> None:
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _jsonl_record(line: bytes, where: str, subject: str) -> Optional[Item]:
    try:
        obj = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        return problem(where, "E107", f"not valid JSON ({type(exc).__name__})")
    if not isinstance(obj, dict):
        return problem(where, "E107", "not a JSON object")
    body, fmt = obj.get("text"), "text"
    if not (isinstance(body, str) and body.strip()):
        body, fmt = obj.get("html"), "html"
    if not (isinstance(body, str) and body.strip()):
        return problem(where, "E107", "no non-empty 'text' or 'html' string")
    raw_id = obj.get("id")
    input_id = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id) else where
    url = _str_or_none(obj.get("url"))
    outlet = _str_or_none(obj.get("outlet"))
    return _doc(input_id, fmt, body, url=url, title=_str_or_none(obj.get("title")),
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
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # feedparser wraps several parsers; any failure is a bad feed
        yield problem(subject, "E108", type(exc).__name__)
        return
    entries = parsed.get("entries") or []
    if parsed.get("bozo") and not any(_entry_body(e) for e in entries):
        entries = []
    if not entries:
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
        yield _doc(input_id, "html", body, url=link, title=_str_or_none(entry.get("title")),
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


def read_warc(stream: IO[bytes], subject: str, opts: IngestOptions) -> Iterator[Item]:
    """WARC (gzipped or not), streamed record by record: HTML responses only."""
    from warcio.archiveiterator import ArchiveIterator

    count = records = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            records += 1
            if record.rec_type != "response":
                continue
            item = _warc_record(record, subject, opts)
            if item is not None:
                count += 1
                yield item
    except Exception as exc:  # warcio raises plain Exceptions for bad records
        if isinstance(exc, _STREAM_ERRORS):
            yield problem(subject, "E105", str(exc) or type(exc).__name__)
        elif type(exc).__name__ == "ArchiveLoadFailed":
            yield problem(subject, "E109", str(exc).splitlines()[0][:200])
        else:
            yield problem(subject, "E109", f"a record is incomplete or corrupt ({type(exc).__name__})")
        return
    if records == 0:
        yield problem(subject, "E109", "no WARC record found")
    elif count == 0:
        yield problem(subject, "E201", "the archive holds no HTML response record")


def _warc_record(record, subject: str, opts: IngestOptions) -> Optional[Item]:
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = url or subject
    http = record.http_headers
    if http is not None:
        status = http.get_statuscode()
        ctype = (http.get_header("Content-Type") or "").lower()
        if status and not status.startswith("2"):
            return None
        if ctype and "html" not in ctype:
            return None
    body = record.content_stream().read(opts.max_article_bytes + 1)
    if len(body) > opts.max_article_bytes:
        return problem(where, "E106", f"record larger than {opts.max_article_bytes} bytes")
    try:
        text, _guessed = decode_bytes(body, where)
    except NewsgraphError as exc:
        return problem(where, exc.code, exc.detail)
    return _doc(where, "html", text, url=url,
                retrieved=normalize_date(record.rec_headers.get_header("WARC-Date")),
                group=host_of(url) or subject)
