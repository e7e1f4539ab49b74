"""Stage 6, fuse: the only stage that looks across articles.

Public entries: :class:`EntityRegistry` (canonical entities across articles,
grown batch by batch) and :func:`fuse_store` (quote groups and one event
record per real event, recomputed over the store after each run).
"""
from __future__ import annotations

from .entities import EntityRegistry
from .events import EventFuser, FusedEvent, Mention
from .quotes import group_quotes


def fuse_store(store) -> tuple[int, int]:
    """Group recurring quotes and fuse event mentions; returns (quote groups, events)."""
    mentions, quotes = store.fusion_inputs()
    groups = group_quotes(quotes)
    article_of = {qid: aid for qid, aid, _ in quotes}
    members: dict[str, set[str]] = {}
    for qid, gid in groups.items():
        members.setdefault(gid, set()).add(article_of[qid])
    corroborated = [(a, b) for arts in members.values() for a in arts for b in arts if a < b]
    events = EventFuser(corroborated).fuse([Mention(mid, aid, rec) for mid, aid, rec in mentions])
    store.write_fusion(groups, events)
    return len(set(groups.values())), len(events)


__all__ = ["EntityRegistry", "EventFuser", "FusedEvent", "Mention", "fuse_store", "group_quotes"]
