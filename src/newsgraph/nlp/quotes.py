"""Quote extraction: direct, partial and indirect quotes with cue and speaker.

``extract_quotes(doc, verbs)`` reads one parsed article (spaCy ``Doc`` with
parser and NER) and returns :class:`~newsgraph.records.QuoteSpan` records:

* **direct**: the text between a pair of quotation marks (straight, curly,
  guillemets, typewriter ``''``) that stands as speech on its own: it opens a
  sentence or follows ``said:`` / ``said,`` / a reporting verb, and it ends the
  sentence or hands over to ``," X said``. The span leaves the outer marks out.
  It may run over sentences and over paragraphs (newswire: a paragraph that goes
  on with a quote has no closing mark and the next one reopens it); a quote
  split by its own frame (``"A," he said. "B."``) is one quote whose span holds
  the frame. A paragraph after ``X added:`` with no marks is a block quotation.
* **partial**: a quoted phrase inside reported speech (``X said "legitimate
  resistance" is the only way``). The span is the reported clause; a quoted
  word with no reporting verb above it is a scare quote and yields nothing, and
  so is a quoted title ("Face the Nation").
* **indirect**: the complement clause of a reporting verb that has a subject
  (``X said (that) ...``, ``X urged Y to ...``, ``..., X said.``), and the clause
  an ``according to X`` is attached to.

The cue is the reporting verb as written (or "according to"); the speaker is
the subject of the cue with its compounds and modifiers, a passive's agent, the
subject of the main clause for a participle cue (``..., saying: "..."``), the
object of "according to", a transcript label (``WALLACE: ...``) or the name
after a dash (``"..." \u2015 Name``). A direct quote with no frame takes the
speaker of the attribution just before it. ``speaker_key`` is left to resolution.
"""
from __future__ import annotations

from bisect import bisect_right
from importlib import resources

from spacy.tokens import Doc, Token

from newsgraph.nlp.attribution import attribution_quotes
from newsgraph.nlp.quote_rules import (
    LABEL,
    Segment,
    SpanIndex,
    clause_quote,
    doc_text,
    find_segments,
    is_mark,
    mark_token,
    set_cue,
    subject_of,
    verb_text,
)
from newsgraph.records import QuoteSpan

_STOP_LEFT = "\n.!?:;,(\u2014\u2013-"  # a direct quote may start after these
_END_PUNCT = ".!?,;:\u2014\u2013\u2026"
_HAND_OVER = ",?!\u2014\u2013"  # '"...," X said': the frame follows the quote
# verbs whose reported content may be an object and an infinitive: "urged X to ..."
DIRECTIVE = frozenset({"urge", "ask", "call", "tell", "warn", "encourage", "invite", "advise", "appeal",
                       "request", "demand", "vow", "pledge", "promise", "threaten", "implore", "plead"})
_FRAME_ONLY = frozenset({"continue", "go"})  # 'he continued: "..."', never 'he continued that ...'
_DASHES = ("\u2015", "\u2014", "\u2013", "-", "--")
_KIND_RANK = {"direct": 0, "partial": 1, "indirect": 2}
_NOTHING_FOUND = SpanIndex(())


def load_reporting_verbs() -> frozenset[str]:
    """The packaged reporting-verb lemmas (``newsgraph/data/reporting_verbs.txt``)."""
    text = resources.files("newsgraph.data").joinpath("reporting_verbs.txt").read_text("utf-8")
    words = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(w for w in words if w)


