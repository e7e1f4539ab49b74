"""Paths, folders and standard input: which reader gets which stream."""
from __future__ import annotations

import gzip
import io
import os
import stat
import sys
import zlib
from pathlib import Path
from typing import IO, Iterator, Optional, Union

from ..config import IngestOptions
from ..errors import NewsgraphError
from ..records import InputProblem
from .items import Item, problem
from .readers import read_feed, read_jsonl, read_single, read_warc

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


def iter_paths(paths: list[str], opts: IngestOptions) -> Iterator[Union[str, InputProblem]]:
    """Each file to read, or the problem with a path; folders walked in sorted order."""
    wanted = {e.lower() for e in opts.extensions}
    for given in paths:
        if given == "-":
            yield given
            continue
        path = Path(given)
        if path.is_dir():
            yield from _walk(given, opts, wanted)
        elif path.exists():
            yield given
        else:
            yield problem(given, "E101")


def _walk(top: str, opts: IngestOptions, wanted: set[str]) -> Iterator[Union[str, InputProblem]]:
    """The files of ``top`` as os.walk orders them (a folder's files, then its subfolders).

    Folders are known by (st_dev, st_ino), so that with follow_symlinks a link
    back into a folder already walked (``..``, or two links to one place) is
    skipped with one W103 instead of being read again, or without end. Through
    links a file can be reached twice as well; its inode is read once. A folder
    that cannot be listed is one E113 (os.walk would skip it silently).
    """
    try:
        seen_dirs = {_key(os.stat(top))}
    except OSError as exc:
        yield problem(top, "E113", exc.strerror or str(exc))
        return
    seen_files: dict[tuple[int, int], bool] = {}  # inode -> reached through a link (follow only)
    stack = [(top, False)]
    while stack:
        folder, via_link = stack.pop()
        try:
            with os.scandir(folder) as scan:
                # Following links, a folder's own files come before its links,
                # so a file reached both ways is read under its real name.
                entries = sorted(scan, key=lambda e: (opts.follow_symlinks and e.is_symlink(), e.name))
        except OSError as exc:
            yield problem(folder, "E113", exc.strerror or str(exc))
            continue
        subdirs = []
        for entry in entries:
            linked = entry.is_symlink()
            if entry.is_dir():
                if linked and not opts.follow_symlinks:
                    continue  # as os.walk: a link to a folder is not entered
                try:
                    key = _key(entry.stat())
                except OSError:
                    continue  # vanished or unreadable: listing it is the folder's E113
                if key in seen_dirs:
                    if linked:
                        yield problem(entry.path, "W103", "it leads to a folder already read")
                    continue  # a folder first reached through a link: its files were read
                seen_dirs.add(key)
                subdirs.append((entry.path, via_link or linked))
                continue
            name = entry.name
            stem = name[:-3] if name.lower().endswith(".gz") else name
            if os.path.splitext(stem)[1].lower() not in wanted:
                continue
            if opts.follow_symlinks:
                try:
                    key = _key(entry.stat())
                except OSError:
                    key = None  # a dangling link: read_path reports it
                through = linked or via_link
                if key is not None and key in seen_files and (through or seen_files[key]):
                    if through:
                        yield problem(entry.path, "W103", "it leads to a file already read")
                    continue
                if key is not None:
                    seen_files[key] = through or seen_files.get(key, False)
            yield entry.path
        stack.extend(reversed(subdirs))


def _key(st: os.stat_result) -> tuple[int, int]:
    return st.st_dev, st.st_ino


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def _not_regular(mode: int) -> Optional[str]:
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


def read_path(path: str, opts: IngestOptions) -> Iterator[Item]:
    """Every document in one file (or '-' for standard input)."""
    if path == "-":
        yield from _read_stream(sys.stdin.buffer, "<stdin>", None, opts, group="stdin")
        return
    fmt, _gz = format_of(path)
    try:
        handle = _open_regular(path)
    except NewsgraphError as exc:
        yield problem(path, exc.code, exc.detail)
        return
    except OSError as exc:
        yield problem(path, "E110", exc.strerror or str(exc))
        return
    with handle:
        yield from _read_stream(handle, path, fmt, opts, group=str(Path(path).parent))


def _open_regular(path: str) -> IO[bytes]:
    """Open ``path`` for reading only if it is a regular file.

    A FIFO blocks open() until a writer comes, and a device can be read
    forever, so the kind is checked with stat before opening; the open itself
    is non-blocking and checked again (fstat) in case the path was swapped.
    """
    kind = _not_regular(os.stat(path).st_mode)
    if kind:
        raise NewsgraphError("E112", path, f"it is {kind}")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        kind = _not_regular(os.fstat(fd).st_mode)
        if kind:
            raise NewsgraphError("E112", path, f"it is {kind}")
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    # From here the file object owns fd: io.open closes it itself when it fails
    # half-way (a Ctrl-C inside fdopen), and closing it here too would raise
    # EBADF, which would hide the stop signal behind an E110 for this file.
    return os.fdopen(fd, "rb")


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
