"""Typed records that flow between the pipeline stages.

Every record is a plain dataclass: picklable (so an engine can ship it to a
worker) and convertible to JSON with :func:`dataclasses.asdict`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class InputProblem:
    """One input (file, archive member, feed entry, JSONL line) that could not be read."""

    source: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.code} {self.source}: {self.message}"


@dataclass
class RawDocument:
    """What ingest hands to clean: one article's raw content and what its container said."""

    input_id: str
    format: str  # "text" | "html" | "feed-entry"
    content: str
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD given by the container, never guessed
    outlet: Optional[str] = None
    retrieved: Optional[str] = None  # crawl date of a WARC record: not a publication date
    group: Optional[str] = None  # what ties documents of one outlet together (folder, host, feed)
    raw_hash: str = ""


@dataclass
class Article:
    """One clean article, ready for the NLP stages and the store."""

    id: str
    inputs: list[str]
    text: str
    outlet: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    dateline: Optional[str] = None
    url: Optional[str] = None
    format: str = "text"
    retrieved: Optional[str] = None
    # (clean_start, raw_start) pairs: clean offsets from clean_start on map linearly to
    # raw offsets from raw_start on, until the next pair.
    offset_map: list[tuple[int, int]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # kinds of boilerplate taken out
    raw_hash: str = ""
    story_id: Optional[str] = None
    # (input id, raw content hash) of every input that gave this article in this run:
    # what lets the next run skip each of them.
    sources: list[tuple[str, str]] = field(default_factory=list)

    def raw_offset(self, clean_offset: int) -> int:
        """Offset in the raw input of the character at ``clean_offset`` in ``text``."""
        best = (0, 0)
        lo, hi = 0, len(self.offset_map) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.offset_map[mid][0] <= clean_offset:
                best = self.offset_map[mid]
                lo = mid + 1
            else:
                hi = mid - 1
        return best[1] + (clean_offset - best[0])
