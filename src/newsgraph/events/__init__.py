"""Stage 5, events: who did what to whom, when and where, coded in CAMEO.

Public entry: :func:`code_events`, a pure function of one parsed and resolved
article. It returns one :class:`~newsgraph.records.EventMention` per coded
(trigger, source, target) of each sentence, with the sentence's span and text,
a date resolved from the sentence or the article, a place and casualty counts.
"""
from __future__ import annotations

from typing import Optional

from ..kb.cameo import SYMMETRIC_CODES, load_cameo
from ..kb.gazetteer import load_gazetteer
from ..records import Article, ArticleAnalysis, EventActor, EventMention
from .actors import ActorCoder, EntityIndex
from .coder import find_triggers
from .clauses import follow_up_toll, span_text, tolls
from .counts import find_counts
from .dates import DateResolver
from .grammar import Trigger, prep_object, protested, trailing_party
from .grammar_rules import by_phone, told_call
from .inferred_sides import infer_sides, uncoded
from .lexicon import Lexicon, LexiconError, acts_of_state, deeds, load_lexicon, reported_acts
from .modality import condition_subject, conditional, intent_code, modality, told_as_history
from .places import PlaceFinder
from .verb_patterns import other_party
from .why import explain, relation

_PHONE_WORDS = {"phone", "telephone", "telephonic"}
_CHANNEL_PREPS = {"in", "during", "by", "over", "via", "on"}


