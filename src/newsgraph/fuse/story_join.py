"""Events of one story: undated or vaguely dated reports join the day-dated event of their
story (or of the month they name) that they agree with, as :func:`join_in_stories` says.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Optional

from ..kb.gazetteer import load_gazetteer
from ..records import EventActor, EventMention, EventReading
from .sides import _STATE_SECTORS, _before, _on_weekday, _same_entity, _state_like, _vague, either_way_between

def _within(m: EventMention, day: str) -> bool:
    """Whether a report's date admits the day: undated, or the same month or year."""
    if m.date is None:
        return True
    width = 7 if m.date_precision == "month" else 4
    return m.date[:width] == day[:width]


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
    groups = _join_same_day(groups, story_of)
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
    roots = _Roots(len(groups))  # a dated event merged into another -> that one
    for i, group in enumerate(groups):
        if not all(_vague(m) for m in group):
            continue
        candidates = {j for story in {story_of.get(m.article_id) for m in group} - {None}
                      for j in dated.get((story, group[0].cameo[:2]), ())}
        # a month told ("met him in August 2021"), without a story in common: the day-dated
        # event of that month whose named sides are the same entities
        months = {m.date[:7] for m in group if m.date is not None and m.date_precision == "month"}
        told = {j for entity in _entities(group) for month in months
                for j in named.get((entity, group[0].cameo[:2], month), ())} \
            if len(months) == 1 and all(m.date is not None for m in group) else set()
        told = {j for j in told if any(_named_alike(a, b, either_way_between(a, b))
                                       for a in group for b in groups[j])}
        fitting = [j for j in sorted(candidates | told)
                   if (j in told or any(_story_sides_agree(a, b, either_way_between(a, b))
                                        for a in group for b in groups[j]))
                   and all(_within(m, d.date) and _on_weekday(m, d.date)
                           and (m.date is not None or _before(day_of.get(m.article_id), d.date))
                           for m in group for d in groups[j] if d.date and not _vague(d))]
        codes = {m.cameo[:3] for m in group}
        if len(fitting) > 1 or group[0].cameo[:2] in _DISTINCT_SUBCODES:
            # the same three-digit code decides between them: a story's arrests (173) and its
            # dispersals (175) are both root 17; and an intent is to one thing: "the foreign
            # ministers are to meet" (036) is not the agreement to restore ties (032)
            fitting = [j for j in fitting if codes & {d.cameo[:3] for d in groups[j]}]
        if len(fitting) > 1:
            # then the one that names the same entities: "Khamenei praised the youth" joins
            # Khamenei's praise, not the same article's "Iran would keep supporting them"
            shared = {j: max(_same_entity(a.source, b.source) + _same_entity(a.target, b.target)
                             for a in group for b in groups[j]) for j in fitting}
            top = max(shared.values())
            fitting = [j for j in fitting if shared[j] == top]
        fitting = sorted({roots.find(j) for j in fitting})
        if len(fitting) > 1 and _told_twice([groups[j] for j in fitting]):
            # "Police in Peru fired water cannon at thousands of protesters" in the lead and
            # "... police used water cannon" further down, both of Tuesday: one outlet telling
            # one event twice, which the other outlet's undated report fits as one
            home = fitting[0]
            for j in fitting[1:]:
                merged.setdefault(home, list(groups[home])).extend(merged.pop(j, groups[j]))
                gone.add(j)
                roots.join(home, j)
            fitting = [home]
        if len(fitting) == 1:
            merged.setdefault(fitting[0], list(groups[fitting[0]])).extend(group)
            gone.add(i)
    return [merged.get(i, group) for i, group in enumerate(groups) if i not in gone]


def _told_twice(candidates: list[list[EventMention]]) -> bool:
    """Events all told by one article, of one day and one three-digit code, at no two
    different places: that article's reports of one event."""
    mentions = [m for group in candidates for m in group]
    places = {(m.place or {}).get("name") for m in mentions} - {None}
    return len({m.article_id for m in mentions}) == 1 and len({m.date for m in mentions}) == 1 \
        and len({m.cameo[:3] for m in mentions}) == 1 and len(places) <= 1 \
        and all(m.date and not _vague(m) for m in mentions)


def _join_same_day(groups: list[list[EventMention]], story_of: dict[str, str]) -> list[list[EventMention]]:
    """Events of one story, day and three-digit code, told by other outlets, whose sides agree
    as a story's do (:func:`_story_sides_agree`) around the same named entity: one outlet's
    "the minister praised the courage shown by the young" (no target) and another's "Ana
    Ruiz ... praised the student protesters", both of 21 June. Reports of one
    article stay apart: one outlet telling two such acts tells two."""
    groups = list(groups)  # merged groups replace their members here, not in the caller's list
    keyed: dict[tuple, list[int]] = defaultdict(list)
    for i, group in enumerate(groups):
        days = {m.date for m in group if m.date and not _vague(m)}
        for story in {story_of.get(m.article_id) for m in group} - {None}:
            for day in days:
                for code in {m.cameo[:3] for m in group}:
                    keyed[(story, day, code)].append(i)
    roots = _Roots(len(groups))
    for members in keyed.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                a, b = roots.find(i), roots.find(j)
                if a == b:
                    continue
                if {m.article_id for m in groups[a]} & {m.article_id for m in groups[b]}:
                    continue
                if any(_story_sides_agree(p, q, either_way_between(p, q))
                       and (_same_entity(p.source, q.source) or _same_entity(p.target, q.target))
                       for p in groups[a] for q in groups[b]):
                    roots.join(a, b)
                    groups[a] = groups[a] + groups[b]
    return [group for i, group in enumerate(groups) if roots.find(i) == i]


class _Roots:
    """Which event each merged one went into (a union-find over group indexes)."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, home: int, other: int) -> None:
        """``other`` (a root) goes into ``home`` (a root)."""
        self.parent[other] = home


_DISTINCT_SUBCODES = {"03"}  # roots whose three-digit codes are different acts, never one event


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
