"""Long articles: analysis time of one article of 25k, 100k and 1M characters, and how linear it is.

Each article is built from real text, the PolNeAR and ECB+ articles beside the
checkout (../shared/benchmarks), read in place: articles put end to end, as
paragraphs, until the length is reached, so a longer article holds more distinct
names, quotes and events, as a long real one would. Each size is analysed alone
(`analyze_articles`, nlp + quotes + resolve + events, one process), after a warm-up.
Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"


def _source() -> list[str]:
    texts = [p.read_text("utf-8").strip() for p in sorted((SHARED / "quotes" / "polnear" / "dev" / "text").glob("*.txt"))]
    with open(SHARED / "clustering" / "ecbplus_train_dev.jsonl", encoding="utf-8") as handle:
        texts += [json.loads(line)["text"].strip() for line in handle]
    return texts


def _article(texts: list[str], chars: int) -> str:
    parts, total, i = [], 0, 0
    while total < chars:
        parts.append(texts[i % len(texts)])
        total += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)[:chars]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="25000,100000,1000000", help="article lengths in characters")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"bench: skipped, the shared evaluation data is absent ({SHARED}).")
        return 0

    from newsgraph.analyze import analyze_articles, load_resources
    from newsgraph.config import load_options
    from newsgraph.records import Article

    sizes = [int(s) for s in args.sizes.split(",")]
    # no budget and no length limit here: the bench measures the work itself
    options = load_options(overrides={"run": {"workers": 1},
                                      "nlp": {"article_seconds": 1e9, "max_chars": max(sizes) + 1}})
    load_resources(options)
    texts = _source()
    analyze_articles([Article(id="warm", inputs=["warm"], text=_article(texts, 5000), published="2016-10-01")],
                     options)
    print(f"{'chars':>9} {'seconds':>9} {'s/100k':>8} {'mentions':>9} {'quotes':>7} {'events':>7}")
    per_char = {}
    for size in sizes:
        article = Article(id=f"a{size}", inputs=[str(size)], text=_article(texts, size), published="2016-10-01")
        t0 = time.perf_counter()
        [analysis] = analyze_articles([article], options)
        seconds = time.perf_counter() - t0
        per_char[size] = seconds / size
        mentions = sum(len(e.mentions) for e in analysis.entities)
        print(f"{size:9d} {seconds:9.2f} {seconds / size * 100_000:8.2f} {mentions:9d} {len(analysis.quotes):7d} "
              f"{len(analysis.events):7d}" + (f"  error {analysis.error}" if analysis.error else ""))
    small, large = min(sizes), max(sizes)
    linearity = per_char[large] / per_char[small]
    print(f"linearity (time per char at {large} / at {small}): {linearity:.2f}")
    print(f"BENCH long_articles " + " ".join(f"s_per_100k_{s}={per_char[s] * 100_000:.2f}" for s in sizes)
          + f" linearity={linearity:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