def code_events(article: Article, doc, analysis: Optional[ArticleAnalysis], kb,
                lexicon: Optional[Lexicon] = None, deadline=None) -> list[EventMention]:
    """The CAMEO events of one article, in text order. ``deadline.check()``, if given, is
    called once a sentence; it raises to stop an article over its time budget."""
    lexicon = lexicon or load_lexicon()
    actors = ActorCoder(kb, EntityIndex(analysis), load_gazetteer().find)
    dates = DateResolver(article, analysis)
    places = PlaceFinder(article, analysis)
    table = load_cameo()
    out: list[EventMention] = []
    last_by_root: dict[str, list] = {}  # root -> [(when told, the source)] of its events so far
    congratulated: Optional[EventActor] = None  # the latest named side congratulated
    winner: Optional[EventActor] = None  # who won the latest vote the article told of
    force: list[tuple[int, EventMention]] = []  # (sentence number, event) of the events of force told
    congratulations_at = -_AMID - 1  # the latest sentence that spoke of congratulations
    spoken: dict[int, set[int]] = {}  # sentence number -> positions in out of its consultations (040, 041)
    for number, sent in enumerate(doc.sents):
        if deadline is not None:
            deadline.check()
        text = span_text(sent)
        if "congratulat" in text.lower():
            congratulations_at = number
        triggers = find_triggers(sent, lexicon)
        if not triggers:
            dates.note_sentence(sent)
            follow_up_toll(sent, number, force, [])
            continue
        # "12 dead and 60 injured": a casualty word with no side of its own tells a toll, no clause
        violent = [t for t in triggers if t.pattern.code[:2] >= "14" and (t.source is not None or t.target is not None)]
        clauses, tolls_of, folded = tolls(sent, violent, lambda noun: _event_noun(noun, lexicon))
        sentence_events: list[tuple[EventMention, bool]] = []
        for trig in triggers:
            if id(trig) in folded:
                continue  # "stormed the camp in a raid that killed seven": the storming's toll
            if told_as_history(trig):
                continue  # "five years after crowds burned down its embassy": long past, undated
            sources, targets, members = _sides(trig, actors)
            target_token = trig.target
            if "amid_congratulations" in trig.flags:
                # "Congratulations began to arrive ... Putin sent a message to his 'dear friend'":
                # one more congratulation, to whom the article's went; told elsewhere, no event
                if number - congratulations_at > _AMID:
                    continue
                himself = all(t is not None and any(s is not None and _same(t, s) for s in sources) for t in targets)
                if (uncoded(targets) or himself) and (congratulated or winner) is not None:
                    targets = [congratulated or winner]
                    trig.target_how = "whom the article's congratulations went to" if congratulated \
                        else "the winner of the vote the article told of"
            if trig.pattern.origin == "grammar:judgement" and trig.target is not None:
                # "described his talks with his Peruvian counterpart as positive": one's own act
                # judges its partner; with none, no one (never the source itself)
                own = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in trig.target.children)
                itself = None not in targets and None not in sources and \
                    all(any(_same(t, s) for s in sources) for t in targets)
                partner = next((prep_object(c) for c in trig.target.children
                                if c.dep_ == "prep" and c.lower_ in ("with", "between")), None)
                if partner is not None and (own or itself):
                    targets, target_token = actors.actors(partner) or [None], partner
                    trig.target_how = "the partner of the source's own act"
                elif itself:
                    targets, target_token = [None], None
            # "the United States and Jordan agreed upon a pact between the two countries": a
            # target that is no actor, or is the sources themselves, leaves the coordinated
            # sources each other's
            themselves = not members and None not in targets and None not in sources and len(sources) > 1 \
                and all(any(_same(t, s) for s in sources) for t in targets)
            coordinated = (uncoded(targets) or themselves) and len(sources) > 1 and (
                trig.pattern.code[:2] in _JOINT_ROOTS or trig.pattern.code in SYMMETRIC_CODES)
            if coordinated:
                sources, targets = sources[:1], sources[1:]  # "A and B signed a deal": with each other
            code = _refine(trig, sources, targets)
            phoned = code == "041" != trig.pattern.code  # "spoke to him by phone": a call, however weak the verb
            steps = [f"the phone is the channel: {trig.pattern.code} -> {code}"] if phoned else \
                [f"a raid by troops or a state is an assault: {trig.pattern.code} -> {code}"] \
                if code != trig.pattern.code else []
            flags = trig.flags + [f for f in modality(trig)
                                  if not (f == "hypothetical" and "modal_in_pattern" in trig.flags)]
            if trig.pattern.rule is not None:
                flags = flags + [f"rule:{trig.pattern.rule}"]  # which dictionary pattern fired
            if ("intent" in flags or "future" in flags) and trig.pattern.rule is None:
                # a dictionary's code is as its author wrote it: "will contribute" stays 070
                before, code = code, intent_code(code)
                if code != before:
                    steps.append(f"an intent or a future act: {before} -> {code}")
                if conditional(trig) and not code.startswith("13"):
                    steps.append(f"a condition attached ('unless', 'if'): {code} -> 130, a threat")
                    code = "130"  # "will withdraw unless ...": a threat
                    flags = flags + ["conditional"]
            if code[:2] == "13" and uncoded(targets) and (whom := condition_subject(trig)) is not None \
                    and (conditioned := actors.actors(whom)):
                # "threatened to halt the talks if Chile deploys the missiles": to Chile
                targets, target_token = conditioned, whom
                trig.target_how = f"subject of the condition on the threat ('{whom.text}')"
            one_sided = table[code].root == "14" and sources != [None]  # a strike or protest needs no target
            if trig.pattern.is_noun and (sources == [None] or targets == [None]) \
                    and "victims" not in trig.flags and not one_sided:
                continue  # a bare event noun ("the raid") with one side unknown says too little
            if sources == [None] and targets == [None]:
                continue
            if trig.token.dep_ == "acl" and target_token is not None and target_token.i == trig.token.head.i \
                    and table[code].root < "14" and _event_noun(target_token, lexicon):
                continue  # "a raid backed by helicopter gunships": how the raid was done, no act of support
            date, precision, weekday = dates.date_of(trig, sent)
            named_place = places.in_sentence(trig, clauses if id(trig) in tolls_of else None)
            if named_place is None and (trig.pattern.code[:2] >= "14" or trig.pattern.code[:3] == "042"):
                named_place = places.of_side(target_token)  # "stormed Jenin", "visited Tehran": there
            place = places.finest(named_place, sources + targets)
            counts = tolls_of[id(trig)] if id(trig) in tolls_of else \
                (find_counts(text) if table[code].root >= "14" else None)
            if table[code].root == "14" and targets == [None]:
                # "began a hunger strike to protest against Sweden's decision": what is protested
                target_token = protested(sent)
                targets = actors.actors(target_token) or [None]
                trig.target_how = "what the sentence protests against"
            if targets == [None] and target_token is None and not trig.pattern.is_noun \
                    and (party := trailing_party(trig.token, trig.source.subtree if trig.source is not None else ())) \
                    is not None and (named := [a for a in actors.actors(party) if a.country]):
                # "launched rocket fire against Kampuchean guerrilla camps": no object, a party named
                targets, target_token = named, party
                trig.target_how = f"the first party named after '{trig.token.text}'"
            # the object noun of a pattern ("reject +accusation") when the act is no argument
            act = target_token if target_token is not None else next(
                (w for w in trig.words if w is not trig.token and w.pos_ == "NOUN"), None)
            if targets == [None] and table[code].root <= "13" \
                    and (doer := _doer_of_act(act, lexicon, last_by_root, sources)) is not None:
                # "Ana Ruiz condemned the strike", "Luis Vega rejected the accusations": the act the
                # article told of before, by whoever did it
                targets = [doer]
                trig.target_how = f"who did the '{act.text}' told of before"
            if targets == [None] and _congratulating(trig) and (congratulated or winner) is not None:
                # "The Bolivian president also sent a message of congratulations": to whom the others did, else
                # to the winner of the vote the article told of
                targets = [congratulated or winner]
                trig.target_how = "whom the article's congratulations went to before" if congratulated \
                    else "the winner of the vote the article told of"
            if winner is not None and _a_victory(target_token) and (targets == [None] or uncoded(targets)):
                # "hailed what he called an unquestionable election victory": the winner's
                targets = [winner]
                trig.target_how = f"who won the '{target_token.text}' the article told of"
            if targets == [None] and table[code].root <= "13" and _act_of_state(act):
                # "The EU's envoy condemned the vote": the vote of the state where it was held, the
                # article's own unless the act's words name the place ("the vote in Tacna"), not
                # where the envoy spoke ("said in Lima")
                where = places.of_act(act) or places.home or named_place
                if where and where.get("country"):
                    targets = [EventActor("", where["country"], None)]
                    trig.target_how = f"the state where the '{act.text}' happened"
            if "electorate" in trig.flags and sources == [None] and places.home:
                # "Ana Ruiz defeated her rival in the run-off": the voters of the country
                sources = [EventActor("", places.home["country"], None)]
                trig.source_how = "the electorate: the article's own country"
            if table[code].root >= "18" and uncoded(sources) \
                    and (attacker := _attacker_told(last_by_root, named_place or places.home)) is not None:
                # "A Russian missile struck the city ... A second missile hit the village": the
                # attacker told before, not the country attacked
                sources = [EventActor(s.text, attacker.country, s.sector) if s is not None
                           else EventActor("", attacker.country, None) for s in sources]
                trig.source_how = f"not named: the attacker told before ({attacker.country})"
                flags = flags + ["source_inferred"]
            sources, targets, inferred = infer_sides(sources, targets, table[code].root, named_place,
                                                      places.home)
            flags = flags + inferred
            if trig.pattern.reverse_code is not None and targets == [None] and len(sources) > 1:
                sources, targets = sources[:1], sources[1:]  # "Gondor and Osgiliath renewed ties" [064:064]
                coordinated = True
            # a dictionary's sides are as it says ($, +, the subject): not reordered as symmetric
            pairs = [(s, t, code) for s, t in _pairs(sources, targets, code, trig.pattern.rule is None)] \
                if not members else [(s, t, code) for i, s in enumerate(sources) for j, t in enumerate(targets)
                                     if i != j]
            if trig.pattern.reverse_code is not None and code == trig.pattern.code:
                # a dictionary's [032:033]: "X left for Y" is X's visit (032) and Y's hosting (033)
                pairs += [(t, s, trig.pattern.reverse_code) for s, t, _ in pairs if s is not None and t is not None]
            for source, target, code in pairs:
                if code[:2] < "14" and not (_placed(source) or _placed(target)):
                    continue  # "the leaders agreed to meet": no one a reader can place
                turned = source is not None and not any(source is s for s in sources)
                joint = not turned and not members and target is not None \
                    and (coordinated or any(target is s for s in sources))
                tokens = (target_token, trig.source) if turned else (trig.source, target_token)
                why = explain(trig, *tokens, source, target, flags, place,
                              steps + ([_turn_step(trig, code)] if turned else []), co_source=joint)
                sentence_events.append((EventMention(
                    cameo=code, source=source, target=target,
                    start=sent.start_char, end=sent.end_char, sentence=text,
                    trigger=" ".join(w.text for w in sorted(trig.words, key=lambda w: w.i)),
                    trigger_start=trig.token.idx, date=date, date_precision=precision, weekday=weekday,
                    place=place,
                    counts=dict(counts or {}) if table[code].root >= "14" else {},
                    confidence=_confidence(trig, source, target, flags),
                    flags=flags + ["joint"] if joint else flags, why=why),
                    trig.pattern.weak and not phoned))
        kept = _distinct(_drop_weak(sentence_events))
        told_before = spoken.get(number - 1, set()) | spoken.get(number - 2, set())
        if told_before and told_call(text):
            # "Zarif spoke with Haniyeh. ... During the phone call, Haniyeh asked ...": the
            # consultation just told was that call, and "the phone call" is no second one
            for i in told_before:
                out[i] = by_phone(out[i])
            kept = [e for e in kept if not (e.cameo.startswith("04") and e.trigger.lower() in _CALL_NOUNS)]
        spoken[number] = {len(out) + j for j, e in enumerate(kept) if e.cameo in ("040", "041")}
        out.extend(kept)
        follow_up_toll(sent, number, force, [e for e in kept if table[e.cameo].root >= "14"])
        for e in kept:
            if e.source is not None and (e.source.key or e.source.country) and "source_inferred" not in e.flags:
                last_by_root.setdefault(table[e.cameo].root, []).append((len(out), e.source))
            if e.target is not None and (e.target.key or e.target.country) and "congratulat" in e.trigger.lower():
                congratulated = e.target
            if e.target is not None and e.target.key and e.why is not None \
                    and e.why.rule in ("grammar:election", "grammar:result"):
                winner = e.target
            if e.cameo[:2] in ("03", "04", "05", "06") and not any(f.endswith("_inferred") for f in e.flags):
                actors.note_pair(e.source, e.target)
    return out


