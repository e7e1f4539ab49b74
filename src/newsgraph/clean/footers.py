"""Licence and copyright lines, site labels glued to a paragraph, and lines recurring in a batch."""
from __future__ import annotations

import re
from typing import Optional

from .findings import OUTLET_FOOTER, OUTLET_LABEL, Findings, fold, kept
from .outlets import OutletTable
from .phrases import load_phrases, tokens
from .text import Line

# ---- footers glued to the end of the last paragraph: licence and rights lines
_LICENCE = re.compile(
    r"(?:All|Any)\s+(?:content|contents|material|materials|articles)\b[^\n]{0,60}?\bby\s+"
    r"(?P<outlet>[A-Z][^\n]{1,60}?)\s+(?:is|are)\s+licen[cs]ed\s+under[^\n]*$", re.I)
_GLUED_COPYRIGHT = re.compile(
    r"(?:Copyright|©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<outlet>[A-Z][^\n.©]{1,60}?)"
    r"[.,]?\s*All\s+rights\s+reserved\b[^\n]*$", re.I)
_RIGHTS = re.compile(r"^\s*All\s+rights\s+reserved\b[^\n]*$", re.I)


def strip_footers(raw: str, lines: list[Line], found: Findings) -> None:
    """Trim licence and rights sentences from the lines' ends, keeping the outlet they name.

    Any line: a page's tail may still follow the footer ("... is licensed under
    CC BY 4.0." then "Related Stories").
    """
    for line in kept(lines):
        for pattern in (_LICENCE, _GLUED_COPYRIGHT, _RIGHTS):
            match = pattern.search(line.text)
            if not match:
                continue
            outlet = match.groupdict().get("outlet")
            if outlet:
                name = _outlet_name(_fold_name(outlet))
                if name:
                    found.outlets.append((OUTLET_FOOTER, name))
            line.trim(raw, tail=len(line.text) - match.start())
            if line.blank:
                line.drop("footer")
            found.removed.append("footer")
            break


# ---- the outlet a copyright line names
_YEAR = re.compile(r"\b(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\b")
_RIGHTS_FOR = re.compile(r"all\s+rights\s+reserved\s+(?:for|to|by)\s+(?P<outlet>[^.|·]{2,60})", re.I)
_MARK = re.compile(r"©|\(c\)|\bcopyright\b", re.I)
_CUT = re.compile(r"\s*(?:[.|·•,;]|\s[-–—]\s|\ball\s+rights\b|\bpowered\s+by\b)", re.I)


def copyright_outlet(text: str) -> Optional[str]:
    """The name a copyright line gives: "© 2023 X Media Ltd. All rights reserved." -> "X".

    The name may stand before the mark ("X © 2023 | Terms"), after it, or after
    "All rights reserved for"; years and legal suffixes ("Ltd", "SA", "Media
    Group") are not part of it.
    """
    match = _RIGHTS_FOR.search(text)
    if match:
        return _outlet_name(match["outlet"])
    mark = _MARK.search(text)
    if not mark:
        return None
    before = _MARK.sub(" ", text[:mark.start()]).strip(" |·-–—")
    if before and len(before.split()) <= 6 and before[:1].isupper():
        return _outlet_name(before)
    after = _MARK.sub(" ", text[mark.end():])
    after = _YEAR.sub(" ", after).strip(" ,.|·-–—")
    cut = _CUT.search(after)
    return _outlet_name(after[:cut.start()] if cut else after)


def _outlet_name(text: str) -> Optional[str]:
    words = _YEAR.sub(" ", text).replace(",", " ").split()
    suffixes = load_phrases().company_suffixes
    while len(words) > 1 and words[-1].casefold() in suffixes:
        words.pop()
    name = " ".join(words).strip(" .,")
    if not name or not name[:1].isupper() or len(name.split()) > 6:
        return None
    if load_phrases().menu.covers(tokens(name)) or re.search(r"\d", name):
        return None  # "© 2023 | Terms | Privacy" names no outlet
    return name


def _fold_name(text: str) -> str:
    return fold(text).strip(" ,.")


# ---- site labels glued to a paragraph: "Iran PressIran news: ..."
_SITE_LABEL = re.compile(r"^\s*(?P<label>(?:\S+\s+){0,4}?\S*news)\s*:\s*(?=\S)", re.I)
_GLUE = re.compile(r"[a-z][A-Z]")


def strip_site_labels(raw: str, lines: list[Line], found: Findings, outlets: OutletTable,
                      scan: int = 3) -> None:
    for line in kept(lines)[:scan]:
        match = _SITE_LABEL.match(line.text)
        if not match:
            continue
        label = fold(match["label"])
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
    candidates = [line for line in kept(lines) if fold(line.text) in recurring]
    # An article that would lose most of its lines is a near copy of another, not boilerplate.
    if len(candidates) * 2 > len(kept(lines)):
        return
    for line in candidates:
        line.drop("recurring")
