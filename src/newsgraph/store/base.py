"""The storage interface. Everything outside ``store`` speaks records, never SQL."""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from ..records import Article, ArticleAnalysis, GlobalEntity, InputProblem, StoryFeatures


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
    def iter_entities(self, with_mentions: bool = True) -> Iterator[GlobalEntity]: ...

    @abstractmethod
    def iter_quotes(self) -> Iterator[dict]: ...

    @abstractmethod
    def iter_events(self, query: "EventQuery" = EventQuery()) -> Iterator[dict]:
        """Events in the contract's shape (see docs), filtered by ``query``."""

    @abstractmethod
    def fusion_inputs(self) -> tuple[list[tuple[str, str, dict]], list[tuple[str, str, str]]]:
        """What the fuse stage reads: event mentions (id, article, reading) and quotes (id, article, text)."""

    @abstractmethod
    def write_fusion(self, quote_groups: dict[str, str], events: list) -> None:
        """Store the fuse stage's result in one transaction: quote groups and fused events."""

    @abstractmethod
    def story_inputs(self) -> tuple[list[tuple[StoryFeatures, str]], list[StoryFeatures], list[tuple]]:
        """What story grouping reads: (features, story id) of the articles in stories; the features of
        the articles without a story, signed during analysis; and those without a story nor features,
        as (id, title, text, published, entity ids named in it), to sign now."""

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
    def iter_stories(self, query: StoryQuery = StoryQuery()) -> Iterator[dict]:
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