_AMID = 3  # sentences: a message sent this soon after congratulations is one of them
_CALL_NOUNS = {"call", "conversation", "talk", "talks", "phone call", "telephone call", "phone conversation"}


def _turn_step(trig: Trigger, code: str) -> str:
    """Why the sides of a report stand the other way round from the trigger's."""
    if code == trig.pattern.code or trig.pattern.reverse_code is None:
        return "the sides in a stable order (a symmetric code)"
    return f"the dictionary's reverse code: the target's act back, {code}"


def _attacker_told(last_by_root: dict[str, list], where: Optional[dict]) -> Optional[EventActor]:
    """The source of the latest act of force the article told, when it is of another country
    than the place of this one (an attack from outside), else None."""
    told = max((seen for root in ("18", "19", "20") for seen in last_by_root.get(root, ())),
               key=lambda seen: seen[0], default=None)
    if told is None or not told[1].country or not (where and where.get("country")):
        return None
    return told[1] if told[1].country != where["country"] else None


def _event_noun(noun, lexicon: Lexicon) -> bool:
    """A noun the lexicon codes as an act of force or protest ("raid", "strike", "attack")."""
    return noun.pos_ == "NOUN" and any(p.code[:2] >= "14" for p in lexicon.nouns.get(noun.lemma_.lower(), ()))