def extract_quotes(doc: Doc, verbs: frozenset[str], deadline=None) -> list[QuoteSpan]:
    """All quotes of one article, in text order. ``deadline.check()``, if given, is called
    between the steps and every few hundred tokens of those that walk the whole Doc; it
    raises to stop an article over its time budget."""
    check = deadline.check if deadline is not None else _no_check
    verbs = frozenset(v.lower() for v in verbs)
    segs = find_segments(doc, verbs)
    check()
    direct, embedded = [], []
    for seg in segs:
        (direct if _is_direct(doc, seg, verbs) else embedded).append(seg)
    quotes = _merge_continuations(doc, [_direct_quote(doc, seg, verbs) for seg in direct])
    check()
    quotes += _block_quotes(doc, verbs, segs, check)
    blocked = _tokens_in(doc, [(q.start, q.end) for q in quotes])
    reported = _indirect_quotes(doc, verbs, blocked, quotes, check)
    reported += attribution_quotes(doc, verbs, blocked, quotes + reported, check)
    check()
    quotes += _mark_partials(doc, verbs, blocked, embedded, reported)
    quotes += reported
    quotes = [q for q in _dedupe(quotes) if not _first_person_hedge(doc, q)]
    _inherit_speakers(doc, quotes)
    return quotes


def _no_check() -> None:
    pass


# how many tokens a loop over the Doc walks between two deadline checks
CHECK_EVERY = 256

_HEDGES = frozenset({"think", "know", "believe", "guess", "mean", "feel", "suppose", "see"})
_FIRST_SECOND = frozenset({"i", "we", "you"})


def _first_person_hedge(doc: Doc, q: QuoteSpan) -> bool:
    """"I think ...", "you know ...": conversational hedges, not attributions."""
    if q.kind == "direct" or q.cue_start is None or (q.speaker_text or "").lower() not in _FIRST_SECOND:
        return False
    cue = _token_at(doc, q.cue_start)
    return cue is not None and cue.lemma_.lower() in _HEDGES


# ---------------------------------------------------------------- direct quotes

def _is_direct(doc: Doc, seg: Segment, verbs: frozenset[str]) -> bool:
    """Quoted text standing as speech of its own, not a phrase inside a sentence:
    it starts a sentence (or follows a colon, or a reporting verb, or a comma
    after one) and it ends one (or hands over to '," X said')."""
    text = doc_text(doc)
    content = text[seg.start:seg.end]
    words = content.split()
    upper = content[:1].isupper() or content[:1].isdigit() or content[:1] in "[(\u2026."
    j = seg.open_at - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    prev = _token_at(doc, j) if j >= 0 and text[j] != "\n" else None
    if prev is None or text[j] in ".!?:;(" or is_mark(text, j):
        left = True
    elif text[j] in ",\u2014\u2013-":
        before = doc[prev.i - 1] if prev.i > 0 else None
        left = before is None or (before.lower_ != "that" and
                                  (upper or (before.pos_ == "VERB" and before.lemma_.lower() in verbs)))
    else:
        left = prev.pos_ == "VERB" and upper
    if not left:
        # '"Sentence of four words or more," X said' after a heading or a name
        return upper and len(words) >= 4 and content[-1] in _HAND_OVER and \
            _cue_after(doc, seg, verbs) is not None
    if seg.close_at is None or content[-1] in _END_PUNCT:
        return len(words) >= 2 or content[-1] in ".!?"
    k = seg.close_to
    while k < len(text) and text[k] in " \t\u00a0":
        k += 1
    if k >= len(text) or text[k] in "\n.!?,;:)\u2014\u2013" or is_mark(text, k):
        return len(words) >= 2
    return False


def _direct_quote(doc: Doc, seg: Segment, verbs: frozenset[str]) -> QuoteSpan:
    text = doc_text(doc)
    a, b = seg.start, seg.end
    while b > a and (text[b - 1] in ",;:" or text[b - 1].isspace()):
        b -= 1
    finders = [_cue_before, _cue_after, _cue_from_parse]
    if text[seg.end - 1] in _HAND_OVER:
        finders[:2] = [_cue_after, _cue_before]
    found = None
    for find in finders:
        found = find(doc, seg, verbs)
        if found is not None:
            break
    label = LABEL.match(text, a)
    if label is not None and label.end() < b:  # a transcript line: 'WALLACE: ...' names its speaker
        q = QuoteSpan(start=label.end(), end=b, text=text[label.end():b], kind="direct",
                      speaker_text=label.group(1), speaker_start=a, speaker_end=a + len(label.group(1)))
        return q
    q = QuoteSpan(start=a, end=b, text=text[a:b], kind="direct")
    if found is not None:
        set_cue(q, *found)
    return q


