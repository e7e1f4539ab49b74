"""Fuse stage alone: time and peak RSS of fuse_store() on 25k and 100k analysed articles, and its growth.

The input stores are grown from a small real seed: the sample corpus plus
about 250 ECB+ articles (read in place from ../shared/benchmarks, never
copied), run once through the real pipeline. Each clone of a seed article gets
a new id, its dates shifted, some lowercase words replaced or dropped (spans
keep pointing at the right words) and, for about half of the stories, new
entities in place of some of the seed's. Clones come in small families that
tell the same story (near-duplicates with the same event dates); families of
one seed differ in wording and dates. Every size is then fused in a fresh
process, after reading the fuse stage's inputs once as the baseline. Prints
figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import inspect
import json
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ECB = SHARED / "benchmarks" / "clustering" / "ecbplus_train_dev.jsonl"
SEED_ECB_DOCS = 250
WORD = re.compile(r"\b[A-Za-z][a-z]{2,}\b")
FUSE_TABLES = {"story_features", "near_duplicates"}  # what fuse_store writes besides events and groups
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
ARTICLE_TABLES = ("inputs", "mentions", "quotes", "times", "event_mentions")
SPANS = {"mentions": "text", "quotes": "text", "event_mentions": "sentence", "times": "text"}


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
            report = run([str(ROOT / "examples"), str(picked)], load_options(overrides={"run": {"progress": False}}),
                         store)
    print(f"seed: {report.summary()}; built in {time.perf_counter() - t0:.0f} s ({path})")


def _shift(value, days: int):
    if not value or len(value) < 10:
        return value  # null, or a month or year only
    try:
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() + value[10:]
    except ValueError:
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
        self.records = {r["id"]: json.loads(r["record"]) for r in children["event_mentions"]}
        ids = {r["entity_id"] for r in children["mentions"]} | {r["speaker_entity_id"] for r in children["quotes"]}
        ids |= {(rec.get(side) or {}).get("entity_id") for rec in self.records.values()
                for side in ("source", "target")}
        self.entity_ids = sorted(i for i in ids if i)


def _vary(text: str, tokens, decisions: dict[str, str]):
    """The text with decided words replaced ('' drops one), and the map of old offsets to new."""
    out, ends, shifts, last, delta = [], [], [], 0, 0
    for start, end, word in tokens:
        if word not in decisions:
            continue
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
    """Families of clones: one story retold (near-duplicates), other families of the same seed differ."""

    def __init__(self, conn, rng: random.Random):
        self.cols = {t: _table(conn, t)[0] for t in ("articles", "entities", "entity_aliases") + ARTICLE_TABLES}
        children: dict[str, dict[str, list[dict]]] = defaultdict(lambda: {t: [] for t in ARTICLE_TABLES})
        for t in ARTICLE_TABLES:
            for r in _table(conn, t)[1]:
                children[r["article_id"]][t].append(r)
        self.seeds = [Seed(r, children[r["id"]]) for r in _table(conn, "articles")[1]]
        self.entities = {r["id"]: r for r in _table(conn, "entities")[1]}
        self.aliases = defaultdict(list)
        for r in _table(conn, "entity_aliases")[1]:
            self.aliases[r["entity_id"]].append(r)
        self.words = sorted({w for s in self.seeds for w in s.vocab})
        self.common = set(self.words)
        self.rng, self.rows, self.made, self.families = rng, defaultdict(list), len(self.seeds), 0
        self.events: list[tuple[str, dict]] = []  # (event id, reading): one event per mention before fusion

    def add(self, table: str, row: dict) -> None:
        self.rows[table].append([row.get(c) for c in self.cols[table]])

    def _decide(self, vocab: list[str], share: float) -> dict[str, str]:
        rng = self.rng  # a tenth of the new words are new to the corpus: the vocabulary grows with N
        return {w: "" if rng.random() < 0.2 else _novel(rng) if rng.random() < 0.1 else rng.choice(self.words)
                for w in rng.sample(vocab, int(len(vocab) * share))}

    def family(self, limit: int) -> None:
        rng, s = self.rng, self.rng.choice(self.seeds)
        self.families += 1
        days, base, remap = rng.randint(-550, 550), self._decide(s.vocab, rng.uniform(0.3, 0.6)), {}
        # most retellings are about other actors: new entities, renamed in the text too
        for eid in s.entity_ids if rng.random() < 0.8 else ():
            if eid in self.entities and rng.random() < 0.7:
                remap[eid] = new = "x" + _h(self.families, eid)[:15]
                entity = self.entities[eid]
                for w in WORD.findall(entity["name"]):
                    if not w.islower() and w.lower() not in self.common:  # "Reid", not "Street"
                        base.setdefault(w, _novel(rng).capitalize())
                self.add("entities", {**entity, "id": new, "name": _apply(entity["name"], base)})
                for a in self.aliases[eid]:
                    self.add("entity_aliases", {**a, "entity_id": new, "alias": _apply(a["alias"], base)})
        for _ in range(min(limit, 1 + int(rng.expovariate(1 / 1.5)))):
            self.clone(s, days, {**base, **self._decide(s.vocab, rng.uniform(0.02, 0.08))}, remap)

    def clone(self, s: Seed, days: int, decisions: dict[str, str], remap: dict[str, str]) -> None:
        rng = self.rng
        self.made += 1
        aid = _h("bench", self.made)[:16]
        text, moved = _vary(s.row["text"], s.tokens, decisions)
        published = None if rng.random() < 0.05 else _shift(s.row["published"], days + rng.randint(0, 2))
        self.add("articles", {**s.row, "id": aid, "title": _apply(s.row["title"], decisions), "text": text,
                              "published": published, "story_id": None})
        self.add("inputs", {"input_id": f"bench/clone/{self.made}.txt", "raw_hash": aid, "article_id": aid})
        for t in ("mentions", "quotes", "times", "event_mentions"):
            for r in s.children[t]:
                start, end = moved(r["start"]), moved(r["end"])
                new = {**r, "article_id": aid, "start": start, "end": end, SPANS[t]: text[start:end]}
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
                        key = rng.choice(sorted(rec["counts"]))
                        if isinstance(rec["counts"][key], int):
                            rec["counts"] = dict(rec["counts"], **{key: rec["counts"][key] + 1})
                    new.update(id=mid, event_id="e" + mid[1:], trigger_start=moved(r["trigger_start"]),
                               record=json.dumps(rec, ensure_ascii=False, sort_keys=True))
                    self.events.append(("e" + mid[1:], rec))
                self.add(t, new)


def build_store(seed_db: Path, out: Path, size: int, rng_seed: int = 7) -> str:
    from newsgraph.store.events import insert_event
    from newsgraph.store.sqlite import SQLiteStore

    with sqlite3.connect(seed_db) as src, sqlite3.connect(out) as dst:
        src.backup(dst)
    SQLiteStore(out).close()  # brings the copy to the current schema
    conn = sqlite3.connect(out, isolation_level=None)
    # a throwaway file written once: no journal, no fsync, the indexes kept in memory
    for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-1000000"):
        conn.execute(f"PRAGMA {pragma}")
    cloner = Cloner(conn, random.Random(rng_seed))
    conn.execute("BEGIN")
    # the seed was fused by its pipeline run: undo that, every mention its own event, nothing grouped
    conn.execute("UPDATE articles SET story_id=NULL")
    conn.execute("UPDATE quotes SET group_id=NULL")
    conn.execute("DELETE FROM events")
    for table in FUSE_TABLES.intersection(r[0] for r in conn.execute("SELECT name FROM sqlite_master")):
        conn.execute(f"DELETE FROM {table}")
    for s in cloner.seeds:
        for r in s.children["event_mentions"]:
            cloner.events.append(("e" + r["id"][1:], s.records[r["id"]]))
            conn.execute("UPDATE event_mentions SET event_id=? WHERE id=?", ("e" + r["id"][1:], r["id"]))
    while cloner.made < size:
        cloner.family(size - cloner.made)
    for t, batch in cloner.rows.items():
        cols = cloner.cols[t]
        conn.executemany(f"INSERT OR IGNORE INTO {t}({', '.join(cols)}) VALUES ({','.join('?' * len(cols))})", batch)
    for eid, rec in cloner.events:
        insert_event(conn, eid, rec)
    conn.execute("COMMIT")
    conn.close()
    return (f"{len(cloner.seeds)} seed articles, {cloner.families} cloned stories, "
            f"{len(cloner.rows['entities'])} new entities")


def _status_mb(field: str):
    try:
        with open("/proc/self/status") as handle:
            return next(int(line.split()[1]) / 1024 for line in handle if line.startswith(field + ":"))
    except (OSError, StopIteration):
        return None


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")  # resets VmHWM (Linux >= 4.0)
        return True
    except OSError:
        return False


def measure(db: Path) -> dict:
    from newsgraph.config import load_options
    from newsgraph.fuse import fuse_store
    from newsgraph.store.sqlite import SQLiteStore

    required = [p for p in inspect.signature(fuse_store).parameters.values()
                if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    extra = (load_options(),) if len(required) > 1 else ()
    store = SQLiteStore(db)
    t0 = time.perf_counter()
    mentions, quotes = store.fusion_inputs()
    articles = list(store.iter_articles())
    read_s = time.perf_counter() - t0
    counts = {"articles": len(articles), "mentions": len(mentions), "quotes": len(quotes)}
    del mentions, quotes, articles
    gc.collect()
    rss_before, reset = _status_mb("VmRSS"), _reset_peak()
    t0 = time.perf_counter()
    returned = fuse_store(store, *extra)
    fuse_s = time.perf_counter() - t0
    peak = _status_mb("VmHWM") if reset else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    store.close()
    return {**counts, "read_s": read_s, "fuse_s": fuse_s, "peak_mb": peak, "rss_before_mb": rss_before,
            "peak_is_fuse_only": reset, "returned": repr(returned)}


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
    sizes = [int(n) for n in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="fuse_stage_"))
    seed = args.seed_db or work / "seed.db"
    if not seed.exists():
        seed.parent.mkdir(parents=True, exist_ok=True)
        build_seed(seed)
    results = []
    print(f"{'articles':>9} {'mentions':>9} {'quotes':>8} {'build s':>8} {'read s':>7} {'fuse s':>8} "
          f"{'fuse/read':>9} {'peak MB':>8} {'+MB':>6}", flush=True)
    try:
        for size in sizes:
            db = work / f"fuse_{size}.db"
            t0 = time.perf_counter()
            made = build_store(seed, db, size)
            build_s = time.perf_counter() - t0
            # a fresh process per size: each peak RSS is that size's own
            out = subprocess.run([sys.executable, __file__, "--measure", str(db)], check=True,
                                 stdout=subprocess.PIPE, text=True).stdout
            r = dict(json.loads(out.strip().splitlines()[-1]), size=size, build_s=build_s, db=db)
            results.append(r)
            print(f"{r['articles']:9d} {r['mentions']:9d} {r['quotes']:8d} {build_s:8.1f} {r['read_s']:7.2f} "
                  f"{r['fuse_s']:8.2f} {r['fuse_s'] / r['read_s']:9.1f} {r['peak_mb']:8.0f} "
                  f"{r['peak_mb'] - (r['rss_before_mb'] or 0):6.0f}   ({made}; fuse_store returned {r['returned']})",
                  flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if not all(r["peak_is_fuse_only"] for r in results):
        print("(peak MB is the process's ru_maxrss: VmHWM could not be reset, so it includes the baseline read)")
    if len(results) >= 2:
        a, b = results[0], results[-1]
        growth, read_growth = b["fuse_s"] / a["fuse_s"], b["read_s"] / a["read_s"]
        print(f"growth {a['size']} -> {b['size']} articles (x{b['size'] / a['size']:.0f}): fuse x{growth:.2f} "
              f"(target <= x4.5 for 25k -> 100k), baseline read x{read_growth:.2f}")
        print(f"BENCH fuse_stage sizes={a['size']},{b['size']} fuse_s={a['fuse_s']:.2f},{b['fuse_s']:.2f} "
              f"growth={growth:.2f} ratio_vs_read={b['fuse_s'] / b['read_s']:.2f} peak_rss_mb={b['peak_mb']:.0f}")
    if args.keep:
        print("kept: " + " ".join(str(r["db"]) for r in results) + f" (seed {seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
