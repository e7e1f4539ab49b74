"""Lines of a raw text, trimming them, and folding them into clean text with an offset map."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Every Unicode space separator, tabs and the like fold to one ASCII space.
_SPACE = re.compile(r"[^\S\n]+")
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


@dataclass
class Line:
    """A line of the raw text: ``raw[start:end]`` is what is still kept of it."""

    start: int
    end: int
    text: str  # raw[start:end], refreshed by trim()
    dropped: bool = False
    why: str = ""

    @property
    def blank(self) -> bool:
        return all(c.isspace() or c in _INVISIBLE for c in self.text)

    def drop(self, why: str) -> None:
        self.dropped = True
        self.why = why

    def trim(self, raw: str, head: int = 0, tail: int = 0) -> None:
        """Cut ``head`` characters from the front and ``tail`` from the back."""
        self.start += head
        self.end -= tail
        if self.end < self.start:
            self.end = self.start
        self.text = raw[self.start:self.end]


def split_lines(raw: str) -> list[Line]:
    lines = []
    pos = 0
    for piece in raw.splitlines(keepends=True):
        body = piece.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        lines.append(Line(pos, pos + len(body), body))
        pos += len(piece)
    return lines


class _Builder:
    """Accumulates clean text; records a map entry only where the raw offsets jump."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.offset_map: list[tuple[int, int]] = []

    def emit(self, text: str, raw_start: int) -> None:
        if not text:
            return
        if self.offset_map:
            clean0, raw0 = self.offset_map[-1]
            linear = raw0 + (self.length - clean0) == raw_start
        else:
            linear = False
        if not linear:
            self.offset_map.append((self.length, raw_start))
        self.parts.append(text)
        self.length += len(text)


def compose(raw: str, lines: list[Line]) -> tuple[str, list[tuple[int, int]]]:
    """Clean text from the kept parts of ``lines`` and its (clean, raw) offset map.

    White space folds to one space inside a line; kept lines join with a
    newline; a blank line between them becomes one paragraph break.
    """
    builder = _Builder()
    pending = ""
    for line in lines:
        if line.blank or line.dropped:
            if builder.length and line.blank:
                pending = "\n\n"
            continue
        if builder.length:
            sep = pending or "\n"
            builder.emit(sep, line.start - len(sep))
        pending = ""
        _fold_line(raw, line.start, line.end, builder)
    return "".join(builder.parts), builder.offset_map


def _fold_line(raw: str, start: int, end: int, builder: _Builder) -> None:
    segment = raw[start:end]
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", segment)
             if any(c not in _INVISIBLE for c in m.group())]
    for index, (w_start, w_end) in enumerate(words):
        if index:
            prev_end = words[index - 1][1]
            builder.emit(" ", start + prev_end)
        word = segment[w_start:w_end]
        if any(c in _INVISIBLE for c in word):
            for i, char in enumerate(word):
                if char not in _INVISIBLE:
                    builder.emit(char, start + w_start + i)
        else:
            builder.emit(word, start + w_start)
