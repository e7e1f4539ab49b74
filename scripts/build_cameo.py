#!/usr/bin/env python3
"""Build src/newsgraph/data/cameo.tsv, the CAMEO event-code table newsgraph codes with.

Usage: python scripts/build_cameo.py [MERGED_CSV] [--out PATH]

MERGED_CSV (default ../shared/reference/cameo/cameo_event_codes_merged.csv beside
the checkout) is one row per CAMEO code with GDELT's names, Goldstein scale and
QuadClass and the PLOVER 2021 event, mode and context of each code. The facts
are carried over as they are; CAMEO 01/02 have no PLOVER category (PLOVER dropped
them), so theirs stays empty. The output is sorted and deterministic.
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "reference" / "cameo" / "cameo_event_codes_merged.csv"
COLUMNS = ("code", "root", "quad_class", "goldstein", "plover", "plover_mode", "name")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("merged", nargs="?", default=str(DEFAULT))
    ap.add_argument("--out", default=str(ROOT / "src" / "newsgraph" / "data" / "cameo.tsv"))
    args = ap.parse_args()
    rows = []
    with open(args.merged, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            rows.append((r["cameo_code"], r["root_code"], r["quad_class_gdelt"], r["goldstein_gdelt"],
                         r["plover_event_2021"], r["plover_mode_2021"], r["name_gdelt"].replace("\t", " ")))
    rows.sort()
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("# CAMEO event codes: GDELT names, Goldstein scale and QuadClass; PLOVER 2021 category.\n")
        out.write("# Built by scripts/build_cameo.py from the merged reference table; do not edit by hand.\n")
        out.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"{args.out}: {len(rows)} codes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
