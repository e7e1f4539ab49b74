"""The `stories` command, run on a small corpus written here.

Three outlets report one earthquake, two report one election, and one article
stands alone; the pipeline runs once for the module (one worker, no progress
bar) and the tests then list and filter the stories it stored. The towns,
people and outlets are invented.
"""
import csv
import json

import pytest

from cli_runner import run_cli
from newsgraph.cli import main
from newsgraph.config import load_options
from newsgraph.store import open_store

QUAKE_GAZETTE = (
    "A magnitude 6.1 earthquake struck the mountain town of Korvala early on Sunday, killing at least 23 people "
    "and injuring 140, officials said. The quake hit at 4.12 a.m., when most residents of Korvala were asleep, "
    "and brought down the old stone market hall and dozens of houses on Kessel Street. Governor Elena Varga said "
    "rescue teams were still searching the rubble for survivors. Piet Lamberg of the Korvala Seismic Institute "
    "said the epicentre lay 9 kilometres north of the town. Governor Varga appealed for tents, blankets and "
    "medical supplies.")
QUAKE_POST = (
    "Rescuers in Korvala dug through collapsed houses on Sunday after a 6.1-magnitude earthquake killed 23 people "
    "in the mountain town. Another 140 residents were injured, many of them when the stone market hall fell in. "
    "\"We are still hearing voices under the rubble on Kessel Street,\" Governor Elena Varga told reporters. "
    "The Korvala Seismic Institute recorded the quake at 4.12 a.m. and its director, Piet Lamberg, warned of "
    "aftershocks. Volunteers set up tents on the football ground for families who lost their homes.")
QUAKE_COURIER = (
    "The death toll from Sunday's earthquake in Korvala rose to 23 on Monday, Governor Elena Varga said, with "
    "140 people still in hospital. The 6.1-magnitude tremor, centred 9 kilometres north of Korvala, destroyed "
    "the market hall and much of Kessel Street. Seismologist Piet Lamberg said at least 30 aftershocks had "
    "followed. Varga thanked the volunteers who had sheltered hundreds of families in tents, and asked the "
    "government for emergency funds to rebuild the town.")
ELECTION_POST = (
    "Marta Quill of the Green Alliance won the mayoral election in Dunmere on Sunday with 54 percent of the vote, "
    "ending twelve years of rule by Mayor Oskar Brandt. Turnout was 61 percent, the highest in Dunmere since 1998. "
    "Quill promised to build a new tram line and to freeze council rents. Brandt conceded defeat late on Sunday "
    "and congratulated his rival. The Green Alliance also won 19 of the 35 seats on the Dunmere council.")
ELECTION_LEDGER = (
    "Dunmere has a new mayor. Marta Quill, the Green Alliance candidate, beat Oskar Brandt with 54 percent of "
    "the vote in Sunday's election, on a turnout of 61 percent. Brandt, who had led Dunmere for twelve years, "
    "accepted the result and wished Quill well. Quill told supporters that the tram line and the rent freeze "
    "would come first. Her party now holds 19 of the 35 council seats.")
BRIDGE = (  # no title: the table shows its first words instead
    "HOLBECK - Workers finished the new footbridge over the Tamsin River in Holbeck on Saturday after two years "
    "of building. The bridge, 84 metres long, links the old harbour to the railway station. Engineer Sofie "
    "Brandvik said the steel deck was made from recycled ship plates. The bridge opens to walkers and cyclists "
    "next week.")
ARTICLES = [
    {"id": "quake-gazette", "title": "Earthquake kills 23 in Korvala", "text": QUAKE_GAZETTE,
     "published": "2024-05-12", "outlet": "Harbour Gazette"},
    {"id": "quake-post", "title": "Rescuers search rubble after Korvala quake", "text": QUAKE_POST,
     "published": "2024-05-12", "outlet": "Valley Post"},
    {"id": "quake-courier", "title": "Korvala toll rises to 23", "text": QUAKE_COURIER,
     "published": "2024-05-13", "outlet": "Northern Courier"},
    {"id": "election-post", "title": "Quill wins Dunmere election", "text": ELECTION_POST,
     "published": "2024-06-02", "outlet": "Valley Post"},
    {"id": "election-ledger", "title": "Dunmere elects Marta Quill", "text": ELECTION_LEDGER,
     "published": "2024-06-03", "outlet": "Daily Ledger"},
    {"id": "bridge", "text": BRIDGE, "published": "2024-07-20", "outlet": "Harbour Gazette"},
]
QUAKE = frozenset({"quake-gazette", "quake-post", "quake-courier"})
ELECTION = frozenset({"election-post", "election-ledger"})
LONE = frozenset({"bridge"})
COLUMNS = ["id", "num_articles", "num_sources", "first_published", "last_published", "title", "num_events"]
KEYS = {"id", "article_ids", "outlets", "titles", "first_published", "last_published", "event_ids",
        "num_articles", "num_sources"}


