"""The page header above the first paragraph: masthead, menus, headline, byline, stamps.

A copied page opens with the site's top bar (masthead, tagline, menus, a
section crumb, a cookie prompt), then the headline (sometimes printed twice)
and a standfirst, then bylines and date stamps, then the body. Example:

    HARBOUR GAZETTE                       <- masthead: the outlet
    Home | World | Business | Sign in     <- menu: ends the top bar
    WORLD                                 <- section label
    Port strike ends after overnight talks   <- headline: first free line after the bar
    Unions and operators agree on pay     <- standfirst: kept as article text
    By Jan Smit, Rotterdam correspondent  <- byline
    Published 11 Feb 2024 · 9:40 am       <- stamp: read for the date
    ROTTERDAM - Dock workers ended ...    <- body (dateline first)

Every line of the header is classified by its shape (shapes.py); what is left
unclassified above the last menu line is masthead and tagline, what is left
below it is headline and standfirst.
"""
from __future__ import annotations

import re
from typing import Optional

from .dateline import match_dateline, strip_dateline
from .dates import date_only_line, find_date
from .outlets import OutletTable
from .findings import OUTLET_BYLINE, OUTLET_CRUMB, OUTLET_MASTHEAD, OUTLET_MENTION, Findings, fold, kept
from .phrases import load_phrases, tokens
from .shapes import (all_caps, byline_names, headline_shaped, is_date_stamp, is_menu, is_prose,
                     is_section_label, is_sentence, items, meta_line)
from .text import Line

_LABELLED_DATE = re.compile(
    r"^\s*(?:date|published|posted|updated|last\s+updated)\s*:?\s*"
    r"(?P<date>(?:19|20)\d\d-[01]?\d-[0-3]?\d)(?:[T ]\d\d:\d\d(?::\d\d)?\S*)?(?:\s+\d{1,2}(?=\s|$))?\s*", re.I)
_ID_LINE = re.compile(
    r"^\s*(?:story|news|article|content|post|item)?\s*(?:code|id|no\.?|number)\s*:?\s*#?\s*\d{3,}\s*$", re.I)
_ABBREVIATED_MASTHEAD = re.compile(r"^(?P<abbr>[A-Z][A-Z&]{1,5})\s*[|·•:–—-]\s*(?P<name>[A-Z].{2,60})$")
_MASTHEAD_TAGLINE = re.compile(r"^(?P<name>[^|·•—–]{2,60}?)\s+[|·•—–]\s+(?P<tagline>\S.*)$")
_LABELLED_STAMP = re.compile(
    r"^(?:first\s+|last\s+)?(?:published|posted|updated|modified|created|date(?:d)?)\b\s*(?:on|at)?\s*:?", re.I)
_MASTHEAD_MAX_WORDS = 6
_TOP_BAR_MAX_FREE = 3  # masthead, tagline and a strap line above the menu
_LEAD_MIN_WORDS = 12  # a closed sentence this long opens the body
_LOOKAHEAD = 3  # lines after a paragraph searched for a byline that shows it was a standfirst


def strip_header(raw: str, lines: list[Line], found: Findings, outlets: OutletTable,
                 find_headline: bool = True, scan: int = 25) -> Optional[Line]:
    """Drop the header's furniture, keep what it says; return the first line of the body."""
    head: list[Line] = []
    kinds: list[Optional[str]] = []
    candidates = kept(lines)[:scan]
    body = None
    for index, line in enumerate(candidates):
        _trim_labelled_date(raw, line, found)
        if line.blank:
            continue
        # Unfolded: runs of spaces separate menu items ("Politics   Lebanon   Gulf").
        text = line.text.strip()
        if _lone_dateline(text):
            # "ISTANBUL –" on a line of its own, the lead below it.
            strip_dateline(raw, line, found, outlets)
            continue
        kind = _classify(text, found, first=not any(k != "navigation" for k in kinds))
        if kind is None and _opens_body(fold(text), candidates[index + 1:index + 1 + _LOOKAHEAD]):
            body = line
            break
        head.append(line)
        kinds.append(kind)
    for line, kind in zip(head, kinds):
        if kind is not None:
            found.drop(line, kind)
    top_bar = max((i for i, kind in enumerate(kinds) if kind == "navigation"), default=-1)
    free = [i for i, kind in enumerate(kinds) if kind is None]
    masthead = [i for i in free if i < top_bar]
    if len(masthead) > _TOP_BAR_MAX_FREE or any(is_sentence(fold(head[i].text)) for i in masthead):
        masthead = []  # more free lines than a masthead and tagline: not a top bar
    if not masthead and free and _lone_masthead(fold(head[free[0]].text), free, head, found, body):
        masthead = free[:1]
    for i in masthead:
        if i == masthead[0]:
            name = masthead_name(fold(head[i].text))
            if name:
                found.outlets.append((OUTLET_MASTHEAD, name))
        found.drop(head[i], "masthead")
    rest = []
    for i in free:
        if i in masthead:
            continue
        credit = outlets.by_alias.get(fold(head[i].text).casefold())
        if credit:  # "Reuters" on a line of its own under the headline: a wire credit
            found.outlets.append((OUTLET_BYLINE, credit))
            found.drop(head[i], "byline")
        else:
            rest.append(head[i])
    if body is not None:  # a headline stands above an article, never alone
        _headline(rest, found, find_headline)
    if found.title:
        _site_after_title([fold(head[i].text) for i in masthead], found)
    return body


