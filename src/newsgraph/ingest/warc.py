"""WARC archives, streamed record by record, in bounded memory and time.

warcio parses the records, but it does not see the file itself:

* gzip is undone here (``gzip.GzipFile``: every member, and an error when a
  member has no end-of-stream marker or trailer), because warcio's own
  decompressor ends quietly at a cut and its readline has no bound;
* ``_Budget`` lets warcio read at most ``ingest.max_article_bytes`` (plus
  room for headers) per record, so a gzip bomb or a record of gigabytes ends
  as E106 at once instead of being decompressed to the end;
* ``_LineReader`` refuses a header line longer than ``_LINE_CAP`` (E109):
  warcio would otherwise gather a "line" of gigabytes in memory;
* each record's block is read to its end and checked against its
  Content-Length, and a record is handed on only once warcio has found the
  next one where it should be: a cut record is E105, a record whose
  Content-Length is wrong (warcio's multi-line stderr warning, captured
  here) is E109, and neither is stored as if complete.
"""
from __future__ import annotations

import contextlib
import gzip
import io
import logging
import zlib
from typing import IO, Iterator

from ..config import IngestOptions
from ..errors import NewsgraphError
from ..kb.dates import normalize_date
from ..kb.urls import host_of
from .decode import decode
from ..records import InputProblem, RawDocument
from .items import Item, make_doc, problem

_GZIP_MAGIC = b"\x1f\x8b"
_LINE_CAP = 1 << 16  # WARC and HTTP header lines are far shorter; a longer one is not a header
_CHUNK = 1 << 16
_SLACK = 64 * _LINE_CAP  # header blocks of one record and its successor, beside its content

# warcio logs (and prints) notes about odd but readable records; the ones that
# matter become coded problems below, the rest must not reach the user's stderr.
logging.getLogger("warcio").addHandler(logging.NullHandler())
logging.getLogger("warcio").propagate = False


class _Broken(Exception):
    """The stream under warcio failed (truncated or corrupt gzip, I/O error).

    Not an EOFError: warcio takes EOFError for the normal end of an archive.
    """


class _TooLarge(Exception):
    """A record needs more than its budget of bytes."""


class _LongLine(Exception):
    """A line where warcio expects a header is longer than _LINE_CAP."""


class _Budget(io.RawIOBase):
    """The bytes under warcio: errors translated, and at most ``allowance`` more bytes."""

    def __init__(self, inner: IO[bytes]):
        self.inner = inner
        # One underlying read at a time: a read that spans a complete gzip member
        # and a cut one would lose the complete one's bytes with the error.
        self._read = getattr(inner, "read1", inner.read)
        self.allowance = 0
        self.ended = False  # the end of the bytes was reached

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        want = min(len(buffer), self.allowance) or 1  # one byte past the budget tells "more"
        try:
            data = self._read(want)
        except (EOFError, zlib.error, OSError) as exc:
            raise _Broken(str(exc) or type(exc).__name__) from None
        if data and not self.allowance:
            raise _TooLarge()
        self.ended = not data
        self.allowance -= len(data)
        buffer[:len(data)] = data
        return len(data)


def _line_reader():
    """warcio's buffered reader with a bound on readline (built lazily: warcio is imported late)."""
    from warcio.bufferedreaders import BufferedReader

    class _LineReader(BufferedReader):
        texts = 0  # non-blank lines read since the last record was handed out
        long_line = False  # set as well as raised: warcio catches (and rewords) some errors

        def readline(self, length=None):
            # warcio's readline may hand back a long line in pieces, each taken
            # for a header line; gather up to the cap and refuse anything longer.
            limit = min(length, _LINE_CAP + 1) if length else _LINE_CAP + 1
            parts, size = [], 0
            while size < limit:
                piece = super().readline(limit - size)
                if not piece:
                    break
                parts.append(piece)
                size += len(piece)
                if piece.endswith(b"\n"):
                    break
            if size > _LINE_CAP:
                self.long_line = True
                raise _LongLine()
            line = b"".join(parts)
            if line.strip():
                self.texts += 1
            return line

    return _LineReader


