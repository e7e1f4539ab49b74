"""The same quote in several articles, in other words or another translation, gets one group.

Two quotes of different articles are the same when most of the content words of
the shorter one occur in the longer one (overlap coefficient), and the shorter
has enough of them to make chance agreement unlikely. Candidates come from an
inverted index probed with each quote's rarest words (prefix filtering), and
a quote copied by many outlets is compared once, so the cost grows with the
number of distinct quotes, not with its square; the probing and verifying are
sparse-matrix operations. Groups are closed transitively only through such
verified pairs.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from itertools import chain
from typing import Iterable

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from ..records import QuoteText

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
PROBE_BLOCK = 20_000  # sets whose candidates are found in one sparse product
VERIFY_BLOCK = 1_000_000  # candidate pairs verified at once


def content_words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower())).difference(STOPWORDS)


def group_quotes(quotes: Iterable[QuoteText]) -> dict[str, str]:
    """{quote id: group id} for the quotes that recur in other articles."""
    # the same words quoted by many outlets are one item: compared once, not once per copy
    items: dict[frozenset, list[tuple[str, str]]] = defaultdict(list)
    words_of: dict[str, frozenset] = {}
    for quote in quotes:
        words = words_of.get(quote.text)
        if words is None:
            words = words_of[quote.text] = content_words(quote.text)
        if len(words) >= MIN_WORDS:
            items[words].append((quote.id, quote.article_id))
    sets = list(items)
    root = _components(sets)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(sets)):
        members[int(root[i])].append(i)
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


def _components(sets: list[frozenset]) -> np.ndarray:
    """Group of each word set: sets are joined through verified pairs where most words of the
    smaller are in the larger.

    Prefix filtering: when MIN_OVERLAP of the smaller set's words are shared,
    so is at least one of its rarest ``len - ceil(MIN_OVERLAP * len) + 1`` words,
    so only the sets holding those words are candidates (the first MAX_PROBES
    of them per word). Candidates come from one sparse product, are verified
    by their real overlap, and the verified pairs are closed into groups.
    """
    n = len(sets)
    if n < 2:
        return np.arange(n)
    vocabulary: defaultdict[str, int] = defaultdict()
    vocabulary.default_factory = vocabulary.__len__
    cols = np.fromiter(chain.from_iterable(map(vocabulary.__getitem__, s) for s in sets), dtype=np.int64)
    sizes = np.fromiter(map(len, sets), dtype=np.int64, count=n)
    rows = np.repeat(np.arange(n, dtype=np.int64), sizes)
    width = len(vocabulary)
    words = sparse.csr_matrix((np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(n, width))
    frequency = np.bincount(cols, minlength=width)
    # each set's rarest words, ties by word id, as the prefix it probes with
    order = np.lexsort((cols, frequency[cols], rows))
    rank = np.arange(len(cols)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    prefix_len = sizes - np.ceil(MIN_OVERLAP * sizes - 1e-9).astype(np.int64) + 1
    keep = rank < prefix_len[rows]
    prefix = sparse.csr_matrix((np.ones(int(keep.sum()), dtype=np.float32),
                                (rows[keep], cols[order][keep])), shape=(n, width))
    # the sets a word can lead to: MAX_PROBES of its holders, drawn at random (but the same each run) so
    # that a word shared by several families of quotes leads into each of them, whatever the input order
    shuffled = np.random.default_rng(0).permutation(n)
    by_word = np.lexsort((shuffled[rows], cols))
    held = np.arange(len(cols)) - np.repeat(np.cumsum(frequency) - frequency, frequency)
    probe = by_word[held < MAX_PROBES]
    reachable = sparse.csr_matrix((np.ones(len(probe), dtype=np.float32), (rows[probe], cols[probe])),
                                  shape=(n, width)).T.tocsr()
    found_a, found_b = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for start in range(0, n, PROBE_BLOCK):
        stop = min(start + PROBE_BLOCK, n)
        candidates = (prefix[start:stop] @ reachable).tocoo()
        a, b = candidates.row.astype(np.int64) + start, candidates.col.astype(np.int64)
        # each pair is verified from its smaller side (ties: both ways, as either may probe)
        useful = (a != b) & (sizes[b] >= sizes[a])
        a, b = a[useful], b[useful]
        for s in range(0, len(a), VERIFY_BLOCK):
            pa, pb = a[s:s + VERIFY_BLOCK], b[s:s + VERIFY_BLOCK]
            shared = np.asarray(words[pa].multiply(words[pb]).sum(axis=1)).ravel()
            ok = shared >= MIN_OVERLAP * sizes[pa] - 1e-9
            found_a.append(pa[ok])
            found_b.append(pb[ok])
    a, b = np.concatenate(found_a), np.concatenate(found_b)
    graph = sparse.csr_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    return connected_components(graph, directed=False)[1]