def _site_after_title(top: list[str], found: Findings) -> None:
    """A page title copied above the menu names the site after the headline:
    "Dock strike ends after talks | Harbour Gazette" -> "Harbour Gazette"."""
    for text in top:
        if not text.startswith(found.title):
            continue
        site = masthead_name(text[len(found.title):].strip(" |-–—:·"))
        if site:
            found.outlets.append((OUTLET_MASTHEAD, site))


def _trim_labelled_date(raw: str, line: Line, found: Findings) -> None:
    """Cut "date 2021-05-16" from the front of a line (the rest may be the lead)."""
    match = _LABELLED_DATE.match(line.text)
    if not match:
        return
    iso = find_date(match["date"])
    found.published = found.published or (iso[0] if iso else None)
    line.trim(raw, head=match.end())
    found.removed.append("date-line")
    if line.blank:
        line.drop("date-line")


def _classify(text: str, found: Findings, first: bool = False) -> Optional[str]:
    """The family of a header line, noting the stamp and outlet it gives; None if free.

    ``first``: no line but navigation above it. An upper-case name there is the
    masthead ("HARBOUR GAZETTE"), further down it is a section label ("WORLD").
    """
    if date_only_line(text) or is_date_stamp(text):
        found.header_stamps.append(text)
        return "date-line"
    if _ID_LINE.match(text):
        return "story-code"
    if _LABELLED_STAMP.match(text) and re.search(r"\d", text) and len(text.split()) <= 20:
        # "Published on Tuesday, 6th of April 2023 at 9:42": a stamp whatever its wording.
        found.header_stamps.append(text)
        return "stamp"
    meta = meta_line(text)
    if meta:
        # "Written by A. Name on 3 March 2023": a byline may carry the date too.
        if meta == "stamp" or re.search(r"\d", text):
            found.header_stamps.append(text)
        for part in items(text):
            outlet = byline_outlet(part)
            if outlet:
                found.outlets.append((OUTLET_BYLINE, outlet))
        return "byline" if meta == "byline" else "stamp" if meta == "stamp" else "header"
    abbreviated = _ABBREVIATED_MASTHEAD.match(text)
    if abbreviated and _abbreviates(abbreviated["abbr"], abbreviated["name"]):
        found.outlets.append((OUTLET_MASTHEAD, abbreviated["name"].strip()))
        return "masthead"
    if is_menu(text):
        return "navigation"
    if is_section_label(text) and not (first and all_caps(text)):
        return "section"
    if _header_crumbs(text, found):
        return "header"
    return None


def _opens_body(text: str, following: list[Line]) -> bool:
    """A paragraph of prose, or a line led by a dateline, starts the body.

    A long standfirst looks like prose too; a byline or stamp within the next
    lines shows that the header goes on.
    """
    if not (is_prose(text, _LEAD_MIN_WORDS) or (match_dateline(text) and len(text.split()) >= 8)):
        return False
    return not any(meta_line(fold(line.text)) in ("byline", "stamp") for line in following)


def _lone_dateline(text: str) -> bool:
    match = match_dateline(text)
    return (bool(match) and not text[match.end():].strip()
            and not load_phrases().sections.covers(tokens(match["place"])))  # "ANALYSIS:" is a label


def _abbreviates(abbr: str, name: str) -> bool:
    """ "LNA | Lakeside News Agency": a code and the name it starts, all words capitalised."""
    words = name.split()
    return (1 <= len(words) <= _MASTHEAD_MAX_WORDS and words[0][:1] == abbr[:1]
            and all(w[:1].isupper() or w.casefold() in ("of", "and", "&", "the") for w in words))


def masthead_name(text: str) -> Optional[str]:
    """The outlet a masthead line names: "HARBOUR GAZETTE — News from the coast" -> "HARBOUR GAZETTE"."""
    match = _MASTHEAD_TAGLINE.match(text)
    if match and any(w[:1].islower() for w in match["tagline"].split()):
        text = match["name"].strip()
    words = text.split()
    if not 1 <= len(words) <= _MASTHEAD_MAX_WORDS or text.endswith((".", "!", "?", ",")):
        return None
    if re.search(r"\d", text) or load_phrases().menu.covers(tokens(text)):
        return None  # a time ("9:42 pm"), a read time, "Home", "Menu": never an outlet
    if not all(w[:1].isupper() or w[:1] in "&-" or w.casefold() in ("of", "and", "the", "de", "al")
               for w in words):
        return None
    return text


