"""Triggers on the dependency parse, their arguments, and the CAMEO code they carry.

For each verb or event noun of a sentence that the lexicon knows, the most
specific pattern that fits its parse gives the code ("hold" + object "talks"
+ "with" beats "hold"); the subject (or the passive's agent) is the source,
the object or the object of a preposition the target. Negated triggers are not
coded; conditional and modal ones are flagged. A verb that is the content of
another trigger ("urged Y to *support* Z") is not an event of its own.
Finding the arguments is ``grammar.py``'s; modality and intents are ``modality.py``'s.
"""
from __future__ import annotations

import re

from dataclasses import replace

from typing import Optional

from .grammar import (
    INTENT_HEADS,
    NON_ACTOR_ENTS,
    Trigger,
    direct_object,
    governing_subject,
    governing_verb,
    noun_arguments,
    of_object,
    prep_object,
    subject_of,
    verb_arguments,
)
from .grammar_rules import (concession_recode, crowd_recode, crowd_trigger, election_win, kept_informed,
                            message_sent, official_protest, phoning, result_announcement, weapon_recode,
                            weapon_trigger)
from .judgements import named_after_what, naming_trigger, said_judgement
from .lexicon import Lexicon, Pattern, word_set
from .content import content_of_other
from .verb_patterns import choose, dictionary_match, reports

# "X said that Y must hand over the suspects": X demands it of Y (CAMEO 10).
_OBLIGATION = {"must", "should"}
_REMINDERS = {"reminder", "warning", "message", "demand", "ultimatum", "call"}
_DECLARING = {"say", "declare", "reiterate", "insist", "stress", "emphasize", "emphasise", "conclude", "state",
              "tell", "announce", "warn", "add", "maintain", "argue", "underline", "underscore", "repeat"}


