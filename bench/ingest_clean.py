"""Throughput and memory of ingest -> clean -> store on a generated corpus.

Run: .venv/bin/python bench/ingest_clean.py [--articles N] [--json FILE] [--seed S]

Builds at least N distinct articles (default 5000) in a temporary folder from
the evaluation data beside the checkout (../shared/benchmarks), then times, in
this one process and on the same files:

  read+decode        newsgraph.ingest.ingest() only (baseline)
  trafilatura alone  trafilatura.bare_extraction() on the HTML documents only (baseline)
  pipeline           newsgraph.pipeline.run() into a fresh SQLite database
  re-run (skip)      the same run again into the same database (idempotent skip path)

It prints figures and never asserts on them. See bench/README.md.
"""
from __future__ import annotations

import argparse
import gc
import gzip
import html
import json
import os
import platform
import random
import re
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Optional

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"
ECB_FILE = SHARED / "clustering" / "ecbplus_train_dev.jsonl"
HTML_DIRS = {
    "zyte": SHARED / "extraction" / "zyte" / "html",
    "mediacloud": SHARED / "dates" / "html_mediacloud",
}

HTML_SHARE = 0.15  # of the articles written as .html.gz copies of real pages
JSONL_SHARE = 0.15  # of the articles written as lines of .jsonl files; the rest are .txt
OUTLETS = 20  # fake outlets; each one's .txt articles share a folder (a "group")
JSONL_PER_FILE = 50

CITIES = ["ATHENS", "BERLIN", "NAIROBI", "LIMA", "OSLO", "MANILA", "ACCRA", "LISBON",
          "HANOI", "QUITO", "DAKAR", "RIGA", "TUNIS", "OTTAWA", "CANBERRA", "SANTIAGO"]
LICENCES = ["a Creative Commons Attribution 4.0 International License.",
            "the Creative Commons Attribution-ShareAlike 4.0 License.",
            "a CC BY-NC 4.0 licence."]
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])(?:['\"]| '')?\s+(?=[A-Z\"'])")
# A <p> element holding no other block: its inner markup.
_PARAGRAPH = re.compile(
    rb"<p\b[^>]*>((?:(?!</?(?:p|div|script|style|section|article|aside|nav|footer|header|ul|ol|li|table)\b)"
    rb"[^<]|<)*?)</p>", re.S | re.I)
_TAG = re.compile(rb"<[^>]*>")
_BODY = re.compile(rb"<body\b[^>]*>", re.I)


# ---------------------------------------------------------------- corpus


def _sentences(text: str) -> list[str]:
    parts = [s.strip() for s in _SENTENCE_SPLIT.split(" ".join(text.split()))]
    return [s for s in parts if s]


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _headline(title: str, max_words: int = 10) -> str:
    words = title.strip(" .;").split()
    return " ".join(w[:1].upper() + w[1:] for w in words[:max_words])


