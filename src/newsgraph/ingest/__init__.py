"""Stage 1, ingest: paths, folders, archives and streams to RawDocuments.

Public entry: :func:`ingest`. It only reads; every unreadable input becomes an
InputProblem and reading goes on.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from ..config import IngestOptions
from .items import Item
from .sources import iter_paths, read_path


def ingest(paths: Iterable[str], options: IngestOptions) -> Iterator[Item]:
    """Yield a RawDocument for every article found in ``paths`` (files, folders or '-')."""
    for path in iter_paths(list(paths), options):
        if isinstance(path, str):
            yield from read_path(path, options)
        else:
            yield path  # a path that could not be listed or was skipped


__all__ = ["ingest"]
