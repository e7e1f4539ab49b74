"""TABARI/PETRARCH dictionaries and JSON files as extra_files of load_kb."""
from __future__ import annotations

import json

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.kb import load_kb
from newsgraph.kb.petrarch import entry_to_actor, parse_actors, parse_agents, split_code

ACTORS = """\
<!-- TEST ACTOR DICTIONARY
# a multi-line comment block -->
# ===== Wakanda-free: real codes only =====
KIRAN_VOSS_  # an invented minister
+K._VOSS_
+KIRAN_VOSS-HALE
	[ESTELI 950101-130301]
	[ESTGOV 20130301-20171231]  # foreign minister
	[ESTGOVLEG >180115]
TALLINN_HARBOUR_POLICE {a brace comment} [ESTCOP]
NORTHERN LIGHTS FRONT
+NLF_
	[ESTREB < 990601]
	[ESTOPP 19990601 - 20050101]
HAMAS_  [PSEREBHMS]  # overrides the built-in record with the same name and country
+HAMAS_TEST_ALIAS
NO_CODE_ENTRY
"""

AGENTS = """\
<!-- TEST AGENTS -->
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES

HARBOUR_WARDEN {HARBOUR_WARDENS} [~COP] # explicit plural
CHIEF_LAMPLIGHTER {} [~GOVDEV]
LIGHTHOUSE!PERSON! [~CVL]
!MINST!_OF_FOG [~GOV]
WEATHER_MINIST [~GOVENV]
FOG_WATCH_NGO [NGO~]
"""


@pytest.fixture
def dictionaries(tmp_path):
    actors = tmp_path / "test.actors"
    agents = tmp_path / "test.agents"
    actors.write_text(ACTORS, "utf-8")
    agents.write_text(AGENTS, "utf-8")
    return str(actors), str(agents)


def test_parse_actor_entries_and_date_restrictions():
    problems: list[str] = []
    entries = {e.headword: e for e in parse_actors(ACTORS, problems)}
    assert problems == []
    assert set(entries) == {"KIRAN_VOSS_", "TALLINN_HARBOUR_POLICE", "NORTHERN LIGHTS FRONT",
                            "HAMAS_", "NO_CODE_ENTRY"}
    voss = entries["KIRAN_VOSS_"]
    assert voss.aliases == ["K._VOSS_", "KIRAN_VOSS-HALE"]
    assert voss.codes == [("ESTELI", "1995-01-01", "2013-03-01"),
                          ("ESTGOV", "2013-03-01", "2017-12-31"),
                          ("ESTGOVLEG", "2018-01-15", None)]
    front = entries["NORTHERN LIGHTS FRONT"]
    assert front.codes == [("ESTREB", None, "1999-06-01"), ("ESTOPP", "1999-06-01", "2005-01-01")]
    assert entries["TALLINN_HARBOUR_POLICE"].codes == [("ESTCOP", None, None)]
    assert entries["NO_CODE_ENTRY"].codes == []


def test_entries_become_readable_actors():
    codes = frozenset({"EST", "PSE"})
    entries = {e.headword: e for e in parse_actors(ACTORS)}
    voss = entry_to_actor(entries["KIRAN_VOSS_"], codes)
    assert voss.name == "Kiran Voss" and voss.type == "PERSON"
    assert "Kiran Voss-Hale" in voss.aliases and "K. Voss" in voss.aliases
    assert [(r.country, r.sector, r.start, r.end) for r in voss.roles] == [
        ("EST", "ELI", "1995-01-01", "2013-03-01"), ("EST", "GOV", "2013-03-01", "2017-12-31"),
        ("EST", "LEG", "2018-01-15", None)]
    police = entry_to_actor(entries["TALLINN_HARBOUR_POLICE"], codes)
    assert (police.name, police.type, police.country, police.sector) == (
        "Tallinn Harbour Police", "ORG", "EST", "COP")
    assert entry_to_actor(entries["NO_CODE_ENTRY"], codes) is None


def test_cameo_codes_map_to_iso_country_and_sector():
    codes = frozenset({"IRN", "ROU", "USA"})
    assert split_code("IRNGOV", codes) == ("IRN", "GOV")
    assert split_code("USAGOVLEG", codes) == ("USA", "LEG")
    assert split_code("ROMGOV", codes) == ("ROU", "GOV")  # CAMEO's ROM is ISO's ROU
    assert split_code("IGOUNO", codes) == (None, "IGO")
    assert split_code("NGOHRIAMN", codes) == (None, "NGO")
    assert split_code("MEAREB", codes) == (None, "REB")  # a region is not a country


