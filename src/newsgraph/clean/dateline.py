"""Datelines: "RIYADH, March 11 (Reuters) -", "Kyiv, 8 April (AP) –", "BEIRUT —", "Ankara:"."""
from __future__ import annotations

import re
from typing import Optional

from .findings import OUTLET_TAG, Findings
from .outlets import OutletTable
from .text import Line

_WORD = r"[A-Z\u00C0-\u024F][A-Za-z\u00C0-\u024F.'’-]*"
_DAY_MONTH = r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?"
_MONTH_DAY = r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
DATELINE = re.compile(
    rf"^\s*(?P<place>{_WORD}(?:[ ,]+{_WORD}){{0,3}}?)"
    rf"(?:,\s*(?P<date>{_MONTH_DAY}|{_DAY_MONTH})|,\s*(?P<agency>[A-Z]{{2,8}}(?=\s*[-–—])))?"
    r"\s*(?:\((?P<tag>[^()\n]{1,30})\))?\s*(?P<dash>[-–—]{1,2}|:)(?:\s+(?=\S)|\s*$)")
# A colon after a mixed-case word opens a dateline only before a long sentence:
# "Ankara: Turkish voters re-elected ... on Sunday." but not "Leader: West Bank will win".
_COLON_MIN_WORDS = 15


def match_dateline(text: str) -> Optional[re.Match]:
    """The dateline at the start of ``text``, or None."""
    match = DATELINE.match(text)
    if not match:
        return None
    place, tag, dash = match["place"], match["tag"] or match["agency"], match["dash"]
    letters = [c for c in place if c.isalpha()]
    shouting = len(letters) >= 3 and all(c.isupper() for c in letters)
    first_part = place.split(",")[0].split()
    if dash == ":" and not (shouting or tag):
        if len(first_part) > 2 or len(text[match.end():].split()) < _COLON_MIN_WORDS:
            return None
    if not (shouting or tag or match["date"] or len(first_part) <= 2):
        return None
    return match


def strip_dateline(raw: str, line: Optional[Line], found: Findings, outlets: OutletTable) -> bool:
    """Cut the dateline from the start of ``line``; keep its place and the agency its tag names."""
    if line is None or line.dropped:
        return False
    match = match_dateline(line.text)
    if not match:
        return False
    found.dateline = place_name(match["place"])
    found.dateline_text = match.group().strip()
    tag = (match["tag"] or match["agency"] or "").strip()
    if tag:
        outlet = outlets.by_tag(tag) or _spelled_out(tag, raw)
        if outlet:
            found.outlets.append((OUTLET_TAG, outlet))
    line.trim(raw, head=match.end())
    if line.blank:
        line.drop("dateline")
    found.removed.append("dateline")
    return True


def place_name(place: str) -> str:
    """The place without the region after it, an upper-case one in title case (the stored
    form the export's golden files hold): "KRAMATORSK, Ukraine" -> "Kramatorsk"."""
    place = place.split(",")[0].strip(" ,")
    if all(c.isupper() for c in place if c.isalpha()):
        return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in place.lower().split())
    return place


def _spelled_out(tag: str, raw: str) -> Optional[str]:
    """The name an agency code abbreviates, when the page spells it: "LNA" -> "Lakeside News Agency".

    A tag of several words is a name already ("(Harbour Wire)").
    """
    if " " in tag and tag[:1].isupper():
        return tag
    if not re.fullmatch(r"[A-Z]{2,6}", tag):
        return None
    words = r"\s+".join(rf"{c}[\w&'’-]+" for c in tag)
    match = re.search(rf"\b{words}\b", raw)
    return match.group() if match else None