def _doer_of_act(token, lexicon: Lexicon, last_by_root: dict[str, list], sources: list):
    """Who did the act a bare noun refers back to: "the strike" (an event noun of force in the
    lexicon) was done by the source of the latest event of force, "the accusations"
    (data/reported_acts.toml) by the latest accuser, "the move" by whoever did the latest deed
    ([deeds]); never by the reacting side itself."""
    # "the indiscriminate attack" still refers back; "the Russian attack" names its own author
    if token is None or token.pos_ != "NOUN" or any(c.dep_ in ("poss", "compound", "agent")
                                                    or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"))
                                                    or (c.dep_ == "prep" and c.lower_ in ("by", "of"))
                                                    for c in token.children):
        return None
    lemma, told_acts = token.lemma_.lower(), reported_acts()
    if any(p.code[:2] >= "18" for p in lexicon.nouns.get(lemma, ())):
        roots = ("18", "19", "20")
    elif lemma in told_acts:
        roots = (told_acts[lemma],)
    elif lemma in (deed := deeds())[0]:
        roots = deed[1]  # "welcomed the move": the latest deed of any kind
    else:
        return None
    # the latest told by another side: "the Chilean president rejected the accusation" is not Chile's own
    # (its Defence Ministry's counter-accusation), but the one Ukraine made before
    own = {s.country for s in sources if s is not None and s.country}
    told = sorted((seen for r in roots for seen in last_by_root.get(r, ())), key=lambda seen: -seen[0])
    for _, doer in told:
        if any(s is not None and _same(s, doer) for s in sources):
            return None
        if not (doer.country and doer.country in own):
            return doer
    return None


