"""Lines that recur across many articles of one outlet in a batch: site boilerplate."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable

from ..config import CleanOptions
from ..records import RawDocument


def recurring_lines(docs: Iterable[RawDocument], opts: CleanOptions) -> dict[str, frozenset[str]]:
    """For each group (folder, host, outlet) the folded lines that recur in most of its articles."""
    counts: dict[str, Counter] = defaultdict(Counter)
    sizes: Counter = Counter()
    seen_hashes: set[str] = set()
    for doc in docs:
        if doc.format != "text" or doc.raw_hash in seen_hashes:
            continue
        seen_hashes.add(doc.raw_hash)
        group = doc.group or ""
        sizes[group] += 1
        lines = {" ".join(line.split()) for line in doc.content.splitlines()}
        counts[group].update(line for line in lines if len(line) >= opts.recurring_min_chars)
    result = {}
    for group, counter in counts.items():
        size = sizes[group]
        if size < opts.recurring_min_articles:
            continue
        lines = frozenset(
            line for line, n in counter.items()
            if n >= opts.recurring_min_articles and n / size >= opts.recurring_min_share
        )
        if lines:
            result[group] = lines
    return result
