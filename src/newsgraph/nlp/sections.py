"""Long articles parsed in sections, joined into one Doc with the article's own offsets.

spaCy's cost on one very long text is not only slow but unbounded in memory (and
over ``nlp.max_length`` it refuses the text, E088). A long article is therefore cut
into sections of about ``size`` characters, at a paragraph break if one lies in the
second half of the window, else after a sentence's end, else at a space; each
section keeps the white space that follows it, so the sections put end to end are
the article exactly, and ``Doc.from_docs(..., ensure_whitespace=False)`` gives one
Doc whose ``text`` is the article's and whose token offsets are its offsets. The
parse of each section sees only that section, which is what the model sees of a
short article anyway: its context is a few sentences.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from spacy.tokens import Doc

# a sentence's end: punctuation, closing marks, then white space before a capital or a mark
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[A-Z\u201c\"'(\[0-9])")


def section_bounds(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) of each section; they cover ``text`` end to end, with no gap."""
    out, pos, n = [], 0, len(text)
    while n - pos > size:
        lo, hi = pos + size // 2, pos + size
        cut = _paragraph_cut(text, lo, hi)
        if cut is None:
            cut = _sentence_cut(text, lo, hi)
        if cut is None:
            space = text.rfind(" ", lo, hi)
            cut = space + 1 if space > pos else hi  # no space at all: a hard cut, offsets stay exact
        out.append((pos, cut))
        pos = cut
    out.append((pos, n))
    return out


def _paragraph_cut(text: str, lo: int, hi: int) -> Optional[int]:
    nl = text.rfind("\n", lo, hi)
    if nl < 0:
        return None
    end = nl + 1
    while end < len(text) and text[end].isspace():  # the blank lines go with the paragraph before
        end += 1
    return end if end < len(text) else None


def _sentence_cut(text: str, lo: int, hi: int) -> Optional[int]:
    last = None
    for m in _SENTENCE_END.finditer(text, lo, hi):
        last = m
    return last.end() if last is not None else None


def parse_in_sections(nlp, text: str, size: int, batch_size: int = 8,
                      check: Optional[Callable[[], None]] = None) -> Doc:
    """One Doc of ``text`` parsed section by section; ``check`` is called between sections
    (a time budget that raises to stop)."""
    bounds = section_bounds(text, size)
    docs = []
    for doc in nlp.pipe((text[a:b] for a, b in bounds), batch_size=batch_size):
        docs.append(doc)
        if check is not None:
            check()
    # from_docs keeps each section's first token as a sentence start (the parser's heads
    # stay within their section), and with ensure_whitespace=False adds no character
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    if len(joined.text) != len(text) or joined.text != text:  # from_docs must not move a character
        raise ValueError("sections did not join into the article's text")
    return joined


__all__ = ["parse_in_sections", "section_bounds"]
