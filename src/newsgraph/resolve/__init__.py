"""Stage 4, resolve: mentions, entities, quotes and times of one parsed article.

Public entry: :func:`resolve_article`, a pure function of the article, its
spaCy Doc, the actor knowledge base, the reporting verbs and the quotes the nlp
stage found in the Doc (the per-article driver, ``newsgraph.analyze``, passes them:
no stage imports another).
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from ..kb.gazetteer import load_gazetteer
from ..kb.names import is_acronym, name_key
from ..kb.titles import forms_of_address
from ..records import Article, ArticleAnalysis, LocalEntity, QuoteSpan
from ..kb.role_words import (institution_heads, institution_qualifiers, institution_words, mission_heads,
                              org_descriptions)
from .countries import fill_countries
from .descriptions import add_org_descriptions
from .institutions import add_institutions, name_institutions
from .local import Cluster, LocalResolver
from .timex import find_times


def resolve_article(article: Article, doc, kb, verbs: frozenset[str], quotes: list[QuoteSpan]) -> ArticleAnalysis:
    """Entities, quotes and times of one article. ``quotes`` are the nlp stage's quotes of
    ``doc`` (``newsgraph.nlp.extract_quotes``); their speakers are resolved here, in place."""
    resolver = LocalResolver(doc, kb.country_of_word, _town_country)
    resolver.add_names()

    home = _home_country(article, doc, kb)

    named: Optional[dict] = None  # id(actor) -> the first cluster naming it, at the first holder asked

    def holder_of(phrase: str, country: Optional[str], res: LocalResolver) -> Optional[Cluster]:
        actor = kb.holder_of(phrase, country, article.published)
        if actor is None and country is None and home:
            # "the president" in a Tehran paper is Iran's; a bare title takes the article's country.
            actor = kb.holder_of(phrase, home, article.published)
        if actor is None:
            return None
        nonlocal named
        if named is None:
            # Which cluster first names each known actor, filed once: names do not change
            # while roles are read, and a scan per role phrase made long articles quadratic.
            named = {}
            for cluster in res.clusters:
                for name in res.distinct_names(cluster):
                    if (known := _actor_of(kb, name)) is not None:
                        named.setdefault(id(known), cluster)
        if id(actor) in named:
            return named[id(actor)]
        cluster = Cluster(f"e{len(res.clusters) + 1}", "PERSON", actor=actor,
                          countries=[actor.country] if actor.country else [])
        res.clusters.append(cluster)
        return cluster

    _parent_organisations(resolver, kb)
    name_institutions(resolver, kb, institution_heads(), institution_qualifiers())
    add_institutions(resolver, kb, institution_heads(), institution_qualifiers(), mission_heads())
    _known_actors(resolver, kb, article.published)
    resolver.add_roles(holder_of)
    add_org_descriptions(resolver, org_descriptions(), institution_words())
    resolver.quoted = [(q.start, q.end) for q in quotes if q.kind == "direct"]
    resolver.add_pronouns()
    statement_source: Optional[QuoteSpan] = None
    speaking_bodies = institution_words() | frozenset(org_descriptions())
    for quote in quotes:
        _attach_speaker(quote, resolver, statement_source, doc, speaking_bodies)
        if quote.speaker_text and quote.speaker_text.lower() not in _INHERITING \
                and _said_by(quote, doc, verbs) \
                and _STATEMENT_WORDS & set(re.findall(r"[a-z]+", _sentence_of(doc, quote).lower())):
            statement_source = quote
    date_spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    times = find_times(article.text, article.published, date_spans)
    entities = [_entity(cluster, kb, article.published) for cluster in resolver.clusters if cluster.mentions]
    fill_countries(entities, resolver, kb, institution_words(), load_gazetteer().find,
                   _town_country(article.dateline) if article.dateline else None)
    return ArticleAnalysis(article.id, entities, quotes, times)


# Speakers that stand for the source of the statement quoted just before them: "the
# lawmakers said in a statement ... It added ..." makes the lawmakers speak again.
_INHERITING = {"it", "the statement", "the report", "the communique", "the letter", "the declaration"}
_STATEMENT_WORDS = {"statement", "communique", "report", "letter", "declaration"}


def _said_by(quote: QuoteSpan, doc, verbs: frozenset[str]) -> bool:
    """Whether the quote's cue is a verb of saying (not "criticized", "attacks on")."""
    if quote.cue_start is None:
        return False
    span = doc.char_span(quote.cue_start, quote.cue_start + 1, alignment_mode="expand")
    return span is not None and span.root.lemma_.lower() in verbs


