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

import hashlib
import heapq
from collections import defaultdict
from itertools import chain
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

import numpy as np
from datasketch import MinHashLSH
from scipy import sparse

from ..records import StoryFeatures
from .signatures import MINHASH_SCHEME, NUM_PERM

KINDS = ("w", "n", "#")  # words, names, numbers


@dataclass(frozen=True)
class StoryParams:
    threshold: float = 0.25  # average similarity two groups need to be one story
    small_threshold: float = 0.1  # ... when one of them has few articles (short texts score low)
    small_size: int = 4
    word_weight: float = 0.4
    name_weight: float = 0.35
    number_weight: float = 0.25
    centering: float = 1.0  # how much of an article's mean similarity to all others is taken away ...
    strong_similarity: float = 0.45  # ... from similarities below this
    window_days: int = 180  # reports farther apart than this count for less ...
    far_factor: float = 0.5  # ... by this factor
    horizon_days: int = 300  # ... and beyond this, not at all: the same actors a year later are another story
    max_postings: int = 2000  # terms in more articles than this are not used to compare
    min_similarity: float = 0.05  # weaker links are not kept
    duplicate_jaccard: float = 0.8  # shingle overlap of near-duplicates
    max_duplicate_checks: int = 20  # candidates verified per article, the likeliest first


