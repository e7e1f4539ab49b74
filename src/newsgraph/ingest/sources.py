"""Paths, folders and standard input: which reader gets which stream."""
from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from pathlib import Path
from typing import IO, Iterator, Optional

from ..config import IngestOptions
from ..errors import NewsgraphError
from .readers import Item, problem, read_feed, read_jsonl, read_single, read_warc

_FORMATS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".warc": "warc",
}
_GZIP_MAGIC = b"\x1f\x8b"


def format_of(name: str) -> tuple[Optional[str], bool]:
    """The format a file name announces and whether it is gzipped."""
    lower = name.lower()
    gzipped = lower.endswith(".gz")
    if gzipped:
        lower = lower[:-3]
    return _FORMATS.get(os.path.splitext(lower)[1]), gzipped


def sniff_format(head: bytes) -> str:
    """Guess the format of a stream from its first bytes (for stdin and odd names)."""
    start = head.lstrip()[:2048]
    lower = start.lower()
    if start.startswith(b"WARC/"):
        return "warc"
    if lower.startswith(b"<?xml") or lower.startswith(b"<rss") or lower.startswith(b"<feed"):
        if b"<rss" in lower or b"<feed" in lower or b"<rdf" in lower:
            return "feed"
        return "html"
    if lower.startswith(b"<") and (b"<html" in lower or b"<!doctype" in lower or b"<body" in lower):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return "text"


def iter_paths(paths: list[str], opts: IngestOptions) -> Iterator[tuple[str, Optional[str]]]:
    """(path, problem code) for each file to read, folders walked in sorted order."""
    wanted = {e.lower() for e in opts.extensions}
    for given in paths:
        if given == "-":
            yield given, None
            continue
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=opts.follow_symlinks):
                dirs.sort()
                for name in sorted(files):
                    stem = name[:-3] if name.lower().endswith(".gz") else name
                    if os.path.splitext(stem)[1].lower() in wanted:
                        yield os.path.join(root, name), None
        elif path.exists():
            yield given, None
        else:
            yield given, "E101"


def read_path(path: str, opts: IngestOptions) -> Iterator[Item]:
    """Every document in one file (or '-' for standard input)."""
    if path == "-":
        yield from _read_stream(sys.stdin.buffer, "<stdin>", None, opts, group="stdin")
        return
    fmt, _gz = format_of(path)
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield problem(path, "E110", exc.strerror or str(exc))
        return
    with handle:
        yield from _read_stream(handle, path, fmt, opts, group=str(Path(path).parent))


def _read_stream(raw: IO[bytes], subject: str, fmt: Optional[str], opts: IngestOptions,
                 group: str) -> Iterator[Item]:
    stream: IO[bytes] = io.BufferedReader(raw) if not hasattr(raw, "peek") else raw
    head = stream.peek(4096)[:4096]
    gzipped = head.startswith(_GZIP_MAGIC)
    if gzipped and fmt != "warc":  # warcio reads gzipped members itself
        stream = gzip.GzipFile(fileobj=stream, mode="rb")
        try:
            head = stream.peek(4096)[:4096]
        except (EOFError, OSError, zlib.error) as exc:
            yield problem(subject, "E105", str(exc) or type(exc).__name__)
            return
    if fmt is None:
        fmt = sniff_format(head)
    if fmt == "warc":
        yield from read_warc(stream, subject, opts)
    elif fmt == "jsonl":
        yield from read_jsonl(stream, subject, opts)
    elif fmt == "feed":
        yield from read_feed(stream, subject, opts)
    else:
        yield from read_single(stream, subject, fmt, opts, group)


def unsupported(path: str) -> Item:
    return problem(path, "E111")


__all__ = ["iter_paths", "read_path", "format_of", "sniff_format", "NewsgraphError"]
