"""Definite descriptions of organisations: "the movement", "the bloc", "Ukraine's security service".

A description names no organisation; news uses one for an organisation already named. Its
head noun says what kind it may be (data/role_words.toml, ``kb.role_words.org_descriptions``):
an organisation whose name holds a fitting word ("the ministry" -> "Interior Ministry"), or
whose knowledge-base sector fits ("the bloc" -> the European Union, IGO), or, for a generic
head ("the group", "the movement"), any organisation that is no institution. A country among
the modifiers ("the Palestinian group", "Ukraine's security service") must not contradict the
organisation's. Of the organisations named before it that fit, a generic description goes
to the one the article has named most so far (the organisation the article is about), the
latest on a tie: in "Hamas ... Hamas ... the Islamic Jihad movement ... the movement said",
Hamas. A specific one goes to the latest of its kind: in "the African Union ... the African
Union ... the EU said ... the bloc added", the EU.
"""
from __future__ import annotations

from typing import Mapping, Optional

from ..kb.names import name_key
from ..kb.role_words import OrgDescription
from .local import Cluster, LocalResolver

_DEFINITE = {"the", "its", "their", "this", "that"}


def add_org_descriptions(resolver: LocalResolver, descriptions: Mapping[str, OrgDescription],
                         institution_words: frozenset[str]) -> None:
    doc = resolver.doc
    named = sorted(((m.start, i) for i, c in enumerate(resolver.clusters) if c.type == "ORG"
                    for m in c.mentions if m.kind == "name"))
    counts: dict[int, int] = {}
    latest: dict[int, int] = {}
    read = 0
    for token in doc:
        while read < len(named) and named[read][0] < token.idx:
            start, position = named[read]
            counts[position] = counts.get(position, 0) + 1
            latest[position] = start
            read += 1
        spec = descriptions.get(token.lemma_.lower())
        owner = resolver.by_token.get(token.i)
        if spec is None or token.pos_ != "NOUN" or token.ent_type_ or (owner is not None and owner.type != "PERSON"):
            continue  # inside a person's role it may still describe: "the movement's spokesman"
        span = _description(doc, token)
        if span is None:
            continue
        countries = {c for c in (resolver.country_of(t.text) for t in span if t.i != token.i) if c}
        best: Optional[tuple] = None
        for position, count in counts.items():
            cluster = resolver.clusters[position]
            fit = _fit(cluster, spec, institution_words)
            if not fit or (countries and cluster.countries and not countries & set(cluster.countries)):
                continue
            rank = (fit, count, latest[position]) if spec.generic else (fit, latest[position])
            if best is None or rank > best[0]:
                best = (rank, cluster)
        if best is None:
            best = _named_next(resolver, named[read:], token, spec, countries, institution_words)
        if best is not None:
            resolver._mention(best[1], span.start_char, span.end_char, span.text, "role", span)


_AHEAD = 2  # sentences after a description's own in which its organisation may first be named


def _named_next(resolver: LocalResolver, later: list[tuple[int, int]], head, spec: OrgDescription,
                countries: set[str], institution_words: frozenset[str]) -> Optional[tuple]:
    """The first fitting organisation named in the next sentences, for a description that
    none named before it fits: a lead describes what the body then names. In "Georgia's
    ruling party said on Thursday it would withdraw the bill. Georgian Dream and People's
    Power ... said in a joint statement", the ruling party is Georgian Dream."""
    doc, sent = resolver.doc, head.sent
    for _ in range(_AHEAD):  # by the sentence after each, not a list of all: once per description
        if sent.end >= len(doc):
            break
        sent = doc[sent.end].sent
    end = sent.end_char
    for start, position in later:
        if start >= end:
            break
        cluster = resolver.clusters[position]
        if _fit(cluster, spec, institution_words) and not (
                countries and cluster.countries and not countries & set(cluster.countries)):
            return (None, cluster)
    return None


def _description(doc, head):
    """The definite noun phrase ending at ``head``, or None: "the ruling party", "Georgia's
    ruling party", but not "a group of lawmakers" nor "the Hamas movement" (a name)."""
    start = head.left_edge.i
    span = doc[start:head.i + 1]
    if any(t.ent_type_ in ("ORG", "PERSON", "FAC") for t in span):
        return None
    if any(t.pos_ == "PROPN" and t.i != head.i and not t.ent_type_ for t in span):
        return None  # "the governing Georgian Dream party": a name the model missed
    definite = doc[start].lower_ in _DEFINITE or any(c.dep_ == "poss" for c in head.children)
    return span if definite else None


def _fit(cluster: Cluster, spec: OrgDescription, institution_words: frozenset[str]) -> int:
    """2: its name or sector fits the head noun; 1: a generic head and no institution; 0: no."""
    words = {w for n in cluster.names for w in name_key(n).split()}
    if words & spec.name_words or (cluster.kb_sector and cluster.kb_sector in spec.sectors):
        return 2
    if spec.generic and not words & institution_words and cluster.kb_sector not in ("GOV", "IGO", "MED", "MIL"):
        return 1
    return 0
