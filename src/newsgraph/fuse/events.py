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
that share a root and a named entity, so the work grows with the number
of mentions, not with its square.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
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
    return _sides_agree((r1.get("source"), r1.get("target")), (r2.get("source"), r2.get("target")),
                        r1["cameo"][:2] in SYMMETRIC_ROOTS)


def _sides_agree(a: tuple, b: tuple, symmetric: bool) -> bool:
    pairs = [(_side_match(a[0], b[0]), _side_match(a[1], b[1]))]
    if symmetric:
        pairs.append((_side_match(a[0], b[1]), _side_match(a[1], b[0])))
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
        """Dated reports first, each compared only with events of its day that share a named entity;
        then undated ones, each only with the events of its own or corroborating articles."""
        order = sorted(mentions, key=lambda m: (m.record.get("date") is None, m.article_id, m.id))
        clusters: list[_Cluster] = []
        by_day: dict[tuple, list[int]] = defaultdict(list)  # (entity, date) -> clusters
        by_article: dict[str, list[int]] = defaultdict(list)
        for m in order:
            date = m.record.get("date")
            if date is not None:
                pools = [by_day.get((key, date), ()) for key in _keys(m.record)]
            else:
                pools = [by_article.get(a, ()) for a in {m.article_id} | self.links.get(m.article_id, set())]
            found = {i for pool in pools for i in pool}
            candidates = sorted(i for i in found if clusters[i].alive) if len(found) > 1 else found
            key, symmetric = _sides_key(m.record), m.record["cameo"][:2] in SYMMETRIC_ROOTS
            joined = [i for i in candidates if clusters[i].alive and clusters[i].agrees(key, symmetric)]
            if joined:
                home = clusters[joined[0]]
                # a report that fits two events bridges them when they agree with each other
                # directly: told apart only by the order they came in, not through a vaguer third
                for other in (clusters[i] for i in joined[1:]):
                    if home.compatible(other, symmetric):
                        moved = other.mentions
                        home.absorb(other)
                        _index(home, moved, by_day, by_article)
            else:
                home = _Cluster(len(clusters))
                clusters.append(home)
            home.add(m, key)
            _index(home, [m], by_day, by_article)
        return [FusedEvent(id="", mentions=c.mentions) for c in clusters if c.alive]


class _Cluster:
    """An event being built: its mentions, their dates and the distinct actor pairs they name."""

    def __init__(self, index: int):
        self.index = index
        self.mentions: list[Mention] = []
        self.dates: set[str] = set()
        self.sides: dict[tuple, dict] = {}  # one record per distinct pair of sides
        self.alive = True
        self.indexed_keys: set[str] = set()  # the entities it is found under in the day index
        self.indexed_dates: set[str] = set()

    def add(self, m: Mention, key: Optional[tuple] = None) -> None:
        self.mentions.append(m)
        if m.record.get("date"):
            self.dates.add(m.record["date"])
        self.sides.setdefault(key or _sides_key(m.record), m.record)

    def agrees(self, key: tuple, symmetric: bool) -> bool:
        return any(_keys_agree(key, other, symmetric) for other in self.sides)

    def compatible(self, other: "_Cluster", symmetric: bool) -> bool:
        if self.dates and other.dates and not self.dates & other.dates:
            return False
        return any(_keys_agree(a, b, symmetric) for a in self.sides for b in other.sides)

    def absorb(self, other: "_Cluster") -> None:
        for m in other.mentions:
            self.add(m)
        other.mentions, other.sides, other.alive = [], {}, False


def _index(cluster: _Cluster, mentions: list[Mention], by_day: dict, by_article: dict) -> None:
    """Index the cluster under every (entity, date) pair it now has, and under its articles."""
    keys = {key for m in mentions for key in _keys(m.record)}
    fresh_keys, fresh_dates = keys - cluster.indexed_keys, cluster.dates - cluster.indexed_dates
    pairs = [(key, date) for key in cluster.indexed_keys for date in fresh_dates]
    pairs += [(key, date) for key in fresh_keys for date in cluster.dates]
    pools = [by_day[pair] for pair in pairs] + [by_article[m.article_id] for m in mentions]
    for pool in pools:
        if not pool or pool[-1] != cluster.index:
            pool.append(cluster.index)
    cluster.indexed_keys |= fresh_keys
    cluster.indexed_dates |= fresh_dates


@lru_cache(maxsize=1 << 16)
def _keys_agree(a: tuple, b: tuple, symmetric: bool) -> bool:
    """Whether actors agree, on two pairs of sides as :func:`_sides_key` gives them: many reports
    name the same actors, and the answer is computed once for them."""
    def actor(side):
        return None if side is None else {"entity_id": side[0], "country": side[1], "sector": side[2] or None}
    return _sides_agree((actor(a[0]), actor(a[1])), (actor(b[0]), actor(b[1])), symmetric)


def _sides_key(record: dict) -> tuple:
    def side(actor):
        return None if not actor else (actor.get("entity_id"), actor.get("country"), bool(actor.get("sector")))
    return side(record.get("source")), side(record.get("target"))


def _bucket(record: dict) -> str:
    return record["cameo"][:2]


def _keys(record: dict) -> list[str]:
    """The named entities of a report: two reports agree only when they share one (see
    :func:`_side_match`), so a report is compared only with events that name one of its own."""
    keys = []
    for side in (record.get("source"), record.get("target")):
        if side and side.get("entity_id"):
            keys.append(side["entity_id"])
    return keys


def _summarise(event: FusedEvent) -> None:
    """The fused reading: what most reports say; where they differ, every value and its sources."""
    if len(event.mentions) == 1:  # most events: one report, which disagrees with nothing
        _summarise_one(event)
        return
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
    # the id of its first report's own event: an event no other report joins keeps the id it was stored with
    event.id = "e" + min(m.id for m in event.mentions)[1:]


def _summarise_one(event: FusedEvent) -> None:
    """What :func:`_summarise` makes of a single report, without its tallies."""
    mention = event.mentions[0]
    record = dict(mention.record)
    counts = record.get("counts") or {}
    record["counts"] = {key: counts[key] for key in sorted(counts) if counts[key] is not None}
    record["confidence"] = record.get("confidence", 0)
    record["flags"] = sorted(set(record.get("flags") or ()))
    event.record, event.disagreements, event.disputed = record, {}, False
    event.id = "e" + mention.id[1:]


def _named(record: dict) -> int:
    return sum(1 for side in ("source", "target") if (record.get(side) or {}).get("entity_id"))


def _sources(pairs) -> dict:
    out: dict = defaultdict(list)
    for value, article in pairs:
        if article not in out[str(value)]:
            out[str(value)].append(article)
    return dict(out)
