"""Engines map the per-article stages over a batch: in this process or in a local pool.

An engine gets records and the options, returns records in the same order,
and never touches the store. Public entry: :func:`make_engine`; :class:`Beside`
runs one computation in a forked helper while the caller does another.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator, Optional, Sequence, TypeVar

from ..config import RunOptions

A = TypeVar("A")
R = TypeVar("R")

# Below this many items a batch is not worth shipping to other processes.
_MIN_PARALLEL = 16
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_WATCH_SECONDS = 1.0


def die_with_parent(parent: int) -> None:
    """Make this child process end when ``parent`` does.

    A pool worker (about 525 MB with the spaCy model) whose driver is killed waits
    on its pipe forever: SIGKILL runs no clean-up, and the pool's own shutdown never
    comes. On Linux the kernel sends SIGKILL to the child when the thread that forked
    it ends (prctl PR_SET_PDEATHSIG); the parent may already be gone by then, which
    the getppid() check below catches. Elsewhere, or if prctl fails, a daemon thread
    polls getppid() every second: a child whose parent died is re-parented (to init
    or a subreaper), so its parent id changes. The thread also covers the case where
    the forking thread ends before the process does (prctl's signal is per thread).
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the watch below does it alone
        pass
    if os.getppid() != parent:  # it died between the fork and the prctl
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="newsgraph-parent-watch",
                     daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_SECONDS)
    os.kill(os.getpid(), signal.SIGKILL)  # no clean-up to wait for: the parent is gone


def _child_init(parent: int) -> None:
    """Pool workers and helpers leave Ctrl-C to the driver: the terminal sends SIGINT to
    the whole process group, and a worker stopped in the middle of a task would only
    print a traceback; the driver stops them (see :meth:`Engine.close`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_child_init, initargs=(os.getpid(),))


class Engine:
    """Runs ``fn`` over items, in a process pool when there is more than one worker."""

    def __init__(self, workers: int):
        self.workers = workers
        self._pool: Optional[ProcessPoolExecutor] = None

    def map(self, fn: Callable[..., R], items: Sequence[A], *args) -> list[R]:
        if self.workers <= 1 or len(items) < _MIN_PARALLEL:
            return [fn(item, *args) for item in items]
        if self._pool is None:
            self._pool = _pool(self.workers)
        chunk = max(1, len(items) // (self.workers * 4))
        return list(self._pool.map(fn, items, *([a] * len(items) for a in args), chunksize=chunk))

    def map_chunks(self, fn: Callable[..., list[R]], items: Sequence[A], *args) -> list[R]:
        """``fn`` over contiguous chunks of ``items`` (one per worker), results flattened in order."""
        if not items:
            return []
        if self.workers <= 1 or len(items) < 2:
            return fn(list(items), *args)
        if self._pool is None:
            self._pool = _pool(self.workers)
        size = -(-len(items) // self.workers)
        chunks = [list(items[i:i + size]) for i in range(0, len(items), size)]
        futures = [self._pool.submit(fn, chunk, *args) for chunk in chunks]
        return [result for future in futures for result in future.result()]

    def close(self, abandon: bool = False) -> None:
        """Shut the pool down; ``abandon`` kills the workers first instead of waiting for
        the tasks under way (the driver is stopping: their results would be thrown away)."""
        if self._pool is not None:
            if abandon:
                for process in list((getattr(self._pool, "_processes", None) or {}).values()):
                    process.kill()
            self._pool.shutdown(wait=not abandon, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self.close(abandon=exc_type is not None)


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
        self._process = context.Process(target=_run_beside, args=(fn, send, os.getpid()), daemon=True)
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


def _run_beside(fn, send, parent: int) -> None:
    _child_init(parent)
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


__all__ = ["Beside", "Engine", "die_with_parent", "make_engine"]
