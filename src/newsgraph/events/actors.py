"""Who an event's source or target is: a resolved entity, else a generic actor.

A token that heads an argument of a trigger becomes one or more
:class:`EventActor`: the entity a resolved mention (name, role or pronoun)
gives it, else a generic actor coded by its country words and role words
("Israeli police" -> ISR COP, "200 Iranian lawmakers" -> IRN LEG). Coordinated
arguments ("Hungarian and Romanian officials", "Iran and Qatar") give one actor
each.
"""
from __future__ import annotations

import bisect
from typing import Optional

from ..records import ArticleAnalysis, EventActor, LocalEntity
from .grammar import actorish
from .lexicon import word_set

# Words that head a noun phrase without naming anyone: the actor is their modifier's
# ("the Iranian side") or the one after "of" ("a group of lawmakers").
_MAKER_TYPES = {"ORG", "GPE", "PERSON", "NORP"}  # a compound that makes a proposal ("a UN appeal")
_EMPTY_HEADS = {"side", "part", "delegation", "behalf", "team", "group", "number", "majority", "handful",
                "dozens", "hundreds", "thousands", "scores", "members", "member", "some", "many", "most",
                "all", "one", "several", "rest", "each"}
# Nouns for people and groups that stay actors by their words alone when no code fits
# ("the Damascus-based leader", "a crowd"): kept as free text, never as a code.
_PERSON_NOUNS = {"leader", "leaders", "official", "officials", "man", "men", "woman", "women", "crowd", "mob",
                 "people", "person", "extremist", "extremists", "gunman", "gunmen", "assailant", "assailants",
                 "attacker", "attackers", "resident", "residents", "worshipper", "worshippers", "family",
                 "families", "youth", "youths", "child", "children", "villager", "villagers", "figure",
                 "figures", "representative", "representatives", "envoy", "envoys", "delegate", "delegates",
                 "spokesman", "spokeswoman", "spokesperson", "counterpart", "counterparts", "ruler", "rulers",
                 "authorities", "authority", "forces", "force", "group", "groups", "organization",
                 "organisation", "movement", "faction", "factions", "nations", "countries", "country",
                 "state", "states", "government", "governments", "regime", "inhabitants", "citizens",
                 "nationals", "population", "members", "supporters", "lawmakers", "ministers"}
_FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
# Heads that say where or whose, not who: the actor is the place or owner after the preposition.
_OWNER_PREPS = ("of", "by", "from", "in", "for", "between")  # "the deal between Ana Ruiz's party and ..."
_OWNER_PREPS_NOT_IN = tuple(p for p in _OWNER_PREPS if p != "in") + ("to", "against")
_MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod", "poss"}


class EntityIndex:
    """Resolved mentions of one article, found by character offset."""

    def __init__(self, analysis: Optional[ArticleAnalysis]):
        self.by_key = {e.key: e for e in (analysis.entities if analysis else ())}
        # Direct quotes with a resolved speaker: "I" and "we" inside them are the speaker.
        self.quotes = sorted((q.start, q.end, q.speaker_key) for q in (analysis.quotes if analysis else ())
                             if q.kind == "direct" and q.speaker_key)
        spans = []
        for entity in (analysis.entities if analysis else ()):
            for m in entity.mentions:
                spans.append((m.start, m.end, entity))
        spans.sort(key=lambda s: (s[0], -s[1]))
        self._starts = [s[0] for s in spans]
        self._spans = spans

    def speaker_at(self, start: int) -> Optional[LocalEntity]:
        """The speaker of the direct quote that contains ``start``."""
        for q_start, q_end, key in self.quotes:
            if q_start <= start < q_end:
                return self.by_key.get(key)
        return None

    def at(self, start: int, end: int) -> Optional[LocalEntity]:
        """The entity of the mention that covers [start, end), the tightest one first."""
        i = bisect.bisect_right(self._starts, start)
        best = None
        for s, e, entity in reversed(self._spans[max(0, i - 12):i]):
            if s <= start and end <= e and (best is None or e - s < best[0]):
                best = (e - s, entity)
        return best[1] if best else None


