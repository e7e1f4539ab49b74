"""Countries for the sides of an event that the text leaves unnamed, as event data codes
them: a state's own people at home, the place of a protest or an act of force, the
country an untargeted event happens in."""
from __future__ import annotations

from typing import Optional

from ..records import EventActor
from .lexicon import word_set


def uncoded(actors: list) -> bool:
    return actors == [None] or all(a is not None and not a.country and not a.key for a in actors)


def infer_sides(sources: list, targets: list, root: str, named: Optional[dict],
                 home: Optional[dict]) -> tuple[list, list, list[str]]:
    """``home``: the article's country (its dateline's, else the one it names most).
    Country for sides that have none, as event data codes them (see the two root sets);
    free text keeps its words and gains the country ("masked protesters" [GRC])."""
    flags: list[str] = []
    if home and home.get("country"):
        # "the authorities", "riot police": a state's own people, unnamed, are the home state's
        homed = [_at_home(a, home["country"]) for a in sources]
        if any(a is not b for a, b in zip(homed, sources)):
            sources, flags = homed, flags + ["source_home"]
        homed = [_at_home(a, home["country"]) for a in targets]
        if any(a is not b for a, b in zip(homed, targets)):
            targets, flags = homed, flags + ["target_home"]
    if uncoded(targets):
        inferred = _inferred_target(named, home, sources, root)
        if inferred is not None:
            targets = [EventActor(t.text, inferred.country, t.sector) if t is not None else inferred
                       for t in targets]
            flags.append("target_inferred")
    if root in _UNNAMED_AUTHOR_ROOTS and uncoded(sources):
        # "students in Jakarta staged demonstrations", "a roadside bomb killed ..."
        where = named or home
        if not (where and where.get("country")) and root == "14":
            # protesters whose country is not said protest their own government
            known = next((t.country for t in targets if t is not None and t.country), None)
            where = {"name": None, "country": known} if known else None
        if where and where.get("country"):
            sources = [EventActor(x.text, where["country"], x.sector) if x is not None
                       else EventActor("", where["country"], None) for x in sources]
            flags.append("source_inferred")
    return sources, targets, flags


# Sectors of a state's own people: the police, the army, the government, the courts.
_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


def _at_home(actor: Optional[EventActor], home: str) -> Optional[EventActor]:
    if actor is None or actor.country or actor.key:
        return actor
    if actor.sector not in _STATE_SECTORS and actor.text.lower() not in word_set("home_people"):
        return actor
    return EventActor(actor.text, home, actor.sector)


# Roots whose events act on a population even when no one is named: yielding (a curfew
# lifted, a resignation), refusals, protests, force postures, repression, violence. Their
# unnamed target is the people where it happens.
_DOMESTIC_ROOTS = {"08", "12", "14", "15", "17", "18", "19", "20"}
# Roots whose unnamed authors are coded by place: protest, force and violence
# ("a roadside bomb killed ...", "students in Jakarta marched").
_UNNAMED_AUTHOR_ROOTS = {"14", "15", "17", "18", "19", "20"}


def _inferred_target(named: Optional[dict], dateline: Optional[dict], sources: list,
                     root: str) -> Optional[EventActor]:
    """The country an untargeted event happens in, as coders of event data record it: the
    place the sentence names; for protest and violence also the dateline's place, else the
    source's own country."""
    place = named or (dateline if root in _DOMESTIC_ROOTS else None)
    if place and place.get("country"):
        return EventActor("", place["country"], None)  # unnamed: no words, only the country
    if root in _DOMESTIC_ROOTS:
        country = next((s.country for s in sources if s is not None and s.country), None)
        if country:
            return EventActor("", country, None)
    return None
