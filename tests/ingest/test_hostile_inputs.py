"""Hostile inputs at the ingest boundary (issue 12: nothing lost, nothing hangs).

Each case ends as one coded line naming the input, the other inputs of the
same run are still read, and where the defect was a hang or a blow-up the
test bounds time (and memory).
"""
from __future__ import annotations

import gzip
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fuzz_inputs import RSS_SEED, WARC_SEED, gzip_zeros, warc_record_head
from cli_runner import run_cli

from newsgraph.clean import clean_document
from newsgraph.config import load_options
from newsgraph.ingest import ingest
from newsgraph.records import Article, InputProblem, RawDocument
from newsgraph.store import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
GOOD = "LIMA - Roads were closed on Tuesday after the storm, officials said."


def _run(paths, **ingest_overrides):
    options = load_options(overrides={"ingest": ingest_overrides} if ingest_overrides else None)
    items = list(ingest([str(p) for p in paths], options.ingest))
    docs = [i for i in items if isinstance(i, RawDocument)]
    problems = [(Path(i.source).name, i.code) for i in items if isinstance(i, InputProblem)]
    for item in items:
        if isinstance(item, InputProblem):
            assert str(item).splitlines() == [str(item)], item
    return docs, problems, items


def _good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def _rss_peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


# 1. Lone surrogates and NUL ---------------------------------------------------

def test_surrogates_and_nul_in_jsonl_are_replaced_and_stored(tmp_path):
    lines = [r'{"id":"s","title":"a\ud800b","text":"Some words here."}',
             r'{"id":"n","outlet":"X\u0000Y","url":"https://a.example/\udfff","text":"Nul \u0000 here."}',
             json.dumps({"id": "ok", "text": "The next line is read too."})]
    (tmp_path / "s.jsonl").write_text("\n".join(lines) + "\n", encoding="ascii")
    docs, problems, items = _run([tmp_path / "s.jsonl"])
    assert problems == [("s.jsonl:1", "W102"), ("s.jsonl:2", "W102")]
    assert [d.input_id for d in docs] == ["s", "n", "ok"]
    assert docs[0].title == "a\ufffdb" and docs[1].outlet == "X\ufffdY" and "\ufffd" in docs[1].content
    options = load_options()
    articles = [clean_document(d, options.clean) for d in docs]
    assert all(isinstance(a, Article) for a in articles)
    with open_store(options.store, str(tmp_path / "db.sqlite")) as store:
        store.write_batch(articles, [i for i in items if isinstance(i, InputProblem)])
        assert store.count_articles() == 3
        assert {p.code for p in store.problems()} == {"W102"}


def test_surrogate_in_file_name_is_escaped(tmp_path):
    name = os.fsdecode(b"bad\xff.txt")  # not UTF-8: a lone surrogate in the str
    (tmp_path / name).write_text(GOOD + " Once more.", encoding="utf-8")
    _good(tmp_path)
    docs, problems, items = _run([tmp_path])
    assert len(docs) == 2 and all("\udcff" not in d.input_id for d in docs)
    (warning,) = [i for i in items if isinstance(i, InputProblem)]
    assert warning.code == "W102" and warning.source.endswith("bad\\udcff.txt")


# 2. Truncated containers ------------------------------------------------------

def test_cut_warc_never_stores_a_cut_record(tmp_path):
    data = (EXAMPLES / "warc" / "news.warc.gz").read_bytes()
    whole, problems, _ = _run([EXAMPLES / "warc" / "news.warc.gz"])
    assert not problems
    complete = {d.content for d in whole}
    good = _good(tmp_path)
    for cut in list(range(1, len(data), 97)) + [2834]:
        path = tmp_path / "t.warc.gz"
        path.write_bytes(data[:cut])
        docs, problems, _ = _run([path, good])
        assert docs[-1].input_id == str(good)
        assert all(d.content in complete for d in docs[:-1]), cut
        assert problems and all(name == "t.warc.gz" for name, _ in problems), (cut, problems)
        assert problems[0][1] in ("E105", "E109"), (cut, problems)
    docs, problems, _ = _run([path])  # the last cut: the first record is kept
    assert problems == [("t.warc.gz", "E105")] and len(docs) == 1