def _sentence_of(doc, quote: QuoteSpan) -> str:
    anchor = quote.speaker_start if quote.speaker_start is not None else quote.start
    span = doc.char_span(anchor, anchor + 1, alignment_mode="expand")
    return span.sent.text if span is not None else ""


def _organisation_before(quote: QuoteSpan, resolver: LocalResolver, doc, organisation_words: frozenset[str]):
    """The organisation an "it" that speaks stands for: the subject of the sentence before,
    when that is an organisation, a place or an institution's noun. Worked example: "The
    embassy in Oslo went further. 'A dark day,' it said." -> (the span "The embassy", its
    cluster or None). A statement ("The statement gave no ground. '...', it said") is not
    one: the statement's source speaks, as _INHERITING says."""
    anchor = doc.char_span(quote.speaker_start, quote.speaker_end, alignment_mode="expand")
    if anchor is None or anchor.sent.start == 0:
        return None
    before = doc[anchor.sent.start - 1].sent
    for token in before:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.head.dep_ != "ROOT" or token.pos_ == "PRON":
            continue
        phrase = doc[token.left_edge.i:token.i + 1]
        cluster = resolver.cluster_at(phrase.start_char, phrase.end_char)
        if cluster is not None and cluster.type == "PERSON":
            return None
        if (cluster is not None and cluster.type in ("ORG", "GPE", "NORP")) \
                or token.lemma_.lower() in organisation_words:
            return phrase, cluster
        return None
    return None


def _attach_speaker(quote: QuoteSpan, resolver: LocalResolver, previous: Optional[QuoteSpan], doc,
                    organisation_words: frozenset[str] = frozenset()) -> None:
    if quote.speaker_start is None or quote.speaker_end is None:
        return
    text = (quote.speaker_text or "").lower()
    if text == "it" and (found := _organisation_before(quote, resolver, doc, organisation_words)) is not None:
        span, cluster = found
        quote.speaker_text, quote.speaker_start, quote.speaker_end = span.text, span.start_char, span.end_char
        quote.speaker_key = cluster.key if cluster is not None else None
        return
    if text in _INHERITING and previous is not None:
        # "the lawmakers said in a statement ... It added, ...": the statement's authors speak.
        quote.speaker_text, quote.speaker_start, quote.speaker_end = (
            previous.speaker_text, previous.speaker_start, previous.speaker_end)
        quote.speaker_key = previous.speaker_key
        return
    span = resolver.role_span_at(quote.speaker_start)
    if span is not None:
        # The speaker is a role: name it in full ("Secretary-General of the ...").
        quote.speaker_text = span.text
        quote.speaker_start, quote.speaker_end = span.start_char, span.end_char
    cluster = resolver.cluster_at(quote.speaker_start, quote.speaker_end)
    if cluster is None and text in ("he", "she", "his", "her"):
        cluster = resolver.antecedent(quote.speaker_start)
    if cluster is not None:
        quote.speaker_key = cluster.key


def _town_country(name: str) -> Optional[str]:
    place = load_gazetteer().find(name)
    return place.country if place is not None else None


def _home_country(article: Article, doc, kb) -> Optional[str]:
    """The country an article is written from: its dateline, else the one it names most."""
    if article.dateline:
        code = kb.country_of_word(article.dateline)
        if code:
            return code
    counts = Counter(code for ent in doc.ents if ent.label_ in ("GPE", "NORP")
                     for code in [kb.country_of_word(ent.text)] if code)
    return counts.most_common(1)[0][0] if counts else None


