"""The --verbs option of `code` and `run`, and the [events] verb_files key."""
import json

import pytest

from cli_runner import run_cli
from newsgraph.config import load_options

ACTORS = "NEWLAND [NLX]\nOLDLAND [OLX]\n"
VERBS = "--- PRAISE [051] ---\nPRAISE\n- * EFFORTS [064]\n- * NOTHING [9x9]\n"


@pytest.fixture
def files(tmp_path):
    (tmp_path / "lands.actors").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "lands.verbs").write_text(VERBS, encoding="utf-8")
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "p", "text": "Newland praised Oldland's efforts."}) + "\n",
                                       encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("command", ["code", "run"])
def test_help_lists_the_option(capsys, command):
    status, out, _ = run_cli(capsys, command, "--help")
    assert status == 0 and "--verbs" in out and "verb dictionary" in out


def test_code_with_a_verb_dictionary_warns_of_bad_lines_and_codes_with_the_rest(capsys, files):
    out = files / "out.jsonl"
    status, _, err = run_cli(capsys, "code", "--in", files / "in.jsonl", "--out", out,
                             "--actors", files / "lands.actors", "--verbs", files / "lands.verbs")
    assert status == 0
    (warning,) = [line for line in err.splitlines() if line.startswith("newsgraph: W701")]
    assert "lands.verbs:4" in warning and "[9x9]" in warning and "Traceback" not in err
    (line,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    (event,) = line["events"]
    assert event["cameo"] == "064" and event["source"]["country"] == "NLX"
    assert any(f.startswith("rule:") and f.endswith("lands.verbs:3") for f in event["flags"])
    why = event["why"]  # the dictionary line that fired, as written, and the side it bound
    assert why["rule"].endswith("lands.verbs:3") and why["pattern"] == "- * EFFORTS [064]"
    assert why["trigger"] == "praised Oldland's efforts" and why["source_how"] == "subject of 'praised'"


def test_code_needs_an_existing_file(capsys, files):
    status, _, err = run_cli(capsys, "code", "--in", files / "in.jsonl", "--out", files / "o.jsonl",
                             "--verbs", files / "missing.verbs")
    assert status == 2 and "missing.verbs" in err


def test_run_with_a_verb_dictionary_stores_its_events(capsys, files):
    (files / "a.txt").write_text("Newland praised Oldland's efforts.\n", encoding="utf-8")
    (files / "c.toml").write_text("[run]\nworkers = 1\n", encoding="utf-8")
    status, _, err = run_cli(capsys, "run", files / "a.txt", "--db", files / "n.db", "--config", files / "c.toml",
                             "--no-progress", "--actors", files / "lands.actors", "--verbs", files / "lands.verbs")
    assert status == 0 and "W701" in err
    status, out, _ = run_cli(capsys, "events", "--db", files / "n.db", "--format", "jsonl")
    assert [json.loads(x)["cameo"] for x in out.splitlines()] == ["064"]


def test_the_config_key_defaults_to_none_and_takes_files(tmp_path):
    assert load_options().events.verb_files == ()
    options = load_options(overrides={"events": {"verb_files": ["a.verbs"]}})
    assert options.events.verb_files == ("a.verbs",)
