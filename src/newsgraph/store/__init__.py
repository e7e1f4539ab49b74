"""Stage 7, store: the one place that knows SQL.

Public entry: :func:`open_store`, which picks the backend named by the
options (``store.backend``) and opens or creates the database, migrating its
schema explicitly.
"""
from __future__ import annotations

from typing import Optional

from ..config import StoreOptions
from .base import ArticleQuery, BatchResult, EntityQuery, EventQuery, QuoteQuery, Store, StoryQuery


def open_store(options: StoreOptions, path: Optional[str] = None) -> Store:
    """Open the database at ``path`` (else ``options.path``) with the configured backend."""
    if options.backend == "sqlite":
        from .sqlite import SQLiteStore

        return SQLiteStore(path or options.path)
    raise ValueError(f"unknown store backend {options.backend!r}")  # the config schema forbids it


__all__ = ["open_store", "Store", "ArticleQuery", "EntityQuery", "EventQuery", "QuoteQuery", "BatchResult", "StoryQuery"]
