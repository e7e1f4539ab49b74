"""Typed records that flow between the pipeline stages.

Every record is a plain dataclass: picklable (so an engine can ship it to a
worker) and convertible to JSON with :func:`dataclasses.asdict`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date as _date
import re
from typing import Any, Optional

# What must not reach a one-line message: C0/C1 controls, line and paragraph separators, and
# surrogates (escaped rather than replaced, so the name stays findable).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """``text`` with control characters and surrogates written as escapes: one line, encodable
    ("a\\nb.txt" is printed a\\nb.txt)."""
    def escape(match: re.Match) -> str:
        char = match.group(0)
        return _ESCAPES.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
    return _UNPRINTABLE.sub(escape, text)


@dataclass(frozen=True)
class InputProblem:
    """One input (file, archive member, feed entry, JSONL line) that could not be read."""

    source: str
    code: str
    message: str

    @property
    def is_warning(self) -> bool:
        """W codes: the input was read, with a caveat (a guessed encoding, replaced characters)."""
        return self.code.startswith("W")

    def __str__(self) -> str:
        # one line whatever a file name holds: "a\nb.txt" is printed as a\nb.txt
        return one_line(f"{self.code} {self.source}: {self.message}")


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

    def to_json(self) -> dict:
        """The article as the exports and the CLI show it (no offset map, no inputs' hashes)."""
        return {"id": self.id, "inputs": self.inputs, "outlet": self.outlet, "title": self.title,
                "published": self.published, "dateline": self.dateline, "text": self.text,
                "story_id": self.story_id, "url": self.url, "format": self.format, "retrieved": self.retrieved}

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


@dataclass(slots=True)
class EventActor:
    """One side of an event: a resolved entity, or a generic actor ("Israeli police").

    The one actor reference from the coder to the export: ``to_json`` is how
    every file, table and API shows it.
    """

    text: str
    country: Optional[str] = None  # ISO 3166 alpha-3
    sector: Optional[str] = None  # CAMEO role code: GOV, MIL, COP, REB, ...
    key: Optional[str] = None  # LocalEntity.key when the actor is a resolved entity (article-local)
    entity_id: Optional[str] = None  # global entity id, set when the article is stored

    @property
    def is_country_like(self) -> bool:
        """A country, or a people or generic actor known only by its country ("Iran", "Iranians")."""
        return not self.sector and self.country is not None

    def label(self) -> str:
        """'Ada Brink [NLDGOV]': the words with the CAMEO actor code, as tables show a side."""
        code = (self.country or "") + (self.sector or "")
        return f"{self.text} [{code}]" if code else str(self.text)

    def to_json(self) -> dict:
        # keys in sorted order, as the store has always written them
        return {"country": self.country, "entity_id": self.entity_id, "sector": self.sector, "text": self.text}

    @classmethod
    def from_json(cls, data: Optional[dict]) -> Optional["EventActor"]:
        if data is None:
            return None
        return cls(data.get("text", ""), data.get("country"), data.get("sector"), None, data.get("entity_id"))


def _actor_json(actor: Optional[EventActor]) -> Optional[dict]:
    return None if actor is None else actor.to_json()


@dataclass(slots=True)
class EventReading:
    """What is said of one event: by one report (an :class:`EventMention`) or by all the
    reports of a real event together (an :class:`Event`). The one event record from the
    coder to the export; ``to_json`` is its one serializer."""

    cameo: str  # e.g. "041"
    source: Optional[EventActor]
    target: Optional[EventActor]
    date: Optional[str] = None  # YYYY-MM-DD, the first day of the period for coarser precision
    date_precision: Optional[str] = None  # "day" | "week" | "month" | "year"
    place: Optional[dict] = None  # {name, country, lat, lon}
    counts: dict = field(default_factory=dict)  # {"killed": 3, "injured": 19, "detained": 400}
    confidence: float = 0.5
    flags: list[str] = field(default_factory=list)  # "hypothetical", "future", "joint" (A and B together), ...

    def reading_json(self) -> dict:
        """The reading alone, as a report's own is stored beside it."""
        return {"cameo": self.cameo, "source": _actor_json(self.source), "target": _actor_json(self.target),
                "date": self.date, "date_precision": self.date_precision, "place": self.place,
                "counts": self.counts, "confidence": self.confidence, "flags": self.flags}

    @staticmethod
    def reading_from_json(data: dict) -> dict:
        """Constructor arguments of a reading stored by :meth:`reading_json`."""
        return {"cameo": data["cameo"], "source": EventActor.from_json(data.get("source")),
                "target": EventActor.from_json(data.get("target")), "date": data.get("date"),
                "date_precision": data.get("date_precision"), "place": data.get("place"),
                "counts": data.get("counts") or {}, "confidence": data.get("confidence", 0.5),
                "flags": list(data.get("flags") or [])}


@dataclass(frozen=True)
class EventWhy:
    """Why one report was coded as it was: what a user audits an event by.

    ``rule`` is where the pattern that fired is written ("event_lexicon.txt:212",
    "CAMEO.2.0.txt:40417") or, for a rule of the grammar itself, its name ("grammar:weapon");
    ``pattern`` the pattern as written there; ``trigger_start``/``trigger_end`` the trigger's
    words in the article's clean text; ``source_how``/``target_how`` how each side was found
    ("subject of 'met'", "object of 'with'", "the sentence's place: Kyiv"); ``steps`` each change
    made to the pattern's code on the way ("phone as the channel: 040 -> 041")."""

    rule: str
    pattern: str
    trigger: str
    trigger_start: int
    trigger_end: int
    source_how: str
    target_how: str
    steps: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {"rule": self.rule, "pattern": self.pattern, "trigger": self.trigger,
                "trigger_start": self.trigger_start, "trigger_end": self.trigger_end,
                "source_how": self.source_how, "target_how": self.target_how, "steps": list(self.steps)}

    @classmethod
    def from_json(cls, data: Optional[dict]) -> Optional["EventWhy"]:
        if not data:
            return None
        return cls(data.get("rule", ""), data.get("pattern", ""), data.get("trigger", ""),
                   int(data.get("trigger_start", 0)), int(data.get("trigger_end", 0)),
                   data.get("source_how", ""), data.get("target_how", ""), tuple(data.get("steps") or ()))

    def lines(self) -> list[str]:
        """The reasons as a reader goes through them, one a line."""
        out = [f"rule {self.rule}: {self.pattern}" if self.pattern else f"rule {self.rule}",
               f"trigger {self.trigger!r} at {self.trigger_start}-{self.trigger_end}",
               f"source: {self.source_how}", f"target: {self.target_how}"]
        return out + [f"then: {step}" for step in self.steps]


@dataclass(kw_only=True, slots=True)
class EventMention(EventReading):
    """One event as one sentence of one article tells it (CAMEO-coded): the coder's record."""

    start: int  # the sentence's span in the article's clean text
    end: int
    sentence: str
    trigger: str  # the words that carry the event ("made the remarks in a phone call")
    trigger_start: int
    article_id: str = ""  # set when stored
    id: str = ""  # the mention id, set when stored (see ``store.events.mention_id``)
    why: Optional[EventWhy] = None  # how the coder came to it
    weekday: Optional[int] = None  # 0 = Monday: the day the text names when its date is unknown

    def location_json(self) -> dict:
        """Where the report is, and why it was coded so, as an event's ``mentions`` list shows it."""
        return {"article_id": self.article_id, "start": self.start, "end": self.end,
                "sentence": self.sentence, "trigger": self.trigger,
                "why": self.why.to_json() if self.why is not None else None}

    def record_json(self) -> dict:
        """The report's own reading with its reasons, as the store keeps it beside the event."""
        out = {**self.reading_json(), "why": self.why.to_json() if self.why is not None else None}
        if self.weekday is not None:
            out["weekday"] = self.weekday
        return out


@dataclass(kw_only=True, slots=True)
class Event(EventReading):
    """One real event, however many reports tell it: the fuse stage's record, stored and exported."""

    id: str
    root: str = ""  # from the CAMEO table
    quad_class: int = 0
    goldstein: float = 0.0
    plover: Optional[str] = None
    num_articles: int = 0
    num_sources: int = 0  # distinct outlets; an article of no known outlet is a source of its own
    disputed: bool = False
    disagreements: dict = field(default_factory=dict)  # field -> {value: [article ids]}
    mentions: list[EventMention] = field(default_factory=list)

    @classmethod
    def of(cls, reading: EventReading, **extra) -> "Event":
        """An event saying what ``reading`` says, its codes looked up in the CAMEO table."""
        from .kb.cameo import load_cameo

        row = load_cameo()[reading.cameo]
        values = {name: getattr(reading, name) for name in _READING_FIELDS}
        return cls(**values, root=row.root, quad_class=row.quad_class, goldstein=row.goldstein,
                   plover=row.plover, **extra)

    def to_json(self, mentions: bool = True) -> dict:
        """The event in the contract's EVENT shape (``mentions`` False: without its mentions)."""
        out = {"id": self.id, "cameo": self.cameo, "root": self.root, "quad_class": self.quad_class,
               "goldstein": self.goldstein, "plover": self.plover, "source": _actor_json(self.source),
               "target": _actor_json(self.target), **told_date(self.date, self.date_precision),
               "place": self.place, "counts": self.counts, "num_articles": self.num_articles,
               "num_sources": self.num_sources, "confidence": self.confidence, "flags": self.flags,
               "disputed": self.disputed, "disagreements": self.disagreements}
        if mentions:
            out["mentions"] = [m.location_json() for m in self.mentions]
        return out


_READING_FIELDS = tuple(f.name for f in fields(EventReading))


def told_date(day: Optional[str], precision: Optional[str]) -> dict:
    """An event's date as records show it: ``date`` is a day only when the text fixes the
    day; a coarser one is null there, its period in ``period`` (ISO 8601: "2023-02", "2023",
    "2023-W09") and its width in ``date_precision``. "a visit to Lima last month", told
    on 10 March 2023: date null, period "2023-02", date_precision "month" (a 2023-02-01
    would read as a day and pile a month's events on its first).

    >>> told_date("2023-02-01", "month")
    {'date': None, 'date_precision': 'month', 'period': '2023-02'}
    """
    if not day:
        return {"date": None, "date_precision": None, "period": None}
    precision = precision or "day"
    if precision == "day":
        return {"date": day, "date_precision": "day", "period": day}
    if precision == "month":
        period = day[:7]
    elif precision == "year":
        period = day[:4]
    else:  # a week: its ISO number
        try:
            year, week, _ = _date.fromisoformat(day[:10]).isocalendar()
            period = f"{year}-W{week:02d}"
        except ValueError:
            period = day
    return {"date": None, "date_precision": precision, "period": period}


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
    error_code: str = "E602"  # its problem code: E602 failed, E603 too long, E604 over the time budget


@dataclass
class EntityMention:
    """Where a canonical entity is mentioned: one span of one stored article."""

    article_id: str
    start: int
    end: int
    text: str
    kind: str  # "name" | "role" | "pronoun"

    def to_json(self) -> dict:
        return {"article_id": self.article_id, "start": self.start, "end": self.end, "text": self.text,
                "kind": self.kind}


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
    mentions: list[EntityMention] = field(default_factory=list)  # filled when read back from the store
    lat: Optional[float] = None
    lon: Optional[float] = None
    num_mentions: int = 0  # filled when read back, with or without the mentions themselves

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "type": self.type, "country": self.country,
                "sector": self.sector, "aliases": self.aliases, "actor_id": self.actor_id,
                "lat": self.lat, "lon": self.lon, "mentions": [m.to_json() for m in self.mentions]}


