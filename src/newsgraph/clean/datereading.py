"""Reading the publication date from the stamp lines the header rules found.

clean/dates.py owns every date format; this module only chooses which lines to
ask and in what order. It works with both forms of that module: the one with
``stamp_date`` and ``page_day_first`` (day-first or month-first decided per
page) and the older one with ``find_date`` alone.
"""
from __future__ import annotations

import inspect
from typing import Callable, Optional

from . import dates


def _accepts_day_first(function: Callable) -> bool:
    try:
        return "day_first" in inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False


def _stamp_reader() -> Callable[[str, Optional[bool]], Optional[str]]:
    stamp_date = getattr(dates, "stamp_date", None)
    if stamp_date is not None:
        if _accepts_day_first(stamp_date):
            return lambda text, day_first: stamp_date(text, day_first=day_first)
        return lambda text, day_first: stamp_date(text)
    find = dates.find_date
    keyword = _accepts_day_first(find)

    def first_date(text: str, day_first: Optional[bool]) -> Optional[str]:
        hit = find(text, day_first=day_first) if keyword else find(text)
        return hit[0] if hit else None
    return first_date


def page_day_first(raw: str) -> Optional[bool]:
    decide = getattr(dates, "page_day_first", None)
    return decide(raw) if decide is not None else None


def published_date(header_stamps: list[str], tail_stamps: list[str], raw: str) -> Optional[str]:
    """The earliest date of the header's stamps, else of the tail's; None when none is read.

    A header may print the day's date above the masthead and the article's own
    stamp under the byline, or "Published 9 March · Updated 10 March" on two
    lines: the earliest is the publication.
    """
    read = _stamp_reader()
    day_first = page_day_first(raw) if header_stamps or tail_stamps else None
    for stamps in (header_stamps, tail_stamps):
        found = [iso for iso in (read(text, day_first) for text in stamps) if iso]
        if found:
            return min(found)
    return None


def dateline_date(dateline: Optional[str], raw: str) -> Optional[str]:
    """The date of a dateline's month and day ("RIYADH, March 11 (Reuters) -"), when
    clean/dates.py can date it from the page (its year from the page's full dates)."""
    read = getattr(dates, "dateline_date", None)
    if not dateline or read is None:
        return None
    return read(dateline, raw)
