"""Stage 6, fuse: the only stage that looks across articles.

Public entries: :class:`EntityRegistry` (canonical entities across articles,
grown batch by batch) and :func:`fuse_store`, which in turn
1. finds near-duplicates of the new articles (MinHash LSH, verified);
2. groups recurring quotes, and fuses event mentions into one record per
   real event (quotes and near-duplicates corroborate undated reports);
3. groups the new articles into stories by the words, names and numbers
   they share, joining stored stories (incremental).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..config import Options, load_options
from ..engine import make_engine
from .entities import EntityRegistry
from .events import EventFuser, FusedEvent, Mention
from .quotes import group_quotes
from .signatures import features_of, text_shingles
from .stories import StoryGrouper, StoryParams


# Fewer new articles than this are signed in this process: starting workers would cost more.
PARALLEL_FROM = 2000


@dataclass(frozen=True)
class FuseReport:
    grouped: int  # articles given a story (or moved to a merged one) by this run
    duplicates: int  # near-duplicate pairs found by this run
    quote_groups: int
    events: int


def fuse_store(store, options: Optional[Options] = None) -> FuseReport:
    """Run the fuse stage over the store: what is new joins what is stored."""
    options = options or load_options()
    grouper = StoryGrouper(StoryParams(**options.stories.model_dump()))
    existing, signed, unsigned = store.story_inputs()
    # articles are signed during analysis; those analysed before that (or not at all) are signed here
    if len(unsigned) < PARALLEL_FROM:
        computed = _features(unsigned)
    else:
        with make_engine(options.run) as engine:
            computed = engine.map_chunks(_features, unsigned)
    features = signed + computed
    texts = {aid: text for aid, _, text, _, _ in unsigned}

    @lru_cache(maxsize=20_000)  # an article is a candidate of several others: shingled once
    def shingles_of(article_id: str):
        text = texts.get(article_id)
        return text_shingles(text if text is not None else store.article_text(article_id))

    found = grouper.duplicates((f for f, _ in existing), features, shingles_of) if features else []
    duplicates = sorted(set(store.near_duplicates()) | {(a, b) for a, b, _ in found})

    mentions, quotes = store.fusion_inputs()
    groups = group_quotes(quotes)
    article_of = {qid: aid for qid, aid, _ in quotes}
    quoted: dict[str, set[str]] = defaultdict(set)
    for qid, gid in groups.items():
        quoted[gid].add(article_of[qid])
    corroborated = [(a, b) for arts in quoted.values() for a in arts for b in arts if a < b]
    events = EventFuser(corroborated + duplicates).fuse([Mention(mid, aid, rec) for mid, aid, rec in mentions])
    store.write_fusion(groups, events)

    stories = grouper.group(existing, features, duplicates) if features else {}
    store.write_stories(computed, stories, found)
    return FuseReport(len(stories), len(found), len(set(groups.values())), len(events))


def _features(pending: list[tuple]) -> list:
    return [features_of(aid, title, text, published, entities) for aid, title, text, published, entities in pending]


__all__ = ["EntityRegistry", "EventFuser", "FuseReport", "FusedEvent", "Mention", "StoryGrouper",
           "StoryParams", "fuse_store", "group_quotes"]