_ORGANS = {"political", "military", "bureau", "wing", "council", "office", "brigades", "command",
           "committee", "leadership", "spokesman", "media", "press", "department"}


def _parent_organisations(resolver: LocalResolver, kb) -> None:
    """"Hamas Political Bureau" also mentions Hamas: the organisation an organ belongs to."""
    from ..records import Mention

    for cluster in list(resolver.clusters):
        if cluster.type != "ORG":
            continue
        for mention in list(cluster.mentions):
            words = mention.text.split()
            for cut in range(len(words) - 1, 0, -1):
                head, rest = " ".join(words[:cut]), words[cut:]
                if not all(w.lower().strip("'’s") in _ORGANS for w in rest):
                    continue
                actors = [a for a in kb.find(head) if a.type == "ORG"]
                if actors:
                    parent = Mention(mention.start, mention.start + len(head), head, "name", "ORG")
                    resolver.add_name(resolver.cluster_for_mention(parent), parent)
                    break


def _known_actors(resolver: LocalResolver, kb, day) -> None:
    """What the knowledge base knows of a named entity, for the descriptions that follow: its
    country, sector and CAMEO code, and a person's titles then ("the president" is Raisi in
    2023 whether or not the article called him so)."""
    for cluster in resolver.clusters:
        if cluster.type not in ("PERSON", "ORG") or cluster.actor is not None:
            continue
        actor = _cluster_actor(kb, cluster)
        if actor is None:
            continue
        cluster.kb_sector, cluster.kb_cameo = actor.sector, actor.cameo
        if actor.country:
            cluster.countries.append(actor.country)
        if cluster.type == "PERSON":
            for role in actor.roles:
                if role.title and (day is None or role.active_on(str(day)[:10])):
                    cluster.role_words |= set(role.title.lower().replace("-", " ").split())


def _cluster_actor(kb, cluster: Cluster):
    for name in sorted(dict.fromkeys(cluster.names), key=lambda n: -len(n)):
        actor = _actor_of(kb, name, cluster.type) or _actor_of(kb, _without_honorifics(name), cluster.type)
        if actor is not None:
            return actor
    if cluster.type == "PERSON":
        # "President Mugabe", with no fuller name in the article: the one person of that surname
        bare = [[w for w in n.split() if w.lower() not in _FORMS_OF_ADDRESS and not w[:1].islower()
                 and not kb.sector_of_role(w)] for n in cluster.names]
        if bare and all(len(words) == 1 for words in bare) and len({words[0] for words in bare}) == 1:
            return kb.find_surname(bare[0][0])
    return None


_ACTOR_TYPES = {"PERSON": {"PERSON"}, "ORG": {"ORG"}, "NORP": {"GPE", "NORP"},
                "GPE": {"GPE"}, "LOC": {"GPE"}, "FAC": {"GPE"}}


def _actor_of(kb, name: str, entity_type: Optional[str] = None):
    found = kb.find(name)
    if entity_type is not None:
        typed = [a for a in found if a.type in _ACTOR_TYPES.get(entity_type, ())]
        # The model often calls an organisation a person or a place ("Fatah", "IRGC"); the
        # knowledge base decides, unless the name is a known place ("Al-Aqsa").
        if not typed and len(found) == 1 and found[0].type == "ORG" and load_gazetteer().find(name) is None:
            typed = found
        # ... and an unfamiliar person's name an organisation ("Ould Abdallah said"): a person
        # the knowledge base alone knows by that name is that person
        if not typed and len(found) == 1 and found[0].type == "PERSON" and entity_type == "ORG" \
                and load_gazetteer().find(name) is None:
            typed = found
        found = typed
    if len(found) != 1:
        return None
    actor = found[0]
    if actor.type == "GPE" and actor.country in kb.countries:
        # Country entries alias their cities and regions ("Tehran", "Gaza"): a place in a
        # country is not the country.
        country = kb.countries[actor.country]
        if name_key(name) not in {name_key(n) for n in (country.name, *country.names, *country.demonyms)}:
            return None
        if name_key(name) in {name_key(n) for n in (country.name, *country.names)}:
            return actor  # "Egypt" is the country, whatever town the gazetteer also calls so
        place = load_gazetteer().find(name)
        if place is not None and name_key(place.name) != name_key(country.name):
            return None
    return actor


