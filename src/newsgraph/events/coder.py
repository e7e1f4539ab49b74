"""Triggers on the dependency parse, their arguments, and the CAMEO code they carry.

For each verb or event noun of a sentence that the lexicon knows, the most
specific pattern that fits its parse gives the code ("hold" + object "talks"
+ "with" beats "hold"); the subject (or the passive's agent) is the source,
the object or the object of a preposition the target. Negated triggers are not
coded; conditional and modal ones are flagged. A verb that is the content of
another trigger ("urged Y to *support* Z") is not an event of its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional

from .lexicon import Lexicon, Pattern

TARGET_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "into", "upon", "for", "over", "from")
NOUN_TARGET_PREPS = ("with", "to", "against", "on", "of", "at", "into", "upon", "toward", "towards")
_SUBJECTS = ("nsubj", "csubj")
_PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
_MODALS = {"would", "could", "might", "may", "should", "must"}
# "X said that Y must hand over the suspects": X demands it of Y (CAMEO 10).
_OBLIGATION = {"must", "should"}
_REMINDERS = {"reminder", "warning", "message", "demand", "ultimatum", "call"}
_DECLARING = {"say", "declare", "reiterate", "insist", "stress", "emphasize", "emphasise", "conclude", "state",
              "tell", "announce", "warn", "add", "maintain", "argue", "underline", "underscore", "repeat"}
# Heads whose infinitive complement is a wish, request or attempt, not something that happened.
_IRREALIS_HEADS = {"want", "hope", "seek", "try", "attempt", "aim", "refuse", "fail", "decline", "wish",
                   "need", "have", "able", "likely", "plot", "urge", "ask", "call", "demand",
                   "appeal", "encourage", "invite", "allow", "order", "force", "warn", "press", "push", "help",
                   "persuade", "tell", "advise", "permit"}
# Heads that announce the speaker's own intention: "offered to hand over", "is ready to send",
# "threatened to attack". CAMEO codes the intended act as an intent (03) or a threat (13).
INTENT_HEADS = {"offer", "promise", "pledge", "vow", "agree", "plan", "intend", "decide", "threaten",
                "prepare", "willing", "ready", "prepared", "determined", "committed", "resolve", "undertake",
                "volunteer", "consent", "swear",
                # scheduled acts: "is due to visit", "is set to meet" are future, announced acts
                "due", "scheduled", "set", "slated", "poised", "expected"}
_SAYING = {"say", "tell", "announce", "state", "add", "declare", "insist", "report", "confirm", "indicate",
           "believe", "think", "expect", "hope", "warn", "predict"}
_STATEMENT_NOUNS = {"statement", "declaration", "communique", "letter", "report", "resolution", "message",
                    "appeal", "note", "petition"}
# Reporting constructions whose subject is not an actor of the event ("it was reported").
_LIGHT_SUBJECTS = {"it", "there", "this", "that", "which", "what"}


@dataclass
class Trigger:
    """A matched trigger with its arguments, before actors are coded."""

    pattern: Pattern
    token: object  # the spaCy token
    source: Optional[object] = None  # argument head tokens
    target: Optional[object] = None
    words: list = field(default_factory=list)  # tokens that make up the trigger
    flags: list[str] = field(default_factory=list)


def find_triggers(sent, lexicon: Lexicon) -> list[Trigger]:
    """Every coded trigger of a sentence (a spaCy Span), in text order."""
    found: list[Trigger] = []
    consumed: set[int] = set()
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lemma in lexicon.verbs:
            trig = _verb_trigger(tok, lexicon.verbs[lemma])
            if trig is None or trig.pattern.weak or trig.pattern.code[:2] not in ("18", "19", "20"):
                trig = _weapon_trigger(tok) or trig
        elif tok.pos_ == "VERB":
            trig = _weapon_trigger(tok)
        elif tok.pos_ in ("NOUN", "PROPN") and lemma in lexicon.nouns:
            trig = _noun_trigger(tok, lexicon.nouns[lemma])
        else:
            continue
        if trig is None:
            continue
        if _negated(tok):
            trig = _refusal(trig)
            if trig is None:
                continue
        found.append(trig)
        if trig.pattern.noun and not trig.pattern.is_noun:
            consumed.update(w.i for w in trig.words)
    found = [t for t in found if not (t.pattern.is_noun and t.token.i in consumed)]
    found.extend(_obligations(sent, {t.token.i for t in found
                                     if not t.pattern.weak and not t.pattern.code.startswith("01")}))
    found.sort(key=lambda t: t.token.i)
    intended = set()
    for t in found:
        head = _intent_head(t)
        if head is not None:
            t.flags.append("intent")
            intended.add(head.i)
    # "offered to hand over": the act offered says more than the offer; the head yields
    found = [t for t in found if t.token.i not in intended]
    return [t for t in found if not _content_of_other(t, found) and not _background(t, found)]


def _background(trig: Trigger, found: list[Trigger]) -> bool:
    """'..., where 24 people were killed in riots': a relative clause that recalls an earlier
    happening with nobody named as its author is background to the sentence's own event."""
    tok = trig.token
    if tok.dep_ != "relcl" or "passive" not in trig.flags or trig.source is not None:
        return False
    return any(t is not trig and t.token.dep_ == "ROOT" for t in found)


