"""Fuse stage alone: wall time and peak RSS of fuse_store() on 25k and 100k analysed articles, and the growth.

Stores grown from a real seed (the sample corpus and ECB+ articles run through
the pipeline once), each size fused in a process of its own after a baseline
read of the same inputs. See bench/README.md. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from bisect import bisect_right
from collections import defaultdict
from datetime import date, timedelta
from operator import itemgetter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ECB = SHARED / "benchmarks" / "clustering" / "ecbplus_train_dev.jsonl"
SEED_ECB_DOCS = 250
WORD = re.compile(r"\b(?:[A-Za-z][A-Za-z]{2,}|\d{2,})\b")  # words, names and the numbers story grouping reads
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
ARTICLE_TABLES = ("inputs", "mentions", "quotes", "times", "event_mentions")
SPAN_TEXT = {"mentions": "text", "quotes": "text", "event_mentions": "sentence", "times": "text"}
FUSE_TABLES = {"near_duplicates"}  # what fuse_store writes besides events, groups and stories


def build_seed(path: Path) -> None:
    from newsgraph.config import load_options
    from newsgraph.pipeline import run
    from newsgraph.store.sqlite import SQLiteStore

    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        converted, picked = Path(tmp) / "ecb_all.jsonl", Path(tmp) / "ecb.jsonl"
        subprocess.run([sys.executable, str(SHARED / "tools" / "ecb_to_input.py"), str(ECB), str(converted)],
                       check=True, stderr=subprocess.DEVNULL)
        lines = converted.read_text("utf-8").splitlines()
        # every k-th document, so that the seed spans all ECB+ topics, not the first few
        picked.write_text("\n".join(lines[::max(1, len(lines) // SEED_ECB_DOCS)][:SEED_ECB_DOCS]) + "\n", "utf-8")
        with SQLiteStore(path) as store:
            report = run([str(ROOT / "examples"), str(picked)], load_options(), store)
    print(f"seed: {report.summary()}; built in {time.perf_counter() - t0:.0f} s ({path})", flush=True)


def _shift(value, days: int):
    try:  # a day; null, a month or a year stay as they are
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() + value[10:]
    except (TypeError, ValueError):
        return value


def _h(*parts) -> str:
    return hashlib.sha1(":".join(map(str, parts)).encode()).hexdigest()


def _novel(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def _table(conn, name: str) -> tuple[list[str], list[dict]]:
    cursor = conn.execute(f"SELECT * FROM {name}")
    cols = [d[0] for d in cursor.description]
    return cols, [dict(zip(cols, row)) for row in cursor]


class Seed:
    """One stored article with everything the earlier stages wrote about it."""

    def __init__(self, row: dict, children: dict[str, list[dict]]):
        self.row, self.children = row, children
        self.tokens = [(m.start(), m.end(), m[0]) for m in WORD.finditer(row["text"])]
        self.vocab = sorted({w for _, _, w in self.tokens if w.islower()})
        self.numbers = sorted({w for _, _, w in self.tokens if w.isdigit()})
        # names: capitalised words the article never writes in lower case ("Felt", not "Police ... police")
        lower = set(self.vocab)
        self.names = sorted({w for _, _, w in self.tokens if w[0].isupper() and w.lower() not in lower})
        self.records = {r["id"]: json.loads(r["record"]) for r in children["event_mentions"]}
        # speakers and event actors are among the entities mentioned
        self.entity_ids = sorted({r["entity_id"] for r in children["mentions"]})


def _vary(text: str, tokens, decisions: dict[str, str]):
    """The text with the decided words replaced ('' drops one), and the map from old offsets to new."""
    out, ends, shifts, last, delta = [], [], [], 0, 0
    for start, end, word in tokens:
        if word in decisions:
            new = decisions[word]
            if not new and text[end:end + 1] == " ":
                end += 1
            out += (text[last:start], new)
            last, delta = end, delta + len(new) - (end - start)
            ends.append(end)
            shifts.append(delta)
    out.append(text[last:])
    new_text = "".join(out)

    def moved(x: int) -> int:
        k = bisect_right(ends, x)
        return min(len(new_text), max(0, x + (shifts[k - 1] if k else 0)))
    return new_text, moved


def _apply(text, decisions: dict[str, str]):
    return text and WORD.sub(lambda m: decisions.get(m[0]) or m[0], text)


class Cloner:
    """Rows of cloned articles, held in memory until one insert per table (the tables' own columns)."""

    def __init__(self, conn, rng: random.Random):
        self.cols = {t: _table(conn, t)[0] for t in ("articles", "entities", "entity_aliases") + ARTICLE_TABLES}
        self.getters = {t: itemgetter(*cols) for t, cols in self.cols.items()}  # rows are copies: all columns
        children: dict[str, dict[str, list[dict]]] = defaultdict(lambda: {t: [] for t in ARTICLE_TABLES})
        for t in ARTICLE_TABLES:
            for r in _table(conn, t)[1]:
                children[r["article_id"]][t].append(r)
        self.seeds = [Seed(r, children[r["id"]]) for r in _table(conn, "articles")[1]]
        self.words = sorted({w for s in self.seeds for w in s.vocab})
        self.entities = {r["id"]: r for r in _table(conn, "entities")[1]}
        self.aliases = defaultdict(list)
        for r in _table(conn, "entity_aliases")[1]:
            self.aliases[r["entity_id"]].append(r)
        self.rng, self.rows, self.made, self.families = rng, defaultdict(list), len(self.seeds), 0
        # story signatures, as the analysis stage writes them (the seeds' own are signed again: same code)
        self.signatures = [self.signature(s.row, s.children["mentions"], {}) for s in self.seeds]
        # (event id, reading): before fusion every mention is an event of its own
        self.events = [("e" + mid[1:], rec) for s in self.seeds for mid, rec in s.records.items()]

    @staticmethod
    def signature(article: dict, mentions: list[dict], remap: dict[str, str]):
        from newsgraph.fuse.signatures import features_of, with_entities

        names = [remap.get(m["entity_id"], m["entity_id"]) for m in sorted(mentions, key=itemgetter("start"))
                 if m["kind"] == "name"]
        return with_entities(features_of(article["id"], article["title"], article["text"], article["published"]), names)

    def add(self, table: str, row: dict) -> None:
        self.rows[table].append(self.getters[table](row))

    def _decide(self, vocab: list[str], share: float) -> dict[str, str]:
        rng = self.rng  # a tenth of the new words are new to the corpus: the vocabulary grows with N
        return {w: "" if rng.random() < 0.2 else _novel(rng) if rng.random() < 0.1 else rng.choice(self.words)
                for w in rng.sample(vocab, int(len(vocab) * share))}

    def family(self, limit: int) -> None:
        rng, s = self.rng, self.rng.choice(self.seeds)
        self.families += 1
        days, base, remap = rng.randint(-550, 550), self._decide(s.vocab, rng.uniform(0.4, 0.7)), {}
        # another toll, another amount: numbers tell look-alike stories apart
        base.update({n: str(rng.randrange(10 ** (len(n) - 1), 10 ** len(n))) for n in s.numbers if rng.random() < 0.8})
        # most retellings are about other actors: names renamed, and the entities named by them new
        if rng.random() < 0.8:
            base.update({w: _novel(rng).capitalize() for w in s.names if rng.random() < 0.7})
        for eid in s.entity_ids:
            entity = self.entities.get(eid)
            if entity and _apply(entity["name"], base) != entity["name"]:
                remap[eid] = "x" + _h(self.families, eid)[:15]
                self.add("entities", {**entity, "id": remap[eid], "name": _apply(entity["name"], base)})
                for a in self.aliases[eid]:
                    self.add("entity_aliases", {**a, "entity_id": remap[eid], "alias": _apply(a["alias"], base)})
        for _ in range(min(limit, 1 + int(rng.expovariate(1 / 1.5)))):
            self.clone(s, days, {**base, **self._decide(s.vocab, rng.uniform(0.02, 0.08))}, remap)

    def clone(self, s: Seed, days: int, decisions: dict[str, str], remap: dict[str, str]) -> None:
        rng, self.made = self.rng, self.made + 1
        aid = _h("bench", self.made)[:16]
        text, moved = _vary(s.row["text"], s.tokens, decisions)
        # undated seeds (most ECB+ ones) get a date: the clones of one would otherwise all be one story
        dated = _shift(s.row["published"] or "2015-06-01", days + rng.randint(0, 2))
        published = None if rng.random() < 0.05 else dated
        article = {**s.row, "id": aid, "title": _apply(s.row["title"], decisions), "text": text,
                   "published": published, "story_id": None}
        self.add("articles", article)
        mentions = [{**r, "start": moved(r["start"])} for r in s.children["mentions"]]
        self.signatures.append(self.signature({**article, "text": text}, mentions, remap))
        for r in s.children["inputs"][:1]:
            self.add("inputs", {**r, "input_id": f"bench/clone/{self.made}.txt", "raw_hash": aid, "article_id": aid})
        for t, text_col in SPAN_TEXT.items():
            for r in s.children[t]:
                start, end = moved(r["start"]), moved(r["end"])
                new = {**r, "article_id": aid, "start": start, "end": end, text_col: text[start:end]}
                if t == "mentions":
                    new["entity_id"] = remap.get(r["entity_id"], r["entity_id"])
                elif t == "times":
                    new["date"] = _shift(r["date"], days)
                elif t == "quotes":
                    new.update(id="q" + _h(aid, r["id"])[:15], group_id=None,
                               speaker_entity_id=remap.get(r["speaker_entity_id"], r["speaker_entity_id"]))
                else:
                    mid = "m" + _h(aid, r["id"])[:15]
                    rec = dict(s.records[r["id"]], date=_shift(s.records[r["id"]].get("date"), days))
                    for side in ("source", "target"):
                        if rec.get(side):
                            eid = rec[side].get("entity_id")
                            rec[side] = dict(rec[side], entity_id=remap.get(eid, eid),
                                             text=_apply(rec[side].get("text"), decisions))
                    if rec.get("counts") and rng.random() < 0.1:  # an outlet that counts differently
                        rec["counts"] = {k: v + 1 if isinstance(v, int) else v for k, v in rec["counts"].items()}
                    new.update(id=mid, event_id="e" + mid[1:], trigger_start=moved(r["trigger_start"]),
                               record=json.dumps(rec, ensure_ascii=False, sort_keys=True))
                    self.events.append(("e" + mid[1:], rec))
                self.add(t, new)


def build_store(seed_db: Path, out: Path, size: int, rng_seed: int = 7) -> str:
    from newsgraph.records import Event, EventReading
    from newsgraph.store.events import insert_event
    from newsgraph.store.sqlite import SQLiteStore
    from newsgraph.store.stories import write_features

    with sqlite3.connect(seed_db) as src, sqlite3.connect(out) as dst:
        src.backup(dst)
    SQLiteStore(out).close()  # brings the copy to the current schema
    conn = sqlite3.connect(out, isolation_level=None)
    # a throwaway file written once: no journal, no fsync, the indexes kept in memory
    for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-1000000"):
        conn.execute(f"PRAGMA {pragma}")
    cloner = Cloner(conn, random.Random(rng_seed))
    conn.execute("BEGIN")
    # the seed's pipeline run fused it: undo that (every mention its own event, nothing grouped)
    conn.execute("UPDATE articles SET story_id=NULL")
    conn.execute("UPDATE quotes SET group_id=NULL")
    conn.execute("DELETE FROM events")
    for table in FUSE_TABLES.intersection(r[0] for r in conn.execute("SELECT name FROM sqlite_master")):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("UPDATE event_mentions SET event_id='e' || substr(id, 2)")
    while cloner.made < size:
        cloner.family(size - cloner.made)
    # the full-text index is built once at the end: 2-3 times faster than row by row through its trigger
    fts = conn.execute("SELECT sql FROM sqlite_master WHERE name='articles_ai' AND type='trigger'").fetchall()
    conn.execute("DROP TRIGGER IF EXISTS articles_ai")
    for t, rows in cloner.rows.items():
        cols = cloner.cols[t]
        conn.executemany(f"INSERT OR IGNORE INTO {t}({', '.join(cols)}) VALUES ({','.join('?' * len(cols))})", rows)
    for (sql,) in fts:
        conn.execute(sql)
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES('rebuild')")
    for eid, rec in cloner.events:
        insert_event(conn, Event.of(EventReading(**EventReading.reading_from_json(rec)), id=eid))
    write_features(conn, cloner.signatures)
    conn.execute("COMMIT")
    conn.close()
    return f"{cloner.families} cloned stories, {len(cloner.rows['entities'])} new entities"


def measure(db: Path) -> dict:
    from newsgraph.config import load_options
    from newsgraph.fuse import fuse_store
    from newsgraph.store.sqlite import SQLiteStore

    # the code measured, so that figures of two runs (or sizes) are compared only when it is the same
    code = hashlib.sha1(b"".join(p.read_bytes() for obj in (fuse_store, SQLiteStore)
                                 for p in sorted(Path(inspect.getfile(obj)).parent.glob("*.py")))).hexdigest()[:8]
    required = [p for p in inspect.signature(fuse_store).parameters.values()
                if p.default is p.empty and p.kind <= p.POSITIONAL_OR_KEYWORD]
    extra = (load_options(),) if len(required) > 1 else ()  # fuse_store(store, options) with no default
    store = SQLiteStore(db)
    t0 = time.perf_counter()
    inputs = store.fusion_inputs()
    mentions, quotes = inputs.mentions, inputs.quotes
    articles = list(store.iter_articles())
    read_s = time.perf_counter() - t0
    counts = {"articles": len(articles), "mentions": len(mentions), "quotes": len(quotes)}
    del inputs, mentions, quotes, articles
    try:  # a peak never goes down: reset it (Linux >= 4.0, ru_maxrss follows) so that it is the fuse stage's own
        Path("/proc/self/clear_refs").write_text("5")
        reset = True
    except OSError:
        reset = False
    t0 = time.perf_counter()
    returned = fuse_store(store, *extra)
    fuse_s = time.perf_counter() - t0
    unit = 1024 * 1024 if sys.platform == "darwin" else 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / unit
    # a large run groups stories in a forked helper: its own peak (pages it shares with this process count in both)
    helper_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / unit
    store.close()
    return {**counts, "read_s": read_s, "fuse_s": fuse_s, "peak_mb": peak, "helper_peak_mb": helper_peak,
            "peak_is_fuse_only": reset,
            "returned": repr(returned), "code": code}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="25000,100000", help="articles per store (default 25000,100000)")
    parser.add_argument("--seed-db", type=Path, help="the seed database: reused if it exists, else built there")
    parser.add_argument("--keep", action="store_true", help="keep the built databases and print their paths")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # internal: fuse one store, print JSON
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0
    if not ECB.is_file():
        print(f"bench: skipped, the shared evaluation data is absent ({ECB}).")
        return 0
    work = Path(tempfile.mkdtemp(prefix="fuse_stage_"))
    seed = args.seed_db or work / "seed.db"
    results = []
    try:
        if not seed.exists():
            seed.parent.mkdir(parents=True, exist_ok=True)
            build_seed(seed)
        print(f"{'articles':>9} {'mentions':>9} {'quotes':>8} {'build s':>8} {'read s':>7} {'fuse s':>8} "
              f"{'fuse/read':>9} {'peak MB':>8}", flush=True)
        for size in map(int, args.sizes.split(",")):
            db = work / f"fuse_{size}.db"
            t0 = time.perf_counter()
            made = build_store(seed, db, size)
            build_s = time.perf_counter() - t0
            # the build's gigabyte of writes reaches the disk now, not while the fuse stage is timed
            os.sync()
            # a fresh process per size: each peak RSS is that size's own
            out = subprocess.run([sys.executable, __file__, "--measure", str(db)], check=True,
                                 stdout=subprocess.PIPE, text=True).stdout
            results.append(r := dict(json.loads(out.strip().splitlines()[-1]), size=size, db=db))
            print(f"{r['articles']:9d} {r['mentions']:9d} {r['quotes']:8d} {build_s:8.1f} {r['read_s']:7.2f} "
                  f"{r['fuse_s']:8.2f} {r['fuse_s'] / r['read_s']:9.1f} {r['peak_mb']:8.0f}"
                  f"   {made}; helper peak {r.get('helper_peak_mb', 0):.0f} MB; code {r['code']};"
                  f" fuse_store returned {r['returned']}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if not all(r["peak_is_fuse_only"] for r in results):
        print("(peak MB could not be reset before the fuse stage: it includes the baseline read)")
    if len(results) >= 2:
        a, b = results[0], results[-1]
        growth = b["fuse_s"] / a["fuse_s"]
        print(f"growth {a['size']} -> {b['size']} articles: fuse x{growth:.2f} (target for 25k -> 100k: "
              f"<= x4.5, and 100k in under 120 s), baseline read x{b['read_s'] / a['read_s']:.2f}"
              + ("" if a["code"] == b["code"] else "; CAUTION: the fuse/store code changed between the sizes"))
        print(f"BENCH fuse_stage sizes={a['size']},{b['size']} fuse_s={a['fuse_s']:.2f},{b['fuse_s']:.2f} "
              f"growth={growth:.2f} ratio_vs_read={b['fuse_s'] / b['read_s']:.2f} peak_rss_mb={b['peak_mb']:.0f}"
              f" helper_peak_rss_mb={b.get('helper_peak_mb', 0):.0f}")
    if args.keep:
        print("kept: " + " ".join(str(r["db"]) for r in results) + f" (seed {seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
