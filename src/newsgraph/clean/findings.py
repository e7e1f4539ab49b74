"""What the boilerplate of one text told (outlet, date, dateline, title), and line helpers."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .text import Line

# Outlet evidence, strongest first. A masthead names the site that printed the page;
# a copyright or licence line names its owner (sometimes with "Media Ltd" after it);
# a dateline tag names the agency that filed the copy; the rest is weaker.
OUTLET_MASTHEAD, OUTLET_FOOTER, OUTLET_TAG, OUTLET_BYLINE, OUTLET_LABEL, OUTLET_TEASER, \
    OUTLET_CRUMB, OUTLET_MENTION = range(1, 9)


@dataclass
class Findings:
    outlets: list[tuple[int, str]] = field(default_factory=list)
    published: Optional[str] = None
    dateline: Optional[str] = None
    title: Optional[str] = None
    removed: list[str] = field(default_factory=list)
    # Dated stamps of the header ("Published 6 Apr 2023 · 9:42 pm") and of the tail
    # ("Posted on 11/03/2023"), in page order: the clean stage reads the date from them.
    header_stamps: list[str] = field(default_factory=list)
    tail_stamps: list[str] = field(default_factory=list)
    # The dateline as printed, with its date ("RIYADH, March 11 (Reuters) -").
    dateline_text: Optional[str] = None

    def outlet(self) -> Optional[str]:
        """The strongest evidence; a bare code ("HGZ") gives way to a name it abbreviates."""
        if not self.outlets:
            return None
        best = min(self.outlets, key=lambda e: e[0])[1]
        if re.fullmatch(r"[A-Z]{2,6}", best):
            for _, name in sorted(self.outlets, key=lambda e: e[0]):
                initials = "".join(w[0] for w in name.split() if w[:1].isupper())
                if " " in name and initials[:1] == best[:1] and len(initials) >= 2:
                    return name
        return best

    def drop(self, line: Line, why: str) -> None:
        line.drop(why)
        self.removed.append(why)


def kept(lines: list[Line]) -> list[Line]:
    return [line for line in lines if not line.dropped and not line.blank]


def fold(text: str) -> str:
    return " ".join(text.split())
