"""Find temporal expressions in news text and resolve them against the publication date.

A regex scanner finds the common news expressions by itself: weekdays ("on Sunday",
"late Tuesday", "Wednesday night", "last week on Monday"), relative days ("yesterday",
"tonight"), periods ("earlier this month", "last year", "two weeks ago"), absolute dates
("May 16, 2021", "16 May", "May 2021", ISO) and years after a preposition ("in 1948").
Optional NER DATE/TIME spans add candidates the scanner missed; such an isolated
expression may fall back to dateparser when it holds a digit.  Relative expressions keep
their precision and weekday but get no date when the publication date is unknown.
"""
from __future__ import annotations

import bisect
import re
from datetime import date, datetime, timedelta
from typing import Optional, Sequence

from newsgraph.records import TimeExpression

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WD_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
            "fri": 4, "sat": 5, "sun": 6}
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
               "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                 "twelve": 12}
# Capitalised words that turn a weekday into a named day ("Good Friday", "Bloody Sunday").
_NAMED_DAY_WORDS = frozenset({"Ash", "Black", "Bloody", "Cyber", "Easter", "Fat", "Giving",
                              "Good", "Holy", "Maundy", "Palm", "Shrove", "Super", "Whit"})
# Words that may follow a year after of/from/by; another lowercase word means a count.
_YEAR_FOLLOWERS = ("a|after|again|alone|an|and|as|at|before|but|by|during|for|from|had|has|"
                   "have|he|her|his|in|is|it|its|of|on|or|she|than|that|the|their|there|"
                   "they|this|to|until|was|we|were|when|where|which|while|who|with")


def _names(words: Sequence[str]) -> str:
    """Capitalised or upper-case spellings: lower-case 'may'/'march' are verbs."""
    return "|".join([w.capitalize() for w in words] + [w.upper() for w in words])


