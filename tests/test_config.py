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



def _sections():
    from newsgraph.config import Options

    for name, field in Options.model_fields.items():
        yield name, field.annotation


def test_defaults_live_only_in_the_packaged_config():
    """No option has a default in code: every value comes from data/default_config.toml, and
    every key of that file is a field of the schema (spaCy keeps defaults in default_config.cfg
    alone, for the same reason: one place to read them, no second copy to drift)."""
    import tomllib
    from importlib import resources

    table = tomllib.loads(resources.files("newsgraph.data").joinpath("default_config.toml").read_text("utf-8"))
    assert set(table) == {name for name, _ in _sections()}
    for name, section in _sections():
        fields = section.model_fields
        assert [k for k, f in fields.items() if not f.is_required()] == [], f"[{name}] has defaults in code"
        assert set(fields) == set(table[name]), f"[{name}] differs between the schema and the TOML"


def test_story_grouping_reads_its_parameters_from_the_options():
    import inspect

    from newsgraph.fuse.stories import StoryGrouper

    params = inspect.signature(StoryGrouper).parameters["params"]
    assert params.default is inspect.Parameter.empty  # no second set of story defaults beside the TOML
    custom = load_options(overrides={"stories": {"threshold": 0.4}}).stories
    assert StoryGrouper(custom).params.threshold == 0.4
