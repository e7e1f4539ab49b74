"""Stage 6, fuse: the only stage that looks across articles.

Public entries:
- :func:`sign`: an article's story signature from its words, made where it is
  analysed (in the engine's workers);
- :class:`EntityRegistry` and :func:`assign_entities`: canonical entities
  across articles, grown batch by batch; each analysis gets the global ids of
  its entities, and its signature gains them as names;
- :func:`fuse_store`, which in turn
1. finds near-duplicates of the new articles (MinHash LSH, verified);
2. groups recurring quotes, and fuses event mentions into one record per
   real event (quotes and near-duplicates corroborate undated reports);
3. groups the new articles into stories by the words, names and numbers
   they share, joining stored stories (incremental).
"""
from __future__ import annotations

from collections import defaultdict
import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..config import Options, load_options
from ..engine import Beside, make_engine
from ..records import Article, ArticleAnalysis, GlobalEntity, StoryFeatures, UnsignedArticle
from .entities import EntityRegistry
from .events import EventFuser, summarise
from .story_join import join_in_stories
from .quotes import group_quotes
from .signatures import features_of, text_shingles, with_entities
from .stories import StoryGrouper


# Fewer new articles than this are signed in this process: starting workers would cost more.
PARALLEL_FROM = 2000


@dataclass(frozen=True)
class FuseReport:
    grouped: int  # articles given a story (or moved to a merged one) by this run
    duplicates: int  # near-duplicate pairs found by this run
    quote_groups: int
    events: int
    seconds: dict[str, float] = field(default_factory=dict, compare=False)  # wall time of each step


class _Clock:
    """Wall time of each step, for the report: where a large run spends its time."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, step: str) -> None:
        now = time.perf_counter()
        self.seconds[step] = round(now - self._last, 3)
        self._last = now


def sign(article: Article) -> StoryFeatures:
    """The story signature of an article's words; :func:`assign_entities` adds its entities."""
    return features_of(article.id, article.title, article.text, article.published)


def assign_entities(registry: EntityRegistry, analyses: list[ArticleAnalysis]
                    ) -> tuple[list[tuple[ArticleAnalysis, dict[str, str]]], list[GlobalEntity]]:
    """Each analysis with the map from its local entity keys to global entity ids, and the
    canonical entities this made or changed (to store). A signed analysis's signature gains
    the entities its names resolve to, in text order."""
    pairs = [(a, {e.key: registry.assign(e) for e in a.entities}) for a in analyses]
    for analysis, ids in pairs:
        if analysis.story is not None:
            names = sorted((m.start, ids[e.key]) for e in analysis.entities for m in e.mentions if m.kind == "name")
            analysis.story = with_entities(analysis.story, [entity_id for _, entity_id in names])
    return pairs, registry.take_changed()


def fuse_store(store, options: Optional[Options] = None) -> FuseReport:
    """Run the fuse stage over the store: what is new joins what is stored (``options``: the
    packaged defaults when not given)."""
    with _collector_paused():
        return _fuse(store, options or load_options())


@contextmanager
def _collector_paused():
    """The stage builds millions of small objects that live until it ends and make no cycles worth
    finding: Python's cyclic collector would walk the growing heap again and again (at 100k
    articles it took a quarter of the stage's time, and grew faster than the work), so it waits."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _fuse(store, options: Options) -> FuseReport:
    clock = _Clock()
    grouper = StoryGrouper(options.stories)
    inputs = store.story_inputs()
    existing, unsigned = inputs.stored, inputs.unsigned
    # articles are signed during analysis; those analysed before that (or not at all) are signed here
    if len(unsigned) < PARALLEL_FROM:
        computed = _features(unsigned)
    else:
        with make_engine(options.run) as engine:
            computed = engine.map_chunks(_features, unsigned)
    features = inputs.signed + computed
    texts = {a.id: a.text for a in unsigned}
    clock.lap("signatures")

    @lru_cache(maxsize=20_000)  # an article is a candidate of several others: shingled once
    def shingles_of(article_id: str):
        text = texts.get(article_id)
        return text_shingles(text if text is not None else store.article_text(article_id))

    found = grouper.duplicates((f for f, _ in existing), features, shingles_of) if features else []
    duplicates = sorted(set(store.near_duplicates()) | {(a, b) for a, b, _ in found})
    clock.lap("near_duplicates")

    def group_stories():
        start = time.perf_counter()
        stories = grouper.group(existing, features, duplicates) if features else {}
        yield stories, round(time.perf_counter() - start, 3)

    # stories need nothing of what follows: a large run groups them in a helper meanwhile
    helper = Beside(group_stories, parallel=len(features) >= PARALLEL_FROM and options.run.workers != 1)
    try:
        fusion = store.fusion_inputs()
        clock.lap("read_mentions_quotes")
        groups = group_quotes(fusion.quotes)
        clock.lap("quote_groups")
        article_of = {q.id: q.article_id for q in fusion.quotes}
        quoted: dict[str, set[str]] = defaultdict(set)
        for qid, gid in groups.items():
            quoted[gid].add(article_of[qid])
        corroborated = [(a, b) for arts in quoted.values() for a in arts for b in arts if a < b]
        published = {f.article_id: f.day for f, _ in existing} | {f.article_id: f.day for f in features}
        clusters = EventFuser(corroborated + duplicates, published).cluster(fusion.mentions)
        clock.lap("event_fusion")
        stories, grouping_seconds = helper.next()
        clock.lap("waiting_for_stories")
        # undated reports join the dated event of their story (events.join_in_stories)
        story_of = {f.article_id: story for f, story in existing}
        story_of.update(stories)
        events = summarise(join_in_stories(clusters, story_of, published))
        clock.lap("event_story_join")
        store.write_fusion(groups, events)
        clock.lap("write_events_quotes")
    finally:
        helper.close()
    clock.seconds["stories"] = grouping_seconds
    store.write_stories(computed, stories, found)
    clock.lap("write_stories")
    return FuseReport(len(stories), len(found), len(set(groups.values())), len(events), clock.seconds)


def _features(pending: list[UnsignedArticle]) -> list[StoryFeatures]:
    """Signatures of stored articles signed by no worker: the same two steps as :func:`sign`
    and :func:`assign_entities`."""
    return [with_entities(features_of(a.id, a.title, a.text, a.published), a.entity_ids) for a in pending]


__all__ = ["EntityRegistry", "FuseReport", "assign_entities", "fuse_store", "sign"]