def _obligations(sent, taken: set[int]) -> list[Trigger]:
    """'X said that Y must Z', 'X insisted Y should Z': a demand by X of Y."""
    out = []
    for v in sent:
        if v.pos_ == "NOUN" and v.lemma_.lower() in _REMINDERS:
            # "issued a stern reminder to Iraq that it must cooperate"
            for clause in v.children:
                if clause.dep_ in ("ccomp", "acl") and {c.lower_ for c in clause.children if c.dep_ == "aux"} \
                        & _OBLIGATION:
                    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    if subj is not None:
                        trig = Trigger(Pattern("100", v.lemma_.lower()), v, words=[v])
                        trig.source, trig.target = _governing_subject(v), subj
                        out.append(trig)
            continue
        if v.pos_ != "VERB" or v.lemma_.lower() not in _DECLARING or v.i in taken:
            continue
        for clause in v.children:
            if clause.dep_ != "ccomp":
                continue
            auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
            has_to = any(c.lemma_ == "have" and c.dep_ in ("aux", "ROOT") for c in clause.children) and \
                clause.dep_ == "xcomp"
            if not (auxes & _OBLIGATION or has_to):
                continue
            trig = Trigger(Pattern("100", v.lemma_.lower()), v, words=[v, *[c for c in clause.children
                                                                          if c.lower_ in _OBLIGATION]])
            trig.source = _subject(v)
            trig.target = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if trig.target is not None:
                out.append(trig)
    return out


def _attempted_violence(trig: Trigger) -> bool:
    """'tried to assassinate', 'an attempt to kill': an attempted attack is itself an act (CAMEO
    185 for assassination attempts)."""
    tok = trig.token
    head = tok.head
    if trig.pattern.code[:2] not in ("17", "18", "19", "20") or tok.dep_ not in ("xcomp", "acl"):
        return False
    if head.lemma_.lower() not in ("attempt", "try"):
        return False
    if trig.pattern.code == "186":
        trig.pattern = Pattern("185", trig.pattern.lemma, trig.pattern.preps, trig.pattern.noun)
    return True


def _intent_head(trig: Trigger):
    tok = trig.token
    if trig.pattern.is_noun or tok.dep_ != "xcomp":
        return None
    head = tok.head
    if head.lemma_.lower() in INTENT_HEADS or head.lower_ in INTENT_HEADS:
        return head
    return None


