"""Engines map the per-article stages over a batch: in this process or in a local pool.

An engine gets records and the options, returns records in the same order,
and never touches the store. Public entry: :func:`make_engine`; :class:`Beside`
runs one computation in a forked helper while the caller does another.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator, Optional, Sequence, TypeVar

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


class Beside:
    """A generator function run in a forked child process while this one goes on.

    Each value the generator yields is sent back as soon as it is ready, and
    :meth:`next` waits for the next one. The child is forked, so it reads what
    this process holds without copying it through a pipe; it must not touch
    shared resources (a store's connection). Where forking is not available,
    or ``parallel`` is false, the generator runs here, lazily, when asked.
    """

    def __init__(self, fn: Callable[[], Iterator[R]], parallel: bool = True):
        self._local: Optional[Iterator[R]] = None
        self._process = None
        if not parallel or "fork" not in multiprocessing.get_all_start_methods():
            self._local = fn()
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run_beside, args=(fn, send), daemon=True)
        self._process.start()
        send.close()

    def next(self) -> R:
        if self._local is not None:
            return next(self._local)
        try:
            failed, value = self._receive.recv()
        except EOFError:
            raise RuntimeError("the helper process ended without an answer") from None
        if failed:
            raise value
        return value

    def close(self) -> None:
        if self._process is not None:
            self._receive.close()
            self._process.join(timeout=5)
            if self._process.is_alive():
                self._process.kill()
            self._process = None


def _run_beside(fn, send) -> None:
    try:
        for value in fn():
            send.send((False, value))
    except BaseException as exc:  # handed to the parent, which raises it
        send.send((True, exc))
    finally:
        send.close()


def make_engine(options: RunOptions) -> Engine:
    workers = options.workers or os.cpu_count() or 1
    return Engine(workers)


__all__ = ["Beside", "Engine", "make_engine"]
