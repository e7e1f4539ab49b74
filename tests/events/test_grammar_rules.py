"""Rules of the grammar that read across sentences: a consultation the next sentences call
a phone call. Sentences written here."""
from __future__ import annotations

import pytest

from newsgraph.config import load_options
from newsgraph.events.grammar_rules import told_call
from newsgraph.sentences import Sentence, code_sentences

TEXTS = {
    "call_after": "The Chilean foreign minister spoke with his Peruvian counterpart on Monday. During the "
                  "phone call, the two ministers agreed to reopen the border crossing.",
    "no_call": "The Chilean foreign minister spoke with his Peruvian counterpart on Monday. Later that day, "
               "the two ministers agreed to reopen the border crossing.",
    "too_far": "The Chilean foreign minister spoke with his Peruvian counterpart on Monday. The border was "
               "closed in March. Trade fell sharply. Exports halved. This phone call was the first in months.",
}


@pytest.fixture(scope="module")
def coded() -> dict:
    options = load_options(overrides={"run": {"progress": False, "workers": 1}})
    found = dict(code_sentences([Sentence(k, v, "2022-03-10") for k, v in TEXTS.items()], options))
    return {k: [e["cameo"] for e in v] for k, v in found.items()}


def test_a_consultation_the_next_sentence_calls_a_phone_call_is_one(coded):
    assert "041" in coded["call_after"] and "040" not in coded["call_after"]


def test_without_that_reference_it_stays_a_consultation(coded):
    assert "040" in coded["no_call"] and "041" not in coded["no_call"]


def test_a_reference_sentences_later_names_another_call(coded):
    assert "040" in coded["too_far"]


@pytest.mark.parametrize("text,expected", [
    ("During the phone call, she asked for support.", True),
    ("In this telephone conversation the two agreed.", True),
    ("Their phone talks lasted an hour.", True),
    ("He called for calm.", False),
    ("A phone call is planned for Friday.", False),
])
def test_told_call_finds_definite_references_to_a_call(text, expected):
    assert told_call(text) is expected
