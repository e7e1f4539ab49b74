"""The packaged CAMEO.2.0 dictionary as a fallback lexicon ([events] cameo2_verbs)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.config import load_options
from newsgraph.events.lexicon import cameo2_dictionary
from newsgraph.sentences import Sentence, code_sentences

D = "2023-05-29"
SENTENCES = {
    # no built-in pattern: CAMEO.2.0's "- * UP BARRICADE [144]"
    "barricades": ("Peruvian protesters put up barricades in Lima on Monday.", D),
    # a built-in pattern on the same words wins: one hunger strike, from the lexicon
    "hunger_strike": ("Peruvian prisoners began a hunger strike in Lima on Monday.", D),
    # the built-in lexicon codes it: CAMEO.2.0 is not asked
    "condemned": ("Chile condemned Peru on Monday.", D),
}
SHARED = Path(__file__).resolve().parents[3] / "shared" / "reference" / "petrarch" / "CAMEO.2.0.txt"


def _code(mode: str) -> dict:
    options = load_options(overrides={"run": {"progress": False, "workers": 1}, "events": {"cameo2_verbs": mode}})
    return dict(code_sentences([Sentence(k, t, d) for k, (t, d) in SENTENCES.items()], options))


@pytest.fixture(scope="module")
def fallback() -> dict:
    return _code("fallback")


@pytest.fixture(scope="module")
def off() -> dict:
    return _code("off")


def test_the_packaged_dictionary_keeps_its_licence_and_loads():
    text = Path(cameo2_dictionary().files[0]).read_text("utf-8") if cameo2_dictionary().files else ""
    assert "The MIT License" in text
    assert sum(len(p) for p in cameo2_dictionary().patterns.values()) > 4000


def test_fallback_codes_a_phrase_the_lexicon_lacks(fallback, off):
    coded = fallback["barricades"]
    assert [e["cameo"] for e in coded] == ["144"]
    assert "cameo2_verbs.txt" in coded[0]["why"]["rule"]
    assert not [e for e in off["barricades"] if e["cameo"] == "144"]


def test_a_builtin_trigger_on_the_same_words_wins(fallback):
    events = fallback["hunger_strike"]
    assert [e["cameo"] for e in events] == ["142"]
    assert events[0]["why"]["rule"].startswith("event_lexicon.txt:")


def test_the_builtin_lexicon_comes_first(fallback, off):
    assert [(e["cameo"], e["why"]["rule"]) for e in fallback["condemned"]] == \
        [(e["cameo"], e["why"]["rule"]) for e in off["condemned"]]


@pytest.mark.skipif(not SHARED.is_file(), reason="../shared/reference/petrarch/CAMEO.2.0.txt is not beside the checkout")
def test_the_build_script_reproduces_the_packaged_file(tmp_path):
    out = tmp_path / "cameo2_verbs.txt"
    script = Path(__file__).resolve().parents[2] / "scripts" / "build_cameo2_verbs.py"
    done = subprocess.run([sys.executable, str(script), str(SHARED), "--out", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    packaged = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "data" / "cameo2_verbs.txt"
    assert out.read_text("utf-8") == packaged.read_text("utf-8")
