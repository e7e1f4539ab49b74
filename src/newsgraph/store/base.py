"""The storage interface. Everything outside ``store`` speaks records, never SQL."""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from ..records import (Article, ArticleAnalysis, Event, FusionInputs, GlobalEntity, InputProblem, Quote, Story,
                       StoryFeatures, StoryInputs)


@dataclass(frozen=True)
class ArticleQuery:
    outlet: Optional[str] = None
    since: Optional[str] = None  # YYYY-MM-DD, inclusive
    until: Optional[str] = None  # YYYY-MM-DD, inclusive
    search: Optional[str] = None  # full-text query (FTS5 syntax)
    limit: Optional[int] = None


@dataclass(frozen=True)
class EventQuery:
    actor: Optional[str] = None  # entity id, or words of the actor's text
    country: Optional[str] = None  # ISO alpha-3 of either side
    code: Optional[str] = None  # CAMEO code or its prefix ("04", "041")
    root: Optional[str] = None
    quad_class: Optional[int] = None
    since: Optional[str] = None  # YYYY-MM-DD, inclusive
    until: Optional[str] = None
    disputed: bool = False
    article_id: Optional[str] = None
    limit: Optional[int] = None


@dataclass(frozen=True)
class EntityQuery:
    type: Optional[str] = None  # PERSON, ORG, GPE, ... (any case)
    country: Optional[str] = None  # ISO alpha-3
    name: Optional[str] = None  # words of the name or of an alias, in any case
    min_mentions: int = 0
    with_mentions: bool = True  # read every mention (for export), or only count them
    limit: Optional[int] = None


@dataclass(frozen=True)
class QuoteQuery:
    speaker: Optional[str] = None  # words of the speaker's entity name, else of the speaker's text
    article_id: Optional[str] = None
    kind: Optional[str] = None  # "direct" | "indirect" | "partial"
    limit: Optional[int] = None


@dataclass(frozen=True)
class StoryQuery:
    min_articles: int = 1
    outlet: Optional[str] = None  # stories with an article of this outlet
    since: Optional[str] = None  # stories with an article published on or after this day
    until: Optional[str] = None  # ... on or before this day
    article_id: Optional[str] = None  # the story of this article
    limit: Optional[int] = None


@dataclass
class BatchResult:
    new_articles: int = 0
    duplicates: int = 0  # articles already stored, reached again through another input
    problems: int = 0
    new_ids: list[str] = field(default_factory=list)


class Store(ABC):
    """What the pipeline needs from a database."""

    @abstractmethod
    def seen_inputs(self, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which (input id, raw content hash) pairs were already stored."""

    @abstractmethod
    def write_batch(self, articles: list[Article], problems: list[InputProblem],
                    analyses: Iterable[tuple[ArticleAnalysis, dict[str, str]]] = (),
                    entities: Iterable[GlobalEntity] = ()) -> BatchResult:
        """Store a batch atomically, with the analyses of its articles: all of it or nothing.

        Each analysis comes with the map from its local entity keys to global entity ids.
        """

    @abstractmethod
    def known_articles(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are stored already."""

    @abstractmethod
    def unanalyzed_articles(self, limit: int) -> list[Article]:
        """Stored articles the nlp stages have not seen yet (e.g. from an older schema)."""

    @abstractmethod
    def iter_entities(self, query: EntityQuery = EntityQuery()) -> Iterator[GlobalEntity]:
        """Canonical entities matching ``query``, in the order they were first stored."""

    @abstractmethod
    def iter_quotes(self, query: QuoteQuery = QuoteQuery()) -> Iterator[Quote]:
        """Quotes matching ``query``, by article then position, with their speakers' names."""

    @abstractmethod
    def iter_events(self, query: EventQuery = EventQuery()) -> Iterator[Event]:
        """Events with their mentions, filtered by ``query``, by date then id."""

    @abstractmethod
    def problems(self) -> list[InputProblem]:
        """The inputs that could not be read in earlier runs, with their causes."""

    @abstractmethod
    def fusion_inputs(self) -> FusionInputs:
        """What the fuse stage reads: every event mention with its own reading, and every quote."""

    @abstractmethod
    def write_fusion(self, quote_groups: dict[str, str], events: list[Event]) -> None:
        """Store the fuse stage's result in one transaction: quote groups and fused events."""

    @abstractmethod
    def story_inputs(self) -> StoryInputs:
        """What story grouping reads: the articles in stories with their features; the features
        of the articles without a story, signed during analysis; and those without a story nor
        features, to sign now."""

    @abstractmethod
    def article_text(self, article_id: str) -> str: ...

    @abstractmethod
    def write_stories(self, features: list[StoryFeatures], stories: dict[str, str],
                      duplicates: list[tuple[str, str, float]]) -> None:
        """Store new articles' features, the story of each article given, and verified near-duplicates."""

    @abstractmethod
    def near_duplicates(self) -> list[tuple[str, str]]:
        """Verified near-duplicate article pairs: copies corroborate each other's undated reports."""

    @abstractmethod
    def iter_stories(self, query: StoryQuery = StoryQuery()) -> Iterator[Story]:
        """Stories with their articles, outlets, dates and events, largest first."""

    @abstractmethod
    def iter_articles(self, query: ArticleQuery = ArticleQuery()) -> Iterator[Article]:
        """Stored articles matching ``query``, oldest first."""

    @abstractmethod
    def count_articles(self) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