class StoryGrouper:
    """Groups new articles into stories, beside the stories already stored.

    New articles are taken in date order, ``chunk_size`` at a time: within a
    chunk every pair sharing a usable term is compared (a sparse product), and
    each chunk also meets the stories formed so far through their summed
    vectors, which for a bilinear similarity give the average link exactly.
    """

    def __init__(self, params: StoryParams = StoryParams(), chunk_size: int = 4000):
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
        stories: dict[str, list[int]] = defaultdict(list)
        for i, (_, story) in enumerate(old):
            stories[story].append(i)
        baseline = self._baseline(matrix)
        for start in range(len(old), len(docs), self.chunk_size):
            chunk = list(range(start, min(start + self.chunk_size, len(docs))))
            self._group_chunk(docs, matrix, baseline, chunk, stories, strong)
        before = {f.article_id: story for f, story in old}
        return {docs[i].article_id: story for story, members in stories.items() for i in members
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
        block = np.zeros(width, dtype=np.int8)
        for term, c in vocabulary.items():
            block[c] = KINDS.index(term[0])
        df = np.bincount(cols_a, minlength=width)
        weighted = values * (np.log((1 + n) / (1 + df)) + 1.0)[cols_a]
        norms = np.zeros((n, len(KINDS)))
        np.add.at(norms, (rows_a, block[cols_a]), weighted ** 2)
        norms = np.sqrt(norms)
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

    def _group_chunk(self, docs, matrix, baseline, chunk: list[int], stories: dict[str, list[int]],
                     strong) -> None:
        p = self.params
        all_days = np.array([d.day if d.day is not None else -1 for d in docs])
        days, base, block = all_days[chunk], baseline[chunk], matrix[chunk]
        pairs = (block @ block.T).tocoo()
        # centring and dating only lower a similarity: what is weak already is left out first
        upper = (pairs.row < pairs.col) & (pairs.data >= p.min_similarity)
        rows, cols = pairs.row[upper], pairs.col[upper]
        sims = self._dated(self._centred(pairs.data[upper], (base[rows] + base[cols]) / 2), days[rows], days[cols])
        keep = sims >= p.min_similarity
        edges: dict[tuple[int, int], float] = dict(zip(zip(rows[keep].tolist(), cols[keep].tolist()),
                                                       sims[keep].tolist()))
        names = list(stories)
        k = len(chunk)
        if names:
            spans = np.array([_span(all_days, stories[s]) for s in names])
            active = self._active(spans, days)
            names, spans = [s for s, keep in zip(names, active) if keep], spans[active]
        sizes = [1] * k + [len(stories[s]) for s in names]
        if names:
            members = sparse.csr_matrix(
                (np.ones(sum(sizes[k:])), ([x for x, s in enumerate(names) for _ in stories[s]],
                                           [i for s in names for i in stories[s]])),
                shape=(len(names), len(docs)))
            cross = (block @ (members @ matrix).T).tocoo()  # sums of similarities to each story's articles
            size = np.array(sizes[k:], dtype=float)[cross.col]
            strong_enough = cross.data / size >= p.min_similarity
            rows, cols, size = cross.row[strong_enough], cross.col[strong_enough], size[strong_enough]
            story_base = (members @ baseline)[cols]
            first, last = spans[cols, 0], spans[cols, 1]
            nearest = np.where((first < 0) | (days[rows] < 0), -1, np.clip(days[rows], first, last))
            mean = self._centred(cross.data[strong_enough] / size, (size * base[rows] + story_base) / (2 * size))
            sums = size * self._dated(mean, days[rows], nearest)
            keep = sums / size >= p.min_similarity
            edges.update(zip(zip(rows[keep].tolist(), (cols[keep] + k).tolist()), sums[keep].tolist()))
        position = {doc: a for a, doc in enumerate(chunk)}
        story_of = {i: k + x for x, s in enumerate(names) for i in stories[s]} if strong else {}
        for j, originals in strong.items():
            if j in position:
                for i in originals:
                    other = position.get(i, story_of.get(i))
                    if other is not None:
                        key = (min(other, position[j]), max(other, position[j]))
                        edges[key] = max(edges.get(key, 0.0), float(sizes[key[1]] if key[1] >= k else 1))
        for group in _average_link(sizes, edges, p):
            stored = [names[x - k] for x in group if x >= k]
            new = [chunk[x] for x in group if x < k]
            story = _story_id(stored, stories, [docs[i].article_id for i in new])
            for other in stored:
                if other != story:
                    stories[story].extend(stories.pop(other))
            stories[story].extend(new)

    def _centred(self, sims: np.ndarray, baseline: np.ndarray) -> np.ndarray:
        # what two reports share this much of is one story, whatever else the collection is about
        return np.where(sims >= self.params.strong_similarity, sims, sims - baseline)

    def _dated(self, sims: np.ndarray, day_a: np.ndarray, day_b: np.ndarray) -> np.ndarray:
        apart = np.where((day_a < 0) | (day_b < 0), 0, np.abs(day_a - day_b))
        factor = np.where(apart > self.params.horizon_days, 0.0,
                          np.where(apart > self.params.window_days, self.params.far_factor, 1.0))
        return sims * factor

    def _active(self, spans: np.ndarray, days: np.ndarray) -> np.ndarray:
        """Stories whose articles are all beyond the horizon of the chunk's are not compared."""
        dated = days[days >= 0]
        if not len(dated):
            return np.ones(len(spans), dtype=bool)
        horizon = self.params.horizon_days
        undated = spans[:, 0] < 0
        return undated | ((spans[:, 1] >= dated.min() - horizon) & (spans[:, 0] <= dated.max() + horizon))

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
                candidates = sorted(int(key) for key in lsh.query(sketch))
                # the closest estimates first; a copy syndicated a thousand times needs only a few checks
                candidates.sort(key=lambda j: -np.count_nonzero(docs[j].minhash == doc.minhash))
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


def _average_link(sizes: list[int], edges: dict[tuple[int, int], float], params: StoryParams) -> list[list[int]]:
    """Average-link clusters of a sparse graph whose nodes are articles or stored stories.

    ``edges`` hold the sum of article-to-article similarities between two
    nodes; pairs without an edge count as 0. Merges need ``threshold``, or
    ``small_threshold`` when one side has at most ``small_size`` articles.
    """
    members: dict[int, list[int]] = {i: [i] for i in range(len(sizes))}
    size = list(sizes)
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), total in edges.items():
        sums[a][b] = total
        sums[b][a] = total

    def needed(a: int, b: int) -> float:  # the sum of similarities a merge of a and b needs
        small = min(size[a], size[b]) <= params.small_size
        return (params.small_threshold if small else params.threshold) * size[a] * size[b]

    # a pair's average changes only when one side merges, and is pushed again then; sizes only grow,
    # so a pair too weak for its threshold now can wait until then
    heap = [(-t / (size[a] * size[b]), a, b) for a in sums for b, t in sums[a].items() if a < b and t >= needed(a, b)]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        current = sums[a].get(b, 0.0) / (size[a] * size[b])
        if abs(current + neg) > 1e-12:
            continue  # stale entry: one side grew since it was pushed
        members[a].extend(members.pop(b))
        size[a] += size[b]
        for c, t in sums.pop(b).items():
            sums[c].pop(b, None)
            if c != a:
                sums[a][c] = sums[a].get(c, 0.0) + t
                sums[c][a] = sums[a][c]
        sums[a].pop(b, None)
        for c, t in sums[a].items():
            if t >= needed(a, c):
                heapq.heappush(heap, (-t / (size[a] * size[c]), min(a, c), max(a, c)))
    return list(members.values())


def _span(days: np.ndarray, members: list[int]) -> tuple[int, int]:
    """First and last publication day of a story's articles, (-1, -1) when none is dated."""
    dated = days[members]
    dated = dated[dated >= 0]
    return (int(dated.min()), int(dated.max())) if len(dated) else (-1, -1)


def _story_id(stored: list[str], stories: dict[str, list[int]], article_ids: list[str]) -> str:
    """A story keeps the id of the largest stored story in it; a new one is named after its first article."""
    if stored:
        return min(stored, key=lambda s: (-len(stories[s]), s))
    return "s" + hashlib.sha1(min(article_ids).encode()).hexdigest()[:15]
