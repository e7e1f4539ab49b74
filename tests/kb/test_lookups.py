"""Lookups on the built-in knowledge base (src/newsgraph/data/actors.json.gz)."""
from __future__ import annotations

import pickle

import pytest

from newsgraph.kb import Actor, KnowledgeBase, load_kb


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def only(actors: list[Actor]) -> Actor:
    assert len(actors) == 1, actors
    return actors[0]


def test_exact_after_normalisation_only(kb):
    velayati = only(kb.find("Ali Akbar Velayati"))
    assert velayati.name == "Ali Akbar Velayati"
    assert velayati.country == "IRN" and velayati.type == "PERSON"
    assert only(kb.find("ali-akbar  VELAYATI")) is velayati
    assert kb.find("Velyati") == []  # a misspelling is not matched: no fuzzy lookup
    assert kb.find("") == []


def test_listed_aliases_find_the_pij_leader(kb):
    leader = only(kb.find("Ziyad al-Nakhalah"))
    for spelling in ("Ziad al-Nakhala", "Ziyad al-Nakhala", "Ziad Nakhaleh", "Ziad Al Nakhala"):
        assert only(kb.find(spelling)) is leader
    assert leader.country == "PSE"
    pij = only(kb.find("PIJ"))
    assert pij.name == "Palestinian Islamic Jihad"
    assert only(kb.find("Palestinian Islamic Jihad Movement")) is pij
    assert only(kb.find("Islamic Jihad")) is pij


@pytest.mark.parametrize("name, country, sector", [
    ("Hamas", "PSE", "REB"),
    ("Hezbollah", "LBN", "REB"),
    ("IRGC", "IRN", "MIL"),
    ("Islamic Revolution Guards Corps", "IRN", "MIL"),
    ("Quds Force", "IRN", "MIL"),
    ("Palestine National Liberation Movement", "PSE", "GOV"),
    ("World Assembly of Islamic Awakening", "IRN", "REL"),
    ("OIC", None, "IGO"),
    ("Organization of Islamic Cooperation", None, "IGO"),
    ("United Nations", None, "IGO"),
    ("UN Security Council", None, "IGO"),
    ("Arab League", None, "IGO"),
])
def test_organisations(kb, name, country, sector):
    actor = only(kb.find(name))
    assert (actor.country, actor.sector, actor.type) == (country, sector, "ORG")


def test_person_records_carry_dated_roles(kb):
    rouhani = only(kb.find("Hassan Rouhani"))
    president = [r for r in rouhani.roles if r.title == "President"]
    assert [(r.country, r.start, r.end) for r in president] == [("IRN", "2013-08-03", "2021-08-03")]
    assert only(kb.find("Mevlüt Çavuşoğlu")) is only(kb.find("Mevlut Cavusoglu"))
    assert only(kb.find("Tamim bin Hamad Al-Thani")).country == "QAT"


@pytest.mark.parametrize("word, code", [
    ("Iran", "IRN"), ("Iranian", "IRN"), ("Iranians", "IRN"), ("Islamic Republic of Iran", "IRN"),
    ("Qatari", "QAT"), ("Israeli", "ISR"), ("Palestinian", "PSE"), ("Turkish", "TUR"),
    ("Türkiye", "TUR"), ("the United States", "USA"), ("U.S.", "USA"), ("American", "USA"),
    ("British", "GBR"), ("Saudi", "SAU"), ("Emirati", "ARE"), ("Lebanese", "LBN"),
    ("Syrian", "SYR"), ("Egyptian", "EGY"), ("Tehran", "IRN"),
])
def test_country_of_word(kb, word, code):
    assert kb.country_of_word(word) == code


def test_every_country_is_found_by_its_name(kb):
    assert len(kb.countries) >= 249
    for code, country in kb.countries.items():
        assert kb.country_of_word(country.name) == code, country
    assert kb.country_of_word("Narnia") is None


@pytest.mark.parametrize("words, sector", [
    ("president", "GOV"), ("foreign minister", "GOV"), ("Foreign Ministers", "GOV"),
    ("spokesman", "GOV"), ("police", "COP"), ("army", "MIL"), ("rebels", "REB"),
    ("lawmakers", "LEG"), ("judge", "JUD"), ("senior police officials", "COP"),
])
def test_sector_of_role(kb, words, sector):
    assert kb.sector_of_role(words) == sector


def test_sector_of_unknown_words(kb):
    assert kb.sector_of_role("xylophone") is None
    assert kb.sector_of_role("") is None


@pytest.mark.parametrize("title, country, on, name", [
    ("president", "IRN", "2021-05-16", "Hassan Rouhani"),
    ("president", "IRN", "2021-08-02", "Hassan Rouhani"),
    ("president", "IRN", "2021-08-03", "Ebrahim Raisi"),
    ("President of Iran", None, "2022-03-01", "Ebrahim Raisi"),
    ("foreign minister", "TUR", "2021-05-16", "Mevlut Cavusoglu"),
    ("Iranian foreign minister", None, "2019-01-01", "Mohammad Javad Zarif"),
    ("minister of foreign affairs", "Iran", "2022-01-01", "Hossein Amir-Abdollahian"),
    ("Secretary-General of the Palestinian Islamic Jihad", None, "2021-05-16", "Ziyad al-Nakhalah"),
    ("PIJ secretary-general", None, "2021-05-16", "Ziyad al-Nakhalah"),
    ("head of the Hamas political bureau", None, "2021-05-16", "Ismail Haniyeh"),
    ("prime minister", "ISR", "2021-05-16", "Benjamin Netanyahu"),
    ("prime minister", "ISR", "2021-07-01", "Naftali Bennett"),
    ("emir", "QAT", "2021-05-16", "Tamim bin Hamad Al Thani"),
    ("Leader of the Islamic Revolution", "IRN", "2021-05-16", "Ali Khamenei"),
    ("UN Secretary-General", None, "2021-05-16", "Antonio Guterres"),
    ("secretary of state", "USA", "2021-05-16", "Antony Blinken"),
    ("foreign ministry spokesman", "IRN", "2021-05-16", "Saeed Khatibzadeh"),
])
def test_holder_of(kb, title, country, on, name):
    holder = kb.holder_of(title, country, on)
    assert holder is not None and holder.name == name


def test_holder_of_without_a_unique_answer(kb):
    assert kb.holder_of("president", None, "2021-05-16") is None  # which country?
    assert kb.holder_of("president", "IRN", "1850-01-01") is None
    assert kb.holder_of("grand vizier", "IRN", "2021-05-16") is None


def test_cached_and_picklable(kb):
    assert load_kb() is kb
    assert len(kb) == sum(1 for _ in kb.actors()) > 20000
    assert pickle.loads(pickle.dumps(kb)) is kb  # rebuilds through the cached load_kb


def test_a_surname_one_person_has_finds_that_person(kb):
    assert kb.find_surname("Mugabe").country == "ZWE"
    assert kb.find_surname("mugabe") is not None  # the name key, not the spelling


def test_a_surname_many_share_or_a_name_of_its_own_finds_no_one(kb):
    assert kb.find_surname("Khan") is None  # shared
    assert kb.find_surname("Putin") is None  # already a name in its own right: find() has it
    assert kb.find_surname("Iran") is None
    assert kb.find_surname("Robert Mugabe") is None  # one word only


def test_role_words_for_officials_and_forces(kb):
    assert kb.sector_of_role("officials") == "GOV"
    assert kb.sector_of_role("opposition officials") == "OPP"
    assert kb.sector_of_role("Israeli forces") == "MIL"
    assert kb.country_of_word("Zionist") == "ISR"
