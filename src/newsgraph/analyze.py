"""The per-article NLP work of a batch: parse with spaCy, find quotes, resolve, code events.

This is what an engine ships to a worker: a pure function of (articles,
options). Each worker process loads the spaCy pipeline and the knowledge
base once and keeps them for every later batch. It is the one place that
hands one stage's output to the next (no stage imports another); it reaches
the nlp, resolve and events stages through their packages' public entries.
"""
from __future__ import annotations

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
    nlp = load_pipeline(options.nlp, tuple(surnames), org_words(), tuple(countries))
    load_gazetteer()  # read once per worker, with the rest, not on the first article
    return nlp, kb, load_reporting_verbs()


@lru_cache(maxsize=2)
def load_event_lexicon(options: Options):
    """The trigger lexicon with the user's files over it; a bad file is error E701."""
    from .errors import NewsgraphError
    from .events import LexiconError, load_lexicon

    try:
        return load_lexicon(tuple(options.events.lexicon_files))
    except LexiconError as exc:
        where, _, cause = str(exc).partition(": ")
        raise NewsgraphError("E701", where, cause) from None


def analyze_articles(articles: list[Article], options: Options) -> list[ArticleAnalysis]:
    """Entities, quotes and times of each article, in order."""
    from .events import code_events
    from .fuse import sign
    from .nlp import extract_quotes
    from .resolve import resolve_article

    nlp, kb, verbs = load_resources(options)
    lexicon = load_event_lexicon(options) if options.events.enabled else None
    docs = nlp.pipe((a.text for a in articles), batch_size=options.nlp.batch_size)
    results = []
    for article, doc in zip(articles, docs):
        try:
            quotes = extract_quotes(doc, verbs)
            analysis = resolve_article(article, doc, kb, verbs, quotes)
            # signed here, in the workers, so that the fuse stage reads signatures instead of texts
            analysis.story = sign(article)
            if lexicon is not None:
                analysis.events = _kept(code_events(article, doc, analysis, kb, lexicon), options)
            results.append(analysis)
        except Exception as exc:  # one odd article must not cost the batch its analyses
            results.append(ArticleAnalysis(article.id, error=f"{type(exc).__name__}: {exc}"[:200]))
    return results


def _kept(events, options: Options):
    return [e for e in events if e.confidence >= options.events.min_confidence
            and (options.events.keep_hypothetical or "hypothetical" not in e.flags)]
