"""Stage 2, clean: one RawDocument to one Article.

Public entry: :func:`clean_document`. Boilerplate goes (licence footers, story
codes, repeated titles, header dates, datelines, site labels, navigation
tails, lines recurring across an outlet's articles) and what it told is kept:
outlet, title, publication date, dateline. Pure per document; the recurring
lines of its group are passed in.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Optional, Union

from ..config import CleanOptions
from ..errors import describe
from ..kb.urls import host_of
from ..records import Article, InputProblem, RawDocument
from .boilerplate import strip_furniture, strip_lists, strip_tail
from .datereading import dateline_date, published_date
from .dateline import strip_dateline
from .findings import Findings, kept
from .footers import strip_footers, strip_recurring, strip_site_labels
from .header import mentioned_outlets, strip_header, strip_tail_stamps
from .html import extract_page
from .outlets import OutletTable, load_outlets
from .profile import recurring_lines
from .text import compose, split_lines

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'"})


def article_id(text: str) -> str:
    """Content hash of the normalised text: the same article from two inputs gets one id."""
    norm = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    norm = " ".join(norm.split())
    return hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def clean_document(doc: RawDocument, options: CleanOptions,
                   recurring: frozenset[str] = frozenset()) -> Union[Article, InputProblem]:
    """Clean ``doc``; an InputProblem (E201) when it holds no article text."""
    outlets = load_outlets(options.outlets_file or None)
    if doc.format == "html":
        return _clean_html(doc, options, outlets)
    return _clean_text(doc, doc.content, options, outlets, recurring)


def _clean_text(doc: RawDocument, raw: str, options: CleanOptions, outlets: OutletTable,
                recurring: frozenset[str], page_title: Optional[str] = None,
                is_page: bool = False) -> Union[Article, InputProblem]:
    lines = split_lines(raw)
    found = Findings()
    strip_footers(raw, lines, found)
    strip_furniture(lines, found)
    body = strip_header(raw, lines, found, outlets, find_headline=not is_page)
    strip_site_labels(raw, lines, found, outlets)
    first = body if body is not None and not body.dropped else next(iter(kept(lines)), None)
    strip_dateline(raw, first, found, outlets)
    strip_lists(lines, found)
    strip_tail_stamps(lines, found, body)
    strip_tail(lines, found, options.tail_min_lines, need_heading=is_page)
    strip_recurring(lines, recurring)
    mentioned_outlets(raw, found)
    found.published = (found.published or published_date(found.header_stamps, found.tail_stamps, raw)
                       or dateline_date(found.dateline_text, raw))
    text, offset_map = compose(raw, lines)
    if not text.strip():
        return InputProblem(doc.input_id, "E201", describe("E201"))
    outlet = doc.outlet or _printed_case(found.outlet(), raw)
    return Article(
        id=article_id(text), inputs=[doc.input_id], text=text,
        outlet=outlets.canonical(outlet) if outlet else None,
        title=doc.title or page_title or found.title,
        published=doc.published or found.published,
        dateline=found.dateline, url=doc.url, format=doc.format, retrieved=doc.retrieved,
        offset_map=offset_map, removed=sorted(set(found.removed)), raw_hash=doc.raw_hash,
        sources=[(doc.input_id, doc.raw_hash)],
    )


def _printed_case(name: Optional[str], raw: str) -> Optional[str]:
    """An upper-case masthead ("HARBOUR GAZETTE") as the page spells it elsewhere, if it does."""
    if not name or not name.isupper():
        return name
    for match in re.finditer(re.escape(name), raw, re.I):
        if not match.group().isupper():
            return match.group()
    return name


def _clean_html(doc: RawDocument, options: CleanOptions,
                outlets: OutletTable) -> Union[Article, InputProblem]:
    page = extract_page(doc.content, doc.url, options)
    if page is None:
        return InputProblem(doc.input_id, "E201", describe("E201"))
    url = doc.url or page.url
    article = _clean_text(doc, page.text, options, outlets, frozenset(),
                          page_title=page.title, is_page=True)
    if isinstance(article, InputProblem):
        return article
    article.url = url
    article.published = doc.published or page.published or article.published
    if not doc.outlet:
        host = host_of(url)
        article.outlet = (outlets.by_host(host) or (outlets.canonical(page.sitename) if page.sitename else None)
                          or article.outlet or host)
    # Offsets of a page map into the extracted main text, not into the markup.
    return article


__all__ = ["clean_document", "article_id", "recurring_lines"]
