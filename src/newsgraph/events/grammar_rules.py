"""Triggers the grammar makes where no lexicon word is: weapons, calls, crowds.

Each is a pattern of news English that no single verb carries:
- a weapon used on someone is an attack, whatever the verb ("pelted police with stones",
  "fired water cannon at protesters");
- to call someone, with nothing they are called, is a telephone call;
- protesters who gather, fill a square or come back are a demonstration.
Their ``why`` rule is ``grammar:NAME``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from .grammar import (PASSIVE_SUBJECTS, Trigger, direct_object, governing_verb, passive_agent, passive_subject,
                      prep_object, subject_of)
from .lexicon import Pattern, word_set


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
# verbs of impact, which code nothing alone ("sanctions hit the economy") but are an attack
# when a weapon or armed forces are their subject ("a drone hit a residential building")
_IMPACT = {"hit", "slam", "pound", "smash", "rock", "pummel"}


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
    if v.lemma_.lower() in _IMPACT and (subject := subject_of(v)) is not None \
            and (code := WEAPON_CODES.get(subject.lemma_.lower())
                 or ("190" if subject.lemma_.lower() in word_set("force_subjects") else None)) is not None \
            and code[:2] >= "19":
        trig = Trigger(Pattern(code, v.lemma_.lower(), origin="grammar:weapon",
                               text=f"{subject.lemma_.lower()} VERB ...: {code}"), v, words=[v])
        trig.source, trig.target = subject, direct_object(v)
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


# Whom one calls by telephone when the parser finds no name: "called his Russian counterpart".
_CALLEES = {"president", "minister", "counterpart", "leader", "chancellor", "king", "queen", "premier", "emir",
            "prince", "secretary", "chief", "envoy", "head", "ambassador", "governor", "mayor", "sheikh", "sultan"}


def phoning(v) -> Optional[Trigger]:
    """"The president called his Peruvian counterpart on Friday", "Ana Ruiz called Luis Vega": to call
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
            or obj.lemma_.lower() in _CALLEES):
        return None  # "called Peru's vote a bad development" is no call
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
# "crowds filled the main square", "they came back on Wednesday in greater numbers" (they:
# the protesters, as the resolver reads them). The subject's head, or the head of its
# "of" phrase ("thousands of protesters"), is one of these nouns.
_PROTESTERS = {"protester", "protestor", "participant", "demonstrator", "marcher", "crowd", "rioter", "activist", "supporter",
               "opponent"}
_GATHERING = {"gather", "assemble", "converge", "fill", "throng", "pack", "flood", "mass", "swarm", "surround",
              "occupy", "return", "come", "turn", "rally", "march", "pour", "take", "stream", "descend", "camp"}
# "came back", "turned out", "took to the streets", "poured into the square"
_GATHERING_PARTICLES = {"come": {"back", "out", "to", "into", "onto"}, "turn": {"out"}, "take": {"to"},
                        "pour": {"into", "onto", "out"}, "stream": {"into", "onto"}, "descend": {"on", "upon"}}


# "pulled down the barriers", "set rubbish bins alight", "smashed windows": a riot (145)
_WRECKING = {"smash", "torch", "loot", "vandalize", "vandalise", "ransack", "burn", "set", "pull", "tear", "break",
             "clash", "overturn", "topple"}
_WRECKING_PARTICLES = {"set": {"alight", "ablaze", "fire", "on"}, "pull": {"down", "apart", "away"},
                       "tear": {"down", "apart", "up"}, "break": {"through", "into", "down"}}


def crowd_trigger(v) -> Optional[Trigger]:
    """Protesters gathering, filling a place or coming back: a demonstration (141); wrecking
    things or clashing: a riot (145)."""
    lemma = v.lemma_.lower()
    if lemma not in _GATHERING and lemma not in _WRECKING:
        return None
    particles = _GATHERING_PARTICLES.get(lemma) if lemma in _GATHERING else _WRECKING_PARTICLES.get(lemma)
    if particles and not any(w.lower_ in particles for c in v.children for w in (c, *c.children)
                             if c.dep_ in ("prt", "prep", "advmod", "oprd", "ccomp", "xcomp", "acomp", "dobj")):
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
    if lemma in _WRECKING:
        trig = Trigger(Pattern("145", lemma, origin="grammar:crowd", text="<protesters> wreck/clash: 145"),
                       v, words=[v])
        trig.source = crowd
        trig.target = next((prep_object(c) for c in v.children if c.dep_ == "prep" and c.lower_ == "with"), None)
        return trig
    trig = Trigger(Pattern("141", lemma, origin="grammar:crowd", text="<protesters> gather/fill/come back: 141"),
                   v, words=[v])
    trig.source = crowd
    trig.target = None
    return trig


# Crowds that block or wreck: "crowds blocked the main roads" (144), "protesters pulled down
# the barriers", "stormed the embassy", "set bins alight" (145). CAMEO codes force used by
# protesters as a violent protest, not as an assault by an armed actor.
_OBSTRUCTING = {"block", "barricade", "blockade", "seal", "obstruct", "cut"}
_FORCE_ROOTS = ("17", "18", "19", "20")