def test_parse_agents_with_substitutions_and_plurals():
    words = {a.words: a.sector for a in parse_agents(AGENTS)}
    assert words["harbour warden"] == "COP" and words["harbour wardens"] == "COP"
    assert words["chief lamplighter"] == "GOV"
    assert words["lighthouseman"] == "CVL" and words["lighthousewomen"] == "CVL"
    assert words["minister of fog"] == "GOV" and words["ministries of fog"] == "GOV"
    assert words["weather minister"] == "GOV" and words["weather ministry"] == "GOV"
    assert words["fog watch ngo"] == "NGO"


def test_extra_dictionaries_merge_over_builtin(dictionaries):
    kb = load_kb(dictionaries)
    voss = kb.find("Kiran Voss-Hale")[0]
    assert voss.country == "EST"
    assert kb.find("NLF")[0].name == "Northern Lights Front"
    hamas = kb.find("Hamas")
    assert len(hamas) == 1 and kb.find("hamas test alias") == hamas
    assert hamas[0].id == "hamas"  # replaced in place, keeping the built-in names
    assert kb.find("Islamic Resistance Movement") == hamas
    assert kb.sector_of_role("harbour wardens") == "COP"
    assert kb.sector_of_role("police") == "COP"  # built-in words are still there
    assert len(kb) > len(load_kb())
    assert load_kb(dictionaries) is kb


def test_extra_json_file(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({
        "actors": [{"id": "test-envoy", "name": "Mira Castellan", "aliases": ["Envoy Castellan"],
                    "type": "PERSON", "country": "MLT", "sector": "GOV",
                    "roles": [{"title": "Special Envoy for Fog", "country": "MLT", "sector": "GOV",
                               "start": "2019-02-01", "end": None}],
                    "wikidata": None}],
        "agents": [{"words": "fog envoy", "sector": "GOV"}],
    }), "utf-8")
    kb = load_kb((str(path),))
    assert kb.find("envoy castellan")[0].id == "test-envoy"
    assert kb.holder_of("special envoy for fog", "MLT", "2020-01-01").name == "Mira Castellan"
    assert kb.holder_of("special envoy for fog", "MLT", "2018-01-01") is None
    assert kb.sector_of_role("fog envoys") == "GOV"


@pytest.mark.parametrize("content", [
    b"",
    b"\xff\xfe\x00garbage\x00\x81",
    b'{"actors": [{"name": "no id"}]}',
    b'{"something": []}',
    b"[1, 2, 3",
    b"+ALIAS_BEFORE_ANY_ACTOR\n",
    b"JUST_WORDS_NO_CODES\nMORE_WORDS\n",
])
def test_bad_files_raise_e501(tmp_path, content):
    path = tmp_path / "bad.actors"
    path.write_bytes(content)
    with pytest.raises(NewsgraphError) as info:
        load_kb((str(path),))
    assert info.value.code == "E501" and info.value.subject == str(path)


def test_missing_file_raises_e501(tmp_path):
    with pytest.raises(NewsgraphError) as info:
        load_kb((str(tmp_path / "nowhere.actors"),))
    assert info.value.code == "E501"


def test_petrarch_validation_dictionaries_read(shared_dir):
    folder = shared_dir / "benchmarks" / "events"
    actors = folder / "PETR.Validate.actors.txt"
    agents = folder / "PETR.Validate.agents.txt"
    problems: list[str] = []
    entries = {e.headword: e for e in parse_actors(actors.read_text("utf-8"), problems)}
    assert entries["GOLLUM"].aliases == ["SMEAGOL", "SLINKER", "STINKER"]
    assert ("HOBGOV", "1995-06-01", "1999-08-15") in entries["GOLLUM"].codes
    assert ("HOBREB", "1999-08-16", None) in entries["GOLLUM"].codes
    words = {a.words: a.sector for a in parse_agents(agents.read_text("utf-8"))}
    assert words["foreign minister"] == "GOV" and words["police"] == "COP"
    assert words["congressmen"] == "LEG"
    kb = load_kb((str(actors), str(agents)))
    assert kb.find("Smeagol")[0].name == "Gollum"
