"""The per-article NLP work of a batch: parse with spaCy, find quotes, resolve, code events.

This is what an engine ships to a worker: a pure function of (articles,
options). Each worker process loads the spaCy pipeline and the knowledge
base once and keeps them for every later batch. It is the one place that
hands one stage's output to the next (no stage imports another); it reaches
the nlp, resolve and events stages through their packages' public entries.
"""
from __future__ import annotations

import time
from functools import lru_cache

from .config import Options
from .records import Article, ArticleAnalysis


@lru_cache(maxsize=2)
def load_resources(options: Options):
    """The spaCy pipeline, knowledge base and reporting verbs: loaded once per process."""
    from .kb import load_kb
    from .kb.entity_words import org_words
    from .kb.gazetteer import load_gazetteer
    from .nlp import load_pipeline, load_reporting_verbs

    kb = load_kb(tuple(options.nlp.actor_files))
    surnames = sorted({a.name.split()[-1].casefold() for a in kb.actors()
                       if a.type == "PERSON" and len(a.name.split()) > 1 and len(a.name.split()[-1]) > 3
                       and kb.country_of_word(a.name.split()[-1]) is None})
    countries = sorted({n for c in kb.countries.values() for n in (c.name, *c.names) if n and len(n.split()) <= 3})
    demonyms = sorted({d for c in kb.countries.values() for d in c.demonyms if d})
    nlp = load_pipeline(options.nlp, tuple(surnames), org_words(), tuple(countries), tuple(demonyms))
    load_gazetteer()  # read once per worker, with the rest, not on the first article
    return nlp, kb, load_reporting_verbs()


@lru_cache(maxsize=2)
def load_event_lexicon(options: Options):
    """The trigger lexicon with the user's files over it; a bad file is error E701."""
    from .errors import NewsgraphError
    from .events import LexiconError, load_lexicon

    try:
        return load_lexicon(tuple(options.events.lexicon_files), tuple(options.events.verb_files),
                            fallback=options.events.cameo2_verbs == "fallback")
    except LexiconError as exc:
        where, _, cause = str(exc).partition(": ")
        raise NewsgraphError("E701", where, cause) from None


class ArticleTimeout(Exception):
    """An article's analysis ran over its time budget (E604)."""


class Deadline:
    """The time budget of one article, checked cooperatively.

    A worker cannot be interrupted safely from outside (a signal or a killed worker
    would cost the whole batch, and the pool its process), so the stages call
    :meth:`check` where they loop: between sections of a long parse, every few
    hundred tokens of quote extraction, once a sentence in event coding, and here
    between stages. The stages know only the method, not this class. Resolution has
    no checks inside: it is linear in the article and bounded by ``nlp.max_chars``,
    so an article may overrun its budget by at most one resolve pass.
    """

    __slots__ = ("seconds", "end", "stage")

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.stage = "parse"

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise ArticleTimeout(f"over nlp.article_seconds = {self.seconds:g} s, in {self.stage}")


def analyze_articles(articles: list[Article], options: Options) -> list[ArticleAnalysis]:
    """Entities, quotes and times of each article, in order.

    An article of at most ``nlp.section_chars`` characters is parsed in one piece,
    batched with the others through ``nlp.pipe`` as always; a longer one in sections
    (:func:`newsgraph.nlp.parse_in_sections`), one Doc with the article's offsets; one
    over ``nlp.max_chars`` is not parsed (E603). Each article has ``nlp.article_seconds``
    (E604, see :class:`Deadline`): counted from the start of its sectioned parse, or for
    a short article from when its Doc is ready (its parse is shared with its nlp.pipe
    batch and bounded by section_chars). Either way the rest of the batch goes on.
    """
    from .events import code_events
    from .fuse import sign
    from .nlp import extract_quotes, parse_in_sections
    from .resolve import resolve_article

    nlp, kb, verbs = load_resources(options)
    lexicon = load_event_lexicon(options) if options.events.enabled else None
    limits = options.nlp
    whole = [a.text for a in articles if len(a.text) <= min(limits.section_chars, limits.max_chars)]
    docs = iter(nlp.pipe(whole, batch_size=limits.batch_size))
    results = []
    for article in articles:
        size = len(article.text)
        if size > limits.max_chars:
            results.append(ArticleAnalysis(article.id, error=f"{size} characters, over nlp.max_chars = "
                                           f"{limits.max_chars}", error_code="E603"))
            continue
        if size <= limits.section_chars:
            doc = next(docs)
            deadline = Deadline(limits.article_seconds)
        else:
            doc, deadline = None, Deadline(limits.article_seconds)
        try:
            if doc is None:
                doc = parse_in_sections(nlp, article.text, limits.section_chars, limits.batch_size,
                                        deadline.check)
            deadline.stage = "quotes"
            quotes = extract_quotes(doc, verbs, deadline)
            deadline.check()
            deadline.stage = "resolve"
            analysis = resolve_article(article, doc, kb, verbs, quotes)
            deadline.check()
            # signed here, in the workers, so that the fuse stage reads signatures instead of texts
            analysis.story = sign(article)
            if lexicon is not None:
                deadline.stage = "events"
                analysis.events = _kept(code_events(article, doc, analysis, kb, lexicon, deadline), options)
            results.append(analysis)
        except ArticleTimeout as exc:
            results.append(ArticleAnalysis(article.id, error=str(exc), error_code="E604"))
        except Exception as exc:  # one odd article must not cost the batch its analyses
            results.append(ArticleAnalysis(article.id, error=f"{type(exc).__name__}: {exc}"[:200]))
    return results


def _kept(events, options: Options):
    return [e for e in events if e.confidence >= options.events.min_confidence
            and (options.events.keep_hypothetical or "hypothetical" not in e.flags)]
