"""Dates given by containers and page metadata (JSONL fields, feed entries, WARC headers, HTML
meta), and the shapes of printed dates and the calendars behind them, shared with the header
date reader of the clean stage (:mod:`newsgraph.clean.dates`).

Gregorian shapes (all need a four-digit year from the text itself):
ISO and year-first numeric ("2023-03-08", "2023/03/08", "2023.03.08"),
day-month-year and month-day-year numeric ("08/03/2023", "8.3.2023", "08-03-2023"),
and month names in English ("8 March 2023", "8th of Mar. 2023", "08-Mar-2023",
"March 8, 2023", "Mar. 8th 2023").

Other calendars, read only where a page gives no Gregorian date: Solar Hijri
(Persian) month names in Latin or Persian script ("31 Khordad 1402", "۳۱ خرداد ۱۴۰۲"),
year-first numeric Solar Hijri ("1402/03/31"), and lunar Hijri month names
("3 Dhu al-Hijjah 1444 AH").
"""
from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Optional

# Persian and Arabic-Indic digits read as ASCII ones; one character for one, so offsets stay.
DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")

MONTHS = {
    name: index
    for index, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1)
    for name in names
}
_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![^\W\d_])\.?")
_DAY = r"(?<![\w.,/-])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d])"

# Kinds: "ymd" year first; "num" day and month in either order; "name" a month name.
GREGORIAN = [
    ("ymd", re.compile(r"(?<![\w.,/-])(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<mon>[01]?\d)(?P=sep)"
                       r"(?P<day>[0-3]?\d)(?![\d]|[-/.]\d)")),
    ("num", re.compile(r"(?<![\w.,/-])(?P<a>[0-3]?\d)(?P<sep>[-/.])(?P<b>[0-3]?\d)(?P=sep)"
                       r"(?P<year>(?:19|20)\d\d)(?![\d]|[-/.]\d)")),
    ("name", re.compile(rf"{_DAY}(?:\s+of)?[\s./-]+{_MONTH},?[\s./-]+{_YEAR}", re.I)),
    ("name", re.compile(rf"(?<![^\W\d_]){_MONTH}[\s-]+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.]\d),?\s+{_YEAR}",
                        re.I)),
]

# Month name with a day and no year: a dateline's "May 11", "11 May".
MONTH_DAY = [
    re.compile(rf"(?<![^\W\d_]){_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)", re.I),
    re.compile(rf"{_DAY}\s+{_MONTH}", re.I),
]

# Time zones: a list of the common names, and any capitals ending in T ("HKT", "SAST").
ZONE = re.compile(
    r"\b(?:gmt|utc|msk|wib|wita|wit|local(?:\s+time)?)\b(?:\s*[+\-−]\s*\d{1,2}(?::?\d\d)?)?"
    r"|(?<![^\W\d_])(?-i:[A-Z]{1,4}T)(?![^\W\d_])(?:\s*[+\-−]\s*\d{1,2}(?::?\d\d)?)?", re.I)
# Zones of the United States and Canada: numeric dates there are month first.
US_ZONE = re.compile(r"(?<![^\W\d_])(?:E|C|M|P|AK|H)[SD]?T(?![^\W\d_])")


def _names(*spellings: str) -> str:
    return "|".join(spellings)


