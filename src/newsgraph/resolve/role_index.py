"""Which people a role phrase could describe, found without reading every person.

``LocalResolver.add_roles`` asks, for each role phrase ("the minister", "his Saudi
counterpart"), which earlier person it describes. Each question used to read every person
cluster of the article, so a long article (many people, many roles) cost its length
squared. This index files the people once, when ``add_roles`` starts, by what the tests of
``_role_target`` read:

- a role phrase already written next to a name ("Ana Ruiz, the novelist" ... "the novelist"):
  the first person holding it, as the scan returned the first;
- a role word ("minister", "president"): a person passes only if one of the phrase's wanted
  words is among theirs;
- a country ("his Saudi counterpart"): a counterpart passes only if the person is of that
  country.

Candidates come back in the clusters' order, so the scan's "latest that fits" is kept. During
``add_roles`` role words and phrases do not change; countries do (a description teaches one to
an unplaced person, and a knowledge-base holder comes as a new cluster), and both go through
:meth:`add_countries` and :meth:`holder`, which keep the index true.
"""
from __future__ import annotations

from typing import Callable, Optional


class RoleIndex:
    def __init__(self, clusters: list) -> None:
        self.clusters = clusters
        self._by_phrase: dict[str, int] = {}
        self._by_word: dict[str, set[int]] = {}
        self._by_country: dict[str, set[int]] = {}
        self._position: dict[int, int] = {}  # id(cluster) -> its index, for the people filed
        self._filed = 0
        self._file_new()

    def _file_new(self) -> None:
        for position in range(self._filed, len(self.clusters)):
            cluster = self.clusters[position]
            if cluster.type != "PERSON":
                continue
            self._position[id(cluster)] = position
            for phrase in cluster.role_phrases:
                self._by_phrase.setdefault(phrase.lower(), position)
            for word in cluster.role_words:
                self._by_word.setdefault(word, set()).add(position)
            for code in cluster.countries:
                self._by_country.setdefault(code, set()).add(position)
        self._filed = len(self.clusters)

    def first_with_phrase(self, phrase: str):
        position = self._by_phrase.get(phrase.lower())
        return None if position is None else self.clusters[position]

    def candidates(self, wanted, countries=()) -> list:
        """The people holding a wanted role word or one of ``countries``, in cluster order."""
        positions: set[int] = set()
        for word in wanted:
            positions |= self._by_word.get(word, set())
        for code in countries:
            positions |= self._by_country.get(code, set())
        return [self.clusters[p] for p in sorted(positions)]

    def add_countries(self, cluster, countries) -> None:
        position = self._position.get(id(cluster))
        for code in countries if position is not None else ():
            self._by_country.setdefault(code, set()).add(position)

    def holder(self, holder_of: Callable, phrase: str, country: Optional[str], resolver):
        """``holder_of`` (the knowledge base's holder of a title), filing any cluster it adds."""
        found = holder_of(phrase, country, resolver)
        self._file_new()
        return found
