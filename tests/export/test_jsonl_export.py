"""The JSON Lines export against golden files, and a store round trip as a property."""
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph import load_options, open_store, run
from newsgraph.export import export
from newsgraph.records import Article

GOLDEN = Path(__file__).parent / "golden"


def _canonical(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.mark.slow
def test_export_matches_golden_files(tmp_path, harbour_dump):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "harbour.txt").write_text(harbour_dump, encoding="utf-8")
    options = load_options(overrides={"run": {"workers": 1, "progress": False}})
    with open_store(options.store, tmp_path / "n.db") as store:
        run([str(folder)], options, store)
        export(store, "jsonl", tmp_path / "out")
    for name in ("articles", "entities", "quotes", "events", "stories"):
        produced = _canonical(tmp_path / "out" / f"{name}.jsonl")
        for record in produced:  # input paths differ per run
            if "inputs" in record:
                record["inputs"] = [Path(i).name for i in record["inputs"]]
        golden = GOLDEN / f"{name}.jsonl"
        if os.environ.get("UPDATE_GOLDEN"):
            golden.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in produced), "utf-8")
        assert produced == _canonical(golden), f"{name}.jsonl differs from {golden} (UPDATE_GOLDEN=1 rewrites)"


_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200)
_day = st.dates().map(lambda d: d.isoformat())


@settings(max_examples=200, deadline=None)
@given(text=_text, outlet=st.none() | _text, published=st.none() | _day,
       offsets=st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500)), max_size=5))
def test_store_round_trip(tmp_path_factory, text, outlet, published, offsets):
    options = load_options()
    db = tmp_path_factory.mktemp("rt") / "n.db"
    article = Article(id="a1", inputs=["x.txt"], text=text, outlet=outlet, published=published,
                      offset_map=offsets, raw_hash="h")
    with open_store(options.store, db) as store:
        store.write_batch([article], [])
        (back,) = store.iter_articles()
    assert (back.text, back.outlet, back.published, back.offset_map, back.inputs) == (
        text, outlet, published, [tuple(o) for o in offsets], ["x.txt"])
