import pytest

from newsgraph.config import load_options
from newsgraph.errors import NewsgraphError


def test_defaults_load():
    options = load_options()
    assert options.store.backend == "sqlite"
    assert options.ingest.max_article_bytes == 50 * 1024 * 1024


def test_user_file_overrides_key_by_key(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("[store]\nbatch_size = 7\n")
    options = load_options(cfg)
    assert options.store.batch_size == 7
    assert options.store.path == "newsgraph.db"  # untouched keys keep their defaults


@pytest.mark.parametrize("body, key", [
    ("[store]\nbatchsize = 7\n", "store.batchsize"),
    ("[store]\nbatch_size = 'seven'\n", "store.batch_size"),
    ("[nope]\nx = 1\n", "nope"),
    ("[store]\nbatch_size = 0\n", "store.batch_size"),
])
def test_bad_keys_are_named(tmp_path, body, key):
    cfg = tmp_path / "c.toml"
    cfg.write_text(body)
    with pytest.raises(NewsgraphError) as err:
        load_options(cfg)
    assert err.value.code == "E301"
    assert key in err.value.message


def test_unreadable_config(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("[store\n")
    with pytest.raises(NewsgraphError) as err:
        load_options(cfg)
    assert err.value.code == "E302"