def _merge_continuations(doc: Doc, quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """'"A," he said. "B."': B goes on with A's words when the frame between
    them is A's and B has no other frame; they become one quote over both
    parts (the frame stays inside the span)."""
    out: list[QuoteSpan] = []
    text = doc_text(doc)
    for q in quotes:
        prev = out[-1] if out else None
        if prev is not None and prev.cue_start is not None and prev.end < prev.cue_start < q.start \
                and "\n" not in text[prev.end:q.start] and q.start - prev.end < 150 \
                and (q.cue is None or q.cue_start == prev.cue_start):
            prev.end, prev.text = q.end, text[prev.start:q.end]
            continue
        out.append(q)
    return out


def _cue_after(doc: Doc, seg: Segment, verbs: frozenset[str]):
    """'"...," X said' / '"...," said X' / '"...," according to X'."""
    if seg.close_at is None:
        return None
    mark = _token_at(doc, seg.close_at)
    if mark is None:
        return None
    i = mark.i + 1
    if i + 1 < len(doc) and doc[i].text in _DASHES and doc[i + 1].pos_ == "PROPN":
        name = doc[i + 1]
        while name.dep_ in ("compound", "flat") and name.head.i > name.i:
            name = name.head
        return (None, None, name)  # '"..." ― Sonya Herridge'
    for i in range(mark.i + 1, min(len(doc), mark.i + 14)):
        t = doc[i]
        if "\n" in t.text or mark_token(t) or t.text in (".", "!", "?", ";", ":"):
            return None
        if t.lower_ == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
            objs = [c for c in doc[i + 1].children if c.dep_ == "pobj"]
            return (doc[i:i + 2].text, t.idx, objs[0]) if objs else None
        if t.pos_ == "VERB" and t.lemma_.lower() in verbs:
            if any(c.dep_ == "ccomp" and c.i > t.i for c in t.children):
                return None  # the verb reports a clause of its own
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is not None and (nxt.text == ":" or mark_token(nxt)):
                return None  # it introduces the next quote
            return (verb_text(t), t.idx, subject_of(t, verbs))
    return None


def _cue_before(doc: Doc, seg: Segment, verbs: frozenset[str]):
    """'X said: "..."' / 'X said, "..."' / 'X vowing "..."'."""
    mark = _token_at(doc, seg.open_at)
    if mark is None:
        return None
    return _cue_ending_at(doc, mark.i - 1, verbs)


def _cue_ending_at(doc: Doc, i: int, verbs: frozenset[str]):
    """The frame that ends at token i, right before a quote: a reporting verb,
    or a colon / comma / dash after a clause holding one ('X said on Sunday:').
    Only a colon may stand at the end of the paragraph before the quote."""
    crossed = False
    while i >= 0 and doc[i].is_space:
        crossed = crossed or "\n" in doc[i].text
        i -= 1
    if i < 0:
        return None
    p = doc[i]
    if p.pos_ == "VERB" and not crossed:
        return (verb_text(p), p.idx, subject_of(p, verbs))
    if p.text not in (":", ",", "\u2014", "\u2013", "-") or (crossed and p.text != ":"):
        return None
    fallback = None
    for j in range(i - 1, max(-1, i - 25), -1):
        t = doc[j]
        if "\n" in t.text or mark_token(t) or t.text in (".", "!", "?", ";"):
            break
        if t.pos_ == "VERB":
            if t.lemma_.lower() in verbs:
                return (verb_text(t), t.idx, subject_of(t, verbs))
            if fallback is None and p.text == ":":
                fallback = (verb_text(t), t.idx, subject_of(t, verbs))
    return fallback


def _block_quotes(doc: Doc, verbs: frozenset[str], segs: list[Segment], check=_no_check) -> list[QuoteSpan]:
    """A paragraph with no quotation marks after one that ends with a reporting
    colon ('The governor added:') is a block quotation."""
    text, out = doc_text(doc), []
    for t in doc:
        if t.i % CHECK_EVERY == 0:
            check()
        if not (t.is_space and "\n" in t.text) or t.i + 1 >= len(doc) or doc[t.i + 1].is_space:
            continue
        a = doc[t.i + 1].idx
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        while b > a and text[b - 1].isspace():
            b -= 1
        if is_mark(text, a) or any(a <= sg.open_at < b or a <= sg.start < b for sg in segs):
            continue
        found = _cue_ending_at(doc, t.i - 1, verbs) if t.i > 0 and doc[t.i - 1].text == ":" else None
        if found is not None and _token_at(doc, found[1]).lemma_.lower() in verbs:
            q = QuoteSpan(start=a, end=b, text=text[a:b], kind="direct")
            set_cue(q, *found)
            out.append(q)
    return out


def _cue_from_parse(doc: Doc, seg: Segment, verbs: frozenset[str]):
    """The parser hung the quote under a reporting verb outside it."""
    span = doc.char_span(seg.start, seg.end, alignment_mode="expand")
    if span is None:
        return None
    for t in span:
        h = t.head
        if (h.i < span.start or h.i >= span.end) and h.pos_ == "VERB" and h.lemma_.lower() in verbs and \
                "\n" not in doc_text(doc)[min(h.idx, seg.start):max(h.idx, seg.end)]:
            return (verb_text(h), h.idx, subject_of(h, verbs))
    return None


# ---------------------------------------------------------------- indirect speech

def _indirect_quotes(doc: Doc, verbs: frozenset[str], blocked: set[int], direct: list[QuoteSpan],
                     check=_no_check) -> list[QuoteSpan]:
    out = []
    covered = SpanIndex(direct)
    cue_starts = {d.cue_start for d in direct}
    for v in doc:
        if v.i % CHECK_EVERY == 0:
            check()
        if v.i in blocked:
            continue
        if v.lower_ == "according" and v.i + 1 < len(doc) and doc[v.i + 1].lower_ == "to":
            out += _according(doc, v, blocked, covered, cue_starts)
            continue
        if v.pos_ != "VERB" or v.lemma_.lower() not in verbs or v.lemma_.lower() in _FRAME_ONLY:
            continue
        subj = subject_of(v, verbs)
        if subj is None and not _expletive_passive(v):
            continue
        for c in v.children:
            if c.dep_ == "ccomp" and c.i not in blocked:
                rng = (c.left_edge.i, c.right_edge.i + 1)
            elif c.dep_ == "xcomp" and v.lemma_.lower() in DIRECTIVE and c.i > v.i and \
                    any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children):
                objs = [o.left_edge.i for o in v.children if o.dep_ == "dobj" and v.i < o.i < c.i]
                rng = (min(objs + [c.left_edge.i]), c.right_edge.i + 1)
            else:
                continue
            q = clause_quote(doc, rng, covered, v.idx)
            if q is not None:
                set_cue(q, verb_text(v), v.idx, subj)
                out.append(q)
        if v.dep_ in ("parataxis", "ccomp") and subj is not None and v.left_edge.i > 0 and \
                "," in (doc[v.left_edge.i].text, doc[v.left_edge.i - 1].text) and not any(c.dep_ == "ccomp" for c in v.children):
            head = v.head  # "The economy is weak, he said." / "The museum, he said, will ..."
            rng = (head.left_edge.i, v.left_edge.i) if head.i < v.i else (head.left_edge.i, head.right_edge.i + 1)
            q = clause_quote(doc, rng, covered, v.idx)
            if q is not None and head.i not in blocked:
                set_cue(q, verb_text(v), v.idx, subj)
                out.append(q)
    return out


