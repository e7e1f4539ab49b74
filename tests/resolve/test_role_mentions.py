"""Role mentions by their shape, on sentences written for these tests: the role written next
to a name, and later descriptions of an entity (head noun and modifiers)."""
import pytest

pytestmark = pytest.mark.slow


PUBLISHED = "2022-03-10"  # the analyze fixture (conftest.py) dates the articles so


def _holder(analysis, name):
    for entity in analysis.entities:
        if any(m.kind == "name" and m.text == name for m in entity.mentions):
            return entity
    raise AssertionError(f"no entity is named {name!r}: {[e.name for e in analysis.entities]}")


def _roles(entity):
    return [m.text for m in entity.mentions if m.kind == "role"]


# (text, the name, a role mention its entity must hold: contained, the determiner ignored)
NEXT_TO_A_NAME = [
    # modifiers before the name
    ("Kremlin spokesman Dmitry Peskov denied the report on Tuesday.", "Dmitry Peskov", "Kremlin spokesman"),
    ("Prosecutor General Ivan Petrenko opened a case.", "Ivan Petrenko", "Prosecutor General"),
    ("Chilean Foreign Minister Rosa Fuentes arrived in Lima.", "Rosa Fuentes", "Chilean Foreign Minister"),
    # the name in apposition to a role before it
    ("Peru's security chief Carlos Mendoza met the envoy.", "Carlos Mendoza", "Peru's security chief"),
    ("His spokesman, Paolo Conti, said the talks would go on.", "Paolo Conti", "spokesman"),
    # a role in apposition after the name
    ("Laura Kim, the South Korean novelist, spoke at the fair.", "Laura Kim", "South Korean novelist"),
    ("Omar Haddad, the chief of the council, resigned.", "Omar Haddad", "chief of the council"),
    # a capitalised title with its complement, then the name with its own titles
    ("The deal was unveiled by the Arctic Council’s High Representative for the North, former Danish "
     "minister Ole Sorensen, who led the talks.", "Ole Sorensen", "Arctic Council’s High Representative"),
]


@pytest.mark.parametrize("text,name,role", NEXT_TO_A_NAME)
def test_a_role_next_to_a_name_is_a_role_mention(analyze, text, name, role):
    roles = _roles(_holder(analyze(text), name))
    assert any(role.lower() in r.lower() for r in roles), roles


def test_a_rank_before_a_name_is_a_role_and_not_the_name(analyze):
    a = analyze("Major General Tomas Varga inspected the troops on Monday.")
    varga = _holder(a, "Tomas Varga")
    assert any("Major General" in r for r in _roles(varga))
    assert not any(m.text.startswith("General") for e in a.entities for m in e.mentions if m.kind == "name")


# (text, the name, a later description of it)
DESCRIPTIONS = [
    # generic head: the organisation the article names most
    ("The Liberation Front of Zandor rejected the plan. The Liberation Front of Zandor said it would "
     "fight on. The movement later released a statement.", "Liberation Front of Zandor", "The movement"),
    # specific head: the latest organisation of its kind (knowledge-base sector IGO)
    ("The African Union met in Addis Ababa. The European Union sent an observer, and the bloc promised aid.",
     "European Union", "the bloc"),
    # a word of its name
    ("The Interior Ministry banned the march. Protesters ignored the ministry and gathered anyway.",
     "Interior Ministry", "the ministry"),
    # a learnt role head and its country
    ("Chilean President Rosa Fuentes met the press. The Chilean president said the talks went well.",
     "Rosa Fuentes", "The Chilean president"),
    # a head noun learnt from an apposition
    ("Laura Kim, the novelist, was hurt in the blast. The novelist was taken to hospital.",
     "Laura Kim", "The novelist"),
    # a family of role words: a leader is a president
    ("President Ana Ruiz spoke on Monday. The Chilean leader said she was hopeful.", "Ana Ruiz",
     "The Chilean leader"),
    # an organisation's role: the person whose title names it, possessive or not
    ("The deal was unveiled by the Arctic Council’s High Representative for the North, former Danish "
     "minister Ole Sorensen, who led the talks. “We are not done,” the Arctic Council envoy said.", "Ole Sorensen",
     "the Arctic Council envoy"),
    # a title written as one is who bears it as a title, not the latest described with its word
    ("Supreme Leader Ivo Marek received union leader Tom Bell on Monday. Later the Leader said the "
     "strike must end.", "Ivo Marek", "the Leader"),
    # a lead's description of what the body then names, none named before it
    ("Chile's ruling party said on Monday it would drop the plan. The Liberation Front of Zandor said in "
     "a statement that it had decided to withdraw it.", "Liberation Front of Zandor", "Chile's ruling party"),
    # an age standing for the person last named
    ("Rosa Fuentes won the run-off on Sunday. The 64-year-old has led the party since 2003.",
     "Rosa Fuentes", "The 64-year-old"),
]


@pytest.mark.parametrize("text,name,description", DESCRIPTIONS)
def test_a_description_goes_to_the_entity_it_describes(analyze, text, name, description):
    roles = _roles(_holder(analyze(text), name))
    assert description in roles, roles


def test_a_generic_description_is_no_institution(analyze):
    a = analyze("The Interior Ministry banned the march. The group said it would march anyway.")
    assert "The group" not in _roles(_holder(a, "Interior Ministry"))


def test_a_description_teaches_an_unplaced_person_the_country(analyze):
    a = analyze("President Ana Ruiz spoke on Monday. The Chilean leader said she was hopeful.")
    assert _holder(a, "Ana Ruiz").country == "CHL"


def test_a_description_inside_a_persons_role_still_describes(analyze):
    a = analyze("The Liberation Front of Zandor rejected the plan. The Liberation Front of Zandor said it would "
                "fight on. Ana Ruiz, the movement's spokesman, confirmed it.")
    assert any(r.startswith("the movement") for r in _roles(_holder(a, "Liberation Front of Zandor")))


def test_an_age_before_a_noun_or_a_new_person_is_no_description(analyze):
    a = analyze("Rosa Fuentes won the run-off on Sunday. A 20-year-old student was hurt in the crowd.")
    assert _roles(_holder(a, "Rosa Fuentes")) == []


def test_an_untagged_surname_is_its_person(analyze):
    a = analyze("The envoy had met President Carlos Mendoza on Tuesday. Mendoza told the delegation that "
                "talks were futile. ‘The only way is resistance,’ he said.")
    mendoza = _holder(a, "Carlos Mendoza")
    assert any(m.kind == "name" and m.text == "Mendoza" for m in mendoza.mentions)
    (quote,) = [q for q in a.quotes if q.text.startswith("The only way")]
    assert quote.speaker_key == mendoza.key
