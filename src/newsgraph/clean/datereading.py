"""Reading the publication date from the stamp lines the header rules found.

clean/dates.py owns every date format; this module only chooses which lines to
ask and in what order: the header's stamps, then the stamps under the body, then
the dateline's month and day.
"""
from __future__ import annotations

from typing import Optional

from . import dates


def _read_stamp(text: str, day_first: Optional[bool]) -> Optional[str]:
    """A stamp line's date. The header rules already judged the line a stamp by its shape,
    so words after the date ("Published on Tuesday, 6 February 2024 in the evening
    edition") do not void it; a relative stamp ("Updated 2 hours ago") holds no date."""
    iso = dates.stamp_date(text, day_first=day_first)
    if iso:
        return iso
    hit = dates.find_date(text, day_first=day_first)
    return hit[0] if hit else None


def published_date(header_stamps: list[str], tail_stamps: list[str], raw: str) -> Optional[str]:
    """The earliest date of the header's stamps, else of the tail's; None when none is read.

    A header may print the day's date above the masthead and the article's own
    stamp under the byline, or "Published 9 March · Updated 10 March" on two
    lines: the earliest is the publication.
    """
    day_first = dates.page_day_first(raw) if header_stamps or tail_stamps else None
    for stamps in (header_stamps, tail_stamps):
        found = [iso for iso in (_read_stamp(text, day_first) for text in stamps) if iso]
        if found:
            return min(found)
    return None


def dateline_date(dateline: Optional[str], raw: str) -> Optional[str]:
    """The date of a dateline's month and day ("RIYADH, March 11 (Reuters) -"), its year
    from the page's full dates; None when the page does not fix it."""
    return dates.dateline_date(dateline, raw) if dateline else None

