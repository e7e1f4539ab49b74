"""Engines map the per-article stages over a batch: in this process or in a local pool.

An engine gets records and the options, returns records in the same order,
and never touches the store. Public entry: :func:`make_engine`.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Optional, Sequence, TypeVar

from ..config import RunOptions

A = TypeVar("A")
R = TypeVar("R")

# Below this many items a batch is not worth shipping to other processes.
_MIN_PARALLEL = 16


class Engine:
    """Runs ``fn`` over items, in a process pool when there is more than one worker."""

    def __init__(self, workers: int):
        self.workers = workers
        self._pool: Optional[ProcessPoolExecutor] = None

    def map(self, fn: Callable[..., R], items: Sequence[A], *args) -> list[R]:
        if self.workers <= 1 or len(items) < _MIN_PARALLEL:
            return [fn(item, *args) for item in items]
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        chunk = max(1, len(items) // (self.workers * 4))
        return list(self._pool.map(fn, items, *([a] * len(items) for a in args), chunksize=chunk))

    def map_chunks(self, fn: Callable[..., list[R]], items: Sequence[A], *args) -> list[R]:
        """``fn`` over contiguous chunks of ``items`` (one per worker), results flattened in order."""
        if not items:
            return []
        if self.workers <= 1 or len(items) < 2:
            return fn(list(items), *args)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        size = -(-len(items) // self.workers)
        chunks = [list(items[i:i + size]) for i in range(0, len(items), size)]
        futures = [self._pool.submit(fn, chunk, *args) for chunk in chunks]
        return [result for future in futures for result in future.result()]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def make_engine(options: RunOptions) -> Engine:
    workers = options.workers or os.cpu_count() or 1
    return Engine(workers)


__all__ = ["Engine", "make_engine"]
