"""How the SQLite store opens a file: read-only for queries, locked for runs, and how
SQLite's own errors reach the user as coded ones.

Nothing here writes into the database file itself; the run lock is a file of its own
beside it (``PATH.lock``).
"""
from __future__ import annotations

import datetime
import fcntl
import os
import socket
import sqlite3
from typing import Optional
from urllib.parse import quote

from ..errors import NewsgraphError

# SQLite's primary result codes (the low byte of an extended code)
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26

TIMEOUT_SECONDS = 30  # how long a statement waits for a lock another connection holds


def is_memory(path: str) -> bool:
    return path in ("", ":memory:")


def coded_error(exc: sqlite3.Error, path: str) -> Optional[NewsgraphError]:
    """The coded error for what SQLite reports about the file itself, or None for
    anything else (a bad query, a bug), which the caller handles or lets through."""
    primary = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    cause = " ".join(str(exc).split())  # one line, whatever SQLite said
    if cause.startswith("Could not decode to UTF-8"):  # Python's: we only ever store UTF-8
        return NewsgraphError("E406", path, "stored text is not UTF-8: " + cause[:60])
    if primary in (_CORRUPT, _NOTADB):
        return NewsgraphError("E406", path, cause)
    if primary in (_FULL, _IOERR):
        return NewsgraphError("E407", path, cause)
    if primary == _READONLY:
        return NewsgraphError("E408", path, cause)
    if primary in (_BUSY, _LOCKED):
        # Runs hold the run lock, so this is another program (or a reader checkpointing) holding it
        return NewsgraphError("E404", path, f"{cause} for {TIMEOUT_SECONDS} s")
    if primary == _CANTOPEN:
        return NewsgraphError("E405", path, f"{cause} (check that its folder exists and may be written)")
    return None


def connect_read_write(path: str) -> sqlite3.Connection:
    """A connection that may write (run mode). SQLite creates a missing file: only the
    run creates databases."""
    try:
        return sqlite3.connect(path, isolation_level=None, timeout=TIMEOUT_SECONDS)
    except sqlite3.Error as exc:
        raise coded_error(exc, path) or NewsgraphError("E402", path, str(exc)) from None


def connect_read_only(path: str) -> sqlite3.Connection:
    """A connection that cannot write the database (query mode).

    ``mode=ro`` keeps SQLite's locking, so a query reads a consistent snapshot while a run
    writes (WAL). It needs the ``-shm`` file; SQLite creates ``-wal``/``-shm`` beside a
    database closed cleanly (the database file itself stays byte-identical). Where they
    cannot be created (a folder we may not write) and no ``-wal`` exists, nothing has been
    left uncheckpointed, so the file is opened ``immutable=1``: no locks, no side files.
    The one risk left, a run by another user starting to write during such a query, needs
    that user to write where we cannot, and is accepted.
    """
    if not os.path.exists(path):
        raise NewsgraphError("E405", path, "no such file")
    if not os.path.isfile(path):
        raise NewsgraphError("E405", path, "not a file")
    uri = "file:" + quote(os.path.abspath(path)) + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=TIMEOUT_SECONDS)
    except sqlite3.Error as exc:
        raise coded_error(exc, path) or NewsgraphError("E402", path, str(exc)) from None
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens -wal/-shm now
    except sqlite3.DatabaseError as exc:
        conn.close()
        primary = (exc.sqlite_errorcode or 0) & 0xFF
        if primary in (_READONLY, _CANTOPEN) and not os.path.exists(path + "-wal"):
            return sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None,
                                   timeout=TIMEOUT_SECONDS)
        if primary == _NOTADB:
            raise NewsgraphError("E402", path, str(exc)) from None
        raise coded_error(exc, path) or NewsgraphError("E402", path, str(exc)) from None
    return conn


# Lock descriptors held by this process: a forked child (the engine forks helpers) closes
# its copies, so that a SIGKILLed run's lock is not kept alive by a helper it left behind.
_HELD: set[int] = set()


def _close_inherited() -> None:
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


os.register_at_fork(after_in_child=_close_inherited)


class RunLock:
    """One writer per database: an exclusive ``flock`` on ``PATH.lock``.

    The kernel drops the lock when the process ends however it ends (SIGKILL included), so
    no stale lock survives a dead run; the file stays (deleting it would let two runs lock
    two different files of the same name) and holds who has it, for the error message.
    """

    def __init__(self, db_path: str):
        self.path = os.path.realpath(db_path) + ".lock"  # one lock whatever the spelling of the path
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except FileNotFoundError:
            raise NewsgraphError("E405", db_path, f"its folder {os.path.dirname(self.path)} does not exist") from None
        except OSError as exc:
            raise NewsgraphError("E408", db_path, f"cannot create the run lock {self.path}: {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 400, 0).decode("utf-8", "replace").strip() or "another process"
            os.close(fd)
            raise NewsgraphError("E404", db_path, f"held by {holder} (lock file {self.path})") from None
        started = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()} since {started}\n".encode(), 0)
        self.fd = fd
        _HELD.add(fd)

    def release(self) -> None:
        if self.fd < 0:
            return
        _HELD.discard(self.fd)
        try:
            os.ftruncate(self.fd, 0)  # no holder named once released
        except OSError:
            pass
        os.close(self.fd)  # closing drops the flock
        self.fd = -1
