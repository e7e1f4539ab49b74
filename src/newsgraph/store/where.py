"""The one WHERE builder of the store: every query's filters become SQL here.

    >>> where = Where()
    >>> _ = where.add("published >= ?", "2024-05-01").add("outlet = ? COLLATE NOCASE", "Harbour Gazette")
    >>> where.sql(), where.args
    (' WHERE published >= ? AND outlet = ? COLLATE NOCASE', ['2024-05-01', 'Harbour Gazette'])
"""
from __future__ import annotations

import sqlite3
from typing import Any, Optional


class Where:
    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.args: list[Any] = []

    def add(self, clause: str, *args: Any) -> "Where":
        self.clauses.append(clause)
        self.args.extend(args)
        return self

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def limit(value: Optional[int]) -> str:
    return f" LIMIT {int(value)}" if value else ""


def _casefold(value: Optional[str]) -> str:
    return "" if value is None else str(value).casefold()


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the filters use. ``casefold``: Unicode case folding, where SQLite's own
    lower() folds ASCII only ("åse" must find "Åse Lund")."""
    conn.create_function("casefold", 1, _casefold, deterministic=True)


def contains_folded(column: str) -> str:
    """A clause: ``column`` holds the (case-folded) argument, in any case."""
    return f"instr(casefold({column}), ?) > 0"
