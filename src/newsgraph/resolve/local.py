"""Within one article: names, short forms, role mentions and pronouns to entities.

No coreference package works offline here, so these are rules on the
dependency parse: a short form joins the full name it shortens; a title
before a name, or an apposition after it, teaches the entity its role; a
later role mention ("the Iranian president", "his Turkish counterpart")
goes to the entity whose role and country it names; a personal pronoun
goes to the person most recently mentioned as a subject.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import Optional

from ..records import Mention
from ..kb.names import acronym_of, core_tokens, is_acronym, is_short_form, name_key
from ..kb.role_words import member_words, person_heads, role_families
from .name_index import NameIndex
from .anaphora import Anaphora
from .role_index import RoleIndex
from .untagged import UntaggedNames, defined_acronym

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
# Head nouns of person descriptions, and the role words each may stand for (a country's
# chief diplomat is its foreign minister, "the Turkish leader" its president): data/role_words.toml.
ROLE_HEADS = person_heads()
MEMBER_WORDS = member_words()
ROLE_SYNONYMS = role_families()
_DETERMINERS = ("the ", "a ", "an ", "his ", "her ", "its ", "their ")


@dataclass
class Cluster:
    key: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    role_words: set[str] = field(default_factory=set)
    role_phrases: set[str] = field(default_factory=set)
    role_heads: set[str] = field(default_factory=set)  # "novelist" of "the Colombian novelist"
    countries: list[str] = field(default_factory=list)
    actor: Optional[object] = None  # the knowledge-base actor a role named, when no name did
    kb_sector: Optional[str] = None  # the sector and CAMEO code of the actor its names are
    kb_cameo: Optional[str] = None
    canonical: Optional[str] = None  # the name to show when no mention is one ("Ethiopian government")

    @property
    def names(self) -> list[str]:
        return [m.text for m in self.mentions if m.kind == "name"]

    @property
    def best_name(self) -> str:
        names = self.names or [m.text for m in self.mentions]
        return max(names, key=lambda n: (len(name_key(n).split()), len(n)))


class LocalResolver(UntaggedNames, Anaphora):
    """Clusters the mentions of one parsed article. ``country_of`` maps words to ISO codes."""

    def __init__(self, doc, country_of, place_country=None):
        self.doc = doc
        self.country_of = country_of
        # A town's country, for the names the model tagged a place: "Kramatorsk's mayor". Never
        # for any word: "Police" and "Of" are towns too.
        self.place_country = place_country or (lambda name: None)
        self.clusters: list[Cluster] = []
        self.by_token: dict[int, Cluster] = {}
        self.role_spans: list = []  # every role phrase seen, resolved or not
        # Quoted passages: people named inside a quote are not the antecedents of
        # the pronoun that attributes it ("..., he added").
        self.quoted: list[tuple[int, int]] = []
        self._sent_starts: Optional[list[int]] = None
        # id(cluster) -> (mentions read, its distinct names): Cluster.names lists every mention
        # again, which made each new name cost the length of the article so far.
        self._names: dict[int, tuple[int, list[str]]] = {}
        # Which clusters a new name could join (see name_index.py); kept true by add_name.
        self.index = NameIndex()
        self._position: dict[int, int] = {}  # id(cluster) -> its index in self.clusters
        # The document's entities by first token: Span.ents walks every entity of the Doc,
        # once per role phrase, which made long articles quadratic.
        self._ents = list(doc.ents)
        self._ent_starts = [e.start for e in self._ents]
        self._role_starts: list[int] = []
        self._role_ends: Optional[list[int]] = None
        self._pronoun_index = None  # made by add_pronouns, read by antecedent

    # ---- names
    def add_names(self) -> None:
        previous = None  # the entity before, and its cluster
        for ent in self.doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            mention = Mention(ent.start_char, ent.end_char, ent.text, "name", ent.label_)
            defined = defined_acronym(self.doc, previous, ent)
            cluster = defined if defined is not None else self._cluster_for(mention)
            if defined is not None:
                mention.type = cluster.type
            previous = (ent, cluster)
            self.add_name(cluster, mention)
            for i in range(ent.start, ent.end):
                self.by_token[i] = cluster
            if ent.label_ in ("PERSON", "ORG"):
                self._learn_title(ent, cluster)
            self._add_untagged_acronym(ent, cluster)
        self._add_untagged_surnames()

    def cluster_for_mention(self, mention: Mention) -> Cluster:
        return self._cluster_for(mention)

    def add_name(self, cluster: Cluster, mention: Mention) -> None:
        """Give ``cluster`` a name mention. Name mentions go through here, never straight
        into ``cluster.mentions``, so that the index of names stays true."""
        mention.key = cluster.key
        cluster.mentions.append(mention)
        self.index.add(self._position_of(cluster), mention.text)

    def _position_of(self, cluster: Cluster) -> int:
        position = self._position.get(id(cluster))
        if position is None:  # a cluster made elsewhere (a role's holder): found once
            position = next(i for i, c in enumerate(self.clusters) if c is cluster)
            self._position[id(cluster)] = position
        return position

    def distinct_names(self, cluster: Cluster) -> list[str]:
        """``cluster.names`` without repeats, in first-seen order (the tests below only ask
        whether some name matches, so a repeat changes nothing)."""
        read, names = self._names.get(id(cluster), (0, []))
        mentions = cluster.mentions
        for m in mentions[read:]:
            if m.kind == "name" and m.text not in names:
                names.append(m.text)
        self._names[id(cluster)] = (len(mentions), names)
        return names

    def _cluster_for(self, mention: Mention) -> Cluster:
        key = _key(mention.text)
        if mention.type != "PERSON" and len(key.split()) <= 2:
            # A person's surname the model tagged ORG or GPE ("Albrecht-Sommer said ..."):
            # it joins the person named in full earlier in the article.
            for position in self.index.short_form_holders(mention.text):
                cluster = self.clusters[position]
                if cluster.type == "PERSON" and any(len(_key(n).split()) > len(key.split())
                                                    and is_short_form(mention.text, n)
                                                    for n in self.distinct_names(cluster)):
                    mention.type = "PERSON"
                    return cluster
        if mention.type in ("NORP", "GPE", "PERSON") and is_acronym(mention.text):
            # "TPLF" tagged a nationality after "Tigray People's Liberation Front": the acronym
            # of an organisation named earlier is that organisation.
            for position in self.index.candidates(mention.text, "ORG"):
                cluster = self.clusters[position]
                if cluster.type == "ORG" and any(acronym_of(mention.text, n) for n in self.distinct_names(cluster)):
                    mention.type = "ORG"
                    return cluster
        candidates = self.index.candidates(mention.text, mention.type)
        for position in candidates:
            cluster = self.clusters[position]
            if not _compatible(cluster.type, mention.type):
                continue
            for name in self.distinct_names(cluster):
                if _key(name) == key or _same_name(mention.text, name, mention.type):
                    return cluster
        if mention.type == "PERSON" and len(core_tokens(mention.text)) == 1:
            # One word that begins the full name of exactly one person named earlier: a
            # given name used alone ("Abiy" after "Abiy Ahmed") or a surname written first
            # ("Mr Wang" after "Wang Yi"). Two earlier "Ali ..." make "Ali" nobody's.
            word = core_tokens(mention.text)[0]
            starting = [self.clusters[p] for p in candidates if self.clusters[p].type == "PERSON"
                        and any(len(core_tokens(n)) > 1 and core_tokens(n)[0] == word
                                for n in self.distinct_names(self.clusters[p]))]
            if len(starting) == 1:
                return starting[0]
        cluster = Cluster(f"e{len(self.clusters) + 1}", mention.type)
        self._position[id(cluster)] = len(self.clusters)
        self.clusters.append(cluster)
        return cluster

    def _learn_title(self, ent, cluster: Cluster) -> None:
        """The role written next to a name, learnt and kept as a role mention; three shapes:

        - before it, as modifiers: "Iranian Foreign Minister Hossein ...", "Kramatorsk's mayor ...";
        - before it, the name in apposition: "Iran's security chief Ali ...", "His spokesman, Ana ...";
        - after it, in apposition: "Ismail Haniyeh, the chief of ...", "Ana Ruiz, the novelist,".
        """
        doc = self.doc
        start = ent.start
        while start > 0 and doc[start - 1].dep_ in ("compound", "amod", "nmod", "punct", "poss", "case") \
                and doc[start - 1].head.i >= start - 1 and doc[start - 1].text not in (",", '"', "“", "(") \
                and "\n" not in doc[start - 1].whitespace_:
            start -= 1
        while start < ent.start and (doc[start].is_punct or doc[start].tag_ == "POS"):
            start += 1
        if start < ent.start:
            span = doc[start:ent.start]
            self._add_role(cluster, span, as_mention=_has_role_word(span))
        root = ent.root
        head = root.head
        # A capitalised title heads the apposition too: "the bloc's High Representative for the
        # region, former president Ana Ruiz" (the tagger calls "Representative" a proper noun).
        if root.dep_ == "appos" and head.i < ent.start and not head.ent_type_ \
                and (head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.lower_ in ROLE_HEADS)):
            span = role_span(doc, head.left_edge.i, head)
            # Only punctuation, the role's own complement ("High Representative for the
            # region") and the name's own titles between: "Ethiopia's army chief, Field Marshal
            # Ana Ruiz", not a misparse across a quotation.
            complement = {t.i for child in head.rights if child.dep_ == "prep" and child.i < ent.start
                          for t in child.subtree}
            between = doc[span.end:ent.start] if span.end <= ent.start else None
            # A colon opens a list, and a clause is no title: "expressed its condemnation of an
            # attack in which three citizens were hurt: the writer Ana Ruiz" gives her no role.
            if between is not None and all((t.is_punct and not t.is_quote and t.text != ":")
                                           or root in t.ancestors or t.i in complement for t in between) \
                    and not any(t.tag_ in _FINITE for t in span):
                self._add_role(cluster, span, as_mention=True)
        elif root.dep_ == "conj" and head.i == ent.start - 2 and doc[ent.start - 1].text == "," \
                and head.pos_ == "NOUN" and head.lemma_.lower() in ROLE_HEADS and not head.ent_type_ \
                and ent.end < len(doc) and doc[ent.end].text == "," and head.i not in self.by_token:
            # The parser often reads a comma apposition as a list: "includes Ana Ruiz's deputy,
            # Luis Vega, and ..." gives Vega the role "Ana Ruiz's deputy".
            self._add_role(cluster, role_span(doc, head.left_edge.i, head), as_mention=True)
        for child in root.children:
            if child.dep_ == "appos" and child.i > ent.end - 1 and not child.ent_type_ \
                    and (child.pos_ == "NOUN" or child.lemma_.lower() in ROLE_HEADS) \
                    and _close_apposition(doc, ent.end, child.i):
                span = role_span(doc, child.left_edge.i, child)
                self._add_role(cluster, span, as_mention=True)

    def _add_role(self, cluster: Cluster, span, as_mention: bool) -> None:
        words = {t.lemma_.lower() for t in span if t.is_alpha}
        cluster.role_words |= words
        if span.root.pos_ == "NOUN":
            cluster.role_heads.add(span.root.lemma_.lower())
        cluster.role_phrases.add(_strip_det(span.text))
        for token in span:
            code = self.country_of(token.text)
            if code:
                cluster.countries.append(code)
        for ent in self._ents_within(span):  # a country of several words: "South African President"
            if len(ent) > 1 and ent.label_ in ("GPE", "NORP") and (code := self.country_of(ent.text)):
                cluster.countries.append(code)
            elif ent.label_ in ("GPE", "LOC") and not self.country_of(ent.text) \
                    and (code := self.place_country(ent.text)):
                cluster.countries.append(code)
        if as_mention:
            self._mention(cluster, span.start_char, span.end_char, span.text, "role", span)

    def _ents_within(self, span) -> list:
        """The entities wholly inside ``span``, as ``span.ents`` gives them."""
        first = bisect_left(self._ent_starts, span.start)
        last = bisect_left(self._ent_starts, span.end)
        return [e for e in self._ents[first:last] if e.end <= span.end]

    def _mention(self, cluster: Cluster, start: int, end: int, text: str, kind: str, span=None) -> None:
        mention = Mention(start, end, text, kind, cluster.type, cluster.key)
        if kind != "pronoun":
            self._pronoun_index = None  # a new antecedent: the index no longer holds
        cluster.mentions.append(mention)
        if span is not None:
            for token in span:
                self.by_token.setdefault(token.i, cluster)

    # ---- role mentions
    def add_roles(self, holder_of=None) -> None:
        # A head noun learnt from a role next to a name also describes: "Ana Ruiz, the novelist,
        # ... the novelist said" (not only the heads of person_heads).
        learnt = {w for c in self.clusters if c.type == "PERSON" for w in c.role_heads}
        roles = RoleIndex(self.clusters)
        for chunk in self.doc.noun_chunks:
            head = chunk.root
            lemma = head.lemma_.lower()
            if head.i in self.by_token or not (lemma in ROLE_HEADS or (lemma in learnt and head.pos_ == "NOUN")):
                continue
            if any(self.by_token.get(t.i) and self.by_token[t.i].type == "PERSON" for t in chunk):
                continue
            span = role_span(self.doc, chunk.start, head)
            self.role_spans.append(span)
            cluster = self._role_target(span, head, holder_of, roles)
            if cluster is not None:
                self._mention(cluster, span.start_char, span.end_char, span.text, "role", span)

    def role_span_at(self, char: int):
        """The first role phrase (in the order found) that holds ``char``, or None."""
        if self._role_ends is None or len(self._role_ends) != len(self.role_spans):
            self._role_starts = [s.start_char for s in self.role_spans]
            self._role_ends = list(accumulate((s.end_char for s in self.role_spans), max))
        # role_spans come in document order; the running maximum of their ends finds the
        # first one reaching past ``char`` even where an outer phrase holds an inner one.
        first = bisect_right(self._role_ends, char)
        if first < len(self.role_spans) and self._role_starts[first] <= char:
            return self.role_spans[first]
        return None

    def _role_target(self, span, head, holder_of, roles: RoleIndex) -> Optional[Cluster]:
        phrase = _strip_det(span.text)
        known = roles.first_with_phrase(phrase)
        if known is not None:
            return known
        countries = [c for c in (self.country_of(t.text) for t in span if t.i != head.i) if c] \
            or [c for c in (self.place_country(e.text) for e in self._ents_within(span) if e.label_ in ("GPE", "LOC"))
                if c]
        if holder_of is not None and " of " in phrase.lower():
            # A full title ("the Secretary-General of the World Assembly of Islamic Awakening")
            # names its holder; an earlier secretary-general of something else is not him.
            known = roles.holder(holder_of, phrase, countries[0] if countries else None, self)
            if known is not None:
                return known
        lemma = head.lemma_.lower()
        wanted = ROLE_SYNONYMS.get(phrase.lower(), ROLE_SYNONYMS.get(lemma, {lemma}))
        # An organisation among the modifiers ("the Hamas leader", "the Party's chief"): the
        # person's roles or knowledge-base code must name it.
        organisations = [c for c in {id(self.by_token[t.i]): self.by_token[t.i] for t in span
                                     if t.i != head.i and t.i in self.by_token}.values() if c.type == "ORG"]
        counterpart = lemma == "counterpart"
        # A person of no known country may be the one the description's country names ("President
        # Ana Ruiz ... the Chilean leader"), when no one of that country and the knowledge base
        # fit: then the description teaches the person the country.
        best = unplaced = None
        # Only the people holding a wanted role word, or (a counterpart) one of the countries,
        # can pass the tests below: the others are never read, in the same order.
        for cluster in roles.candidates(wanted, countries if counterpart else ()):
            if countries and not set(countries) & set(cluster.countries):
                if not cluster.countries and not counterpart and wanted & cluster.role_words \
                        and cluster.mentions and cluster.mentions[0].start < span.start_char:
                    unplaced = cluster
                continue
            if organisations and not any(_serves(cluster, org) for org in organisations):
                continue
            if counterpart:
                if not countries:
                    continue
            elif not wanted & cluster.role_words:
                continue
            if not cluster.role_words and not counterpart:
                continue
            if cluster.mentions and cluster.mentions[0].start < span.start_char:
                best = cluster
        if best is not None and head.text[:1].isupper() and not head.is_sent_start:
            # A title written as one ("the Leader said", "the President") is the person who
            # bears it as a title ("Supreme Leader Ali ..."), not the latest one described
            # with the same word ("Hamas leader Ana ...").
            best = titled if (titled := self._titled(roles.candidates(wanted), head.text, span)) else best
        if best is None and holder_of is not None and not organisations:
            best = roles.holder(holder_of, phrase, countries[0] if countries else None, self)
        if best is None and unplaced is not None and not organisations:
            unplaced.countries.extend(countries)
            roles.add_countries(unplaced, countries)
            best = unplaced
        return best

    @staticmethod
    def _titled(candidates: list, title: str, span) -> Optional[Cluster]:
        found = None
        for cluster in candidates:
            if cluster.mentions and cluster.mentions[0].start < span.start_char \
                    and any(title in phrase.split() for phrase in cluster.role_phrases):
                found = cluster
        return found

    # ---- pronouns
    def cluster_at(self, start: int, end: int) -> Optional[Cluster]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        # The head of the speaker phrase decides: in "Secretary-General of the World
        # Islamic Awakening" the organisation is not the speaker.
        root = span.root
        for token in [root, *(t for t in span if t.head.i == root.i and t.dep_ in ("compound", "appos",
                                                                                  "flat", "amod"))]:
            if token.i in self.by_token:
                return self.by_token[token.i]
        if root.lemma_.lower() in MEMBER_WORDS:
            # "Observers from the OSCE said ...": its people speak for the organisation.
            for prep in root.children:
                if prep.dep_ == "prep" and prep.lower_ in ("from", "of"):
                    for obj in prep.children:
                        other = self.by_token.get(obj.i)
                        if obj.dep_ == "pobj" and other is not None and other.type == "ORG":
                            return other
        return None


def _serves(person: Cluster, organisation: Cluster) -> bool:
    """Whether a person's roles name an organisation ("head of the political bureau of Hamas")
    or the knowledge base files both under one code (a Hamas leader under PSEREBHMS)."""
    names = {name_key(n) for n in organisation.names}
    # The possessive goes first: "the African Union's envoy" names the African Union.
    phrases = " ".join(name_key(re.sub(r"['’]s\b", "", p)) for p in person.role_phrases)
    if any(n and f" {n} " in f" {phrases} " for n in names):
        return True
    return bool(person.kb_cameo and organisation.kb_cameo and len(organisation.kb_cameo) > 3
                and person.kb_cameo.startswith(organisation.kb_cameo))


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _close_apposition(doc, after_name: int, head: int) -> bool:
    """Whether a comma right after the name opens the apposition, with no quote before its
    head: "Ana Ruiz, the novelist," but not a misparse such as "Colombia ..., its 'strongest
    condemnation' of ..." that runs across a quotation."""
    return after_name < len(doc) and doc[after_name].text == "," and head - after_name <= 8 \
        and not any(t.is_quote for t in doc[after_name:head + 1])