def _dated_role(actor, day):
    """The date-restricted code of a dictionary actor in force on ``day`` ("GOLLUM [HOBGOV
    19950601-19990815] [HOBREB >19990816]": HOBGOV in 1998), or None."""
    if actor is None or not day:
        return None
    return next((r for r in actor.roles if r.title is None and r.active_on(str(day)[:10])), None)


def _entity(cluster: Cluster, kb, day=None) -> LocalEntity:
    actor = cluster.actor
    if actor is None:
        actor = _cluster_actor(kb, cluster)
    dated = _dated_role(actor, day)
    name = actor.name if actor is not None else cluster.canonical or _display_name(cluster)
    country = (dated.country or actor.country) if dated is not None else actor.country if actor is not None else None
    place = None
    is_country = actor is not None and actor.type == "GPE" and actor.country in kb.countries and \
        name_key(actor.name) == name_key(kb.countries[actor.country].name)
    if cluster.type in ("GPE", "LOC", "FAC") and not is_country:
        gazetteer = load_gazetteer()
        place = next((p for p in map(gazetteer.find, cluster.names) if p is not None), None)
        if place is not None and actor is None:
            # "Al-Quds" is Jerusalem; "Thessaloniki" keeps its English spelling.
            name = place.name if name_key(place.name) != name_key(name) else name
            country = place.country
        if country is None and place is None:
            country = next((c for c in (kb.country_of_word(n) for n in cluster.names) if c), None)
    if country is None and cluster.countries:
        country = Counter(cluster.countries).most_common(1)[0][0]
    if country is None and place is None and cluster.type in ("GPE", "NORP"):
        country = kb.country_of_word(name)
    sector = dated.sector if dated is not None else actor.sector if actor is not None else None
    if sector is None and cluster.role_words:
        sector = kb.sector_of_role(" ".join(sorted(cluster.role_words)))
    entity_type = actor.type if actor is not None and actor.type == "ORG" else cluster.type
    if actor is None and _organisation_by_its_name(cluster, kb):
        entity_type = "ORG"
        country = country or kb.country_of_word(name.split()[0])
    return LocalEntity(key=cluster.key, name=name, type=entity_type, country=country, sector=sector,
                       actor_id=actor.id if actor is not None else None, mentions=list(cluster.mentions),
                       lat=place.lat if place else None, lon=place.lon if place else None)


def _organisation_by_its_name(cluster: Cluster, kb) -> bool:
    """A name the model tagged a person or nationality that is an organisation's: one that
    begins with a nationality ("Georgian Dream", "Kenyan Airways"), or an acronym that is no
    country's ("TPLF"), when nothing in the article treats it as a person (no role, no pronoun)."""
    if cluster.type not in ("PERSON", "NORP") or any(m.kind != "name" for m in cluster.mentions):
        return False
    names = cluster.names
    if cluster.type == "NORP":
        return all(is_acronym(n) and kb.country_of_word(n) is None for n in names)
    words = names[0].split()
    if len(words) < 2 or (code := kb.country_of_word(words[0])) is None or code not in kb.countries:
        return False
    return words[0].casefold() in {d.casefold() for d in kb.countries[code].demonyms}


# The forms of address the entity fixes take into a name ("Dr.", "General"), as written.
_FORMS_OF_ADDRESS = frozenset(forms_of_address())


def _without_honorifics(name: str) -> str:
    """'General Michel Aoun' -> 'Michel Aoun': forms of address are not part of the name."""
    words = name.split()
    while len(words) > 2 and words[0].lower() in _FORMS_OF_ADDRESS:
        words = words[1:]
    return " ".join(words)


def _display_name(cluster: Cluster) -> str:
    best = cluster.best_name
    words = best.split()
    # Honorifics stay in mentions, not in the canonical name.
    while len(words) > 1 and name_key(words[0]) == "":
        words = words[1:]
    return " ".join(words)


__all__ = ["resolve_article"]
