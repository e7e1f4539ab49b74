"""Typed records that flow between the pipeline stages.

Every record is a plain dataclass: picklable (so an engine can ship it to a
worker) and convertible to JSON with :func:`dataclasses.asdict`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional


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


@dataclass
class Mention:
    """One mention of an entity in an article's clean text."""

    start: int
    end: int
    text: str
    kind: str  # "name" | "role" | "pronoun"
    type: str  # PERSON, ORG, GPE, LOC, FAC, NORP, ...
    key: str = ""  # the article-local cluster this mention belongs to


@dataclass
class LocalEntity:
    """An entity as one article knows it: its mentions and what they tell."""

    key: str  # article-local id, e.g. "e3"
    name: str  # the fullest name the article gives
    type: str
    country: Optional[str] = None  # ISO 3166 alpha-3
    sector: Optional[str] = None  # CAMEO role code: GOV, MIL, REB, ...
    actor_id: Optional[str] = None  # knowledge-base actor, when it is one
    mentions: list[Mention] = field(default_factory=list)
    lat: Optional[float] = None  # places: coordinates from the gazetteer
    lon: Optional[float] = None


@dataclass
class QuoteSpan:
    """A quote in an article's clean text, with its cue and speaker."""

    start: int
    end: int
    text: str  # without the quotation marks
    kind: str  # "direct" | "indirect" | "partial"
    cue: Optional[str] = None  # the reporting verb
    cue_start: Optional[int] = None
    speaker_text: Optional[str] = None
    speaker_start: Optional[int] = None
    speaker_end: Optional[int] = None
    speaker_key: Optional[str] = None  # LocalEntity.key, once resolved


@dataclass
class TimeExpression:
    """A temporal expression and the date it resolves to against the publication date."""

    start: int
    end: int
    text: str
    date: Optional[str] = None  # YYYY-MM-DD (first day of the period for coarser precision)
    precision: Optional[str] = None  # "day" | "week" | "month" | "year"
    weekday: Optional[int] = None  # 0 = Monday, when the expression names one


@dataclass
class EventActor:
    """One side of an event: a resolved entity, or a generic actor ("Israeli police")."""

    text: str
    country: Optional[str] = None  # ISO 3166 alpha-3
    sector: Optional[str] = None  # CAMEO role code: GOV, MIL, COP, REB, ...
    key: Optional[str] = None  # LocalEntity.key when the actor is a resolved entity
    entity_id: Optional[str] = None  # global entity id, set when the article is stored


@dataclass
class EventMention:
    """One event as one sentence of one article tells it (CAMEO-coded)."""

    cameo: str  # e.g. "041"
    source: Optional[EventActor]
    target: Optional[EventActor]
    start: int  # the sentence's span in the article's clean text
    end: int
    sentence: str
    trigger: str  # the words that carry the event ("made the remarks in a phone call")
    trigger_start: int
    date: Optional[str] = None  # YYYY-MM-DD, the first day of the period for coarser precision
    date_precision: Optional[str] = None  # "day" | "week" | "month" | "year"
    place: Optional[dict] = None  # {name, country, lat, lon}
    counts: dict = field(default_factory=dict)  # {"killed": 3, "injured": 19, "detained": 400}
    confidence: float = 0.5
    flags: list[str] = field(default_factory=list)  # "hypothetical", "future", "passive", ...


@dataclass
class ArticleAnalysis:
    """What the nlp and resolve stages found in one article."""

    article_id: str
    entities: list[LocalEntity] = field(default_factory=list)
    quotes: list[QuoteSpan] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    events: list["EventMention"] = field(default_factory=list)
    # the article's story signature; the pipeline adds its entities once they have global ids
    story: Optional["StoryFeatures"] = None
    error: Optional[str] = None  # why the article could not be analysed, if it could not


@dataclass
class GlobalEntity:
    """One canonical entity across all articles: what fuse assigns local entities to."""

    id: str
    name: str
    type: str
    country: Optional[str] = None
    sector: Optional[str] = None
    actor_id: Optional[str] = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)  # filled when read back for export
    lat: Optional[float] = None
    lon: Optional[float] = None


@dataclass
class StoryFeatures:
    """What story grouping keeps of one article (see ``fuse.signatures``)."""

    article_id: str
    day: Optional[int]  # publication date as a day ordinal, None when unknown
    terms: dict[str, int]  # term -> count (headline and lead count twice), its kind as prefix ("w:", "n:", "#:")
    minhash: Any  # numpy uint64 array of the MinHash; empty for texts shorter than one shingle