_B = r"(?<![\w-])"  # left word boundary that also refuses the inside of "2021-05-16"
_E = r"(?!\w)"
_WD = rf"(?:{_names(_WEEKDAYS)})"
_WD_SHORT = r"(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)"
_MONTH_FULL = rf"(?:{_names(_MONTHS)})"
_MONTH = rf"(?:{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_PART = r"(?i:morning|afternoon|evening|night|overnight)"
_MOD = r"(?i:late|early|earlier|later)"
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
# Full weekday name, or an abbreviation ("Wed.") only because a date follows it.
_WDPFX = rf"(?:(?P<wd>{_WD})|(?P<wds>{_WD_SHORT})\.?),?\s+"
_YEAR_CORE = rf"(?:(?i:early|mid|late)[-\s]+)?{_YEAR}"
_WEEKDAY_CORE = rf"(?:(?P<mod>{_MOD})\s+(?:(?i:on)\s+)?)?(?P<wd>{_WD})(?:\s+{_PART})?"

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern)) for kind, pattern in (
        ("iso", rf"{_B}(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
        ("mdy", rf"{_B}(?:{_WDPFX})?(?P<month>{_MONTH})\s+{_DAYNUM}(?:,?\s+{_YEAR})?{_E}"),
        ("dmy", rf"{_B}(?:{_WDPFX})?(?:(?i:the)\s+)?{_DAYNUM}(?:\s+(?i:of))?\s+"
                rf"(?P<month>{_MONTH})(?:,?\s+{_YEAR})?{_E}"),
        ("my", rf"{_B}(?:(?i:early|mid|late)[-\s]+)?(?P<month>{_MONTH})(?:\s+(?i:of))?,?\s+"
               rf"{_YEAR}{_E}"),
        ("month", rf"{_B}(?:(?P<prep>(?i:in|since|until|by|from|during|through))\s+)?"
                  rf"(?P<x>(?:(?P<mod>(?i:early|mid|late))[-\s]+)?(?P<month>{_MONTH_FULL}))"
                  rf"(?!['’]s){_E}"),
        ("year", rf"{_B}(?i:in|since|until)\s+(?P<x>{_YEAR_CORE})(?![\w%])"),
        # "of/from/by 2000" is often a count: refuse "of 2000 people", "by 2000 percent".
        ("year", rf"{_B}(?i:of|from|by)\s+(?P<x>{_YEAR_CORE})(?![\w%]|\s*(?i:per\s*cent)|"
                 rf"\s+(?!(?:{_YEAR_FOLLOWERS})\b|[a-z]+ed\b)[a-z])"),
        ("relday", rf"{_B}(?i:(?P<rel>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+"
                   rf"tomorrow|(?:earlier|later)\s+today|yesterday|today|tonight|tomorrow|"
                   rf"last\s+night|this\s+(?:morning|afternoon|evening))"
                   rf"(?:\s+(?:morning|afternoon|evening|night))?){_E}"),
        ("weekwd", rf"{_B}(?i:(?P<wk>last|this|next)\s+week),?\s+(?:(?i:on)\s+)?"
                   rf"{_WEEKDAY_CORE}{_E}"),
        ("wdweek", rf"{_B}{_WEEKDAY_CORE},?\s+(?:(?i:of)\s+)?(?i:(?P<wk>last|this|next)\s+week)"
                   rf"{_E}"),
        ("relwd", rf"{_B}(?P<rel>(?i:this\s+past|last|next|this))\s+(?P<wd>{_WD})"
                  rf"(?:\s+{_PART})?{_E}"),
        ("wd", rf"{_B}{_WEEKDAY_CORE}{_E}"),
        ("period", rf"{_B}(?i:(?:(?:earlier|later)\s+)?(?P<q>this|last|next)\s+"
                   rf"(?P<unit>week|month|year)){_E}"),
        ("ago", rf"{_B}(?i:(?P<n>\d{{1,3}}|{'|'.join(NUMBER_WORDS)})\s+"
                rf"(?P<unit>day|week|month|year)s?\s+ago){_E}"),
    )
)
_LEADING = re.compile(r"^[\s\"'“‘(\[,.;:]+")
_TRAILING = re.compile(r"[\s\"'”’)\],.;:!?]+$")

_Resolved = tuple[Optional[date], Optional[str], Optional[int]]
_Candidate = tuple[int, int, Optional[date], Optional[str], Optional[int]]


def _parse_published(published: Optional[str]) -> Optional[date]:
    if not published or not isinstance(published, str):
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _period_start(ref: date, unit: str, shift: int) -> date:
    if unit == "week":
        return _monday(ref) + timedelta(weeks=shift)
    if unit == "month":
        year, month = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
        return date(year, month + 1, 1)
    return date(ref.year + shift, 1, 1)


def _on_or_before(ref: date, weekday: int) -> date:
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


