"""The country of an entity the knowledge base does not place, on sentences written here."""
import pytest

pytestmark = pytest.mark.slow


PUBLISHED = "2022-03-10"  # the analyze fixture (conftest.py) dates the articles so


def _country(analysis, name):
    for entity in analysis.entities:
        if any(m.kind == "name" and m.text == name for m in entity.mentions):
            return entity.country
    raise AssertionError(f"no entity is named {name!r}: {[e.name for e in analysis.entities]}")


# (text, name, country); None where the text does not say
CASES = [
    ("Iranian President Ana Ruiz arrived on Monday.", "Ana Ruiz", "IRN"),                 # title
    ("Tomas Varga, Turkey's foreign minister, spoke first.", "Tomas Varga", "TUR"),       # apposition
    ("South African President Lerato Mokoena welcomed the deal.", "Lerato Mokoena", "ZAF"),  # two words
    ("Kremlin spokesman Pavel Orlov denied the report.", "Pavel Orlov", "RUS"),          # her organisation
    ("The Kenyan Ministry of Health said the outbreak was over.", "Kenyan Ministry of Health", "KEN"),
    ("Pavel Orlov, Russia's ambassador to Colombia, left Bogota.", "Pavel Orlov", "RUS"),  # not "to Colombia"
    ("Ana Ruiz spoke to reporters on Monday.", "Ana Ruiz", None),                       # nothing said
    # a town's office: the town the model tagged a person or an organisation
    ("The strike hit the station at dawn. Kramatorsk's mayor Ivan Petrenko said two people died.",
     "Ivan Petrenko", "UKR"),
    # the organisation a person is "of", whose country the article gives
    ("Turkey voted on Sunday in Istanbul and Ankara. Selim Kaya of the Republican Unity Party (CUP) "
     "conceded. Turkey's count went on.", "Selim Kaya", "TUR"),
    # the country the object of "of" or of "who leads" is, or its nationality modifies
    ("Luis Vega of Chile won the first stage.", "Luis Vega", "CHL"),
    ("Eva Gil, who leads the Chilean Workers faction, voted no.", "Eva Gil", "CHL"),
    ("Eva Gil, who leads the fight against Russia, voted no.", "Eva Gil", None),
    # a count of nationals and its list, in dashes or after a colon, as many names as counted
    ("Two Peruvians — the painter Rosa Quispe and the photographer Mario Condori — were hurt.",
     "Mario Condori", "PER"),
    ("A bus overturned and three Kenyan nationals were injured: the driver Otieno Kamau, the teacher "
     "Wanjiru Njeri and the nurse Achieng Odhiambo.", "Wanjiru Njeri", "KEN"),
    ("Two Peruvians were hurt: Rosa Quispe said the bus was late.", "Rosa Quispe", None),
    # a person's staff share the person's country, a counterpart does not
    ("Chilean President Ana Ruiz arrived. The delegation includes Ruiz's deputy, Tomas Varga, and "
     "two advisers.", "Tomas Varga", "CHL"),
    ("Chilean President Ana Ruiz arrived. Ruiz's counterpart, Tomas Varga, met her.", "Tomas Varga", None),
    # a country's possessive before an institution the model tagged alone
    ("KYIV — Moscow denied any role. Russia's Defence Ministry called the reports false; the Interior "
     "Ministry in Kyiv said 13 people died in Kharkiv.", "Defence Ministry", "RUS"),
]


@pytest.mark.parametrize("text,name,country", CASES)
def test_the_country_the_text_gives(analyze, text, name, country):
    assert _country(analyze(text), name) == country


# A country's institution in lower case: (text, mention, canonical name, country)
INSTITUTIONS = [
    ("Chile's defence ministry denied the report.", "Chile's defence ministry", "Chilean defence ministry", "CHL"),
    ("The Kenyan government welcomed the vote.", "Kenyan government", "Kenyan government", "KEN"),
    ("Talks with the government of Kenya resumed.", "government of Kenya", "Kenyan government", "KEN"),
    ("Kenya's federal government agreed.", "Kenya's federal government", "Kenyan government", "KEN"),
    ("Peru's security service detained two men.", "Peru's security service", "Peruvian security service", "PER"),
]


@pytest.mark.parametrize("text,mention,name,country", INSTITUTIONS)
def test_a_countrys_institution_is_a_named_organisation(analyze, text, mention, name, country):
    a = analyze(text)
    (entity,) = [e for e in a.entities if any(m.kind == "name" and m.text == mention for m in e.mentions)]
    assert (entity.type, entity.name, entity.country) == ("ORG", name, country)


