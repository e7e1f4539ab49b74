"""SpanIndex answers what a scan of every quote found answers (quote_rules.clause_quote)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.nlp.quote_rules import SpanIndex
from newsgraph.records import QuoteSpan

_span = st.tuples(st.integers(0, 200), st.integers(0, 60)).map(lambda p: (p[0], p[0] + p[1]))


def _scan(quotes, start, end) -> bool:
    return any(min(end, q.end) - max(start, q.start) > 0.5 * (end - start) for q in quotes)


@settings(max_examples=2000, deadline=None)
@given(found=st.lists(_span, max_size=12), new=_span)
def test_mostly_covers_is_the_scan(found, new):
    quotes = [QuoteSpan(start=a, end=b, text="x" * (b - a), kind="direct") for a, b in found]
    assert SpanIndex(quotes).mostly_covers(*new) == _scan(quotes, *new)


def test_a_long_early_quote_still_covers_a_late_clause():
    quotes = [QuoteSpan(start=0, end=500, text="", kind="direct"),
              QuoteSpan(start=10, end=20, text="", kind="direct")]
    index = SpanIndex(quotes)
    assert index.mostly_covers(400, 450)
    assert not index.mostly_covers(480, 600)
