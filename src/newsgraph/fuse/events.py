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
from functools import lru_cache
from typing import Iterable, Optional

from ..records import Event, EventMention, EventReading
from .sides import (_PRECISION_RANK, SideKey, _in_window_of, _on_weekday, _side_match, _sides_agree,
                    _state_like, either_way_of, side_key, sides_either_way)
from .story_join import join_in_stories

def actors_agree(r1: EventReading, r2: EventReading) -> bool:
    return _keys_agree(_sides_key(r1), _sides_key(r2), sides_either_way(r1.cameo))


class EventFuser:
    """Greedy, order-independent fusion: dated mentions first, so undated ones join them."""

    def __init__(self, corroborated: Iterable[tuple[str, str]] = (),
                 published: Optional[dict[str, Optional[int]]] = None):
        """``published``: article id -> day ordinal; an undated report joins through
        corroboration only an event of the month before its article (a 2024 article that
        quotes a 2023 promise again does not make its report the 2023 one)."""
        self.published = {a: d for a, d in (published or {}).items() if d is not None}
        self.links: dict[str, set[str]] = defaultdict(set)
        for a, b in corroborated:
            self.links[a].add(b)
            self.links[b].add(a)

    def fuse(self, mentions: list[EventMention], story_of: Optional[dict[str, str]] = None,
             published: Optional[dict[str, Optional[int]]] = None) -> list[Event]:
        if published and not self.published:
            self.published = {a: d for a, d in published.items() if d is not None}
        return summarise(join_in_stories(self.cluster(mentions), story_of or {}, published))

    def _in_window(self, m: EventMention, cluster: "_Cluster") -> bool:
        return _in_window_of(self.published.get(m.article_id), cluster.dates)

    def cluster(self, mentions: list[EventMention]) -> list[list[EventMention]]:
        """The reports grouped into events by dates, actors and corroboration (no stories yet)."""
        buckets: dict[str, list[EventMention]] = defaultdict(list)
        for m in mentions:
            buckets[m.cameo[:2]].append(m)
        groups: list[list[EventMention]] = []
        for key in sorted(buckets, key=str):
            groups.extend(self._fuse_bucket(buckets[key]))
        return groups

    def _fuse_bucket(self, mentions: list[EventMention]) -> list[list[EventMention]]:
        """Dated reports first, each compared only with events of its day that share a named entity;
        then undated ones, each only with the events of its own or corroborating articles."""
        order = sorted(mentions, key=lambda m: (m.date is None, m.article_id, m.id))
        clusters: list[_Cluster] = []
        by_day: dict[tuple, list[int]] = defaultdict(list)  # (entity, date) -> clusters
        by_article: dict[str, list[int]] = defaultdict(list)
        for m in order:
            date = m.date
            if date is not None:
                pools = [by_day.get((key, date), ()) for key in _keys(m)]
            else:
                pools = [by_article.get(a, ()) for a in {m.article_id} | self.links.get(m.article_id, set())]
            found = {i for pool in pools for i in pool}
            candidates = sorted(i for i in found if clusters[i].alive) if len(found) > 1 else found
            key = _sides_key(m)
            joined = [i for i in candidates if clusters[i].alive
                      and (clusters[i].agrees(m, key) or clusters[i].same_dyad(m, key))
                      and (date is not None or (self._in_window(m, clusters[i])
                                                and all(_on_weekday(m, d) for d in clusters[i].dates)))]
            if joined:
                home = clusters[joined[0]]
                # a report that fits two events bridges them when they agree with each other
                # directly: told apart only by the order they came in, not through a vaguer third
                for other in (clusters[i] for i in joined[1:]):
                    if home.compatible(other, sides_either_way(m.cameo)):
                        moved = other.mentions
                        home.absorb(other)
                        _index(home, moved, by_day, by_article)
            else:
                home = _Cluster(len(clusters))
                clusters.append(home)
            home.add(m, key)
            _index(home, [m], by_day, by_article)
        return [c.mentions for c in clusters if c.alive]


def summarise(groups: list[list[EventMention]]) -> list[Event]:
    return [_summarise(group) for group in groups]


