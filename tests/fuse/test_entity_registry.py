"""Canonical entities across articles: variants unify, different people stay apart."""
from newsgraph.fuse import EntityRegistry
from newsgraph.records import GlobalEntity, LocalEntity, Mention


def _local(name, *mentions, type_="PERSON", actor_id=None):
    ms = [Mention(0, len(m), m, "name", type_) for m in (mentions or (name,))]
    return LocalEntity("e1", name, type_, actor_id=actor_id, mentions=ms)


def test_variants_across_articles_share_one_id():
    reg = EntityRegistry()
    first = reg.assign(_local("Ali Akbar Velayati", "Ali Akbar Velayati", "Velayati"))
    assert reg.assign(_local("Ali Akbar Velyati", "Ali Akbar Velyati", "Velayati")) == first
    assert reg.assign(_local("Velayati")) == first
    nakhala = reg.assign(_local("Ziad al-Nakhala", "Ziad al-Nakhala", "Nakhala"))
    assert reg.assign(_local("Ziyad al-Nakhalah", "Ziyad al-Nakhalah", "Al-Nakhaleh")) == nakhala
    assert reg.assign(_local("Ziad Nakhaleh")) == nakhala
    assert reg.assign(_local("Ali Khamenei", "Ayatollah Ali Khamenei")) not in (first, nakhala)


def test_acronyms_and_actors():
    reg = EntityRegistry()
    oic = reg.assign(_local("Organization of Islamic Cooperation", type_="ORG"))
    assert reg.assign(_local("OIC", type_="ORG")) == oic
    a = reg.assign(_local("Hassan Rouhani", actor_id="rouhani"))
    assert reg.assign(_local("President Rouhani", actor_id="rouhani")) == a


def test_registry_resumes_from_stored_entities():
    stored = GlobalEntity("n1", "Ismail Haniyeh", "PERSON", "PSE", None, None, ["Ismail Haniyeh", "Haniyeh"])
    reg = EntityRegistry([stored])
    assert reg.assign(_local("Haniyeh")) == "n1"
    assert [e.id for e in reg.take_changed()] == ["n1"]
    assert reg.take_changed() == []
