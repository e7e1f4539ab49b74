#!/usr/bin/env python3
"""Build src/newsgraph/data/cameo2_verbs.txt from PETRARCH2's CAMEO.2.0 verb dictionary.

Usage: python scripts/build_cameo2_verbs.py [CAMEO.2.0.txt] [--out PATH]

The dictionary (MIT, Copyright (c) 2015 Open Event Data Alliance; its own header carries
the licence text, which is kept) is newsgraph's second built-in lexicon: its patterns code
a verb only where newsgraph's own event_lexicon.txt codes nothing (``[events]
cameo2_verbs = "fallback"``). The entries are copied as the dictionary writes them, after
a provenance header; lines the newsgraph reader cannot use are reported, not dropped, so
the packaged file stays the published dictionary.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "petrarch" / "CAMEO.2.0.txt"
DEFAULT_OUT = ROOT / "src" / "newsgraph" / "data" / "cameo2_verbs.txt"
HEADER = """# newsgraph: PETRARCH2's CAMEO.2.0 verb dictionary, as published (entries unchanged).
# Source: github.com/openeventdata/petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt
#   (commit 676801cd9cb2924bbbad09f86d15c9323e7097bf), sha256 {sha}.
# Licence: MIT; the dictionary's own header, below, carries the notice.
# Rebuilt by scripts/build_cameo2_verbs.py. newsgraph reads it as a fallback lexicon.
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", nargs="?", default=str(DEFAULT_SOURCE))
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    args = ap.parse_args(argv)
    try:
        raw = Path(args.source).read_bytes()
    except OSError as exc:
        print(f"build_cameo2_verbs: {args.source}: {exc.strerror}", file=sys.stderr)
        return 1
    text = raw.decode("utf-8", errors="replace")
    if "MIT License" not in text:
        print(f"build_cameo2_verbs: {args.source}: no MIT notice in its header; not copied", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.write_text(HEADER.format(sha=hashlib.sha256(raw).hexdigest()) + text, encoding="utf-8")
    sys.path.insert(0, str(ROOT / "src"))
    from newsgraph.kb.petrarch_verbs import load_verb_dictionaries

    dictionary = load_verb_dictionaries((str(out),))
    patterns = sum(len(p) for p in dictionary.patterns.values())
    print(f"{out}: {patterns} patterns, {len(dictionary.problems)} lines the reader skips")
    return 0


if __name__ == "__main__":
    sys.exit(main())