def test_warc_record_shorter_than_its_content_length(tmp_path):
    head = warc_record_head(5000)
    (tmp_path / "short.warc").write_bytes(WARC_SEED + head + b"<p>only this</p>")
    docs, problems, _ = _run([tmp_path / "short.warc", _good(tmp_path)])
    assert problems == [("short.warc", "E105")]
    assert len(docs) == 2  # the seed's one HTML response, and good.txt


@pytest.mark.parametrize("name, body", [
    ("a.txt.gz", GOOD.encode()), ("b.html.gz", b"<html><body><p>" + GOOD.encode() + b"</p></body></html>"),
    ("c.jsonl.gz", (json.dumps({"text": GOOD}) + "\n" + json.dumps({"text": GOOD + " Two."}) + "\n").encode()),
])
def test_gzip_without_trailer_is_e105(tmp_path, name, body):
    (tmp_path / name).write_bytes(gzip.compress(body, mtime=0)[:-4])  # CRC kept, size cut
    docs, problems, _ = _run([tmp_path / name, _good(tmp_path)])
    assert len(problems) == 1 and problems[0][1] == "E105" and problems[0][0].startswith(name)
    assert docs[-1].content == GOOD
    if name.startswith("c."):
        assert len(docs) == 3  # both complete lines before the cut, and good.txt


def test_cut_gzip_inside_an_over_long_jsonl_line(tmp_path):
    # Found by test_fuzz_pipeline: the cut was met while skipping the long line.
    body = (json.dumps({"text": GOOD}) + "\n" + '{"text": "' + "x" * 1500).encode()
    (tmp_path / "long.jsonl.gz").write_bytes(gzip.compress(body, mtime=0)[:-8])
    docs, problems, _ = _run([tmp_path / "long.jsonl.gz", _good(tmp_path)], max_article_bytes=1024)
    assert problems == [("long.jsonl.gz:2", "E105")] and len(docs) == 2


def test_cut_feed_keeps_complete_entries(tmp_path):
    cut = RSS_SEED[:RSS_SEED.index(b"</item>") + len(b"</item>") + 40]
    (tmp_path / "cut.rss").write_bytes(cut)
    docs, problems, _ = _run([tmp_path / "cut.rss", _good(tmp_path)])
    assert problems == [("cut.rss", "E105")]
    assert [d.url for d in docs[:-1]] == ["https://portvale.example/ferry"]


# 3. Only regular files ---------------------------------------------------------

