"""Main text and metadata of HTML pages and fragments, through trafilatura."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..config import CleanOptions
from ..kb.dates import normalize_date

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class PageContent:
    text: str
    title: Optional[str] = None
    sitename: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None


def extract_page(html: str, url: Optional[str], opts: CleanOptions) -> Optional[PageContent]:
    """The article in a web page, or None when the page holds no article text."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False,
            include_tables=opts.include_tables, favor_precision=opts.favor_precision,
            favor_recall=opts.favor_recall,
            date_extraction_params={"extensive_search": opts.date_extensive_search,
                                    "original_date": True, "outputformat": "%Y-%m-%d"},
        )
    except Exception:  # lxml and trafilatura raise many kinds on hostile markup
        doc = None
    if doc is None or not (doc.text or "").strip():
        text = fragment_text(html)
        return PageContent(text) if text.strip() else None
    return PageContent(
        text=doc.text, title=_clean(doc.title), sitename=_clean(doc.sitename),
        published=normalize_date(doc.date), url=_clean(doc.url) or url,
    )


def fragment_text(html: str) -> str:
    """All the text of an HTML fragment (a feed entry's body), paragraphs on their own lines."""
    import lxml.html
    from lxml.etree import ParserError

    # lxml keeps control characters it parsed but refuses them when a tree is
    # edited, and a "fragment" may look like a whole document: strip them first,
    # and treat any parser complaint as "no text".
    html = _CONTROL.sub(" ", html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
        for bad in root.xpath("//script|//style|//noscript"):
            bad.drop_tree()
        for block in root.xpath("//p|//div|//br|//li|//h1|//h2|//h3|//h4|//h5|//h6|//blockquote|//tr"):
            block.tail = "\n" + (block.tail or "")
        return root.text_content()
    except (ParserError, ValueError, AssertionError, TypeError):
        return ""


def _clean(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    value = " ".join(value.split())
    return value or None