def _verb_trigger(v, patterns: tuple[Pattern, ...]) -> Optional[Trigger]:
    obj = _object(v)
    # "gave Ghana 5 million dollars of aid", "sent two tons of food": the measured thing counts;
    # "undertook a mediation mission": so does the kind of thing
    measured = _of_object(obj) if obj is not None else None
    kinds = {c.lemma_.lower() for c in obj.children if c.dep_ == "compound"} if obj is not None else set()
    for p in patterns:
        words = [v]
        if p.noun is not None:
            if obj is None:
                continue
            if obj.lemma_.lower() == p.noun:
                words.append(obj)
            elif measured is not None and measured.lemma_.lower() == p.noun:
                words.append(measured)
            elif p.noun in kinds:
                words.append(obj)
            else:
                continue
        if p.preps:
            hosts = [v] + ([obj] if obj is not None else [])
            where = _find_preps(hosts, p.preps)
            if where is None:
                continue
            words.extend(where)
        trig = Trigger(p, v, words=words)
        _verb_arguments(trig, obj)
        return trig
    return None


# Instruments that make any verb an attack: "showered the town with rockets", "pelted
# them with stones", "dispersed the crowd with tear gas". CAMEO code by weapon.
WEAPON_CODES = {
    "rocket": "195", "missile": "195", "bomb": "195", "airstrike": "195", "drone": "195", "warplane": "195",
    "artillery": "194", "shell": "194", "mortar": "194", "tank": "194", "howitzer": "194",
    "gun": "193", "gunfire": "193", "bullet": "193", "rifle": "193", "firearm": "193", "machine-gun": "193",
    "grenade": "190", "explosive": "190", "stone": "182", "rock": "182", "knife": "182", "club": "182",
    "baton": "175", "gas": "175", "teargas": "175", "cannon": "175",
}


def _weapon_trigger(v) -> Optional[Trigger]:
    for prep in v.children:
        if prep.dep_ == "prep" and prep.lower_ == "with" and prep.i > v.i:
            obj = _pobj(prep)
            if obj is None:
                continue
            code = WEAPON_CODES.get(obj.lemma_.lower())
            if code == "175" and obj.lemma_.lower() == "cannon" and "water" not in {c.lower_ for c in obj.children}:
                continue
            if code is None:
                continue
            trig = Trigger(Pattern(code, v.lemma_.lower(), ("with",)), v, words=[v, prep, obj])
            trig.source = _subject(v)
            trig.target = _object(v)
            if any(c.dep_ in _PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in v.children):
                trig.source, trig.target = _agent(v), passive_subject(v)
            return trig
    return None


def _noun_trigger(n, patterns: tuple[Pattern, ...]) -> Optional[Trigger]:
    modifiers = {c.lemma_.lower() for c in n.children if c.dep_ in ("compound", "amod", "nmod")}
    for p in patterns:
        if p.noun is not None and p.noun not in modifiers:
            continue
        if p.preps and _find_preps([n], p.preps) is None:
            continue
        trig = Trigger(p, n, words=[n])
        _noun_arguments(trig)
        return trig
    return None


def _find_preps(hosts, preps: tuple[str, ...]) -> Optional[list]:
    """The tokens of ``preps`` ("out", "of") hanging off one of the hosts, or None."""
    found = []
    for word in preps:
        hit = None
        for host in hosts:
            # after its host: "On Tuesday, X called on Y" is not "call on"
            hit = next((c for c in host.children if c.lower_ == word and c.i > host.i
                        and c.dep_ in ("prep", "prt", "agent", "dative", "advmod")
                        and not ((o := _pobj(c)) is not None and o.ent_type_ in _NOT_ACTORS)), None)
            if hit is not None:
                break
        if hit is None:
            return None
        found.append(hit)
    return found


def _of_object(obj):
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            inner = _pobj(prep)
            if inner is not None and inner.pos_ == "NOUN":
                return inner
    return None


