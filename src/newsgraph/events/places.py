"""Where an event happened: a place the trigger's clause names, else where the article last told
its sides, else the dateline."""
from __future__ import annotations

from typing import Optional

from ..kb.gazetteer import load_gazetteer
from ..records import Article, ArticleAnalysis, LocalEntity
from .clauses import Clauses, anchor_of

_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "into", "throughout"}
# "the town of Samarra", "outside of the city of Basra": nouns whose of-phrase names the place
_PLACE_NOUNS = {"town", "city", "village", "province", "region", "district", "capital", "area", "outskirts",
                "suburb", "port", "island", "state", "county", "border", "streets", "centre", "center",
                "settlement", "camp", "hamlet", "neighbourhood", "neighborhood"}
# of these, the ones whose of-phrase names a place however small: "the village of Pampa Alta" is a
# place even where neither the recogniser nor the gazetteer knows the name
_SETTLEMENT_NOUNS = {"town", "city", "village", "settlement", "hamlet", "district", "province", "region"}
_PLACE_TYPES = {"GPE", "LOC", "FAC"}
_SPEAKING = {"speak", "talk", "address", "write", "broadcast", "appear"}  # "speaking from Geneva"
_WHERE_ONE_IS = {"from", "in", "at"}  # "speaking from Geneva", "who is in Geneva"
# what a recogniser's label rules out as a place, even where the gazetteer knows the name
_NOT_PLACES = {"PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL",
               "QUANTITY", "EVENT", "LAW", "LANGUAGE"}


