"""Coding with a user's TABARI/PETRARCH verb dictionary, on sentences written for it.

One invented dictionary and actor file; every sentence is coded once in a module fixture
(the spaCy parse is the slow part).
"""
import pytest

from newsgraph.config import load_options
from newsgraph.sentences import Sentence, code_sentences

ACTORS = """\
NEWLAND [NLX]
OLDLAND [OLX]
FARLAND [FLX]
EASTLAND [ELX]
"""

VERBS = """\
<!-- a small dictionary for these tests -->
&TIES_
+DIPLOMATIC_TIES
+RELATIONS

--- PRAISE [051] ---
PRAISE
- * &TIES [064]
- * EFFORTS [---]

--- TRAVEL [032:033] ---
LEFT

--- AGREE [030] ---
AGREE
- % * [030:030]
- * WITH % [031]

--- FREE [061] ---
RELEASE
- + * (FROM $) [0311]

--- TAP [1711] ---
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPS}

--- CONDEMN [112] ---
CONDEMN
- SAID_* [111]

--- MEET [---] ---
MEET
- NOT * [120]
BAD LINE [999]

--- GIVE [070] ---
GIVE {GAVE GIVEN GIVES GIVING}
- * GIFTS [9x9]

--- VISIT [042] ---
VISIT
- MAY * [043]

--- RENEW [031] ---
RENEW
- * LICENSE [031]
- * TREATY [918]
"""

SENTENCES = {
    "pattern": "Newland praised diplomatic ties with Oldland.",
    "synonym_plural": "Newland praised the relations with Oldland.",
    "isolated": "Newland praised Oldland.",
    "null_pattern": "Newland praised the efforts of Oldland.",
    "pair_code": "Newland left for Oldland on Monday.",
    "compound_before": "Newland and Oldland agree.",
    "compound_after": "Farland agrees with Newland and Oldland.",
    "source_and_target_marks": "Oldland was released from Newland.",
    "multi_word_verb": "Newland wire tapped the phones of Oldland.",
    "joined_word": "Newland said it condemned Oldland.",
    "negation_word": "Newland did not meet Oldland.",
    "builtin_more_specific": "Newland held talks with Oldland.",
    "dictionary_wins_a_tie": "Newland condemned Oldland.",
    "uncodable_pattern": "Newland gave gifts to Oldland.",
    "uncodable_fallback": "Newland gave money to Oldland.",
    "modal_in_pattern": "Newland may visit Oldland.",
    "listed_subject": "Newland, Oldland, Farland and Bree praised their talks with Eastland.",
    "own_thing_then_the_party_after_a_preposition": "Newland renewed its license in Oldland.",
    "own_code": "Newland renewed the treaty with Oldland.",
}


