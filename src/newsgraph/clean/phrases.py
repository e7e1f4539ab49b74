"""The phrase lists of page furniture (data/boilerplate.toml), loaded once."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_TOKEN = re.compile(r"[\w+'’-]+")


def tokens(text: str) -> list[str]:
    """Lower-case words of ``text`` ("A+" and "E-paper" stay whole), separators left out."""
    return list(_tokens(text))


@lru_cache(maxsize=1024)
def _tokens(text: str) -> tuple[str, ...]:
    # Cached: the families of clean/boilerplate.py each ask for the words of the same line.
    words = (t.casefold().replace("’", "'").strip("'-") for t in _TOKEN.findall(text))
    return tuple(w for w in words if any(c.isalnum() for c in w))


@dataclass(frozen=True)
class Vocabulary:
    """Phrases of one family, as word tuples, longest first."""

    phrases: tuple[tuple[str, ...], ...]
    known: frozenset[tuple[str, ...]]
    lengths: tuple[int, ...]

    @classmethod
    def of(cls, words: list[str]) -> "Vocabulary":
        unique = {tuple(tokens(w)) for w in words if tokens(w)}
        return cls(tuple(sorted(unique, key=len, reverse=True)), frozenset(unique),
                   tuple(sorted({len(p) for p in unique}, reverse=True)))

    def found_in(self, words: list[str]) -> set[tuple[str, ...]]:
        """The distinct phrases of this vocabulary that stand in ``words``."""
        return {tuple(words[i:i + n]) for n in self.lengths for i in range(len(words) - n + 1)
                if tuple(words[i:i + n]) in self.known}

    def covers(self, words: list[str]) -> bool:
        """True when ``words`` is nothing but phrases of this vocabulary, end to end.

        Greedy longest match is enough here: the phrases are menu items, and a
        line such as "Share Tweet WhatsApp Print" is covered word by word.
        """
        if not words:
            return False
        at = 0
        while at < len(words):
            for n in self.lengths:
                if tuple(words[at:at + n]) in self.known:
                    at += n
                    break
            else:
                return False
        return True

    def starts(self, words: list[str]) -> bool:
        return any(tuple(words[:n]) in self.known for n in self.lengths)

    def contains(self, words: list[str]) -> bool:
        return bool(self.found_in(words))


@dataclass(frozen=True)
class Phrases:
    navigation: Vocabulary
    sections: Vocabulary
    widgets: Vocabulary
    menu: Vocabulary  # navigation, sections and widgets together
    teasers: Vocabulary
    list_headings: Vocabulary
    prompts: Vocabulary
    prompt_openers: Vocabulary
    comments: Vocabulary
    credits: Vocabulary
    desks: Vocabulary
    roles: Vocabulary
    company_suffixes: frozenset[str]


@lru_cache(maxsize=1)
def load_phrases() -> Phrases:
    text = resources.files("newsgraph.data").joinpath("boilerplate.toml").read_text("utf-8")
    data = tomllib.loads(text)
    nav, sections, widgets = (data["navigation"]["words"], data["sections"]["words"],
                              data["widgets"]["words"])
    return Phrases(
        navigation=Vocabulary.of(nav), sections=Vocabulary.of(sections),
        widgets=Vocabulary.of(widgets), menu=Vocabulary.of(nav + sections + widgets),
        teasers=Vocabulary.of(data["teasers"]["labels"]),
        list_headings=Vocabulary.of(data["lists"]["headings"]),
        prompts=Vocabulary.of(data["prompts"]["phrases"]),
        prompt_openers=Vocabulary.of(data["prompts"]["openers"]),
        comments=Vocabulary.of(data["comments"]["phrases"]),
        credits=Vocabulary.of(data["credits"]["openers"]),
        desks=Vocabulary.of(data["bylines"]["desks"]),
        roles=Vocabulary.of(data["bylines"]["roles"]),
        company_suffixes=frozenset(w.casefold() for w in data["companies"]["suffixes"]),
    )
