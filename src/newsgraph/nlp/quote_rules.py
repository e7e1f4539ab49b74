"""Helpers of the quote extractor: quotation-mark pairing and speaker spans.

Kept apart from :mod:`newsgraph.nlp.quotes` so that module reads as the
list of rules. Everything here works on a parsed spaCy ``Doc``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate

from spacy.tokens import Doc, Token

from newsgraph.records import QuoteSpan

OPEN_MARKS = "\u201c\u201e\u00ab"  # “ „ «
CLOSE_MARKS = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
MARKS = frozenset(OPEN_MARKS + CLOSE_MARKS + STRAIGHT)
PAIRS = ("''", "``")  # two-character marks of typewriter text (one mark for both ends)
# what may sit right before an opening mark / right after a closing one
_LEFT_OPEN = "([{\u2014\u2013-/"
_RIGHT_CLOSE = ".,;:!?)]}\u2026\u2014\u2013-"
RELATIVE = {"who", "that", "which", "whom", "whose"}
# deps of a speaker's head left out of the speaker span
_SPEAKER_DROP = {"relcl", "acl", "advcl", "punct"}
_NAMED = {"PERSON", "ORG", "NORP", "GPE", "FAC"}
_TEXT_KEY = "newsgraph.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc. spaCy rebuilds ``Doc.text`` from every token on
    each access, so the rules, which read it per quote and per sentence, made the
    extractor quadratic in the article's length; the parse never changes the text."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


@dataclass
class Segment:
    """Text between a pair of quotation marks (marks excluded)."""

    start: int  # first character inside the marks
    end: int  # end of the content (exclusive)
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when it is missing
    close_to: int | None = None  # offset right after the closing mark


def is_mark(text: str, i: int) -> bool:
    """The character at i is (part of) a double quotation mark."""
    return 0 <= i < len(text) and (text[i] in MARKS or text[i:i + 2] in PAIRS or
                                   (i > 0 and text[i - 1:i + 1] in PAIRS))


def mark_token(tok: Token) -> bool:
    """The token is or holds a double quotation mark."""
    return any(ch in MARKS for ch in tok.text) or tok.text in PAIRS or tok.text == "`"


# ---------------------------------------------------------------- marks

def _shape(text: str, i: int, w: int = 1) -> str:
    """'open', 'close' or 'amb' from the characters around the mark at i (w wide)."""
    p = text[i - 1] if i > 0 else None
    n = text[i + w] if i + w < len(text) else None
    left = p is None or p.isspace() or p in _LEFT_OPEN or p in MARKS
    right = n is None or n.isspace() or n in _RIGHT_CLOSE or n in MARKS
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "amb"


def _orient(text: str, i: int, w: int = 1) -> str:
    shape = _shape(text, i, w)
    if shape != "amb" or text[i] == STRAIGHT or w == 2:
        return shape
    return "open" if text[i] in OPEN_MARKS else "close"


def _token_ending_at(doc: Doc, char: int) -> Token | None:
    """The token whose text ends right before offset ``char`` (white space skipped)."""
    text = doc_text(doc)
    while char > 0 and text[char - 1].isspace():
        char -= 1
    if char <= 0:
        return None
    span = doc.char_span(char - 1, char, alignment_mode="expand")
    return span[-1] if span is not None and len(span) else None


def _flips_to_open(doc: Doc, i: int, verbs: frozenset[str]) -> bool:
    """A closing-shaped mark with nothing open that really opens a quote:
    ``noted,” Iranian nation ...`` (a reporting verb, a comma or colon, the mark,
    then a capital)."""
    text = doc_text(doc)
    if i == 0 or text[i - 1] not in ",:":
        return False
    j = i + 1
    while j < len(text) and text[j] == " ":
        j += 1
    if j >= len(text) or not (text[j].isupper() or text[j].isdigit()):
        return False
    tok = _token_ending_at(doc, i - 1)
    return tok is not None and tok.lemma_.lower() in verbs and tok.pos_ in ("VERB", "AUX")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, white space trimmed."""
    out, pos = [], 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _cut_before_sentence(doc: Doc, start: int, mark: int) -> int:
    """End of a quote whose closing mark is missing, found when the next quote
    opens at ``mark``: the start of the sentence holding that mark if the quote
    began before it, else the mark itself."""
    span = doc.char_span(mark, mark + 1, alignment_mode="expand")
    if span is not None and len(span):
        sent_start = span[0].sent[0].idx
        if start < sent_start < mark:
            return sent_start
    return mark


