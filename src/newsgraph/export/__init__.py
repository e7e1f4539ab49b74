"""Exports of the stored graph. Public entry: :func:`export`."""
from __future__ import annotations

from pathlib import Path

from ..store import Store
from .jsonl import write_jsonl

FORMATS = {"jsonl": write_jsonl}


def export(store: Store, fmt: str, outdir: str | Path) -> dict[str, int]:
    """Write the store in ``fmt`` into ``outdir``; return the record count per file."""
    return FORMATS[fmt](store, Path(outdir))


__all__ = ["export", "FORMATS"]
