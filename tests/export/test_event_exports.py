"""The event exports (GDELT TSV, CSV, Parquet, GraphML) against golden files, and round trips.

The golden files live in golden/formats/; ``UPDATE_GOLDEN=1`` rewrites them.  The actors,
places and sentences below are invented for these tests.
"""
import csv
import dataclasses
import json
import os
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.export.gdelt import (
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    write_gdelt_mentions_tsv,
    write_gdelt_tsv,
)
from newsgraph.export.graphml import write_graphml
from newsgraph.export.tabular import COLUMNS, write_events_csv, write_events_parquet
from newsgraph.records import Event, EventActor, EventMention

GOLDEN = Path(__file__).parent / "golden" / "formats"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GDELT_SCHEMA = SHARED / "reference" / "gdelt_schema"
ADDED = "20220315120000"

BRANDT = EventActor("Orsolya Brandt", "DEU", "GOV", entity_id="ent-7")
DOCKERS = EventActor("Dock  Workers", "NLD", "LAB")
COUNCIL = EventActor('Velmar "Port"\tCouncil', entity_id="ent-9")

ARTICLES = {
    "a-1": {"url": "https://example.org/velmar/harbour-talks", "published": "2022-03-14",
            "outlet": "Velmar Courier", "title": "Brandt to meet dock workers"},
    "a-2": {"url": "https://example.net/news/4411", "published": "2022-03-15",
            "outlet": "Northsea Wire", "title": "Scuffles at the quay"},
    "a-3": {"url": None, "published": None, "outlet": None, "title": None},
}


def _event(mentions: list[tuple], **fields) -> Event:
    """An event; its mentions given as (article_id, start, end, trigger, sentence)."""
    reading = {k: fields[k] for k in ("cameo", "source", "target")}
    return Event(**fields, mentions=[
        EventMention(**reading, article_id=article_id, start=start, end=end, trigger=trigger,
                     trigger_start=start + sentence.index(trigger), sentence=sentence)
        for article_id, start, end, trigger, sentence in mentions])


def _events() -> list[Event]:
    return [
        _event(id="ev-0001", cameo="036", root="03", quad_class=1, goldstein=4.0,
               plover="CONSULT", source=BRANDT, target=DOCKERS, date="2022-03-14",
               date_precision="day",
               place={"name": "Velmar", "country": "NLD", "lat": 51.9225, "lon": 4.47917},
               counts={}, num_articles=2, num_sources=2, confidence=0.85, flags=[],
               disputed=False,
               mentions=[
                   ("a-1", 12, 80, "will meet",
                    "Minister Orsolya Brandt will meet dock workers in Velmar."),
                   ("a-2", 640, 700, "to meet", "Brandt is due to meet the workers on Monday."),
                   ("a-1", 900, 950, "meeting", "The meeting was announced on Sunday.")]),
        _event(id="ev-0002", cameo="145", root="14", quad_class=4, goldstein=-7.5,
               plover="PROTEST", source=DOCKERS, target=None, date=None,
               date_precision=None, place=None,
               counts={"injured": 3, "detained": 12}, num_articles=1, num_sources=1,
               confidence=0.29, flags=["passive", "reported"], disputed=True,
               mentions=[("a-2", 700, 760, "clashed", "Workers clashed with guards at the quay.")]),
        _event(id="ev-0003", cameo="0234", root="02", quad_class=1, goldstein=3.4,
               plover=None, source=BRANDT, target=COUNCIL, date="2024-12-31",
               date_precision="month", place={"name": "Ostria", "country": None, "lat": None,
                                              "lon": None},
               counts={"killed": 0}, num_articles=1, num_sources=1, confidence=0.6,
               flags=["hypothetical"], disputed=False,
               mentions=[("a-3", 0, 64, "appealed",
                          'Brandt appealed to the\tcouncil: "Open the fund, now".')]),
        _event(id="ev-0004", cameo="112", root="11", quad_class=3, goldstein=-2.0,
               plover="ACCUSE", source=None, target=COUNCIL, date="2022-03-01",
               date_precision="week", place=None, counts={}, num_articles=1,
               num_sources=1, confidence=0.5, flags=[], disputed=False,
               mentions=[("a-9", 1500, 1540, "accused", "The council was accused of delays.")]),
    ]