def find_triggers(sent, lexicon: Lexicon) -> list[Trigger]:
    """Every coded trigger of a sentence (a spaCy Span), in text order."""
    found: list[Trigger] = []
    consumed: set[int] = set()
    uncodable: set[int] = set()  # verbs a dictionary codes outside CAMEO: events all the same
    speech: list = []  # the sentence's verbs of declaring and nouns of reminding, for _obligations
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in _DECLARING or lemma in _REMINDERS:
            speech.append(tok)
        user = dictionary_match(tok, lexicon.dictionary) \
            if lexicon.dictionary is not None and tok.pos_ in ("VERB", "AUX") else None
        if user is not None and user.uncodable:
            uncodable.add(tok.i)
        if tok.pos_ == "VERB" and (won := election_win(tok)) is not None:
            trig = choose(user, won)  # "defeated his rival in the run-off": a vote won, no assault
        elif tok.pos_ == "VERB" and (named := naming_trigger(tok)) is not None:
            trig = choose(user, named)  # "called the attack deliberate": a judgement, not a call
        elif tok.pos_ in ("VERB", "AUX") and lemma in lexicon.verbs:
            trig = _verb_trigger(tok, lexicon.verbs[lemma])
            if trig is None or trig.pattern.weak or trig.pattern.code[:2] not in ("18", "19", "20"):
                trig = weapon_trigger(tok) or (trig if trig is not None and not trig.pattern.weak else None) \
                    or result_announcement(tok) or said_judgement(tok) or trig or phoning(tok) or crowd_trigger(tok) \
                    or message_sent(tok)
            trig = choose(user, trig)
        elif tok.pos_ == "VERB":
            trig = choose(user, weapon_trigger(tok) or phoning(tok) or crowd_trigger(tok) or kept_informed(tok)
                          or message_sent(tok))
        elif user is not None:
            trig = user.trigger
        elif tok.pos_ in ("NOUN", "PROPN") and lemma in lexicon.nouns:
            trig = official_protest(tok) or _noun_trigger(tok, lexicon.nouns[lemma])
        else:
            continue
        if trig is None and lexicon.fallback is not None and tok.pos_ in ("VERB", "AUX"):
            # CAMEO.2.0 codes a verb nothing above codes ([events] cameo2_verbs)
            fallback = dictionary_match(tok, lexicon.fallback, min_words=1)
            trig = fallback.trigger if fallback is not None and fallback.trigger is not None \
                and _compact(fallback.trigger) else None
            if trig is not None:
                trig.flags.append("fallback")
        if trig is None or _not_violence(trig):
            continue
        if _negated(tok) and "negation_in_pattern" not in trig.flags:
            refused = trig
            trig = _refusal(trig)
            if trig is None:
                if refused.pattern.noun and not refused.pattern.is_noun:
                    # "refusing to lift the curfew": the curfew is what was not lifted, no
                    # imposition of its own
                    consumed.update(w.i for w in refused.words)
                continue
        found.append(trig)
        if trig.pattern.noun and not trig.pattern.is_noun:
            consumed.update(w.i for w in trig.words)
    found = [t for t in found if not (t.pattern.is_noun and t.token.i in consumed)]
    # "vowed to wage war": a dictionary's "VOW - * WAR" claims the words it matched; the
    # built-in "wage +war" on them yields (a user pattern wins for the same phrase)
    claimed = {w.i for t in found if t.pattern.rule is not None and "fallback" not in t.flags
               for w in t.words if w.i != t.token.i}
    found = [t for t in found if t.pattern.rule is not None or not claimed & {w.i for w in t.words}]
    # the CAMEO.2.0 fallback yields to any built-in trigger on its words ("began a hunger
    # strike": the lexicon's "hunger strike" codes it once)
    builtin = {w.i for t in found if t.pattern.rule is None for w in (t.words or [t.token])}
    found = [t for t in found if "fallback" not in t.flags or not builtin & {w.i for w in t.words}]
    found.extend(_obligations(speech, {t.token.i for t in found
                                     if not t.pattern.weak and not t.pattern.code.startswith("01")}))
    found.sort(key=lambda t: t.token.i)
    found = _judged_objects(found)
    # a grammar pattern's words are its own: "kept US officials informed" is one sharing of
    # information, not also the lexicon's "inform"
    spanned = {w.i for t in found if (t.pattern.origin or "").startswith("grammar:") for w in t.words
               if w.i != t.token.i}
    found = [t for t in found if t.token.i not in spanned or (t.pattern.origin or "").startswith("grammar:")]
    intended = set()
    for t in found:
        head = _intent_head(t)
        if head is not None:
            t.flags.append("intent")
            intended.add(head.i)
    # "offered to hand over": the act offered says more than the offer; the head yields
    found = [t for t in found if t.token.i not in intended]
    kept = []
    for t in found:  # in text order: a trigger recoded here is seen recoded by the later ones
        for recode, why in ((crowd_recode, "a crowd's act"), (weapon_recode, "done by a weapon"),
                            (concession_recode, "conceded with nothing named: defeat")):
            code = recode(t)
            if code is not None and code != t.pattern.code:
                t.notes.append(f"{why}: {t.pattern.code} -> {code}")
                t.pattern = replace(t.pattern, code=code, weak=False)
        attempted = _attempted_violence(t)
        if attempted and t.pattern.code == "186":
            t.notes.append(f"an attempted attack: {t.pattern.code} -> 185")
            t.pattern = _as_attempted_assassination(t.pattern)
        # an attempted attack is an act of its own, never the content of another trigger
        if (attempted or not content_of_other(t, found)) and not _background(t, found):
            kept.append(t)
    # "X said Y will restore ties": a dictionary's bare verb of saying reports Y's event
    # and "an official said on Saturday", told to no one, is the quote's, not an event (as the
    # lexicon's weak "say" is)
    told = {t.token.i for t in kept} | uncodable
    return [t for t in kept if not (reports(t) and (t.target is None or any(
        w.i in told for c in t.token.children if c.dep_ == "ccomp" for w in c.subtree)))]


# Causes that kill and destroy without an actor: "the earthquake killed 23 people" is news, not an event
# between actors.
NATURAL_CAUSES = frozenset("""earthquake quake aftershock tremor flood flooding storm hurricane typhoon cyclone
tornado tsunami landslide mudslide avalanche wildfire bushfire blaze fire drought heatwave eruption volcano
disease epidemic outbreak virus pandemic illness cancer accident crash collision derailment lightning
rain rains snow snowstorm blizzard heat cold famine""".split())
# "beat her rival with 54 percent of the vote", "beat Corvale 3-1": a contest, not an assault
_CONTEST = re.compile(r"\b(?:votes?|percent|per cent|ballots?|polls?|elections?|run-?offs?|referendum|race|final|match|game|"
                      r"points?|goals?|seats?|\d+\s*[-–]\s*\d+)\b", re.I)


_CLAUSES = {"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj"}


def _compact(trig: Trigger) -> bool:
    """A CAMEO.2.0 match the fallback keeps: a phrase of the verb's own clause, at most five
    words wide ("began a hunger strike", "put under investigation"), and not a statement
    (its "according to a report" is attribution, not an event). PETRARCH matched its
    patterns on phrase trees; over a dependency parse a far match reaches into other clauses."""
    if trig.pattern.code[:2] == "01":
        return False
    words = sorted(trig.words or [trig.token], key=lambda w: w.i)
    if words[-1].i - words[0].i > 4:
        return False
    verb = trig.token
    for w in words:
        node = w
        while node.i != verb.i:
            if node.dep_ in _CLAUSES or node.head.i == node.i:
                return False
            node = node.head
    return True