def protesters_of(tok):
    """The protesters a subject names: "protesters", "crowds", "thousands of demonstrators"."""
    if tok is None:
        return None
    if tok.lemma_.lower() in _PROTESTERS:
        return tok
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = prep_object(of) if of is not None else None
    return obj if obj is not None and obj.lemma_.lower() in _PROTESTERS else None


def crowd_recode(trig: Trigger) -> Optional[str]:
    """The code of a crowd's act of force or obstruction (see above), or None."""
    if trig.pattern.rule is not None or protesters_of(trig.source) is None:
        return None
    if trig.token.lemma_.lower() in _OBSTRUCTING and not trig.pattern.is_noun:
        return "144"
    if trig.pattern.code[:2] in _FORCE_ROOTS and not _someone(trig.target):
        return "145"  # "beaten by a crowd of dozens": a person assaulted, not a riot
    return None


# Targets of a crowd's force that make it an assault on someone, not a riot.
_PEOPLE_WORDS = {"man", "woman", "boy", "girl", "child", "driver", "passenger", "journalist", "reporter",
                 "civilian", "worker", "resident", "student", "family", "victim", "migrant", "refugee"}


def _someone(tok) -> bool:
    return tok is not None and (tok.ent_type_ == "PERSON" or tok.lemma_.lower() in _PEOPLE_WORDS
                                or (tok.pos_ == "PRON" and tok.lower_ in ("him", "her", "he", "she")))


def weapon_recode(trig: Trigger) -> Optional[str]:
    """"The missile flattened the restaurant": an act of force whose subject is a weapon is
    coded by the weapon (195 for a missile), not as the verb's destruction of property."""
    if trig.pattern.rule is not None or trig.source is None or trig.pattern.code[:2] not in _FORCE_ROOTS:
        return None
    code = WEAPON_CODES.get(trig.source.lemma_.lower())
    if code is None or code[:2] < "19" or code == trig.pattern.code:
        return None
    return code


# "delivered a diplomatic note of protest to Moscow", "sent a letter of protest to the UN":
# a complaint made officially (114), not a demonstration in the street.
_PROTEST_CARRIERS = {"note", "letter", "message", "cable"}


