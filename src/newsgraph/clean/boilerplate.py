"""Page furniture wherever it sits: widgets, ads, teasers, captions, prompts, lists, tails.

A line is furniture by its own shape (``furniture``), or by its place: under a
list heading ("Most Read", "More from Europe") or in the run of short lines
after the article's last sentence. Article prose is never furniture: every
family either needs a shape prose does not have (no closing period, a menu of
widget words) or phrases prose does not use ("Sign up now", "Photo: X/Agency").
"""
from __future__ import annotations

import re
from typing import Optional

from .dates import date_only_line
from .findings import OUTLET_FOOTER, OUTLET_TEASER, Findings, fold, kept
from .footers import copyright_outlet
from .phrases import load_phrases, tokens
from .shapes import (is_comment_count, is_date_stamp, is_menu, is_read_time, is_relative_time, is_sentence,
                     is_widget, items)
from .text import Line

_ADVERT = re.compile(
    r"^(?:advertisement|advertising|advert|sponsored(?:\s+content)?|ad|promoted|"
    r"(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?|"
    r"continue\s+reading(?:\s+(?:below|the\s+main\s+story))?)$", re.I)
_TEASER = re.compile(r"^(?P<label>[^:|]{2,40}?)\s*[:|]\s*(?P<rest>\S.*)$")
_TEASER_MAX_WORDS = 24
# A photo credit closes a caption: "... in Beijing. Photo: Foreign Ministry / handout",
# "(Photo: PDR/Levan K.)", "Photograph: Agency", "Image: X/Agency", "(File photo)".
_CREDIT = re.compile(
    r"(?:^|[\s.;,(\[])(?:photo(?:graph)?s?|image|picture|pic|illustration|graphic|"
    r"photo\s+credit|credit|video|file\s+photo)\s*(?::|by\b)\s*(?P<credit>[^:\"“”]{1,70}?)[)\]]?\s*$"
    r"|\((?:[A-Z][\w/ ]{0,30}\s)?(?:file\s+)?(?:photo|image|picture)s?\)\s*$", re.I)
# A credit of photographer and agency at the end of a caption: "... on Monday. Jane Roe/Agency".
_AGENCY_CREDIT = re.compile(
    r"[.!?]\s+[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}\s?/"
    r"\s?[A-Z][\w.'’-]*(?:\s(?:via\s)?[A-Z][\w.'’-]*){0,3}\)?$")
_CAPTION_LABEL = re.compile(r"^(?:image|photo|picture|video)\s+(?:caption|source|credit)\s*[,:]", re.I)
_CONTRIBUTED = re.compile(r"\bcontributed\s+(?:to\s+this\s+(?:report|story|article)|reporting)\b", re.I)
_SOURCE_CREDIT = re.compile(r"^sources?\s*:\s*[A-Z][^.]{0,40}$")
_SIGN_OFF = re.compile(r"^[-–—(]\s*(?:with\s+)?(?:agencies|agency\s+inputs?|wires?|[A-Z]{2,6})\s*\)?$", re.I)
_STANDARDS = re.compile(r"^our\s+(?:standards|editorial\s+(?:standards|guidelines|policy)|trust\s+principles)\b", re.I)
_ARTICLE_NOTE = re.compile(
    r"^this\s+(?:article|story|report|piece|post)\s+(?:was|has\s+been|is)\s+(?:first\s+|originally\s+)?"
    r"(?:published|updated|amended|corrected|republished|produced|translated)\b", re.I)
_CAPTION_MAX_WORDS = 60
_TAGS = re.compile(
    r"^(?:tags?|tagged(?:\s+with)?|topics?|keywords?|filed\s+under|related\s+topics|categories|category)"
    r"\s*:\s*\S[^.!?]*$", re.I)
_CALL_TO_ACTION = re.compile(
    r"(?:subscribe|sign\s+up(?:\s+(?:now|here|today))?|accept(?:\s+all)?|ok|okay|got\s+it|"
    r"donate(?:\s+(?:now|today))?|register|join(?:\s+now)?|learn\s+more|find\s+out\s+more)[.!]?$", re.I)
_PROMPT_MEDIA = re.compile(
    r"\b(?:whatsapp|telegram|newsletter|inbox|email|e-mail|app|briefing|alerts?|members?|"
    r"donors?|twitter|facebook|instagram|youtube|podcast|x)\b", re.I)