def _recent_day(ref: date, month: int, day: int) -> date:
    """The most recent month/day not after publication + 7 days."""
    limit = ref + timedelta(days=7)
    for year in range(limit.year, limit.year - 9, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= limit:
            return candidate
    raise ValueError("no such day")


def _month_number(name: str) -> int:
    name = name.rstrip(".").lower()
    return _MONTHS.index(name) + 1 if name in _MONTHS else _MONTH_ABBR[name]


def _weekday_of(g: dict) -> Optional[int]:
    if g.get("wd"):
        return _WEEKDAYS.index(g["wd"].lower())
    if g.get("wds"):
        return _WD_ABBR[g["wds"].lower()]
    return None


def _named_day(m: re.Match[str]) -> bool:
    """'Good Friday', 'Bloody Sunday', 'the Sunday Times': names, not dates."""
    text, start, end = m.string, m.start("wd"), m.end("wd")
    before = re.search(r"(\w+)\s+$", text[max(0, start - 20):start])
    if before and before.group(1) in _NAMED_DAY_WORDS:
        return True
    return bool(re.search(r"(?i:\bthe)\s+$", text[max(0, start - 8):start])
                and re.match(r"\s+[A-Z][a-z]", text[end:end + 3]))


def _resolve(kind: str, m: re.Match[str], ref: Optional[date]) -> Optional[_Resolved]:
    g = m.groupdict()
    if kind == "iso":
        return date(int(g["year"]), int(g["month"]), int(g["day"])), "day", None
    if kind in ("mdy", "dmy"):
        month, day, weekday = _month_number(g["month"]), int(g["day"]), _weekday_of(g)
        if g["year"]:
            return date(int(g["year"]), month, day), "day", weekday
        date(2000, month, day)  # validates the day in a leap year
        return (_recent_day(ref, month, day) if ref else None), "day", weekday
    if kind == "my":
        return date(int(g["year"]), _month_number(g["month"]), 1), "month", None
    if kind == "month":
        if not (g["prep"] or g["mod"]):
            return None
        month = _month_number(g["month"])
        if ref is None:
            return None, "month", None
        return date(ref.year if month <= ref.month else ref.year - 1, month, 1), "month", None
    if kind == "year":
        return date(int(g["year"]), 1, 1), "year", None
    if kind == "relday":
        rel = " ".join(g["rel"].lower().split())
        offset = {"the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1,
                  "last night": -1, "tomorrow": 1}.get(rel, 0)
        return (ref + timedelta(days=offset) if ref else None), "day", None
    if kind in ("weekwd", "wdweek"):
        weekday, shift = _weekday_of(g), {"last": -1, "this": 0, "next": 1}[g["wk"].lower()]
        return (_monday(ref) + timedelta(days=7 * shift + weekday) if ref else None), "day", weekday
    if kind == "relwd":
        weekday, rel = _weekday_of(g), " ".join(g["rel"].lower().split())
        if ref is None:
            return None, "day", weekday
        if rel == "next":
            return ref + timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1), "day", weekday
        if rel == "this":
            return _on_or_before(ref, weekday), "day", weekday
        return ref - timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1), "day", weekday
    if kind == "wd":
        if _named_day(m):
            return None
        weekday = _weekday_of(g)
        return (_on_or_before(ref, weekday) if ref else None), "day", weekday
    if kind == "period":
        unit, shift = g["unit"].lower(), {"last": -1, "this": 0, "next": 1}[g["q"].lower()]
        return (_period_start(ref, unit, shift) if ref else None), unit, None
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else NUMBER_WORDS[g["n"].lower()]
        unit = g["unit"].lower()
        if ref is None:
            return None, unit, None
        if unit == "day":
            return ref - timedelta(days=n), "day", None
        if unit == "week":
            return _monday(ref - timedelta(weeks=n)), "week", None
        return _period_start(ref, unit, -n), unit, None
    return None