class PlaceFinder:
    def __init__(self, article: Article, analysis: Optional[ArticleAnalysis]):
        # Character offset -> the first place mention (in entity order) covering it: a
        # token is looked up by its first character, once per event, so a scan of every
        # mention made long articles quadratic. Place mentions cover few characters.
        self.at_char: dict[int, tuple[LocalEntity, str]] = {}  # -> (place, its name as written there)
        for entity in (analysis.entities if analysis else ()):
            if entity.type in _PLACE_TYPES:
                for m in entity.mentions:
                    # a report names the place as its text does ("Jenin", not GeoNames' "Janīn");
                    # a role ("the Chinese capital") by the place's own name
                    written = m.text if m.kind == "name" else entity.name
                    for char in range(m.start, m.end):
                        self.at_char.setdefault(char, (entity, written))
        self.dateline = _dateline_place(article.dateline)
        self.home = _home_country(analysis, self.dateline)
        self._sentence: Optional[int] = None
        self._told: dict[str, tuple[int, dict]] = {}  # entity key -> (order, the place it was last told at)
        self._order = 0
        self._settlements: set[str] = set()  # names taken as places by their settlement noun
        self._places: list = []  # (place, the relative clause it is told in or None)

    def in_sentence(self, trig, clauses: Optional[Clauses] = None) -> Optional[dict]:
        """The place the trigger's clause names, else one its sentence names, else None (the
        caller falls back on the dateline's place). With ``clauses`` (an event of force or
        protest among others in its sentence), the place of its own clause comes first: in
        "a raid on the camp left seven dead, and gunmen killed four near the village" the
        killing is at the village."""
        v = trig.token if not trig.pattern.is_noun else trig.token.head
        for host in (trig.token, v, v.head):
            if (place := self._phrase_place(host, _PLACE_PREPS)) is not None:
                return place
        if (found := self._where_the_source_is(trig, v)) is not None:
            return found
        if clauses is not None:
            found = clauses.search(anchor_of(trig.token), self._place_among, below=False)
            if found:
                return found
        # "students throughout Indonesia staged ...": a place phrase elsewhere in the clause
        sent = trig.token.sent
        if self._sentence != sent.start:  # the place phrases of a sentence, found once for its triggers
            self._sentence = sent.start
            self._places = [(p, _relative_clause_of(tok), tok) for tok in sent if tok.dep_ == "pobj" and (
                tok.head.lower_ in _PLACE_PREPS or (
                    tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _PLACE_NOUNS | {"outside"}))
                and (p := self._entity_place(tok))]
        # a place told of someone in a relative clause is theirs, not the event's: in "the
        # president, who spent the crisis in Paris, sided with the protesters" nothing
        # happened in Paris; a trigger inside that clause keeps it. Nor is the place of another
        # act of force in the sentence ("a raid on Tacna left seven dead, and gunmen killed
        # four near the Arica settlement": not the raid's)
        i = trig.token.i
        mine = anchor_of(trig.token).i if clauses is not None else None
        return next((p for p, rel, tok in self._places
                     if (rel is None or rel.left_edge.i <= i <= rel.right_edge.i)
                     and (mine is None or _same_act(clauses, clauses.owner_of(tok), mine))), None)

    def _where_the_source_is(self, trig, verb) -> Optional[dict]:
        """Where the source was when it acted: "speaking from Geneva, the head of state told
        demonstrators" (a participle of speaking), "the president, who is in Geneva for a
        conference, praised the protesters" (a relative clause of being somewhere; not "who
        spent the crisis in Paris", which tells of a stay, not of where the act was done)."""
        verbs = [verb] + ([verb.head] if verb.dep_ in ("ccomp", "xcomp") else [])  # "told them she stood with them"
        hosts = [c for v in verbs for c in v.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                 and c.lemma_.lower() in _SPEAKING]
        source = trig.source
        if source is not None:
            hosts += [c for c in source.children if c.dep_ == "relcl" and c.lemma_.lower() == "be"]
        return next((p for host in hosts if (p := self._phrase_place(host, _WHERE_ONE_IS)) is not None), None)

    def of_act(self, act) -> Optional[dict]:
        """The place an act's own words name: "the vote in Tacna", "the elections of Peru"."""
        return self._phrase_place(act, _PLACE_PREPS | {"of"}) if act is not None else None

    def _phrase_place(self, host, preps) -> Optional[dict]:
        """The first place a prepositional phrase of ``host`` names, its preposition one of ``preps``."""
        for prep in host.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and (place := self._entity_place(obj)) is not None:
                        return place
        return None

    def _place_among(self, tokens: list) -> Optional[dict]:
        """The first place among some words of a clause: a place phrase ("near the village"), or
        what an act of force or protest is done to ("struck the station of Tacna")."""
        for tok in tokens:
            if tok.dep_ == "pobj" and (tok.head.lower_ in _PLACE_PREPS or (
                    tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _PLACE_NOUNS)):
                found = self.of_side(tok)
            elif tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
                found = self.of_side(tok)
                found = found if found and found.get("lat") is not None else None
            else:
                continue
            if found:
                return found
        return None

    def of_side(self, tok) -> Optional[dict]:
        """The place an event's side is, when it is one ("Israeli forces stormed Jenin"), or the
        place that names it ("struck Tacna railway station": Tacna)."""
        if tok is None:
            return None
        found = self._entity_place(tok)
        if found is None and tok.pos_ in ("NOUN", "PROPN"):
            found = next((p for c in tok.children if c.dep_ in ("compound", "poss", "nmod")
                          and (p := self._entity_place(c)) is not None and p.get("lat") is not None), None)
        return found or self._gazetteer_place(tok)

    def _gazetteer_place(self, tok) -> Optional[dict]:
        """A proper name the entity recogniser did not take for a place (a town it called a
        product) that the gazetteer knows: "in central Tacna", "the Tacna railway station"."""
        names = [tok] if tok.pos_ == "PROPN" else [c for c in tok.children
                                                     if c.dep_ == "compound" and c.pos_ == "PROPN"]
        for name in names:
            if name.ent_type_ in _NOT_PLACES or not name.text[:1].isupper():
                continue
            words = [c for c in name.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [name]
            if (place := _known_place(" ".join(w.text for w in sorted(words, key=lambda w: w.i)))) is not None:
                return place
        return None

    def finest(self, named: Optional[dict], sides=()) -> Optional[dict]:
        """The event's place: the one named, unless it is only the country the dateline's town
        is in ("Police in Peru fired water cannon", datelined Lima: Lima); with none named, the
        place the article last told an event of one of its named sides at, when the dateline
        is in no side's country: "LIMA - the Bolivian president met a Chilean delegation headed by
        its foreign minister in La Paz on Wednesday ... On Tuesday, the minister held talks with
        the vice-president": La Paz, not Lima, where the report was filed; else the dateline's.
        ``sides``: the event's actors as found so far."""
        dateline = self.dateline
        keys = [a.key for a in sides if a is not None and a.key]
        if named is None:
            told = [self._told[k] for k in keys if k in self._told]
            countries = {a.country for a in sides if a is not None and a.country}
            if told and not (dateline and dateline.get("country") in countries):
                return max(told, key=lambda t: t[0])[1]
            return dateline
        self._order += 1
        for key in keys:
            self._told[key] = (self._order, named)
        if named.get("lat") is None and dateline and dateline.get("lat") is not None \
                and dateline.get("country") and dateline["country"] == named.get("country") \
                and not named.get("name") in self._settlements:
            return dateline
        return named

    def _entity_place(self, tok, depth: int = 0) -> Optional[dict]:
        found = self.at_char.get(tok.idx)
        if found is not None:
            entity, written = found
            return {"name": written, "country": entity.country, "lat": entity.lat, "lon": entity.lon}
        if depth == 0 and tok.pos_ == "NOUN":
            # "the town of Samarra", "the Iraqi city of Basra"
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return self._entity_place(obj, 1) or self._named_settlement(tok, obj)
            if tok.lemma_.lower() in _PLACE_NOUNS:
                # "near the Arica settlement", "the Tacna camp": the place its name modifies
                for child in tok.children:
                    if child.dep_ != "compound":
                        continue
                    found = self._entity_place(child, 1)
                    if found is not None and found.get("lat") is None and not found.get("country"):
                        found = None  # "Kurdish guerrilla camps": a people, not a known place
                    if found := found or self._named_settlement(tok, child):
                        return found
        return None

    def _named_settlement(self, noun, name) -> Optional[dict]:
        """'the village of Pampa Alta', 'the Arica settlement': a proper name of a settlement noun is a
        place, though no gazetteer knows it and the recogniser took
        it for a person or an organisation."""
        if noun.lemma_.lower() not in _SETTLEMENT_NOUNS or name.pos_ != "PROPN" or \
                name.ent_type_ in _NOT_PLACES - {"PERSON", "ORG", "NORP"}:
            return None
        words = name.doc[name.left_edge.i:name.i + 1] if name.dep_ != "compound" else [name]
        text = " ".join(t.text for t in words if t.pos_ == "PROPN")
        if not text:
            return None
        if (known := _known_place(text)) is not None:
            return known
        self._settlements.add(text)
        # the dateline's country, where the reporter is: a village named with no country in a
        # report from Tacna is Peru's; not a country the article is only about (a rebel-held
        # region named in a report about its neighbour is not the neighbour's)
        country = self.dateline.get("country") if self.dateline else None
        return {"name": text, "country": country, "lat": None, "lon": None}


def _known_place(text: str) -> Optional[dict]:
    """A place record for a name the gazetteer knows, as the report writes it."""
    place = load_gazetteer().find(text)
    return None if place is None else {"name": text, "country": place.country, "lat": place.lat, "lon": place.lon}


def _same_act(clauses: Clauses, owner: Optional[int], mine: int) -> bool:
    """Whether words owned by ``owner`` tell the act anchored at ``mine``: its own clause, words
    no act owns, or an adverbial clause under it ("killed five people when they opened fire
    on a market in Arica"); not another act joined to it ("..., and gunmen killed four near Arica")."""
    if owner is None or owner == mine:
        return True
    anchor = clauses.sent.doc[owner]
    up = clauses.above(anchor)
    return anchor.dep_ == "advcl" and up is not None and up.i == mine


def _relative_clause_of(tok):
    """The relative clause (``relcl``) a token lies in, or None."""
    for anc in tok.ancestors:
        if anc.dep_ == "relcl":
            return anc
    return None


def _home_country(analysis: Optional[ArticleAnalysis], dateline: Optional[dict]) -> Optional[dict]:
    """The country an article is about: the one its people, bodies and places belong to
    most often (clearly the most: twice, and more than any other), the dateline counting
    once; else the dateline's. A report from Quito on Peru's unrest names Peru, Peruvian
    forces and Cusco far more than Ecuador: its unnamed "government" is Peru's."""
    counts: dict[str, int] = {}
    for entity in (analysis.entities if analysis else ()):
        if entity.country:
            counts[entity.country] = counts.get(entity.country, 0) + len(entity.mentions)
    if dateline and dateline.get("country"):
        counts[dateline["country"]] = counts.get(dateline["country"], 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        return {"name": None, "country": ranked[0][0]}
    if dateline and dateline.get("country"):
        return {"name": None, "country": dateline["country"]}
    return None


def _dateline_place(dateline: Optional[str]) -> Optional[dict]:
    if not dateline:
        return None
    place = load_gazetteer().find(dateline)
    if place is None:
        return {"name": dateline, "country": None, "lat": None, "lon": None}
    return {"name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon}
