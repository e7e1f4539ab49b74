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
from datetime import date
from functools import lru_cache
from typing import Iterable, Optional

from ..kb.cameo import SIDES_EITHER_WAY_ROOTS
from ..kb import load_kb
from ..kb.gazetteer import load_gazetteer
from ..records import Event, EventActor, EventMention, EventReading

# A side as fusion compares it: (entity id, country, not the state itself, sector), None for no side.
SideKey = Optional[tuple[Optional[str], Optional[str], bool, Optional[str]]]


def side_key(actor: Optional[EventActor]) -> SideKey:
    return None if actor is None else (actor.entity_id, actor.country, not _state_like(actor), actor.sector)


def _state_like(actor: EventActor) -> bool:
    """A country, or a people or generic side known only by its country ("Iran", "Iranians",
    "Moscow"): no sector, and no name of its own. A named person or party without a sector
    ("Ana Ruiz", "the Green Party") is not its country: two of them are two sides."""
    if not actor.is_country_like:
        return False
    return not actor.entity_id or not actor.text or _names_country(actor.text, actor.country)


@lru_cache(maxsize=1 << 14)
def _names_country(text: str, country: str) -> bool:
    return load_kb().country_of_word(text) == country


def _country_like(side: SideKey) -> bool:
    """See :func:`_state_like`."""
    return side is not None and not side[2] and side[1] is not None


def _side_match(a: SideKey, b: SideKey) -> int:
    """2: the same entity; 1: the same country, one of them not a named entity, or both
    sides unnamed in both reports ("Iran condemned ..."); 0: no."""
    if a is None and b is None:
        return 1
    (ea, ca, _, _), (eb, cb, _, _) = a or (None, None, False, None), b or (None, None, False, None)
    if ea and eb and ea == eb:
        return 2
    if ca and cb and ca == cb and not (ea and eb):
        # an unnamed side of a country agrees with a named one of it when either stands for
        # the state ("Iran" and its minister, "Iranian officials" and a named one), not a
        # bare country against a named person of no office ("the voters" are not "Ana Ruiz")
        named, bare = (a, b) if ea else (b, a)
        if not ea and not eb or _country_like(named) or named[3] in _STATE_SECTORS or (bare is not None and bare[2]):
            return 1
        return 0
    if ca and cb and ca == cb and ea and eb:
        return 1 if _country_like(a) or _country_like(b) else 0
    return 0


def sides_either_way(cameo: str) -> bool:
    return cameo[:2] in SIDES_EITHER_WAY_ROOTS


def actors_agree(r1: EventReading, r2: EventReading) -> bool:
    return _keys_agree(_sides_key(r1), _sides_key(r2), sides_either_way(r1.cameo))


def _sides_agree(a: tuple, b: tuple, either_way: bool) -> bool:
    pairs = [(_side_match(a[0], b[0]), _side_match(a[1], b[1]))]
    if either_way:
        pairs.append((_side_match(a[0], b[1]), _side_match(a[1], b[0])))
    return any(s >= 1 and t >= 1 and max(s, t) == 2 for s, t in pairs)


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
            key, either_way = _sides_key(m), sides_either_way(m.cameo)
            joined = [i for i in candidates if clusters[i].alive
                      and (clusters[i].agrees(key, either_way) or clusters[i].same_dyad(m, key, either_way))
                      and (date is not None or (self._in_window(m, clusters[i])
                                                and all(_on_weekday(m, d) for d in clusters[i].dates)))]
            if joined:
                home = clusters[joined[0]]
                # a report that fits two events bridges them when they agree with each other
                # directly: told apart only by the order they came in, not through a vaguer third
                for other in (clusters[i] for i in joined[1:]):
                    if home.compatible(other, either_way):
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


# How finely a date is known: a month-precision "2016-01-01" stands for all of January.
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _vague(m: EventMention) -> bool:
    return m.date is None or _PRECISION_RANK.get(m.date_precision or "day", 0) >= 2


def _within(m: EventMention, day: str) -> bool:
    """Whether a report's date admits the day: undated, or the same month or year."""
    if m.date is None:
        return True
    width = 7 if m.date_precision == "month" else 4
    return m.date[:width] == day[:width]