def find_segments(doc: Doc, verbs: frozenset[str]) -> list[Segment]:
    """Pair the double quotation marks of ``doc`` (straight, curly, guillemets).

    Newswire conventions: a quote left open at the end of a paragraph goes on
    when the next paragraph starts with an opening mark, and ends with the
    paragraph otherwise; a stray closing mark is ignored; a closing mark may be
    missing at the end of the text."""
    text = doc_text(doc)
    marks: list[tuple[int, int]] = []  # (offset, width)
    i = 0
    while i < len(text):
        if text[i:i + 2] in PAIRS:
            marks.append((i, 2))
            i += 2
            continue
        if text[i] in MARKS:
            marks.append((i, 1))
        i += 1
    out: list[Segment] = []
    cur: tuple[int, int] | None = None  # the open mark
    prev_end = 0

    def close(end: int, mark: tuple[int, int] | None = None) -> None:
        a, b = cur[0] + cur[1], end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if any(ch.isalnum() for ch in text[a:b]):
            out.append(Segment(a, b, cur[0], mark[0] if mark else None, sum(mark) if mark else None))

    k = 0
    for ps, pe in _paragraphs(text):
        pm = []
        while k < len(marks) and marks[k][0] < pe:
            if marks[k][0] >= ps:
                pm.append(marks[k])
            k += 1
        if cur is not None:
            if pm and pm[0][0] == ps and _orient(text, *pm[0]) != "close" and not _labelled(text, sum(pm[0])):
                pm = pm[1:]  # the paragraph reopens the running quote
            else:
                close(prev_end)
                cur = None
        skip = None
        for n, m in enumerate(pm):
            if m is skip:
                continue
            o = _orient(text, *m)
            nxt = pm[n + 1] if n + 1 < len(pm) else None
            if cur is None:
                if o != "close" or _flips_to_open(doc, m[0], verbs):
                    cur = m
            elif o != "close" and nxt is not None and _style(text, m) != _style(text, cur) and \
                    _style(text, nxt) == _style(text, m) and _orient(text, *nxt) != "open":
                skip = nxt  # a quote inside the quote, in the other style: “... 'x' ...”
            elif o != "open":
                close(m[0], m)
                cur = None
            else:  # an opening mark while a quote runs: its closing mark is missing
                close(_cut_before_sentence(doc, cur[0], m[0]))
                cur = m
        prev_end = pe
    if cur is not None:
        close(prev_end)
    return out


def _style(text: str, m: tuple[int, int]) -> str:
    """Straight, typographic or two-character: a quote opened in one style and
    holding marks of another holds a quote of its own."""
    if m[1] == 2:
        return "pair"
    return "straight" if text[m[0]] == STRAIGHT else "typographic"


LABEL = re.compile(r"([A-Z][A-Z.'\- ]{1,30}[A-Z.]): ")


def _labelled(text: str, i: int) -> bool:
    """A transcript line: 'WALLACE: ...' starts at i."""
    return LABEL.match(text, i) is not None


# ---------------------------------------------------------------- speakers