def _check_golden(name: str, produced: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(produced.encode("utf-8"))
    assert golden.is_file(), f"{golden} is missing (UPDATE_GOLDEN=1 pytest {__file__} writes it)"
    assert produced == golden.read_bytes().decode("utf-8"), (
        f"{name} differs from {golden} (UPDATE_GOLDEN=1 pytest {__file__} rewrites it)")


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _parquet_rows(path: Path) -> dict:
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    return {"schema": {f.name: str(f.type) for f in table.schema}, "rows": table.to_pylist()}


def test_gdelt_events_tsv_matches_golden(tmp_path):
    out = tmp_path / "events.tsv"
    assert write_gdelt_tsv(_events(), ARTICLES, out, added=ADDED) == 4
    text = _read(out)
    _check_golden("events.tsv", text)
    lines = text.split("\n")
    assert lines[-1] == "" and len(lines) == 6  # header, four events, final newline
    assert all(len(line.split("\t")) == 61 for line in lines[:-1])
    rows = {r[0]: dict(zip(EVENT_COLUMNS, r)) for r in (line.split("\t") for line in lines[1:-1])}
    full = rows["ev-0001"]
    assert (full["SQLDATE"], full["MonthYear"], full["Year"], full["FractionDate"]) == (
        "20220314", "202203", "2022", "2022.2000")
    assert (full["Actor1Code"], full["Actor1Name"], full["Actor2Code"]) == (
        "DEUGOV", "ORSOLYA BRANDT", "NLDLAB")
    assert full["Actor2Name"] == "DOCK WORKERS"  # whitespace collapsed
    assert (full["IsRootEvent"], full["NumMentions"], full["ActionGeo_Type"]) == ("1", "3", "4")
    assert full["SOURCEURL"] == ARTICLES["a-1"]["url"] and full["DATEADDED"] == ADDED
    assert rows["ev-0003"]["EventBaseCode"] == "023"
    # year + day_of_year / 365 runs past the year on 31 December (here of a leap year)
    assert rows["ev-0003"]["FractionDate"] == "2025.0027"
    assert rows["ev-0003"]["Actor2Name"] == 'VELMAR "PORT" COUNCIL'  # tab became a space
    assert rows["ev-0003"]["ActionGeo_Type"] == "" and rows["ev-0003"]["SOURCEURL"] == "a-3"
    assert rows["ev-0002"]["SQLDATE"] == "" and rows["ev-0002"]["Actor2Code"] == ""
    assert rows["ev-0004"]["IsRootEvent"] == "0"


def test_gdelt_mentions_tsv_matches_golden(tmp_path):
    out = tmp_path / "mentions.tsv"
    assert write_gdelt_mentions_tsv(_events(), ARTICLES, out, added=ADDED) == 6
    text = _read(out)
    _check_golden("mentions.tsv", text)
    rows = [dict(zip(MENTION_COLUMNS, line.split("\t"))) for line in text.splitlines()[1:]]
    assert [r["ActionCharOffset"] for r in rows] == ["12", "640", "900", "700", "0", "1500"]
    assert rows[1]["MentionTimeDate"] == "20220315000000"
    assert (rows[1]["MentionType"], rows[1]["MentionSourceName"]) == ("1", "Northsea Wire")
    assert (rows[4]["MentionType"], rows[4]["MentionIdentifier"]) == ("2", "a-3")
    assert [r["Confidence"] for r in rows] == ["85", "85", "85", "29", "60", "50"]


def test_events_csv_matches_golden(tmp_path):
    out = tmp_path / "events.csv"
    assert write_events_csv(_events(), out) == 4
    _check_golden("events.csv", _read(out))
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == ["ev-0001", "ev-0002", "ev-0003", "ev-0004"]
    assert rows[0]["article_ids"] == "a-1;a-2" and rows[1]["flags"] == "passive;reported"
    assert rows[2]["sentence"] == _events()[2].mentions[0].sentence
    assert (rows[1]["injured"], rows[1]["killed"], rows[1]["disputed"]) == ("3", "", "true")


def test_events_parquet_matches_golden(tmp_path):
    out = tmp_path / "events.parquet"
    assert write_events_parquet(_events(), out) == 4
    produced = _parquet_rows(out)
    _check_golden("events.parquet.json",
                  json.dumps(produced, ensure_ascii=False, indent=1) + "\n")
    assert list(produced["schema"]) == list(COLUMNS)
    row = produced["rows"][1]
    assert (row["killed"], row["injured"], row["place_lat"], row["disputed"]) == (
        None, 3, None, True)


def test_graphml_matches_golden(tmp_path):
    out = tmp_path / "events.graphml"
    assert write_graphml(_events(), out) == 2
    _check_golden("events.graphml", _read(out))


def test_graphml_reads_back_with_networkx(tmp_path):
    out = tmp_path / "events.graphml"
    write_graphml(_events(), out)
    graph = nx.read_graphml(out)
    assert graph.is_directed()
    assert list(graph.nodes) == ["ent-7", "NLD:LAB:dock_workers", "ent-9"]
    assert graph.number_of_edges() == 2
    assert graph.nodes["ent-7"] == {"label": "Orsolya Brandt", "country": "DEU", "sector": "GOV"}
    assert graph.nodes["ent-9"] == {"label": 'Velmar "Port"\tCouncil'}
    edge = graph.edges["ent-7", "NLD:LAB:dock_workers"]
    assert edge["event_id"] == "ev-0001" and edge["cameo"] == "036" and edge["root"] == "03"
    assert (edge["quad_class"], edge["goldstein"], edge["num_articles"]) == (1, 4.0, 2)
    assert (edge["plover"], edge["date"]) == ("CONSULT", "2022-03-14")
    assert "plover" not in graph.edges["ent-7", "ent-9"]  # null plover is left out


def test_graphml_keeps_parallel_edges(tmp_path):
    out = tmp_path / "twice.graphml"
    events = _events()[:1] * 2
    events[1] = dataclasses.replace(events[1], id="ev-0001b")
    assert write_graphml(events, out) == 2
    graph = nx.read_graphml(out)
    assert graph.is_multigraph() and graph.number_of_edges() == 2


def test_gdelt_headers_have_61_and_16_columns():
    assert len(EVENT_COLUMNS) == len(set(EVENT_COLUMNS)) == 61
    assert len(MENTION_COLUMNS) == len(set(MENTION_COLUMNS)) == 16


@pytest.mark.skipif(not GDELT_SCHEMA.is_dir(),
                    reason=f"GDELT column reference {GDELT_SCHEMA} (shared/ beside the checkout) "
                           "is absent")
def test_gdelt_headers_match_gdelt_reference(tmp_path):
    with open(GDELT_SCHEMA / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv",
              encoding="utf-8", newline="") as handle:
        events = [row[0] for row in list(csv.reader(handle))[1:]]
    with open(GDELT_SCHEMA / "GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv",
              encoding="utf-8", newline="") as handle:
        mentions = [row[1] for row in list(csv.reader(handle, delimiter="\t"))[1:]]
    write_gdelt_tsv([], {}, tmp_path / "e.tsv", added=ADDED)
    write_gdelt_mentions_tsv([], {}, tmp_path / "m.tsv", added=ADDED)
    assert _read(tmp_path / "e.tsv").rstrip("\n").split("\t") == events
    assert _read(tmp_path / "m.tsv").rstrip("\n").split("\t") == mentions


def test_empty_input_writes_header_only_files(tmp_path):
    assert write_gdelt_tsv(iter(()), {}, tmp_path / "e.tsv") == 0
    assert _read(tmp_path / "e.tsv") == "\t".join(EVENT_COLUMNS) + "\n"
    assert write_gdelt_mentions_tsv([], {}, tmp_path / "m.tsv") == 0
    assert _read(tmp_path / "m.tsv") == "\t".join(MENTION_COLUMNS) + "\n"
    assert write_events_csv([], tmp_path / "e.csv") == 0
    assert _read(tmp_path / "e.csv") == ",".join(COLUMNS) + "\r\n"
    assert write_graphml([], tmp_path / "e.graphml") == 0
    assert nx.read_graphml(tmp_path / "e.graphml").number_of_nodes() == 0
    assert not list(tmp_path.glob("*.part"))


def test_empty_input_writes_a_parquet_file_with_the_schema(tmp_path):
    assert write_events_parquet([], tmp_path / "e.parquet") == 0
    write_events_parquet(_events(), tmp_path / "full.parquet")
    full = _parquet_rows(tmp_path / "full.parquet")
    assert _parquet_rows(tmp_path / "e.parquet") == {"schema": full["schema"], "rows": []}
    assert not list(tmp_path.glob("*.part"))


def test_default_dateadded_is_utc_now_and_bad_stamps_fail(tmp_path):
    write_gdelt_tsv(_events()[:1], ARTICLES, tmp_path / "e.tsv")
    stamp = _read(tmp_path / "e.tsv").splitlines()[1].split("\t")[EVENT_COLUMNS.index("DATEADDED")]
    assert len(stamp) == 14 and stamp.isdigit() and stamp.startswith("20")
    with pytest.raises(ValueError):
        write_gdelt_tsv([], {}, tmp_path / "x.tsv", added="2022-03-15")


WRITERS = {
    "gdelt": lambda events, path: write_gdelt_tsv(events, ARTICLES, path, added=ADDED),
    "mentions": lambda events, path: write_gdelt_mentions_tsv(events, ARTICLES, path, added=ADDED),
    "csv": write_events_csv,
    "parquet": write_events_parquet,
    "graphml": write_graphml,
}


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_a_failed_write_leaves_the_old_file_and_no_part(tmp_path, fmt):
    def broken():
        yield _events()[0]
        raise RuntimeError("store went away")

    out = tmp_path / "out.dat"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError, match="store went away"):
        WRITERS[fmt](broken(), out)
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.dat"]


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


