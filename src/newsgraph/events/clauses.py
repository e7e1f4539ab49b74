"""Which words of a sentence tell which event: casualty counts and places by clause.

A news sentence often tells two incidents, each with its own toll and place:
"On Monday a raid on the camp left seven dead, and on Tuesday two gunmen killed
four settlers near the village." The raid's seven and the gunmen's four must not
be pooled, nor the village given to the raid. Each event trigger is anchored at
its clause (a verb trigger at itself, a noun trigger at the verb that governs it:
"raid ... left"), and every word belongs to the nearest anchor above it in the
parse. An event reads its counts and places from its own words first, then from
the clause that holds it ("50 were killed when a missile struck the station":
the strike takes the fifty), then from the words no event owns, and last from
the clauses below it ("stormed the camp in a raid that killed seven").
"""
from __future__ import annotations

from typing import Iterable, Optional

from .counts import find_counts

_VERBAL = ("VERB", "AUX")


def anchor_of(token):
    """The clause a trigger stands for: a verb itself (or the verb whose subject it shares), a
    noun the verb that governs it."""
    t = token
    while t.pos_ not in _VERBAL and t.head.i != t.i:
        t = t.head
    if t.pos_ not in _VERBAL:
        return token
    # "gunmen killed four and wounded four others": verbs sharing one subject are one clause
    while t.dep_ == "conj" and t.head.pos_ in _VERBAL and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
        t = t.head
    return t


class Clauses:
    """The words of one sentence shared out among the anchors of its event triggers."""

    def __init__(self, sent, anchors: Iterable):
        self.sent = sent
        self.anchors = {a.i for a in anchors}
        # each word's owner is its own index if it anchors, else its head's: found once per word,
        # walking up only to the first word whose owner is known
        heads = {tok.i: tok.head.i for tok in sent}
        owner: dict[int, Optional[int]] = {}
        for start in heads:
            path, i = [], start
            while i not in owner:
                path.append(i)
                if i in self.anchors:
                    owner[i] = i
                    break
                if heads.get(i, i) == i:  # the root, or a head outside the sentence
                    owner[i] = None
                    break
                i = heads[i]
            found = owner[i]
            for j in path:
                owner.setdefault(j, found)
        self._owner = owner

    def owner_of(self, tok) -> Optional[int]:
        """The index of the anchor whose clause holds ``tok``, None for words no event owns."""
        return self._owner.get(tok.i)

    def own(self, anchor) -> list:
        return [t for t in self.sent if self._owner[t.i] == anchor.i]

    def shared(self) -> list:
        return [t for t in self.sent if self._owner[t.i] is None]

    def above(self, anchor):
        """The anchor of the clause that holds this one, if any."""
        if anchor.head.i == anchor.i:
            return None
        owner = self._owner.get(anchor.head.i)
        return self.sent.doc[owner] if owner is not None else None

    def below(self, anchor) -> list:
        """The anchors of the clauses this one holds, in text order."""
        return [self.sent.doc[i] for i in sorted(self.anchors)
                if i != anchor.i and (up := self.above(self.sent.doc[i])) is not None and up.i == anchor.i]

    def search(self, anchor, read, below: bool = True):
        """The first non-empty ``read(tokens)``: own words, the holding clause, unowned words, then
        (``below``) the clauses below (their findings merged, the first value of a key kept).
        A toll is found below ("a raid ... left seven dead"), a place is not: in "a raid on
        Tacna left seven dead, and gunmen killed four near Arica" Arica is the killing's."""
        for tokens in (self.own(anchor), self.own(up) if (up := self.above(anchor)) is not None else [],
                       self.shared()):
            if tokens and (found := read(tokens)):
                return found
        if not below:
            return None
        merged = None
        for child in self.below(anchor):
            found = read(self.own(child))
            if found and isinstance(found, dict):
                merged = {**found, **(merged or {})}
            elif found and merged is None:
                return found
        return merged


_DOC_TEXT: list = [None, ""]  # the last document whose text was asked for, and its text


def span_text(span) -> str:
    """A span's text, sliced from its document's, which is joined once per document: both
    ``span.text`` and ``doc.text`` join a new Token object per word on every call."""
    if _DOC_TEXT[0] is not span.doc:
        _DOC_TEXT[0], _DOC_TEXT[1] = span.doc, span.doc.text
    return _DOC_TEXT[1][span.start_char:span.end_char]


