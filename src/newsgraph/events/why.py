"""Why an event was coded: the pattern, the trigger and how each side was found.

Built once a trigger's sides are coded, from what the grammar left on the
:class:`~newsgraph.events.grammar.Trigger`; read back by ``newsgraph events --why``
and ``newsgraph code --explain``. Worked example, "Police arrested Ana Ruiz in Lima":

    rule event_lexicon.txt:311: 173 arrest
    trigger 'arrested' at 7-15
    source: subject of 'arrested'
    target: object of 'arrested'
"""
from __future__ import annotations

from typing import Optional

from ..records import EventActor, EventWhy
from .grammar import Trigger

_DEPS = {"nsubj": "subject", "nsubjpass": "passive subject", "csubj": "subject", "dobj": "object",
         "obj": "object", "dative": "indirect object", "poss": "possessor", "compound": "modifier",
         "amod": "modifier", "nmod": "modifier", "attr": "complement", "appos": "apposition"}


def explain(trig: Trigger, source_token, target_token, source: Optional[EventActor],
            target: Optional[EventActor], flags: list[str], place: Optional[dict],
            steps: list[str], co_source: bool = False) -> EventWhy:
    """The reasons of one coded (trigger, source, target); ``co_source``: the target was
    coordinated with the source ("Iran and Qatar held talks")."""
    words = sorted(trig.words or [trig.token], key=lambda w: w.i)
    start = words[0].idx
    end = max(w.idx + len(w.text) for w in words)
    text = trig.token.doc[words[0].i:words[-1].i + 1].text  # a Span: Doc.text would copy the whole article
    pattern = trig.pattern
    rule = pattern.origin or pattern.rule or "grammar"
    written = " ".join((pattern.text or f"{pattern.code} {pattern.lemma}").split())
    source_how = _side(trig, source_token, source, "source_inferred" in flags, trig.source_how, place,
                       "source_home" in flags)
    if co_source:
        target_how = "coordinated with the source: the other party of a joint act"
    else:
        target_how = _side(trig, target_token, target, "target_inferred" in flags, trig.target_how, place,
                           "target_home" in flags)
    return EventWhy(rule, written, text, start, end, source_how, target_how, tuple(trig.notes + steps))


def _side(trig: Trigger, token, actor: Optional[EventActor], inferred: bool, bound: Optional[str],
          place: Optional[dict], home: bool = False) -> str:
    if actor is None:
        return "none found"
    if inferred and not actor.key and not actor.text:
        if bound and bound.startswith("not named"):
            return bound  # inferred otherwise than from the place ("the attacker told before")
        where = (place or {}).get("name") or actor.country
        return f"not named: the country of the place ({where})"
    how = bound or relation(trig, token)
    if inferred:
        how += f"; its country from the place ({(place or {}).get('name') or actor.country})"
    elif home and actor.country:
        how += f"; its country the article's own ({actor.country})"
    if token is not None and token.pos_ != "PROPN" and actor.text and actor.text.casefold() != token.text.casefold() \
            and token.text.casefold() not in actor.text.casefold():
        how += f"; '{token.text}' is {actor.text}"  # a pronoun or a role resolved to its entity
    return how


def relation(trig: Trigger, token) -> str:
    """How an argument token hangs off its trigger, in words: "subject of 'met'",
    "object of 'with'", "the noun 'people' it describes"."""
    if token is None:
        return "none found"
    verb = trig.token
    if token.i == verb.head.i and verb.dep_ in ("acl", "relcl"):
        return f"the noun '{token.text}' that '{verb.text}' describes"
    head = token.head
    if head.i == verb.i or head.i in {w.i for w in trig.words}:
        return f"{_DEPS.get(token.dep_, token.dep_)} of '{head.text}'"
    if head.dep_ == "agent" or (head.dep_ == "prep" and head.lower_ == "by" and head.head.i == verb.i):
        return f"passive agent ('by') of '{verb.text}'"
    if head.dep_ in ("prep", "dative") and token.dep_ == "pobj":
        return f"object of '{head.text}' after '{head.head.text}'"
    if token.dep_ in ("nsubj", "nsubjpass"):
        return f"subject of '{head.text}', which governs '{verb.text}'"
    return f"'{token.text}', {token.dep_} of '{head.text}'"