def _scan(text: str, ref: Optional[date]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for kind, rx in _RULES:
        for m in rx.finditer(text):
            try:
                res = _resolve(kind, m, ref)
            except (ValueError, OverflowError, KeyError):
                continue
            if res is None:
                continue
            start, end = m.span("x") if "x" in rx.groupindex else m.span()
            found.append((start, end, *res))
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest of overlapping candidates, in text order."""
    starts: list[int] = []  # chosen spans never overlap, so keep them sorted by start
    chosen: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        i = bisect.bisect_left(starts, c[0])
        if (i == 0 or chosen[i - 1][1] <= c[0]) and (i == len(chosen) or c[1] <= starts[i]):
            starts.insert(i, c[0])
            chosen.insert(i, c)
    return chosen


_CLOCK_ONLY = re.compile(r"(?i)(?:(?:about|around|at|approximately|shortly|just|before|after|until|by|"
                         r"after|since)\s+)*\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?|h|hrs|hours|"
                         r"gmt|utc|cet|cest|est|edt|local time|o'clock)?(?:\s+(?:gmt|utc|local time))?")


_DURATION = re.compile(r"(?i)\b\d+(?:\.\d+)?[-\s]+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?"
                       r"|decades?|centur(?:y|ies))\b(?!\s+(?:ago|earlier|later|before|after)\b)")


def _dateparser_fallback(expr: str, ref: Optional[date]) -> Optional[_Resolved]:
    """dateparser on one isolated expression holding a digit (never on free text)."""
    if not re.search(r"\d", expr) or (ref is None and not re.search(r"(?:19|20)\d\d", expr)):
        return None
    if _DURATION.search(expr):
        # "the 16-year blockade", "for 16 years", "a 2-hour meeting": a length of time, no
        # point in it (dateparser would read day 16, 2007, February)
        return None
    if _CLOCK_ONLY.fullmatch(expr.strip()):
        # "about 10:30 a.m.": a time of day names no day (dateparser would put it on the
        # day before the publication, the last 10:30 in the past)
        return None
    try:
        from dateparser.date import DateDataParser

        settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
        if ref is not None:
            settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day)
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(expr)
    except Exception:  # dateparser is optional and must never break extraction
        return None
    if data is None or data.date_obj is None:
        return None
    day, period = data.date_obj.date(), data.period or "day"
    if period == "year":
        return date(day.year, 1, 1), "year", None
    if period == "month":
        return date(day.year, day.month, 1), "month", None
    if period == "week":
        return _monday(day), "week", None
    return day, "day", None


def _resolve_isolated(expr: str, ref: Optional[date]) -> Optional[_Resolved]:
    found = _scan(expr, ref)
    if not found:  # a bare year or month ("1948", "March") reads as "in 1948"
        found = _scan("in " + expr, ref)
    if found:
        best = max(found, key=lambda c: (c[1] - c[0], -c[0]))
        return best[2], best[3], best[4]
    return _dateparser_fallback(expr, ref)


def _record(start: int, end: int, text: str, res: _Resolved) -> TimeExpression:
    day, precision, weekday = res
    return TimeExpression(start=start, end=end, text=text,
                          date=day.isoformat() if day else None,
                          precision=precision, weekday=weekday)


def resolve_expression(expr: str, published: Optional[str]) -> TimeExpression:
    """Resolve one already-isolated expression; offsets span the whole `expr`."""
    expr = expr if isinstance(expr, str) else ""
    ref = _parse_published(published)
    core = _TRAILING.sub("", _LEADING.sub("", expr))
    res = _resolve_isolated(core, ref) if core else None
    return _record(0, len(expr), expr, res or (None, None, None))


def find_times(text: str, published: Optional[str],
               date_spans: Sequence[tuple[int, int]] = ()) -> list[TimeExpression]:
    """Temporal expressions of `text`, resolved against `published` (YYYY-MM-DD or None).

    `date_spans` (NER DATE/TIME character spans) only add candidates that overlap none
    found by the scanner; malformed or out-of-bounds spans are ignored.
    """
    if not isinstance(text, str) or not text:
        return []
    ref = _parse_published(published)
    own = _select(_scan(text, ref))
    own_ends = [c[1] for c in own]
    extra: list[_Candidate] = []
    for span in date_spans or ():
        try:
            start, end = int(span[0]), int(span[1])
        except (TypeError, ValueError, IndexError):
            continue
        if not 0 <= start < end <= len(text):
            continue
        piece = text[start:end]
        start += len(piece) - len(_LEADING.sub("", piece))
        end -= len(piece) - len(_TRAILING.sub("", piece))
        i = bisect.bisect_left(own_ends, start + 1)  # first own span ending after start
        if start >= end or (i < len(own) and own[i][0] < end):
            continue
        res = _resolve_isolated(text[start:end], ref)
        if res is not None and (res[0] is not None or res[1] is not None):
            extra.append((start, end, *res))
    return [_record(s, e, text[s:e], (d, p, w)) for s, e, d, p, w in _select(own + extra)]
