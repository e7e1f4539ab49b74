"""Triggers from a user's TABARI/PETRARCH verb dictionary, matched on the spaCy parse.

A verb of the sentence is looked up by its form ("LEFT", "BROKE") and then its lemma; a
multi-word verb also needs its other words next to it ("cordoned *off*", "*wire* tapped").
Of the block the form belongs to, the most specific pattern that fits gives the code; when
none fits, the form's own code does (the isolated verb). A pattern's words before ``*``
are looked for before the verb in the sentence, in order ("SAID WOULD *" fits "X said it
would meet"); its words after ``*`` in what the verb governs after it (its objects and
prepositional phrases), in order. A space lets other words come between, ``_`` does not:
"RESTORE - * DIPLOMATIC [064]" fits "restore full diplomatic ties", "* THE_FULL" does not.

``$`` and ``+`` take the noun phrase found at that place as source or target; otherwise the
grammar's subject and object are. ``%`` is a coordination holding both sides ("Gondor and
Osgiliath agreed": source Gondor, target Osgiliath). A pattern or verb coded ``[---]``
fits and says there is no event: it silences the built-in lexicon on that verb.

Precedence (see :func:`choose`): the more words a pattern needs besides the verb, the more
it wins; between a dictionary pattern and a built-in lexicon pattern of as many words, the
dictionary's wins; between two dictionary patterns, the later file's, then the earlier line.
The words a dictionary pattern matched are its own: a built-in trigger on them yields
("vowed to wage war": VOW - * WAR, not the lexicon's "wage +war"). A negation or a modal the
pattern names ("WILL NOT *", "INDICATED SHOULD *") is part of its code: the event is not
turned into a refusal nor dropped as hypothetical. A dictionary's code is not recoded as an
intent ("will contribute" stays CAMEO 07), and its sides are not reordered as a symmetric
code's. A bare verb of saying ("SAID [023]", no pattern words) is a report: it is no event
when it is told to no one or when what it reports is coded (see ``coder.find_triggers``).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

from ..kb.petrarch_verbs import PrepPhrase, Slot, VerbDictionary, VerbForm, VerbPattern, Words
from .grammar import SAYING_VERBS, Trigger, actorish, direct_object, prep_object, subject_of, verb_arguments
from .lexicon import Pattern

_NEGATIONS = {"NOT", "N'T", "NEVER", "NO", "NEITHER", "NOR"}
_MODALS = {"WOULD", "COULD", "MIGHT", "MAY", "SHOULD", "MUST", "CAN", "WILL", "SHALL"}
_NOUNISH = ("NOUN", "PROPN", "PRON")


@dataclass
class DictionaryMatch:
    """The best dictionary reading of one verb: a trigger, or none when its code is [---]."""

    trigger: Optional[Trigger]
    words: int  # how many words it needed besides the verb
    origin: str
    uncodable: bool = False  # no trigger because the code is outside CAMEO, not because it is [---]


def dictionary_match(tok, dictionary: VerbDictionary, min_words: int = 0) -> Optional[DictionaryMatch]:
    """The most specific pattern of ``dictionary`` that fits the verb ``tok``, or None.
    With ``min_words`` > 0, only a pattern needing that many words besides the verb counts
    (the CAMEO.2.0 fallback takes no isolated verb), and the rest are not tried."""
    forms = _forms(tok, dictionary)
    if not forms:
        return None
    sentence = _sentence(tok)
    vocab = _vocabulary(sentence)
    sent = None  # the sentence's tokens, listed when a pattern is worth trying
    offset = sentence.start
    best = None  # (words, pattern or None for the isolated verb, bindings, form)
    for form in forms:
        block = dictionary.patterns.get(form.verb, ())
        candidates = _candidates(block, vocab) if block else ()
        if min_words and not candidates:
            continue
        if sent is None:
            sent = _tokens(sentence)
        span = _verb_span(tok, form, sent, offset)
        if span is None:
            continue
        if best is None:
            best = (0, None, {}, form)  # the isolated verb of the first form that fits
        left = right = None
        for n in candidates:
            pattern = block[n]
            if pattern.words < max(best[0], min_words) \
                    or (pattern.words == best[0] and best[1] is not None):
                break  # most specific first: nothing later in this block beats the best so far
            if not _possible(pattern, vocab):
                continue  # a word the pattern needs is nowhere in the sentence
            if left is None:
                left = sent[:span[0] - offset]
                lo, hi = tok.left_edge.i, tok.right_edge.i  # what the verb governs, not a later clause
                right = [t for t in sent[span[1] - offset + 1:] if lo <= t.i <= hi]
            found = _match(pattern, left, right)
            if found is not None:
                best = (pattern.words, pattern, found, form)
                break
    if best is None or best[0] < min_words:
        return None
    words, pattern, bindings, form = best
    code = pattern.code if pattern is not None else form.code
    reverse = pattern.reverse_code if pattern is not None else form.reverse_code
    origin = pattern.origin if pattern is not None else form.origin
    written = pattern.text if pattern is not None else form.text
    if code is None:  # [---], or a code the reader could not take
        return DictionaryMatch(None, words, origin, (pattern or form).uncodable)
    trig = Trigger(Pattern(code, tok.lemma_.lower(), rule=origin, reverse_code=reverse, matched_words=words,
                           origin=origin, text=written),
                   tok, words=[tok, *bindings.get("words", [])])
    obj = direct_object(tok)
    verb_arguments(trig, obj)
    _apply_bindings(trig, bindings)
    if trig.target is not None and not actorish(trig.target) and "target" not in bindings:
        # "welcomed a resumption of ties with Osgiliath": the actor inside the object phrase
        trig.target = _actor_inside(trig.target, trig.source) or trig.target
    elif trig.target is None and obj is not None and "compound" not in bindings:
        trig.target = _actor_inside(obj, trig.source)
    texts = {w.upper() for w in bindings.get("texts", [])}
    if texts & _NEGATIONS:
        trig.flags.append("negation_in_pattern")  # "WILL NOT * [081]": the code already says it
    if texts & _MODALS:
        trig.flags.append("modal_in_pattern")  # "INDICATED SHOULD * [1011]": so does the modal
    return DictionaryMatch(trig, words, origin)


def reports(trig: Trigger) -> bool:
    """Whether a trigger is a dictionary's bare verb of saying (no pattern words: "SAID [023]"),
    which is the report of the event it governs, not a demand ("said Y would meet")."""
    return trig.pattern.rule is not None and trig.pattern.matched_words == 0 \
        and trig.token.lemma_.lower() in SAYING_VERBS


def choose(user: Optional[DictionaryMatch], builtin: Optional[Trigger]):
    """The dictionary's match or the built-in trigger, by the module's precedence: more words
    matched wins, and the dictionary wins a tie. Returns a Trigger, or None for no event."""
    if user is None:
        return builtin
    if builtin is not None and builtin_words(builtin.pattern) > user.words:
        return builtin
    return user.trigger


def builtin_words(p: Pattern) -> int:
    """Words a built-in pattern needs besides its trigger: its object noun and its particles."""
    return (p.noun is not None) + len(p.preps)


def _forms(tok, dictionary: VerbDictionary) -> tuple[VerbForm, ...]:
    text = tok.text.upper()
    lemma = tok.lemma_.upper()
    found = dictionary.forms.get(text, ())
    if lemma != text:
        found = found + tuple(f for f in dictionary.forms.get(lemma, ()) if f not in found)
    # multi-word forms first: "cordoned off" is CORDON_OFF before it is CORDON
    return tuple(sorted(found, key=lambda f: -(len(f.before) + len(f.after))))


_SENTENCES: list = [None, [], []]  # (doc, sentence starts, sentences) of the last document


def _sentence(tok):
    """``tok.sent``, found by bisection in the document's sentences listed once: spaCy's own
    walks the sentence's tokens on every call, and every verb asks."""
    if _SENTENCES[0] is not tok.doc:
        sents = list(tok.doc.sents)
        _SENTENCES[0], _SENTENCES[1], _SENTENCES[2] = tok.doc, [s.start for s in sents], sents
    return _SENTENCES[2][bisect_right(_SENTENCES[1], tok.i) - 1]


