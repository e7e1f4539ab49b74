"""Dates given by containers and page metadata (JSONL fields, feed entries, WARC headers, HTML meta)."""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def normalize_date(value: Optional[str]) -> Optional[str]:
    """``YYYY-MM-DD`` from an ISO-like date or timestamp, else None (never a guess)."""
    if not value:
        return None
    match = _ISO.match(value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None