# Solar Hijri months, Latin transliterations and Persian script.
_PERSIAN_MONTHS = [
    ("farvardin", "فروردین"), ("ordibehesht", "ardibehesht", "اردیبهشت"), ("khordad", "xordad", "خرداد"),
    ("tir", "تیر"), ("mordad", "amordad", "مرداد", "امرداد"), ("shahrivar", "shahrivar", "شهریور"),
    ("mehr", "mihr", "مهر"), ("aban", "آبان", "ابان"), ("azar", "آذر", "اذر"), ("dey", "دی"),
    ("bahman", "بهمن"), ("esfand", "esfand", "isfand", "espand", "اسفند"),
]
# Lunar Hijri months; spellings are matched after apostrophes, hyphens and "al"/"ul" are folded.
_HIJRI_MONTHS = [
    ("muharram", "moharram", "muharam", "محرم"), ("safar", "صفر"),
    ("rabi awwal", "rabi awal", "rabi i", "rabi 1", "rabi avval", "rabi aval", "rabi ula", "ربيع الأول", "ربیع الاول"),
    ("rabi thani", "rabi akhir", "rabi ii", "rabi 2", "rabi sani", "rabi akhar", "ربيع الآخر", "ربيع الثاني",
     "ربیع الثانی"),
    ("jumada awwal", "jumada ula", "jumada i", "jumada 1", "jumadi awwal", "jamadi awwal", "jumada oula",
     "جمادى الأولى", "جمادی الاول"),
    ("jumada thani", "jumada akhirah", "jumada akhira", "jumada ukhra", "jumada ii", "jumada 2", "jumadi thani",
     "jamadi thani", "jumada sani", "جمادى الآخرة", "جمادی الثانی"),
    ("rajab", "رجب"), ("shaban", "shaaban", "sha ban", "شعبان"), ("ramadan", "ramadhan", "ramazan", "رمضان"),
    ("shawwal", "shawal", "shavval", "شوال"),
    ("dhu qadah", "dhu qidah", "dhul qadah", "dhul qidah", "dhu qada", "zul qadah", "zulqadah", "dhu l qadah",
     "ذو القعدة", "ذی القعده"),
    ("dhu hijjah", "dhul hijjah", "dhu hijja", "dhul hijja", "zul hijjah", "zulhijjah", "dhu l hijjah",
     "ذو الحجة", "ذی الحجه"),
]


def _month_table(months: list[tuple[str, ...]]) -> tuple[dict[str, int], str]:
    table = {name: index for index, names in enumerate(months, start=1) for name in names}
    spelled = sorted(table, key=len, reverse=True)
    return table, "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in spelled)


PERSIAN_TABLE, _PERSIAN = _month_table(_PERSIAN_MONTHS)
HIJRI_TABLE, _HIJRI = _month_table(_HIJRI_MONTHS)
_CYEAR = r"(?P<year>1[34]\d\d)(?!\d)"
_CDAY = r"(?<![\w.,/-])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_AH = r"(?:\s*(?:a\.?\s?h\.?|h\.|hijri|هـ|ه\.?ق|ق)(?![^\W\d_]))"
_SH = r"(?:\s*(?:s\.?\s?h\.?|a\.?\s?p\.?|solar\s+hijri|ه\.?ش|ش)(?![^\W\d_]))"
CALENDARS = [
    ("persian", re.compile(rf"{_CDAY}\s+(?P<month>{_PERSIAN})(?![^\W\d_]),?\s+{_CYEAR}", re.I)),
    ("persian", re.compile(rf"(?<![^\W\d_])(?P<month>{_PERSIAN})\s+(?P<day>[0-3]?\d)(?!\d),?\s+{_CYEAR}", re.I)),
    ("hijri", re.compile(rf"{_CDAY}\s+(?P<month>{_HIJRI})(?![^\W\d_]),?\s+{_CYEAR}", re.I)),
    ("hijri", re.compile(rf"(?<![^\W\d_])(?P<month>{_HIJRI})\s+(?P<day>[0-3]?\d)(?!\d),?\s+{_CYEAR}", re.I)),
    # Year-first numeric: Solar Hijri unless marked lunar, or a year only the lunar calendar is at now.
    ("numeric", re.compile(rf"(?<![\w.,/-])(?P<year>1[34]\d\d)(?P<sep>[-/.])(?P<mon>[01]?\d)(?P=sep)"
                           rf"(?P<day>[0-3]?\d)(?![\d]|[-/.]\d)(?P<ah>{_AH})?(?P<sh>{_SH})?", re.I)),
]
_FOLD_HIJRI = re.compile(r"[’'ʿʾ‘`-]|\b(?:al|ul|el)\b\s*", re.I)


def fold_calendar_text(text: str) -> str:
    """Digits to ASCII; hyphens, apostrophes and articles out of transliterated month names."""
    text = text.translate(DIGITS)
    return re.sub(r"\s+", " ", _FOLD_HIJRI.sub(" ", text))