def _verb_span(tok, form: VerbForm, sent: list, offset: int) -> Optional[tuple[int, int]]:
    """The first and last token index of the verb's words, or None when they are not there."""
    i = tok.i - offset
    before = [t.text.upper() for t in sent[max(0, i - len(form.before)):i]]
    after = [t.text.upper() for t in sent[i + 1:i + 1 + len(form.after)]]
    if tuple(before) != form.before or tuple(after) != form.after:
        return None
    return tok.i - len(form.before), tok.i + len(form.after)


def _same_word(tok, word: str) -> bool:
    """Whether ``tok`` is the dictionary word ``word``: its text or lemma, or a plural or
    regular form the dictionary leaves to the reader (TIE fits "ties", PARTY "parties")."""
    keys = _keys(tok)
    return word in keys or "IES:" + word[:-1] in keys


# The words each token can be, computed once per word form: pattern matching compares
# dictionary words with every token of the sentence. A token's keys are its upper-case
# text and lemma, its text less a plural ending (-S, -ES) and "IES:" + the stem of an -IES
# plural; a dictionary word W is the token when W or "IES:" + W[:-1] is among them
# ("PARTIES" has the key "IES:PART", which PARTY gives).
_KEYS: dict[tuple[int, int], frozenset[str]] = {}  # (orth, lemma) ids -> keys, for every document


