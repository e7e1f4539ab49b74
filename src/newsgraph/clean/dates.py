"""Dates printed in article headers ("date 2021-05-16", "Monday 17 May 2021 - 10:38")."""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

_MONTHS = {
    name: index
    for index, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1)
    for name in names
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]?\d)-(?P<day>[0-3]?\d)(?![\d])"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)/(?P<mon>[01]?\d)/(?P<day>[0-3]?\d)\b"),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
]
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
# What may stand around a date on a line that is nothing but a date.
_FILLER = re.compile(
    rf"\b(?:{_WEEKDAY}|date[ds]?|published|posted|updated|last|modified|on|at|am|pm|a\.m\.|p\.m\.|"
    r"gmt|utc|[a-z]?[ecmp][sd]t|local|time|hrs?)\b|\d{1,2}:\d{2}(?::\d{2})?|[\d\W_]",
    re.I,
)


def find_date(text: str) -> Optional[tuple[str, int, int]]:
    """The first well-formed calendar date in ``text``: (ISO date, start, end)."""
    best = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            iso = _to_iso(match)
            if iso and (best is None or match.start() < best[1]):
                best = (iso, match.start(), match.end())
                break
    return best


def _to_iso(match: re.Match) -> Optional[str]:
    groups = match.groupdict()
    month = int(groups["mon"]) if groups.get("mon") else _MONTHS.get(groups["month"].lower().rstrip("."))
    try:
        return date(int(groups["year"]), month or 0, int(groups["day"])).isoformat()
    except (TypeError, ValueError):
        return None


def date_only_line(text: str) -> Optional[str]:
    """The date of a line that holds a date and nothing else worth keeping."""
    found = find_date(text)
    if not found:
        return None
    iso, start, end = found
    rest = _FILLER.sub("", text[:start] + " " + text[end:])
    return iso if not rest.strip() else None
