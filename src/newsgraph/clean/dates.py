"""Dates printed in article headers ("date 2021-05-16", "Monday 17 May 2021 - 10:38",
"Published 09/03/2023 13:42 GMT+4 | Updated 09/03/2023 16:05 GMT+4").

Numeric day/month order, where a date does not settle it itself (13-31 in one
place): the caller's ``day_first``; else the text's own unambiguous numeric dates
(:func:`page_day_first`); else month first when the text names a North American
time zone ("EST", "7:10 PM ET"); else day first, whatever the separator ("/", ".",
"-"): most of the world's outlets write numeric dates day first; month-first pages
show it by an unambiguous date or a North American zone, or the caller says so. A reading that is no calendar
date is never returned; when only one reading is a date, that one is.

Only dates with a year printed in the text count; relative stamps ("2 hours ago")
fix no date. Persian (Solar Hijri) and lunar Hijri dates count only where the text
holds no Gregorian date (:func:`calendar_date`).
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Optional

from ..kb.dates import (CALENDARS, DIGITS, GREGORIAN, HIJRI_TABLE, MONTH_DAY, MONTHS, PERSIAN_TABLE,
                           US_ZONE, ZONE, fold_calendar_text, hijri_to_gregorian, persian_to_gregorian)

_US_HINT = re.compile(rf"{US_ZONE.pattern}|(?:\d|[ap]\.?m\.?)\s*(?:ET|CT|MT|PT)\b")
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_LABEL = re.compile(
    r"\b(?:date[ds]?|published|publish|publication|posted|updated|update|modified|created|edited|issued|"
    r"released|filed|submitted|uploaded|first\s+(?:published|posted)|last\s+(?:updated|update|modified|edited)"
    r")\b", re.I)
# Relative stamps, read times and counters of a stamp line: filler only in these phrases.
_RELATIVE = re.compile(
    r"\b(?:\d+|an?|one|a\s+few|few)\s*(?:secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|"
    r"years?)\s+ago\b|\bjust\s+now\b|\byesterday\b|\btoday\b"
    r"|\b\d+\s*(?:-\s*)?(?:mins?|minutes?|m)\b\.?(?:\s+(?:read|listen|watch))?"
    r"|\b(?:read(?:ing)?|listen(?:ing)?)\s+time\b|\b\d[\d,.]*\s*(?:comments?|views?|shares?)\b",
    re.I)
# What may stand around a date on a stamp line; digits and punctuation go after these.
_FILLER = re.compile(
    rf"\b(?:{_WEEKDAY}|date[ds]?|published|publish|publication|posted|updated|update|modified|created|edited|"
    r"issued|released|filed|submitted|uploaded|originally|last|first|on|at|and|of|the|am|pm|a\.m\.?|p\.m\.?|"
    r"local|time|hrs?|h|a\.?h|s\.?h|hijri|solar|"
    # Persian and Arabic weekdays and calendar marks, beside a Solar Hijri or Hijri date
    r"شنبه|یکشنبه|دوشنبه|سه|چهارشنبه|پنجشنبه|پنج|جمعه|ساعت|تاریخ|السبت|الأحد|الاثنين|الثلاثاء|الأربعاء|"
    r"الخميس|الجمعة|هـ|ه|ش|ق)\b"
    r"|(?<=\d)(?:st|nd|rd|th|h|hrs?|[ap]\.?m\.?)\b|(?<=\d)h(?=\d)|\bT(?=\d\d:\d\d)|(?<=\d)Z\b",
    re.I)
_SEGMENT = re.compile(r"\s*(?:[|·•;]|\s[—–-]{1,2}\s|\s/\s)\s*")
_BYLINE = re.compile(
    r"^\s*[Bb]y\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|da|van|von|bin|al-\w+)){0,5}\s*$")
_TRAILING_BYLINE = re.compile(
    r"\s+[Bb]y\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|da|van|von|bin|al-\w+)){0,5}\s*$")
_RESIDUE = re.compile(r"[\d\W_]+")
_DIGIT = re.compile(r"\d")
_PROSE_WORDS = 20
# A dateline's place and month-day at the head of a paragraph: "RIYADH, March 11 (CRW) -".
_DATELINE = re.compile(r"^[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,3},\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
                       r"|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?!\d)")


def find_date(text: str, day_first: Optional[bool] = None) -> Optional[tuple[str, int, int]]:
    """The first well-formed calendar date in ``text``: (ISO date, start, end)."""
    found = _gregorian(text, _order(text, day_first))
    return found[0] if found else None


def page_day_first(text: str) -> Optional[bool]:
    """Whether ``text`` writes numeric dates day first: True or False by its unambiguous
    numeric dates ("29/05/2023" day first, "05/29/2023" month first), failing those by
    ambiguous ones that a month-name date on the page pins ("08/04/2022" beside "8 April");
    None when nothing decides or the votes tie."""
    text = text.translate(DIGITS)
    votes: Counter = Counter()
    loose = []
    for match in GREGORIAN[1][1].finditer(text):
        a, b = int(match["a"]), int(match["b"])
        if a > 12 >= b >= 1:
            votes[True] += 1
        elif b > 12 >= a >= 1:
            votes[False] += 1
        elif a != b and 1 <= a <= 12 and 1 <= b <= 12:
            loose.append((a, b))
    if not votes and loose:
        named = set(_month_days(text, with_year=False))
        for a, b in loose:
            if (a, b) in named and (b, a) not in named:
                votes[True] += 1
            elif (b, a) in named and (a, b) not in named:
                votes[False] += 1
    if votes[True] == votes[False]:
        return None
    return votes[True] > votes[False]


def date_only_line(text: str, day_first: Optional[bool] = None) -> Optional[str]:
    """The date of a line that holds a date/time stamp and nothing else worth keeping:
    labels (Published, Updated, Posted on, Last modified), weekdays, times, time zones,
    separators, read times, relative stamps and one byline segment ("By A. Name | ...")
    are filler. Several dates: the earliest, the first publication."""
    if not _DIGIT.search(text):
        return None  # no year, no date
    segments = _segments(text, day_first)
    if not any(kind == "date" for kind, _, _ in segments):
        return None
    if any(kind == "other" for kind, _, _ in segments) or sum(kind == "byline" for kind, _, _ in segments) > 1:
        return None
    return _earliest(segments)


def stamp_date(text: str, day_first: Optional[bool] = None) -> Optional[str]:
    """The earliest publication date of a header stamp line ("Published 6 Apr 2023 · 9:42 pm
    HKT · Updated 2 hours ago", "First published on ...; last modified on ..."): a date-only
    line, or a line where some labelled date segment stands beside other matter (a byline
    with a role). None when its only dates are relative ones."""
    day = date_only_line(text, day_first)
    if day or not _DIGIT.search(text):
        return day
    segments = _segments(text, day_first, lenient=True)
    if not any(kind == "date" and labelled for kind, _, labelled in segments):
        return None
    return _earliest([s for s in segments if s[0] == "date"])


def calendar_date(text: str) -> Optional[str]:
    """The first Persian (Solar Hijri) or lunar Hijri date in ``text`` as a Gregorian ISO
    date ("31 Khordad 1402" -> "2023-06-21"); to be used only where no Gregorian date is given."""
    found = _calendars(text)
    return found[0][0] if found else None


def dateline_date(text: str, page: str = "", day_first: Optional[bool] = None) -> Optional[str]:
    """The date of a dateline's month and day ("RIYADH, March 11 (CRW) -"), its year taken
    from the full dates of ``page`` within a week of it (most votes; a tie is no year).
    None when the page gives no such year: never a guessed year."""
    full = find_date(text, day_first)
    if full:
        return full[0]
    text = text.translate(DIGITS)
    pinned = _month_days(text, with_year=False)
    if not pinned:
        return None
    day, month = pinned[0]
    votes: Counter = Counter()
    for iso, _, _ in _gregorian(page, _order(page, day_first)):
        seen = date.fromisoformat(iso)
        for year in (seen.year - 1, seen.year, seen.year + 1):
            try:
                near = date(year, month, day)
            except ValueError:
                continue
            if abs((near - seen).days) <= 7:
                votes[near.isoformat()] += 1
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def page_date(text: str, day_first: Optional[bool] = None, head: int = 12) -> Optional[str]:
    """The publication date of a whole page, or None when its text does not fix one.

    Numeric dates are read in the page's own order (:func:`page_day_first`, then a North
    American zone on the page). Then, first that gives a date: the earliest labelled stamp
    of the head ("Published ...", "Updated: ..."; the head is the lines above the first
    paragraph of prose, at most ``head``); the first labelled stamp further down (a stamp
    under the body comes before the dated headline lists); the earliest date-only line of
    the head (a masthead date); a dateline's month and day with a year from the page
    (:func:`dateline_date`); and only then a Persian or Hijri date of the head. Relative
    stamps give nothing."""
    order = _order(text, day_first)
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    # The head ends at the first paragraph of prose, or after ``head`` lines.
    head = min([head] + [at for at, line in enumerate(lines) if len(line.split()) >= _PROSE_WORDS][:1])
    labelled_head, labelled_later, plain_head, other_calendar = [], [], [], []
    for at, line in enumerate(lines):
        if len(line) > 160 or not _DIGIT.search(line):
            continue
        clean = date_only_line(line, order)
        segments = _segments(line, order, lenient=True)
        dated = [s for s in segments if s[0] == "date"]
        labelled = any(s[2] for s in dated)
        gregorian = any(kind == "gregorian" for s in dated for _, kind in s[1])
        day = clean or (_earliest(dated) if labelled else None)
        if not day:
            continue
        if not gregorian:
            if at < head:
                other_calendar.append(day)
        elif labelled and at < head:
            labelled_head.append(day)
        elif labelled:
            labelled_later.append(day)
        elif at < head and clean:
            plain_head.append(day)
    if labelled_head:
        return min(labelled_head)
    if labelled_later:
        return labelled_later[0]
    if plain_head:
        return min(plain_head)
    for line in lines[:head + 1]:  # the dateline heads the first paragraph
        match = _DATELINE.match(line)
        if match:
            day = dateline_date(match["date"], text, order)
            if day:
                return day
    return min(other_calendar, default=None)


# ---- internals
def _order(text: str, day_first: Optional[bool]) -> Optional[bool]:
    if day_first is not None:
        return day_first
    decided = page_day_first(text)
    if decided is not None:
        return decided
    return False if _US_HINT.search(text) else None


def _valid(year: int, month: int, day: int) -> Optional[str]:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _to_iso(kind: str, match: re.Match, order: Optional[bool]) -> Optional[str]:
    year = int(match["year"])
    if kind == "ymd":
        return _valid(year, int(match["mon"]), int(match["day"]))
    if kind == "name":
        return _valid(year, MONTHS[match["month"].lower().rstrip(".")], int(match["day"]))
    a, b = int(match["a"]), int(match["b"])
    day_first, month_first = _valid(year, b, a), _valid(year, a, b)
    if not (day_first and month_first):
        return day_first or month_first
    return month_first if order is False else day_first


def _gregorian(text: str, order: Optional[bool]) -> list[tuple[str, int, int]]:
    """Every Gregorian date of ``text``, in order, overlaps resolved to the earlier, longer one."""
    text = text.translate(DIGITS)
    hits = []
    for kind, pattern in GREGORIAN:
        for match in pattern.finditer(text):
            iso = _to_iso(kind, match, order)
            if iso:
                hits.append((match.start(), -match.end(), iso))
    found, end = [], -1
    for start, neg_end, iso in sorted(hits):
        if start >= end:
            found.append((iso, start, -neg_end))
            end = -neg_end
    return found


def _calendars(text: str) -> list[tuple[str, int, int]]:
    """Persian and Hijri dates of ``text`` (positions in its folded copy), in order."""
    folded = fold_calendar_text(text)
    hits = []
    for kind, pattern in CALENDARS:
        for match in pattern.finditer(folded):
            year, day = int(match["year"]), int(match["day"])
            if kind == "numeric":
                month = int(match["mon"])
                lunar = bool(match["ah"]) or (not match["sh"] and year >= 1415)
                got = (hijri_to_gregorian if lunar else persian_to_gregorian)(year, month, day)
            else:
                table = PERSIAN_TABLE if kind == "persian" else HIJRI_TABLE
                month = table[" ".join(match["month"].lower().split())]
                convert = persian_to_gregorian if kind == "persian" else hijri_to_gregorian
                got = convert(year, month, day)
            if got:
                hits.append((match.start(), match.end(), got.isoformat()))
    return [(iso, start, end) for start, end, iso in sorted(hits)]


def _month_days(text: str, with_year: bool = True) -> list[tuple[int, int]]:
    """(day, month) of the month-name dates in ``text``, with or without a year."""
    out = []
    patterns = [p for kind, p in GREGORIAN if kind == "name"] if with_year else MONTH_DAY
    for pattern in patterns:
        for match in pattern.finditer(text):
            day, month = int(match["day"]), MONTHS[match["month"].lower().rstrip(".")]
            if 1 <= day <= 31:
                out.append((match.start(), day, month))
    return [(day, month) for _, day, month in sorted(out)]


def _cut(text: str, spans: list[tuple[str, int, int]]) -> str:
    for _, start, end in sorted(spans, key=lambda s: -s[1]):
        text = text[:start] + " " + text[end:]
    return text


def _segments(text: str, day_first: Optional[bool], lenient: bool = False) -> list[tuple[str, list, bool]]:
    """The line cut at its separators; each part (kind, dates, labelled), kind one of
    "date", "filler" (labels, times, zones, relative stamps), "byline", "other"."""
    text = text.translate(DIGITS)
    order = _order(text, day_first)
    out = []
    for part in _SEGMENT.split(text):
        if not part.strip():
            continue
        found = _gregorian(part, order)
        dates = [(iso, "gregorian") for iso, _, _ in found]
        rest = _cut(part, found)
        calendars = _calendars(rest)
        if calendars:
            dates += [(iso, "calendar") for iso, _, _ in calendars]
            rest = _cut(fold_calendar_text(rest), calendars)
        if lenient:
            rest = _TRAILING_BYLINE.sub(" ", rest)
        residue = _RESIDUE.sub("", ZONE.sub(" ", _FILLER.sub(" ", _RELATIVE.sub(" ", rest))))
        labelled = bool(_LABEL.search(part))
        if not residue:
            out.append(("date" if dates else "filler", dates, labelled))
        elif not dates and _BYLINE.match(part):
            out.append(("byline", [], False))
        else:
            out.append(("other", dates, labelled))
    return out


def _earliest(segments: list[tuple[str, list, bool]]) -> Optional[str]:
    dates = [d for _, found, _ in segments for d in found]
    gregorian = [iso for iso, kind in dates if kind == "gregorian"]
    return min(gregorian or [iso for iso, _ in dates], default=None)
