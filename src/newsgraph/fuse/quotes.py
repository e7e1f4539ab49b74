"""The same quote in several articles, in other words or another translation, gets one group.

Two quotes of different articles are the same when most of the content words of
the shorter one occur in the longer one (overlap coefficient), and the shorter
has enough of them to make chance agreement unlikely. Candidates come from an
inverted index probed with each quote's rarest words (prefix filtering), and
a quote copied by many outlets is compared once, so the cost grows with the
number of distinct quotes, not with its square. Groups are closed transitively only through such verified
pairs.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from typing import Iterable

_WORD = re.compile(r"[^\W\d_]{3,}")
STOPWORDS = frozenset("""the and for that this with from have has had was were are will would can could
should shall not but all any its his her their our your they them she him who whom which what when
where there here than then also into onto upon about over under after before while been being such
some more most very just only even much many other others those these each both said says say
""".split())
MIN_WORDS = 6  # a shorter quote ("we will win") recurs by chance
MIN_OVERLAP = 0.7
# sets probed per rare word: a quote copied by hundreds of outlets meets its family in the first ones
MAX_PROBES = 30


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in (m.lower() for m in _WORD.findall(text)) if w not in STOPWORDS)


def group_quotes(quotes: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """{quote id: group id} for quotes (id, article id, text) that recur in other articles."""
    # the same words quoted by many outlets are one item: compared once, not once per copy
    items: dict[frozenset, list[tuple[str, str]]] = defaultdict(list)
    for qid, aid, text in quotes:
        words = content_words(text)
        if len(words) >= MIN_WORDS:
            items[words].append((qid, aid))
    sets = list(items)
    root = _components(sets)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(sets)):
        members[root[i]].append(i)
    out: dict[str, str] = {}
    for group in members.values():
        quoted = [q for i in group for q in items[sets[i]]]
        if len({aid for _, aid in quoted}) < 2:
            continue
        ids = sorted(qid for qid, _ in quoted)
        gid = "g" + hashlib.sha1(ids[0].encode()).hexdigest()[:15]
        for qid in ids:
            out[qid] = gid
    return out


def _components(sets: list[frozenset]) -> list[int]:
    """Group of each word set: sets are joined through verified pairs where most words of the
    smaller are in the larger.

    Prefix filtering: when MIN_OVERLAP of the smaller set's words are shared,
    so is at least one of its rarest ``len - ceil(MIN_OVERLAP * len) + 1`` words,
    so only the sets holding those words are candidates; each pair is found
    from its smaller side, and pairs already in one group are not verified.
    """
    frequency: dict[str, int] = defaultdict(int)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, words in enumerate(sets):
        for w in words:
            frequency[w] += 1
            postings[w].append(i)
    parent = list(range(len(sets)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, words in enumerate(sets):
        size = len(words)
        prefix = sorted(words, key=frequency.__getitem__)[:size - math.ceil(MIN_OVERLAP * size - 1e-9) + 1]
        need = MIN_OVERLAP * size
        for w in prefix:
            for j in postings[w][:MAX_PROBES]:
                if j == i or len(sets[j]) < size:
                    continue
                a, b = find(i), find(j)
                if a != b and len(words & sets[j]) >= need:
                    parent[a] = b
    return [find(i) for i in range(len(sets))]
