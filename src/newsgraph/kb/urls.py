"""URL helpers shared by the stages."""
from __future__ import annotations

from typing import Optional
from urllib.parse import urlsplit


def host_of(url: Optional[str]) -> Optional[str]:
    """The host of ``url`` without a leading "www.", or None for no or a broken URL."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None