def persian_to_gregorian(year: int, month: int, day: int) -> Optional[date]:
    """Solar Hijri to Gregorian, by the break-year algorithm of K. M. Borkowski ("The Persian
    calendar for 3000 years", Earth, Moon and Planets 74, 1996) as coded in jalaali-js
    (github.com/jalaali/jalaali-js, MIT): exact for the Iranian calendar in years -61..3177."""
    breaks = [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262,
              2324, 2394, 2456, 3178]
    if not (breaks[0] <= year < breaks[-1]) or not 1 <= month <= 12 or day < 1:
        return None

    def div(a: int, b: int) -> int:  # truncating, as JavaScript's ~~(a / b)
        return int(a / b)

    def mod(a: int, b: int) -> int:
        return a - div(a, b) * b

    gy, leap_j, jp, jump = year + 621, -14, breaks[0], 0
    for jm in breaks[1:]:
        jump = jm - jp
        if year < jm:
            break
        leap_j += div(jump, 33) * 8 + div(mod(jump, 33), 4)
        jp = jm
    n = year - jp
    leap_j += div(n, 33) * 8 + div(mod(n, 33) + 3, 4)
    if mod(jump, 33) == 4 and jump - n == 4:
        leap_j += 1
    leap_g = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150
    march = 20 + leap_j - leap_g
    if jump - n < 6:
        n = n - jump + div(jump + 4, 33) * 33
    leap = mod(mod(n + 1, 33) - 1, 4)
    leap = 4 if leap == -1 else leap
    length = 31 if month <= 6 else 30 if month <= 11 else 30 if leap == 0 else 29
    if day > length:
        return None
    start = date(gy, 3, 1).toordinal() + march - 1  # 1 Farvardin
    return date.fromordinal(start + (month - 1) * 31 - div(month, 7) * (month - 7) + day - 1)


def hijri_to_gregorian(year: int, month: int, day: int) -> Optional[date]:
    """Lunar Hijri to Gregorian by the arithmetical (tabular) Islamic calendar, civil epoch
    16 July 622 (Julian), leap years (14 + 11y) mod 30 < 11: E. M. Reingold and N. Dershowitz,
    Calendrical Calculations, ch. "The Islamic Calendar" (fixed-from-islamic). Announced
    months (Umm al-Qura, sightings) may differ from it by a day or two."""
    if year < 1 or not 1 <= month <= 12 or day < 1:
        return None
    leap = (14 + 11 * year) % 30 < 11
    length = 30 if month % 2 == 1 or (month == 12 and leap) else 29
    if day > length:
        return None
    epoch = 227015  # fixed date (= Python ordinal) of 1 Muharram 1 AH
    fixed = (day + 29 * (month - 1) + (6 * month - 1) // 11 + (year - 1) * 354
             + (3 + 11 * year) // 30 + epoch - 1)
    return date.fromordinal(fixed)


# ---- container dates
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
_TIME = r"(?:[\sT,]+(?:at\s+)?[0-2]?\d[:.][0-5]\d(?:[:.][0-5]\d(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?)?"
_OFFSET = r"(?:\s*(?:Z|[+\-−]\d\d:?\d\d)|\s+(?:" + ZONE.pattern + r"))?"


def _whole_value(value: str) -> Optional[str]:
    """The date of a value that is one printed date, with at most a weekday, time and zone."""
    for kind, pattern in GREGORIAN:
        match = pattern.search(value)
        if not match:
            continue
        before, after = value[:match.start()], value[match.end():]
        if not re.fullmatch(rf"\s*(?:{_WEEKDAY}\s*)?", before, re.I):
            continue
        if not re.fullmatch(rf"{_TIME}{_OFFSET}\s*", after, re.I):
            continue
        year = int(match["year"])
        try:
            if kind == "ymd":
                return date(year, int(match["mon"]), int(match["day"])).isoformat()
            if kind == "name":
                return date(year, MONTHS[match["month"].lower().rstrip(".")], int(match["day"])).isoformat()
        except ValueError:
            return None
        a, b = int(match["a"]), int(match["b"])
        for day, month in ((a, b), (b, a)):  # day first unless only month first is a date
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                continue
        return None
    return None


def normalize_date(value: Optional[str]) -> Optional[str]:
    """``YYYY-MM-DD`` from an ISO-like date or timestamp, an RFC 2822 date ("Wed, 08 Mar 2023
    07:15:00 GMT") or a value that is one printed date ("March 8, 2023", "08.03.2023 10:00";
    numeric ones day first unless only month first is a date), else None (never a guess)."""
    if not value:
        return None
    match = _ISO.match(value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    value = " ".join(value.translate(DIGITS).split())
    if len(value) > 80:
        return None
    try:
        stamp = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        stamp = None
    if stamp is not None and 1900 <= stamp.year < 2100:
        return stamp.date().isoformat()
    return _whole_value(value)
