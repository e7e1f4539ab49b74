"""The head nouns of role mentions and descriptions, read from ``newsgraph/data/role_words.toml``.

- :func:`person_heads`: nouns whose noun phrase may describe a person ("the president");
- :func:`role_families`: a head noun (or a whole description) -> the role words of the people
  it may describe ("leader" -> president, prime, emir, ...; "head of state" -> president, king);
- :func:`org_descriptions`: a head noun of a definite description of an organisation ("the
  movement", "the bloc") -> an :class:`OrgDescription`, what organisations it fits;
- :func:`institution_words`: words that make an organisation an institution;
- :func:`institution_heads`, :func:`institution_qualifiers`: head nouns of a country's
  institutions written in lower case ("Russia's defence ministry"), and the words that do not
  tell one from another ("federal").
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Mapping


@dataclass(frozen=True, slots=True)
class OrgDescription:
    """What "the <head>" may stand for: an organisation with one of ``name_words`` in its name
    or a knowledge-base sector in ``sectors``; when ``generic``, also one that is no institution
    ("the group" may be any armed or political group, never a ministry)."""

    head: str
    name_words: frozenset[str]
    sectors: frozenset[str]
    generic: bool


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    return tomllib.loads(resources.files("newsgraph.data").joinpath("role_words.toml").read_text("utf-8"))


@lru_cache(maxsize=1)
def person_heads() -> frozenset[str]:
    return frozenset(_table()["person_heads"]["words"])


@lru_cache(maxsize=1)
def role_families() -> Mapping[str, frozenset[str]]:
    families = {k: frozenset(v) for k, v in _table()["families"].items() if isinstance(v, list)}
    return MappingProxyType(families)


@lru_cache(maxsize=1)
def org_descriptions() -> Mapping[str, OrgDescription]:
    found = {}
    for head, spec in _table()["org_descriptions"].items():
        if isinstance(spec, dict):
            found[head] = OrgDescription(head, frozenset(spec["names"]), frozenset(spec["sectors"]),
                                         bool(spec["generic"]))
    return MappingProxyType(found)


@lru_cache(maxsize=1)
def institution_words() -> frozenset[str]:
    return frozenset(_table()["institution_words"]["words"])


@lru_cache(maxsize=1)
def institution_heads() -> frozenset[str]:
    return frozenset(_table()["institutions"]["words"])


@lru_cache(maxsize=1)
def mission_heads() -> frozenset[str]:
    """Institutions abroad whose host city names them ("Chile's embassy in Lima")."""
    return frozenset(_table()["institutions"]["missions"])


@lru_cache(maxsize=1)
def institution_qualifiers() -> frozenset[str]:
    return frozenset(_table()["institutions"]["qualifiers"])


@lru_cache(maxsize=1)
def domestic_offices() -> frozenset[str]:
    """Role words whose holder, named without a country, is the article's country's."""
    return frozenset(_table()["domestic"]["offices"])


@lru_cache(maxsize=1)
def domestic_organisations() -> frozenset[str]:
    """Words of an organisation's name, beside the institution words, that make it the article's country's."""
    return frozenset(_table()["domestic"]["organisations"])



@lru_cache(maxsize=1)
def staff_roles() -> frozenset[str]:
    """Head nouns of a role held under another person ("Ana Ruiz's deputy"): that person's country."""
    return frozenset(_table()["staff"]["words"])


@lru_cache(maxsize=1)
def member_words() -> frozenset[str]:
    """Head nouns of people who speak for the organisation they are from ("observers from the OSCE")."""
    return frozenset(_table()["members"]["words"])
