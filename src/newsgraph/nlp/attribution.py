"""Attribution beyond speech: positions, beliefs, intentions and headlines.

News English attributes far more than words said. These rules add indirect
quotes for the frames of ``newsgraph/data/attribution_cues.txt``:

* **clause**: a cognition or perception verb with a subject and a clausal
  complement (``X knows that ...``, ``X suspects the money ...``).
* **object**: an attitude verb whose direct object is the content (``X
  criticized the plan``, ``X cited his record as ...``, ``X called Y "a liar"``),
  and its passive with a ``by`` agent (``the plan was endorsed by X``).
* **infinitive**: an intention verb with a to-infinitive (``X wants to ...``,
  ``X refused to ...``).
* **prep**: a verb and preposition whose object is the content (``X called for a
  ban``, ``X spoke of ...``, ``X pointed to ...``).
* **noun**: a noun with a that-clause or a to-infinitive (``his claim that ...``,
  ``the decision to ...``); the source is its possessor, a ``by`` phrase, or the
  subject of the verb that makes it (``X made the claim that ...``).
* **headline**: a short title line ``Name ...: content`` (no end punctuation).

The content is the complement's subtree, kept to the cue's paragraph; the
speaker the cue's subject (see :func:`~newsgraph.nlp.quote_rules.subject_of`).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from newsgraph.nlp.quote_rules import (
    SpanIndex,
    clause_quote,
    doc_text,
    is_mark,
    set_cue,
    subject_of,
    verb_text,
)
from newsgraph.records import QuoteSpan

_FRAMES = ("clause", "object", "infinitive", "prep", "noun")
_EMPTY_SUBJECTS = frozenset({"it", "this", "that", "there", "what", "which"})
# verbs that make a noun cue their subject's own: 'X made the claim that ...'
_MAKERS = frozenset({"make", "issue", "have", "express", "voice", "repeat", "reiterate", "release", "offer",
                     "deliver", "put", "raise", "announce", "reaffirm", "renew", "share"})
_NAMED = ("PERSON", "ORG", "NORP", "GPE")
# title leads that label a section, not a source: 'The Latest: ...', 'Correction: ...'
_NOT_SOURCES = frozenset({"the latest", "latest", "correction", "corrections", "update", "updated", "editor's note",
                          "note", "source", "sources", "watch", "video", "photos", "related", "read more", "live",
                          "breaking", "exclusive", "analysis", "opinion", "review", "q&a", "faq", "transcript"})
_OBJ_EXTEND = frozenset({"of", "for", "as", "to"})  # 'accused X of ...', 'cited X as ...'


@lru_cache(maxsize=1)
def load_attribution_cues() -> dict[str, frozenset[str]]:
    """The packaged cue lexicon, one set of entries per frame."""
    text = resources.files("newsgraph.data").joinpath("attribution_cues.txt").read_text("utf-8")
    out: dict[str, set[str]] = {f: set() for f in _FRAMES}
    frame = None
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            frame = line[1:-1]
            if frame not in out:
                raise ValueError(f"attribution_cues.txt: unknown frame {line}")
            continue
        if frame is None:
            raise ValueError("attribution_cues.txt: an entry before the first [frame]")
        out[frame].add(" ".join(line.split()))
    return {f: frozenset(v) for f, v in out.items()}


def attribution_quotes(doc: Doc, verbs: frozenset[str], blocked: set[int],
                       found: list[QuoteSpan], check=None) -> list[QuoteSpan]:
    """Indirect quotes of the non-speech frames, none already ``found``. ``check``, if
    given, is called every few hundred tokens (a time budget that raises to stop)."""
    cues = load_attribution_cues()
    taken = {(q.start, q.end) for q in found}
    cue_spans = {q.cue_start: (q.start, q.end) for q in found if q.cue_start is not None}
    direct = SpanIndex(q for q in found if q.kind == "direct")
    out: list[QuoteSpan] = []

    def add(rng: tuple[int, int], cue: str, cue_start: int, speaker: Token | None, min_len: int = 2) -> None:
        q = clause_quote(doc, rng, direct, cue_start, min_len)
        if q is None or (q.start, q.end) in taken:
            return
        if cue_start in cue_spans:  # the cue already frames a quote over this text
            a, b = cue_spans[cue_start]
            if min(b, q.end) - max(a, q.start) > 0:
                return
        set_cue(q, cue, cue_start, speaker)
        taken.add((q.start, q.end))
        cue_spans.setdefault(cue_start, (q.start, q.end))
        out.append(q)

    for v in doc:
        if check is not None and v.i % 256 == 0:
            check()
        if v.i in blocked:
            continue
        lemma = v.lemma_.lower()
        if v.pos_ == "NOUN":
            if lemma in cues["noun"]:
                _noun_frame(v, verbs, add)
            _noun_prep_frame(v, lemma, verbs, cues["prep"], add)
            continue
        if v.pos_ != "VERB":
            continue
        subj = subject_of(v, verbs)
        if subj is not None and subj.lower_ in _EMPTY_SUBJECTS and subj.dep_ != "nsubjpass":
            subj = None
        comps = {c.dep_ for c in v.children}
        if lemma in cues["clause"] and lemma not in verbs and subj is not None:
            for c in v.children:
                if c.dep_ == "ccomp" and c.i > v.i and c.i not in blocked:
                    add((c.left_edge.i, c.right_edge.i + 1), verb_text(v), v.idx, subj)
        if "ccomp" in comps:
            continue
        if lemma in cues["object"]:
            _object_frame(v, subj, add)
        if lemma in cues["infinitive"] and subj is not None:
            for c in v.children:
                if c.dep_ == "xcomp" and c.i > v.i and c.pos_ in ("VERB", "AUX") and \
                        any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children) and \
                        not any(o.dep_ == "dobj" and v.i < o.i < c.i for o in v.children):
                    add((c.left_edge.i, c.right_edge.i + 1), verb_text(v), v.idx, subj)
        if subj is not None:
            _prep_frame(v, lemma, subj, cues["prep"], add)
    out += _headlines(doc, found + out)
    return out


def _object_frame(v: Token, subj: Token | None, add) -> None:
    """'X criticized the plan' / 'X called Y "a liar"' / 'the plan was endorsed by X'.
    A name alone may be the content ('X attacked Machado')."""
    doc = v.doc
    agents = [p for a in v.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    pas = [c for c in v.children if c.dep_ == "nsubjpass" and c.lower_ not in _EMPTY_SUBJECTS]
    if agents and pas:
        add((pas[0].left_edge.i, pas[0].right_edge.i + 1), doc[v.i].text, v.idx, agents[0], 1)
        return
    if subj is None or subj.dep_ == "nsubjpass":
        return
    for o in v.children:
        if o.dep_ != "dobj" or o.i < v.i or o.lower_ in _EMPTY_SUBJECTS or o.pos_ == "PRON":
            continue
        b = o.right_edge.i + 1
        for c in v.children:
            if c.i > o.i and (c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ in _OBJ_EXTEND and c.i == b)):
                b = max(b, c.right_edge.i + 1)
        add((o.left_edge.i, b), verb_text(v), v.idx, subj, 1 if o.pos_ == "PROPN" else 2)


def _prep_frame(v: Token, lemma: str, subj: Token, preps: frozenset[str], add) -> None:
    """'X called for a ban' / 'X spoke out against ...' / 'X called on Y to ...'."""
    prt = " ".join(c.lower_ for c in v.children if c.dep_ == "prt")
    for p in v.children:
        if p.dep_ != "prep" or p.i < v.i:
            continue
        key = f"{lemma} {p.lower_}"
        if key not in preps and (not prt or f"{lemma} {prt} {p.lower_}" not in preps):
            continue
        objs = [c for c in p.children if c.dep_ in ("pobj", "pcomp")]
        if not objs:
            continue
        b = objs[0].right_edge.i + 1
        for c in v.children:  # 'called on the administration to act'
            if c.dep_ == "xcomp" and c.i >= b:
                b = c.right_edge.i + 1
        add((objs[0].left_edge.i, b), v.doc[v.i:p.i + 1].text if p.i - v.i <= 3 else verb_text(v), v.idx, subj)


def _noun_frame(n: Token, verbs: frozenset[str], add) -> None:
    """'his claim that ...' / 'the decision by X to ...' / 'X made the claim that ...'."""
    for c in n.children:
        if c.dep_ not in ("acl", "ccomp") or c.i < n.i:
            continue
        that = any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children)
        to = any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children) and c.pos_ in ("VERB", "AUX")
        if not (that or to):
            continue
        add((c.left_edge.i, c.right_edge.i + 1), n.text, n.idx, _noun_source(n, verbs))
        return


def _noun_prep_frame(n: Token, lemma: str, verbs: frozenset[str], preps: frozenset[str], add) -> None:
    """'his criticism of the plan' / 'X voiced support for ...' / 'a critic of ...'."""
    for p in n.children:
        if p.dep_ == "prep" and p.i > n.i and f"{lemma} {p.lower_}" in preps:
            objs = [c for c in p.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                add((objs[0].left_edge.i, objs[0].right_edge.i + 1), n.doc[n.i:p.i + 1].text, n.idx,
                    _noun_source(n, verbs), 1 if objs[0].pos_ == "PROPN" else 2)
            return


def _noun_source(n: Token, verbs: frozenset[str]) -> Token | None:
    poss = [c for c in n.children if c.dep_ == "poss"]
    if poss:
        return poss[0]
    for p in n.children:
        if p.dep_ == "prep" and p.lower_ in ("by", "from"):
            objs = [c for c in p.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    h = n.head
    if n.dep_ == "dobj" and h.pos_ in ("VERB", "AUX") and h.lemma_.lower() in _MAKERS | verbs:
        return subject_of(h, verbs)
    return None


def _headlines(doc: Doc, found: list[QuoteSpan]) -> list[QuoteSpan]:
    """'Warren Tells Wells Fargo CEO: Resign' / 'Poll: Voters Sour on ...': a
    title line (the first line, or one with no end punctuation; at most 25
    words) whose capitalised lead before a colon names someone or is a single
    word; the rest of the line is what they say."""
    text, out = doc_text(doc), []
    pos = 0
    first = True
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        body = line.strip()
        title, first = first and bool(body), first and not body
        if not body or (body[-1] in ".?!" and not title) or len(body.split()) > 25 or ": " not in body:
            continue
        lead = a + len(line) - len(line.lstrip())
        colon = text.index(": ", lead)
        head = text[lead:colon].split()
        if not 1 <= len(head) <= 8 or not all(w[:1].isupper() or not w[:1].isalpha() for w in head) or \
                " ".join(head).lower().replace("\u2019", "'") in _NOT_SOURCES:
            continue
        c = colon + 2
        while c < b and text[c] == " ":
            c += 1
        e = lead + len(body)
        while e > c and text[e - 1] in ".,;:":
            e -= 1
        if c >= e or is_mark(text, c) or any(q.start < e and c < q.end for q in found):
            continue
        span = doc.char_span(lead, colon, alignment_mode="expand")
        if span is None or not (len(head) == 1 or any(t.pos_ == "PROPN" or t.ent_type_ in _NAMED for t in span)):
            continue
        ents = [x for x in span.ents if x.label_ in _NAMED]
        src = ents[0] if ents else span
        q = QuoteSpan(start=c, end=e, text=text[c:e], kind="indirect", cue=":", cue_start=colon,
                      speaker_text=src.text, speaker_start=src.start_char, speaker_end=src.end_char)
        out.append(q)
    return out

