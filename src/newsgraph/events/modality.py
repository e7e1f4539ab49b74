"""Modality of an event: hypothetical, future, conditional; and the intent or threat an
announced act amounts to in CAMEO.
"""
from __future__ import annotations

from .grammar import SAYING_VERBS, Trigger

_MODALS = {"would", "could", "might", "may", "should", "must"}
# Verbs whose "that" clause tells what was said, agreed or laid down: its "would" is the
# future of the past ("the deal stipulated that the ministers would meet").
_REPORTING = SAYING_VERBS | {"agree", "stipulate", "decide", "promise", "pledge", "vow", "provide", "specify",
                             "foresee", "envisage", "envision", "reveal", "explain", "write", "tweet"}


def conditional(trig: Trigger) -> bool:
    """'will withdraw its force unless ...': an announced act with a condition is a threat."""
    v = trig.token if not trig.pattern.is_noun else trig.token.head
    for clause in v.children:
        if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("unless", "if") for c in clause.children):
            return True
    return False


def condition_subject(trig: Trigger):
    """Whom a threat is made to: the subject of its condition, on the act threatened or on
    the threatening verb ("threatened to halt the talks if Chile deploys the missiles",
    "unless Lima accepted its terms"), else None."""
    v = trig.token if not trig.pattern.is_noun else trig.token.head
    top = v.head if v.dep_ in ("xcomp", "ccomp") else v
    # the condition may hang off the threatened act's own clauses ("to halt talks to cut
    # arms if ..."), never off a clause reported inside it
    hosts = [top] + [t for t in top.subtree if t.dep_ in ("xcomp", "advcl", "acl") and t.pos_ == "VERB"]
    for host in hosts:
        for clause in host.children:
            if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("unless", "if")
                                              for c in clause.children):
                subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None and subject.pos_ != "PRON":
                    return subject
    return None


# Units of a span long enough that the act where it began is history, not the week's news.
_LONG_SPANS = {"month", "year", "decade", "century"}


def told_as_history(trig: Trigger) -> bool:
    """An act told only as where a span of months or years began: "restored ties five years
    after crowds burned down its embassy", "a decade after the storming of the embassy".
    It happened long before what the article reports, on a day the text does not give, so
    coding it would date old history as news; so does a clause of the news telling what
    was done "18 years ago". Spans of days stay news: "two days after
    troops stormed the town" tells of this week's raid."""
    v = trig.token
    if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "since") for c in v.children):
        return any(c.dep_ == "npadvmod" and c.lemma_.lower() in _LONG_SPANS for c in v.children)
    if v.dep_ == "pobj" and v.head.lower_ in ("after", "since"):
        return any(c.dep_ == "npadvmod" and c.lemma_.lower() in _LONG_SPANS for c in v.head.children)
    if v.dep_ in ("advcl", "relcl", "acl"):
        # "assets they lost when the dictator expelled them 18 years ago": a clause that
        # explains the news by what was done months or years before it
        return any(c.dep_ == "advmod" and c.lower_ == "ago" and any(
            n.dep_ == "npadvmod" and n.lemma_.lower() in _LONG_SPANS for n in c.children) for c in v.children)
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
    reported = v.dep_ == "ccomp" and v.head.lemma_.lower() in _REPORTING
    if conditional or (auxes & _MODALS and not ("would" in auxes and reported and not auxes & _MODALS - {"would"})):
        flags.append("hypothetical")
    elif auxes & {"will", "shall", "'ll", "would"} or _going_to(v) or _is_to(v):
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



def _is_to(v) -> bool:
    """'the ministers are to meet', 'he was to visit Lima': a plan, told with be + to."""
    head = v.head
    return v.dep_ == "xcomp" and head.lemma_ == "be" and head.i != v.i \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