class _Cluster:
    """An event being built: its mentions, their dates and the distinct actor pairs they name."""

    def __init__(self, index: int):
        self.index = index
        self.mentions: list[EventMention] = []
        self.dates: set[str] = set()
        self.sides: dict[tuple, EventMention] = {}  # one report per distinct pair of sides
        self.alive = True
        self.codes: set[str] = set()  # the three-digit codes of its reports
        self.joint_codes: set[str] = set()  # ... of those that are joint acts, told in either order
        self.indexed_keys: set[str] = set()  # the entities it is found under in the day index
        self.indexed_dates: set[str] = set()
        self.dyads: dict[str, list[tuple[str, tuple]]] = {}  # dyad key -> (article, sides) of its reports

    def add(self, m: EventMention, key: Optional[tuple] = None) -> None:
        self.mentions.append(m)
        if m.date:
            self.dates.add(m.date)
        key = key or _sides_key(m)
        self.sides.setdefault(key, m)
        for dyad in _dyad_keys(m):
            self.dyads.setdefault(dyad, []).append((m.article_id, key))
        self.codes.add(m.cameo[:3])
        if either_way_of(m):
            self.joint_codes.add(m.cameo[:3])

    def either_way_for(self, m: EventMention) -> bool:
        """Whether a report's sides may meet this event's in either order: a symmetric code, or
        the same act as a joint one ("A and B agreed", 032, beside "B agreed with A", 032); not
        another act of the same root (the two ministers' joint signing, 057, and one's praise
        of the other, 051)."""
        code = m.cameo[:3]
        return sides_either_way(m.cameo) or code in self.joint_codes or (either_way_of(m) and code in self.codes)

    def agrees(self, m: EventMention, key: tuple) -> bool:
        either_way = self.either_way_for(m)
        return any(_keys_agree(key, other, either_way) for other in self.sides)

    def same_dyad(self, m: EventMention, key: tuple) -> bool:
        """Another report of the same day, code and pair of countries whose sides do not
        conflict: "Israeli forces stormed the camp" and "an Israeli raid on the camp", told on
        one day by two outlets, name no entity in common but are one assault. Two reports of
        one article are two acts (two officials' condemnations), as are two named people."""
        either_way = self.either_way_for(m)
        # a key holds the day: reports under one key are of one date
        return any(article != m.article_id and _sides_compatible(key, sides, either_way)
                   for dyad in _dyad_keys(m) for article, sides in self.dyads.get(dyad, ()))

    def compatible(self, other: "_Cluster", either_way: bool) -> bool:
        if self.dates and other.dates and not self.dates & other.dates:
            return False
        either_way = either_way or bool(self.joint_codes & other.codes or other.joint_codes & self.codes)
        return any(_keys_agree(a, b, either_way) for a in self.sides for b in other.sides)

    def absorb(self, other: "_Cluster") -> None:
        for m in other.mentions:
            self.add(m)
        other.mentions, other.sides, other.dyads, other.alive = [], {}, {}, False


def _index(cluster: _Cluster, mentions: list[EventMention], by_day: dict, by_article: dict) -> None:
    """Index the cluster under every (entity, date) pair it now has, and under its articles."""
    keys = {key for m in mentions for key in _keys(m)}
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
def _keys_agree(a: tuple, b: tuple, either_way: bool) -> bool:
    """Whether actors agree, on two pairs of sides as :func:`_sides_key` gives them: many reports
    name the same actors, and the answer is computed once for them."""
    return _sides_agree(a, b, either_way)


def _sides_key(reading: EventReading) -> tuple:
    return side_key(reading.source), side_key(reading.target)


def _keys(reading: EventReading) -> list[str]:
    """The named entities of a report: two reports agree when they share one (see
    :func:`_side_match`), so a report is compared only with events that name one of its own;
    and its pair of countries, code and day (see :meth:`_Cluster.same_dyad`)."""
    keys = [side.entity_id for side in (reading.source, reading.target) if side is not None and side.entity_id]
    return keys + _dyad_keys(reading)


def _dyad_keys(m: EventMention) -> list[str]:
    """"@ISR>PSE:190@2023-06-19" for a report dated to the day with a country on both sides:
    the pair in order; sorted when the code's sides go either way; both orders for a joint
    act, which a report of the same act in order must find."""
    s, t = m.source, m.target
    if not m.date or (m.date_precision or "day") != "day" or s is None or t is None \
            or not s.country or not t.country:
        return []
    if sides_either_way(m.cameo):
        pairs = [tuple(sorted((s.country, t.country)))]
    else:
        pairs = [(s.country, t.country)] + ([(t.country, s.country)] if "joint" in (m.flags or ()) else [])
    return [f"@{a}>{b}:{m.cameo[:3]}@{m.date}" for a, b in dict.fromkeys(pairs)]


def _sides_compatible(a: tuple, b: tuple, either_way: bool) -> bool:
    """Sides that may be the same actors: each pair at least of one country, never two
    different named entities unless one is the state ("Israel" and "Israeli forces" may be one
    side, as may "Tehran" and Iran's "Ali Shamkhani"; "Ana Ruiz" and "Luis Vega" are not)."""
    def fits(x: SideKey, y: SideKey) -> bool:
        return _side_match(x, y) >= 1 and not (x and y and x[0] and y[0] and x[0] != y[0] and x[2] and y[2])

    pairs = [(a[0], b[0], a[1], b[1])] + ([(a[0], b[1], a[1], b[0])] if either_way else [])
    return any(fits(s1, s2) and fits(t1, t2) for s1, s2, t1, t2 in pairs)