def _object(v):
    obj = next((c for c in v.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        # "X's statement was made in ..." has none; "X made remarks" has one. A passive
        # subject is the object the verb acts on.
        obj = next((c for c in v.children if c.dep_ in _PASSIVE_SUBJECTS), None)
    return obj


def _pobj(prep):
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp", "dobj")), None)


def _subject(v):
    """The subject of a verb, climbing through conjoined, infinitive and participial heads."""
    seen = 0
    while v is not None and seen < 6:
        seen += 1
        subj = next((c for c in v.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            if subj.lower_ in _LIGHT_SUBJECTS and subj.dep_ == "nsubj" and not subj.ent_type_:
                if subj.lower_ == "it" and v.dep_ == "ccomp" and v.head.lemma_.lower() in _SAYING:
                    return subj  # "Iran said it would meet ...": the actor coder reads "it" as Iran
                return None if subj.lower_ in ("it", "there") else _relative_antecedent(subj)
            return subj
        agent = _agent(v)
        if agent is not None:
            return agent
        if v.dep_ == "acl" and v.head.lemma_.lower() in _STATEMENT_NOUNS:
            # "issued a declaration demanding ...": who issued it demands
            v = v.head.head if v.head.head.pos_ in ("VERB", "AUX") else v.head
            continue
        if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return v.head
        if v.dep_ == "xcomp":
            # object control: "urged Iran to act" - Iran acts
            obj = next((c for c in v.head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                return obj
        if v.dep_ == "pcomp" and v.head.dep_ == "prep":
            # "accused the police of firing": the police fired; "before travelling": the subject did
            gov = v.head.head
            obj = next((c for c in gov.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None and v.head.lower_ in ("of", "for"):
                return obj
            v = gov
            continue
        if v.dep_ == "xcomp":
            # "the minister is scheduled to visit": the raised subject of a passive head
            raised = next((c for c in v.head.children if c.dep_ == "nsubjpass"), None)
            if raised is not None:
                return raised
        if v.dep_ in ("conj", "xcomp", "advcl", "acomp", "attr"):
            v = v.head
            continue
        return None
    return None


def _relative_antecedent(tok):
    return tok.head.head if tok.head.dep_ == "relcl" and tok.lower_ in ("which", "that") else None


def _agent(v):
    for c in v.children:
        if c.dep_ == "agent":
            return _pobj(c)
    return None


def _verb_arguments(trig: Trigger, obj) -> None:
    v, p = trig.token, trig.pattern
    if v.dep_ == "acl" and v.tag_ == "VBN" and v.head.pos_ in ("NOUN", "PROPN"):
        # "the 32 people detained", "a man killed by settlers": the noun underwent it
        trig.flags.append("passive")
        trig.source, trig.target = _agent(v), v.head
        return
    passive = any(c.dep_ in _PASSIVE_SUBJECTS or c.dep_ in ("auxpass", "agent") for c in v.children)
    if passive:
        trig.flags.append("passive")
        trig.source = _agent(v)
        trig.target = passive_subject(v)
        return
    trig.source = _subject(v)
    if p.preps and p.code[:2] in ("02", "10") and obj is not None and actorish(obj):
        # "asked Foreign Minister Zarif for Iran's support": who is asked, not what for
        trig.target = obj
        return
    if p.preps:
        for w in trig.words[1:]:
            if w.dep_ in ("prep", "agent", "dative") and w.lower_ == p.preps[-1]:
                trig.target = _pobj(w) or trig.target
        if trig.target is None and obj is not None and p.noun is None:
            trig.target = obj  # particle verbs: "pulled out the troops"
        return
    if p.noun is None and obj is not None:
        trig.target = obj
        if not actorish(obj):
            # "refused admittance to Ghanaians", "rejected calls by Belarus": someone after a preposition
            alt = _prep_target([v, obj], TARGET_PREPS + ("by", "from")) or _dative(v)
            if alt is not None and actorish(alt):
                trig.target = alt
        return
    if p.noun is None and obj is None and (x := _xcomp_target(v)) is not None:
        trig.target = x
        return
    hosts = [v] + ([obj] if obj is not None else [])
    trig.target = _prep_target(hosts, TARGET_PREPS)
    if trig.target is None:
        trig.target = _dative(v)
    if trig.target is None and obj is not None and actorish(obj):
        # "expelled ten Polish diplomats", "called his Russian counterpart": the object is someone
        trig.target = obj
    if trig.target is None and obj is None:
        trig.target = _xcomp_target(v)
    if trig.target is None and p.code[:2] in ("02", "10", "11", "12", "13"):
        trig.target = _clause_subject(v)


def _clause_subject(v):
    """'demanded that Israel ease restrictions': who is asked is the clause's subject."""
    for c in v.children:
        if c.dep_ == "ccomp":
            subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ not in _LIGHT_SUBJECTS:
                return subj
    return None


def protested(sent):
    """What a sentence protests against: "to protest against X", "in protest of X's refusal"."""
    for tok in sent:
        if tok.lemma_.lower() != "protest":
            continue
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
        found = _prep_target([tok] + ([obj] if obj is not None else []), ("against", "of", "at", "over")) or obj
        if found is not None:
            return found
    return None


def _dative(v):
    """The indirect object: "gave Ghana aid" (a noun) or "gave aid to Ghana" (after the ADP)."""
    d = next((c for c in v.children if c.dep_ == "dative"), None)
    if d is not None and d.pos_ == "ADP":
        return _pobj(d)
    return d


def _xcomp_target(v):
    """'refused to meet King Abdullah', 'threatened to cut off power to Nakhichevan': the
    target of the act refused, threatened or promised."""
    for c in v.children:
        if c.dep_ != "xcomp":
            continue
        obj = next((o for o in c.children if o.dep_ in ("dobj", "obj")), None)
        if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")):
            return obj
        return _prep_target([c] + ([obj] if obj is not None else []), TARGET_PREPS) or obj
    return None


_NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}


_ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}


def actorish(tok) -> bool:
    """Whether a noun looks like someone: a name, a pronoun, or a noun that a national or
    proper modifier makes a group ("Palestinian workers", "Gondor police")."""
    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in _ACTOR_ENTS:
        return True
    return any(c.ent_type_ in _ACTOR_ENTS or c.pos_ == "PROPN" for c in tok.children
               if c.dep_ in ("amod", "compound", "poss"))


def _prep_target(hosts, preps):
    """The object of the first of ``preps`` hanging off the hosts, preferring one that looks
    like an actor ("held a meeting at a lunch with President Obama": Obama)."""
    found = []
    for host in hosts:
        for c in host.children:
            # spaCy labels the "to" of "gave asylum to the officers" dative, not prep
            if c.dep_ in ("prep", "dative") and c.lower_ in preps and c.i > host.i:
                obj = _pobj(c)
                if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON") and obj.ent_type_ not in _NOT_ACTORS:
                    found.append(obj)
    return next((o for o in found if actorish(o)), found[0] if found else None)


def _noun_arguments(trig: Trigger) -> None:
    n = trig.token
    source = next((c for c in n.children if c.dep_ == "poss"), None)
    if source is not None and source.pos_ == "PRON" and (subject := _governing_subject(n)) is not None:
        source = subject  # "the fundamentalists continued their hunger strike"
    if source is None:
        by = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        source = _pobj(by) if by is not None else None
    if source is None:
        source = next((c for c in n.children if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN")
                       and c.ent_type_ in ("NORP", "GPE", "ORG")), None)
    target = None
    between = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if between is not None and (first := _pobj(between)) is not None:
        others = list(first.conjuncts)
        if source is None and others:
            source, target = first, others[0]
        else:
            target = first
    if target is None:
        target = _prep_target([n], NOUN_TARGET_PREPS)
    verb = _governing_verb(n)
    if target is None and verb is not None and n.dep_ == "pobj":
        # "X made the remarks in a phone call on Sunday with Y": the with-phrase hangs off the verb
        target = _prep_target([verb], ("with",))
        if target is None and n.head.lower_ in ("in", "during", "amid") and verb.pos_ in ("VERB", "AUX") \
                and trig.pattern.code[:2] in ("14", "15", "17", "18", "19", "20"):
            # "150 Palestinians were injured in the raid": the raid's victims
            target = passive_subject(verb)
            if target is not None:
                trig.flags.append("victims")
                trig.target = target
                trig.source = source
                return
    if source is None:
        source = _governing_subject(n)
    trig.source, trig.target = source, target


def passive_subject(v):
    """Who underwent a passive verb; a conjoined passive shares its head's ("a man was
    removed and beaten", "150 were injured and 400 others detained")."""
    own = next((c for c in v.children if c.dep_ in _PASSIVE_SUBJECTS), None)
    if own is None and v.dep_ == "conj":
        own = next((c for c in v.head.children if c.dep_ in _PASSIVE_SUBJECTS), None)
    return own


def _governing_verb(n):
    head, steps = n.head, 0
    while head is not None and steps < 4 and head.head.i != head.i:
        if head.pos_ in ("VERB", "AUX"):
            return head
        head, steps = head.head, steps + 1
    return head if head is not None and head.pos_ in ("VERB", "AUX") else None


def _governing_subject(n):
    """'X made the remarks in a phone call with Y', 'X held a meeting': the clause's subject."""
    head = n.head
    steps = 0
    while head is not None and steps < 4:
        steps += 1
        if head.pos_ in ("VERB", "AUX"):
            return _subject(head)
        if head.dep_ in ("ROOT",) or head.head.i == head.i:
            return None
        head = head.head
    return None


# Acts of accepting, agreeing and yielding: not doing them is a rejection (CAMEO 12).
_COOPERATIVE_ROOTS = {"03", "05", "06", "08"}


def _refusal(trig: Trigger) -> Optional[Trigger]:
    """'will not accept refugees', 'failed to reach agreement': a rejection; other negated acts
    are not events. Refusals with their own verb ('refused to meet') are coded by that verb."""
    tok = trig.token
    if trig.pattern.code[:2] not in _COOPERATIVE_ROOTS or trig.pattern.is_noun:
        return None
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("refuse", "decline"):
        return None
    refusal = Trigger(Pattern("120", trig.pattern.lemma, trig.pattern.preps, trig.pattern.noun), tok,
                      source=trig.source, target=trig.target, words=trig.words, flags=trig.flags + ["negated"])
    return refusal


def _negated(tok) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    for c in tok.children:
        if c.dep_ == "det" and c.lower_ == "no":
            return True
    head = tok.head
    # "refused to meet", "failed to attack": the infinitive did not happen
    return tok.dep_ == "xcomp" and head.lemma_.lower() in ("refuse", "fail", "decline") or \
        (tok.dep_ in ("xcomp", "conj") and any(c.dep_ == "neg" for c in head.children) and tok.dep_ == "xcomp")


# Nouns whose complement is proposed, asked, promised or decided, not done:
# "a request to interrogate detainees", "an offer to host a summit".
_PROPOSAL_NOUNS = {"request", "demand", "call", "offer", "proposal", "plan", "appeal", "invitation", "ultimatum",
                   "bid", "attempt", "effort", "decision", "promise", "pledge", "threat", "warning", "order",
                   "agreement", "deal", "accord", "treaty", "resolution", "law", "initiative", "idea", "wish",
                   "willingness", "readiness", "refusal", "right", "intention", "permission", "push", "pressure",
                   "campaign", "move", "vote", "bill", "motion", "scheme", "policy"}


def _content_of_other(trig: Trigger, found: list[Trigger]) -> bool:
    """Whether the trigger is what another trigger is about, or a wish/plan, not an event itself."""
    tok = trig.token
    if _attempted_violence(trig):
        return False
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _IRREALIS_HEADS and "negated" not in trig.flags:
        return True
    if tok.dep_ in ("acl", "relcl", "xcomp", "advcl") and tok.tag_ in ("VB", "VBG") \
            and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in _PROPOSAL_NOUNS:
        return True
    if tok.dep_ == "advcl" and tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return True  # a purpose: "blocked roads to demand ...", "will visit X to mediate"
    if trig.pattern.is_noun and "victims" not in trig.flags:
        # "agreed to a ceasefire", "called for sanctions": asked or promised, not done; "hosted a
        # meeting": the same event twice. "condemned the bombardment" keeps the bombardment.
        gov = _governing_verb(tok)
        other = next((t for t in found if t is not trig and gov is not None and t.token.i == gov.i), None)
        if other is not None and not other.pattern.weak and other.pattern.noun is None and (
                other.pattern.code[:2] in ("02", "03", "10", "12", "13")
                or (other.pattern.code[:2] == trig.pattern.code[:2] and trig.pattern.code.endswith("0"))):
            return True
    others = {t.token.i: t for t in found if t is not trig and not t.pattern.is_noun}
    # "urged Y to *support* Z": what is urged has not happened. A reported clause
    # ("said that Y had rejected ...") is an event of its own and stays.
    if tok.dep_ == "xcomp" and tok.head.i in others and not trig.pattern.is_noun:
        return True
    # "demanded that Israel release the prisoners": the demand is the event, not the release
    if tok.dep_ == "ccomp" and not trig.pattern.is_noun:
        gov = others.get(tok.head.i)
        if gov is not None and gov.pattern.code[:2] in ("02", "10") and not gov.pattern.weak:
            return True
    # "accused the police of firing tear gas": an allegation, coded as the accusation only
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
        gov = others.get(tok.head.head.i)
        # "accused X of violating", "arrested for collaborating", "charged with supporting"
        if gov is not None and gov.pattern.code[:2] in ("11", "12", "17") \
                and tok.head.lower_ in ("of", "for", "with"):
            return True
    return False


def conditional(trig: Trigger) -> bool:
    """'will withdraw its force unless ...': an announced act with a condition is a threat."""
    v = trig.token if not trig.pattern.is_noun else trig.token.head
    for clause in v.children:
        if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("unless", "if") for c in clause.children):
            return True
    return False


def modality(trig: Trigger) -> list[str]:
    """'hypothetical' (modal or inside an if-clause) and 'future' flags of a trigger.
    A reported "would" ("said they would meet") is the future of the past, not a condition."""
    v = trig.token if not trig.pattern.is_noun else trig.token.head
    flags = []
    auxes = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
    if "intent" in trig.flags:
        auxes |= {c.lower_ for c in v.head.children if c.dep_ in ("aux", "auxpass")} & {"will", "would"}
    conditional = any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in v.children)
    reported = v.dep_ == "ccomp" and v.head.lemma_.lower() in _SAYING
    if conditional or (auxes & _MODALS and not ("would" in auxes and reported and not auxes & _MODALS - {"would"})):
        flags.append("hypothetical")
    elif auxes & {"will", "shall", "'ll", "would"} or _going_to(v):
        flags.append("future")
    return flags


# The intent (03) or threat (13) that a future act of each root amounts to, as CAMEO codes them.
_INTENT_BY_CODE = {"045": "039", "046": "036", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
                   "071": "0331", "072": "0332", "073": "0333", "074": "0334", "081": "0351", "084": "0353",
                   "0841": "0353", "0842": "0353", "085": "0354", "087": "0356", "161": "1313", "163": "1312",
                   "191": "1381", "192": "1382", "193": "1384", "194": "1384", "195": "1384", "196": "1384"}
_INTENT_BY_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "09": "030", "14": "133",
                   "15": "138", "16": "131", "17": "137", "18": "1383", "19": "138", "20": "1385"}


def intent_code(code: str) -> str:
    """The code of an announced or future act: meeting next week is an intent to meet (036),
    attacking tomorrow a threat (138). Verbal acts (01-03, 10-13) stay as they are."""
    if code in _INTENT_BY_CODE:
        return _INTENT_BY_CODE[code]
    return _INTENT_BY_ROOT.get(code[:2], code)


def _going_to(v) -> bool:
    head = v.head
    return v.dep_ == "xcomp" and head.lemma_ == "go" and any(c.lower_ == "be" or c.lemma_ == "be"
                                                              for c in head.children if c.dep_ == "aux")


def iter_sentences(doc) -> Iterator:
    return iter(doc.sents)
