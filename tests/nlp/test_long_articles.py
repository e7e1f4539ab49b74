"""Long articles: parsed in sections with exact offsets, refused over max_chars (E603),
stopped over the time budget (E604); the rest of the batch is analysed either way."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.analyze import analyze_articles
from newsgraph.config import load_options
from newsgraph.nlp.sections import section_bounds
from newsgraph.pipeline import _analysis_problems
from newsgraph.records import Article, ArticleAnalysis

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "text"


def _texts() -> list[str]:
    return [p.read_text("utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


def _long(chars: int) -> str:
    texts, parts, i = _texts(), [], 0
    while sum(len(p) + 2 for p in parts) < chars:
        parts.append(texts[i % len(texts)].strip())
        i += 1
    return "\n\n".join(parts)[:chars]


def _article(i: int, text: str) -> Article:
    return Article(id=f"a{i}", inputs=[f"in{i}"], text=text, published="2021-05-10")


def test_sections_cover_the_text_end_to_end():
    text = _long(90_000)
    bounds = section_bounds(text, 20_000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a == b for (_, a), (b, _) in zip(bounds, bounds[1:]))
    assert all(b - a <= 20_000 for a, b in bounds) and len(bounds) >= 5
    # cut at paragraph breaks: every section but the last ends with the blank line
    assert all(text[b - 1] == "\n" for _, b in bounds[:-1])
    unbroken = "word " * 10_000  # no paragraph, no sentence: cut at spaces
    assert all(unbroken[b - 1] == " " for _, b in section_bounds(unbroken, 20_000)[:-1])


def test_a_sectioned_article_keeps_its_offsets():
    options = load_options(overrides={"run": {"workers": 1}})
    text = _long(50_000)
    [analysis] = analyze_articles([_article(0, text)], options)
    assert analysis.error is None
    mentions = [m for e in analysis.entities for m in e.mentions]
    assert len(mentions) > 50
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert analysis.quotes and all(text[q.start:q.end] == q.text for q in analysis.quotes)
    assert analysis.events and all(text[e.start:e.end] == e.sentence for e in analysis.events)
    # spread over the whole text, not only the first section
    assert max(m.start for m in mentions) > 40_000


def test_an_article_over_max_chars_is_not_analysed_and_the_batch_goes_on():
    options = load_options(overrides={"run": {"workers": 1}})
    huge = "The minister spoke. " * 155_000  # 3.1 M characters: spaCy alone would refuse it (E088)
    short = _texts()[0]
    analyses = analyze_articles([_article(0, huge), _article(1, short)], options)
    assert analyses[0].error_code == "E603" and "max_chars" in analyses[0].error
    assert analyses[1].error is None and analyses[1].entities
    articles = [_article(0, huge), _article(1, short)]
    [problem] = _analysis_problems(articles, [(a, None) for a in analyses])
    assert problem.code == "E603" and problem.source == "in0"


def test_the_time_budget_stops_one_article_and_the_batch_goes_on():
    options = load_options(overrides={"run": {"workers": 1}, "nlp": {"article_seconds": 0.5}})
    texts = _texts()
    batch = [_article(0, texts[0]), _article(1, _long(150_000)), _article(2, texts[1])]
    analyses = analyze_articles(batch, options)
    assert analyses[1].error_code == "E604" and "article_seconds" in analyses[1].error
    assert analyses[0].error is None and analyses[2].error is None
    assert analyses[0].entities and analyses[2].entities
    [problem] = _analysis_problems(batch, [(a, None) for a in analyses])
    assert problem.code == "E604"


def test_analysis_errors_keep_their_code():
    problems = _analysis_problems([_article(0, "x")], [(ArticleAnalysis("a0", error="boom"), None)])
    assert [p.code for p in problems] == ["E602"]


@pytest.mark.parametrize("size", [5_000])
def test_short_articles_are_parsed_in_one_piece(size):
    options = load_options(overrides={"run": {"workers": 1}})
    assert size < options.nlp.section_chars
    assert section_bounds(_long(size), options.nlp.section_chars) == [(0, len(_long(size)))]
