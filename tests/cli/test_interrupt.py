"""Ctrl-C and SIGTERM stop `newsgraph run` cleanly: one line, 130/143, committed batches kept."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time

import pytest

N_FILES = 1500


def _corpus(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(N_FILES):
        (folder / f"a{i:04d}.txt").write_text(
            f"Story number {i}\n\nThe council of town {i} met on Monday and agreed on item {i * 7}. "
            f"The mayor said the vote on plan {i} would follow next week.\n", "utf-8")
    config = tmp_path / "fast.toml"
    config.write_text("[nlp]\nenabled = false\n\n[store]\nbatch_size = 1\n\n[run]\nworkers = 1\n", "utf-8")
    return folder, config


def _count(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("sig, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_stopped_run_keeps_what_it_committed(tmp_path, sig, status):
    folder, config = _corpus(tmp_path)
    db = tmp_path / "news.db"
    run = subprocess.Popen([sys.executable, "-m", "newsgraph", "run", str(folder), "--db", str(db),
                            "--config", str(config)], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while _count(db) < 5 and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert run.poll() is None, "the run ended before it could be interrupted"
        run.send_signal(sig)
        _out, err = run.communicate(timeout=30)
    finally:
        run.kill()
    assert run.returncode == status, err
    assert "interrupted; what was committed is kept, run again to finish" in err
    assert "Aborted!" not in err and "Traceback" not in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 5 <= kept < N_FILES