def _on_weekday(m: EventMention, day: str) -> bool:
    """Whether a day falls on the weekday an undated report names: "riot police used water
    cannon on Tuesday" in an article with no date joins the dispersal of 7 March 2023 (a
    Tuesday), not the one of the night after."""
    if m.date is not None or m.weekday is None:
        return True
    try:
        return date.fromisoformat(day[:10]).weekday() == m.weekday
    except ValueError:
        return True


def join_in_stories(groups: list[list[EventMention]], story_of: dict[str, str],
                    published: Optional[dict[str, Optional[int]]] = None) -> list[list[EventMention]]:
    """Undated or vaguely dated events join the one day-dated event of their story that they
    agree with (code root and actors, the story standing for the named anchor), when there
    is exactly one in the month before their article: the outlets of one story told one
    event, some without its day. ``published``: article id -> day ordinal of publication.

    Example: "Police detained 133 people over the two nights" (no date, published 9 March
    2023) in a story whose other report dates the detentions to 8 March joins it; the same
    story's detentions of May 2024 are not in that article's month and do not compete. An
    article with no date of its own is placed by the dated events it already shares."""
    day_of = _article_days(groups, published or {})
    dated: dict[tuple, list[int]] = defaultdict(list)  # (story, code) -> groups with a day
    named: dict[tuple, list[int]] = defaultdict(list)  # (entity, code, month) -> groups with a day
    # only built when some report is dated to a month alone: most corpora have none to join
    month_told = any(m.date is not None and m.date_precision == "month" for group in groups for m in group)
    for i, group in enumerate(groups):
        if not all(_vague(m) for m in group):
            for story in {story_of.get(m.article_id) for m in group} - {None}:
                dated[(story, group[0].cameo[:2])].append(i)
            if month_told:
                months = {m.date[:7] for m in group if m.date and not _vague(m)}
                for entity in _entities(group):
                    for month in months:
                        named[(entity, group[0].cameo[:2], month)].append(i)
    merged: dict[int, list[EventMention]] = {}
    gone: set[int] = set()
    for i, group in enumerate(groups):
        if not all(_vague(m) for m in group):
            continue
        either_way = sides_either_way(group[0].cameo)
        candidates = {j for story in {story_of.get(m.article_id) for m in group} - {None}
                      for j in dated.get((story, group[0].cameo[:2]), ())}
        # a month told ("met him in August 2021"), without a story in common: the day-dated
        # event of that month whose named sides are the same entities
        months = {m.date[:7] for m in group if m.date is not None and m.date_precision == "month"}
        told = {j for entity in _entities(group) for month in months
                for j in named.get((entity, group[0].cameo[:2], month), ())} \
            if len(months) == 1 and all(m.date is not None for m in group) else set()
        told = {j for j in told if any(_named_alike(a, b, either_way) for a in group for b in groups[j])}
        fitting = [j for j in sorted(candidates | told)
                   if (j in told or any(_story_sides_agree(a, b, either_way) for a in group for b in groups[j]))
                   and all(_within(m, d.date) and _on_weekday(m, d.date)
                           and (m.date is not None or _before(day_of.get(m.article_id), d.date))
                           for m in group for d in groups[j] if d.date and not _vague(d))]
        if len(fitting) > 1:
            # the same three-digit code decides between them: a story's arrests (173) and its
            # dispersals (175) are both root 17
            codes = {m.cameo[:3] for m in group}
            fitting = [j for j in fitting if codes & {d.cameo[:3] for d in groups[j]}]
        if len(fitting) == 1:
            merged.setdefault(fitting[0], list(groups[fitting[0]])).extend(group)
            gone.add(i)
    return [merged.get(i, group) for i, group in enumerate(groups) if i not in gone]


def _entities(group: list[EventMention]) -> set[str]:
    return {side.entity_id for m in group for side in (m.source, m.target) if side is not None and side.entity_id}


