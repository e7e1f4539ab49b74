"""Stage 7, store: the one place that knows SQL.

Public entry: :func:`open_store`, which picks the backend named by the
options (``store.backend``) and opens the database in one of two modes:

- ``"run"`` (the default: the pipeline) creates the file if needed, checks that it is
  ours before changing anything, takes the run lock (one writer per database: a second
  run fails at once with E404 naming the holder), checks the pages (PRAGMA quick_check,
  E406) and migrates the schema explicitly.
- ``"query"`` (every command that only reads) opens an existing file read-only (E405
  when there is none; nothing is created) and never writes or migrates: a database of
  an older schema is read as it is, the tables it lacks reading as empty. A query works
  while a run writes (WAL readers see the last committed batch).

Errors SQLite reports about the file become coded errors naming it: damage E406, disk
full or I/O error E407 (committed batches are kept), read-only E408.
"""
from __future__ import annotations

from typing import Optional

from ..config import StoreOptions
from .base import ArticleQuery, BatchResult, EntityQuery, EventQuery, QuoteQuery, Store, StoryQuery


def open_store(options: StoreOptions, path: Optional[str] = None, mode: str = "run") -> Store:
    """Open the database at ``path`` (else ``options.path``) with the configured backend,
    in ``mode`` "run" (may create and write; holds the run lock) or "query" (read-only)."""
    if options.backend == "sqlite":
        from .sqlite import SQLiteStore

        return SQLiteStore(path or options.path, mode=mode)
    raise ValueError(f"unknown store backend {options.backend!r}")  # the config schema forbids it


__all__ = ["open_store", "Store", "ArticleQuery", "EntityQuery", "EventQuery", "QuoteQuery", "BatchResult", "StoryQuery"]