def subject_of(verb: Token, verbs: frozenset[str]) -> Token | None:
    """Head token of whoever performs ``verb``: its subject, a passive's agent,
    the subject of the clause a participle or conjunct hangs from, or the noun
    a participle / relative clause modifies ("a statement saying")."""
    v = verb
    for _ in range(5):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "csubj") and not _dateline(c)]
        if subj:
            s = min(subj, key=lambda c: abs(c.i - v.i))  # the nearest: not one inside the quote
            if s.lower_ in RELATIVE and v.dep_ == "relcl":
                return v.head
            return s
        agent = [c for c in v.children if c.dep_ == "agent"]
        for a in agent:
            objs = [c for c in a.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
        passive = [c for c in v.children if c.dep_ == "nsubjpass"]
        if passive and passive[0].lower_ not in ("it", "this", "that"):
            # "X was quoted as saying", "X is reported to have said"
            return passive[0]
        if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return v.head
        if v.dep_ == "conj" and v.head.lemma_.lower() not in verbs:
            # 'X pointed out that A and said B' parsed with 'said' joined to A:
            # the reporting verb above A is the one 'said' goes with
            up = next((a for a in v.head.ancestors if a.lemma_.lower() in verbs and a.pos_ == "VERB"), None)
            if up is not None and v.head.dep_ == "ccomp":
                v = up
                continue
        if v.dep_ in ("advcl", "xcomp", "conj", "pcomp", "prep", "pobj", "dep") and v.head is not v:
            v = v.head
            continue
        return None
    return None


def _dateline(tok: Token) -> bool:
    """'WASHINGTON —' / 'TEHRAN (IP) -' parsed as a subject."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.text not in ("\u2014", "\u2013", "-", "--", "(", ",", ":"):
        return False
    line_start = tok.i == 0 or "\n" in doc[tok.i - 1].text
    return (tok.text.isupper() and len(tok.text) > 2) or (line_start and nxt.text != ",")


def speaker_bounds(head: Token) -> tuple[int, int]:
    """Token range [a, b) of the noun phrase headed by ``head``: compounds,
    modifiers, "of"-phrases and conjuncts; relative clauses and participles
    left out, and an apposition left out when the head is already a name."""
    if head.pos_ == "PRON":
        return head.i, head.i + 1
    named = head.pos_ == "PROPN" or head.ent_type_ in _NAMED
    keep = [head]
    for c in head.children:
        if c.dep_ in _SPEAKER_DROP:
            continue
        if c.dep_ == "appos" and named:
            continue
        if c.dep_ == "prep" and any(t.pos_ == "VERB" for t in c.subtree):
            continue
        keep.extend(c.subtree)
    a = min(t.i for t in keep)
    b = max(t.i for t in keep) + 1
    doc = head.doc
    while a < head.i and (doc[a].is_punct or doc[a].is_space or doc[a].dep_ == "cc"):
        a += 1
    while b - 1 > head.i and (doc[b - 1].is_punct or doc[b - 1].is_space or doc[b - 1].dep_ == "cc"):
        b -= 1
    if b - a > 14:  # runaway parse: keep the name core
        core = [head] + [c for c in head.children if c.dep_ in ("compound", "flat", "amod", "det", "poss")]
        a = min(t.i for t in core)
        b = head.i + 1
    return a, b


# ---------------------------------------------------------------- quote records

def verb_text(v: Token) -> str:
    """The cue as written, with an adjacent particle: 'pointed out'."""
    nxt = v.doc[v.i + 1] if v.i + 1 < len(v.doc) else None
    if nxt is not None and nxt.dep_ == "prt" and nxt.head is v:
        return v.doc[v.i:v.i + 2].text
    return v.text


def set_cue(q: QuoteSpan, cue: str | None, cue_start: int | None, head: Token | None) -> None:
    q.cue, q.cue_start = cue, cue_start
    anchor = q.end if cue_start is None else cue_start
    if head is None or (q.kind == "direct" and q.start <= head.idx < q.end) or \
            "\n" in doc_text(head.doc)[min(head.idx, anchor):max(head.idx, anchor)]:
        return
    a, b = speaker_bounds(head)
    doc = head.doc
    q.speaker_start, q.speaker_end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
    q.speaker_text = doc_text(doc)[q.speaker_start:q.speaker_end]


class SpanIndex:
    """Quotes already found, asked whether one of them covers most of a new span.

    Sorted by start, with the greatest end so far beside each: the quotes that can
    overlap [start, end) are those starting before ``end``, walked back only while
    some earlier one still reaches past ``start``. A scan of every quote, once per
    candidate clause, made long articles quadratic.
    """

    def __init__(self, quotes) -> None:
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self.starts = [q.start for q in self.quotes]
        self.reach = list(accumulate((q.end for q in self.quotes), max))

    def mostly_covers(self, start: int, end: int) -> bool:
        """Whether one quote overlaps more than half of [start, end)."""
        need = 0.5 * (end - start)
        i = bisect_left(self.starts, end) - 1
        while i >= 0 and self.reach[i] > start:
            q = self.quotes[i]
            if min(end, q.end) - max(start, q.start) > need:
                return True
            i -= 1
        return False


def clause_quote(doc: Doc, rng: tuple[int, int], direct: SpanIndex, anchor: int,
                 min_len: int = 2) -> QuoteSpan | None:
    """An indirect quote over tokens [a, b), kept to the paragraph of the cue at
    char ``anchor`` and trimmed; None when it is empty, too short, or mostly a
    direct quote already found (``min_len`` tokens at least)."""
    text = doc_text(doc)
    ps = text.rfind("\n", 0, anchor) + 1
    pe = text.find("\n", anchor)
    pe = len(text) if pe < 0 else pe
    a, b = rng
    while a < b and (doc[a].idx < ps or doc[a].is_punct or doc[a].is_space) and doc[a].text not in ("(", "$"):
        a += 1
    while b > a and (doc[b - 1].idx >= pe or doc[b - 1].is_punct or doc[b - 1].is_space) and \
            doc[b - 1].text not in (")", "%"):
        b -= 1
    if b - a < min_len or doc[a].idx < ps or doc[b - 1].idx >= pe:
        return None
    start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
    if direct.mostly_covers(start, end):
        return None
    return QuoteSpan(start=start, end=end, text=text[start:end], kind="indirect")