_FIFO_SCRIPT = """
import sys
from newsgraph.config import load_options
from newsgraph.ingest import ingest
for item in ingest(sys.argv[1:], load_options().ingest):
    print(getattr(item, "code", "DOC"), getattr(item, "source", getattr(item, "input_id", "")))
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_never_opened(tmp_path):
    folder = tmp_path / "dir"
    folder.mkdir()
    os.mkfifo(folder / "inner.txt")
    os.mkfifo(tmp_path / "direct.jsonl")
    _good(folder)
    result = subprocess.run([sys.executable, "-c", _FIFO_SCRIPT, str(tmp_path / "direct.jsonl"),
                             str(folder), "/dev/null"],
                            capture_output=True, text=True, timeout=60)  # a regression fails, not hangs
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines == [f"E112 {tmp_path / 'direct.jsonl'}", f"DOC {folder / 'good.txt'}",
                     f"E112 {folder / 'inner.txt'}", "E112 /dev/null"]


def test_a_stop_inside_opening_a_file_stays_a_stop(tmp_path, monkeypatch):
    """A Ctrl-C that lands inside fdopen: io.open closes the descriptor itself on
    the way out, and a second close used to raise EBADF, which turned the stop into
    an E110 for that file and let the run go on (seen in CI, once in many runs)."""
    from newsgraph.ingest import sources
    _good(tmp_path)
    real_fdopen = os.fdopen

    def interrupted_fdopen(fd, *args, **kwargs):
        real_fdopen(fd, *args, **kwargs).close()  # what io.open does when it fails half-way
        raise KeyboardInterrupt

    monkeypatch.setattr(sources.os, "fdopen", interrupted_fdopen)
    with pytest.raises(KeyboardInterrupt):
        list(ingest([str(tmp_path / "good.txt")], load_options().ingest))


# 4. Symlink loops and unreadable folders --------------------------------------

def test_symlink_loops_are_read_once(tmp_path):
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    _good(root)
    (root / "sub" / "b.txt").write_text(GOOD + " In a sub-folder.", encoding="utf-8")
    os.symlink("..", root / "sub" / "up")
    os.symlink("..", root / "sub" / "up2")
    os.symlink("b.txt", root / "sub" / "again.txt")
    start = time.monotonic()
    docs, problems, _ = _run([root], follow_symlinks=True)
    assert time.monotonic() - start < 5
    assert sorted(Path(d.input_id).name for d in docs) == ["b.txt", "good.txt"]
    assert sorted(problems) == [("again.txt", "W103"), ("up", "W103"), ("up2", "W103")]


def test_unreadable_folder_is_e113(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text(GOOD, encoding="utf-8")
    _good(tmp_path)
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":  # as chmod 000 would, for a user other than root
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs, problems, _ = _run([tmp_path])
    assert problems == [("locked", "E113")]
    assert [Path(d.input_id).name for d in docs] == ["good.txt"]


# 5. Decompression bounded by the size limit ------------------------------------

@pytest.mark.parametrize("name, prefix, code", [
    ("zeros.warc.gz", b"", "E109"),  # a first "line" of 2 GB: not a WARC header
    ("record.warc.gz", warc_record_head(2048 << 20), "E106"),  # an honest 2 GB record
    ("zeros.txt.gz", b"", "E106"),
    ("zeros.html.gz", b"<html><body>", "E106"),
    ("zeros.jsonl.gz", b'{"text": "one line"}\n{"text": "', "E106"),
    ("zeros.xml.gz", b"<rss><channel>", "E106"),
])
def test_gzip_bomb_is_bounded(tmp_path, name, prefix, code):
    (tmp_path / name).write_bytes(gzip_zeros(2048, prefix=prefix))  # 2 GB of zeros, ~2 MB
    good = _good(tmp_path)
    before, start = _rss_peak_mib(), time.monotonic()
    docs, problems, _ = _run([tmp_path / name, good], max_article_bytes=1 << 20)
    assert time.monotonic() - start < 5
    assert _rss_peak_mib() - before < 64
    assert len(problems) == 1 and problems[0][1] == code and problems[0][0].startswith(name)
    assert docs[-1].input_id == str(good)


# 6. Feeds parsed from their bytes ----------------------------------------------

def test_feed_naming_a_path_is_not_opened(tmp_path):
    secret = tmp_path / "secret.rss"
    secret.write_bytes(RSS_SEED)
    (tmp_path / "p.xml").write_text(str(secret))
    docs, problems, _ = _run([tmp_path / "p.xml", _good(tmp_path)])
    assert problems == [("p.xml", "E108")]
    assert [d.input_id for d in docs] == [str(tmp_path / "good.txt")]


# 7. Encodings -----------------------------------------------------------------

def test_encodings(tmp_path):
    (tmp_path / "a_stray.txt").write_bytes(("Le caf\u00e9 de Z\u00fcrich a ferm\u00e9. " * 4).encode() + b"\xff")
    (tmp_path / "b_utf16.txt").write_bytes("hello world, the ferry sails at noon".encode("utf-16-le"))
    page = "<html><body><p>" + GOOD + "</p>\x00<p>More words.</p></body></html>"
    (tmp_path / "c_nul.html").write_bytes(page.encode())
    (tmp_path / "d_bin.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "e_cp1252.txt").write_bytes(("Z\u00fcrich \u2013 the caf\u00e9 talks went on. " * 3).encode("cp1252"))
    docs, problems, _ = _run([tmp_path])
    assert problems == [("a_stray.txt", "W101"), ("b_utf16.txt", "W101"), ("c_nul.html", "W102"),
                        ("d_bin.txt", "E103"), ("e_cp1252.txt", "W101")]
    by_name = {Path(d.input_id).name: d.content for d in docs}
    assert "caf\u00e9 de Z\u00fcrich" in by_name["a_stray.txt"]
    assert by_name["b_utf16.txt"].startswith("hello world")
    assert "\x00" not in by_name["c_nul.html"] and "More words." in by_name["c_nul.html"]
    assert "talks went on" in by_name["e_cp1252.txt"]  # which 8-bit code page is a guess


# 8. One line per message -------------------------------------------------------

def test_control_characters_in_a_file_name_stay_on_one_line(tmp_path):
    (tmp_path / "a\nb\tc.txt").write_bytes(bytes(range(256)) * 4)
    _good(tmp_path)
    docs, problems, items = _run([tmp_path])
    (bad,) = [i for i in items if isinstance(i, InputProblem)]
    assert bad.code == "E103" and bad.source.endswith("a\\nb\\tc.txt")
    assert len(docs) == 1


def test_warcio_warning_becomes_a_coded_problem(tmp_path, capfd):
    # A record whose Content-Length is 10 bytes short: warcio prints a
    # multi-line WARNING to stderr and reads on.
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>" + GOOD.encode() + b"</p>"
    warc = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/x\r\n"
            b"Content-Length: " + str(len(http) - 10).encode() + b"\r\n\r\n" + http + b"\r\n\r\n")
    (tmp_path / "bad.warc").write_bytes(warc + WARC_SEED)
    docs, problems, _ = _run([tmp_path / "bad.warc", _good(tmp_path)])
    out, err = capfd.readouterr()
    assert err == "" and out == ""
    assert problems == [("bad.warc", "E109")]
    assert all(GOOD[:20] not in d.content or d.input_id.endswith("good.txt") for d in docs)
    assert docs[-1].input_id.endswith("good.txt") and len(docs) == 2  # the seed's record is read


# End to end: the CLI ------------------------------------------------------------

def test_cli_run_stores_the_lines_around_a_surrogate(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_DEBUG", raising=False)
    config = tmp_path / "fast.toml"
    config.write_text("[nlp]\nenabled = false\n[run]\nprogress = false\n")
    lines = [r'{"id":"s","title":"a\ud800b","text":"Some words here about the harbour."}',
             "not json at all",
             json.dumps({"id": "next", "text": "The next line is stored as well."})]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="ascii")
    db = tmp_path / "news.db"
    status, out, err = run_cli(capsys, "run", tmp_path / "in.jsonl", "--db", db, "--config", config)
    assert status == 1, err  # README: bad input (the E107 line) exits with status 1
    assert "Traceback" not in err
    problem_lines = [line for line in err.splitlines() if line.startswith("newsgraph: ")]
    assert [line.split()[1:3] for line in problem_lines] == [
        ["W102", f"{tmp_path / 'in.jsonl'}:1:"], ["E107", f"{tmp_path / 'in.jsonl'}:2:"]]
    status, out, err = run_cli(capsys, "articles", "--db", db, "--config", config, "--format", "jsonl")
    stored = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and sorted(a["title"] or "" for a in stored) == ["", "a\ufffdb"]
    assert any("next line is stored" in a["text"] for a in stored)
