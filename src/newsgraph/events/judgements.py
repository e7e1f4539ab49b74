"""Naming as judging: "called the raid deliberate" criticises, "called the deal a win for all" praises.

News reports a reaction as often by what someone *called* a thing as by a verb of
reacting. The naming verb (``data/event_words.toml [judgements] naming_verbs``) with an
object and a complement is coded by the complement's words:

    "Chile's foreign minister called the raid deliberate."       -> 111, target: the raider
    "Peru's defence ministry called Lima's statements a provocation." -> 111, target: Peru
    "Bolivia's foreign minister called the deal 'a win for all'." -> 051
    "She called its decision the right one."                     -> 051, target: "its" owner
    "It described the law as incompatible with democracy."       -> 111
    "The ministry condemned what it called an unacceptable attack by Chilean forces."
                                                                 -> 111, target: Chilean forces

A complement with a negation ("neither free nor fair", "not a victory") turns its
polarity; one with words of both kinds, or none, codes nothing.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from .grammar import Trigger, direct_object, prep_object, subject_of
from .lexicon import Pattern, event_words

_NEGATORS = {"not", "neither", "nor", "no", "never", "hardly"}
_CRITICISM, _PRAISE = "111", "051"


@lru_cache(maxsize=1)
def _judging() -> tuple[frozenset, frozenset, frozenset]:
    table = event_words()["judgements"]
    return frozenset(table["naming_verbs"]), frozenset(table["negative"]), frozenset(table["positive"])


def naming_trigger(v) -> Optional[Trigger]:
    """The criticism or praise in naming something, or None (see the module's examples)."""
    verbs, negative, positive = _judging()
    if v.lemma_.lower() not in verbs:
        return None
    obj = direct_object(v)
    complement = next((c for c in v.children if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp")
                       and c.i > v.i), None)
    if complement is None:
        as_ = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        complement = prep_object(as_) if as_ is not None else None
        if complement is None and as_ is not None:
            complement = next((c for c in as_.children if c.dep_ in ("amod", "acomp", "advmod")), None)
    if complement is None and obj is not None:
        # 'called the vote "a very bad development"': with quotes the parser reads the
        # complement as the object's apposition
        complement = next((c for c in obj.children if c.dep_ == "appos" and c.left_edge.i > 0
                           and c.doc[c.left_edge.i - 1].text in ('"', "\u201c", "\u2018", "'")), None)
    quoted = _quoted_after(obj) if complement is None and obj is not None else None
    if quoted:
        complement = quoted[0]
    if obj is None or complement is None:
        return None
    words = quoted if quoted else _judged_words(complement)
    code = _polarity(words, negative, positive)
    if code is None:
        return None
    judged = [w for w in complement.subtree if w.lemma_.lower() in (negative | positive)]
    trig = Trigger(Pattern(code, v.lemma_.lower(), origin="grammar:judgement",
                           text=f"VERB X {'as ' if complement.head.lower_ == 'as' else ''}<judging word>: {code}"),
                   v, words=[v, *judged[:1]])
    trig.source = _namer(v)
    trig.target = complement if obj.lower_ == "what" else obj
    trig.source_how = None
    trig.target_how = "what the naming judges" if obj.lower_ != "what" else "the act named after 'what'"
    return trig


def named_after_what(v):
    """What a verb's "what X called ..." object names, whatever the naming judges: "praised
    what he called the fighting spirit of Chilean youth" praises that spirit; or None."""
    verbs, _, _ = _judging()
    for clause in v.children:
        if clause.dep_ in ("ccomp", "dobj") and clause.lemma_.lower() in verbs \
                and any(c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children):
            return next((c for c in clause.children if c.dep_ in ("oprd", "xcomp", "attr") and c.i > clause.i), None)
    return None


_SAYING = {"say", "tell", "state", "add", "declare", "insist", "stress", "write", "tweet", "note", "argue"}
_BECOMING = {"be", "become", "remain"}


def said_judgement(v) -> Optional[Trigger]:
    """"The minister said Chile had become a model", "X said the strike was a
    war crime": saying that someone or something is a judging word judges it, as naming does
    (the target is the clause's subject, or the doer of the act it names)."""
    _, negative, positive = _judging()
    if v.lemma_.lower() not in _SAYING:
        return None
    for clause in (c for c in v.children if c.dep_ == "ccomp"):
        head = clause
        if head.lemma_.lower() in _GIVING and (credit := _credited(v, head)) is not None:
            return credit
        if head.lemma_.lower() not in _BECOMING:
            continue
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        complement = next((c for c in head.children if c.dep_ in ("attr", "acomp", "oprd")), None)
        if subject is None or complement is None or subject.lower_ in ("it", "this", "that", "there"):
            continue
        code = _polarity(_judged_words(complement), negative, positive)
        if code is None:
            continue
        if any(c.dep_ == "neg" for c in head.children):
            code = _CRITICISM if code == _PRAISE else _PRAISE  # "said the vote was not fair"
        judged = [w for w in complement.subtree if w.lemma_.lower() in (negative | positive)]
        trig = Trigger(Pattern(code, v.lemma_.lower(), origin="grammar:judgement",
                               text=f"VERB (that) X is/became <judging word>: {code}"), v,
                       words=[v, head, *judged[:1]])
        trig.source = subject_of(v)
        trig.target = subject
        trig.target_how = "what the statement judges"
        return trig
    return None


# "The minister said Chile had given Peru special attention": crediting someone with help is praise
_GIVING = {"give", "show", "offer", "provide", "extend", "lend"}
_FAVOURS = {"attention", "support", "help", "solidarity", "backing", "assistance", "care", "generosity",
            "hospitality", "kindness"}


def _credited(v, clause) -> Optional[Trigger]:
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    favour = next((c for c in clause.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _FAVOURS), None)
    if subject is None or favour is None or subject.lower_ in ("it", "this", "that", "there") \
            or any(c.dep_ == "neg" for c in clause.children):
        return None
    trig = Trigger(Pattern(_PRAISE, v.lemma_.lower(), origin="grammar:judgement",
                           text="VERB (that) X had given/shown support or attention: 051"), v,
                   words=[v, clause, favour])
    trig.source = subject_of(v)
    trig.target = subject
    trig.target_how = "whom the statement credits with help"
    return trig


_OPENING = {'"', "\u201c", "\u2018"}
_CLOSING = {'"', "\u201d", "\u2019"}


def _quoted_after(obj):
    """'calling the outcome "a major piece of good news"', the quotation parsed apart from
    the verb: the quoted words right after the object (the first of them stands for it)."""
    doc = obj.doc
    start = obj.right_edge.i + 1
    if start >= len(doc) or doc[start].text not in _OPENING:
        return None
    end = next((i for i in range(start + 1, min(len(doc), start + 25)) if doc[i].text in _CLOSING), None)
    if end is None or end <= start + 1:
        return None
    words = [doc[i] for i in range(start + 1, end)]
    return words or None


def _judged_words(complement) -> list:
    """The complement's own words: its head and modifiers, not the phrases after it
    ("a win for everyone": win; not everyone)."""
    out = []
    stack = [complement]
    while stack:
        w = stack.pop()
        out.append(w)
        stack.extend(c for c in w.children if c.dep_ not in ("prep", "relcl", "acl", "punct", "cc")
                     or c.lower_ in ("nor",))
    return out


def _polarity(words: list, negative: frozenset, positive: frozenset) -> Optional[str]:
    lemmas = [w.lemma_.lower() for w in words] + [w.lower_ for w in words]
    neg = any(w in negative for w in lemmas)
    pos = any(w in positive for w in lemmas)
    if neg == pos:
        return None
    turned = any(w.lower_ in _NEGATORS for w in words)
    return _CRITICISM if neg != turned else _PRAISE


def _namer(v):
    """Who names: the subject; for "condemned what it called ...", the one who condemned."""
    subj = subject_of(v)
    if subj is None and v.dep_ in ("ccomp", "relcl") and v.head.pos_ in ("VERB", "AUX"):
        return subject_of(v.head)
    if (subj is None or subj.pos_ == "PRON") and any(c.lower_ == "what" for c in v.children):
        # "the ministry expressed its condemnation of what it called ...": "it" is the ministry
        head = v.head
        for _ in range(4):
            if head.pos_ in ("VERB", "AUX") and (above := subject_of(head)) is not None:
                return above
            if head.head.i == head.i:
                break
            head = head.head
    return subj
