"""The sentence coder: the events stage applied to single sentences.

For evaluation on sentence-level gold (PETRARCH, PLOVER) and for users whose
data are sentences, not articles. Each sentence goes through the same nlp,
resolve and events stages as an article would, with its date as the
publication date.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from .analyze import analyze_articles
from .config import Options
from .records import Article, Event, EventMention

_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str
    date: Optional[str] = None  # YYYY-MM-DD


def read_sentences(lines: Iterable[str], origin: str, on_problem=None) -> Iterator[Sentence]:
    """Sentences of a JSONL stream ({"id", "text", "date"?}); a bad line is reported and skipped."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            _report(on_problem, f"E702 {origin}:{number}: not JSON ({exc.msg})")
            continue
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            _report(on_problem, f"E702 {origin}:{number}: no 'text' string")
            continue
        sid = item.get("id")
        yield Sentence(str(sid) if sid is not None else f"{origin}:{number}", item["text"],
                       normalize_date(item.get("date")))


def _report(on_problem, message: str) -> None:
    if on_problem is not None:
        on_problem(message)


def normalize_date(value) -> Optional[str]:
    """'19950101', '1995-01-01' or '1995-01-01T...' as YYYY-MM-DD; anything else None."""
    if not isinstance(value, (str, int)):
        return None
    text = str(value).strip()
    m = _COMPACT_DATE.match(text) or _ISO_DATE.match(text)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def event_record(sentence_id: str, number: int, m: EventMention) -> dict:
    """An event mention in the contract's EVENT shape, without a mentions list but with its
    trigger: the event as its one sentence tells it."""
    event = Event.of(m, id=f"{sentence_id}#{number}", num_articles=1, num_sources=1)
    return {**event.to_json(mentions=False), "trigger": m.trigger,
            "why": m.why.to_json() if m.why is not None else None}


def code_sentences(sentences: Iterable[Sentence], options: Options,
                   batch_size: int = 256) -> Iterator[tuple[str, list[dict]]]:
    """(id, events) for each sentence, in input order."""
    batch: list[Sentence] = []
    for sentence in sentences:
        batch.append(sentence)
        if len(batch) >= batch_size:
            yield from _code_batch(batch, options)
            batch = []
    if batch:
        yield from _code_batch(batch, options)


def _code_batch(batch: list[Sentence], options: Options) -> Iterator[tuple[str, list[dict]]]:
    articles = [Article(id=s.id, inputs=[s.id], text=s.text, published=s.date) for s in batch]
    for sentence, analysis in zip(batch, analyze_articles(articles, options)):
        yield sentence.id, [event_record(sentence.id, n, m) for n, m in enumerate(analysis.events, 1)]
