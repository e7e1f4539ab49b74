"""The resolve tests analyse sentences written for them with one shared options object.

A test module may set ``PUBLISHED`` (ISO date) for the articles it analyses."""
import pytest

from newsgraph.analyze import analyze_articles
from newsgraph.config import load_options
from newsgraph.records import Article


@pytest.fixture(scope="module")
def analyze(request):
    options = load_options(overrides={"run": {"workers": 1}})
    default = getattr(request.module, "PUBLISHED", "2021-05-20")

    def run(text, published=None, dateline=None):
        article = Article(id="t1", inputs=["t"], text=text, published=published or default, dateline=dateline)
        (analysis,) = analyze_articles([article], options)
        return analysis

    return run
