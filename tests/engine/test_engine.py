"""The local process-pool engine gives the same records as the in-process one; a forked helper
hands back what it computes, errors included."""
import pytest

from newsgraph.config import load_options
from newsgraph.engine import Beside


def test_engine_pool_gives_same_articles(tmp_path, harbour_dump):
    from newsgraph import open_store, run

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i}.txt").write_text(harbour_dump.replace("four-day", f"{i}-day"), encoding="utf-8")
    texts = {}
    for workers in (1, 2):
        options = load_options(overrides={"run": {"workers": workers, "progress": False}})
        with open_store(options.store, tmp_path / f"w{workers}.db") as store:
            run([str(folder)], options, store)
            texts[workers] = sorted((a.id, a.text, a.outlet) for a in store.iter_articles())
    assert len(texts[1]) == 40 and texts[1] == texts[2]


def test_an_article_whose_analysis_fails_is_a_problem_not_a_crash(tmp_path, monkeypatch):
    import newsgraph.resolve as resolve_pkg
    from newsgraph import open_store, run

    def broken(article, doc, kb, verbs, quotes):
        raise RuntimeError("boom")

    monkeypatch.setattr(resolve_pkg, "resolve_article", broken)
    (tmp_path / "a.txt").write_text("LIMA - Roads closed on Tuesday after heavy rain, officials said.")
    options = load_options(overrides={"run": {"workers": 1, "progress": False}})
    with open_store(options.store, tmp_path / "n.db") as store:
        report = run([str(tmp_path / "a.txt")], options, store)
        assert store.count_articles() == 1  # the article is kept
    assert [p.code for p in report.problems] == ["E602"]
    assert "boom" in report.problems[0].message


def _counting():
    yield sum(range(1000))
    yield "second"


def _failing():
    yield 1
    raise ValueError("bad input in the helper")


@pytest.mark.parametrize("parallel", [True, False])
def test_beside_hands_back_each_value_in_turn(parallel):
    helper = Beside(_counting, parallel=parallel)
    try:
        assert helper.next() == 499500 and helper.next() == "second"
    finally:
        helper.close()


@pytest.mark.parametrize("parallel", [True, False])
def test_beside_raises_the_helpers_error_here(parallel):
    helper = Beside(_failing, parallel=parallel)
    try:
        assert helper.next() == 1
        with pytest.raises(ValueError, match="bad input in the helper"):
            helper.next()
    finally:
        helper.close()
