"""A run killed with SIGKILL leaves a consistent database; the next run finishes the work."""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.slow

CITIES = ["Oslo", "Lima", "Accra", "Hanoi", "Quito", "Riga", "Dakar", "Perth"]
VERBS = ["met", "signed a deal", "held talks", "traded accusations", "agreed on aid"]


def _write_corpus(folder, n):
    rng = random.Random(7)
    for i in range(n):
        city = rng.choice(CITIES)
        body = " ".join(
            f"Officials in {city} {rng.choice(VERBS)} on day {i} of the session, item {j}, "
            f"the ministry said in statement number {rng.randint(1, 10**9)}."
            for j in range(6))
        if i % 2:
            page = (f"<html><head><title>Report {i}</title></head><body><nav>Home | World</nav>"
                    f"<article><h1>Report {i}</h1><p>{body}</p><p>{body[::-1]}</p></article></body></html>")
            (folder / f"a{i:04d}.html").write_text(page, encoding="utf-8")
        else:
            (folder / f"a{i:04d}.txt").write_text(f"{city.upper()} - {body}\n", encoding="utf-8")


def _count(db):
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _run(folder, db, cfg):
    return subprocess.Popen([sys.executable, "-m", "newsgraph", "run", str(folder), "--db", str(db),
                             "--config", str(cfg), "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_sigkill_mid_run_then_rerun(tmp_path):
    n = 600
    folder = tmp_path / "corpus"
    folder.mkdir()
    _write_corpus(folder, n)
    cfg = tmp_path / "small-batches.toml"
    cfg.write_text("[store]\nbatch_size = 10\n")
    db = tmp_path / "n.db"

    proc = _run(folder, db, cfg)
    deadline = time.monotonic() + 120
    while _count(db) < 100 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = _count(db)
    assert 0 < killed_at < n, "the run was not killed mid-way"

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()

    finish = _run(folder, db, cfg)
    _, err = finish.communicate(timeout=300)
    assert finish.returncode == 0, err.decode()
    assert f"{n - killed_at} new articles" in err.decode()

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == n
    assert conn.execute("SELECT count(DISTINCT input_id) FROM inputs").fetchone()[0] == n
    assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'ministry'").fetchone()[0] == n
    conn.close()

    again = _run(folder, db, cfg)
    _, err = again.communicate(timeout=300)
    assert "0 new articles" in err.decode() and f"{n} unchanged" in err.decode()
