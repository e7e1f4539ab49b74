"""What every reader yields, and the one boundary text crosses to get there.

Every RawDocument and every InputProblem of ingest is made here, so that
no later stage (clean, nlp, the SQLite store) can meet a string that is not
text: lone surrogates (from JSON escapes such as "\\ud800", or file names
that are not UTF-8) cannot be encoded as UTF-8 and used to abort the store's
batch, and NUL is not text either. Both become U+FFFD and the input gets one
W102. Problem subjects are escaped so a file name holding a newline or a tab
cannot split the one-line message.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import fields
from typing import Optional, Union

from ..errors import describe
from ..records import InputProblem, RawDocument, one_line

Item = Union[RawDocument, InputProblem]

# Every UTF-16 surrogate code point: in a Python str they are always "lone"
# (JSON decoding joins escaped pairs), and none of them can be encoded.
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")
_STRING_FIELDS = [f.name for f in fields(RawDocument) if f.name not in ("format", "raw_hash")]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# ``name`` with control characters and surrogates written as escapes (one line, encodable)
printable = one_line


def problem(subject: str, code: str, detail: str = "") -> InputProblem:
    # Details often quote an exception or a parser; keep them to one line as well.
    return InputProblem(printable(subject), code, describe(code, printable(" ".join(detail.split()))))


def scrub(text: str) -> tuple[str, int]:
    """``text`` with NUL and surrogates replaced by U+FFFD, and how many were replaced."""
    return _NOT_TEXT.subn("\ufffd", text)


def make_doc(input_id: str, fmt: str, content: str, *, where: Optional[str] = None,
             guessed: Optional[str] = None, **meta) -> list[Item]:
    """The RawDocument for one article, preceded by at most one warning about it.

    ``where`` names the input in a warning (a file, a JSONL line); ``guessed``
    is the encoding detection chose, when decoding had to guess (W101).
    """
    values = dict(meta, input_id=input_id, content=content)
    replaced = 0
    for name in _STRING_FIELDS:
        value = values.get(name)
        if isinstance(value, str):
            values[name], count = scrub(value)
            replaced += count
    doc = RawDocument(format=fmt, raw_hash=content_hash(values["content"]), **values)
    subject = where or input_id
    if replaced:
        guess = f"; its encoding was guessed as {guessed}" if guessed else ""
        return [problem(subject, "W102", f"{replaced} replaced{guess}"), doc]
    if guessed:
        return [problem(subject, "W101", f"decoded as {guessed}"), doc]
    return [doc]
