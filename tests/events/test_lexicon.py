"""The trigger lexicon: its line format, the packaged file, and user files over it."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.kb.cameo import load_cameo
from newsgraph.events.lexicon import LexiconError, Pattern, load_lexicon, parse_line


@pytest.mark.parametrize("line,expected", [
    ("051 praise", Pattern("051", "praise")),
    ("040 meet with", Pattern("040", "meet", ("with",))),
    ("043 pull out of", Pattern("043", "pull", ("out", "of"))),
    ("040 hold +talk", Pattern("040", "hold", (), "talk")),
    ("0311 sign +agreement with", Pattern("0311", "sign", ("with",), "agreement")),
    ("041 =call:phone", Pattern("041", "call", (), "phone", is_noun=True)),
    ("010 !say", Pattern("010", "say", weak=True)),
    ("  # a comment", None),
    ("", None),
])
def test_parse_line(line, expected):
    assert parse_line(line) == expected


def test_specificity_orders_patterns():
    assert Pattern("040", "hold", ("with",), "talk").specificity > Pattern("040", "hold", (), "talk").specificity
    assert Pattern("040", "hold", (), "talk").specificity > Pattern("040", "meet", ("with",)).specificity


@pytest.mark.parametrize("line", ["051", "040 hold +talk +meeting"])
def test_bad_lines_raise(line):
    with pytest.raises(ValueError):
        parse_line(line)


def test_packaged_lexicon_codes_are_known_and_broad():
    lexicon = load_lexicon()
    known = load_cameo()
    roots = set()
    for table in (lexicon.verbs, lexicon.nouns):
        for patterns in table.values():
            for p in patterns:
                assert p.code in known
                roots.add(known[p.code].root)
    assert len(lexicon) > 400
    assert roots >= {f"{i:02d}" for i in range(2, 21)}


def test_user_file_overrides_and_adds(tmp_path):
    user = tmp_path / "mine.txt"
    user.write_text("# my lexicon\n112 praise\n043 =junket\n", encoding="utf-8")
    lexicon = load_lexicon((str(user),))
    assert [p.code for p in lexicon.verbs["praise"] if not p.preps and not p.noun] == ["112"]
    assert lexicon.nouns["junket"][0].code == "043"


def test_user_file_errors_name_file_and_line(tmp_path):
    user = tmp_path / "bad.txt"
    user.write_text("051 hail\n999 praise\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad.txt:2: unknown CAMEO code '999'"):
        load_lexicon((str(user),))
    with pytest.raises(LexiconError, match="cannot read"):
        load_lexicon((str(tmp_path / "missing.txt"),))


@settings(max_examples=500, derandomize=True)
@given(st.text(max_size=60))
def test_parse_line_never_crashes(line):
    try:
        parse_line(line)
    except ValueError:
        pass
