"""Words before a name, and title variants: read from ``newsgraph/data/titles.toml`` and
``newsgraph/data/title_synonyms.toml``.

The data file holds the words as classes (see its comments); each reader's list is derived
here from those classes, so that they cannot drift apart:

- :func:`forms_of_address` ("Ayatollah", "Dr."): part of a name as written; the
  entity-fixes component takes them into the PERSON span that follows;
- :func:`titles_of_office` ("emir", "king"): roles, left outside the span as roles;
- :func:`ranks` ("general", "admiral", "gen."): roles the entity fixes also drop from the
  front of a PERSON span the model tagged ("General António Guterres" -> "António Guterres");
- :func:`name_key_words`: what :func:`newsgraph.kb.names.name_key` drops from the front of
  a name, all of the above, since none is part of the name;
- :func:`headword_titles`: what the TABARI/PETRARCH reader strips from a headword.
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Mapping


@lru_cache(maxsize=None)
def _table(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("newsgraph.data").joinpath(name).read_text("utf-8"))


@lru_cache(maxsize=1)
def forms_of_address() -> tuple[str, ...]:
    """Lower-case forms of address as news writes them, multi-word ones included, in the
    data file's order (the entity-fixes component's config keeps it)."""
    return tuple(_table("titles.toml")["forms_of_address"]["words"])


@lru_cache(maxsize=1)
def titles_of_office() -> tuple[str, ...]:
    """Royal and religious titles ("emir", "king", "pope"): roles, not part of a name."""
    return tuple(_table("titles.toml")["titles_of_office"]["words"])


@lru_cache(maxsize=1)
def ranks() -> tuple[str, ...]:
    """Military ranks and abbreviated offices before a name ("general", "rear admiral",
    "sen."): roles, never part of the name."""
    return tuple(_table("titles.toml")["ranks"]["words"])


@lru_cache(maxsize=1)
def name_key_words() -> frozenset[str]:
    """The words a name key drops from the front of a name: forms of address and titles of
    office. The key compares single words without full stops, so a form of address counts
    as its bare word ("dr." is "dr"), and multi-word forms are left out ("hujjat al-islam":
    dropped word by word, its "al" would go from the front of names such as "al-Sisi")."""
    single = {w.replace(".", "") for w in (*forms_of_address(), *ranks()) if " " not in w}
    return frozenset(single | set(titles_of_office()))


@lru_cache(maxsize=1)
def headword_titles() -> frozenset[str]:
    """Upper-case title words the TABARI/PETRARCH reader strips from the start of a headword
    ("PRESIDENT_HASSAN_ROUHANI_"): single-word forms of address (but those the data file
    keeps in headwords), titles of office, and the further headword titles (offices, ranks,
    the dictionaries' own spellings)."""
    table = _table("titles.toml")
    kept = set(table["forms_of_address"]["kept_in_headwords"])
    forms = [w for w in forms_of_address() if " " not in w and w not in kept]
    forms += table["ranks"]["in_headwords"]
    extra = [w for group in table["headword_titles"].values() if isinstance(group, list) for w in group]
    return frozenset(w.upper() for w in (*forms, *titles_of_office(), *extra))


@lru_cache(maxsize=1)
def title_synonyms() -> Mapping[str, str]:
    """Title key of a variant -> the canonical title key ("top diplomat" -> "foreign minister")."""
    return MappingProxyType(dict(_table("title_synonyms.toml")["synonyms"]))