_cli = run_cli


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The database after one `run` over the articles, and each input's article id."""
    root = tmp_path_factory.mktemp("stories")
    news = root / "news.jsonl"
    news.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    config = root / "one_worker.toml"
    config.write_text("[run]\nworkers = 1\n", encoding="utf-8")
    db = root / "n.db"
    with pytest.raises(SystemExit) as exit_info:
        main(["run", str(news), "--db", str(db), "--config", str(config), "--no-progress"])
    assert not exit_info.value.code
    with open_store(load_options().store, str(db)) as store:
        article_of = {a.inputs[0]: a.id for a in store.iter_articles()}
    assert set(article_of) == {a["id"] for a in ARTICLES}
    return {"db": db, "root": root, "article_of": article_of}


def _stories(capsys, corpus, *filters):
    status, out, _ = _cli(capsys, "stories", "--db", corpus["db"], "--format", "jsonl", *filters)
    assert status == 0
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _inputs(corpus, story) -> frozenset:
    """A story as the set of input ids of its articles, the names the corpus gives them."""
    input_of = {aid: name for name, aid in corpus["article_of"].items()}
    return frozenset(input_of[aid] for aid in story["article_ids"])


def test_reports_of_one_event_share_a_story(capsys, corpus):
    assert [_inputs(corpus, s) for s in _stories(capsys, corpus)] == [QUAKE, ELECTION, LONE]


def test_table_lists_stories_largest_first(capsys, corpus):
    status, out, err = _cli(capsys, "stories", "--db", corpus["db"])
    assert status == 0 and "3 stories" in err
    header, *lines = out.splitlines()
    assert header.split("\t") == COLUMNS
    rows = [dict(zip(COLUMNS, line.split("\t"))) for line in lines]
    assert all(len(line.split("\t")) == len(COLUMNS) for line in lines)
    assert [r["num_articles"] for r in rows] == ["3", "2", "1"]
    assert [r["num_sources"] for r in rows] == ["3", "2", "1"]
    quake, election, lone = rows
    assert (quake["first_published"], quake["last_published"]) == ("2024-05-12", "2024-05-13")
    assert quake["title"] == "Earthquake kills 23 in Korvala"
    assert election["title"] == "Quill wins Dunmere election"
    assert lone["first_published"] == lone["last_published"] == "2024-07-20"
    assert lone["title"].startswith("Workers finished the new footbridge") and len(lone["title"]) <= 85
    assert int(quake["num_events"]) > 0 and int(election["num_events"]) > 0


def test_min_articles_drops_the_small_stories(capsys, corpus):
    found = _stories(capsys, corpus, "--min-articles", "2")
    assert [_inputs(corpus, s) for s in found] == [QUAKE, ELECTION]
    assert _stories(capsys, corpus, "--min-articles", "4") == []


@pytest.mark.parametrize("filters, expected", [
    (["--outlet", "Daily Ledger"], [ELECTION]),
    (["--outlet", "harbour gazette"], [QUAKE, LONE]),
    (["--outlet", "Nowhere Times"], []),
    (["--since", "2024-06-01"], [ELECTION, LONE]),
    (["--until", "2024-05-31"], [QUAKE]),
    (["--since", "2024-05-13", "--until", "2024-06-02"], [QUAKE, ELECTION]),
    (["--since", "2024-06-01", "--until", "2024-06-30"], [ELECTION]),
])
def test_outlet_and_date_filters(capsys, corpus, filters, expected):
    assert [_inputs(corpus, s) for s in _stories(capsys, corpus, *filters)] == expected


def test_article_gives_its_story(capsys, corpus):
    for group in (QUAKE, ELECTION, LONE):
        for name in group:
            (story,) = _stories(capsys, corpus, "--article", corpus["article_of"][name])
            assert _inputs(corpus, story) == group
    assert _stories(capsys, corpus, "--article", "no-such-article") == []


def test_limit_keeps_the_first_stories(capsys, corpus):
    everything = _stories(capsys, corpus)
    assert _stories(capsys, corpus, "--limit", "1") == everything[:1]
    assert _stories(capsys, corpus, "--limit", "2") == everything[:2]


