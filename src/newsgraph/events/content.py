"""What another act is about: the content of a wish, plan, request, accusation or
admission, which the sentence does not report as done ("urged Peru to withdraw",
"accused the police of firing tear gas", "a call for troops to be deployed").
"""
from __future__ import annotations

from .grammar import Trigger, governing_verb
from .grammar_rules import calls_off
from .verb_patterns import reports

# Heads whose infinitive complement is a wish, request or attempt, not something that happened.
_IRREALIS_HEADS = {"want", "hope", "seek", "try", "attempt", "aim", "refuse", "fail", "decline", "wish",
                   "need", "have", "able", "likely", "plot", "urge", "ask", "call", "demand",
                   "appeal", "encourage", "invite", "allow", "order", "force", "warn", "press", "push", "help",
                   "persuade", "tell", "advise", "permit"}


# Nouns whose complement is proposed, asked, promised or decided, not done:
# "a request to interrogate detainees", "an offer to host a summit".
_PROPOSAL_NOUNS = {"request", "demand", "call", "offer", "proposal", "plan", "appeal", "invitation", "ultimatum",
                   "bid", "attempt", "effort", "decision", "promise", "pledge", "threat", "warning", "order",
                   "agreement", "deal", "accord", "treaty", "resolution", "law", "initiative", "idea", "wish",
                   "willingness", "readiness", "refusal", "right", "intention", "permission", "push", "pressure",
                   "campaign", "move", "vote", "bill", "motion", "scheme", "policy"}


_ALLEGING = {"suspect", "suspected", "accuse", "accused", "charge", "charged", "allegation", "suspicion",
             "accusation"}


# Nouns whose "that" clause is what someone claims or admits happened, not what the
# sentence reports: "allegations that troops fired on civilians".
_ALLEGED_CONTENT = {"allegation", "accusation", "claim", "charge", "suspicion", "rumour", "rumor", "admission",
                    "confession"}


def _first_conjunct(tok):
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _clause_of(tok, steps: int = 3):
    """The head of the clause a verb is joined, infinitive or complement to: "mediate" of "must
    be ready to mediate" is in the clause of "be"; "impose" of "aims to tighten ... and impose"
    in that of "aims"."""
    while steps and tok.dep_ in ("conj", "xcomp", "acomp") and tok.head.i != tok.i \
            and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
        tok, steps = tok.head, steps - 1
    return tok


def content_of_other(trig: Trigger, found: list[Trigger]) -> bool:
    """Whether the trigger is what another trigger is about, or a wish/plan, not an event itself
    (an attempted attack never is: :func:`find_triggers` asks that first)."""
    tok = trig.token
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _IRREALIS_HEADS and "negated" not in trig.flags:
        return True
    if tok.dep_ in ("acl", "relcl", "xcomp", "advcl") and (tok.tag_ in ("VB", "VBG") or any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)) \
            and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in _PROPOSAL_NOUNS:
        return True  # "a call for its forces to be deployed"
    clause = _clause_of(tok)
    if clause is not tok and clause.dep_ in ("acl", "relcl") and clause.head.pos_ == "NOUN" \
            and clause.head.lemma_.lower() in _PROPOSAL_NOUNS and not trig.pattern.is_noun:
        return True  # "a resolution that aims to tighten sanctions and impose a blockade"
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "NOUN" \
            and tok.head.head.lemma_.lower() in _PROPOSAL_NOUNS:
        return True  # "an appeal for deploying troops", "a plan of attacking the port"
    if tok.dep_ == "advcl" and tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return True  # a purpose: "blocked roads to demand ...", "will visit X to mediate"
    if trig.pattern.is_noun and "victims" not in trig.flags:
        # "agreed to a ceasefire", "called for sanctions": asked or promised, not done; "hosted a
        # meeting": the same event twice. "condemned the bombardment" keeps the bombardment.
        gov = governing_verb(tok)
        other = next((t for t in found if t is not trig and gov is not None and t.token.i == gov.i), None)
        if other is None and gov is not None and gov.dep_ == "xcomp":
            # "agreed to undertake joint exercises", "agreed to postpone the demonstration":
            # an uncoded verb's object is what the coded verb above it agrees or asks to
            other = next((t for t in found if t is not trig and t.token.i == gov.head.i), None)
        if other is not None and not other.pattern.weak and other.pattern.noun is None and (
                other.pattern.code[:2] in ("02", "03", "10", "12", "13")
                or (other.pattern.code[:2] == trig.pattern.code[:2] and trig.pattern.code.endswith("0"))):
            return True
        if gov is not None and tok.dep_ in ("dobj", "obj") and tok.head.i == gov.i and calls_off(gov):
            return True  # "postponed their meeting", "called off the visit": no meeting, no visit
    others = {t.token.i: t for t in found if t is not trig and not t.pattern.is_noun}
    # "urged Y to *support* Z": what is urged has not happened. A reported clause
    # ("said that Y had rejected ...") is an event of its own and stays.
    if tok.dep_ == "xcomp" and tok.head.i in others and not trig.pattern.is_noun:
        return True
    # "demanded that Israel release the prisoners": the demand is the event, not the release;
    # nor "said the US must be ready to mediate" (what is asked, however deep in the clause)
    if clause.dep_ == "ccomp" and not trig.pattern.is_noun:
        gov = others.get(clause.head.i)
        if gov is not None and gov.pattern.code[:2] in ("02", "10") and not gov.pattern.weak \
                and not reports(gov):
            return True
    # "nationals suspected of blowing up a plane", "charged with supporting": what someone is
    # suspected, accused or guilty of is an allegation, not an event the sentence reports
    alleged = _first_conjunct(tok)  # "accused X of violating rights, ignoring the law and ..."
    if alleged.dep_ == "pcomp" and alleged.head.lower_ in ("of", "with", "for") \
            and alleged.head.head.lemma_.lower() in _ALLEGING:
        return True
    # "demanded an admission that its forces murdered the officers": what is alleged or confessed
    if alleged.dep_ in ("acl", "ccomp") and alleged.head.pos_ == "NOUN" \
            and alleged.head.lemma_.lower() in _ALLEGED_CONTENT \
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in alleged.children):
        return True
    # "accused the police of firing tear gas": an allegation, coded as the accusation only
    if alleged.dep_ == "pcomp" and alleged.head.dep_ == "prep":
        gov = others.get(alleged.head.head.i)
        # "accused X of violating", "arrested for collaborating", "charged with supporting"
        if gov is not None and gov.pattern.code[:2] in ("11", "12", "17") \
                and alleged.head.lower_ in ("of", "for", "with"):
            return True
    return False
