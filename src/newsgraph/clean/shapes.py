"""Shapes of single lines of a news page: prose, headline, menu, stamp, byline.

Each test looks at one folded line (no context) and answers from its form:
separators, word counts, capitals, final punctuation and the phrase lists of
data/boilerplate.toml. The rules that use context (position in the page, what
stands around a line) live in header.py and boilerplate.py.
"""
from __future__ import annotations

import re
from typing import Optional

from .phrases import load_phrases, tokens

SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$""")
HEADLINE_MAX_WORDS = 25

# Separators of menus, stamps and crumbs: pipes, middle dots, bullets, arrows,
# slashes and spaced dashes ("Published 03.11.2022 – 08:47 CET · Updated ...").
_ITEM_SEPARATOR = re.compile(r"\s*[|·•▪►▶›»]\s*|\s+[>/]\s+|\s+[-–—]\s+|\s{2,}")
_CRUMB_SEPARATOR = re.compile(r"\s+[›»>/]\s+|\s*›\s*")


def words_of(text: str) -> list[str]:
    return text.split()


def is_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


def is_prose(text: str, min_words: int = 20) -> bool:
    """A paragraph of running text: long enough and closed like a sentence."""
    n = len(text.split())
    return (n >= min_words and is_sentence(text)) or n >= 2 * min_words


def items(text: str) -> list[str]:
    return [p for p in (s.strip(" :") for s in _ITEM_SEPARATOR.split(text)) if p]


def _capitalised(word: str) -> bool:
    word = word.lstrip("\"'“‘(")
    return word[:1].isupper() or word[:1].isdigit()


def all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def headline_shaped(text: str) -> bool:
    """3-25 words, capital start, no closing period: "Port strike ends after talks"."""
    words = text.split()
    if not 3 <= len(words) <= HEADLINE_MAX_WORDS or text.endswith((".", ",", ";", ":")):
        return False
    closing = text.rstrip("\"'”’)]")
    if closing.endswith((".", "…", ",", ";", ":")):
        return False  # a sentence, also one closed inside a quote ('... he said."')
    return _capitalised(words[0])


def is_menu(text: str) -> bool:
    """Site navigation: "Home | World | Business", "Subscribe · Sign in", "World › Europe"."""
    phrases = load_phrases()
    if phrases.menu.covers(tokens(text)) and len(text.split()) <= 16:
        return True
    if is_sentence(text):
        return False
    # "World > Europe | 4 min read": a read time or comment count may close a crumb.
    every = items(text)
    parts = [p for p in every if not (is_read_time(p) or is_comment_count(p) or is_relative_time(p))]
    if not parts or any(re.search(r"\d", p) or not _capitalised(p) for p in parts):
        return False
    if ((_CRUMB_SEPARATOR.search(text) or len(parts) < len(every)) and len(parts) >= 2
            and all(len(p.split()) <= 4 for p in parts)):
        return True
    return len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts)


def is_section_label(text: str) -> bool:
    """A section name above a headline: "GULF", "ANALYSIS / UKRAINE", "World News"."""
    words = text.split()
    if not 1 <= len(words) <= 4 or is_sentence(text):
        return False
    return (all_caps(text) and len(words) <= 3) or load_phrases().sections.covers(tokens(text))


def is_widget(text: str) -> bool:
    """Share, print and listen widgets: "Share: Facebook | X", "Listen to this article · 5 min"."""
    rest = _DURATION.sub(" ", text)
    words = tokens(rest)
    return bool(words) and len(words) <= 20 and load_phrases().widgets.covers(words)


# ---- stamps: dates, times, read times and comment counts in a header
_DURATION = re.compile(
    r"\(\d{1,2}:\d\d\)|\b\d+\s*(?:min(?:ute)?s?|hrs?|hours?|sec(?:ond)?s?)\.?(?:\s+read)?\b", re.I)
_READ_TIME = re.compile(
    r"^(?:reading\s+time\s*:?\s*)?\d+\s*(?:min(?:ute)?s?)\.?(?:\s+read)?$|^reading\s+time\s*:?\s*\d+\s*\w*$",
    re.I)
_RELATIVE = re.compile(
    r"^(?:(?:last\s+)?(?:updated|posted|published|modified)(?:\s+on)?:?\s+)?"
    r"(?:\d+|an?|one)\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week)s?\s+ago$"
    r"|^(?:(?:last\s+)?(?:updated|posted|published|modified):?\s+)?(?:just\s+now|yesterday|today)$", re.I)
_COMMENT_COUNT = re.compile(r"^(?:💬\s*)?\d+\s+comments?$|^comments?\s*\(\d+\)$", re.I)
_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_WEEKDAYS = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
# What a date-and-time stamp is made of besides its digits. Only the shape is
# checked here; the date itself is read by clean/dates.py.
_STAMP_FILLER = re.compile(
    rf"\b(?:{_MONTHS}|{_WEEKDAYS}|published|posted|updated|update|last|modified|created|"
    r"first|date[ds]?|time|on|at|am|pm|a\.m\.|p\.m\.|local|hrs?|h)\b\.?"
    r"|(?<=\d)(?:am|pm|a\.m\.|p\.m\.|h|hrs|st|nd|rd|th)\b|(?<=\d)T(?=\d)|(?<=\d)Z\b|\b(?:of|the)\b"
    r"|(?-i:\b[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d\d)?)?\b)|\b(?:GMT|UTC)[+-]?\d*", re.I)


# A stamp holds a year, a month name, a numeric date or a clock time.
_DATE_OR_TIME = re.compile(
    rf"\b(?:19|20)\d\d\b|\b(?:{_MONTHS})\b|\d{{1,2}}[:.h]\d\d|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}", re.I)


def is_date_stamp(text: str) -> bool:
    """A date or time and nothing else: "Wed 2 Nov 2022 · 20:14 SAST", "Updated: 07.08.2021"."""
    if not _DATE_OR_TIME.search(text):
        return False  # "12 | 9 | 4" is a table row, not a stamp
    rest = _STAMP_FILLER.sub(" ", text)
    return not re.search(r"[^\W\d_]", rest)


def is_relative_time(text: str) -> bool:
    return bool(_RELATIVE.match(text.strip()))


def is_read_time(text: str) -> bool:
    return bool(_READ_TIME.match(text.strip()))


def is_comment_count(text: str) -> bool:
    return bool(_COMMENT_COUNT.match(text.strip()))


# ---- bylines: "By A. Name, Role", "Name Name in City", "X Web Desk", "Posted by X in Y"
_BY = re.compile(r"^(?:posted\s+|written\s+|words\s+|story\s+)?by\s+(?P<rest>[A-Z\u00C0-\u024F].*)$", re.I)
_NAME = r"[A-Z\u00C0-\u024F][\w.'’-]*"
_NAME_IN_PLACE = re.compile(rf"^{_NAME}(?:\s+{_NAME}){{1,3}}\s+in\s+{_NAME}(?:\s+{_NAME})?$")
# "Jane Roe, Staff Reporter", "Ana Lind, Nordic correspondent": a name, then a role.
_NAME_WITH_ROLE = re.compile(
    rf"^{_NAME}(?:\s+{_NAME}){{1,3}}\s*,\s*(?:[\w'’-]+\s+){{0,3}}"
    r"(?:correspondent|reporter|editor|writer|columnist|contributor|analyst|producer|journalist)s?"
    r"(?:\s*,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?$", re.I)
_BYLINE_MAX_WORDS = 14


def byline_names(text: str) -> Optional[str]:
    """What follows "By" in a byline ("Rania Haddad, Diplomatic Correspondent"), else None.

    A desk credit ("Lantern Web Desk", "Staff Writer") or a name with a place
    ("Imogen Castellane in Tbilisi") is a byline too; then the whole line is returned.
    """
    # a sentence ends in a full stop, also inside its closing quote: 'By Monday the talks had ended."'
    end = text.rstrip("\"'”’)»")
    if len(text.split()) > _BYLINE_MAX_WORDS or re.search(r"[!?]$", end):
        return None
    if end.endswith(".") and not re.search(r"\b[A-Z]\.$", end):  # "By J. R. Smith" ends in an initial
        return None
    match = _BY.match(text)
    if match and match["rest"][:1].isupper():
        return match["rest"]
    words = text.split()
    if len(words) <= 5 and all(_capitalised(w) for w in words) and load_phrases().desks.contains(tokens(text)):
        return text
    if _NAME_IN_PLACE.match(text) or _NAME_WITH_ROLE.match(text):
        return text
    return None


def meta_line(text: str) -> Optional[str]:
    """A header line of byline, stamp, read-time and comment-count items, else None.

    Returns "stamp" when one item is a date or time ("By Rana Khoury | Posted on
    22/06/2023 at 09:15"), "byline" when it names a writer, "meta" otherwise
    ("4 min read · 12 comments", "Updated 2 hours ago").
    """
    parts = items(text)
    if not parts:
        return None
    kinds = []
    for part in parts:
        if is_date_stamp(part):
            kinds.append("stamp")
        elif is_relative_time(part) or is_read_time(part) or is_comment_count(part):
            kinds.append("meta")
        elif re.match(r"^(?:last\s+)?(?:updated|modified|published|posted|update)$", part, re.I):
            kinds.append("meta")
        elif byline_names(part) is not None:
            kinds.append("byline")
        else:
            return None
    if "stamp" in kinds:
        return "stamp"
    return "byline" if "byline" in kinds else "meta"
