"""One real event, however many reports tell it: event mentions fused across articles.

Two mentions tell the same event when
- their CAMEO codes share a root;
- their actors agree side by side (either order for symmetric codes such as
  consultations): the same entity, or the same country where one side is a
  country or a generic actor ("Iran", "Iranian officials"), with at least one
  side anchored on the same named entity;
- their dates agree; an undated report joins only with corroboration: its
  article shares a quote with one of the event's articles (the same words
  reported, or translated, twice), is a near-duplicate of one, or is the
  same article. A look-alike
  with no such evidence stays apart (the same two leaders a year later).

What the reports disagree on (dates, counts, places, who acted or spoke) is
kept with its sources, and all but places flag the event ``disputed``. Mentions are compared only with events
that share a root and an entity or country, so the work grows with the number
of mentions, not with its square.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

SYMMETRIC_ROOTS = {"04"}


@dataclass
class Mention:
    id: str
    article_id: str
    record: dict  # the mention's own reading: cameo, source, target, date, counts, place, ...


@dataclass
class FusedEvent:
    id: str
    mentions: list[Mention] = field(default_factory=list)
    record: dict = field(default_factory=dict)
    disputed: bool = False
    disagreements: dict = field(default_factory=dict)


def _side(actor: Optional[dict]) -> tuple[Optional[str], Optional[str]]:
    if not actor:
        return None, None
    return actor.get("entity_id"), actor.get("country")


def _side_match(a: Optional[dict], b: Optional[dict]) -> int:
    """2: the same entity; 1: the same country, one of them not a named entity, or both
    sides unnamed in both reports ("Iran condemned ..."); 0: no."""
    if not a and not b:
        return 1
    (ea, ca), (eb, cb) = _side(a), _side(b)
    if ea and eb and ea == eb:
        return 2
    if ca and cb and ca == cb and not (ea and eb):
        return 1
    if ca and cb and ca == cb and ea and eb:
        return 1 if _is_country_like(a) or _is_country_like(b) else 0
    return 0


def _is_country_like(actor: dict) -> bool:
    return not actor.get("sector") and actor.get("country") is not None


def actors_agree(r1: dict, r2: dict) -> bool:
    pairs = [(_side_match(r1.get("source"), r2.get("source")), _side_match(r1.get("target"), r2.get("target")))]
    if r1["cameo"][:2] in SYMMETRIC_ROOTS:
        pairs.append((_side_match(r1.get("source"), r2.get("target")),
                      _side_match(r1.get("target"), r2.get("source"))))
    return any(s >= 1 and t >= 1 and max(s, t) == 2 for s, t in pairs)


class EventFuser:
    """Greedy, order-independent fusion: dated mentions first, so undated ones join them."""

    def __init__(self, corroborated: Iterable[tuple[str, str]] = ()):
        self.links: dict[str, set[str]] = defaultdict(set)
        for a, b in corroborated:
            self.links[a].add(b)
            self.links[b].add(a)

    def fuse(self, mentions: list[Mention]) -> list[FusedEvent]:
        buckets: dict[tuple, list[Mention]] = defaultdict(list)
        for m in mentions:
            buckets[_bucket(m.record)].append(m)
        events: list[FusedEvent] = []
        for key in sorted(buckets, key=str):
            events.extend(self._fuse_bucket(buckets[key]))
        for event in events:
            _summarise(event)
        return events

    def _fuse_bucket(self, mentions: list[Mention]) -> list[FusedEvent]:
        order = sorted(mentions, key=lambda m: (m.record.get("date") is None, m.article_id, m.id))
        clusters: list[FusedEvent] = []
        # candidates through what the sides name (entity or country): no all-pairs comparison
        index: dict[tuple, list[int]] = defaultdict(list)
        for m in order:
            seen: set[int] = set()
            candidates = [i for key in _keys(m.record) for i in index.get(key, ())
                          if not (i in seen or seen.add(i))]
            joined = [i for i in sorted(candidates) if clusters[i].mentions and self._joins(m, clusters[i])]
            if joined:
                home = joined[0]
                # a report that fits two events bridges them when they agree with each other
                # directly: told apart only by the order they came in, not through a vaguer third
                for other in joined[1:]:
                    if not _compatible(clusters[home], clusters[other]):
                        continue
                    clusters[home].mentions.extend(clusters[other].mentions)
                    clusters[other].mentions = []
                    for key in {k for c in clusters[home].mentions for k in _keys(c.record)}:
                        if home not in index[key]:
                            index[key].append(home)
            else:
                home = len(clusters)
                clusters.append(FusedEvent(id=""))
            clusters[home].mentions.append(m)
            for key in _keys(m.record):
                if home not in index[key]:
                    index[key].append(home)
        return [c for c in clusters if c.mentions]

    def _joins(self, m: Mention, cluster: FusedEvent) -> bool:
        date = m.record.get("date")
        dates = {c.record.get("date") for c in cluster.mentions} - {None}
        articles = {c.article_id for c in cluster.mentions}
        if not any(actors_agree(m.record, c.record) for c in cluster.mentions):
            return False
        if date is not None and dates:
            return date in dates
        # an undated report, or an undated event: only with corroborating evidence
        return m.article_id in articles or bool(self.links.get(m.article_id, set()) & articles)


def _compatible(a: FusedEvent, b: FusedEvent) -> bool:
    dates_a = {m.record.get("date") for m in a.mentions} - {None}
    dates_b = {m.record.get("date") for m in b.mentions} - {None}
    if dates_a and dates_b and not dates_a & dates_b:
        return False
    return any(actors_agree(x.record, y.record) for x in a.mentions for y in b.mentions)


def _bucket(record: dict) -> str:
    return record["cameo"][:2]


def _keys(record: dict) -> list[tuple]:
    keys = []
    for side in ("source", "target"):
        entity, country = _side(record.get(side))
        if entity:
            keys.append(("e", entity))
        if country:
            keys.append(("c", country))
    return keys or [("none",)]


def _summarise(event: FusedEvent) -> None:
    """The fused reading: what most reports say; where they differ, every value and its sources."""
    recs = [m.record for m in event.mentions]
    best = max(event.mentions, key=lambda m: (_named(m.record), m.record.get("confidence", 0), -len(m.id)))
    record = dict(best.record)
    record["cameo"] = Counter(r["cameo"] for r in recs).most_common(1)[0][0]
    disagreements: dict = {}
    dated = [(r.get("date"), r.get("date_precision"), m.article_id) for r, m in zip(recs, event.mentions)
             if r.get("date")]
    if dated:
        votes = Counter(d for d, _, _ in dated)
        record["date"] = votes.most_common(1)[0][0]
        record["date_precision"] = next(p for d, p, _ in dated if d == record["date"])
        if len(votes) > 1:
            disagreements["date"] = _sources((d, a) for d, _, a in dated)
    counts: dict = {}
    for key in sorted({k for r in recs for k in (r.get("counts") or {})}):
        values = [((r.get("counts") or {}).get(key), m.article_id) for r, m in zip(recs, event.mentions)
                  if (r.get("counts") or {}).get(key) is not None]
        votes = Counter(v for v, _ in values)
        counts[key] = max(votes, key=lambda v: (votes[v], v))
        if len(votes) > 1:
            disagreements[f"counts.{key}"] = _sources(values)
    record["counts"] = counts
    places = [((r.get("place") or {}).get("name"), m.article_id) for r, m in zip(recs, event.mentions)
              if (r.get("place") or {}).get("name")]
    if len({p for p, _ in places}) > 1:
        disagreements["place"] = _sources(places)
    for side in ("source", "target"):
        # two named people or bodies said to have done it: who did is disputed
        named = [((r.get(side) or {}).get("text"), m.article_id) for r, m in zip(recs, event.mentions)
                 if (r.get(side) or {}).get("entity_id") and not _is_country_like(r[side])]
        if len({(r.get(side) or {}).get("entity_id") for r in recs
                if (r.get(side) or {}).get("entity_id") and not _is_country_like(r[side])}) > 1:
            disagreements[side] = _sources(named)
    record["confidence"] = max(r.get("confidence", 0) for r in recs)
    record["flags"] = sorted({f for r in recs for f in r.get("flags") or ()})
    event.record = record
    event.disagreements = disagreements
    # differing places are often the dateline against the scene: they are kept, not disputed
    event.disputed = any(k != "place" for k in disagreements)
    ids = sorted(m.id for m in event.mentions)
    event.id = "e" + hashlib.sha1(ids[0].encode()).hexdigest()[:15]


def _named(record: dict) -> int:
    return sum(1 for side in ("source", "target") if (record.get(side) or {}).get("entity_id"))


def _sources(pairs) -> dict:
    out: dict = defaultdict(list)
    for value, article in pairs:
        if article not in out[str(value)]:
            out[str(value)].append(article)
    return dict(out)
