"""The country of an entity the knowledge base does not place, from what the article says.

Run after each cluster became a :class:`LocalEntity` (whose country the knowledge-base actor,
the gazetteer or a role's country word gave, when one did). A wrong country is worse than
none, so each rule reads one plain statement of the text:

- persons listed after a count of nationals: "Three Colombians — the novelist Ana Ruiz, the
  commissioner Luis Vega and the journalist Eva Gil — were hurt" (as many names as the count);
- a country word in an organisation's or facility's own name: "Georgian parliament",
  "Russian Defence Ministry", "US Embassy" (never for an IGO: "African Union");
- an organisation named in a person's role: "Kremlin spokesman Ana Ruiz" is Russian, as the
  Kremlin is;
- a name the model tagged a person or organisation that the article also tags a place
  ("KRAMATORSK" in a dateline, "Kramatorsk" later): it is that place; a person or organisation
  of one word, never described, that the knowledge base does not know and the gazetteer holds
  as a town is that town;
- a facility (a street, square, station) in no gazetteer: in the country the article's
  places name most, when one clearly leads ("Rustaveli Avenue" in a story about Tbilisi);
- an institution or office holder named without a country ("the Interior Ministry", "Prime
  Minister Ana Ruiz"): in that country, when its towns lead too (a story about Kramatorsk that
  names Russia more than Ukraine gives no country).
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

from ..kb.names import name_key
from ..kb.role_words import domestic_offices, domestic_organisations, staff_roles
from ..records import LocalEntity
from .local import Cluster, LocalResolver
from .timex import NUMBER_WORDS

_PLACES = ("GPE", "LOC", "FAC")


def fill_countries(entities: list[LocalEntity], resolver: LocalResolver, kb,
                   institutions: frozenset[str] = frozenset(), towns=None,
                   dateline_country: Optional[str] = None) -> None:
    """``towns`` finds a name in the gazetteer (``Gazetteer.find``); ``dateline_country`` is
    the country of the town the article is filed from, one more town of the article's."""
    dateline = Counter([dateline_country] if dateline_country else [])
    by_key = {e.key: e for e in entities}
    for entity in entities:
        if entity.country is None and entity.type in ("ORG", "FAC", "LOC") and entity.sector != "IGO":
            entity.country = _country_in_name(entity, resolver, kb)
    for key, code in _listed_nationals(resolver, kb):
        entity = by_key.get(key)
        if entity is not None and entity.country is None:
            entity.country = code
    places = {}
    for entity in entities:
        if entity.type in ("GPE", "LOC") and entity.country:
            for m in entity.mentions:
                places.setdefault(name_key(m.text), entity)
    for entity in entities:
        if entity.country is None and entity.type in ("PERSON", "ORG"):
            place = _same_name_place(entity, places)
            if place is not None:
                entity.type, entity.country = place.type, place.country
                entity.lat, entity.lon = place.lat, place.lon
    for entity in entities:
        if entity.country is None and entity.type in ("ORG", "PERSON") and entity.actor_id is None:
            place = _town_of(entity, towns)
            # "Kramatorsk" tagged an organisation or a person ("Kramatorsk's mayor"): the town.
            # A person's surname that is also a town is no single-word entity: the full name
            # earlier in the article holds it.
            if place is not None:
                entity.type, entity.country, entity.lat, entity.lon = "GPE", place.country, place.lat, place.lon
    clusters = {c.key: c for c in resolver.clusters}
    for entity in entities:
        if entity.country is None and entity.type == "PERSON" and entity.key in clusters:
            entity.country = _country_of_role_organisation(clusters[entity.key], resolver, by_key, kb)
    main = _main_place_country(entities, dateline)
    # The home country may lead by less than a place's: a war's story names the enemy
    # nearly as often ("Ukraine" 10, "Russia" 8) and is still about the one its towns are in.
    home = _main_place_country(entities, dateline, lead=_HOME_LEAD)
    home = home if home is not None and _towns_allow(entities, home, dateline) else None
    for entity in entities:
        if entity.country is None and entity.type == "FAC" and entity.lat is None and (main or home):
            entity.country = main or home
    for entity in entities:
        if entity.country is None and home and entity.sector != "IGO" and _domestic(entity, clusters, institutions):
            entity.country = home
    for entity in entities:  # again: the organisations may have found their country just now
        if entity.country is None and entity.type == "PERSON" and entity.key in clusters:
            entity.country = _country_of_role_organisation(clusters[entity.key], resolver, by_key, kb)


# The punctuation that opens a list of the people counted: "Three Colombians — A, B and C —",
# "three Colombian citizens were hurt: A, B and C".
_LIST_OPENERS = frozenset({":", "—", "–", "--"})