_VICTORY = {"victory", "win", "re-election", "reelection", "triumph", "landslide"}


def _a_victory(token) -> bool:
    """'the victory', 'an unquestionable election victory': a win with no owner named."""
    return token is not None and token.lemma_.lower() in _VICTORY and not any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "by")) for c in token.children)


def _congratulating(trig: Trigger) -> bool:
    """'congratulated', 'sent congratulations', 'a congratulatory message'."""
    return any(w.lemma_.lower().startswith("congratulat") for w in trig.words)


def _act_of_state(token) -> bool:
    """A law, vote or ruling named with no owner ("the vote", "the contested bill"): an act
    of the state it happens in (``data/reported_acts.toml [acts_of_state]``)."""
    return token is not None and token.pos_ == "NOUN" and token.lemma_.lower() in acts_of_state() \
        and not any(c.dep_ in ("poss", "compound", "agent") or (c.dep_ == "prep" and c.lower_ in ("by", "of"))
                    for c in token.children)


def _sides(trig: Trigger, actors: ActorCoder) -> tuple[list, list, bool]:
    """The coded sources and targets of a trigger, and whether they are the members of one
    dictionary ``%`` compound ("Gondor and Osgiliath agree": each member to each other one;
    the resolver may have made the coordination one entity, so members pair by place)."""
    verbal = trig.pattern.code[:2] not in _FORCE_ROOTS
    if "compound" in trig.flags:
        both = actors.actors(trig.source, verbal)
        if len(both) >= 2:
            return both, both, True
    sources = actors.actors(trig.source, verbal) or [None]
    targets = actors.actors(trig.target, verbal) or [None]
    if trig.pattern.rule is not None and None not in sources and None not in targets \
            and all(any(_same(s, t) for s in sources) for t in targets):
        # "Sam renewed his license in Michel Delving": his own thing is no other side; the
        # party after a preposition is
        other = other_party(trig)
        if other is not None and (found := actors.actors(other, verbal)):
            targets = found
            trig.target_how = relation(trig, other) + " (not the source's own thing)"
    return sources, targets, False


# Roots of acts done by force: a capital struck is a city, not its government.
_FORCE_ROOTS = {"14", "15", "17", "18", "19", "20"}


def _refine(trig: Trigger, sources: list, targets: list) -> str:
    """040 'consult' becomes 041 'discuss by telephone' when the phone is the channel;
    so does a statement made "in a phone call" or "by phone" to someone. A raid by
    troops or a state is an assault (190); by the police, or by no one named, coercion (170)."""
    code = trig.pattern.code
    tok = trig.token
    if code == "170" and tok.lemma_.lower() == "raid" and sources and all(
            s is not None and (s.country or s.key) and s.sector != "COP" for s in sources):
        return "190"  # "an Israeli raid on the camp": an assault; "police raided the offices" stays 170
    if code.startswith("01") and not trig.pattern.is_noun:
        channel = {w.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ in _CHANNEL_PREPS
                   for w in c.subtree}
        if channel & _PHONE_WORDS and trig.target is not None:
            return "041"
        return code
    if code not in ("040", "04"):
        return code
    near = {t.lemma_.lower() for t in tok.subtree} if not trig.pattern.is_noun else set()
    near |= {c.lemma_.lower() for c in tok.children}
    if near & _PHONE_WORDS:
        return "041"
    return code