def test_bad_day_is_a_usage_error(capsys, corpus):
    status, out, err = _cli(capsys, "stories", "--db", corpus["db"], "--since", "2024-05")
    assert status == 2 and out == "" and "YYYY-MM-DD" in err and "Traceback" not in err


def test_jsonl_records_carry_the_story_and_its_counts(capsys, corpus):
    found = _stories(capsys, corpus)
    for story in found:
        assert set(story) == KEYS
        assert story["num_articles"] == len(story["article_ids"])
        assert story["num_sources"] == len(story["outlets"])
    quake = found[0]
    assert quake["outlets"] == ["Harbour Gazette", "Northern Courier", "Valley Post"]
    # oldest first: the Courier's follow-up of Monday comes last
    assert quake["article_ids"][-1] == corpus["article_of"]["quake-courier"]
    assert quake["titles"][0] == "Earthquake kills 23 in Korvala" and len(quake["titles"]) == 3
    assert found[2]["titles"] == []


def test_csv_has_a_header_and_one_row_per_story(capsys, corpus):
    status, out, _ = _cli(capsys, "stories", "--db", corpus["db"], "--format", "csv", "--events")
    rows = list(csv.reader(out.splitlines(keepends=True)))
    assert status == 0 and rows[0] == COLUMNS
    found = _stories(capsys, corpus)
    assert [r[0] for r in rows[1:]] == [s["id"] for s in found]
    assert [int(r[1]) for r in rows[1:]] == [3, 2, 1]
    assert [int(r[6]) for r in rows[1:]] == [len(s["event_ids"]) for s in found]


def test_events_in_the_table_are_indented_under_their_story(capsys, corpus):
    status, out, _ = _cli(capsys, "stories", "--db", corpus["db"], "--events")
    assert status == 0
    header, *lines = out.splitlines()
    assert header.split("\t") == COLUMNS
    under: dict[str, list[list[str]]] = {}
    story_id = None
    for line in lines:
        if line.startswith("  "):
            under[story_id].append(line[2:].split("\t"))
        else:
            story_id = line.split("\t")[0]
            under[story_id] = []
    found = _stories(capsys, corpus, "--events")
    assert list(under) == [s["id"] for s in found]
    for story in found:
        assert len(under[story["id"]]) == len(story["events"])
        for (date, cameo, source, target, num_articles), event in zip(under[story["id"]], story["events"]):
            assert (date, cameo, int(num_articles)) == (event["date"] or "", event["cameo"], event["num_articles"])
            assert source.startswith((event["source"] or {}).get("text") or "")
            assert target.startswith((event["target"] or {}).get("text") or "")
    assert under[found[0]["id"]], "the earthquake reports tell events"
    status, plain, _ = _cli(capsys, "stories", "--db", corpus["db"], "--no-events")
    assert not any(line.startswith("  ") for line in plain.splitlines())


def test_events_in_jsonl_are_the_full_records(capsys, corpus):
    for story in _stories(capsys, corpus, "--events"):
        assert {e["id"] for e in story["events"]} == set(story["event_ids"])
        for event in story["events"]:
            assert {"cameo", "source", "target", "date", "num_articles", "mentions"} <= set(event)
            assert any(m["article_id"] in story["article_ids"] for m in event["mentions"])
    assert all("events" not in s for s in _stories(capsys, corpus))


def test_help_describes_every_option(capsys):
    status, out, _ = _cli(capsys, "stories", "--help")
    assert status == 0 and "Usage" in out and "the articles that report the same event" in out
    for option in ("--db", "--config", "--min-articles", "--outlet", "--since", "--until", "--article",
                   "--limit", "--events / --no-events", "--format"):
        assert option in out, option
    status, out, _ = _cli(capsys, "--help")
    assert "stories" in out


def test_empty_database_prints_only_the_header(capsys, tmp_path):
    db = tmp_path / "fresh.db"
    open_store(load_options().store, str(db)).close()  # queries read an existing database only (E405)
    status, out, err = _cli(capsys, "stories", "--db", db)
    assert status == 0 and out.splitlines() == ["\t".join(COLUMNS)] and "0 stories" in err
    status, out, _ = _cli(capsys, "stories", "--db", db, "--format", "jsonl", "--events")
    assert status == 0 and out == ""
    status, out, _ = _cli(capsys, "stories", "--db", db, "--format", "csv")
    assert status == 0 and list(csv.reader(out.splitlines())) == [COLUMNS]