def _keys(tok) -> frozenset[str]:
    found = _KEYS.get((tok.orth, tok.lemma))
    if found is None:
        text, lemma = tok.text.upper(), tok.lemma_.upper()
        keys = {text, lemma}
        if text.endswith("S"):
            keys.add(text[:-1])
            if text.endswith("ES"):
                keys.add(text[:-2])
                if text.endswith("IES"):
                    keys.add("IES:" + text[:-3])
        if len(_KEYS) > 500_000:  # a bound on a long run's memory: start again
            _KEYS.clear()
        found = _KEYS[(tok.orth, tok.lemma)] = frozenset(keys)
    return found


_BY_FIRST: dict[int, tuple] = {}  # id(Words) -> (element, {key: option numbers}), see _options_at


def _options_at(e: Words, tok) -> list[int]:
    """The numbers, in order, of the options of ``e`` whose first word is ``tok``: a lookup of
    the token's keys in an index of the options by first word, instead of a comparison with
    each option (a synonym set such as &CURRENCY has hundreds)."""
    index = _derived(_BY_FIRST, e, _options_by_first)
    found = [n for key in _keys(tok) for n in index.get(key, ())]
    return sorted(set(found)) if len(found) > 1 else found


def _options_by_first(e: Words) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for n, option in enumerate(e.options):
        if option:
            for key in {option[0], "IES:" + option[0][:-1]}:
                index.setdefault(key, []).append(n)
    return index


@dataclass(frozen=True)
class _Vocabulary:
    """What a sentence's words can match: their texts, lemmas and the stems of their plurals."""

    words: frozenset[str]  # with "IES:" + stem for each plural in -IES ("PARTIES": "IES:PART")


_VOCAB: list = [None, None, None]  # (doc, sentence start, vocabulary) of the last sentence asked


_TOKENS: list = [None, None, None]  # (doc, sentence start, its tokens) of the last sentence listed


def _tokens(sent) -> list:
    """The sentence's tokens as a list, listed once for all the verbs of the sentence."""
    if _TOKENS[0] is not sent.doc or _TOKENS[1] != sent.start:
        _TOKENS[0], _TOKENS[1], _TOKENS[2] = sent.doc, sent.start, list(sent)
    return _TOKENS[2]


def _vocabulary(sent) -> _Vocabulary:
    if _VOCAB[0] is sent.doc and _VOCAB[1] == sent.start:
        return _VOCAB[2]
    words: set[str] = set()
    for tok in _tokens(sent):
        words.update(_keys(tok))
    vocab = _Vocabulary(frozenset(words))
    _VOCAB[0], _VOCAB[1], _VOCAB[2] = sent.doc, sent.start, vocab
    return vocab


_NEEDS: dict[int, tuple] = {}  # id(pattern) -> (pattern, its needed words), see _needs


def _derived(table: dict, obj, build):
    """``build(obj)``, computed once per dictionary object and kept in ``table`` by id, with
    the object itself so that a freed object's id, reused, is not mistaken for it."""
    kept = table.get(id(obj))
    if kept is None or kept[0] is not obj:
        kept = table[id(obj)] = (obj, build(obj))
    return kept[1]


