"""The word tables of the entity-fixes spaCy component, read from ``newsgraph/data``:
names the statistical NER mislabels (``entity_relabel.toml``) and the words that make a
span an organisation (``org_words.toml``). See each file's comments for what they do."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def _table(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("newsgraph.data").joinpath(name).read_text("utf-8"))


def entity_relabel() -> dict[str, list[str]]:
    """spaCy label -> the exact phrases that always carry it, in the data file's order.
    A fresh copy at each call: it goes into a spaCy config, which may be changed."""
    return {label: list(phrases) for label, phrases in _table("entity_relabel.toml")["labels"].items()}


@lru_cache(maxsize=1)
def org_words() -> tuple[str, ...]:
    """Lower-case words that make an entity span an organisation, in the data file's order."""
    return tuple(_table("org_words.toml")["words"])