class ActorCoder:
    """Codes argument tokens of one article as event actors."""

    def __init__(self, kb, index: EntityIndex, places=None):
        """``places`` finds a place by name in the gazetteer (``Gazetteer.find``)."""
        self.kb = kb
        self.index = index
        self.find_place = places or (lambda name: None)
        # an article's groups told with their owner or leader, by noun: "delegation" -> its leader
        self._groups: dict[str, list[EventActor]] = {}
        self._parties: list[EventActor] = []  # the latest two or more sides named together

    def actors(self, head, verbal: bool = True) -> list[EventActor]:
        """One actor per coordinated head ("Iran and Qatar"), generic or resolved. ``verbal``:
        the event is said or negotiated, not done by force, so a capital that acts stands for
        its government ("Moscow denied", "Riyadh and Tehran agreed")."""
        if head is None:
            return []
        out: list[EventActor] = []
        for h in (head, *head.conjuncts, *_listed_after(head)):
            if h.i < head.i:
                continue
            out.extend(self._one(h, 0, verbal))
        if len(out) >= 2 and all(a.country for a in out):
            self._parties = out  # "Chile and Peru agreed ...": the next "their" may be theirs
        return out

    def _one(self, h, depth: int = 0, verbal: bool = True) -> list[EventActor]:
        if depth > 3:
            return []
        if (holder := _named_holder(h)) is not None and self.kb.sector_of_role(h.text) is not None:
            # "the commander of the Guards Corps, General Ana Ruiz": the parser hangs the name on
            # the organisation; the one holding the role is the side
            return self._one(holder, depth + 1, verbal)
        if h.lower_ in _EMPTY_HEADS or h.lemma_.lower() in _EMPTY_HEADS:
            # "a Peruvian delegation headed by its foreign minister": the one at its head speaks
            # "military delegations of the government and the rebels": whose, before what kind
            owner = _leader(h) or next((c for c in h.children if c.dep_ == "poss"), None) \
                or _prep_object(h, ("of",)) or next((c for c in h.children if c.dep_ in ("amod", "compound")), None)
            if owner is not None:
                found = self._with_conjuncts(owner, depth, verbal)
                if found:
                    self._groups[h.lemma_.lower()] = found
                    return found
            elif any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in h.children) \
                    and (told := self._groups.get(h.lemma_.lower())):
                # "a Peruvian delegation headed by Ana Ruiz ... the delegation held talks": the one told of
                return told
        if h.pos_ == "NOUN" and h.lemma_.lower() in word_set("proposals") and self._entity(h) is None:
            # "rejected a United Nations appeal", "an appeal by the UN": its maker
            maker = next((c for c in h.children if c.dep_ == "poss"), None) or _prep_object(h, ("by", "from")) \
                or next((c for c in h.children if c.dep_ == "compound" and c.ent_type_ in _MAKER_TYPES), None)
            if maker is not None and (found := self._with_conjuncts(maker, depth, verbal)):
                return found
        if self._parties and len(self._parties) == 2 and _the_officials(h) \
                and self.kb.sector_of_role(_phrase(h)) == "GOV":
            # "Iran's Shamkhani and Saudi Arabia's Al-Aiban agreed ... the foreign ministers would
            # meet": each party's, not the one minister the resolver knows by that title
            return [EventActor(_phrase(h), a.country, "GOV", None) for a in self._parties]
        entity = self._entity(h)
        if entity is not None and (entity.type in ("LOC", "FAC") or (entity.type == "GPE" and entity.lat is not None)):
            return self._place(h, entity, verbal)  # a country (GPE without coordinates) acts as itself
        if entity is not None:
            country = entity.country
            if entity.type == "NORP":
                # "Bosnian Serbs": the modifier's country; "ethnic Albanians": a people, not a state
                if any(c.lower_ == "ethnic" for c in h.children):
                    return [EventActor(_phrase(h), None, None)]
                country = next((a.country for a in self._generic_modifiers(h) if a), None) or country
            if country is None and entity.type != "PERSON":
                # a state or group the user's dictionaries define ("Arnor [ARN]")
                country = self.kb.country_of_word(entity.name) or self.kb.country_of_word(h.text)
            elif country is None:
                # a place the model took for a person, whose whole name a dictionary gives a
                # country ("Minas Tirith", a synonym of Gondor [GON])
                country = self.kb.country_of_word(entity.name)
            if country is None:
                # "the US Congress", "Ivory Coast rebels": the modifier says whose
                country = next((a.country for a in self._generic(h) if a.country), None)
            if country is None:
                # "Salaheddine Sidhoum, Algeria's leading activist": the apposition says whose
                for appos in (c for c in h.children if c.dep_ == "appos"):
                    country = next((a.country for a in self._generic(appos) if a.country), None)
                    if country:
                        break
            return [EventActor(entity.name, country, entity.sector, entity.key)]
        if h.pos_ == "PRON" and h.lower_ in _FIRST_PERSON and (said := self.index.speaker_at(h.idx)) is not None:
            # "We will defend Al-Aqsa," he added: the speaker acts
            return [EventActor(said.name, said.country, said.sector, said.key)]
        if h.pos_ == "PRON" and h.lower_ == "you" and (addressee := _addressee(h)) is not None:
            # 'the president told demonstrators: "I stand with you"': they are whom she told
            return self._one(addressee, depth + 1, verbal)
        if h.pos_ == "PRON" and (speaker := _reporting_subject(h)) is not None:
            # "The rebels said they will release ...": they are the ones who said it
            return self._one(speaker, depth + 1, verbal)
        owner = next((c for c in h.children if c.dep_ == "poss"), None)
        if self._parties and h.pos_ == "NOUN" and _the_two(h) and len(self._parties) == 2 \
                and h.lemma_.lower() in _PAIR_NOUNS:
            # "Chile and Peru ... the two men signed a joint statement": the pair just named
            sector = self.kb.sector_of_role(h.text)
            return [EventActor(_phrase(h), a.country, sector or a.sector, None if sector else a.key)
                    for a in self._parties]
        if owner is not None and owner.lower_ == "their" and h.pos_ == "NOUN" and self._parties \
                and ((said := _reporting_subject(h)) is None or not actorish(said)) \
                and (sector := self.kb.sector_of_role(h.text)) is not None:
            # "Chile and Peru agreed ... Their foreign ministers are to meet": each party's; also
            # where a document tells it ("..., the statement said"), not where a party does
            return [EventActor(_phrase(h), a.country, sector, None) for a in self._parties]
        if owner is not None and owner.pos_ == "PRON" and h.pos_ == "NOUN":
            # "the ministry said its forces struck ...": the speaker's own troops, police or
            # officials; not "its partners", who are others
            sector = self.kb.sector_of_role(h.text) or ("MIL" if h.lemma_.lower() == "force" else None)
            if sector is not None and (speaker := _reporting_subject(h)) is not None:
                # an institution's own forces are that institution's arm ("the defence ministry
                # said its forces hit ..."): linked to it; a person's or a state's are not the
                # person or the state
                institution = (entity := self._entity(speaker)) is not None and entity.type == "ORG"
                return [EventActor(_phrase(h), a.country, sector, a.key if institution else None)
                        for a in self._one(speaker, depth + 1, verbal)]
        if owner is not None and h.pos_ == "NOUN" and h.lower_ not in _PERSON_NOUNS \
                and self.kb.sector_of_role(h.text) is None:
            # "Russia's invasion", "Iran's position": the actor is the owner, not the thing owned;
            # each of coordinated owners ("the African Union and Obasanjo's panel")
            return self._with_conjuncts(owner, depth, verbal) if owner.dep_ == "poss" \
                else self._one(owner, depth + 1, verbal)
        found = self._generic(h)
        if found and not any(a.country for a in found) and (owner := _prep_object(h, ("of",))) is not None:
            # "the senior commanders of the Ethiopian army": whose they are says their country
            country = next((a.country for a in self._one(owner, depth + 1, verbal) if a.country), None)
            if country is not None:
                return [EventActor(a.text, country, a.sector, a.key) for a in found]
        if found:
            return found
        if h.pos_ == "NOUN" and h.lower_ not in _PERSON_NOUNS:
            # "the achievements of the resistance", "residential areas in Gaza": whose or where
            # a thing done or said in a place is not the place's ("a deal for a cessation of
            # hostilities in Geneva"); a thing struck there is ("residential areas in Gaza")
            obj = _prep_object(h, _OWNER_PREPS if not verbal and depth == 0 else _OWNER_PREPS_NOT_IN)
            if obj is not None:
                # "negotiators for the government and the rebels": each side
                return self._with_conjuncts(obj, depth, verbal)
        if h.pos_ == "PROPN" and (known := self._known_name(h)) is not None:
            return [known]
        if h.pos_ == "PROPN" and not verbal and (place := self.find_place(h.text)) is not None and place.country:
            # a town the model did not tag as a place, struck or stormed: its country's
            return [EventActor(_phrase(h), place.country, None)]
        if h.pos_ == "PROPN" or h.lower_ in _PERSON_NOUNS or h.lemma_.lower() in _PERSON_NOUNS:
            return [EventActor(_phrase(h), None, None)]
        return []

    def _known_name(self, h) -> Optional[EventActor]:
        """A name the model tagged as no entity that the knowledge base or a user's actors file
        knows ("Smeagol is about to restore ties": Gollum's alias): its actor, when one only."""
        words = sorted([*(c for c in h.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), h], key=lambda t: t.i)
        found = self.kb.find(" ".join(t.text for t in words))
        if len(found) != 1 or not found[0].country:
            return None
        actor = found[0]
        return EventActor(actor.name, actor.country, actor.sector)

    def note_pair(self, source: Optional[EventActor], target: Optional[EventActor]) -> None:
        """Two sides an event just joined ("Ana Ruiz met Luis Vega"): a later "the two
        men" are they."""
        if source is not None and target is not None and source.country and target.country \
                and (source.key != target.key or source.key is None) and source.text != target.text:
            self._parties = [source, target]

    def _with_conjuncts(self, h, depth: int, verbal: bool) -> list[EventActor]:
        return [a for x in (h, *h.conjuncts) if x.i >= h.i for a in self._one(x, depth + 1, verbal)]

    def _place(self, h, entity: LocalEntity, verbal: bool) -> list[EventActor]:
        """A place as a side: a capital that speaks or negotiates is its government ("Moscow
        denied" -> RUS GOV); any other place acted on codes to its country ("struck
        Tacna" -> PER), as a place, not as a party of its own."""
        country = entity.country or self.kb.country_of_word(entity.name) or self.kb.country_of_word(h.text)
        place = self.find_place(entity.name) if entity.type == "GPE" else None
        if place is not None and place.capital and verbal:
            return [EventActor(entity.name, country, "GOV", entity.key)]
        return [EventActor(entity.name, country, None, None)]

    def _entity(self, h) -> Optional[LocalEntity]:
        entity = self.index.at(h.idx, h.idx + len(h.text))
        if entity is not None and entity.type in ("LOC", "FAC", "DATE"):
            return None if h.pos_ != "PROPN" else entity
        if entity is None:
            # "the Secretary-General, Ziad al-Nakhala": the apposition names him
            for c in h.children:
                if c.dep_ == "appos" and not (c in _listed_after(h)):  # not a list read as apposition
                    entity = self.index.at(c.idx, c.idx + len(c.text))
                    if entity is not None:
                        break
        return entity

    def _generic_modifiers(self, h) -> list[str]:
        """Countries that the modifiers before a head name ("Bosnian", "Vietnamese-led")."""
        found = []
        for m in (c for c in h.children if c.dep_ in _MODIFIER_DEPS and c.i < h.i):
            for word in (m, *m.conjuncts, *(g for g in m.children if g.dep_ in ("npadvmod", "compound", "amod"))):
                code = self.kb.country_of_word(word.text)
                if code and code not in found:
                    found.append(code)
        return [EventActor(h.text, code, None) for code in found]

    def _generic(self, h) -> list[EventActor]:
        mods = [c for c in h.children if c.dep_ in _MODIFIER_DEPS and c.i < h.i]
        words = _modifier_words(h)
        text = " ".join(t.text for t in words).strip() or h.text
        countries: list[str] = []
        for m in mods:
            # "Vietnamese-led forces": the country sits under the modifier
            for word in (m, *m.conjuncts, *(g for g in m.children if g.dep_ in ("npadvmod", "compound"))):
                code = self.kb.country_of_word(word.text)
                if code is None and word.pos_ == "PROPN":
                    # "Hezbollah guerrillas", "Hamas gunmen": a known group names the country
                    code = next((a.country for a in self.kb.find(word.text) if a.country), None)
                if code and code not in countries:
                    countries.append(code)
        run = _name_run(h)
        if not countries and run:
            # "Minas Tirith border police", "White House officials": a multiword name before the head
            code = self.kb.country_of_word(run)
            if code is None:
                code = next((a.country for a in self.kb.find(run) if a.country), None)
            if code:
                countries.append(code)
        own = self.kb.country_of_word(h.text) if h.pos_ in ("PROPN", "NOUN") else None
        if own and not countries:
            countries = [own]
        role_words = " ".join(t.text for t in words if not self.kb.country_of_word(t.text))
        sector = self.kb.sector_of_role(role_words) if role_words else None
        if not countries and (sector or h.lower_ in _PERSON_NOUNS):
            # "the people of Palestine", "forces in Syria"; not "areas in Gaza", which is a place
            countries = _of_countries(h, self.kb)
        if not countries and sector is None:
            return []
        return [EventActor(text, code, sector) for code in (countries or [None])]