@dataclass
class Quote:
    """A stored quote: an article's :class:`QuoteSpan` with its global ids and quote group."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    kind: str  # "direct" | "indirect" | "partial"
    cue: Optional[str] = None
    speaker_entity_id: Optional[str] = None
    speaker_text: Optional[str] = None
    group_id: Optional[str] = None  # the same words in other articles (translations too) share it
    speaker_name: Optional[str] = None  # the speaker entity's canonical name, when read back with it

    def to_json(self) -> dict:
        speaker = ({"entity_id": self.speaker_entity_id, "text": self.speaker_text}
                   if (self.speaker_entity_id or self.speaker_text) else None)
        return {"id": self.id, "article_id": self.article_id, "start": self.start, "end": self.end,
                "text": self.text, "kind": self.kind, "cue": self.cue, "speaker": speaker,
                "group_id": self.group_id}


@dataclass
class Story:
    """The articles that report one event, with their outlets, dates and events."""

    id: str
    article_ids: list[str]
    num_articles: int
    num_sources: int  # as for events: an article of no known outlet is a source of its own
    outlets: list[str]
    titles: list[str]
    first_published: Optional[str]
    last_published: Optional[str]
    event_ids: list[str]

    def to_json(self) -> dict:
        return {"id": self.id, "article_ids": self.article_ids, "num_articles": self.num_articles,
                "num_sources": self.num_sources, "outlets": self.outlets, "titles": self.titles,
                "first_published": self.first_published, "last_published": self.last_published,
                "event_ids": self.event_ids}


@dataclass
class StoryFeatures:
    """What story grouping keeps of one article (see ``fuse.signatures``)."""

    article_id: str
    day: Optional[int]  # publication date as a day ordinal, None when unknown
    terms: dict[str, int]  # term -> count (headline and lead count twice), its kind as prefix ("w:", "n:", "#:")
    minhash: Any  # numpy uint64 array of the MinHash; empty for texts shorter than one shingle


@dataclass
class UnsignedArticle:
    """A stored article with no story signature yet (analysed before signatures were made)."""

    id: str
    title: Optional[str]
    text: str
    published: Optional[str]
    entity_ids: list[str]  # the global entities its names resolve to, in text order


@dataclass
class StoryInputs:
    """What story grouping reads from the store."""

    stored: list[tuple[StoryFeatures, str]]  # (features, story id) of the articles in stories
    signed: list[StoryFeatures]  # articles without a story, signed during analysis
    unsigned: list[UnsignedArticle]  # articles without a story nor a signature: signed by fuse


@dataclass
class QuoteText:
    """A stored quote as quote grouping reads it."""

    id: str
    article_id: str
    text: str


@dataclass
class FusionInputs:
    """What quote grouping and event fusion read from the store."""

    mentions: list[EventMention]  # every stored event mention, with its own reading
    quotes: list[QuoteText]