def _listed_nationals(resolver: LocalResolver, kb) -> list[tuple[str, str]]:
    """(person key, country) for the people a count of nationals lists. The count must match
    the names listed, so a list of other people ("Two Britons were hurt: Ana Ruiz said ...")
    gives nobody a country:

        Three Colombians — the novelist Ana Ruiz, former commissioner Luis Vega and the
        journalist Eva Gil — were lightly hurt.        -> Ruiz, Vega, Gil: COL
    """
    found = []
    doc = resolver.doc
    for ent in doc.ents:
        if ent.label_ != "NORP" or not (code := kb.country_of_word(ent.text)):
            continue
        counted = ent.root
        if counted.dep_ in ("amod", "compound") and counted.head.tag_ == "NNS":
            counted = counted.head  # "three Colombian citizens"
        elif counted.tag_ not in ("NNS", "NNPS"):
            continue  # "Colombian" alone counts nobody
        number = next((_number(t) for t in counted.children if t.dep_ == "nummod"), None)
        if not number or number < 2:
            continue
        sentence_end = counted.sent.end
        opener = next((t.i for t in doc[counted.i + 1:min(counted.i + 7, sentence_end)]
                       if t.text in _LIST_OPENERS), None)
        if opener is None:
            continue
        listed: list[Cluster] = []
        for token in doc[opener + 1:sentence_end]:
            if token.text in _LIST_OPENERS:
                break  # the dash that closes the list
            other = resolver.by_token.get(token.i)
            if other is not None and other.type == "PERSON" and token.ent_type_ == "PERSON" \
                    and other not in listed:
                listed.append(other)
        if len(listed) == number:
            found.extend((c.key, code) for c in listed)
    return found


def _number(token) -> Optional[int]:
    text = token.lower_
    return int(text) if text.isdigit() else NUMBER_WORDS.get(text)


def _country_in_name(entity: LocalEntity, resolver: LocalResolver, kb) -> Optional[str]:
    """The one country its name's words, or the country owning it, name: "Ethiopian army" ->
    ETH, "Russia's Defence Ministry" (the model tagging "Defence Ministry") -> RUS; none for two."""
    codes = set()
    for m in entity.mentions:
        if m.kind != "name":
            continue
        for word in m.text.replace("’s", "").replace("'s", "").split():
            if word[:1].isupper() and (code := kb.country_of_word(word.strip(",.()"))):
                codes.add(code)
        span = resolver.doc.char_span(m.start, m.end, alignment_mode="expand")
        for child in span.root.children if span is not None else ():
            if child.dep_ == "poss" and child.i < span.start and child.ent_type_ in ("GPE", "NORP") \
                    and (code := kb.country_of_word(child.text)):
                codes.add(code)
    return next(iter(codes)) if len(codes) == 1 else None


def _same_name_place(entity: LocalEntity, places: dict) -> Optional[LocalEntity]:
    names = {name_key(m.text) for m in entity.mentions if m.kind == "name"}
    if any(m.kind != "name" for m in entity.mentions) or len(names) != 1:
        return None  # a person described or referred to is no place
    (name,) = names
    place = places.get(name)
    return place if place is not None and place is not entity and len(name.split()) <= 2 else None


def _town_of(entity: LocalEntity, towns):
    """The town an entity of one name of one word is, when it names nothing else: every
    mention a name, no role, no description."""
    names = {m.text for m in entity.mentions}
    if towns is None or len(names) != 1 or any(m.kind != "name" for m in entity.mentions):
        return None
    (name,) = names
    return towns(name) if len(name.split()) == 1 and name[:1].isupper() else None


def _country_of_role_organisation(cluster: Cluster, resolver: LocalResolver,
                                  by_key: dict[str, LocalEntity], kb) -> Optional[str]:
    """The one country of the organisations (or their seats: "White House") a person's roles
    name as theirs: "Kremlin spokesman", "spokesman of the Kremlin", but not the "Colombia" of
    "ambassador to Colombia"."""
    codes = set()
    for m in cluster.mentions:
        if m.kind != "role":
            continue
        span = resolver.doc.char_span(m.start, m.end, alignment_mode="expand")
        for token in span or ():
            other = resolver.by_token.get(token.i)
            if other is None or other is cluster or other.type == "NORP" or not _owned_by_the_role(token, span):
                continue
            holder = by_key.get(other.key)
            if other.type == "PERSON" and holder is not None and holder.country and token.dep_ == "poss" \
                    and token.head.i == span.root.i and span.root.lemma_.lower() in staff_roles():
                code = holder.country  # "Ana Ruiz's deputy" serves her country; not "her counterpart"
            else:
                code = _country_of_cluster(other, by_key, kb)
            if code:
                codes.add(code)
    for m in cluster.mentions:
        if m.kind == "name":
            for other in _organisations_of_name(resolver, m):
                if other is not cluster and (code := _country_of_cluster(other, by_key, kb)):
                    codes.add(code)
    return next(iter(codes)) if len(codes) == 1 else None