def _lone_masthead(text: str, free: list[int], head: list[Line], found: Findings,
                   body: Optional[Line]) -> bool:
    """A first free line with no menu under it is a masthead only when the page confirms it.

    "HARBOUR GAZETTE" above a headline; "The Harbour Gazette" above a headline
    when the copyright line names "Harbour Gazette" too, or when the line under
    it shares words with the first paragraph and the name shares none
    ("The Harbour Gazette" / "Dock strike ends" / "Dock workers ended a strike ...").
    """
    name = masthead_name(text)
    if name is None or len(free) < 2:
        return False
    following = fold(head[free[1]].text)
    if following == text or not headline_shaped(following):
        return False  # a headline printed twice
    if all_caps(name) and len(name.split()) <= 4:
        return True
    bare = re.sub(r"^the\s+", "", name, flags=re.I).casefold()
    if any(re.sub(r"^the\s+", "", outlet, flags=re.I).casefold() == bare for _, outlet in found.outlets):
        return True
    if body is None or len(name.split()) > 4:
        return False
    lead = _content_words(body.text)
    name_shared, following_shared = len(_content_words(name) & lead), len(_content_words(following) & lead)
    return following_shared >= 2 and name_shared * 2 < following_shared


def _content_words(text: str) -> set[str]:
    return {w for w in tokens(text) if len(w) > 3}


def _headline(rest: list[Line], found: Findings, find_headline: bool) -> None:
    """The headline is a line printed twice, else the first headline-shaped free line."""
    texts = [fold(line.text) for line in rest]
    repeated = next((t for t in texts if texts.count(t) > 1 and headline_shaped(t)), None)
    if repeated is None and find_headline:
        repeated = next((t for t in texts if headline_shaped(t)), None)
    if repeated is None:
        return
    found.title = found.title or repeated
    for line, text in zip(rest, texts):
        if text == repeated:
            found.drop(line, "title")


def byline_outlet(part: str) -> Optional[str]:
    """The outlet a byline names: "By X, Harbour Radio News", "By Harbour Gazette staff",
    "Harbour Gazette Web Desk"; never a role ("Diplomatic Correspondent") or a lone word."""
    names = byline_names(part)
    if names is None:
        return None
    phrases = load_phrases()
    pieces = [p.strip() for p in names.split(",")]
    candidates = pieces[1:] if len(pieces) > 1 else []
    words = tokens(pieces[0])
    # "Harbour Gazette staff", "Harbour Gazette Web Desk": the name before the desk words.
    for desk in phrases.desks.phrases:
        if len(words) > len(desk) and tuple(words[-len(desk):]) == desk:
            candidates.append(" ".join(pieces[0].split()[:-len(desk)]))
            break
    for candidate in candidates:
        cwords = candidate.split()
        if (2 <= len(cwords) <= _MASTHEAD_MAX_WORDS and all(w[:1].isupper() for w in cwords)
                and not phrases.roles.contains(tokens(candidate))):
            return candidate
    return None


def _header_crumbs(text: str, found: Findings) -> bool:
    """Header lines such as "12 March 2025 | Harbour Gazette" or "Outlet | Athens bureau"."""
    parts = [p.strip() for p in re.split(r"\s+[|•·]\s+", text)]
    if len(parts) < 2 or any(len(p.split()) > 6 for p in parts):
        return False
    if not any(date_only_line(p) or _DESK.search(p) for p in parts):
        return False  # "Dock strike ends | Harbour Gazette" is a page title, not a crumb
    named = []
    for part in parts:
        if date_only_line(part):
            found.header_stamps.append(part)
        elif not _DESK.search(part):
            named.append(part)
    if named:
        found.outlets.append((OUTLET_CRUMB, named[0]))
    return True


_DESK = re.compile(r"\b(?:bureau|desk|section|news|world|politics|business|sport|opinion)$", re.I)
_TAIL_STAMP = re.compile(r"^(?:posted|published|first\s+published|updated|last\s+updated|filed)\b", re.I)


def strip_tail_stamps(lines: list[Line], found: Findings, body: Optional[Line]) -> None:
    """Labelled stamps below the body ("Posted on 11/03/2023 at 09:14 GMT"): read, then dropped."""
    started = body is None
    for line in lines:
        if line is body:
            started = True
            continue
        if not started or line.dropped or line.blank:
            continue
        text = fold(line.text)
        if _TAIL_STAMP.match(text) and meta_line(text) == "stamp":
            found.tail_stamps.append(text)
            found.drop(line, "date-line")


_FOLLOW = re.compile(r"\b(?:Follow|Join)\s+(?P<name>(?:The\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s+on\b")


def mentioned_outlets(raw: str, found: Findings) -> None:
    """Outlets the page names in its prompts: weak evidence, used when nothing else names one."""
    for match in _FOLLOW.finditer(raw):
        found.outlets.append((OUTLET_MENTION, match["name"]))
