"""How fusion compares two reports' sides and dates: the same entity, the same country
(one of them standing for the state), either order for symmetric codes; and how finely a
date is known, the weekday an undated report names, the month before an article.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Optional

from ..kb import load_kb
from ..kb.cameo import SIDES_EITHER_WAY_ROOTS
from ..records import EventActor, EventMention

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
        # (unnamed officials, police or troops may be the named one's office, as may a group
        # of the same kind: "Hamas fighters", REB, and Hamas; "voters", CVL, are not the party
        # leader Akşener, of no sector)
        if not ea and not eb or _country_like(named) or named[3] in _STATE_SECTORS or (
                bare is not None and bare[2] and bare[3] is not None
                and (bare[3] in _STATE_SECTORS or bare[3] == named[3])):
            return 1
        return 0
    if ca and cb and ca == cb and ea and eb:
        return 1 if _country_like(a) or _country_like(b) else 0
    return 0


def sides_either_way(cameo: str) -> bool:
    return cameo[:2] in SIDES_EITHER_WAY_ROOTS


def either_way_of(m: EventMention) -> bool:
    """Whether a report's sides may be read in either order: a symmetric code, or a joint act
    whose parties the sentence coordinates ("Saudi Arabia and Iran agreed to restore ties" is
    told SAU>IRN by one outlet and "Iran's Shamkhani and his Saudi counterpart agreed" IRN>SAU
    by another)."""
    return sides_either_way(m.cameo) or "joint" in (m.flags or ())


def either_way_between(a: EventMention, b: EventMention) -> bool:
    """Whether two reports' sides may meet in either order: a symmetric code, or one act
    (the same three-digit code) that either tells as a joint one."""
    return sides_either_way(a.cameo) or (
        a.cameo[:3] == b.cameo[:3] and (either_way_of(a) or either_way_of(b)))


def _sides_agree(a: tuple, b: tuple, either_way: bool) -> bool:
    pairs = [(_side_match(a[0], b[0]), _side_match(a[1], b[1]))]
    if either_way:
        pairs.append((_side_match(a[0], b[1]), _side_match(a[1], b[0])))
    return any(s >= 1 and t >= 1 and max(s, t) == 2 for s, t in pairs)


# How finely a date is known: a month-precision "2016-01-01" stands for all of January.
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _vague(m: EventMention) -> bool:
    return m.date is None or _PRECISION_RANK.get(m.date_precision or "day", 0) >= 2


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


_STORY_WINDOW = 31  # days: an undated report tells of an event of the month before it


def _before(article_day: Optional[int], event_date: str) -> bool:
    if article_day is None:
        return True
    day = date.fromisoformat(event_date).toordinal()
    return article_day - _STORY_WINDOW <= day <= article_day + 1


_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


def _same_entity(a: Optional[EventActor], b: Optional[EventActor]) -> bool:
    return a is not None and b is not None and bool(a.entity_id) and a.entity_id == b.entity_id


def _in_window_of(article_day: Optional[int], dates: set[str]) -> bool:
    return article_day is None or all(_before(article_day, d) for d in dates)
