"""Stores for the store and CLI tests: another program's database, a run holding the lock."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def foreign_sqlite(path: Path) -> Path:
    """An SQLite database of another program (one table, no newsgraph marks)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return path


@contextmanager
def run_lock_held(path: Path) -> Iterator[subprocess.Popen]:
    """Another process holding the run lock of the database at ``path`` (opened as a run opens
    it) until the block ends; it is then SIGKILLed, so no clean-up of its own runs."""
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from newsgraph.store.sqlite import SQLiteStore
        store = SQLiteStore({str(path)!r})
        print("ready", flush=True)
        time.sleep(120)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        yield holder
    finally:
        holder.kill()
        holder.wait(30)