def test_two_ways_of_naming_one_institution_are_one_entity(analyze):
    a = analyze("The Kenyan government met the rebels. Later the government of Kenya signed the deal.")
    (entity,) = [e for e in a.entities if e.name == "Kenyan government"]
    assert {m.text for m in entity.mentions if m.kind == "name"} == {"Kenyan government", "government of Kenya"}


def test_an_unqualified_institution_is_of_the_country_the_article_is_about(analyze):
    a = analyze("Protesters filled the streets of Nairobi on Monday. Kenya's opposition called for more "
                "rallies in Nairobi and Mombasa, and the Interior Ministry said police would keep order in "
                "Kenya. Kenyan officials met in Nairobi.")
    assert _country(a, "Interior Ministry") == "KEN"


def test_the_dateline_is_one_more_town_of_the_article(analyze):
    # Washington twice against Tbilisi once: the dateline breaks the tie for Georgia.
    text = ("Georgia's parliament passed the bill on Tuesday in Tbilisi. In Washington, officials said "
            "the law would harm ties with Georgia. Washington and the United States will review aid to "
            "Georgia, and Prime Minister Levan Beridze said Georgia would not bow.")
    assert _country(analyze(text), "Levan Beridze") is None
    assert _country(analyze(text, dateline="Tbilisi"), "Levan Beridze") == "GEO"


def test_no_country_when_the_article_names_two_countries_alike(analyze):
    a = analyze("Russian missiles hit Kharkiv in Ukraine. Russia said Russian forces struck targets, and "
                "the Defence Ministry said the strike on Kharkiv was precise.")
    assert _country(a, "Defence Ministry") is None


@pytest.mark.parametrize("text,mention", [
    ("The US Embassy issued a warning.", "US Embassy"),
    ("The American embassy issued a warning.", "American embassy"),
])
def test_an_institution_the_ner_tagged_takes_the_canonical_name(analyze, text, mention):
    a = analyze(text)
    (entity,) = [e for e in a.entities if any(m.text == mention for m in e.mentions)]
    assert (entity.name, entity.country) == ("American embassy", "USA")


@pytest.mark.parametrize("text,mention,name", [
    ("Russia\u2019s embassy in Bras\u00edlia protested on Friday.", "Russia\u2019s embassy in Bras\u00edlia",
     "Russian embassy in Bras\u00edlia"),
    ("The Russian embassy in Kyiv condemned the strike.", "Russian embassy in Kyiv", "Russian embassy in Kyiv"),
])
def test_a_mission_abroad_keeps_its_host_city(analyze, text, mention, name):
    a = analyze(text)
    (entity,) = [e for e in a.entities if any(m.text == mention for m in e.mentions)]
    assert (entity.name, entity.country) == (name, "RUS")


def test_two_embassies_of_one_country_are_two_entities(analyze):
    a = analyze("The Russian embassy in Kyiv condemned the strike. The Russian embassy in Minsk praised it.")
    names = {e.name for e in a.entities if e.country == "RUS"}
    assert {"Russian embassy in Kyiv", "Russian embassy in Minsk"} <= names


def test_a_name_beginning_with_a_nationality_is_no_person():
    from newsgraph.kb import load_kb
    from newsgraph.records import Mention
    from newsgraph.resolve import _organisation_by_its_name
    from newsgraph.resolve.local import Cluster

    kb = load_kb()

    def cluster(label, *texts, kinds=None):
        kinds = kinds or ["name"] * len(texts)
        return Cluster("e1", label, mentions=[Mention(0, len(t), t, k, label) for t, k in zip(texts, kinds)])

    assert _organisation_by_its_name(cluster("PERSON", "Kenyan Unity"), kb)
    assert _organisation_by_its_name(cluster("NORP", "ZPLF"), kb)
    assert not _organisation_by_its_name(cluster("PERSON", "Kenyan Unity", "he", kinds=["name", "pronoun"]), kb)
    assert not _organisation_by_its_name(cluster("PERSON", "Ana Ruiz"), kb)
    assert not _organisation_by_its_name(cluster("NORP", "Kenyan"), kb)


def test_an_acronym_defined_in_brackets_is_the_name_before_it(analyze):
    a = analyze("Selim Kaya, the leader of the Republican Unity Party (CUP), conceded. The CUP said it "
                "would appeal.")
    party = next(e for e in a.entities if e.name == "Republican Unity Party")
    assert [m.text for m in party.mentions if m.kind == "name"].count("CUP") == 2


def test_the_knowledge_base_finds_a_person_by_first_and_last_names():
    from newsgraph.kb import load_kb

    kb = load_kb()
    (actor,) = kb.find("Anwar Muhammad Gargash")
    assert kb.find("Anwar Gargash") == [actor]
    assert kb.find("Anwar Smith") == []