@pytest.fixture(scope="module")
def coded(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("dictionaries")
    (folder / "lands.actors").write_text(ACTORS, "utf-8")
    (folder / "lands.verbs").write_text(VERBS, "utf-8")
    options = load_options(overrides={"run": {"progress": False, "workers": 1},
                                      "nlp": {"actor_files": [str(folder / "lands.actors")]},
                                      "events": {"verb_files": [str(folder / "lands.verbs")]}})
    found = dict(code_sentences([Sentence(k, v) for k, v in SENTENCES.items()], options))
    return {k: [(e["cameo"], _c(e["source"]), _c(e["target"]), _rule(e)) for e in v] for k, v in found.items()}


def _c(side):
    return side["country"] if side else None


def _rule(event):
    rules = [f for f in event["flags"] if f.startswith("rule:")]
    return rules[0].rsplit(":", 1)[-1] if rules else None  # the line number


def test_a_pattern_codes_and_records_its_file_and_line(coded):
    assert coded["pattern"] == [("064", "NLX", "OLX", "8")]


def test_a_synonym_set_with_its_generated_plural(coded):
    assert coded["synonym_plural"] == [("064", "NLX", "OLX", "8")]


def test_the_isolated_verb_takes_its_block_code(coded):
    assert coded["isolated"] == [("051", "NLX", "OLX", "7")]


def test_a_null_pattern_means_no_event(coded):
    assert coded["null_pattern"] == []


def test_a_pair_code_gives_the_event_back(coded):
    assert sorted(coded["pair_code"]) == [("032", "NLX", "OLX", "12"), ("033", "OLX", "NLX", "12")]


def test_a_compound_before_the_verb_holds_both_sides(coded):
    assert sorted(coded["compound_before"]) == [("030", "NLX", "OLX", "16"), ("030", "OLX", "NLX", "16")]


def test_a_compound_after_the_verb_is_each_target(coded):
    assert sorted(coded["compound_after"]) == [("031", "FLX", "NLX", "17"), ("031", "FLX", "OLX", "17")]


def test_source_and_target_marks_override_the_grammar(coded):
    assert coded["source_and_target_marks"] == [("0311", "NLX", "OLX", "21")]


def test_a_multi_word_verb(coded):
    assert [e[:2] for e in coded["multi_word_verb"]] == [("1711", "NLX")]


def test_a_joined_word_must_be_next_to_the_verb(coded):
    # "said it condemned": SAID_* needs "said" right before the verb, so the block code codes
    assert ("112", "NLX", "OLX", "27") in coded["joined_word"]


def test_a_negation_in_the_pattern_is_its_code_not_a_refusal(coded):
    assert coded["negation_word"] == [("120", "NLX", "OLX", "32")]


def test_a_built_in_pattern_with_more_words_wins(coded):
    (event,) = coded["builtin_more_specific"]
    assert event[0].startswith("04") and event[3] is None  # "hold talks with": no dictionary rule


def test_the_dictionary_wins_a_tie_with_the_built_in_lexicon(coded):
    assert coded["dictionary_wins_a_tie"] == [("112", "NLX", "OLX", "27")]


def test_a_pattern_with_a_code_outside_cameo_claims_its_words_as_no_event(coded):
    # "- * GIFTS [9x9]": coding it as the block's 070 would say what its author did not
    assert coded["uncodable_pattern"] == []
    # another object is not claimed: the built-in "give +money" (one word more than GIVE) codes it
    assert coded["uncodable_fallback"] == [("071", "NLX", "OLX", None)]


def test_a_code_cameo_lacks_is_coded_as_the_dictionary_wrote_it(coded):
    # "- * TREATY [918]": the author's own code, as PETRARCH passes it on (root 91)
    assert coded["own_code"] == [("918", "NLX", "OLX", str(VERBS.splitlines().index("- * TREATY [918]") + 1))]


def test_a_modal_the_pattern_names_is_its_code_not_a_hypothesis(coded):
    # without the pattern, "may visit" would be hypothetical and not kept
    assert [e[:3] for e in coded["modal_in_pattern"]] == [("043", "NLX", "OLX")]


def test_the_other_side_is_not_the_sources_own_thing(coded):
    assert [e[:3] for e in coded["own_thing_then_the_party_after_a_preposition"]] == [("031", "NLX", "OLX")]


def test_every_name_of_a_listed_subject_is_a_source(coded):
    # the parser hangs "Oldland, Farland and Bree" off the first name as an apposition
    praised = [e for e in coded["listed_subject"] if e[0] == "051"]
    assert {e[1] for e in praised} >= {"NLX", "OLX", "FLX"} and {e[2] for e in praised} == {"ELX"}


def test_a_lower_bound_on_pattern_words_refuses_the_isolated_verb():
    # the CAMEO.2.0 fallback asks for min_words=1: "praised Oldland" is PRAISE's isolated verb
    from newsgraph.analyze import load_resources
    from newsgraph.events.verb_patterns import dictionary_match
    from newsgraph.kb.petrarch_verbs import read_verb_text

    nlp = load_resources(load_options())[0]
    dictionary = read_verb_text(VERBS, "lands.verbs")
    doc = nlp("Newland praised Oldland. Newland praised diplomatic ties with Oldland.")
    first, second = [next(t for t in s if t.lemma_ == "praise") for s in doc.sents]
    assert dictionary_match(first, dictionary).words == 0
    assert dictionary_match(first, dictionary, min_words=1) is None
    found = dictionary_match(second, dictionary, min_words=1)  # the verb of the second sentence
    assert found.words == 1 and found.trigger.pattern.code == "064"
