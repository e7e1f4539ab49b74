"""The local process-pool engine gives the same records as the in-process one."""
from newsgraph.config import load_options


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