class TextMaker:
    """Distinct news-like texts from ECB+ documents: shuffled sentences plus boilerplate."""

    def __init__(self, records: list[dict], rng: random.Random):
        self.records = [r for r in records if _sentences(r.get("text") or "")]
        self.headlines = [_headline(r["title"]) for r in self.records
                          if r.get("title") and 3 <= len(r["title"].split())]
        self.rng = rng
        self.bodies: set[str] = set()
        self.count = 0

    def make(self, outlet: str) -> dict:
        rng = self.rng
        record = self.records[self.count % len(self.records)]
        self.count += 1
        for attempt in range(50):
            sentences = _sentences(record["text"])
            rng.shuffle(sentences)
            # Later copies of a source text borrow sentences from other texts.
            for _ in range(min(3, self.count // len(self.records) + attempt)):
                other = _sentences(rng.choice(self.records)["text"])
                sentences += rng.sample(other, min(len(other), rng.randint(1, 3)))
            paragraphs, i = [], 0
            while i < len(sentences):
                step = rng.randint(1, 3)
                paragraphs.append(" ".join(sentences[i:i + step]))
                i += step
            key = _fold(" ".join(paragraphs))
            if key not in self.bodies:
                self.bodies.add(key)
                break
        title = _headline(record.get("title") or sentences[0], 14)
        published = date(2019, 1, 1) + timedelta(days=rng.randrange(5 * 365))
        lines = [title]
        if rng.random() < 0.6:
            lines.append(title)  # repeated title, as some sites print it
        lines.append(f" date {published.isoformat()}")
        lines.append("")
        paragraphs[0] = f"{rng.choice(CITIES)} - {paragraphs[0]}"
        for paragraph in paragraphs:
            lines += [paragraph, ""]
        lines += [f"All content by {outlet} is licensed under {rng.choice(LICENCES)}", ""]
        if rng.random() < 0.8:
            lines.append("Related Stories")
            for k in range(rng.randint(3, 5)):
                headline = rng.choice(self.headlines)
                lines += [headline, headline,
                          (published - timedelta(days=k + 1)).strftime("%d %B %Y")]
        return {"title": title, "published": published.isoformat(), "outlet": outlet,
                "text": "\n".join(lines) + "\n"}


def _norm(text: str) -> str:
    return " ".join(html.unescape(text).split())


_PROBE = "Zqxjv probe sentence of the newsgraph benchmark."


def _extract(page: bytes) -> str:
    import trafilatura

    return trafilatura.extract(page.decode("utf-8", "replace"), include_comments=False,
                               include_tables=True) or ""


def _anchors(page: bytes) -> Optional[list[int]]:
    """Places where a sentence added to the page ends up in its extracted main text: None
    when the page has no main text, [] when no place was found.

    Found once per source page with trafilatura, and checked: first the end of the longest
    <p> element whose text the extractor keeps, then also the ends of the text runs holding
    the main text's longest lines (pages repeat their text in teasers and embedded JSON),
    then every such place."""
    extracted = _extract(page)
    if not extracted.strip():
        return None
    main = _norm(extracted)
    paragraphs, best_len = [], 0
    for match in _PARAGRAPH.finditer(page):
        text = _norm(_TAG.sub(b" ", match.group(1)).decode("utf-8", "replace"))
        if len(text) >= 40 and text[:60] in main:
            paragraphs.append(match.end(1))
            if len(text) > best_len:
                best, best_len = match.end(1), len(text)
    runs: list[int] = []
    lines = sorted({" ".join(line.split()) for line in extracted.splitlines()}, key=len, reverse=True)
    for line in [l for l in lines if len(l.split()) >= 4][:3]:
        words = [re.escape(w.encode("utf-8")) for w in line.split()[:5]]
        for found in re.finditer(rb"\s+".join(words), page):
            end = page.find(b"<", found.end())
            if end > 0:
                runs.append(end)
    tries = [[best]] if paragraphs else []
    tries += [sorted(set(tries[0] if tries else []) | set(runs[:2])), sorted(set(paragraphs) | set(runs))]
    for places in tries:
        if places and _PROBE in _extract(_vary_html(page, places, "probe", _PROBE)):
            return places
    return []


def _vary_html(page: bytes, anchors: list[int], tag: str, sentence: str = "") -> bytes:
    """The page with a unique comment, and ``sentence`` added at each anchor."""
    parts, last = [f"<!-- newsgraph bench copy {tag} -->".encode()], 0
    if sentence:
        for place in anchors:
            parts += [page[last:place], f" {sentence}".encode()]
            last = place
    parts.append(page[last:])
    return b"".join(parts)


def build_corpus(root: Path, articles: int, seed: int) -> dict:
    rng = random.Random(seed)
    n_html = round(articles * HTML_SHARE)
    n_jsonl = round(articles * JSONL_SHARE)
    outlets = [f"Example Outlet {i}" for i in range(1, OUTLETS + 1)]

    with ECB_FILE.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    maker = TextMaker(records, rng)

    # Pages without main text are left out. Round 0 writes each page once (a unique comment:
    # a new raw hash, the same text); each further round copies the pages whose main text
    # can take a unique sentence.
    pages = [(name, p) for name, folder in HTML_DIRS.items() for p in sorted(folder.glob("*.html.gz"))]
    anchors: dict[Path, Optional[list[int]]] = {}
    html_written, copy = 0, 0
    while html_written < n_html:
        usable = 0
        for name, source in pages:
            if html_written == n_html:
                break
            raw = gzip.decompress(source.read_bytes())
            if source not in anchors:
                anchors[source] = _anchors(raw)
            places = anchors[source]
            if places is None or (copy and not places):
                continue
            sentence = ""
            if copy:
                day = date(2020, 1, 1) + timedelta(days=rng.randrange(1500))
                sentence = (f"This copy, number {html_written} of the benchmark corpus, was last "
                            f"reviewed by the desk on {day.strftime('%d %B %Y')} "
                            f"(ref {rng.randrange(10**8):08d}).")
            folder = root / "html" / name
            folder.mkdir(parents=True, exist_ok=True)
            varied = _vary_html(raw, places, f"{html_written}-{copy}", sentence)
            stem = source.name[:-len(".html.gz")]
            (folder / f"{stem}.c{copy}.html.gz").write_bytes(gzip.compress(varied, compresslevel=5))
            html_written += 1
            usable += 1
        if not usable:
            break
        copy += 1

    n_text = articles - n_jsonl - html_written  # .txt articles make up for missing pages
    text_dir = root / "text"
    for i in range(n_text):
        k = i % OUTLETS
        folder = text_dir / f"outlet_{k + 1:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        item = maker.make(outlets[k])
        (folder / f"article_{i:05d}.txt").write_text(item["text"], encoding="utf-8")

    jsonl_dir = root / "jsonl"
    jsonl_dir.mkdir(parents=True)
    for start in range(0, n_jsonl, JSONL_PER_FILE):
        with (jsonl_dir / f"feed_{start // JSONL_PER_FILE:03d}.jsonl").open("w", encoding="utf-8") as out:
            for i in range(start, min(start + JSONL_PER_FILE, n_jsonl)):
                item = maker.make(rng.choice(outlets))
                out.write(json.dumps({"id": f"bench-jsonl-{i:05d}", "text": item["text"],
                                      "title": item["title"], "published": item["published"],
                                      "outlet": item["outlet"]}, ensure_ascii=False) + "\n")

    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    return {"text_files": n_text, "jsonl_lines": n_jsonl,
            "jsonl_files": -(-n_jsonl // JSONL_PER_FILE), "html_files": html_written,
            "articles": n_text + n_jsonl + html_written, "bytes_on_disk": size,
            "html_source_pages": len(pages),
            "html_pages_without_text": sum(a is None for a in anchors.values()),
            "html_pages_not_copied": sum(a == [] for a in anchors.values())}


# ---------------------------------------------------------------- measuring


def _status_kb(field: str) -> Optional[int]:
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    """Reset this process's VmHWM (Linux >= 4.0); False where it is not possible."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


class Stage:
    def __init__(self, name: str):
        self.name = name
        self.docs = 0
        self.seconds = 0.0
        self.cpu = 0.0
        self.rss_before_mb: Optional[float] = None
        self.peak_mb: Optional[float] = None  # VmHWM during the stage
        self.peak_is_stage_only = False
        self.note = ""

    @property
    def rate(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def growth_mb(self) -> Optional[float]:
        if self.peak_mb is None or self.rss_before_mb is None:
            return None
        return max(0.0, self.peak_mb - self.rss_before_mb)

    def as_dict(self) -> dict:
        return {"documents": self.docs, "seconds": round(self.seconds, 3),
                "cpu_seconds": round(self.cpu, 3), "articles_per_s": round(self.rate, 1),
                "rss_before_mb": _r(self.rss_before_mb), "peak_rss_mb": _r(self.peak_mb),
                "rss_growth_mb": _r(self.growth_mb), "peak_is_stage_only": self.peak_is_stage_only,
                "note": self.note}


def _r(value: Optional[float]) -> Optional[float]:
    return None if value is None else round(value, 1)


def measure(name: str, body: Callable[[Stage], None], timed_by_body: bool = False) -> Stage:
    stage = Stage(name)
    gc.collect()
    stage.peak_is_stage_only = _reset_peak()
    rss = _status_kb("VmRSS")
    stage.rss_before_mb = rss / 1024 if rss is not None else None
    start, cpu = time.perf_counter(), time.process_time()
    body(stage)
    if not timed_by_body:
        stage.seconds = time.perf_counter() - start
        stage.cpu = time.process_time() - cpu
    hwm = _status_kb("VmHWM")
    stage.peak_mb = hwm / 1024 if hwm is not None else None
    return stage


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


# ---------------------------------------------------------------- main


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000, help="articles to generate (default 5000)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON to FILE")
    parser.add_argument("--seed", type=int, default=20240613, help="seed of the corpus generator")
    args = parser.parse_args(argv)

    if not SHARED.is_dir():
        print(f"bench: skipped, the shared evaluation data is absent ({SHARED}).")
        return 0

    import trafilatura

    from newsgraph.config import load_options
    from newsgraph.ingest import ingest
    from newsgraph.pipeline import run
    from newsgraph.records import RawDocument
    from newsgraph.store import open_store

    # Ingest and clean only: bench/nlp_stages.py measures the NLP stages.
    options = load_options(overrides={"run": {"progress": False, "workers": 1}, "nlp": {"enabled": False}})
    wall = time.perf_counter()

    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        root = Path(tmp)
        corpus = root / "corpus"
        t0 = time.perf_counter()
        info = build_corpus(corpus, args.articles, args.seed)
        build_seconds = time.perf_counter() - t0
        db_path = str(root / "bench.db")
        paths = [str(corpus)]

        def read_only(stage: Stage) -> None:
            problems = 0
            for item in ingest(paths, options.ingest):
                if isinstance(item, RawDocument):
                    stage.docs += 1
                else:
                    problems += 1
            stage.note = f"{problems} input problems" if problems else ""

        def trafilatura_only(stage: Stage) -> None:
            # Only the extraction calls are timed; reading the pages is not.
            empty = 0
            for item in ingest([str(corpus / "html")], options.ingest):
                if not isinstance(item, RawDocument):
                    continue
                start, cpu = time.perf_counter(), time.process_time()
                result = trafilatura.bare_extraction(item.content, with_metadata=True)
                stage.seconds += time.perf_counter() - start
                stage.cpu += time.process_time() - cpu
                stage.docs += 1
                if result is None or not (result.text or "").strip():
                    empty += 1
            stage.note = f"{empty} pages without text" if empty else ""

        reports = {}

        pool_options = load_options(overrides={"run": {"progress": False, "workers": 0},
                                               "nlp": {"enabled": False}})
        pool_db = str(root / "bench-pool.db")

        def pipeline(key: str, opts=options, db=db_path) -> Callable[[Stage], None]:
            def body(stage: Stage) -> None:
                store = open_store(opts.store, db)
                try:
                    report = run(paths, opts, store)
                finally:
                    store.close()
                reports[key] = report
                stage.docs = report.documents
                stage.note = (f"{report.new_articles} new, {report.duplicates} dup, "
                              f"{report.skipped} skipped, {len(report.problems)} problems")
            return body

        read = measure("read+decode", read_only)
        traf = measure("trafilatura alone (HTML)", trafilatura_only, timed_by_body=True)
        pipe = measure("pipeline (ingest+clean+store)", pipeline("first"))
        pool = measure(f"pipeline, {os.cpu_count()} worker processes", pipeline("pool", pool_options, pool_db))
        rerun = measure("re-run, same db (skip path)", pipeline("again"))
        db_mb = sum(os.path.getsize(p) for p in (db_path, db_path + "-wal") if os.path.exists(p)) / 2**20

    stages = [read, traf, pipe, pool, rerun]
    peak_total = _peak_rss_mb()

    def ratio(stage: Stage) -> Optional[float]:
        return pipe.seconds / stage.seconds if stage.seconds else None

    print(f"newsgraph ingest+clean benchmark  (python {platform.python_version()}, "
          f"trafilatura {trafilatura.__version__}, {os.cpu_count()} CPUs)")
    print(f"corpus: {info['articles']} articles = {info['text_files']} .txt + "
          f"{info['jsonl_lines']} .jsonl lines ({info['jsonl_files']} files) + "
          f"{info['html_files']} .html.gz (copies of {info['html_source_pages']} pages, "
          f"{info['html_pages_without_text']} without text left out); "
          f"{info['bytes_on_disk'] / 2**20:.1f} MB on disk, built in {build_seconds:.1f} s")
    header = (f"{'stage':<31} {'docs':>6} {'seconds':>8} {'cpu s':>7} {'art/s':>8} "
              f"{'pipe/stage':>10} {'peak MB':>8} {'+MB':>6}  note")
    print(header)
    print("-" * len(header))
    for stage in stages:
        r = ratio(stage)
        growth = stage.growth_mb
        print(f"{stage.name:<31} {stage.docs:>6} {stage.seconds:>8.2f} {stage.cpu:>7.2f} "
              f"{stage.rate:>8.1f} {(f'{r:.2f}x' if r else '-'):>10} "
              f"{(f'{stage.peak_mb:.0f}' if stage.peak_mb else '-'):>8} "
              f"{(f'{growth:.0f}' if growth is not None else '-'):>6}  {stage.note}")
    print("-" * len(header))
    print("pipe/stage: pipeline seconds / stage seconds.  peak MB: VmHWM during the stage"
          + ("" if pipe.peak_is_stage_only else " (not resettable here: process peak so far)")
          + ";  +MB: peak minus RSS at stage start.")
    total = time.perf_counter() - wall
    print(f"process peak RSS (ru_maxrss) {peak_total:.0f} MB; database {db_mb:.1f} MB; "
          f"total {total:.0f} s")

    r_read, r_traf = ratio(read), ratio(traf)
    print(f"BENCH ingest_clean articles={pipe.docs} pipeline_articles_per_s={pipe.rate:.1f} "
          f"peak_rss_mb={peak_total:.0f} ratio_vs_read={(r_read or 0):.2f} "
          f"ratio_vs_trafilatura={(r_traf or 0):.2f} pool_articles_per_s={pool.rate:.1f}")

    if args.json:
        figures = {
            "articles": pipe.docs, "pipeline_articles_per_s": round(pipe.rate, 1),
            "peak_rss_mb": round(peak_total, 1), "ratio_vs_read": None if r_read is None else round(r_read, 3),
            "ratio_vs_trafilatura": None if r_traf is None else round(r_traf, 3),
            "ratio_vs_rerun": None if ratio(rerun) is None else round(ratio(rerun), 3),
            "corpus": info, "corpus_build_seconds": round(build_seconds, 2),
            "database_mb": round(db_mb, 2), "total_seconds": round(total, 1),
            "stages": {key: s.as_dict() for key, s in
                       zip(("read_decode", "trafilatura", "pipeline", "rerun"), stages)},
            "pipeline_report": {k: {"documents": rep.documents, "new_articles": rep.new_articles,
                                    "duplicates": rep.duplicates, "skipped": rep.skipped,
                                    "problems": len(rep.problems)} for k, rep in reports.items()},
            "python": platform.python_version(), "trafilatura": trafilatura.__version__,
            "cpus": os.cpu_count(), "seed": args.seed,
        }
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
