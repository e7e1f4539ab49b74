"""Triggers the grammar makes where no lexicon word is: weapons, calls, crowds.

Each is a pattern of news English that no single verb carries:
- a weapon used on someone is an attack, whatever the verb ("pelted police with stones",
  "fired water cannon at protesters");
- to call someone, with nothing they are called, is a telephone call;
- protesters who gather, fill a square or come back are a demonstration.
Their ``why`` rule is ``grammar:NAME``.
"""
from __future__ import annotations

from typing import Optional

from .grammar import PASSIVE_SUBJECTS, Trigger, direct_object, passive_agent, passive_subject, prep_object, subject_of
from .lexicon import Pattern


# Instruments that make any verb an attack: "showered the town with rockets", "pelted
# them with stones", "dispersed the crowd with tear gas". CAMEO code by weapon.
WEAPON_CODES = {
    "rocket": "195", "missile": "195", "bomb": "195", "airstrike": "195", "drone": "195", "warplane": "195",
    "artillery": "194", "shell": "194", "mortar": "194", "tank": "194", "howitzer": "194",
    "gun": "193", "gunfire": "193", "bullet": "193", "rifle": "193", "firearm": "193", "machine-gun": "193",
    "grenade": "190", "explosive": "190", "stone": "182", "rock": "182", "knife": "182", "club": "182",
    "baton": "175", "gas": "175", "teargas": "175", "cannon": "175",
}


# Verbs whose object is the weapon itself: "fired water cannon at protesters", "used tear gas
# on the crowd", "threw stones at police". The target is after at/on/against/into.
_WIELDING = {"fire", "use", "launch", "deploy", "hurl", "throw", "lob"}
_AIMED_AT = ("at", "on", "against", "into")


def weapon_trigger(v) -> Optional[Trigger]:
    if v.lemma_.lower() in _WIELDING and (obj := direct_object(v)) is not None \
            and obj.dep_ in ("dobj", "obj") and (code := _weapon_code(obj)) is not None:
        hosts = [v, obj, *obj.conjuncts]  # "used water cannon and tear gas on crowds": on may hang off gas
        aimed = next((p for h in hosts for p in h.children if p.dep_ == "prep" and p.lower_ in _AIMED_AT), None)
        trig = Trigger(Pattern(code, v.lemma_.lower(), origin="grammar:weapon",
                               text=f"VERB {obj.lemma_.lower()} at/on ...: {code}"), v, words=[v, obj])
        trig.source = subject_of(v)
        trig.target = prep_object(aimed) if aimed is not None else None
        return trig
    for prep in v.children:
        if prep.dep_ == "prep" and prep.lower_ == "with" and prep.i > v.i:
            obj = prep_object(prep)
            if obj is None:
                continue
            code = _weapon_code(obj)
            if code is None:
                continue
            trig = Trigger(Pattern(code, v.lemma_.lower(), ("with",), origin="grammar:weapon",
                                   text=f"VERB with {obj.lemma_.lower()}: {code}"), v, words=[v, prep, obj])
            trig.source = subject_of(v)
            trig.target = direct_object(v)
            if any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in v.children):
                trig.source, trig.target = passive_agent(v), passive_subject(v)
            return trig
    return None


_PERSON_ENTS = {"PERSON", "ORG", "GPE", "NORP"}


def phoning(v) -> Optional[Trigger]:
    """"The president called his Peruvian counterpart on Friday", "Biden called Erdogan": to call
    someone, with nothing they are called ("called him a liar") or asked ("called on"), is a
    telephone call (041)."""
    if v.lemma_.lower() != "call":
        return None
    obj = direct_object(v)
    if obj is None:
        # the parser reads "called the Peruvian president on Friday" as an object predicate
        obj = next((c for c in v.children if c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN")), None)
        complements = ("xcomp", "ccomp", "prt")
    else:
        complements = ("oprd", "xcomp", "ccomp", "prt")
    if obj is None or obj.dep_ not in ("dobj", "obj", "oprd") or any(
            c.dep_ in complements or (c.dep_ == "prep" and c.lower_ in ("for", "as", "off"))
            for c in v.children):
        return None
    if not (obj.ent_type_ in _PERSON_ENTS or obj.pos_ == "PRON" and obj.lower_ in ("him", "her", "them")
            or any(c.ent_type_ in _PERSON_ENTS for c in obj.children if c.dep_ in ("amod", "compound", "poss"))):
        return None
    trig = Trigger(Pattern("041", "call", origin="grammar:phone call", text="call <someone>: 041"), v, words=[v])
    trig.source = subject_of(v)
    trig.target = obj
    return trig


def _weapon_code(obj) -> Optional[str]:
    code = WEAPON_CODES.get(obj.lemma_.lower())
    if code == "175" and obj.lemma_.lower() == "cannon" and "water" not in {c.lower_ for c in obj.children}:
        return None  # a cannon is artillery unless it is a water cannon
    return code


# People who protest by being there: "thousands of protesters gathered outside parliament",
# "crowds filled Rustaveli Avenue", "they came back on Wednesday in greater numbers" (they:
# the protesters, as the resolver reads them). The subject's head, or the head of its
# "of" phrase ("thousands of protesters"), is one of these nouns.
_PROTESTERS = {"protester", "protestor", "demonstrator", "marcher", "crowd", "rioter", "activist", "supporter",
               "opponent"}
_GATHERING = {"gather", "assemble", "converge", "fill", "throng", "pack", "flood", "mass", "swarm", "surround",
              "occupy", "return", "come", "turn", "rally", "march", "pour", "take", "stream", "descend", "camp"}
# "came back", "turned out", "took to the streets", "poured into the square"
_GATHERING_PARTICLES = {"come": {"back", "out", "to", "into", "onto"}, "turn": {"out"}, "take": {"to"},
                        "pour": {"into", "onto", "out"}, "stream": {"into", "onto"}, "descend": {"on", "upon"}}


def crowd_trigger(v) -> Optional[Trigger]:
    """Protesters gathering, filling a place or coming back: a demonstration (141)."""
    lemma = v.lemma_.lower()
    if lemma not in _GATHERING:
        return None
    if lemma in _GATHERING_PARTICLES and not any(c.lower_ in _GATHERING_PARTICLES[lemma] for c in v.children):
        return None
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    crowd = subj
    if subj.lemma_.lower() not in _PROTESTERS:
        of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        crowd = prep_object(of) if of is not None else None
    if crowd is None or crowd.lemma_.lower() not in _PROTESTERS:
        return None
    trig = Trigger(Pattern("141", lemma, origin="grammar:crowd", text="<protesters> gather/fill/come back: 141"),
                   v, words=[v])
    trig.source = crowd
    trig.target = None
    return trig
