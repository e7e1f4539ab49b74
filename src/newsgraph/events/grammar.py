"""Who is who around a trigger: subjects, objects, agents and targets on the dependency parse.

The grammar the event coder reads: the subject of a verb (climbing through
conjoined, infinitive and participial heads), the passive's agent and patient,
the object or the actor after a preposition, and the arguments of event nouns
("Israel's bombardment of Gaza", "talks between X and Y").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .lexicon import Pattern, channel_words, word_set

TARGET_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "into", "upon", "for", "over", "from")
NOUN_TARGET_PREPS = ("with", "to", "against", "on", "of", "at", "into", "upon", "toward", "towards")
# "on Twitter", "in a video message", "via Telegram": how a statement went out
_CHANNEL_PREPS = {"on", "in", "via", "through", "over", "during"}
_SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
# Heads that announce the speaker's own intention: "offered to hand over", "is ready to send",
# "threatened to attack". CAMEO codes the intended act as an intent (03) or a threat (13).
INTENT_HEADS = {"offer", "promise", "pledge", "vow", "agree", "plan", "intend", "decide", "threaten",
                "prepare", "willing", "ready", "prepared", "determined", "committed", "resolve", "undertake",
                "volunteer", "consent", "swear",
                # scheduled acts: "is due to visit", "is set to meet" are future, announced acts
                "due", "scheduled", "set", "slated", "poised", "expected"}
# Verbs of saying: a clause they govern is reported ("Iran said it would meet": the "it" is Iran).
SAYING_VERBS = {"say", "tell", "announce", "state", "add", "declare", "insist", "report", "confirm", "indicate",
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
    notes: list[str] = field(default_factory=list)  # each change to the pattern's code, for EventWhy.steps
    source_how: Optional[str] = None  # how a dictionary pattern bound a side ("the pattern's $")
    target_how: Optional[str] = None


def of_object(obj):
    """The noun after "of" on an object: "sent two tons *of food*" -> food."""
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            inner = prep_object(prep)
            if inner is not None and inner.pos_ == "NOUN":
                return inner
    return None


def direct_object(v):
    """The direct object of a verb, else its passive subject (what the verb acts on)."""
    obj = next((c for c in v.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        # "X's statement was made in ..." has none; "X made remarks" has one. A passive
        # subject is the object the verb acts on.
        obj = next((c for c in v.children if c.dep_ in PASSIVE_SUBJECTS), None)
    return obj


def prep_object(prep):
    """The object of a preposition: a noun, a clause ("of *firing*") or a dobj the parser hung there."""
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp", "dobj")), None)


def subject_of(v):
    """The subject of a verb, climbing through conjoined, infinitive and participial heads."""
    seen = 0
    while v is not None and seen < 6:
        seen += 1
        subj = next((c for c in v.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            if subj.lower_ == "who" and v.dep_ == "relcl":
                # "Ana Ruiz, who had congratulated Luis Vega, ...": the relative's antecedent acts
                return v.head
            if subj.lower_ in _LIGHT_SUBJECTS and subj.dep_ == "nsubj" and not subj.ent_type_:
                if subj.lower_ == "it" and v.dep_ == "ccomp" and v.head.lemma_.lower() in SAYING_VERBS:
                    return subj  # "Iran said it would meet ...": the actor coder reads "it" as Iran
                return None if subj.lower_ in ("it", "there") else _relative_antecedent(subj)
            return subj
        agent = passive_agent(v)
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
            if gov.dep_ in ("dobj", "obj") and gov.pos_ in ("NOUN", "PROPN", "PRON") and v.head.lower_ == "of":
                return gov  # the parser hung "of firing" on the object: "accused [the police of firing]"
            v = gov
            continue
        if v.dep_ == "xcomp":
            # "the minister is scheduled to visit": the raised subject of a passive head
            raised = next((c for c in v.head.children if c.dep_ == "nsubjpass"), None)
            if raised is not None:
                return raised
        if v.dep_ == "conj" and v.tag_ == "VBD" and v.head.dep_ == "ccomp" and (
                any(c.dep_ == "aux" and c.lower_ == "had" for c in v.head.children)
                or (v.head.tag_ in ("VBZ", "VBP") and v.head.head.tag_ == "VBD")):
            # "X said two missiles had struck the station and called the attack deliberate",
            # "Khamenei stressed that the cause remains central and praised ...": a simple past
            # joined to a reported past perfect or present is the reporter's second act
            v = v.head.head
            continue
        if v.dep_ in ("conj", "xcomp", "advcl", "acomp", "attr"):
            v = v.head
            continue
        return _names_before(v)
    return None


def _names_before(v):
    """A finite verb the parser left without a subject, right after names it hung on a list
    before them: in "Under the accord, announced in Beijing, Riyadh and Tehran agreed to ...",
    "Riyadh and Tehran" became conjuncts of "Beijing" and "agreed" a clause of "announced".
    The names after the last comma before the verb are its subject (the first of them)."""
    if v.tag_ not in ("VBD", "VBZ", "VBP") or v.i == v.sent.start:
        return None
    first, i = None, v.i - 1
    while i >= v.sent.start:
        tok = v.doc[i]
        if tok.pos_ == "PROPN" and tok.dep_ in ("conj", "compound"):
            first = tok
        elif tok.pos_ != "CCONJ" or first is None:
            break
        i -= 1
    if first is None or not first.ent_type_ or v.doc[first.i - 1].text != "," or v.doc[v.i - 1].dep_ != "conj":
        return None
    while first.dep_ == "compound" and first.head.i > first.i:
        first = first.head  # "Saudi Arabia": the name's head
    return first if first.dep_ == "conj" else None


def _relative_antecedent(tok):
    return tok.head.head if tok.head.dep_ == "relcl" and tok.lower_ in ("which", "that") else None


def passive_agent(v):
    """The agent of a passive verb: "arrested *by the police*" -> police."""
    for c in v.children:
        if c.dep_ == "agent":
            return prep_object(c)
    return None


def _absolute_participle(v) -> bool:
    """'..., with more than 60 people injured': a past participle after "with" whose noun
    the parser calls its subject. The noun underwent it, as in the passive."""
    return v.tag_ == "VBN" and v.dep_ == "pcomp" and v.head.lower_ in ("with", "without") \
        and not any(c.dep_ in ("aux", "auxpass") for c in v.children)


def verb_arguments(trig: Trigger, obj) -> None:
    """Set the source and target of a verb trigger (``obj``: the verb's object, or None)."""
    v, p = trig.token, trig.pattern
    if v.dep_ == "acl" and v.tag_ == "VBN" and v.head.pos_ in ("NOUN", "PROPN"):
        between = next((c for c in (*v.children, *v.head.children) if c.dep_ == "prep" and c.lower_ == "between"), None)
        first = prep_object(between) if between is not None else None
        if first is not None and first.conjuncts and not actorish(v.head):
            # "the agreement signed on Wednesday between Chile and the rebels": what the two
            # did with each other
            trig.source, trig.target = first, first.conjuncts[0]
            return
        # "the 32 people detained", "a man killed by settlers": the noun underwent it
        trig.flags.append("passive")
        trig.source, trig.target = passive_agent(v), v.head
        return
    passive = any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ in ("auxpass", "agent") for c in v.children)
    if passive or _absolute_participle(v):
        trig.flags.append("passive")
        trig.source = passive_agent(v)
        trig.target = passive_subject(v)
        return
    trig.source = subject_of(v)
    if p.preps and p.code[:2] in ("02", "10") and obj is not None and actorish(obj):
        # "asked Foreign Minister Zarif for Iran's support": who is asked, not what for
        trig.target = obj
        return
    if p.preps:
        for w in trig.words[1:]:
            if w.dep_ in ("prep", "agent", "dative") and w.lower_ == p.preps[-1]:
                trig.target = prep_object(w) or trig.target
        if trig.target is None and obj is not None and p.noun is None:
            trig.target = obj  # particle verbs: "pulled out the troops"
        if p.noun is not None and (trig.target is None or not actorish(trig.target)):
            # "expressed gratitude to Ramaphosa for hosting the talks": the pattern's "for"
            # says what for; someone after another preposition is whom
            alt = _prep_target([v, *trig.words[1:]], TARGET_PREPS) or _dative(v)
            if alt is not None and actorish(alt):
                trig.target = alt
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
    if trig.target is None and obj is not None and p.noun is not None and obj.lemma_.lower() == p.noun:
        # "took the protesters' side", "rejected the rebels' proposal": the object's owner
        trig.target = next((c for c in obj.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
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
    """What a sentence protests against: "to protest against X", "in protest of X's refusal",
    "in defiance of X", "to show their disapproval for X's policies" (``word_set("protested")``)."""
    words = word_set("protested")
    for tok in sent:
        if tok.lemma_.lower() not in words:
            continue
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
        found = _prep_target([tok] + ([obj] if obj is not None else []), ("against", "of", "at", "over", "for")) or obj
        if found is not None:
            return found
    return None


def _dative(v):
    """The indirect object: "gave Ghana aid" (a noun) or "gave aid to Ghana" (after the ADP)."""
    d = next((c for c in v.children if c.dep_ == "dative"), None)
    if d is not None and d.pos_ == "ADP":
        return prep_object(d)
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


# Entity labels that never name an actor.
NON_ACTOR_ENTS = {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}


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
                obj = prep_object(c)
                if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON") and obj.ent_type_ not in NON_ACTOR_ENTS \
                        and not (c.lower_ in _CHANNEL_PREPS and obj.lemma_.lower() in channel_words()):
                    found.append(obj)  # "hailed the result on Twitter": the channel is no side
    return next((o for o in found if actorish(o)), found[0] if found else None)


def noun_arguments(trig: Trigger) -> None:
    """Set the source and target of an event-noun trigger ("Israel's bombardment of Gaza")."""
    n = trig.token
    # "Tuesday evening's Russian missile strike": a time's possessive is no side
    source = next((c for c in n.children if c.dep_ == "poss" and c.ent_type_ not in NON_ACTOR_ENTS), None)
    if source is not None and source.pos_ == "PRON" and (subject := governing_subject(n)) is not None:
        source = subject  # "the fundamentalists continued their hunger strike"
    if source is None:
        by = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        source = prep_object(by) if by is not None else None
    if source is None:
        source = next((c for c in n.children if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN")
                       and c.ent_type_ in ("NORP", "GPE", "ORG")), None)
    target = None
    between = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if between is not None and (first := prep_object(between)) is not None:
        others = list(first.conjuncts)
        if source is None and others:
            source, target = first, others[0]
        else:
            target = first
    if target is None:
        target = _prep_target([n], NOUN_TARGET_PREPS)
    verb = governing_verb(n)
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
    if target is None and source is not None and trig.pattern.code[:3] == "045" and n.dep_ == "pobj" \
            and n.head.lower_ in ("under", "through", "with", "via") and (parties := governing_subject(n)) is not None:
        # "Chile and Peru agreed, under Brazilian mediation, to ...": the mediator's is the noun's
        # own side, the parties are whoever did what the mediation brought about
        target = parties
    if source is None:
        source = governing_subject(n)
    trig.source, trig.target = source, target


def passive_subject(v):
    """Who underwent a passive verb; a conjoined passive shares its head's ("a man was
    removed and beaten", "150 were injured and 400 others detained")."""
    own = next((c for c in v.children if c.dep_ in PASSIVE_SUBJECTS
                or (c.dep_ == "nsubj" and _absolute_participle(v))), None)
    if own is None and v.dep_ == "conj":
        own = next((c for c in v.head.children if c.dep_ in PASSIVE_SUBJECTS), None)
    return own


def governing_verb(n):
    """The verb a noun hangs from, a few heads up at most ("held *talks*" -> held), or None."""
    head, steps = n.head, 0
    while head is not None and steps < 4 and head.head.i != head.i:
        if head.pos_ in ("VERB", "AUX"):
            return head
        head, steps = head.head, steps + 1
    return head if head is not None and head.pos_ in ("VERB", "AUX") else None


def governing_subject(n):
    """'X made the remarks in a phone call with Y', 'X held a meeting': the clause's subject."""
    head = n.head
    steps = 0
    while head is not None and steps < 4:
        steps += 1
        if head.pos_ in ("VERB", "AUX"):
            return subject_of(head)
        if head.dep_ in ("ROOT",) or head.head.i == head.i:
            return None
        head = head.head
    return None


# How a named party may hang below the verb and still be in its own phrase: through its
# objects, prepositions and noun modifiers, never through a clause of its own.
_PHRASE_DEPS = {"prep", "pobj", "dobj", "obj", "dative", "npadvmod", "compound", "amod", "poss", "nmod", "appos",
                "pcomp", "attr", "oprd", "nummod", "quantmod", "case", "det", "advmod"}
_NOT_PARTY_PREPS = {"according", "like", "unlike", "despite", "including", "besides", "as"}
_LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "within", "from"}


def trailing_party(verb, taken=()):
    """The first party named in the verb's own phrase after it, when no argument is its
    target, as a pattern coder reads the phrase: "launched fire against Kampuchean guerrilla
    camps", "marched close to the border with Mordor". ``taken``: the source's tokens.
    Returns the head of that party's noun phrase, or None."""
    taken = {t.i for t in taken}
    for tok in verb.subtree:
        if tok.i <= verb.i or tok.i in taken or tok.ent_type_ not in ("GPE", "NORP", "ORG", "PERSON"):
            continue
        path, ok = tok, True
        while path.i != verb.i:
            if path.dep_ not in _PHRASE_DEPS or (path.dep_ == "prep" and path.lower_ in _NOT_PARTY_PREPS):
                ok = False
                break
            path = path.head
        if not ok:
            continue
        prep = next((p for p in [tok, *tok.ancestors] if p.dep_ == "prep"), None)
        if tok.ent_type_ == "GPE" and prep is not None and prep.lower_ in _LOCATIVE_PREPS:
            return None  # "declared a state of siege in Haiti": where, which the place already tells
        head = tok
        while head.dep_ in ("compound", "amod", "poss", "nmod") and head.head.i != verb.i:
            head = head.head
        return head
    return None