def _named_alike(a: EventReading, b: EventReading, either_way: bool) -> bool:
    """Both sides of two reports are the same named entities, side by side (or either way);
    one side may be unnamed in both ("Georgian Dream withdrew the bill" and "the ruling party
    withdrew a bill in March 2023": the same party, no one named on the other side)."""
    def alike(x, y) -> bool:
        return _same_entity(x, y) or ((x is None or not x.entity_id) and (y is None or not y.entity_id))

    def named_alike(s1, t1, s2, t2) -> bool:
        return alike(s1, s2) and alike(t1, t2) and (_same_entity(s1, s2) or _same_entity(t1, t2))
    if named_alike(a.source, a.target, b.source, b.target):
        return True
    return either_way and named_alike(a.source, a.target, b.target, b.source)


_STORY_WINDOW = 31  # days: an undated report tells of an event of the month before it


def _article_days(groups: list[list[EventMention]], published: dict[str, Optional[int]]) -> dict[str, int]:
    """Each article's day: its publication, else the middle day of the dated events it tells."""
    seen: dict[str, list[int]] = defaultdict(list)
    for group in groups:
        days = [date.fromisoformat(m.date).toordinal() for m in group if m.date and not _vague(m)]
        if days:
            for m in group:
                seen[m.article_id].append(min(days))
    out = {a: d for a, d in published.items() if d is not None}
    for article, days in seen.items():
        if article not in out:
            out[article] = sorted(days)[len(days) // 2]
    return out


def _before(article_day: Optional[int], event_date: str) -> bool:
    if article_day is None:
        return True
    day = date.fromisoformat(event_date).toordinal()
    return article_day - _STORY_WINDOW <= day <= article_day + 1


def _story_sides_agree(a: EventReading, b: EventReading, either_way: bool) -> bool:
    """Two reports' sides agree side by side (or either way), each as :func:`_story_side`
    says; the shared story is the anchor a named entity is elsewhere. A side one report
    leaves unnamed agrees when the other side is the same named entity in both
    ("Ana Ruiz urged the rebel groups" and "Ana Ruiz urged ... to close ranks"), as does a
    side known only by words, with neither a name nor a country ("urged the factions")."""
    def fit(s1, t1, s2, t2) -> bool:
        same_s, same_t = _story_side(s1, s2), _story_side(t1, t2)
        if same_s and same_t:
            return True
        return (same_s and _same_entity(s1, s2) and (_uncoded(t1) or _uncoded(t2) or _role_of(t1, t2))) or \
            (same_t and _same_entity(t1, t2) and (_uncoded(s1) or _uncoded(s2) or _role_of(s1, s2)))
    if fit(a.source, a.target, b.source, b.target):
        return True
    return either_way and fit(a.source, a.target, b.target, b.source)


_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


def _uncoded(side: Optional[EventActor]) -> bool:
    """No side, or one told only by common words ("the factions"), with neither a name nor a
    country: it says nothing of who. A name left uncoded ("Kyrylenko") is someone."""
    if side is None:
        return True
    if side.entity_id or side.country:
        return False
    words = side.text.split()
    return not any(w[:1].isupper() for i, w in enumerate(words) if i or w.lower() not in _DETERMINERS)


_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "these", "those"}


def _role_of(a: Optional[EventActor], b: Optional[EventActor]) -> bool:
    """One side named, the other the unnamed holder of the same kind of office in the same
    country: "Erdogan" and "his Turkish counterpart" (TUR, GOV) told beside the same other side."""
    if a is None or b is None or bool(a.entity_id) == bool(b.entity_id):
        return False
    named, bare = (a, b) if a.entity_id else (b, a)
    return bool(bare.country and bare.sector) and bare.country == named.country and bare.sector == named.sector


def _same_entity(a: Optional[EventActor], b: Optional[EventActor]) -> bool:
    return a is not None and b is not None and bool(a.entity_id) and a.entity_id == b.entity_id