def _has_role_word(span) -> bool:
    """Whether words before a name say a role ("Kremlin spokesman"), not only other names
    ("US", "Hamas")."""
    return any(t.is_alpha and not t.ent_type_ for t in span)


def role_span(doc, start: int, head):
    """A role phrase: its words up to the head, and an "of ..." complement after it.

    "the Secretary-General of the Palestinian Islamic Jihad Movement", but not
    the "in a telephone call with ..." that follows it.
    """
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            end = child.right_edge.i + 1
            break
    while start < head.i and doc[start].dep_ == "punct":
        start += 1
    return doc[start:end]


_key = lru_cache(maxsize=65536)(name_key)  # asked for the same few names over and over


def _compatible(a: str, b: str) -> bool:
    places = {"GPE", "LOC", "FAC"}
    return a == b or (a in places and b in places)


def _same_name(a: str, b: str, label: str) -> bool:
    if label == "PERSON":
        return is_short_form(a, b) or is_short_form(b, a)
    if label == "ORG":
        return acronym_of(a, b) or acronym_of(b, a) or _prefix_name(a, b)
    return False


def _prefix_name(a: str, b: str) -> bool:
    """"Palestinian Islamic Jihad" and "Palestinian Islamic Jihad Movement"."""
    x, y = sorted((name_key(a), name_key(b)), key=len)
    return len(x.split()) >= 2 and y.startswith(x + " ")


def _strip_det(text: str) -> str:
    lower = text.lower()
    for det in _DETERMINERS:
        if lower.startswith(det):
            return text[len(det):]
    return text