# Nouns that "the two ..." uses for a pair named before: "the two men", "the two sides".
_PAIR_NOUNS = {"man", "men", "side", "sides", "country", "countries", "leader", "leaders", "minister", "ministers",
               "party", "parties", "neighbour", "neighbours", "neighbor", "neighbors", "rival", "rivals",
               "government", "governments", "president", "presidents", "delegation", "delegations", "state",
               "states", "nation", "nations", "capital", "capitals", "foe", "foes"}


_TELLING = {"tell", "assure", "address", "reassure", "promise", "warn"}


def _addressee(you):
    """Whom a quotation that says "you" was told to: the object of the telling verb it hangs
    from ('told demonstrators: "I stand with you"'), else None."""
    v = you.head
    for _ in range(6):
        if v.lemma_.lower() in _TELLING and v.pos_ == "VERB":
            return next((c for c in v.children if c.dep_ in ("dobj", "dative", "obj") and c.pos_ in ("NOUN", "PROPN")),
                        None)
        if v.head.i == v.i:
            return None
        v = v.head
    return None


def _the_officials(h) -> bool:
    """'the foreign ministers', 'the officials': a plural office with no owner or nationality
    of its own ("Iran's foreign ministers", "the Saudi ministers", "the ministers of both")."""
    return h.pos_ == "NOUN" and h.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ == "the" for c in h.children) \
        and not any(c.dep_ in ("poss", "nummod", "appos", "relcl") or (c.dep_ == "prep" and c.lower_ == "of")
                    or c.ent_type_ in ("NORP", "GPE", "PERSON", "ORG") for c in h.children)