def _needs(pattern: VerbPattern) -> tuple[frozenset[str], ...]:
    """For each Words element a pattern requires (prepositions too), the first words of its
    options (and the "IES:" keys of their plurals, see _Vocabulary): one of each must be in
    the sentence for the pattern to have a chance."""
    return _derived(_NEEDS, pattern, _needed_words)


def _needed_words(pattern: VerbPattern) -> tuple[frozenset[str], ...]:
    out: list[tuple[str, ...]] = []

    def walk(elements) -> None:
        for e in elements:
            if isinstance(e, Words):
                out.append(tuple(o[0] for o in e.options if o))
            elif isinstance(e, PrepPhrase):
                out.append((e.prep,))
                walk(e.inside)

    walk((*pattern.before, *pattern.after))
    return tuple(frozenset((*n, *("IES:" + w[:-1] for w in n))) for n in out if n)


def _possible(pattern: VerbPattern, vocab: _Vocabulary) -> bool:
    words = vocab.words
    return all(not words.isdisjoint(options) for options in _needs(pattern))


_BLOCKS: dict[int, tuple] = {}  # id(block) -> (block, _BlockIndex), see _candidates


@dataclass(frozen=True)
class _BlockIndex:
    """A verb block's patterns by a word each needs: the first words of its rarest needed
    element (see _needs); ``free`` are the patterns that need no word."""

    by_word: dict[str, list[int]]
    words: frozenset[str]
    free: tuple[int, ...]


def _candidates(block: tuple, vocab: _Vocabulary) -> list[int]:
    """The numbers, in the block's order, of the patterns that may fit a sentence: those
    holding a word of the sentence in the index, and those needing no word. A block such as
    SAY holds hundreds of patterns and a sentence fits a handful; the index spares the test
    of every pattern on every verb."""
    index = _derived(_BLOCKS, block, _index_block)
    found = set(index.free)
    for word in vocab.words & index.words:  # a set intersection, over the smaller of the two
        found.update(index.by_word[word])
    return sorted(found)


def _index_block(block: tuple) -> _BlockIndex:
    by_word: dict[str, list[int]] = {}
    free: list[int] = []
    for n, pattern in enumerate(block):
        needs = _needs(pattern)
        if not needs:
            free.append(n)
            continue
        for key in min(needs, key=len):
            by_word.setdefault(key, []).append(n)
    return _BlockIndex(by_word, frozenset(by_word), tuple(free))


def _match(pattern: VerbPattern, left: list, right: list) -> Optional[dict]:
    """Bindings ({"source"/"target"/"compound": token, "words": tokens}) when both sides fit."""
    lhs = _side(pattern.before, left, 0, {}, anchored_end=pattern.joined_before)
    if lhs is None:
        return None
    rhs = _side(pattern.after, right, 0, lhs, anchored_start=pattern.joined_after)
    return rhs


def _side(elements: tuple, tokens: list, start: int, bound: dict, anchored_start=False,
          anchored_end=False) -> Optional[dict]:
    """Match ``elements`` in order over ``tokens`` from ``start`` (backtracking over gaps)."""
    if not elements:
        if anchored_end and start != len(tokens):
            return None
        return bound
    first, rest = elements[0], elements[1:]
    must = start if (anchored_start or first.joined) and (start > 0 or anchored_start) else None
    positions = [must] if must is not None else range(start, len(tokens))
    for at in positions:
        if at is None or at >= len(tokens):
            continue
        got = _element(first, tokens, at, bound)
        if got is None:
            continue
        end, new = got
        done = _side(rest, tokens, end, new, anchored_end=anchored_end)
        if done is not None:
            return done
    return None


