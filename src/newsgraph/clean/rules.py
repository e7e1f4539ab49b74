"""Boilerplate rules for article texts, each keeping what the boilerplate tells.

Every rule works on the list of raw lines, drops or trims lines, and records
what it learnt (outlet, date, dateline, title) in :class:`Findings`. The
rules are general patterns of news sites, not strings of one site.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .dates import date_only_line, find_date
from .outlets import OutletTable
from .text import Line

# Outlet evidence, strongest first.
OUTLET_FOOTER, OUTLET_TAG, OUTLET_LABEL, OUTLET_TEASER = 1, 2, 3, 4


@dataclass
class Findings:
    outlets: list[tuple[int, str]] = field(default_factory=list)
    published: Optional[str] = None
    dateline: Optional[str] = None
    title: Optional[str] = None
    removed: list[str] = field(default_factory=list)

    def outlet(self) -> Optional[str]:
        return min(self.outlets)[1] if self.outlets else None


def _kept(lines: list[Line]) -> list[Line]:
    return [line for line in lines if not line.dropped and not line.blank]


def _fold(text: str) -> str:
    return " ".join(text.split())


# ---- footers: licence and copyright lines, also glued to the end of the last paragraph
_LICENCE = re.compile(
    r"(?:All|Any)\s+(?:content|contents|material|materials|articles)\b[^\n]{0,60}?\bby\s+"
    r"(?P<outlet>[A-Z][^\n]{1,60}?)\s+(?:is|are)\s+licen[cs]ed\s+under[^\n]*$", re.I)
_COPYRIGHT = re.compile(
    r"(?:Copyright|©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<outlet>[A-Z][^\n.©]{1,60}?)"
    r"[.,]?\s*All\s+rights\s+reserved\b[^\n]*$", re.I)
_RIGHTS = re.compile(r"^\s*All\s+rights\s+reserved\b[^\n]*$", re.I)
_COPYRIGHT_LINE = re.compile(
    r"^\s*(?:Copyright\s*)?(?:©|\(c\)|Copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)\s*,?\s*"
    r"(?P<outlet>[A-Z][^\n.©|]{1,60}?)\s*\.?\s*$", re.I)


def strip_footers(raw: str, lines: list[Line], found: Findings, scan: int = 4) -> None:
    for line in _kept(lines)[-scan:]:
        for pattern in (_LICENCE, _COPYRIGHT, _RIGHTS, _COPYRIGHT_LINE):
            match = pattern.search(line.text)
            if not match:
                continue
            outlet = match.groupdict().get("outlet")
            if outlet:
                found.outlets.append((OUTLET_FOOTER, _fold(outlet).strip(" ,.")))
            line.trim(raw, tail=len(line.text) - match.start())
            if line.blank:
                line.drop("footer")
            found.removed.append("footer")
            break


# ---- navigation tails: "Related Stories", headline lists, dates, teasers
_NAV_HEADING = re.compile(
    r"^(?:related|featured|recommended|popular|trending|latest|top|more|most\s+\w+|other|editor'?s?'?\s+picks?)"
    r"(?:\s+(?:stories|news|articles|posts|reads?|videos?|links|content|from\s+.+|in\s+.+|on\s+.+))?$"
    r"|^(?:comments?|leave\s+a\s+(?:comment|reply)|share(?:\s+this(?:\s+\w+)?)?|tags?|topics?|read\s+more|"
    r"see\s+also|also\s+read|you\s+may\s+also\s+like|you\s+might\s+also\s+like|advertisement|"
    r"follow\s+us(?:\s+on\s+.+)?|subscribe(?:\s+.+)?|newsletter|print|email)\s*:?$"
    r"|^(?:tags?|topics?|keywords|filed\s+under)\s*:\s*\S[^.!?]*$",
    re.I)
_SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*$""")
_TEASER = re.compile(r"(?:\.\.\.|…)\s*$")
_TEASER_SOURCE = re.compile(r"^(?P<outlet>[A-Z][\w&'.]*(?:\s+[A-Z][\w&'.]*){0,3})\s+[-–—]\s+\S")


def _nav_like(line: Line, neighbours: list[Line], max_words: int) -> bool:
    text = _fold(line.text)
    if _NAV_HEADING.match(text) or date_only_line(text):
        return True
    if _TEASER.search(text):
        return True
    if any(_same_headline(text, _fold(other.text)) for other in neighbours):
        return True
    words = text.split()
    return len(words) <= max_words and not _SENTENCE_END.search(text)