# Roots of acts two parties do together: "A and B signed a deal" is A's with B.
_JOINT_ROOTS = {"03", "05", "06"}


def _pairs(sources: list, targets: list, code: str, symmetric: bool = True):
    if code in SYMMETRIC_CODES and symmetric:  # one record per pair, its sides in a stable order
        if targets == [None] and len(sources) > 1:  # "Iran and Qatar held talks"
            targets, sources = sources[1:], sources[:1]
        for s in sources:
            for t in targets:
                if s is not None and t is not None:
                    if _same(s, t):
                        continue
                    if _order(t) < _order(s):
                        s, t = t, s
                yield s, t
        return
    for s in sources:
        for t in targets:
            if s is not None and t is not None and _same(s, t):
                continue
            yield s, t


def _same(s: EventActor, t: EventActor) -> bool:
    """One actor on both sides: the same entity, or the same words (unnamed sides are not)."""
    # "Hungarian and Romanian officials" are two sides in one phrase: the countries tell them apart
    # ... but "masked protesters" on both sides, one of them given its country by the place,
    # is one actor
    return bool(s.key and s.key == t.key) or bool(s.text and s.text == t.text and s.key == t.key
                                                  and (s.country == t.country or not s.country or not t.country))


def _placed(actor: Optional[EventActor]) -> bool:
    """A side a reader can place: a named entity the article resolved, or a side with a
    country. Words between two sides neither of which is placed ("the leaders agreed to
    meet", "officials rejected the plan", no country in the text) say only that someone
    spoke somewhere, and are not coded; acts of force and protest are, as ACLED records
    attacks by unidentified groups ("gunmen killed 12 villagers")."""
    return actor is not None and bool(actor.key or actor.country)


def _order(actor: EventActor) -> tuple:
    return (actor.country or "~", actor.text.casefold())


def _confidence(trig: Trigger, source, target, flags: list[str]) -> float:
    score = 0.4
    score += 0.2 if source is not None and (source.key or source.country) else 0.0
    score += 0.15 if target is not None and (target.key or target.country) else 0.0
    score += 0.1 * min(trig.pattern.specificity, 2)
    score -= 0.2 if trig.pattern.weak else 0.0
    score -= 0.25 if "hypothetical" in flags else 0.0
    # a side known only by where it happened is a guess
    score -= 0.15 * sum(1 for f in ("source_inferred", "target_inferred") if f in flags)
    return round(max(0.05, min(score, 0.95)), 2)


def _distinct(events: list[EventMention]) -> list[EventMention]:
    """One sentence telling the same act twice ("met ... to discuss") gives it once; an act of
    force with no author yields to the same act against the same side by a named one."""
    best: dict[tuple, EventMention] = {}
    for e in events:
        key = (e.cameo[:2], _identity(e.source), _identity(e.target))
        if key not in best or (len(e.cameo), e.confidence) > (len(best[key].cameo), best[key].confidence):
            best[key] = e
    kept = {id(e) for e in best.values()}
    # "40 were wounded in an Israeli raid": the wounding with no author is the raid's own
    authored = {(e.cameo[:2], _identity(e.target)) for e in best.values() if e.source is not None}
    return [e for e in events if id(e) in kept and not (
        e.source is None and e.cameo[:2] in ("18", "19", "20") and (e.cameo[:2], _identity(e.target)) in authored)]


def _identity(actor: Optional[EventActor]) -> tuple:
    return (None,) if actor is None else (actor.key, actor.text, actor.country)


def _drop_weak(events: list[tuple[EventMention, bool]]) -> list[EventMention]:
    """A weak cue ('made remarks', 'injured') yields to a stronger event of the same source
    in the sentence; so does a bare statement (CAMEO 01) that says no more than it."""
    def who(e: EventMention):
        return (e.source.key, e.source.text) if e.source else None

    strong = {who(e) for e, weak in events if not weak and not e.cameo.startswith("01")}
    return [e for e, weak in events
            if not (weak and e.cameo.startswith("01"))  # "X said": the quote holds it, not an event
            and not ((weak or e.cameo.startswith("01")) and who(e) in strong)]


__all__ = ["code_events", "load_lexicon", "Lexicon", "LexiconError"]