def read_warc(stream: IO[bytes], subject: str, opts: IngestOptions) -> Iterator[Item]:
    """WARC (gzipped or not), streamed record by record: HTML responses only."""
    from warcio.archiveiterator import ArchiveIterator

    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)
    if stream.peek(2)[:2] == _GZIP_MAGIC:
        stream = gzip.GzipFile(fileobj=stream, mode="rb")
    budget = _Budget(stream)
    archive = ArchiveIterator(budget, arc2warc=True)
    reader = archive.reader = _line_reader()(archive.fh, decomp_type=None)
    records = iter(archive)
    warned = io.StringIO()  # what warcio writes to stderr
    pending: list[Item] = []  # the last record's items, handed on once the next record is found
    count = seen = 0
    reported = False  # some record was a problem: "no HTML record" would be a second line
    current = 1  # the record being read, for the messages
    try:
        while True:
            budget.allowance = opts.max_article_bytes + _SLACK
            current = seen + 1
            with contextlib.redirect_stderr(warned):
                record = next(records, None)
            # warcio's warning after a record: "Record not followed by newline,
            # perhaps Content-Length is invalid"; its text may be cut.
            if _warning(warned):
                pending = [problem(subject, "E109", f"record {seen}: its Content-Length does not "
                                   "match its content")]
            yield from pending
            count += sum(isinstance(item, RawDocument) for item in pending)
            reported = reported or any(isinstance(item, InputProblem) and item.code[0] == "E"
                                       for item in pending)
            pending = []
            if record is None:
                if reader.long_line:
                    reported = True
                    yield _long_line(subject, current)
                elif reader.texts:
                    # warcio ends quietly when the archive stops inside a header block.
                    reported = True
                    yield problem(subject, "E105", f"record {current} is cut in its header")
                break
            reader.texts = 0
            seen = current
            with contextlib.redirect_stderr(warned):
                pending = _record_items(record, subject, seen, opts)
            cause = _warning(warned)
            if cause:  # warcio could not decode the record's content (chunked, gzip, ...)
                pending = [problem(subject, "E105", f"record {seen}: {cause}")]
    except _Broken as exc:
        yield from pending
        yield problem(subject, "E105", f"record {current} is cut ({exc})")
        return
    except _TooLarge:
        yield from pending
        yield problem(subject, "E106", f"record {current} is larger than {opts.max_article_bytes} "
                      "bytes; the rest of the archive was not read")
        return
    except _LongLine:
        yield from pending
        yield _long_line(subject, current)
        return
    except Exception as exc:  # warcio raises plain Exceptions for bad records
        yield from pending
        if reader.long_line:
            yield _long_line(subject, current)
        elif budget.ended and seen:  # it failed at the end of the bytes: the record is cut
            yield problem(subject, "E105", f"record {current} is cut ({type(exc).__name__})")
        elif type(exc).__name__ == "ArchiveLoadFailed":
            yield problem(subject, "E109", str(exc).strip().splitlines()[0][:200])
        else:
            yield problem(subject, "E109", f"record {current} is incomplete or corrupt "
                          f"({type(exc).__name__})")
        return
    if seen == 0:
        yield problem(subject, "E109", "no WARC record found")
    elif count == 0 and not reported:
        yield problem(subject, "E201", "the archive holds no HTML response record")


def _long_line(subject: str, index: int) -> Item:
    return problem(subject, "E109", f"record {index} has a header line longer than {_LINE_CAP} "
                   "bytes, so it is not a WARC header; the rest of the archive was not read")


def _warning(sink: io.StringIO) -> str:
    """The first line of what warcio printed since the last call (and forget it)."""
    text = sink.getvalue().strip()
    sink.seek(0)
    sink.truncate()
    return text.splitlines()[0][:200] if text else ""


def _record_items(record, subject: str, index: int, opts: IngestOptions) -> list[Item]:
    """The items of one record, after its whole block was read and found complete."""
    if record.rec_headers.get_header("Content-Length") is None:
        # Required by WARC; without it warcio reads the rest of the archive as this
        # record, so the header block was cut (at the end) or is not a WARC header.
        return [problem(subject, "E105", f"record {index} is cut in its header (no Content-Length)")]
    items = _response_items(record, subject, opts) if record.rec_type == "response" else []
    raw = record.raw_stream
    while raw.read(_CHUNK):  # the rest of the block, within the record's budget
        pass
    missing = getattr(raw, "limit", 0)
    if missing > 0:
        length = record.length or "?"
        return [problem(subject, "E105", f"record {index} is cut: {missing} of its {length} "
                        "bytes are missing")]
    return items


def _response_items(record, subject: str, opts: IngestOptions) -> list[Item]:
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = url or subject
    http = record.http_headers
    if http is not None:
        status = http.get_statuscode()
        ctype = (http.get_header("Content-Type") or "").lower()
        if status and not status.startswith("2"):
            return []
        if ctype and "html" not in ctype:
            return []
    body = record.content_stream().read(opts.max_article_bytes + 1)
    if len(body) > opts.max_article_bytes:
        raise _TooLarge()
    try:
        text, guessed = decode(body, where)
    except NewsgraphError as exc:
        return [problem(where, exc.code, exc.detail)]
    return make_doc(where, "html", text, guessed=guessed, url=url,
                    retrieved=normalize_date(record.rec_headers.get_header("WARC-Date")),
                    group=host_of(url) or subject)


__all__ = ["read_warc"]
