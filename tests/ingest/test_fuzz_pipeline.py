"""Property test: hostile files through ingest -> clean -> the SQLite store.

The readers' own fuzz tests (test_fuzz_readers.py) stop at the reader. Here
each example is written to a real file (so the path, stat and open code is
exercised too), read with ``newsgraph.ingest.ingest``, cleaned with
``clean_document`` and written with ``store.write_batch``, as a run does.
Inputs: mutated seeds of every format with lone surrogates and NUL in JSON
escapes, NUL bytes, truncation at random points, small gzip bombs, bit flips,
and random bytes; plain or gzipped. Checked: no exception escapes any stage,
every input yields articles or coded problems, and what was stored reads back.

The issue asks for 10,000 examples per format: set NEWSGRAPH_FUZZ_EXAMPLES=10000.
The default keeps this file well under a minute.
"""
from __future__ import annotations

import gzip
import os
import tempfile
from pathlib import Path

import pytest
from fuzz_inputs import (
    FORMATS,
    RANDOM_BYTES,
    RANDOM_TEXT,
    SEEDS,
    _COMMON,
    check_problem,
    hostile,
    mutated,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.clean import clean_document
from newsgraph.config import load_options
from newsgraph.ingest import ingest
from newsgraph.records import Article, InputProblem, RawDocument
from newsgraph.store import open_store

EXAMPLES = int(os.environ.get("NEWSGRAPH_FUZZ_EXAMPLES") or 200)
# A small size limit, so that the gzip bombs (1-4 MiB of zeros) are over it.
OPTIONS = load_options(overrides={"ingest": {"max_article_bytes": 256 << 10},
                                  "nlp": {"enabled": False}})
NAMES = {"text": "in.txt", "html": "in.html", "jsonl": "in.jsonl", "feed": "in.xml", "warc": "in.warc"}

pytestmark = pytest.mark.filterwarnings("ignore:To avoid breaking existing software:DeprecationWarning")


def _inputs(fmt: str) -> st.SearchStrategy[bytes]:
    own = SEEDS[fmt]
    return st.one_of(hostile(own), hostile(own), mutated(own), RANDOM_BYTES, RANDOM_TEXT)


@pytest.fixture(scope="module")
def store():
    with tempfile.TemporaryDirectory() as folder:
        with open_store(OPTIONS.store, str(Path(folder) / "fuzz.db")) as opened:
            yield opened


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_inputs_through_ingest_clean_and_store(fmt, store):
    @settings(max_examples=EXAMPLES, **_COMMON)
    @given(data=_inputs(fmt), gz=st.booleans())
    def run(data: bytes, gz: bool) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / (NAMES[fmt] + (".gz" if gz else ""))
            path.write_bytes(gzip.compress(data, mtime=0) if gz else data)
            items = list(ingest([str(path)], OPTIONS.ingest))
        assert items, "every input yields an article or a coded problem"
        problems = [i for i in items if isinstance(i, InputProblem)]
        articles = []
        for item in items:
            assert isinstance(item, (RawDocument, InputProblem)), repr(item)
            if isinstance(item, InputProblem):
                continue
            result = clean_document(item, OPTIONS.clean)
            if isinstance(result, Article):
                articles.append(result)
            else:
                problems.append(result)
        for item in problems:
            check_problem(item)
        result = store.write_batch(articles, problems)
        if articles:
            assert store.known_articles(a.id for a in articles) == {a.id for a in articles}
            # An id is the hash of the normalised text: an article already stored
            # (from an earlier example) keeps its own spacing, so compare the new ones.
            new = set(result.new_ids)
            for article in articles:
                if article.id in new:
                    assert store.article_text(article.id) == article.text

    run()