def text_of(tokens: list) -> str:
    """The words in text order as one string, a space where words were left out."""
    out, last = [], None
    for tok in sorted(tokens, key=lambda t: t.i):
        if last is not None and tok.i != last + 1 and not out[-1].endswith(" "):
            out.append(" ")
        out.append(tok.text_with_ws)
        last = tok.i
    return "".join(out).strip()


_FOLLOW_UP_SENTENCES = 3  # how far back a toll told on its own reaches


def follow_up_toll(sent, number: int, force: list, forceful: list) -> None:
    """A toll told in a sentence of its own adds to the events of force just told
    (``force``: (sentence number, event) of those told so far; ``forceful``: this sentence's
    events of force or protest).

    "A missile struck the station on Friday, killing 50. ... The governor said 98 wounded
    people had been taken to hospitals": the strike also left 98 injured. Only killed and
    injured, only a sentence with no event of force or protest of its own, only to events of
    the last three sentences that told a toll but not that figure ("forces struck a base",
    then "a writer was in critical condition with a head injury": no toll of the strike)."""
    if forceful:
        force.extend((number, e) for e in forceful if e.cameo[:2] in ("18", "19", "20"))
        return
    toll = {k: v for k, v in find_counts(span_text(sent)).items() if k in ("killed", "injured")} if force else {}
    for told, event in force:
        if number - told <= _FOLLOW_UP_SENTENCES and event.counts:
            for key, value in toll.items():
                event.counts.setdefault(key, value)


def tolls(sent, violent: list, is_event_noun) -> tuple[Optional[Clauses], dict[int, dict], set[int]]:
    """The casualty counts of each trigger of force or protest in one sentence (by ``id``), and
    the triggers that only tell another's toll.

    "Troops stormed the camp in a raid that killed seven and wounded 91": the killing and
    wounding are the raid's toll, in a relative clause of an event noun that the storming's
    clause holds; they are folded into the storming (seven killed, 91 injured), not told
    again as events of their own."""
    if not violent:
        return None, {}, set()
    clauses = Clauses(sent, [anchor_of(t.token) for t in violent])
    found = {id(t): clauses.search(anchor_of(t.token), _counts_in) or {} for t in violent}
    by_anchor = {anchor_of(t.token).i: t for t in reversed(violent)}  # the first trigger of a clause
    folded: set[int] = set()
    for trig in violent:
        verb = trig.token
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head  # "killed seven and wounded 91": the wounding goes with the killing
        relative = verb if verb.dep_ == "relcl" else (
            verb.head if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl" else None)
        if trig.token.pos_ != "VERB" or relative is None:
            continue
        noun = relative.head
        owner = clauses.owner_of(noun)
        host = by_anchor.get(owner) if owner is not None else None
        # the host is an act told by a verb ("stormed"), not the event noun itself ("a raid that
        # killed seven drew condemnation" is the killing's own report)
        if host is None or host is trig or host.token.pos_ != "VERB" or host.token.i == noun.i \
                or not is_event_noun(noun) or id(host) in folded:
            continue
        folded.add(id(trig))
        for key, value in found[id(trig)].items():
            found[id(host)].setdefault(key, value)
    _lone_act_toll(sent, violent, found)
    return clauses, found, folded


_CASUALTY_VERBS = {"kill", "injure", "wound", "hurt", "die"}


def _lone_act_toll(sent, violent: list, found: dict[int, dict]) -> None:
    """The one act of force or protest that a verb of the sentence tells takes the dead and
    injured that a clause of its own tells: "it accused protesters of throwing stones at police, and said 50
    officers had been injured" - no other act of the sentence could have left them."""
    told = [t for t in violent if not t.pattern.is_noun
            and not (t.source is None and t.token.lemma_.lower() in _CASUALTY_VERBS)]
    acts = [t for t in told if t.pattern.code[:2] in ("14", "18", "19", "20")]
    if len(acts) != 1 or len(told) != 1:
        return  # the casualty verbs themselves ("50 officers had been injured") tell the toll
    own = found[id(acts[0])]
    for key, value in find_counts(span_text(sent)).items():
        if key in ("killed", "injured"):
            own.setdefault(key, value)


def _counts_in(tokens: list) -> dict:
    return find_counts(text_of(tokens))