_COMMENT_TITLE = re.compile(r"^\d+\s+(?:thoughts|responses|replies|comments)\s+(?:on|to)\b", re.I)
_CREDIT_MAX_WORDS = 45
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*$")
_TEASER_SOURCE = re.compile(r"^(?P<outlet>[A-Z][\w&'.]*(?:\s+[A-Z][\w&'.]*){0,3})\s+[-–—]\s+\S")
_LIST_ITEM_MAX_WORDS = 24
_FURNITURE_MAX_WORDS = 60


def furniture(text: str) -> Optional[str]:
    """The family of a line that is page furniture by its own shape, else None."""
    if text.count(" ") > 2 * _FURNITURE_MAX_WORDS:
        return "tags" if _TAGS.match(text) else None
    words = tokens(text)
    if not words:
        return None
    if len(words) > _FURNITURE_MAX_WORDS:
        return "tags" if _TAGS.match(text) else None  # a paragraph of prose: no family is that long
    phrases = load_phrases()
    if _ADVERT.match(text):
        return "advertisement"
    if is_read_time(text) or is_relative_time(text):
        return "stamp"
    if _SIGN_OFF.match(text) or _STANDARDS.match(text) or _SOURCE_CREDIT.match(text) or (
            _CONTRIBUTED.search(text) and len(words) <= 25):
        return "credits"
    if _CAPTION_LABEL.match(text):
        return "caption"
    if _ARTICLE_NOTE.match(text) and len(words) <= 30:
        return "note"
    if is_widget(text):
        return "widget"
    if _TAGS.match(text):
        return "tags"
    if is_copyright(text):
        return "copyright"
    if _is_comments(text, words):
        return "comments"
    if _is_credit(text):
        return "credits"
    if _is_prompt(text, words):
        return "prompt"
    if _is_teaser(text):
        return "teaser"
    if _is_caption(text):
        return "caption"
    if is_list_heading(text):
        return "list-heading"
    if phrases.comments.covers(words) and not is_sentence(text):
        return "comments"
    return None


def is_copyright(text: str) -> bool:
    if len(text.split()) > 40:
        return False
    return bool(re.match(r"^\s*(?:©|\(c\)\s|copyright\b)", text, re.I) or "©" in text
                or re.search(r"\ball\s+rights\s+reserved\b", text, re.I))


def is_list_heading(text: str) -> bool:
    """The heading of a headline list: "Most Read", "More from Europe", "RELATED COVERAGE"."""
    words = tokens(text)
    if not words or len(words) > 7 or is_sentence(text):
        return False
    headings = load_phrases().list_headings
    if headings.covers(words):
        return True
    # "More from <section or site>", "Most viewed in World": a heading phrase and a name.
    return (bool(re.match(r"^(?:more|most\s+\w+|latest|also)\s+(?:from|in|on)\s+\S", text, re.I))
            and len(words) <= 6)


def _is_comments(text: str, words: list[str]) -> bool:
    if _COMMENT_TITLE.match(text):
        return True
    parts = items(text)
    comments = load_phrases().comments
    return bool(parts) and all(is_comment_count(p) or (comments.covers(tokens(p)) and not is_sentence(p))
                               for p in parts) and any(is_comment_count(p) for p in parts)


def _is_credit(text: str) -> bool:
    body = text.lstrip("(—–- ")
    if len(text.split()) > _CREDIT_MAX_WORDS or not load_phrases().credits.starts(tokens(body)):
        return False
    return text.rstrip().endswith(")") or not is_sentence(text) or len(text.split()) <= 12


def _is_prompt(text: str, words: list[str]) -> bool:
    """Cookie, newsletter, donation and follow prompts."""
    if len(words) > 40 or is_menu(text):
        return False  # "Home | News | Donate | Contact" is a menu
    phrases = load_phrases()
    hits = len(phrases.prompts.found_in(words))
    opener = phrases.prompt_openers.starts(words)
    if "cookie" in words or "cookies" in words or re.match(r"^(?:click|tap)\s+here\b", text, re.I):
        return True
    if not is_sentence(text):
        # "Get the Morning Briefing in your inbox. Sign up now", "Follow X on Telegram"
        return hits >= 1 or (bool(_CALL_TO_ACTION.search(text)) and len(words) <= 30) or (
            opener and bool(_PROMPT_MEDIA.search(text)))
    # A closed sentence is a prompt only with two marks ("X is reader-funded. Become a
    # member from 5 euros a month."): "Support for the plan grew." is prose.
    return hits >= 2