def _summarise(mentions: list[EventMention]) -> Event:
    """The fused reading: what most reports say; where they differ, every value and its sources."""
    if len(mentions) == 1:  # most events: one report, which disagrees with nothing
        return _summarise_one(mentions[0])
    # the report that names most, and most precisely: "the ruling party" over its country
    best = max(mentions, key=lambda m: (_named(m), _specific(m), m.confidence, -len(m.id)))
    cameo = _most_told_code(mentions)
    date, precision = best.date, best.date_precision
    disagreements: dict = {}
    dated = [(m.date, m.date_precision, m.article_id) for m in mentions if m.date]
    if dated:
        # the finest dates decide: "January 2016" holds "3 January 2016", which says more
        finest = min(_PRECISION_RANK.get(p or "day", 0) for _, p, _ in dated)
        votes = Counter(d for d, p, _ in dated if _PRECISION_RANK.get(p or "day", 0) == finest)
        date = votes.most_common(1)[0][0]
        precision = next(p for d, p, _ in dated if d == date)
        told = {d for d, p, _ in dated if not _coarse_holds(d, p, date)}
        if len(told) > 1 or (told and date not in told):
            disagreements["date"] = _sources((d, a) for d, _, a in dated)
    counts: dict = {}
    for key in sorted({k for m in mentions for k in m.counts}):
        values = [(m.counts[key], m.article_id) for m in mentions if m.counts.get(key) is not None]
        votes = Counter(v for v, _ in values)
        counts[key] = max(votes, key=lambda v: (votes[v], v))
        if len(votes) > 1:
            disagreements[f"counts.{key}"] = _sources(values)
    places = [(m.place["name"], m.article_id) for m in mentions if (m.place or {}).get("name")]
    if len({p for p, _ in places}) > 1:
        disagreements["place"] = _sources(places)
    for side in ("source", "target"):
        # two named people or bodies said to have done it: who did is disputed
        actors = [(getattr(m, side), m.article_id) for m in mentions]
        named = [(a, article) for a, article in actors if a is not None and a.entity_id and not _state_like(a)]
        if len({a.entity_id for a, _ in named}) > 1:
            disagreements[side] = _sources((a.text, article) for a, article in named)
    reading = EventReading(cameo, best.source, best.target, date, precision, best.place, counts,
                           max(m.confidence for m in mentions), sorted({f for m in mentions for f in m.flags}))
    # differing places are often the dateline against the scene: they are kept, not disputed
    disputed = any(k != "place" for k in disagreements)
    # the id of its first report's own event: an event no other report joins keeps the id it was stored with
    return Event.of(reading, id="e" + min(m.id for m in mentions)[1:], disputed=disputed,
                    disagreements=disagreements, mentions=mentions)


def _most_told_code(mentions: list[EventMention]) -> str:
    """The code most reports give; between codes as often given, the most specific: "spoke to
    him by phone" (041) and "I spoke to him" (040) are one phone call."""
    votes = Counter(m.cameo for m in mentions)
    top = max(votes.values())
    first = {m.cameo: i for i, m in reversed(list(enumerate(mentions)))}
    return min((c for c, n in votes.items() if n == top),
               key=lambda c: (-len(c), c.endswith("0"), first[c]))


def _coarse_holds(date: str, precision: Optional[str], day: str) -> bool:
    """A month or year that holds the day: no disagreement with it."""
    rank = _PRECISION_RANK.get(precision or "day", 0)
    return rank >= 2 and date[:7 if rank == 2 else 4] == day[:7 if rank == 2 else 4]


def _summarise_one(mention: EventMention) -> Event:
    """What :func:`_summarise` makes of a single report, without its tallies."""
    counts = mention.counts
    reading = EventReading(mention.cameo, mention.source, mention.target, mention.date, mention.date_precision,
                           mention.place, {key: counts[key] for key in sorted(counts) if counts[key] is not None},
                           mention.confidence, sorted(set(mention.flags)))
    return Event.of(reading, id="e" + mention.id[1:], mentions=[mention])


def _named(reading: EventReading) -> int:
    return sum(1 for side in (reading.source, reading.target) if side is not None and side.entity_id)


def _specific(reading: EventReading) -> int:
    return sum(1 for side in (reading.source, reading.target)
               if side is not None and side.entity_id and not _state_like(side))


def _sources(pairs) -> dict:
    out: dict = defaultdict(list)
    for value, article in pairs:
        if article not in out[str(value)]:
            out[str(value)].append(article)
    return dict(out)