def _the_two(h) -> bool:
    """'the two men', 'both sides': a pair told by its number."""
    return any(c.dep_ == "nummod" and c.lower_ in ("two", "2") for c in h.children) and \
        any(c.dep_ == "det" and c.lower_ == "the" for c in h.children) or \
        any(c.dep_ in ("det", "predet") and c.lower_ == "both" for c in h.children)


def _named_holder(h):
    """The name in apposition to a role's organisation: "Ruiz" of "the commander of the Guards,
    General Ana Ruiz" (the parser attaches "Ruiz" to "Guards"), or None."""
    if h.tag_ != "NN" or any(c.dep_ == "appos" for c in h.children):  # one holder: "the commander"
        return None
    of = next((c for c in h.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    org = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if org is None:
        return None
    return next((c for c in org.children if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i > org.i), None)


def _leader(h):
    """The one "leading" or "heading" a group: "a delegation headed by Ana Ruiz"."""
    for c in h.children:
        if c.dep_ == "acl" and c.lemma_.lower() in ("head", "lead", "led", "chair"):
            agent = next((a for a in c.children if a.dep_ == "agent"), None)
            if agent is not None:
                return next((o for o in agent.children if o.dep_ == "pobj"), None)
    return None


def _listed_after(head) -> list:
    """'Mordor, Rohan, Fornost and Bree': the parser hangs the list off the first name as an
    apposition with its own conjuncts; those names are coordinated with it. A lone apposition
    ("Zarif, Iran's foreign minister") is the same actor and is not listed."""
    for c in head.children:
        if c.dep_ == "appos" and c.i > head.i and head.pos_ == "PROPN" and c.pos_ == "PROPN" and c.conjuncts:
            return [c, *c.conjuncts]
    return []


def _reporting_subject(pron):
    """The subject of the verb of saying whose clause a pronoun is the subject of."""
    clause = pron.head
    if pron.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
        return None
    subj = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON":
        return None
    return subj


def _prep_object(h, preps: tuple[str, ...]):
    for prep in h.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


_SKIPPED = ("det", "nummod", "quantmod", "punct", "predet", "cc", "prep", "case", "advmod")


def _modifier_words(h) -> list:
    """The words of a noun phrase up to its head, without determiners, numbers and what
    hangs off them ("at least 19 Palestinians" -> "Palestinians")."""
    out = []
    for t in h.subtree:
        if t.i > h.i:
            break
        node, skip = t, False
        while node.i != h.i:
            if node.dep_ in _SKIPPED or node.head.i == node.i:
                skip = node.dep_ in _SKIPPED
                break
            node = node.head
        if not skip and t.ent_type_ not in ("DATE", "TIME"):
            out.append(t)  # ("That evening riot police": the time is no part of who)
    return out


def _phrase(h) -> str:
    return " ".join(t.text for t in _modifier_words(h)) or h.text


def _name_run(h) -> str:
    """The proper-noun words right before a head ("Minas Tirith" in "Minas Tirith border police")."""
    words = []
    for t in h.lefts:
        if t.dep_ == "compound" and t.pos_ == "PROPN":
            # "White House security officials": "White" hangs off "House"
            words.extend(w for w in t.subtree if w.pos_ == "PROPN" and w.dep_ == "compound" or w is t)
    if len(words) < 2:
        return ""
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def _of_countries(h, kb) -> list[str]:
    """'the people of Palestine', 'lawmakers in Fornost and Gondor', 'soldiers from Gondor': the countries after of/in/from."""
    found: list[str] = []
    for prep in h.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "from"):
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                for o in (obj, *obj.conjuncts):
                    # "Saudi Arabia and Iran": a conjunct's own words, not its subtree with the others
                    code = kb.country_of_word(o.text) or kb.country_of_word(o.doc[o.left_edge.i:o.i + 1].text)
                    if code and code not in found:
                        found.append(code)
            if found:
                return found
    return found