def strip_nav_tail(raw: str, lines: list[Line], found: Findings, min_lines: int,
                   max_words: int, need_heading: bool = False) -> None:
    kept = _kept(lines)
    start = len(kept)
    while start > 0 and _nav_like(kept[start - 1], kept[max(0, start - 2):start - 1] + kept[start:start + 1],
                                  max_words):
        start -= 1
    tail = kept[start:]
    heading = next((i for i, line in enumerate(tail) if _NAV_HEADING.match(_fold(line.text))), None)
    if heading is None:
        if need_heading or len(tail) < min_lines or not _list_shaped(tail):
            return
        heading = 0
    if start + heading == 0:
        return  # the whole text would go: it is not a tail
    for line in tail[heading:]:
        match = _TEASER_SOURCE.match(_fold(line.text))
        if match and _TEASER.search(line.text):
            found.outlets.append((OUTLET_TEASER, match["outlet"]))
        line.drop("navigation")
    found.removed.append("navigation")


def _same_headline(a: str, b: str) -> bool:
    """Headline lists print each title twice, the first copy sometimes cut short."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 12 and long_.startswith(short)


def _list_shaped(tail: list[Line]) -> bool:
    """A headless tail counts only with the marks of a headline list: repeats or dates."""
    texts = [_fold(line.text) for line in tail]
    repeats = sum(1 for a, b in zip(texts, texts[1:]) if _same_headline(a, b))
    dated = sum(1 for t in texts if date_only_line(t))
    return repeats + dated >= max(2, len(texts) // 3)


# ---- headers: dates, story codes and the title printed above the body
_LABELLED_DATE = re.compile(
    r"^\s*(?:date|published|posted|updated|last\s+updated)\s*:?\s*"
    r"(?P<date>(?:19|20)\d\d-[01]?\d-[0-3]?\d)(?:[T ]\d\d:\d\d(?::\d\d)?\S*)?(?:\s+\d{1,2}(?=\s|$))?\s*", re.I)
_ID_LINE = re.compile(
    r"^\s*(?:story|news|article|content|post|item)?\s*(?:code|id|no\.?|number)\s*:?\s*#?\s*\d{3,}\s*$", re.I)
_HEADLINE_MAX_WORDS = 25
_BYLINE = re.compile(
    r"^(?:By|From)\s+(?P<names>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|,|de|van|von|al-\w+))*?)"
    r"(?:\s*[,|]\s*(?P<outlet>[A-Z][^,|]{1,50}))?\s*$")
OUTLET_CRUMB = 5


def _header_crumbs(text: str, found: Findings) -> bool:
    """Header lines such as "12 March 2025 | Northgate Herald" or "Outlet | Athens bureau"."""
    parts = [p.strip() for p in re.split(r"\s+[|•·]\s+", text)]
    if len(parts) < 2 or any(len(p.split()) > 6 for p in parts):
        return False
    named = []
    for part in parts:
        day = date_only_line(part)
        if day:
            found.published = found.published or day
        elif not re.search(r"\b(?:bureau|desk|section|news|world|politics|business|sport|opinion)\b$", part, re.I):
            named.append(part)
    if named:
        found.outlets.append((OUTLET_CRUMB, named[0]))
    return True


def strip_header(raw: str, lines: list[Line], found: Findings, find_headline: bool = True,
                 scan: int = 8) -> None:
    head = _kept(lines)[:scan]
    seen: dict[str, list[Line]] = {}
    for line in head:
        match = _LABELLED_DATE.match(line.text)
        if match:
            found.published = found.published or _valid(match["date"])
            line.trim(raw, head=match.end())
            found.removed.append("date-line")
            if line.blank:
                line.drop("date-line")
                continue
        text = _fold(line.text)
        if date_only_line(text):
            found.published = found.published or date_only_line(text)
            line.drop("date-line")
            found.removed.append("date-line")
        elif _ID_LINE.match(text):
            line.drop("story-code")
            found.removed.append("story-code")
        elif (byline := _BYLINE.match(text)) and len(text.split()) <= 12:
            if byline["outlet"]:
                found.outlets.append((OUTLET_CRUMB, byline["outlet"].strip()))
            line.drop("byline")
            found.removed.append("byline")
        elif _header_crumbs(text, found):
            line.drop("header")
            found.removed.append("header")
        else:
            seen.setdefault(text, []).append(line)
    for text, copies in seen.items():
        if len(copies) > 1 and _headline_like(text):
            found.title = found.title or text
            for line in copies:
                line.drop("title")
            found.removed.append("title")
    if found.title is None and find_headline:
        _lone_headline(lines, found)


def _valid(value: str) -> Optional[str]:
    hit = find_date(value)
    return hit[0] if hit else None


def _headline_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= _HEADLINE_MAX_WORDS and not text.endswith((".", ",", ";"))


def _lone_headline(lines: list[Line], found: Findings) -> None:
    """A short unpunctuated first line above a paragraph of prose is the headline."""
    kept = _kept(lines)
    if len(kept) < 2:
        return
    first, second = _fold(kept[0].text), _fold(kept[1].text)
    capitalised = sum(1 for w in first.split() if w[:1].isupper())
    if (_headline_like(first) and not _SENTENCE_END.search(first) and len(first.split()) >= 3
            and capitalised >= len(first.split()) / 2 and len(second.split()) > 25
            and not _DATELINE.match(first)):
        found.title = first
        kept[0].drop("title")
        found.removed.append("title")


# ---- datelines: "TEHRAN -", "Tehran (IP) -", "WASHINGTON, May 17 (Reuters) -"
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,3}?)"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2})|,\s*(?P<agency>[A-Z]{2,8}(?=\s*[-–—])))?"
    r"\s*(?:\((?P<tag>[^()\n]{1,30})\))?\s*(?P<dash>[-–—]{1,2}|:)\s+(?=\S)")


def strip_dateline(raw: str, lines: list[Line], found: Findings, outlets: OutletTable) -> None:
    kept = _kept(lines)
    if not kept:
        return
    line = kept[0]
    match = _DATELINE.match(line.text)
    if not match:
        return
    place, tag, dash = match["place"], match["tag"] or match["agency"], match["dash"]
    letters = [c for c in place if c.isalpha()]
    shouting = len(letters) >= 3 and all(c.isupper() for c in letters)
    if dash == ":" and not (shouting or tag):
        return
    if not (shouting or tag or len(place.split()) <= 2):
        return
    found.dateline = _place_name(place)
    if tag:
        outlet = outlets.by_tag(tag.strip())
        if outlet:
            found.outlets.append((OUTLET_TAG, outlet))
    line.trim(raw, head=match.end())
    found.removed.append("dateline")


def _place_name(place: str) -> str:
    place = place.strip(" ,")
    letters = [c for c in place if c.isalpha()]
    if all(c.isupper() for c in letters):
        return " ".join(w.capitalize() if "-" not in w else "-".join(p.capitalize() for p in w.split("-"))
                        for w in place.lower().split())
    return place


# ---- site labels glued to a paragraph: "Iran PressIran news: ..."
_SITE_LABEL = re.compile(r"^\s*(?P<label>(?:\S+\s+){0,4}?\S*news)\s*:\s*(?=\S)", re.I)
_GLUE = re.compile(r"[a-z][A-Z]")


def strip_site_labels(raw: str, lines: list[Line], found: Findings, outlets: OutletTable,
                      scan: int = 3) -> None:
    for line in _kept(lines)[:scan]:
        match = _SITE_LABEL.match(line.text)
        if not match:
            continue
        label = _fold(match["label"])
        outlet = outlets.find_in(label)
        glue = _GLUE.search(label)
        if outlet is None and glue:
            outlet = label[: glue.start() + 1]
        if outlet is None and not glue:
            continue  # "Breaking news: ..." is prose, not a site label
        found.outlets.append((OUTLET_LABEL, outlet))
        line.trim(raw, head=match.end())
        found.removed.append("site-label")
        if line.blank:
            line.drop("site-label")


# ---- lines that recur across many articles of one outlet
def strip_recurring(lines: list[Line], recurring: frozenset[str]) -> None:
    if not recurring:
        return
    candidates = [line for line in _kept(lines) if _fold(line.text) in recurring]
    # An article that would lose most of its lines is a near copy of another, not boilerplate.
    if len(candidates) * 2 > len(_kept(lines)):
        return
    for line in candidates:
        line.drop("recurring")
