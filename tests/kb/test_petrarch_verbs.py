"""The TABARI/PETRARCH verb dictionary reader: every syntax element, and every bad line
as one coded problem while the rest of the file loads."""
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsgraph.kb.petrarch_verbs import (PrepPhrase, Slot, Words, load_verb_dictionaries, plural,
                                         read_verb_text, regular_forms)

GOOD = """\
<!-- a test dictionary -->
<!-- spanning
     two lines -->
# a comment line
&TIETYPES
+MILITARY
+ECONOMIC_
+TRADE_LINK

&NOPLURAL_
+DOLLAR

&NESTED
+&TIETYPES
+CLOSER

--- RESTORE  [064] ---
RESTORE   # pas
- * &TIETYPES TIES  [064]
- * FULL_RELATIONS [0311]   # a CAMEO code of four digits
- SAID WOULD_*  [---]

--- LEAVE [032:033] ---
LEFT
GO {WENT GONE}
+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}
WIRE_+TAP [1711]
- + * (FROM $) [061]
- % * [030:030]
- * {TRADE | AID} ^ [070]
- * {FINANCIAL AID} [071]
~ a (a b WILL_ATTACK) SAY = a b 138
"""


@pytest.fixture(scope="module")
def good():
    return read_verb_text(GOOD, "good.verbs")


def test_a_good_file_has_no_problems(good):
    assert good.problems == ()


def test_synonym_sets_with_plurals_joined_words_and_nesting(good):
    (first, *_), = [p.after for p in good.patterns["RESTORE"] if p.code == "064" and p.after]
    assert set(first.options) == {("MILITARY",), ("MILITARIES",), ("ECONOMIC",), ("TRADE", "LINK"),
                                  ("TRADE", "LINKS")}


def test_regular_and_irregular_forms(good):
    assert {"RESTORE", "RESTORES", "RESTORED", "RESTORING"} <= set(good.forms)
    assert {"WENT", "GONE", "GO"} <= set(good.forms) and "GOES" not in good.forms
    assert regular_forms("AGREE") == ["AGREE", "AGREES", "AGREED", "AGREEING"]
    assert plural("POLICY") == "POLICIES" and plural("PASS") == "PASSES"


def test_multi_word_verbs(good):
    (cordoned,) = good.forms["CORDONED"]
    assert cordoned.after == ("OFF",) and cordoned.before == ()
    (taps,) = good.forms["TAPS"]  # regular forms of the word marked '+'
    assert taps.before == ("WIRE",) and taps.code == "1711"


def test_block_code_and_pair_code(good):
    (left,) = good.forms["LEFT"]
    assert (left.code, left.reverse_code) == ("032", "033")
    assert left.verb == "LEFT"  # the block's first verb is where its patterns are kept


def test_patterns_slots_prepositions_alternatives_noun_phrases(good):
    by_code = {p.code: p for p in good.patterns["LEFT"]}
    free = by_code["061"]
    assert free.before == (Slot("+"),) and free.after == (PrepPhrase("FROM", (Slot("$"),)),)
    assert by_code["030"].before == (Slot("%"),) and by_code["030"].reverse_code == "030"
    assert by_code["070"].after == (Words((("TRADE",), ("AID",))), Slot("^"))
    assert by_code["071"].after == (Words((("FINANCIAL",),)), Words((("AID",),)))


def test_null_code_joined_words_and_specificity_order(good):
    restore = good.patterns["RESTORE"]
    null = next(p for p in restore if p.code is None)
    assert null.joined_before and null.before == (Words((("SAID",),)), Words((("WOULD",),)))
    full = next(p for p in restore if p.code == "0311")
    assert full.after == (Words((("FULL", "RELATIONS"),)),)
    assert [p.words for p in restore] == sorted((p.words for p in restore), reverse=True)
    assert full.origin == "good.verbs:20"