def _story_side(a: Optional[EventActor], b: Optional[EventActor]) -> bool:
    """One side in two reports of a story: the same entity; two unnamed sides of one country
    ("police" and "riot police" in one country); two names of one country, one of them the state
    itself; a state named in one report and left as its bare country in the other. Never a
    named side against an unnamed group ("Luis Vega" is not "Chilean voters", though both
    are Turkish)."""
    if a is None or b is None:
        return a is b
    if _same_entity(a, b):
        return True
    if not a.country or a.country != b.country:
        return False
    if not a.entity_id and not b.entity_id:
        return True
    if a.entity_id and b.entity_id:
        return _state_like(a) or _state_like(b)
    named, bare = (a, b) if a.entity_id else (b, a)
    # "Lima kept Chile informed" and "... kept Chilean officials informed": the
    # state and its unnamed officials, police or troops; "stormed Tacna" and "... the people
    # of Tacna's country": a town the act was done to stands for its country's people
    return _state_like(named) and (not bare.text and not bare.sector or bare.sector in _STATE_SECTORS
                                      or (not bare.sector and _a_place_of(bare)))


def _a_place_of(side: EventActor) -> bool:
    place = load_gazetteer().find(side.text) if side.text else None
    return place is not None and place.country == side.country


def _in_window_of(article_day: Optional[int], dates: set[str]) -> bool:
    return article_day is None or all(_before(article_day, d) for d in dates)


class _Cluster:
    """An event being built: its mentions, their dates and the distinct actor pairs they name."""

    def __init__(self, index: int):
        self.index = index
        self.mentions: list[EventMention] = []
        self.dates: set[str] = set()
        self.sides: dict[tuple, EventMention] = {}  # one report per distinct pair of sides
        self.alive = True
        self.indexed_keys: set[str] = set()  # the entities it is found under in the day index
        self.indexed_dates: set[str] = set()
        self.dyads: dict[str, list[tuple[str, tuple]]] = {}  # dyad key -> (article, sides) of its reports

    def add(self, m: EventMention, key: Optional[tuple] = None) -> None:
        self.mentions.append(m)
        if m.date:
            self.dates.add(m.date)
        key = key or _sides_key(m)
        self.sides.setdefault(key, m)
        if (dyad := _dyad_key(m)) is not None:
            self.dyads.setdefault(dyad, []).append((m.article_id, key))

    def agrees(self, key: tuple, either_way: bool) -> bool:
        return any(_keys_agree(key, other, either_way) for other in self.sides)

    def same_dyad(self, m: EventMention, key: tuple, either_way: bool) -> bool:
        """Another report of the same day, code and pair of countries whose sides do not
        conflict: "Israeli forces stormed the camp" and "an Israeli raid on the camp", told on
        one day by two outlets, name no entity in common but are one assault. Two reports of
        one article are two acts (two officials' condemnations), as are two named people."""
        dyad = _dyad_key(m)  # holds the day: reports under one key are of one date
        return dyad is not None and any(article != m.article_id and _sides_compatible(key, sides, either_way)
                                        for article, sides in self.dyads.get(dyad, ()))

    def compatible(self, other: "_Cluster", either_way: bool) -> bool:
        if self.dates and other.dates and not self.dates & other.dates:
            return False
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
    dyad = _dyad_key(reading)
    return keys + [dyad] if dyad is not None else keys


def _dyad_key(reading: EventReading) -> Optional[str]:
    """"@ISR>PSE:190@2023-06-19" for a report dated to the day with a country on both sides;
    the pair in order unless the code's sides go either way."""
    s, t = reading.source, reading.target
    if not reading.date or (reading.date_precision or "day") != "day" or s is None or t is None \
            or not s.country or not t.country:
        return None
    a, b = (s.country, t.country) if not sides_either_way(reading.cameo) else sorted((s.country, t.country))
    return f"@{a}>{b}:{reading.cameo[:3]}@{reading.date}"


def _sides_compatible(a: tuple, b: tuple, either_way: bool) -> bool:
    """Sides that may be the same actors: each pair at least of one country, never two
    different named entities ("Israel" and "Israeli forces" may be one side; "Ana Ruiz" and
    "Luis Vega" are not)."""
    def fits(x: SideKey, y: SideKey) -> bool:
        return _side_match(x, y) >= 1 and not (x and y and x[0] and y[0] and x[0] != y[0])

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