def _is_teaser(text: str) -> bool:
    """An in-body link to another story: "READ MORE: <headline>", "Also Read | <headline>"."""
    match = _TEASER.match(text)
    if not match:
        return False
    label, rest = tokens(match["label"]), match["rest"]
    teasers = load_phrases().teasers
    if not (teasers.covers(label) or teasers.starts(label)) or len(label) > 6:
        return False
    return len(rest.split()) <= _TEASER_MAX_WORDS and not rest.endswith(".")


def _is_caption(text: str) -> bool:
    if len(text.split()) > _CAPTION_MAX_WORDS:
        return False
    if _AGENCY_CREDIT.search(text):
        return True
    match = _CREDIT.search(text)
    if not match:
        return False
    credit = (match["credit"] or "").strip().rstrip("'’\"”")
    if match["credit"] is not None and not re.search(r"[^\W\d_]", credit):
        return False  # "... a photo by." credits nobody
    # "He posted a video: the crowd cheered." is prose: a credit is a name, not a sentence.
    closed = credit.endswith((".", "!", "?")) and not text.rstrip().endswith(")") \
        and not re.search(r"\b[A-Z]\.$", credit)
    return len(credit.split()) <= 8 and not closed


def nav_like(text: str) -> bool:
    """A line of a headline list: short, unclosed, a date, or a teaser cut short."""
    if date_only_line(text) or is_date_stamp(text) or _ELLIPSIS.search(text):
        return True
    return len(text.split()) <= _LIST_ITEM_MAX_WORDS and not is_sentence(text)


def strip_furniture(lines: list[Line], found: Findings) -> None:
    """Drop every line that is furniture by its own shape, wherever it stands."""
    for line in kept(lines):
        text = line.text.strip()
        family = furniture(text)
        if family == "copyright" and (outlet := copyright_outlet(text)):
            found.outlets.append((OUTLET_FOOTER, outlet))
        if family:
            found.drop(line, family)


def strip_lists(lines: list[Line], found: Findings) -> None:
    """A list heading and the headline lines under it, up to the next paragraph of prose."""
    current = None
    for line in lines:
        if line.blank:
            continue
        text = fold(line.text)
        if line.dropped:
            if line.why == "list-heading":
                current = line
            continue
        if current is None:
            continue
        if nav_like(text) or (len(text.split()) <= 16 and text.endswith(("?", "!"))):
            teaser = _TEASER_SOURCE.match(text)
            if teaser and _ELLIPSIS.search(text):
                found.outlets.append((OUTLET_TEASER, teaser["outlet"]))
            found.drop(line, "navigation")
        else:
            current = None


def strip_tail(lines: list[Line], found: Findings, min_lines: int = 3, need_heading: bool = False) -> None:
    """Short unclosed lines after the last sentence, among furniture: the page's tail.

    Example: "Reporting by A; Editing by B" (credit) / "Our Standards: how we report"
    / "Trending" (list): the middle line has no family of its own, but it stands
    after the last sentence of the article, between furniture, so it goes too.
    """
    last_sentence = max((i for i, line in enumerate(lines)
                         if not line.dropped and not line.blank and not nav_like(fold(line.text))),
                        default=-1)
    after = lines[last_sentence + 1:]
    # The main text of a web page has lost its menus already; what ends it without a list
    # heading is article text (tour dates, results tables), so a page needs the heading.
    furnished = any(line.dropped and (line.why == "list-heading" if need_heading
                                      else line.why not in ("", "recurring")) for line in after)
    if need_heading and not furnished:
        return
    # With no furniture, a run of short lines is a tail only with the marks of a headline
    # list: dates under the titles ("Ferry fares to rise" / "09 Feb 2024").
    left = [fold(line.text) for line in after if not line.dropped and not line.blank]
    dated = sum(1 for text in left if date_only_line(text) or is_date_stamp(text))
    if not furnished and not (len(left) >= min_lines and dated >= 2):
        return
    for line in after:
        if not line.dropped and not line.blank:
            found.drop(line, "navigation")