def _according(doc: Doc, tok: Token, blocked: set[int], covered: SpanIndex,
               cue_starts: set) -> list[QuoteSpan]:
    """'Y happened, according to X' / 'According to X, Y happened'. ``covered`` holds the
    quotes found so far, ``cue_starts`` where their cues start."""
    objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
    head = tok.head
    if not objs or head is tok or head.i in blocked or head.idx in cue_starts:
        return []  # '"...," X said, according to Y': the quote has its frame
    if tok.i > head.i:
        rng = (head.left_edge.i, tok.left_edge.i)
    else:
        rng = (tok.right_edge.i + 1, head.right_edge.i + 1)
    q = clause_quote(doc, rng, covered, tok.idx)
    if q is None:
        return []
    set_cue(q, doc[tok.i:tok.i + 2].text, tok.idx, objs[0])
    return [q]


def _expletive_passive(v: Token) -> bool:
    """'It was reported that ...': a passive with an empty subject."""
    return any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in v.children)


# ---------------------------------------------------------------- partial quotes

def _mark_partials(doc: Doc, verbs: frozenset[str], blocked: set[int], embedded: list[Segment],
                   reported: list[QuoteSpan]) -> list[QuoteSpan]:
    """Quoted phrases inside sentences: the reported clause holding one of two
    words or more becomes 'partial'; one under a reporting verb but in no
    clause found yet gives its own partial quote; the rest are scare quotes."""
    out = []
    for seg in embedded:
        if _title(doc_text(doc)[seg.start:seg.end]):
            continue  # 'told "Morning Joe"', 'the "Contract with America"': a name, not words
        multi = len(doc_text(doc)[seg.start:seg.end].split()) >= 2
        holders = [q for q in reported if q.start <= seg.start and seg.end <= q.end]
        if holders:
            if multi:
                for q in holders:
                    q.kind = "partial"
            continue
        span = doc.char_span(seg.start, seg.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        child, node = span.root, span.root.head
        for _ in range(8):
            if node is child:
                break
            if not (span.start <= node.i < span.end) and node.i not in blocked and \
                    node.pos_ == "VERB" and node.lemma_.lower() in verbs:
                a = min(child.left_edge.i, span.start)
                b = max(child.right_edge.i + 1, span.end)
                q = clause_quote(doc, (a, b), _NOTHING_FOUND, node.idx)
                if q is not None:
                    q.kind = "partial"
                    set_cue(q, verb_text(node), node.idx, subject_of(node, verbs))
                    out.append(q)
                break
            child, node = node, node.head
    return out


_MINOR = frozenset({"a", "an", "the", "of", "and", "or", "for", "with", "in", "on", "at", "to", "by", "from", "as",
                    "vs.", "de", "la", "le"})


def _title(fragment: str) -> bool:
    """Every word capitalised: the name of a show, a book or a plan."""
    words = [w.strip(".,;:!?") for w in fragment.split()]
    return len(words) >= 2 and all(w[:1].isupper() or w.lower() in _MINOR for w in words if w) and \
        words[0][:1].isupper()


# ---------------------------------------------------------------- finishing

def _dedupe(quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    best: dict[tuple[int, int], QuoteSpan] = {}
    for q in quotes:
        key = (q.start, q.end)
        if key not in best or _KIND_RANK[q.kind] < _KIND_RANK[best[key].kind]:
            best[key] = q
    return sorted(best.values(), key=lambda q: (q.start, q.end))


def _inherit_speakers(doc: Doc, quotes: list[QuoteSpan]) -> None:
    """A direct quote with no frame of its own (a paragraph that goes on with a
    speaker's words) takes the speaker of the attribution just before it, at
    most two sentences back."""
    starts = [s.start_char for s in doc.sents]

    def sent(off: int) -> int:
        return bisect_right(starts, off) - 1

    last: QuoteSpan | None = None
    for q in quotes:
        if q.kind == "direct" and q.speaker_text is None and q.cue is None and last is not None \
                and sent(q.start) - sent(max(last.end - 1, last.start)) <= 2:
            q.speaker_text, q.speaker_start, q.speaker_end = last.speaker_text, last.speaker_start, last.speaker_end
        if q.speaker_text is not None:
            last = q


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _tokens_in(doc: Doc, ranges: list[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for a, b in ranges:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out
