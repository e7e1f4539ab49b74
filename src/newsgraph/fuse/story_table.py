"""The stories formed so far, as story grouping compares new articles with them.

Each story is a row holding the sum of its articles' vectors (for a bilinear
similarity, the sum gives the average link to all of them at once), its size,
the sum of its articles' baselines, and the first and last day it was
reported. A chunk of new articles changes only the stories it joins: those
get new rows, computed from their old rows and the new articles alone, and the
old rows are retired. Nothing is summed again over all the articles of all
the stories, so a chunk costs what it touches, not what is stored.
"""
from __future__ import annotations

import hashlib
from typing import Iterable

import numpy as np
from scipy import sparse


class StoryTable:
    def __init__(self, matrix: sparse.csr_matrix, baseline: np.ndarray, days: np.ndarray):
        self.matrix, self.baseline, self.days = matrix, baseline, days
        self.names: list[str] = []  # row -> story id
        self.members: list[list[int]] = []  # row -> article indices
        self.sums = sparse.csr_matrix((0, matrix.shape[1]))
        self.size = np.zeros(0, dtype=np.int64)
        self.base = np.zeros(0)
        self.first = np.zeros(0, dtype=np.int64)  # -1: no article of the story is dated
        self.last = np.zeros(0, dtype=np.int64)
        self.alive = np.zeros(0, dtype=bool)
        self.row_of = np.full(matrix.shape[0], -1, dtype=np.int64)  # article index -> its story's row

    def active(self, days: np.ndarray, horizon: int) -> np.ndarray:
        """Rows of live stories that may be within ``horizon`` days of an article dated ``days``
        (undated stories, or a chunk with no date, are always in reach)."""
        rows = np.flatnonzero(self.alive)
        dated = days[days >= 0]
        if not len(dated):
            return rows
        first, last = self.first[rows], self.last[rows]
        near = (first < 0) | ((last >= dated.min() - horizon) & (first <= dated.max() + horizon))
        return rows[near]

    def replace(self, groups: Iterable[tuple[list[int], list[int], str]]) -> None:
        """Each group (rows of stored stories, new article indices, story id) becomes one new row;
        the rows it was made of are retired."""
        groups = list(groups)
        if not groups:
            return
        taken = sparse.csr_matrix(
            (np.ones(sum(len(r) for r, _, _ in groups)),
             ([g for g, (r, _, _) in enumerate(groups) for _ in r], [x for r, _, _ in groups for x in r])),
            shape=(len(groups), len(self.names)))
        added = sparse.csr_matrix(
            (np.ones(sum(len(a) for _, a, _ in groups)),
             ([g for g, (_, a, _) in enumerate(groups) for _ in a], [i for _, a, _ in groups for i in a])),
            shape=(len(groups), self.matrix.shape[0]))
        start = len(self.names)
        self.sums = sparse.vstack([self.sums, taken @ self.sums + added @ self.matrix], format="csr")
        self.size = np.concatenate([self.size, taken @ self.size + np.diff(added.indptr)])
        self.base = np.concatenate([self.base, taken @ self.base + added @ self.baseline])
        first, last = [], []
        for rows, articles, _ in groups:
            days = [d for d in self.days[articles].tolist() if d >= 0]
            days += [d for r in rows if self.first[r] >= 0 for d in (self.first[r], self.last[r])]
            first.append(min(days) if days else -1)
            last.append(max(days) if days else -1)
        self.first = np.concatenate([self.first, first]).astype(np.int64)
        self.last = np.concatenate([self.last, last]).astype(np.int64)
        self.alive = np.concatenate([self.alive, np.ones(len(groups), dtype=bool)])
        for g, (rows, articles, name) in enumerate(groups):
            members = [i for r in rows for i in self.members[r]] + list(articles)
            for r in rows:
                self.alive[r] = False
                self.members[r] = []
            self.names.append(name)
            self.members.append(members)
            self.row_of[members] = start + g

    def assignments(self) -> Iterable[tuple[int, str]]:
        """(article index, story id) of every article in a live story."""
        for row in np.flatnonzero(self.alive).tolist():
            for i in self.members[row]:
                yield i, self.names[row]


def story_id(stored: list[tuple[str, int]], article_ids: list[str]) -> str:
    """A story keeps the id of the largest stored story in it (``stored``: id and size); a new one is
    named after its first article."""
    if stored:
        return min(stored, key=lambda s: (-s[1], s[0]))[0]
    return "s" + hashlib.sha1(min(article_ids).encode()).hexdigest()[:15]
