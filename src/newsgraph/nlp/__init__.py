"""Stage 3, nlp: the spaCy pipeline over clean article texts.

Public entry: :func:`load_pipeline`, then :func:`extract_quotes` on each parsed
Doc with the verbs of :func:`load_reporting_verbs`; :func:`parse_in_sections` parses a
long article in sections into one Doc. The model is named in the
options (``nlp.model``), so an installed official model can take the place of
the default mirror; only the components newsgraph uses are enabled, and
newsgraph's own components are added by name after them.
"""
from __future__ import annotations

from functools import lru_cache

from ..config import NLPOptions
from ..errors import NewsgraphError
from .quotes import extract_quotes, load_reporting_verbs
from .sections import parse_in_sections

@lru_cache(maxsize=1)
def word_forms() -> dict[str, str]:
    """``data/word_forms.toml``: hyphenated words kept whole, with their lemmas."""
    import tomllib
    from importlib import resources

    return dict(tomllib.loads(resources.files("newsgraph.data").joinpath("word_forms.toml")
                              .read_text("utf-8"))["forms"])


PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@lru_cache(maxsize=2)
def load_pipeline(options: NLPOptions, person_words: tuple[str, ...] = (),
                  org_words: tuple[str, ...] = (), country_names: tuple[str, ...] = (),
                  demonyms: tuple[str, ...] = ()):
    """The spaCy Language for ``options``; loaded once per process and reused."""
    import spacy

    from . import components  # noqa: F401  registers the newsgraph components

    try:
        nlp = spacy.load(options.model, exclude=[p for p in ("senter",) if p])
    except (OSError, ImportError) as exc:
        raise NewsgraphError("E601", options.model, str(exc).splitlines()[0]) from None
    keep = set(PIPES)
    for name in list(nlp.pipe_names):
        if name not in keep:
            nlp.disable_pipe(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
    forms = word_forms()
    components.keep_word_forms(nlp, forms)
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("newsgraph_word_forms", after="lemmatizer", config={"forms": forms})
    nlp.add_pipe("newsgraph_entity_fixes", after="ner",
                 config={"person_words": list(person_words), "org_words": list(org_words),
                         "country_names": list(country_names), "demonyms": list(demonyms)})
    nlp.max_length = max(nlp.max_length, 3_000_000)
    return nlp


__all__ = ["load_pipeline", "extract_quotes", "load_reporting_verbs", "parse_in_sections", "PIPES"]
