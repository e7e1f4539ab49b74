"""NLP stages throughput: articles/s and peak RSS of nlp+resolve(+events), and the ratio to spaCy alone.

All run in this process on the same texts with the same model, so the ratios
(how much newsgraph's resolution, quotes, times and event coding add to
spaCy's own parsing) carry over from one machine to another. Texts: the ECB+ and
PolNeAR articles beside the checkout (../shared/benchmarks), evaluation data
read in place, never copied. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"


def _texts(limit: int) -> list[str]:
    texts = []
    with open(SHARED / "clustering" / "ecbplus_train_dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            texts.append(f"{row['title']}\n\n{row['text']}")
    texts += [p.read_text("utf-8") for p in sorted((SHARED / "quotes" / "polnear" / "dev" / "text").glob("*.txt"))]
    return texts[:limit]


class _StageTimer:
    """Times the events stage's own entry inside a full run.

    The events share used to be the difference of two whole runs (with and without
    events), each minutes long, so a little machine noise moved it by several points.
    Timing ``code_events`` itself, in the same run as the total it is divided by, is
    not disturbed by another run's noise.
    """

    def __init__(self):
        import newsgraph.events as events

        self.module, self.original, self.seconds = events, events.code_events, 0.0

    def __enter__(self):
        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return self.original(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - t0

        self.module.code_events = timed
        return self

    def __exit__(self, *exc):
        self.module.code_events = self.original


WARM_UP = 40  # articles run untimed before each configuration


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600, help="articles to process (default 600)")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"bench: skipped, the shared evaluation data is absent ({SHARED}).")
        return 0

    from newsgraph.analyze import load_resources, analyze_articles
    from newsgraph.clean import article_id
    from newsgraph.config import load_options
    from newsgraph.records import Article

    options = load_options(overrides={"run": {"workers": 1}})
    texts = _texts(args.articles)
    articles = [Article(id=article_id(t), inputs=[str(i)], text=t, published="2016-10-01")
                for i, t in enumerate(texts)]
    tokens = 0
    t0 = time.perf_counter()
    nlp, _kb, _verbs = load_resources(options)
    load_s = time.perf_counter() - t0
    rss_loaded = _rss_mb()

    # each configuration first runs a few articles untimed, so that what is built once on first
    # use (the model's and the lexicons' lazy tables, the knowledge base's memos) is not charged
    # to whichever run happens to come first
    warm = articles[:WARM_UP]
    list(nlp.pipe([a.text for a in warm]))
    t0 = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=options.nlp.batch_size):
        tokens += len(doc)
    spacy_s = time.perf_counter() - t0

    no_events = load_options(overrides={"run": {"workers": 1}, "events": {"enabled": False}})
    load_resources(no_events)  # same model; loaded outside the timing
    analyze_articles(warm, no_events)
    t0 = time.perf_counter()
    analyze_articles(articles, no_events)
    resolve_s = time.perf_counter() - t0

    analyze_articles(warm, options)
    with _StageTimer() as builtin_events:
        t0 = time.perf_counter()
        analyses = analyze_articles(articles, options)
        full_s = time.perf_counter() - t0
    # both lexicons: the built-in one and PETRARCH2's CAMEO.2.0 as its fallback
    from newsgraph.events.lexicon import cameo2_dictionary

    both = load_options(overrides={"run": {"workers": 1}, "events": {"cameo2_verbs": "fallback"}})
    cameo2_dictionary.cache_clear()
    t0 = time.perf_counter()
    cameo2_dictionary()
    dictionary_s = time.perf_counter() - t0
    load_resources(both)
    analyze_articles(warm, both)
    with _StageTimer() as both_events:
        t0 = time.perf_counter()
        analyze_articles(articles, both)
        both_s = time.perf_counter() - t0
    n = len(articles)
    events = sum(len(a.events) for a in analyses)
    mentions = sum(len(e.mentions) for a in analyses for e in a.entities)
    quotes = sum(len(a.quotes) for a in analyses)
    print(f"{n} articles, {tokens} tokens; pipeline and knowledge base loaded in {load_s:.1f} s "
          f"(RSS {rss_loaded:.0f} MB)")
    print(f"{'stage':34} {'seconds':>8} {'art/s':>8} {'tokens/s':>9}")
    print(f"{'spaCy alone (nlp.pipe)':34} {spacy_s:8.2f} {n / spacy_s:8.1f} {tokens / spacy_s:9.0f}")
    print(f"{'nlp + resolve (newsgraph)':34} {resolve_s:8.2f} {n / resolve_s:8.1f} {tokens / resolve_s:9.0f}")
    print(f"{'nlp + resolve + events (newsgraph)':34} {full_s:8.2f} {n / full_s:8.1f} {tokens / full_s:9.0f}")
    print(f"found {mentions} mentions, {quotes} quotes and {events} events; peak RSS {_rss_mb():.0f} MB")
    print(f"BENCH nlp_stages articles={n} articles_per_s={n / resolve_s:.1f} "
          f"ratio_vs_spacy={resolve_s / spacy_s:.2f} peak_rss_mb={_rss_mb():.0f}")
    print(f"BENCH events articles={n} articles_per_s={n / full_s:.1f} ratio_vs_spacy={full_s / spacy_s:.2f} "
          f"events_share={builtin_events.seconds / full_s:.2f} events_s={builtin_events.seconds:.1f} "
          f"events_per_article={events / n:.2f}")
    print(f"BENCH events_both_lexicons articles={n} events_share={both_events.seconds / both_s:.2f} "
          f"events_s={both_events.seconds:.1f} cameo2_load_s={dictionary_s:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