def _judged_objects(found: list[Trigger]) -> list[Trigger]:
    """"condemned what it called an unacceptable attack by Russian forces": the condemning
    verb, with no object of its own, takes the act its clause names, and the naming yields."""
    by_token = {t.token.i: t for t in found}
    out = []
    for t in found:
        head = by_token.get(t.token.head.i) if t.pattern.origin == "grammar:judgement" else None
        if head is not None and head is not t and head.target is None \
                and head.pattern.code[:2] == t.pattern.code[:2] and t.token.dep_ in ("ccomp", "relcl"):
            head.target = t.target
            head.target_how = f"the act '{t.token.text}' names after 'what'"
            continue
        if t.target is None and not t.pattern.is_noun and (named := named_after_what(t.token)) is not None:
            t.target = named
            t.target_how = f"what '{named.head.text}' names after 'what'"
        out.append(t)
    return out


def _not_violence(trig: Trigger) -> bool:
    root = trig.pattern.code[:2]
    if root not in ("17", "18", "19", "20"):
        return False
    subject = trig.source
    if subject is not None and getattr(subject, "lemma_", "").lower() in NATURAL_CAUSES:
        return True
    if not trig.pattern.is_noun and trig.token.lemma_.lower() in word_set("figurative", "verbs") \
            and (obj := direct_object(trig.token)) is not None \
            and obj.lemma_.lower() in word_set("figurative", "objects"):
        return True  # "the envoy struck a different note": a figure of speech
    verbs, persons = word_set("figurative", "quarrel_verbs"), word_set("figurative", "persons")
    if not trig.pattern.is_noun and trig.token.lemma_.lower() in verbs:
        person = subject if subject is not None else next(
            (c for c in trig.token.children if c.dep_ == "nsubj"), None)
        if person is None or person.lower_ in ("who", "that"):
            clause = trig.token
            while clause.dep_ == "conj" and clause.head.i != clause.i:
                clause = clause.head
            person = clause.head if clause.dep_ == "relcl" else person
        if person is not None and (person.ent_type_ == "PERSON" or person.lemma_.lower() in persons):
            return True  # "the president, who has clashed with the ruling party": a quarrel
    return trig.pattern.code == "182" and trig.token.lemma_.lower() == "beat" and \
        bool(_CONTEST.search(trig.token.sent.text))


# Prepositions that give an event's occasion: "blamed Israel *for* the bombing", "complained
# *over* two air raids", "a ceasefire *after* 12 days of battles", "*in retaliation for* an
# air raid", "*on* allegations of treason". The event noun after them is the reason told,
# not a second event of the sentence. A cause given with "because of" ("closed its borders
# because of fighting") is news of its own and stays an event.
_OCCASION_PREPS = {"after", "following", "for", "over", "since", "amid", "despite", "on"}
_OCCASION_HEADS = {"retaliation", "response", "revenge", "reprisal", "wake", "aftermath", "allegation",
                   "charge", "suspicion", "accusation", "wave"}


def _background(trig: Trigger, found: list[Trigger]) -> bool:
    """Background to the sentence's own event: a relative clause that recalls an earlier
    happening with nobody named as its author ('..., where 24 people were killed in riots'),
    or an event noun told as the reason or occasion of another trigger (see above)."""
    tok = trig.token
    others = [t for t in found if t is not trig and not t.pattern.weak]
    if trig.pattern.is_noun and others and _occasion(tok):
        return True
    if trig.pattern.code[:2] in ("02", "10") and tok.dep_ == "advcl" and not trig.pattern.is_noun:
        # "staged rallies against Abbas, saying he must resign", "blocked roads demanding
        # that he be reinstated": what a protest demands is the protest's, no second event
        protest = {t.token.i for t in others if t.pattern.code[:2] == "14"} | {
            gov.i for t in others if t.pattern.code[:2] == "14" and t.pattern.is_noun
            and (gov := governing_verb(t.token)) is not None}
        if tok.head.i in protest:
            return True
    if tok.dep_ != "relcl" or "passive" not in trig.flags or trig.source is not None:
        return False
    return any(t is not trig and t.token.dep_ == "ROOT" for t in found)