@pytest.mark.parametrize("line,cause", [
    ("- * TIES", "needs a [code]"),
    ("- TIES [064]", "exactly one '*'"),
    ("- * * TIES [064]", "exactly one '*'"),
    ("- * &UNDEFINED [064]", "not defined"),
    ("- * TIES [9x9]", "not a code"),
    ("- * (TO [064]", "without"),
    ("- * TO) [064]", "unbalanced"),
    ("- * {FINANCIAL AID [064]", "without"),
    ("- * ( ) [064]", "without a preposition"),
    ("- * T$ES [064]", "mixes a marker"),
    ("&TWO WORDS", "one word"),
    ("RESTORE {RESTORED", "without '}'"),
    ("RESTORE [abc]", "not a code"),
    ("--- [064] ---", "--- MEANING [code] ---"),
])
def test_each_bad_line_is_one_problem_and_the_rest_loads(line, cause):
    text = "--- RESTORE [064] ---\nRESTORE\n- * TIES [064]\n" + line + "\n- * RELATIONS [0311]\n"
    found = read_verb_text(text, "bad.verbs")
    (problem,) = found.problems
    assert problem.code == "W701" and problem.line == 4 and cause in problem.cause
    assert str(problem).startswith("W701 bad.verbs:4: ")
    assert {p.code for p in found.patterns["RESTORE"]} >= {"064"}
    assert any(p.code == "0311" and p.origin == "bad.verbs:5" for p in found.patterns["RESTORE"])


def test_pattern_before_any_verb_is_a_problem():
    found = read_verb_text("- * TIES [064]\n", "x.verbs")
    assert [p.line for p in found.problems] == [1] and "before any verb" in found.problems[0].cause


def test_a_code_with_a_cameo_prefix_is_kept_as_that_prefix_with_a_warning():
    found = read_verb_text("--- BREAK [1717] ---\nBREAK\n", "x.verbs")
    (problem,) = found.problems
    assert "coded as its prefix 171" in problem.cause
    assert found.forms["BREAK"][0].code == "171"


def test_a_later_file_wins_a_tie_and_an_unreadable_file_is_one_problem(tmp_path):
    first, second = tmp_path / "a.verbs", tmp_path / "b.verbs"
    first.write_text("--- PRAISE [051] ---\nPRAISE\n- * EFFORTS [051]\n", encoding="utf-8")
    second.write_text("--- PRAISE [112] ---\nPRAISE\n- * EFFORTS [112]\n", encoding="utf-8")
    merged = load_verb_dictionaries((str(first), str(second), str(tmp_path / "missing.verbs")))
    assert merged.forms["PRAISE"][0].code == "112" and merged.patterns["PRAISE"][0].code == "112"
    (problem,) = merged.problems
    assert problem.code == "W702" and "missing.verbs" in str(problem)


def test_the_validation_and_cameo_dictionaries_load():
    from pathlib import Path
    shared = Path(__file__).resolve().parents[3] / "shared"
    files = [shared / "benchmarks/events/PETR.Validate.verbs.txt", shared / "reference/petrarch/CAMEO.2.0.txt"]
    if not all(f.is_file() for f in files):
        pytest.skip("the shared PETRARCH dictionaries are not beside this checkout")
    found = load_verb_dictionaries(tuple(str(f) for f in files))
    assert len(found.forms) > 5000 and len(found.patterns) > 400
    assert all(p.code in ("W701", "W703") for p in found.problems)


LINE_PIECES = st.sampled_from(["-", "*", "$", "+", "%", "^", "(", ")", "{", "}", "|", "_", "&", "&X", "[", "]",
                               "[064]", "[---]", "[1:2]", "---", "<!--", "-->", "#", "~", " ", "WORD", "\t"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(LINE_PIECES, max_size=8).map("".join), max_size=6))
@example(lines=["&", "-*&[064]"])  # a pattern naming a synonym set with no members
def test_any_lines_never_raise_only_yield_coded_problems(lines):
    text = "&X\n+A\n--- V [064] ---\nV\n" + "\n".join(lines) + "\n"
    found = read_verb_text(text, "fuzz.verbs")
    assert all(p.code == "W701" and p.line >= 1 for p in found.problems)


def test_a_hash_inside_brackets_is_a_null_code_not_a_comment():
    found = read_verb_text("--- RESTORE [064] ---\nRESTORE\n- * DIPLXMATIC [###]  # pas [95]\n", "x.verbs")
    assert found.problems == () and found.patterns["RESTORE"][0].code is None


def test_a_code_cameo_lacks_is_the_dictionarys_own_with_a_w703_note():
    text = ("--- RESTORE [064] ---\nRESTORE\n- * TRADE LINKS [918]\n- * FERRY SERVICE [066]\n"
            "- * TIES [0644]\n")
    found = read_verb_text(text, "own.verbs")
    codes = {p.code for p in found.patterns["RESTORE"]}
    assert codes >= {"918", "066", "064"}  # "0644" has the CAMEO prefix 064
    notes = {p.line: p.code for p in found.problems}
    assert notes == {3: "W703", 4: "W703", 5: "W701"}
    assert not any(p.uncodable for p in found.patterns["RESTORE"])