def official_protest(n) -> Optional[Trigger]:
    """The noun "protest" in "a note of protest to X": CAMEO 114 against X."""
    if n.lemma_.lower() != "protest" or n.dep_ != "pobj" or n.head.lower_ != "of":
        return None
    carrier = n.head.head
    if carrier.lemma_.lower() not in _PROTEST_CARRIERS:
        return None
    trig = Trigger(Pattern("114", "protest", origin="grammar:official protest",
                           text="note/letter of protest to X: 114"), n, words=[carrier, n.head, n])
    to = next((c for c in (*carrier.children, *n.children) if c.dep_ in ("prep", "dative") and c.lower_ == "to"), None)
    verb = governing_verb(carrier)
    if to is None and verb is not None:
        to = next((c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"), None)
    trig.target = prep_object(to) if to is not None else None
    trig.source = subject_of(verb) if verb is not None else None
    return trig


# "The election board's chairman said Ruiz had taken 52.1% of the vote", "told reporters that
# Guven had won an absolute majority": an authority announcing who won is a statement about
# the winner (010), where news of elections reports it.
_ANNOUNCING = {"say", "announce", "declare", "tell", "confirm", "report", "state"}
_WINNING = {"win", "take", "secure", "receive", "get", "obtain", "garner", "capture", "have", "lead", "poll"}
_RESULT_WORDS = {"vote", "votes", "majority", "percent", "%", "ballot", "ballots", "seat", "seats", "election",
                 "runoff", "run-off", "round", "race", "poll", "polls"}


_CANDIDATES = {"president", "candidate", "incumbent", "challenger", "party", "leader", "coalition", "bloc",
               "alliance", "opposition", "minister", "governor", "mayor"}


def result_announcement(v) -> Optional[Trigger]:
    """Who announced that whom won (see above), or None."""
    if v.lemma_.lower() not in _ANNOUNCING:
        return None
    for clause in (c for c in v.children if c.dep_ == "ccomp" and c.lemma_.lower() in _WINNING):
        winner = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        won = direct_object(clause)
        if winner is None or won is None or not (winner.ent_type_ in ("PERSON", "ORG") or winner.pos_ in ("PRON", "PROPN")
                                                 or winner.lemma_.lower() in _CANDIDATES):
            continue
        if not any(w.lower_ in _RESULT_WORDS or w.lemma_.lower() in _RESULT_WORDS for w in won.subtree):
            continue
        trig = Trigger(Pattern("010", v.lemma_.lower(), origin="grammar:result",
                               text="<authority> said <candidate> won/took N% of the vote: 010"), v,
                       words=[v, clause])
        trig.source = subject_of(v)
        trig.target = winner
        trig.target_how = f"who '{clause.text}' the vote, as announced"
        return trig
    return None


# "Ana Ruiz defeated Luis Vega in Sunday's run-off", "Voters re-elected ...": an election
# won is the electorate's support for the winner (051). The electorate is the country the
# article happens in; the code_events driver fills it in (flag "electorate").
_WINNING_VOTE = {"win", "defeat", "beat", "trounce", "edge"}
_ELECTION_TEXT = re.compile(r"(?i)\b(?:elections?|run-?offs?|votes?|ballots?|polls?|referendum|primary|"
                            r"first round|second round|re-?election)\b")


def election_win(v) -> Optional[Trigger]:
    """Who won an election (see above), or None."""
    if v.lemma_.lower() not in _WINNING_VOTE:
        return None
    # "extended his rule by beating his rival": the one who extended it
    winner = next((c for c in v.children if c.dep_ == "nsubj"), None) or subject_of(v)
    if winner is None or not (winner.ent_type_ in ("PERSON", "ORG") or winner.pos_ == "PROPN"
                              or winner.lemma_.lower() in _CANDIDATES):
        return None
    if not _ELECTION_TEXT.search(v.doc[v.left_edge.i:v.right_edge.i + 1].text):
        return None
    trig = Trigger(Pattern("051", v.lemma_.lower(), origin="grammar:election",
                           text="<candidate> won/defeated ... in the election: 051 from the electorate"), v,
                   words=[v], flags=["electorate"])
    trig.target = winner
    trig.target_how = "who won the vote"
    return trig


# "Lima had kept Chile informed about the talks": sharing information (064).
_INFORMED = {"informed", "briefed", "updated", "abreast", "apprised", "posted"}


def kept_informed(v) -> Optional[Trigger]:
    """Keeping someone informed or briefed: CAMEO 064 at them."""
    if v.lemma_.lower() != "keep":
        return None
    obj = direct_object(v)
    told = next((c for c in v.children if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "advmod")
                 and c.lower_ in _INFORMED), None)
    if obj is None and told is not None:
        # the parser may hang the object under the participle: "kept [the US informed]"
        obj = next((c for c in told.children if c.dep_ in ("nsubj", "dobj")), None)
    if told is None and obj is not None:
        # ... or the participle under the object: "kept [US officials [informed]]"
        told = next((c for c in obj.children if c.dep_ in ("acl", "amod") and c.lower_ in _INFORMED), None)
    if obj is None or told is None:
        return None
    trig = Trigger(Pattern("064", "keep", origin="grammar:informed", text="keep X informed/briefed: 064"), v,
                   words=[v, told])
    trig.source = subject_of(v)
    trig.target = obj
    return trig


def message_sent(v) -> Optional[Trigger]:
    """"sent a message to his 'dear friend'", "wrote to the president": a message to someone
    (``event_words.toml [messages]``). Flagged ``amid_congratulations``: the coder keeps it
    only where the article has just told congratulations, as one more of them (051)."""
    lemma = v.lemma_.lower()
    to = next((c for c in v.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"), None)
    words = [v]
    if lemma in word_set("messages", "sending"):
        message = direct_object(v)
        if message is None or message.lemma_.lower() not in word_set("messages", "nouns"):
            return None
        words.append(message)
        if to is None:
            to = next((c for c in message.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    elif lemma not in word_set("messages", "writing") or to is None:
        return None
    trig = Trigger(Pattern("051", lemma, origin="grammar:message",
                           text="send a message / write to X among congratulations: 051"), v, words=words,
                   flags=["amid_congratulations"])
    trig.source = subject_of(v)
    trig.target = prep_object(to) if to is not None and to.dep_ == "prep" else to
    return trig


def concession_recode(trig: Trigger) -> Optional[str]:
    """'The challenger conceded on Monday': to concede with nothing conceded named is to concede defeat
    (0831), not to admit something (015, 'conceded that mistakes were made')."""
    v = trig.token
    if trig.pattern.rule is not None or trig.pattern.is_noun or v.lemma_.lower() != "concede" \
            or trig.pattern.code != "015":
        return None
    if any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp") for c in v.children):
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("that", "to") for c in v.children):
        return None  # "conceded to the demands" is yielding to them, coded by its own pattern
    return "0831"


# "the phone call", "this telephone conversation", "during their call by phone": a definite
# reference back to a call already told.
_CALL_BACK = re.compile(r"\b(?:the|this|that|their|his|her)\s+(?:(?:tele)?phone|telephonic)\s+"
                        r"(?:call|conversation|talk)s?\b", re.IGNORECASE)


def told_call(text: str) -> bool:
    """Whether a sentence refers back to a phone call: "During the phone call, Haniyeh asked ..."."""
    return _CALL_BACK.search(text) is not None


def by_phone(event):
    """A consultation (040) that the next sentences call a phone call: 041, with the step said."""
    if event.cameo != "040":
        return event
    why = event.why
    if why is not None:
        why = replace(why, steps=[*why.steps, "a phone call, as the next sentences call it: 040 -> 041"])
    return replace(event, cameo="041", why=why)


def calls_off(verb) -> bool:
    """'postponed', 'cancelled', 'called off', 'put off': the verb's object does not happen."""
    lemma = verb.lemma_.lower()
    if lemma in ("call", "put"):
        return any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    return lemma in word_set("called_off")
