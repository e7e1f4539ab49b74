"""The `events` and `code` commands, and the event exports, run on a small corpus written here.

The pipeline runs once for the module (one worker, no progress bar); the tests then list,
filter and export what it stored. The articles, places and people are invented.
"""
import csv
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest

from cli_runner import run_cli
from newsgraph.cli import main

OSLO = """Ministers Meet in Oslo
Ministers Meet in Oslo
 date 2024-03-04

OSLO - Norway's foreign minister met her Swedish counterpart in Oslo on Monday to discuss fishing rights.

Sweden condemned the attack on a border post.
"""
BERGEN = """ date 2024-03-10

BERGEN - Police arrested 12 protesters in Bergen on Saturday, injuring three.

The protesters had marched against a new harbour tax.
"""
TRONDHEIM = ("TRONDHEIM - Danish Prime Minister Lars Holm visited Trondheim on Wednesday and praised "
             "Norway's energy policy.\n")
COLUMNS = ["date", "cameo", "plover", "source", "target", "place", "counts", "num_articles", "sentence"]
KEYS = {"id", "cameo", "root", "quad_class", "goldstein", "plover", "source", "target", "date",
        "date_precision", "place", "counts", "num_articles", "num_sources", "mentions"}


_cli = run_cli


def _run(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "newsgraph", *map(str, args)],
                          capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The database after one `run` over three articles, and its folder."""
    root = tmp_path_factory.mktemp("events")
    folder = root / "in"
    folder.mkdir()
    (folder / "oslo.txt").write_text(OSLO, encoding="utf-8")
    (folder / "bergen.txt").write_text(BERGEN, encoding="utf-8")
    (folder / "trondheim.txt").write_text(TRONDHEIM, encoding="utf-8")
    config = root / "one_worker.toml"
    config.write_text("[run]\nworkers = 1\n", encoding="utf-8")
    db = root / "n.db"
    with pytest.raises(SystemExit) as exit_info:
        main(["run", str(folder), "--db", str(db), "--config", str(config), "--no-progress"])
    assert not exit_info.value.code
    return {"db": db, "root": root, "config": config}


def _events(capsys, db, *filters):
    status, out, _ = _cli(capsys, "events", "--db", db, "--format", "jsonl", *filters)
    assert status == 0
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_table_lists_events_tab_separated(capsys, corpus):
    status, out, err = _cli(capsys, "events", "--db", corpus["db"])
    assert status == 0
    header, *rows = out.splitlines()
    assert header.split("\t") == COLUMNS
    assert rows and all(len(row.split("\t")) == len(COLUMNS) for row in rows)
    assert f"{len(rows)} events" in err
    assert any("arrested 12 protesters" in row for row in rows)


def test_jsonl_records_have_the_contract_shape(capsys, corpus):
    found = _events(capsys, corpus["db"])
    assert found
    for event in found:
        assert KEYS <= set(event)
        assert event["mentions"] and event["num_articles"] >= 1 and event["num_sources"] >= 1
        for mention in event["mentions"]:
            assert {"article_id", "start", "end", "sentence"} <= set(mention)
    arrest = [e for e in found if e["cameo"].startswith("173")]
    assert arrest and arrest[0]["counts"].get("detained") == 12


def test_mentions_index_the_article_text(capsys, corpus):
    status, out, _ = _cli(capsys, "articles", "--db", corpus["db"], "--format", "jsonl")
    texts = {a["id"]: a["text"] for a in map(json.loads, out.splitlines())}
    for event in _events(capsys, corpus["db"]):
        for m in event["mentions"]:
            assert texts[m["article_id"]][m["start"]:m["end"]] == m["sentence"]


@pytest.mark.parametrize("option, value, check", [
    ("--code", "04", lambda e: e["cameo"].startswith("04")),
    ("--root", "17", lambda e: e["root"] == "17"),
    ("--quad-class", "4", lambda e: e["quad_class"] == 4),
    ("--country", "NOR", lambda e: "NOR" in {(e[s] or {}).get("country") for s in ("source", "target")}),
    ("--actor", "foreign minister",
     lambda e: any("foreign minister" in (e[s] or {}).get("text", "").lower() for s in ("source", "target"))),
    ("--since", "2024-03-05", lambda e: e["date"] is not None and e["date"] >= "2024-03-05"),
    ("--until", "2024-03-05", lambda e: e["date"] is not None and e["date"] <= "2024-03-05"),
])
def test_filters_keep_only_matching_events(capsys, corpus, option, value, check):
    everything = _events(capsys, corpus["db"])
    found = _events(capsys, corpus["db"], option, value)
    assert found, (option, value)
    assert all(check(e) for e in found), (option, value)
    assert [e for e in everything if check(e)] == found
    assert len(found) < len(everything)


def test_actor_by_entity_id_and_article_and_limit(capsys, corpus):
    everything = _events(capsys, corpus["db"])
    entity = next(e["source"]["entity_id"] for e in everything if e["source"] and e["source"]["entity_id"])
    by_entity = _events(capsys, corpus["db"], "--actor", entity)
    assert by_entity and all(entity in {(e[s] or {}).get("entity_id") for s in ("source", "target")}
                             for e in by_entity)
    arrest = next(e for e in everything if e["cameo"] == "173")
    article = arrest["mentions"][0]["article_id"]
    told = _events(capsys, corpus["db"], "--article", article)
    assert arrest in told
    assert all(any(m["article_id"] == article for m in e["mentions"]) for e in told)
    assert _events(capsys, corpus["db"], "--limit", "1") == everything[:1]


def test_disputed_lists_none_before_fusion(capsys, corpus):
    status, out, err = _cli(capsys, "events", "--db", corpus["db"], "--disputed", "--format", "jsonl")
    assert status == 0 and out.strip() == "" and "0 events" in err


def test_csv_format_has_a_header_and_one_row_per_event(capsys, corpus):
    status, out, _ = _cli(capsys, "events", "--db", corpus["db"], "--format", "csv")
    rows = list(csv.reader(out.splitlines(keepends=True)))
    assert status == 0 and rows[0] == COLUMNS
    assert len(rows) - 1 == len(_events(capsys, corpus["db"]))


def test_exports_write_one_row_per_event(capsys, corpus):
    count = len(_events(capsys, corpus["db"]))
    mentions = sum(len(e["mentions"]) for e in _events(capsys, corpus["db"]))
    out = corpus["root"] / "out"
    for fmt in ("gdelt", "csv", "parquet", "graphml"):
        status, _, err = _cli(capsys, "export", "--db", corpus["db"], "--format", fmt, out / fmt)
        assert status == 0 and "written to" in err, fmt
    with open(out / "gdelt" / "events.tsv", encoding="utf-8", newline="") as f:
        assert len(list(csv.reader(f, delimiter="\t"))) - 1 == count
    with open(out / "gdelt" / "mentions.tsv", encoding="utf-8", newline="") as f:
        assert len(list(csv.reader(f, delimiter="\t"))) - 1 == mentions
    with open(out / "csv" / "events.csv", encoding="utf-8", newline="") as f:
        assert len(list(csv.DictReader(f))) == count
    assert pq.read_table(out / "parquet" / "events.parquet").num_rows == count
    graph = nx.read_graphml(out / "graphml" / "events.graphml")
    assert 0 < graph.number_of_edges() <= count


def test_code_reports_bad_lines_and_codes_the_rest(capsys, tmp_path):
    src = tmp_path / "sentences.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "s1", "text": "Norway's foreign minister met her Swedish counterpart in Oslo on Monday.",
                    "date": "19950101"}),
        "not json",
        json.dumps({"id": "s2", "text": "Police arrested 12 protesters in Bergen on Tuesday.", "date": "1995-01-03"}),
        json.dumps({"id": "s9", "title": "a line without text"}),
        json.dumps({"id": "s3", "text": "Sweden condemned the attack."}),
    ]) + "\n", encoding="utf-8")
    dst = tmp_path / "coded.jsonl"
    status, _, err = _cli(capsys, "code", "--in", src, "--out", dst)
    assert status == 1
    problems = [line for line in err.splitlines() if "E702" in line]
    assert len(problems) == 2
    assert f"{src}:2" in problems[0] and f"{src}:4" in problems[1]
    lines = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["s1", "s2", "s3"]
    assert all(set(line) == {"id", "events"} for line in lines)
    meeting = [e for e in lines[0]["events"] if e["root"] == "04"]
    assert meeting and meeting[0]["date"] and "1994-12-25" <= meeting[0]["date"] <= "1995-01-01"
    (arrest,) = [e for e in lines[1]["events"] if e["cameo"] == "173"]
    assert arrest["date"] == "1995-01-03" and arrest["counts"].get("detained") == 12
    (condemn,) = lines[2]["events"]
    assert condemn["root"] == "11" and condemn["source"]["country"] == "SWE" and condemn["date"] is None
    assert not (tmp_path / "coded.jsonl.part").exists()


def test_code_missing_input_is_one_line_error(capsys, tmp_path):
    status, _, err = _cli(capsys, "code", "--in", tmp_path / "missing.jsonl", "--out", tmp_path / "o.jsonl")
    assert status == 2 and "E101" in err and err.count("\n") == 1


def test_code_with_an_actor_dictionary(capsys, tmp_path):
    actors = tmp_path / "lands.actors"
    actors.write_text("# invented countries\nNEWLAND [NLX]\nOLDLAND [OLX]\n", encoding="utf-8")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "n1", "text": "Newland condemned Oldland."}) + "\n", encoding="utf-8")
    dst = tmp_path / "out.jsonl"
    status, _, _ = _cli(capsys, "code", "--in", src, "--out", dst, "--actors", actors)
    assert status == 0
    (line,) = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    (event,) = line["events"]
    assert event["source"]["country"] == "NLX" and event["source"]["text"] == "Newland"
    assert event["target"]["country"] == "OLX"


def test_code_reads_stdin_and_writes_stdout():
    lines = [json.dumps({"id": "a", "text": "Police arrested 12 protesters in Bergen on Saturday."}),
             json.dumps({"text": "Sweden condemned the attack."})]
    proc = _run("code", "--in", "-", "--out", "-", input="\n".join(lines) + "\n")
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "-:2"]
    assert out[0]["events"] and "2 sentences coded" in proc.stderr


def test_bad_lexicon_fails_run_with_one_line(tmp_path):
    (tmp_path / "bad.txt").write_text("999 praise\n", encoding="utf-8")
    (tmp_path / "bad.toml").write_text('[run]\nworkers = 1\n[events]\nlexicon_files = ["bad.txt"]\n',
                                       encoding="utf-8")
    (tmp_path / "a.txt").write_text("Sweden condemned the attack.\n", encoding="utf-8")
    proc = _run("run", "a.txt", "--db", "n.db", "--config", "bad.toml", "--no-progress", cwd=tmp_path)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert "E701" in line and "bad.txt:1" in line


@pytest.mark.parametrize("command", [[], ["run"], ["articles"], ["export"], ["problems"], ["entities"],
                                     ["quotes"], ["events"], ["code"]])
def test_every_command_has_help(capsys, command):
    status, out, _ = _cli(capsys, *command, "--help")
    assert status == 0 and "Usage" in out


def test_help_through_the_console_entry():
    for command in ("events", "code"):
        proc = _run(command, "--help")
        assert proc.returncode == 0 and "Usage" in proc.stdout


WHY_GOLDEN = Path(__file__).parent / "golden" / "events_why.txt"


def test_events_why_shows_the_rule_trigger_and_sides_of_every_report(capsys, corpus):
    """Golden file: ``UPDATE_GOLDEN=1`` rewrites it. Article ids are content hashes, so the
    output is the same on every machine."""
    status, out, _ = _cli(capsys, "events", "--db", corpus["db"], "--why")
    assert status == 0
    if os.environ.get("UPDATE_GOLDEN"):
        WHY_GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        WHY_GOLDEN.write_text(out, encoding="utf-8")
    assert out == WHY_GOLDEN.read_text(encoding="utf-8"), f"UPDATE_GOLDEN=1 pytest {__file__} rewrites it"
    arrest = out[out.index(" 173 "):]
    assert "rule event_lexicon.txt:" in arrest and "trigger 'arrested'" in arrest
    assert "source: subject of 'arrested'" in arrest and "target: object of 'arrested'" in arrest


def test_jsonl_mentions_carry_why(capsys, corpus):
    for event in _events(capsys, corpus["db"]):
        for mention in event["mentions"]:
            why = mention["why"]
            assert why["rule"] and why["trigger"] and why["source_how"] and why["target_how"]
            assert why["trigger_start"] < why["trigger_end"]


def test_code_explain_writes_the_reasons_and_each_record_holds_them(capsys, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "w1", "text": "Norway and Sweden held talks by phone on Sunday.",
                               "date": "2024-03-04"}) + "\n"
                   + json.dumps({"id": "w2", "text": "Denmark will send troops to Norway unless the talks fail.",
                                 "date": "2024-03-04"}) + "\n", encoding="utf-8")
    dst = tmp_path / "out.jsonl"
    status, _, err = _cli(capsys, "code", "--in", src, "--out", dst, "--explain")
    assert status == 0
    talks, threat = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    (held,) = talks["events"]
    assert held["why"]["rule"].startswith("event_lexicon.txt:") and held["why"]["trigger"] == "held talks"
    assert held["why"]["target_how"].startswith("coordinated with the source")
    (sent,) = threat["events"]
    # a future act under a condition is a threat, and the steps say how the code came to it
    assert sent["cameo"].startswith("13") and any(sent["cameo"] in step for step in sent["why"]["steps"])
    assert "w1: 1 event" in err and "rule event_lexicon.txt:" in err and "then: " in err


def test_code_writes_a_device_straight_never_replacing_it(capsys, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "d1", "text": "Sweden condemned the attack."}) + "\n", encoding="utf-8")
    status, _, _ = _cli(capsys, "code", "--in", src, "--out", os.devnull)
    assert status == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
