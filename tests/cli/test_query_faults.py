"""Issue 12 for the query commands: a coded one-line error (exit 2), and no file created or changed."""
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import pytest

from newsgraph.records import Article, InputProblem
from newsgraph.store.sqlite import SQLiteStore
from cli_runner import run_cli
from stores import foreign_sqlite, run_lock_held

QUERIES = [["articles"], ["articles", "--search", "word5"], ["events"], ["entities"], ["quotes"], ["stories"],
           ["problems"]]


def _command(args, db, tmp_path):
    if args == ["export"]:
        return ["export", "--db", db, str(tmp_path / "out")]
    return [*args, "--db", db]


def _stored(path, n=5):
    rnd = random.Random(1)
    with SQLiteStore(path) as store:
        store.write_batch([Article(id=f"a{i}", inputs=[f"in{i}.txt"], raw_hash=f"h{i}", outlet="Harbour Gazette",
                                   text=" ".join(f"word{rnd.randrange(900)}" for _ in range(300)))
                           for i in range(n)], [InputProblem("bad.txt", "E102", "the file is empty")])
    return path


def _one_coded_line(err, code, path):
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"newsgraph: error {code} {path}: "), err
    assert "internal error" not in err


@pytest.mark.parametrize("args", QUERIES + [["export"]], ids=lambda a: " ".join(a))
def test_a_missing_db_is_E405_and_creates_nothing(capsys, tmp_path, args):
    missing = tmp_path / "typo.db"
    status, out, err = run_cli(capsys, *_command(args, missing, tmp_path))
    assert status == 2 and out == ""
    _one_coded_line(err, "E405", missing)
    assert list(tmp_path.iterdir()) == []


def test_the_default_db_must_exist_too(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, _, err = run_cli(capsys, "articles")
    assert status == 2 and "E405 newsgraph.db" in err and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", QUERIES + [["export"]], ids=lambda a: " ".join(a))
def test_queries_leave_the_database_file_unchanged(capsys, tmp_path, args):
    db = _stored(tmp_path / "n.db")
    before = db.read_bytes(), os.stat(db).st_mtime_ns
    status, _, err = run_cli(capsys, *_command(args, db, tmp_path))
    assert status == 0, err
    assert (db.read_bytes(), os.stat(db).st_mtime_ns) == before


def test_another_programs_file_is_E402_and_byte_identical(capsys, tmp_path):
    foreign = foreign_sqlite(tmp_path / "other.db")
    before = foreign.read_bytes()
    for args in (["articles"], ["run", str(tmp_path / "none.txt")]):
        status, _, err = run_cli(capsys, *args, "--db", foreign)
        assert status == 2
        _one_coded_line(err, "E402", foreign)
    assert foreign.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_a_damaged_database_is_E406_not_a_bad_search(capsys, tmp_path):
    db = _stored(tmp_path / "n.db", n=60)
    size = db.stat().st_size
    data = bytearray(db.read_bytes())
    rnd = random.Random(7)
    for offset in range(size // 3, 2 * size // 3, 4096):
        data[offset:offset + 4096] = rnd.randbytes(4096)
    db.write_bytes(bytes(data))
    for args in (["articles", "--search", "word5"], ["articles"], ["export", str(tmp_path / "out")]):
        status, _, err = run_cli(capsys, *args, "--db", db)
        assert status == 2
        _one_coded_line(err, "E406", db)
    assert not (tmp_path / "out").exists()


def test_a_second_run_fails_at_once_naming_the_holder(capsys, tmp_path):
    db = _stored(tmp_path / "n.db")
    text = tmp_path / "new.txt"
    text.write_text("Dock workers ended the strike on Monday, the union said.\n")
    with run_lock_held(db) as holder:
        status, _, err = run_cli(capsys, "run", text, "--db", db, "--no-progress")
        assert status == 2
        _one_coded_line(err, "E404", db)
        assert f"pid {holder.pid}" in err
        status, out, _ = run_cli(capsys, "articles", "--db", db, "--format", "jsonl")  # queries go on
        assert status == 0 and len(out.splitlines()) == 5


def _as_nobody():
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root and setpriv to run a query as another user")
    command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    # a checkout in a private folder (mktemp -d is 0700) is out of that user's reach
    probe = subprocess.run([*command, sys.executable, "-c", "import newsgraph"], capture_output=True, text=True)
    if probe.returncode != 0:
        last = (probe.stderr.strip().splitlines() or ["no output"])[-1]
        pytest.skip(f"user nobody cannot import newsgraph from this checkout: {last}")
    return command


@pytest.mark.parametrize("leftover_wal", [False, True], ids=["closed", "wal-left"])
def test_queries_work_on_a_read_only_file_and_folder(leftover_wal):
    prefix = _as_nobody()
    folder = tempfile.mkdtemp(prefix="ng-ro-")  # under /tmp: tmp_path is not reachable by nobody
    try:
        db = os.path.join(folder, "n.db")
        _stored(db)
        if leftover_wal:  # a run killed before its last checkpoint leaves -wal and -shm
            reader = sqlite3.connect(db)
            reader.execute("SELECT count(*) FROM articles").fetchone()
            writer = sqlite3.connect(db, isolation_level=None)
            writer.execute("DELETE FROM problems")
            shutil.copy(db + "-wal", db + ".keep-wal"), shutil.copy(db + "-shm", db + ".keep-shm")
            writer.close(), reader.close()
            os.replace(db + ".keep-wal", db + "-wal"), os.replace(db + ".keep-shm", db + "-shm")
        for name in os.listdir(folder):
            os.chmod(os.path.join(folder, name), 0o444)
        os.chmod(folder, 0o555)
        listing = sorted(os.listdir(folder))
        env = {**os.environ, "HOME": "/tmp"}
        for args in (["articles", "--format", "jsonl"], ["problems"], ["events"], ["stories"]):
            done = subprocess.run([*prefix, sys.executable, "-m", "newsgraph", *args, "--db", db],
                                  capture_output=True, text=True, env=env, cwd="/tmp")
            assert done.returncode == 0, done.stderr
            if args[0] == "articles":
                assert len(done.stdout.splitlines()) == 5
            if args[0] == "problems":
                assert ("0 problems" if leftover_wal else "1 problems") in done.stderr  # the -wal is read
        assert sorted(os.listdir(folder)) == listing
        text = os.path.join("/tmp", os.path.basename(folder) + ".txt")
        with open(text, "w") as handle:
            handle.write("Dock workers ended the strike.\n")
        os.chmod(text, 0o644)
        done = subprocess.run([*prefix, sys.executable, "-m", "newsgraph", "run", text, "--db", db, "--no-progress"],
                              capture_output=True, text=True, env=env, cwd="/tmp")
        os.unlink(text)
        assert done.returncode == 2 and f"error E408 {db}:" in done.stderr, done.stderr
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)
