"""Every command, through the console entry, on inputs written here."""
import gzip
import json
import subprocess
import sys

import pytest

from newsgraph.cli import main


def _run(*args):
    return subprocess.run([sys.executable, "-m", "newsgraph", *args], capture_output=True, text=True)


@pytest.fixture
def inputs(tmp_path, harbour_dump):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "harbour.txt").write_text(harbour_dump, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.jsonl.gz").write_bytes(gzip.compress(b'{"id": "x1", "text": "A ship sank."}\n')[:-12])
    (folder / "lines.jsonl").write_text(
        json.dumps({"id": "copy-1", "text": harbour_dump, "outlet": "Harbour Gazette"}) + "\n"
        + "not json\n"
        + json.dumps({"id": "n2", "text": "OSLO - Ministers met on Monday to talk about fish quotas.",
                      "published": "2024-03-04"}) + "\n", encoding="utf-8")
    return folder


def test_help_for_every_command():
    for command in ([], ["run"], ["articles"], ["export"], ["problems"], ["entities"], ["quotes"]):
        result = _run(*command, "--help")
        assert result.returncode == 0 and "Usage" in result.stdout, command


def test_run_reports_bad_inputs_and_goes_on(tmp_path, inputs):
    db = tmp_path / "n.db"
    result = _run("run", str(inputs), "--db", str(db))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("newsgraph: E")]
    assert any("E102" in line and "empty.txt" in line for line in errors)
    assert any("E107" in line and "lines.jsonl:2" in line for line in errors)
    assert any("E105" in line and "broken.jsonl.gz" in line for line in errors)
    assert "Traceback" not in result.stderr
    assert "2 new articles, 1 already known" in result.stderr
    # Running again changes nothing.
    again = _run("run", str(inputs), "--db", str(db))
    assert "0 new articles" in again.stderr


def test_articles_and_export(tmp_path, inputs):
    db = tmp_path / "n.db"
    _run("run", str(inputs), "--db", str(db))
    listed = _run("articles", "--db", str(db), "--format", "jsonl", "--search", "strike")
    (record,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert sorted(record["inputs"]) == sorted(["copy-1", str(inputs / "harbour.txt")])
    assert record["outlet"] == "Harbour Gazette" and record["published"] == "2024-02-11"
    csv_out = _run("articles", "--db", str(db), "--format", "csv", "--since", "2024-03-01")
    assert csv_out.stdout.splitlines()[0].startswith("id,published,outlet")
    assert len(csv_out.stdout.splitlines()) == 2
    table = _run("articles", "--db", str(db), "--outlet", "harbour gazette")
    assert "Port Strike Ends" in table.stdout
    out = tmp_path / "out"
    exported = _run("export", "--db", str(db), "--format", "jsonl", str(out))
    assert exported.returncode == 0
    for name in ("articles", "entities", "events", "quotes", "stories"):
        assert (out / f"{name}.jsonl").exists()
    assert len((out / "articles.jsonl").read_text().splitlines()) == 2
    problems = _run("problems", "--db", str(db))
    assert "E102" in problems.stdout


def test_stdin_and_errors_are_one_line(tmp_path, capsys):
    db = tmp_path / "n.db"
    proc = subprocess.run([sys.executable, "-m", "newsgraph", "run", "-", "--db", str(db)],
                          input=b"LIMA - Heavy rain closed roads across the capital on Tuesday.",
                          capture_output=True)
    assert proc.returncode == 0
    bad_cfg = tmp_path / "bad.toml"
    bad_cfg.write_text("[store]\nbogus = 1\n")
    with pytest.raises(SystemExit) as exit_info:
        main(["articles", "--db", str(db), "--config", str(bad_cfg)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "E301" in err and "store.bogus" in err
    with pytest.raises(SystemExit):
        main(["run", str(tmp_path / "missing.txt"), "--db", str(db)])
    assert "E101" in capsys.readouterr().err


def test_rerun_skips_every_input_of_a_merged_article(tmp_path, harbour_dump):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(harbour_dump, encoding="utf-8")
    (folder / "b.txt").write_text(harbour_dump.replace("Harbour", "Harbour"), encoding="utf-8")
    (folder / "c.jsonl").write_text(json.dumps({"id": "c1", "text": harbour_dump}) + "\n")
    db = tmp_path / "n.db"
    first = _run("run", str(folder), "--db", str(db))
    assert "1 new articles, 2 already known" in first.stderr
    again = _run("run", str(folder), "--db", str(db))
    assert "3 unchanged since an earlier run" in again.stderr


def test_entities_and_quotes_commands(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "ANKARA - Turkish Foreign Minister Mevlut Cavusoglu met Iranian Foreign Minister Mohammad Javad "
        "Zarif on Monday.\n\n\u201cWe agreed to work together,\u201d Cavusoglu told reporters.\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "TEHRAN - Zarif said on Tuesday that the talks with Cavusoglu had been useful.\n", encoding="utf-8")
    actors = tmp_path / "extra.actors"
    actors.write_text("JOHN_DOE_ [GBRGOV]\n")
    db = tmp_path / "n.db"
    assert _run("run", str(folder), "--db", str(db), "--actors", str(actors)).returncode == 0
    people = _run("entities", "--db", str(db), "--type", "PERSON", "--format", "jsonl")
    by_name = {json.loads(line)["name"]: json.loads(line) for line in people.stdout.splitlines()}
    cavusoglu = by_name["Mevlut Cavusoglu"]
    assert cavusoglu["country"] == "TUR"
    assert {m["article_id"] for m in cavusoglu["mentions"]} and len(
        {m["article_id"] for m in cavusoglu["mentions"]}) == 2  # one entity across both articles
    table = _run("entities", "--db", str(db), "--country", "IRN")
    assert "Mohammad Javad Zarif" in table.stdout
    quoted = _run("quotes", "--db", str(db), "--speaker", "Cavusoglu", "--format", "jsonl")
    (quote,) = [json.loads(line) for line in quoted.stdout.splitlines() if line.strip()]
    assert quote["text"] == "We agreed to work together," or quote["text"].startswith("We agreed")
    assert quote["speaker"]["entity_id"] == cavusoglu["id"] and quote["kind"] == "direct"
