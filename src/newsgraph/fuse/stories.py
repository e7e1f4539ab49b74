"""Stories: the articles that report the same real event, grouped incrementally.

Similarity is event-aware: a mix of the cosines of TF-IDF vectors over words,
names (resolved entities and capitalised words) and numbers (see
:mod:`.signatures`), so that two reports of one earthquake agree on place,
magnitude and toll while a look-alike quake in another year does not. Reports
published farther apart than the time window count for less.

Grouping is average-link agglomeration over a sparse graph: similarities are
accumulated through an inverted index, where very common terms are skipped, so
only articles that share distinctive terms are ever compared. On a later run
the stored stories are clusters already; the new articles join them or form
new ones, and two old stories merge only when new articles bridge them with
enough average similarity. Nothing else is re-clustered.

Near-duplicates (syndicated copies under other boilerplate) are found through
MinHash LSH on word shingles and verified by their real Jaccard similarity,
pair by pair: a copy of a copy is not a duplicate unless it is one itself.
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from itertools import chain
from typing import Callable, Iterable, Optional

import numpy as np
from datasketch import MinHashLSH
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from ..config import StoryOptions
from ..records import StoryFeatures
from .signatures import MINHASH_SCHEME, NUM_PERM
from .story_table import StoryTable, story_id

KINDS = ("w", "n", "#")  # words, names, numbers
# a 64-value MinHash estimates a Jaccard of 0.8 within 0.05 (one standard error): 0.15 below is 3 of them
ESTIMATE_MARGIN = 0.15


# New articles grouped at a time: within a chunk every pair sharing a usable term is compared.
CHUNK_SIZE = 2000


class StoryGrouper:
    """Groups new articles into stories, beside the stories already stored.

    New articles are taken in date order, ``chunk_size`` at a time: within a
    chunk every pair sharing a usable term is compared (a sparse product), and
    each chunk also meets the stories formed so far through their summed
    vectors, which for a bilinear similarity give the average link exactly.
    """

    def __init__(self, params: StoryOptions, chunk_size: int = CHUNK_SIZE):
        self.params = params
        self.chunk_size = chunk_size
        self.weights = np.array([params.word_weight, params.name_weight, params.number_weight])

    def group(self, existing: Iterable[tuple[StoryFeatures, str]], new: Iterable[StoryFeatures],
              duplicates: Iterable[tuple[str, str]] = ()) -> dict[str, str]:
        """{article id: story id} for the ``new`` articles and the stored ones whose story changed.

        ``existing`` are (features, story id) of stored articles; ``duplicates``
        are verified near-duplicate pairs, which always share a story.
        """
        old = list(existing)
        fresh = sorted(new, key=lambda f: (f.day is None, f.day or 0, f.article_id))
        docs = [f for f, _ in old] + fresh
        matrix = self._vectors(docs)
        index = {doc.article_id: i for i, doc in enumerate(docs)}
        strong: dict[int, list[int]] = defaultdict(list)
        for a, b in duplicates:
            if a in index and b in index:
                i, j = sorted((index[a], index[b]))
                strong[j].append(i)
        stored: dict[str, list[int]] = defaultdict(list)
        for i, (_, story) in enumerate(old):
            stored[story].append(i)
        days = np.array([d.day if d.day is not None else -1 for d in docs], dtype=np.int64)
        table = StoryTable(matrix, self._baseline(matrix), days)
        table.replace((([], members, story) for story, members in stored.items()))
        for start in range(len(old), len(docs), self.chunk_size):
            self._group_chunk(docs, table, np.arange(start, min(start + self.chunk_size, len(docs))), strong)
        before = {f.article_id: story for f, story in old}
        return {docs[i].article_id: story for i, story in table.assignments()
                if before.get(docs[i].article_id) != story}

    def duplicates(self, existing: Iterable[StoryFeatures], new: Iterable[StoryFeatures],
                   shingles_of: Optional[Callable[[str], np.ndarray]] = None) -> list[tuple[str, str, float]]:
        """Verified near-duplicate pairs (older id, newer id, Jaccard) with at least one new article.

        ``shingles_of`` gives an article's shingle hashes, to verify candidates by
        their real Jaccard (without it, the MinHash estimate stands in).
        """
        docs = list(existing)
        first_new = len(docs)
        docs += list(new)
        found = self._duplicates(docs, first_new, shingles_of)
        return [(docs[i].article_id, docs[j].article_id, s) for i, j, s in found]

    # ---- similarity
    def _vectors(self, docs: list[StoryFeatures]) -> sparse.csr_matrix:
        """Rows of block-normalised TF-IDF, scaled so that a dot product is the mixed cosine."""
        vocabulary: defaultdict[str, int] = defaultdict()
        vocabulary.default_factory = vocabulary.__len__  # a new term takes the next column
        cols_a = np.fromiter(chain.from_iterable(map(vocabulary.__getitem__, d.terms) for d in docs), dtype=np.int64)
        counts = np.fromiter(chain.from_iterable(d.terms.values() for d in docs), dtype=float, count=len(cols_a))
        rows_a = np.repeat(np.arange(len(docs), dtype=np.int64), [len(d.terms) for d in docs])
        values = 1.0 + np.log(counts)  # sublinear term frequency
        n, width = len(docs), len(vocabulary)
        kind = np.frombuffer("".join(term[0] for term in vocabulary).encode("ascii"), dtype=np.uint8)
        block = np.zeros(width, dtype=np.int8)
        for b, prefix in enumerate(KINDS):
            block[kind == ord(prefix)] = b
        df = np.bincount(cols_a, minlength=width)
        weighted = values * (np.log((1 + n) / (1 + df)) + 1.0)[cols_a]
        cell = rows_a * len(KINDS) + block[cols_a]
        norms = np.sqrt(np.bincount(cell, weights=weighted ** 2, minlength=n * len(KINDS)).reshape(n, len(KINDS)))
        present = self.weights * (norms > 0)
        total = present.sum(axis=1, keepdims=True)
        total[total == 0] = 1.0
        # x·y = sum_b w_b cos_b / sqrt(W_x W_y), W the weight of the blocks an article has
        scale = np.sqrt(present / total) / np.where(norms > 0, norms, 1.0)
        weighted = weighted * scale[rows_a, block[cols_a]]
        usable = df[cols_a] <= self.params.max_postings
        return sparse.csr_matrix((weighted[usable], (rows_a[usable], cols_a[usable])), shape=(n, width))

    def _baseline(self, matrix: sparse.csr_matrix) -> np.ndarray:
        """Each article's mean similarity to all the others, scaled by ``centering``.

        Subtracted from similarities, it takes away what an article shares with
        every other article of the collection (a corpus about one conflict shares
        its vocabulary throughout), so that what is left is what two reports of
        one event share beyond that.
        """
        n = matrix.shape[0]
        if n < 3 or not self.params.centering:
            return np.zeros(n)
        total = np.asarray(matrix.sum(axis=0)).ravel()
        itself = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()
        return self.params.centering * (matrix @ total - itself) / (n - 1)

    def _group_chunk(self, docs, table: StoryTable, chunk: np.ndarray, strong: dict[int, list[int]]) -> None:
        p = self.params
        days, base, block = table.days[chunk], table.baseline[chunk], table.matrix[chunk]
        pairs = (block @ block.T).tocoo()
        # centring and dating only lower a similarity: what is weak already is left out first
        upper = (pairs.row < pairs.col) & (pairs.data >= p.min_similarity)
        rows, cols = pairs.row[upper], pairs.col[upper]
        sims = self._dated(self._centred(pairs.data[upper], (base[rows] + base[cols]) / 2), days[rows], days[cols])
        keep = sims >= p.min_similarity
        edge_rows, edge_cols, edge_sums = [rows[keep]], [cols[keep]], [sims[keep]]
        k = len(chunk)
        active = table.active(days, p.horizon_days)  # the stored stories in reach, as nodes k, k+1, ...
        sizes = np.concatenate([np.ones(k, dtype=np.int64), table.size[active]])
        if len(active):
            cross = (block @ table.sums[active].T).tocoo()  # sums of similarities to each story's articles
            size = sizes[k:][cross.col].astype(float)
            strong_enough = cross.data / size >= p.min_similarity
            rows, cols, size = cross.row[strong_enough], cross.col[strong_enough], size[strong_enough]
            first, last = table.first[active][cols], table.last[active][cols]
            nearest = np.where((first < 0) | (days[rows] < 0), -1, np.clip(days[rows], first, last))
            story_base = table.base[active][cols]
            mean = self._centred(cross.data[strong_enough] / size, (size * base[rows] + story_base) / (2 * size))
            sums = size * self._dated(mean, days[rows], nearest)
            keep = sums / size >= p.min_similarity
            edge_rows.append(rows[keep])
            edge_cols.append(cols[keep] + k)
            edge_sums.append(sums[keep])
        node_of_row = np.full(len(table.names), -1, dtype=np.int64)
        node_of_row[active] = np.arange(k, k + len(active))
        copies = []  # near-duplicates: linked as if identical
        for position, j in enumerate(chunk.tolist()):
            for i in strong.get(j, ()):
                row = table.row_of[i]
                other = i - chunk[0] if i >= chunk[0] else (node_of_row[row] if row >= 0 else -1)
                if other >= 0:
                    a, b = min(other, position), max(other, position)
                    copies.append((a, b, float(sizes[b])))
        if copies:
            a, b, w = zip(*copies)
            edge_rows.append(np.array(a, dtype=np.int64))
            edge_cols.append(np.array(b, dtype=np.int64))
            edge_sums.append(np.array(w))
        edges = _mergeable(sizes.tolist(), np.concatenate(edge_rows).astype(np.int64),
                           np.concatenate(edge_cols).astype(np.int64), np.concatenate(edge_sums), p)
        changed = []
        spans = [(int(d), int(d)) for d in days.tolist()] + list(zip(table.first[active].tolist(), table.last[active].tolist()))
        for group in _average_link(sizes.tolist(), edges, p, spans):
            if len(group) == 1 and group[0] >= k:
                continue  # a stored story nothing joined
            stored = [int(active[x - k]) for x in group if x >= k]
            new = [int(chunk[x]) for x in group if x < k]
            name = story_id([(table.names[r], int(table.size[r])) for r in stored], [docs[i].article_id for i in new])
            changed.append((stored, new, name))
        table.replace(changed)

    def _centred(self, sims: np.ndarray, baseline: np.ndarray) -> np.ndarray:
        # what two reports share this much of is one story, whatever else the collection is about
        return np.where(sims >= self.params.strong_similarity, sims, sims - baseline)

    def _dated(self, sims: np.ndarray, day_a: np.ndarray, day_b: np.ndarray) -> np.ndarray:
        apart = np.where((day_a < 0) | (day_b < 0), 0, np.abs(day_a - day_b))
        factor = np.where(apart > self.params.horizon_days, 0.0,
                          np.where(apart > self.params.window_days, self.params.far_factor, 1.0))
        return sims * factor

    # ---- near-duplicates
    def _duplicates(self, docs, first_new: int, shingles_of) -> list[tuple[int, int, float]]:
        p = self.params
        lsh = MinHashLSH(threshold=p.duplicate_jaccard * 0.9, num_perm=NUM_PERM)
        found = []
        for i, doc in enumerate(docs):
            if not len(doc.minhash):
                continue
            sketch = _Sketch(doc.minhash)
            if i >= first_new:
                keys = sorted(int(key) for key in lsh.query(sketch))
                agree = [np.count_nonzero(docs[j].minhash == doc.minhash) for j in keys]
                # the closest estimates first (a copy syndicated a thousand times needs only a few
                # checks), and none three standard errors below the threshold: its text is not read
                least = (p.duplicate_jaccard - ESTIMATE_MARGIN) * len(doc.minhash)
                candidates = [j for a, j in sorted(zip(agree, keys), key=lambda c: -c[0]) if a >= least]
                for j in candidates[:p.max_duplicate_checks]:
                    jaccard = _jaccard(docs[i], docs[j], shingles_of)
                    if jaccard >= p.duplicate_jaccard:
                        found.append((j, i, round(jaccard, 4)))
            lsh.insert(str(i), sketch)
        return found


class _Sketch:
    """A stored MinHash as the LSH index reads it: building a datasketch MinHash for each costs more."""

    __slots__ = ("hashvalues", "scheme")

    def __init__(self, hashvalues: np.ndarray):
        self.hashvalues = hashvalues
        self.scheme = MINHASH_SCHEME

    def __len__(self) -> int:
        return len(self.hashvalues)


def _jaccard(a: StoryFeatures, b: StoryFeatures, shingles_of) -> float:
    if shingles_of is None:
        return float(np.count_nonzero(a.minhash == b.minhash)) / len(a.minhash)
    sa, sb = shingles_of(a.article_id), shingles_of(b.article_id)
    if not len(sa) or not len(sb):
        return 0.0
    shared = len(np.intersect1d(sa, sb, assume_unique=True))
    return shared / (len(sa) + len(sb) - shared)


def _average_link(sizes: list[int], edges: dict[tuple[int, int], float], params: StoryOptions,
                  spans: Optional[list[tuple[int, int]]] = None) -> list[list[int]]:
    """Average-link clusters of a sparse graph whose nodes are articles or stored stories.

    ``edges`` hold the sum of article-to-article similarities between two
    nodes; pairs without an edge count as 0. Merges need ``threshold``, or
    ``small_threshold`` when one side has at most ``small_size`` articles; the
    pair with the highest average merges first. ``spans`` give each node's
    first and last publication day (-1: none dated): a merge whose dated
    articles would lie more than ``horizon_days`` apart needs ``threshold``
    whatever the sizes. Example: an undated analysis shares a law's name with
    both the first vote on it and its passage fourteen months later; on
    that bridge alone (one strong pair of three) the passage stays its own
    story, while a report whose own date is wrong still joins its story on
    what all its articles share.

    Each node keeps its best mergeable neighbour, and the heap holds those
    (Müllner's generic algorithm): a merge updates its neighbours' best in
    place and rescans only those whose best it took away, instead of pushing
    every changed pair.
    """
    members: dict[int, list[int]] = {i: [i] for i in range(len(sizes))}
    size = list(sizes)
    horizon = params.horizon_days
    first = [f for f, _ in spans] if spans else [-1] * len(sizes)
    last = [l for _, l in spans] if spans else [-1] * len(sizes)

    def too_far(a: int, b: int) -> bool:
        return first[a] >= 0 and first[b] >= 0 and max(last[a], last[b]) - min(first[a], first[b]) > horizon
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), total in edges.items():
        sums[a][b] = total
        sums[b][a] = total
    best: dict[int, tuple[float, int]] = {}
    heap: list[tuple[float, int, int]] = []

    def mergeable(a: int, b: int, total: float) -> float:
        """The average of a and b when it is enough for them to merge, else -1."""
        average = total / (size[a] * size[b])
        small = min(size[a], size[b]) <= params.small_size
        return average if average >= (params.small_threshold if small and not too_far(a, b) else params.threshold) else -1.0

    def offer(a: int, b: int, average: float) -> None:
        current = best.get(a)
        if average >= 0 and (current is None or (-average, b) < (-current[0], current[1])):
            best[a] = (average, b)
            heapq.heappush(heap, (-average, a, b))

    threshold, small_threshold, small_size = params.threshold, params.small_threshold, params.small_size

    def rescan(a: int) -> None:  # mergeable() and offer() over all of a's pairs, inlined: the hot loop
        top, top_b, size_a = -1.0, -1, size[a]
        for b, total in sums[a].items():
            size_b = size[b]
            average = total / (size_a * size_b)
            if average >= (small_threshold if min(size_a, size_b) <= small_size and not too_far(a, b) else threshold) and (
                    average > top or (average == top and b < top_b)):
                top, top_b = average, b
        if top >= 0:
            best[a] = (top, top_b)
            heapq.heappush(heap, (-top, a, top_b))
        else:
            best.pop(a, None)

    for a in list(sums):
        rescan(a)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if best.get(a) != (-neg, b) or b not in members:
            continue  # stale: a's best changed since
        keep, gone = min(a, b), max(a, b)
        members[keep].extend(members.pop(gone))
        size[keep] += size[gone]
        if first[gone] >= 0:
            first[keep] = first[gone] if first[keep] < 0 else min(first[keep], first[gone])
            last[keep] = max(last[keep], last[gone])
        best.pop(gone, None)
        for c, total in sums.pop(gone).items():
            sums[c].pop(gone, None)
            if c != keep:
                sums[keep][c] = sums[keep].get(c, 0.0) + total
                sums[c][keep] = sums[keep][c]
        sums[keep].pop(gone, None)
        rescan(keep)
        for c, total in sums[keep].items():
            if best.get(c, (0.0, -1))[1] in (keep, gone):
                rescan(c)  # its best was one of the two: it may have become worse
            else:
                offer(c, keep, mergeable(c, keep, total))
    return list(members.values())


def _mergeable(sizes: list[int], rows: np.ndarray, cols: np.ndarray, sums: np.ndarray,
               params: StoryOptions) -> dict[tuple[int, int], float]:
    """The edges (a < b: sum of similarities, the larger where one is given twice) that can take part in a merge.

    Two groups merge only when their average similarity reaches the lower
    threshold, and an average is a weighted mean of the averages between the
    nodes in them: groups never span two components of the graph of edges
    that reach it. Edges between such components, and nodes with no such edge,
    are left out before the (slower) agglomeration.
    """
    n = len(sizes)
    if not len(rows):
        return {}
    order = np.lexsort((-sums, rows * n + cols))
    rows, cols, sums = rows[order], cols[order], sums[order]
    first = np.ones(len(rows), dtype=bool)
    first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
    rows, cols, sums = rows[first], cols[first], sums[first]
    size = np.asarray(sizes, dtype=float)
    reach = sums >= min(params.threshold, params.small_threshold) * size[rows] * size[cols]
    graph = sparse.csr_matrix((np.ones(int(reach.sum()), dtype=np.int8), (rows[reach], cols[reach])), shape=(n, n))
    component = connected_components(graph, directed=False)[1]
    linked = np.zeros(n, dtype=bool)
    linked[rows[reach]] = linked[cols[reach]] = True
    keep = linked[rows] & (component[rows] == component[cols])
    return dict(zip(zip(rows[keep].tolist(), cols[keep].tolist()), sums[keep].tolist()))