def _random_events():
    event = st.builds(Event, id=_text, cameo=_text, source=st.none() | st.builds(EventActor, _text),
                      target=st.none())
    return st.lists(event, max_size=5)


def _expected(events: list[Event]) -> list[tuple]:
    return [(e.id, e.cameo, e.source and e.source.text) for e in events]


@settings(max_examples=100, deadline=None)
@given(events=_random_events())
def test_csv_round_trip(tmp_path_factory, events):
    out = tmp_path_factory.mktemp("csv") / "events.csv"
    assert write_events_csv(events, out) == len(events)
    with open(out, encoding="utf-8", newline="") as handle:
        back = [(r["id"], r["cameo"], r["source_text"]) for r in csv.DictReader(handle)]
    # CSV has no null: a missing source reads back as the empty string
    assert back == [(i, c, t or "") for i, c, t in _expected(events)]


@settings(max_examples=100, deadline=None)
@given(events=_random_events())
def test_parquet_round_trip(tmp_path_factory, events):
    import pyarrow.parquet as pq

    out = tmp_path_factory.mktemp("pq") / "events.parquet"
    assert write_events_parquet(events, out) == len(events)
    back = pq.read_table(out).to_pylist()
    assert [(r["id"], r["cameo"], r["source_text"]) for r in back] == _expected(events)