# Verbs of a relative clause that make a person an organisation's: "who leads the party".
_LEADS = frozenset({"lead", "head", "chair", "found", "run", "command"})


def _organisations_of_name(resolver: LocalResolver, mention) -> list[Cluster]:
    """The organisations a person's name is said to belong to: "Ana Ruiz of the Justice Party",
    "Ana Ruiz, who leads the Justice Party faction", "Ana Ruiz, whose Justice Party ...".
    """
    span = resolver.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return []
    found = []
    for child in span.root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [t for t in child.children if t.dep_ == "pobj"]
        elif child.dep_ == "relcl" and (child.lemma_.lower() in _LEADS
                                         or any(t.lower_ == "whose" for t in child.subtree)):
            objects = [t for t in child.children if t.dep_ in ("dobj", "nsubj")]
        else:
            continue
        for obj in objects:
            for token in obj.subtree:
                other = resolver.by_token.get(token.i)
                if other is None or other in found:
                    continue
                # A country or nationality counts as the object itself or its modifier ("Ana
                # Ruiz of Chile", "who leads the Georgian Dream faction"), not deeper down
                # ("who leads the fight against Russia").
                if other.type == "ORG" or (other.type in ("GPE", "NORP") and _modifies(token, obj)):
                    found.append(other)
    return found


def _modifies(token, obj) -> bool:
    """The token is ``obj`` or modifies it through a chain of compounds, adjectives, possessives."""
    while token.i != obj.i:
        if token.dep_ not in ("compound", "amod", "poss") or token.head.i == token.i:
            return False
        token = token.head
    return True


def _owned_by_the_role(token, span) -> bool:
    """No preposition but "of" between the token and the role's head."""
    while token.i != span.root.i and span.start <= token.head.i < span.end and token.head.i != token.i:
        token = token.head
        if token.dep_ == "prep" and token.lower_ != "of":
            return False
    return True


def _country_of_cluster(cluster: Cluster, by_key: dict[str, LocalEntity], kb) -> Optional[str]:
    entity = by_key.get(cluster.key)
    if entity is not None and entity.sector == "IGO":
        return None
    if entity is not None and entity.country and entity.type != "PERSON":  # a place the model called a person
        return entity.country
    actors = {a.id: a for n in cluster.names for a in kb.find(n) if a.type != "PERSON"}
    if len(actors) == 1:
        (actor,) = actors.values()
        return actor.country if actor.sector != "IGO" else None
    return None


_HOME_LEAD = 1.25


def _towns_allow(entities: list[LocalEntity], home: str, dateline: Counter) -> bool:
    """Whether the article's towns (its dateline's among them) agree with ``home``: it has as
    many as any other country's (a tie, "Tbilisi" and "Moscow" once each, does not speak
    against it)."""
    counts = _place_counts(entities, towns_only=True) + dateline
    return counts.get(home, 0) > 0 and counts[home] >= max(counts.values())


def _place_counts(entities: list[LocalEntity], towns_only: bool) -> Counter:
    counts = Counter()
    kinds = ("GPE", "LOC") if towns_only else ("GPE", "LOC", "NORP")  # "Russian forces" counts for Russia
    for e in entities:
        if e.type in kinds and e.country and (e.lat is not None or not towns_only):
            counts[e.country] += sum(1 for m in e.mentions if m.kind == "name")
    return counts


def _main_place_country(entities: list[LocalEntity], dateline: Counter, lead: float = 1.5) -> Optional[str]:
    """The country the article's places, nationalities and dateline name most, if it leads
    the next by ``lead`` (half again): "TBILISI — Georgia ... Washington" is Georgia."""
    top = (_place_counts(entities, towns_only=False) + dateline).most_common(2)
    if not top or top[0][1] < 2 or (len(top) > 1 and top[0][1] < lead * top[1][1]):
        return None
    return top[0][0]


def _domestic(entity: LocalEntity, clusters: dict[str, Cluster], institutions: frozenset[str]) -> bool:
    """An institution named without its country ("the Interior Ministry") or an office holder
    named without one ("Prime Minister Ana Ruiz") is of the country the article is about: a
    foreign one news qualifies ("Russia's defence ministry", "the US envoy"). Asked only when
    the towns and the places of the article agree on one leading country."""
    if entity.type == "ORG":
        words = institutions | domestic_organisations()
        return any(w in words for m in entity.mentions if m.kind == "name" for w in m.text.lower().split())
    cluster = clusters.get(entity.key)
    return entity.type == "PERSON" and cluster is not None and bool(cluster.role_words & domestic_offices())