def _element(e, tokens: list, at: int, bound: dict) -> Optional[tuple[int, dict]]:
    """(next position, bindings) when element ``e`` fits at ``tokens[at]``."""
    if isinstance(e, Words):
        for n in _options_at(e, tokens[at]):
            option = e.options[n]
            run = tokens[at:at + len(option)]
            if len(run) == len(option) and all(_same_word(t, w) for t, w in zip(run[1:], option[1:])):
                return at + len(option), _with(bound, words=run, texts=list(option))
        return None
    if isinstance(e, Slot):
        tok = tokens[at]
        if tok.pos_ not in _NOUNISH:
            return None
        if e.mark == "%" and not (tok.conjuncts or _phrase_head(tok).conjuncts):
            return None  # a compound is a coordination: "Gondor and Osgiliath"
        head = _phrase_head(tok)
        end = max(at + 1, next((k + 1 for k in range(at, len(tokens)) if tokens[k].i == head.i), at + 1))
        if e.mark == "^":
            return end, bound
        key = {"$": "source", "+": "target", "%": "compound"}[e.mark]
        return end, {**bound, key: head}
    if isinstance(e, PrepPhrase):
        tok = tokens[at]
        if tok.text.upper() != e.prep or tok.dep_ not in ("prep", "agent", "dative", "prt", "mark"):
            return None
        inside = [t for t in tokens[at + 1:] if tok.left_edge.i <= t.i <= tok.right_edge.i]
        found = _side(e.inside, inside, 0, _with(bound, words=[tok], texts=[e.prep]))
        if found is None:
            return None
        obj = prep_object(tok)
        if obj is not None and "target" not in found and "prep_object" not in found:
            found = {**found, "prep_object": obj}
        return at + 1 + len(inside), found
    return None


def _with(bound: dict, words: list, texts: list) -> dict:
    return {**bound, "words": [*bound.get("words", []), *words], "texts": [*bound.get("texts", []), *texts]}


def _coordination(tok):
    """The first member of the coordination ``tok`` belongs to ("Gondor *and Osgiliath*")."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok


def _phrase_head(tok):
    """The head noun of the phrase ``tok`` is in: "Gondor" of "Gondor police" is police."""
    while tok.dep_ in ("compound", "amod", "nmod", "poss") and tok.head.pos_ in _NOUNISH and tok.head.i > tok.i:
        tok = tok.head
    return tok


def other_party(trig: Trigger):
    """The first name after a preposition of the verb that is neither side yet, or None."""
    taken = {t.i for t in (trig.source, trig.target) if t is not None}
    for prep in trig.token.children:
        if prep.dep_ in ("prep", "dative") and prep.i > trig.token.i:
            obj = prep_object(prep)
            if obj is not None and obj.i not in taken and actorish(obj):
                return obj
    return None


def _actor_inside(phrase, source):
    """The first name in a phrase's prepositional phrases ("resumption of ties *with Gondor*",
    "the parade supporting *Gondor*"), not the source itself, or None."""
    for t in phrase.subtree:
        if t.i > phrase.i and t.pos_ in ("PROPN", "NOUN") and actorish(t) and t.dep_ in ("pobj", "dobj", "appos") \
                and (source is None or t.i != source.i):
            return t
    return None


def _apply_bindings(trig: Trigger, bindings: dict) -> None:
    if "compound" in bindings:
        compound = _coordination(bindings["compound"])
        if compound.i < trig.token.i:
            # "% * [030:030]", "Gondor and Osgiliath agree": the coordination holds both sides
            trig.source, trig.target = compound, None
            trig.flags.append("compound")  # the coder pairs its members (see events._sides)
            trig.source_how = trig.target_how = "a member of the pattern's % coordination"
        else:
            trig.target = compound  # "* WITH % [031]": each member is a target
            trig.target_how = "a member of the pattern's % coordination"
        return
    if "source" in bindings:
        trig.source = bindings["source"]
        trig.source_how = "the pattern's $"
    if "target" in bindings:
        trig.target = bindings["target"]
        trig.target_how = "the pattern's +"
        if "source" not in bindings and trig.source is not None and trig.source.i == trig.target.i \
                and trig.token.dep_ in ("ccomp", "xcomp", "advcl"):
            # "- NOTED + * [115]", "Gondor noted that Mordor regretted ...": the verb's own subject
            # is the target; the source is whoever noted it
            trig.source = subject_of(trig.token.head)
    elif "prep_object" in bindings:
        trig.target = bindings["prep_object"]  # "- * (TO) [042]": whoever the verb goes to
        trig.target_how = "the object of the pattern's (PREP ...) phrase"
