"""Short forms, roles and pronouns within one article, on sentences written for these tests."""
import pytest

pytestmark = pytest.mark.slow


def _entity_of(analysis, mention_text):
    for entity in analysis.entities:
        if any(m.text == mention_text for m in entity.mentions):
            return entity
    raise AssertionError(f"no entity has the mention {mention_text!r}")


def test_short_form_and_honorific_join_the_full_name(analyze):
    a = analyze("Ayatollah Ali Khamenei met Ali Akbar Velayati on Sunday. Velayati later told reporters "
                "that Ayatollah Khamenei was in good health.")
    assert _entity_of(a, "Velayati") is _entity_of(a, "Ali Akbar Velayati")
    assert _entity_of(a, "Ayatollah Khamenei") is _entity_of(a, "Ayatollah Ali Khamenei")
    assert _entity_of(a, "Velayati") is not _entity_of(a, "Ayatollah Khamenei")


def test_title_before_a_name_resolves_a_later_role(analyze):
    a = analyze("Iranian President Hassan Rouhani spoke with Turkish Foreign Minister Mevlut Cavusoglu on "
                "Monday. The Iranian president said the talks went well.")
    rouhani = _entity_of(a, "Hassan Rouhani")
    assert any(m.kind == "role" and m.text == "The Iranian president" for m in rouhani.mentions)
    assert rouhani.country == "IRN"
    assert _entity_of(a, "Mevlut Cavusoglu").country == "TUR"


def test_counterpart_takes_the_named_country(analyze):
    a = analyze("Foreign Minister Mohammad Javad Zarif met Turkish Foreign Minister Mevlut Cavusoglu in "
                "Ankara. Zarif later briefed his Turkish counterpart on the talks.")
    cavusoglu = _entity_of(a, "Mevlut Cavusoglu")
    assert any(m.kind == "role" and "counterpart" in m.text for m in cavusoglu.mentions)


def test_role_alone_is_resolved_from_the_knowledge_base(analyze):
    a = analyze("The Emir of Qatar welcomed the agreement on Tuesday, officials said.", published="2021-05-18")
    emir = _entity_of(a, "The Emir of Qatar")
    assert emir.name == "Tamim bin Hamad Al Thani" and emir.country == "QAT"


def test_pronoun_speaker_is_the_last_subject_not_a_name_inside_the_quote(analyze):
    a = analyze("Ismail Haniyeh spoke by phone on Sunday. \u201cWe thank Ali Khamenei and the people of "
                "Iran,\u201d he added.")
    (quote,) = [q for q in a.quotes if q.text.startswith("We thank")]
    haniyeh = _entity_of(a, "Ismail Haniyeh")
    assert quote.speaker_key == haniyeh.key


def test_a_pronoun_continues_the_chain_of_the_pronoun_subject_before_it(analyze):
    # the second "He" is the one who spoke, not the mediator whose panel was named nearer
    a = analyze("Prime Minister Ana Ruiz thanked the mediators and Luis Vega's panel. \u201cOur commitment "
                "to peace remains steadfast. It is equally strong,\u201d she said. She also expressed "
                "gratitude to President Marta Solis for hosting the talks.")
    ruiz = _entity_of(a, "Ana Ruiz")
    assert sum(m.kind == "pronoun" for m in ruiz.mentions) == 2


# (text, the start of a quote, what its speaker must read): "it" that speaks is the
# organisation the sentence before has as its subject, unless that subject is a statement.
IT_SAID = [
    ("The Interior Ministry of Zandor said 40 people had been detained. It said the rally had turned "
     "violent.", "the rally", "The Interior Ministry"),
    ("The embassy in Oslo went further. \u201cToday is a dark day,\u201d it said in a statement.",
     "Today is", "The embassy"),
    ("\u201cWe withdraw the bill,\u201d the lawmakers said in a statement. The statement gave no "
     "ground. \u201cThe campaign of lies won,\u201d it said.", "The campaign", "the lawmakers"),
]


@pytest.mark.parametrize("text,starts,speaker", IT_SAID)
def test_it_that_speaks_is_the_organisation_before(analyze, text, starts, speaker):
    (quote,) = [q for q in analyze(text).quotes if q.text.startswith(starts)]
    assert quote.speaker_text.lower().startswith(speaker.lower()), quote.speaker_text


# People who speak for the organisation they are from: (text, quote starts, speaker's entity name)
MEMBERS_SAID = [
    ("Observers from the Andean Electoral Institute said the vote had been fair.", "the vote",
     "Andean Electoral Institute"),
    ("Inspectors of the Andean Electoral Institute said the count was late.", "the count",
     "Andean Electoral Institute"),
]


@pytest.mark.parametrize("text,starts,name", MEMBERS_SAID)
def test_members_speak_for_their_organisation(analyze, text, starts, name):
    a = analyze(text)
    (quote,) = [q for q in a.quotes if q.text.startswith(starts)]
    (speaker,) = [e for e in a.entities if e.key == quote.speaker_key]
    assert speaker.name == name


def test_the_mayor_of_a_town_is_no_town(analyze):
    a = analyze("The mayor of Kharkiv said the shelling had stopped.")
    (quote,) = a.quotes
    assert not any(e.key == quote.speaker_key and e.type == "GPE" for e in a.entities)


def test_statement_speaks_for_its_authors(analyze):
    a = analyze("\u201cThe siege must end now,\u201d the lawmakers said in a statement. "
                "It added, \u201cThe world cannot stay silent.\u201d")
    second = [q for q in a.quotes if q.text.startswith("The world")][0]
    assert second.speaker_text == "the lawmakers"


def test_organ_of_an_organisation_mentions_the_organisation(analyze):
    a = analyze("Hamas Political Bureau Chief Ismail Haniyeh thanked Iran on Sunday.")
    hamas = _entity_of(a, "Hamas")
    assert hamas.type == "ORG" and hamas.actor_id == "hamas"


def test_times_are_resolved_against_publication(analyze):
    a = analyze("The two ministers spoke on Sunday afternoon.", published="2021-05-17")
    (time,) = a.times
    assert (time.date, time.precision) == ("2021-05-16", "day")


def test_the_name_index_changes_no_answer(analyze, monkeypatch):
    """The index only spares tests (resolve/name_index.py): with it, every mention joins
    the entity it joins when every earlier cluster is tested, on the example corpus
    read as one long article."""
    from pathlib import Path

    from newsgraph.resolve.name_index import NameIndex

    texts = sorted((Path(__file__).resolve().parents[2] / "examples" / "text").glob("*.txt"))
    text = "\n\n".join(p.read_text("utf-8") for p in texts)

    def shape(analysis):
        return ([(e.key, e.name, [(m.start, m.text, m.kind) for m in e.mentions]) for e in analysis.entities],
                [(q.start, q.speaker_key) for q in analysis.quotes])

    indexed = shape(analyze(text))

    def every_named_cluster(self, *_args):  # a scan: every cluster holding a name, latest first
        return sorted({position for position, _name in self._filed}, reverse=True)

    monkeypatch.setattr(NameIndex, "candidates", every_named_cluster)
    monkeypatch.setattr(NameIndex, "short_form_holders", every_named_cluster)
    assert shape(analyze(text)) == indexed
