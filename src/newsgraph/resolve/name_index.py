"""Which earlier clusters a new name could join, without testing every one of them.

:meth:`LocalResolver._cluster_for` asks, of each earlier cluster, whether one of its
names is the new name (same key), a short or long form of it (``is_short_form`` either
way), an acronym of it or the other way round, or a word-prefix of it
(organisations). Asked of every cluster, that made a long article quadratic: a
1M-character article spent 90 of its 140 seconds there. This index returns a
*superset* of the clusters those tests can accept, in cluster order, and the same
tests then decide, so the answer is the one a scan gives.

Why each bucket is enough, with the test it stands for:

- same key: ``by_key`` holds every name's key.
- ``is_short_form(short, full)``: the short form's first core token is ``similar_words``
  to one of the full name's core tokens. Two similar words are equal, or share their
  first letter, have 4+ letters each and a ``fuzz.ratio`` of 80+, which bounds their
  lengths to within 2/3..3/2 of each other (ratio = 200 * common / (len a + len b)).
  So every core token of every name is filed under itself (``by_word``) and under
  (first letter, length) (``by_shape``); a query looks up each of its own core tokens,
  which covers the new name as the short form (its first token) and as the full one
  (the earlier name's first token is one of the tokens filed).
  Worked example: "Velyati" (7 letters) finds "Ali Akbar Velayati" filed under
  ("v", 8), one of the shapes ("v", 5..10) that a 7-letter "v" word can be similar to.
- ``acronym_of(short, full)``: ``short`` is the full name's initials or those less
  their last letter; names are filed under both (``by_initials``), and names that are
  acronyms under themselves (``acronyms``), for a long new name whose initials they are.
- ``_prefix_name``: both keys have 2+ words and share the first two (``by_lead``).
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from ..kb.names import core_tokens, initials, is_acronym, name_key

# A word's length L can be similar (ratio >= 80) only to lengths in [2L/3, 3L/2]; the
# bounds are widened by one so that rounding can never cut a pair the test accepts.
_MIN_FUZZY = 4


class NameIndex:
    """Clusters by position (their index in ``LocalResolver.clusters``), filed by the names they hold."""

    def __init__(self) -> None:
        self.by_key: dict[str, set[int]] = defaultdict(set)
        self.by_word: dict[str, set[int]] = defaultdict(set)
        self.by_shape: dict[tuple[str, int], set[int]] = defaultdict(set)
        self.by_initials: dict[str, set[int]] = defaultdict(set)
        self.acronyms: dict[str, set[int]] = defaultdict(set)
        self.by_lead: dict[tuple[str, str], set[int]] = defaultdict(set)
        self._filed: set[tuple[int, str]] = set()

    def add(self, position: int, name: str) -> None:
        if (position, name) in self._filed:
            return
        self._filed.add((position, name))
        key = _key(name)
        self.by_key[key].add(position)
        for word in core_tokens(name):
            self.by_word[word].add(position)
            if len(word) >= _MIN_FUZZY:
                self.by_shape[(word[0], len(word))].add(position)
        letters = _initials(name)
        if letters:
            self.by_initials[letters].add(position)
            if len(letters) > 2:
                self.by_initials[letters[:-1]].add(position)
        if is_acronym(name):
            self.acronyms[name].add(position)
        words = key.split()
        if len(words) >= 2:
            self.by_lead[(words[0], words[1])].add(position)

    def similar_word_holders(self, word: str) -> set[int]:
        """Clusters holding a core token that may be ``similar_words`` to ``word``."""
        found = set(self.by_word.get(word, ()))
        if len(word) >= _MIN_FUZZY:
            low, high = max(_MIN_FUZZY, (2 * len(word)) // 3 - 1), (3 * len(word)) // 2 + 1
            for length in range(low, high + 1):
                found |= self.by_shape.get((word[0], length), set())
        return found

    def candidates(self, name: str, label: str) -> list[int]:
        """Positions of the clusters that may hold a name matching ``name`` (of type
        ``label``), latest first, as the scan visits them."""
        key = _key(name)
        found = set(self.by_key.get(key, ()))
        if label == "PERSON":
            for word in core_tokens(name):
                found |= self.similar_word_holders(word)
        elif label == "ORG":
            if is_acronym(name):
                found |= self.by_initials.get(name, set())
            letters = _initials(name)
            if letters:
                found |= self.acronyms.get(letters, set()) | self.acronyms.get(letters[:-1], set())
            words = key.split()
            if len(words) >= 2:
                found |= self.by_lead.get((words[0], words[1]), set())
        return sorted(found, reverse=True)

    def short_form_holders(self, name: str) -> list[int]:
        """Positions of the clusters that may hold a full name ``name`` is a short form of,
        latest first: its first core token must be similar to one of theirs."""
        words = core_tokens(name)
        return sorted(self.similar_word_holders(words[0]), reverse=True) if words else []


_key = lru_cache(maxsize=65536)(name_key)
_initials = lru_cache(maxsize=65536)(initials)

__all__ = ["NameIndex"]