def _occasion(n) -> bool:
    """Whether an event noun sits in a phrase of occasion: 'after fierce fighting', 'in
    retaliation for an air raid', 'days of battles'."""
    steps = 0
    while n.dep_ in ("pobj", "conj", "compound") or (n.dep_ == "pobj" and n.head.lower_ == "of"):
        prep = n.head
        if n.dep_ in ("conj", "compound"):
            n = n.head
        elif prep.lower_ == "of" and prep.head.pos_ == "NOUN":
            n = prep.head  # "12 days of battles", "allegations of treason": up to the head noun
        elif prep.lower_ in _OCCASION_PREPS or (prep.lower_ in ("for", "to", "of") and prep.head.lemma_.lower() in _OCCASION_HEADS):
            return True
        else:
            return False
        steps += 1
        if steps > 4:
            return False
    return n.dep_ == "pobj" and n.head.lower_ in _OCCASION_PREPS


def _obligations(candidates: list, taken: set[int]) -> list[Trigger]:
    """'X said that Y must Z', 'X insisted Y should Z': a demand by X of Y. ``candidates``: the
    sentence's tokens whose lemma is a verb of declaring or a noun of reminding."""
    out = []
    for v in candidates:
        if v.pos_ == "NOUN" and v.lemma_.lower() in _REMINDERS:
            # "issued a stern reminder to Iraq that it must cooperate"
            for clause in v.children:
                if clause.dep_ in ("ccomp", "acl") and {c.lower_ for c in clause.children if c.dep_ == "aux"} \
                        & _OBLIGATION:
                    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    if subj is not None:
                        trig = Trigger(Pattern("100", v.lemma_.lower(), origin="grammar:obligation",
                                               text="a reminder that X must ...: 100 demand"), v, words=[v])
                        trig.source, trig.target = governing_subject(v), subj
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
            trig = Trigger(Pattern("100", v.lemma_.lower(), origin="grammar:obligation",
                                   text="X said that Y must/should ...: 100 demand"),
                           v, words=[v, *[c for c in clause.children if c.lower_ in _OBLIGATION]])
            trig.source = subject_of(v)
            trig.target = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if trig.target is not None:
                out.append(trig)
    return out


def _attempted_violence(trig: Trigger) -> bool:
    """'tried to assassinate', 'an attempt to kill': an attempted attack is itself an act."""
    tok = trig.token
    if trig.pattern.code[:2] not in ("17", "18", "19", "20") or tok.dep_ not in ("xcomp", "acl"):
        return False
    return tok.head.lemma_.lower() in ("attempt", "try")


def _as_attempted_assassination(pattern: Pattern) -> Pattern:
    """An attempted assassination (186) is CAMEO 185, "attempt to assassinate" (the pattern
    keeps its words; it is no longer weak nor a noun pattern)."""
    return Pattern("185", pattern.lemma, pattern.preps, pattern.noun, origin=pattern.origin, text=pattern.text)


def _intent_head(trig: Trigger):
    tok = trig.token
    if trig.pattern.is_noun or tok.dep_ != "xcomp":
        return None
    head = tok.head
    if head.lemma_.lower() in INTENT_HEADS or head.lower_ in INTENT_HEADS:
        return head
    return None


def _verb_trigger(v, patterns: tuple[Pattern, ...]) -> Optional[Trigger]:
    obj = direct_object(v)
    # "gave Ghana 5 million dollars of aid", "sent two tons of food": the measured thing counts;
    # "undertook a mediation mission": so does the kind of thing
    measured = of_object(obj) if obj is not None else None
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
        verb_arguments(trig, obj)
        return trig
    return None


def _noun_trigger(n, patterns: tuple[Pattern, ...]) -> Optional[Trigger]:
    if n.dep_ == "compound" and n.head.pos_ in ("NOUN", "PROPN"):
        return None  # "riot police", "attack helicopters", "protest movement": a modifier, no event
    modifiers = {c.lemma_.lower() for c in n.children if c.dep_ in ("compound", "amod", "nmod")}
    for p in patterns:
        if p.noun is not None and p.noun not in modifiers:
            continue
        if p.preps and _find_preps([n], p.preps) is None:
            continue
        trig = Trigger(p, n, words=[n])
        noun_arguments(trig)
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
                        and not ((o := prep_object(c)) is not None and o.ent_type_ in NON_ACTOR_ENTS)), None)
            if hit is not None:
                break
        if hit is None:
            return None
        found.append(hit)
    return found


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
    refusal = Trigger(Pattern("120", trig.pattern.lemma, trig.pattern.preps, trig.pattern.noun,
                              rule=trig.pattern.rule, matched_words=trig.pattern.matched_words,
                              origin=trig.pattern.origin, text=trig.pattern.text), tok,
                      source=trig.source, target=trig.target, words=trig.words, flags=trig.flags + ["negated"],
                      notes=trig.notes + [f"negated cooperative act: {trig.pattern.code} -> 120"])
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
