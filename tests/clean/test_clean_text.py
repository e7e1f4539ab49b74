"""White-space folding and the offset map, as properties over any text."""
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.clean.text import compose, split_lines

_chars = st.sampled_from(list("ab Z.\u201c\u00a0\t\n\r\u2009\u200b\u00ad\ufeffé"))


@settings(max_examples=2000, deadline=None)
@given(st.lists(_chars, max_size=80).map("".join))
def test_every_clean_character_maps_to_itself_in_raw(raw):
    text, offset_map = compose(raw, split_lines(raw))
    assert "  " not in text and "\u00a0" not in text and "\u200b" not in text
    assert "\n\n\n" not in text
    for i, char in enumerate(text):
        if char in " \n":
            continue
        start = max(e for e in offset_map if e[0] <= i)
        assert raw[start[1] + i - start[0]] == char


def test_paragraphs_survive():
    raw = "First line.\nSecond line.\n\n\n  Third\u00a0\u00a0para.  "
    text, _ = compose(raw, split_lines(raw))
    assert text == "First line.\nSecond line.\n\nThird para."
