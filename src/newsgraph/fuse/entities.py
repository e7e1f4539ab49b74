"""Across articles: local entities to canonical entities, spelling variants unified.

The registry starts from what the store holds and grows with each batch, so
a run can be resumed and an entity keeps its id. Matching, strongest first:
the same knowledge-base actor; the same normalised name; for people, a short
form or transliteration variant of a known full name (Velayati/Velyati,
al-Nakhala/al-Nakhalah/Nakhaleh) whose first names do not disagree; for
organisations, an acronym or a longer form of a known name.
"""
from __future__ import annotations

import hashlib
import re
from typing import Iterable, Optional

from ..records import GlobalEntity, LocalEntity
from rapidfuzz import fuzz

from ..kb.entity_words import org_words
from ..kb.names import acronym_of, core_tokens, is_short_form, name_key, similar_words, sound_key

_PLACES = {"GPE", "LOC", "FAC"}


def _kind(entity_type: str) -> str:
    return "PLACE" if entity_type in _PLACES else entity_type


def _spellings_of_one_word(a: str, b: str) -> bool:
    """Two transliterations of one surname, also those whose endings differ more than
    :func:`similar_words` allows: "Haniya"/"Haniyeh" (ratio 77) have the same consonants
    (sound key "hn") and five letters or more. "Hassan"/"Hussein" share the consonants but
    not the letters (ratio 62), and stay two names."""
    if similar_words(a, b):
        return True
    return min(len(a), len(b)) >= 5 and a[0] == b[0] and _consonants(a) == _consonants(b) \
        and fuzz.ratio(a, b) >= 70


def _consonants(word: str) -> str:
    """The first letter and the later consonants, runs folded: "haniyeh" -> "hn"."""
    rest = "".join(c for c in word[1:] if c not in "aeiouyhw")
    return word[:1] + "".join(c for i, c in enumerate(rest) if i == 0 or c != rest[i - 1])


def _with_kind_word(short: str, long: str) -> bool:
    """"Georgian Dream party" is "Georgian Dream": a name of two words or more followed by a
    word saying what kind of organisation it is (data/org_words.toml)."""
    a, b = name_key(short).split(), name_key(long).split()
    return len(a) >= 2 and len(b) > len(a) and b[:len(a)] == a and all(w in _KIND_WORDS for w in b[len(a):])


_KIND_WORDS = frozenset(org_words())


def _possessive_turned(short: str, long: str) -> bool:
    """"People's Power" is "Power of the People": an organisation's name written with the
    possessive first, then with "of (the)" after ("Russia's Council" / "Council of Russia")."""
    owner = re.fullmatch(r"(.+?)['’]s\s+(.+)", short.strip())
    owned = re.fullmatch(r"(.+?)\s+of\s+(?:the\s+)?(.+)", long.strip())
    return bool(owner and owned) and name_key(owner[1]) == name_key(owned[2]) \
        and name_key(owner[2]) == name_key(owned[1])


def _filed_words(kind: str, core: list[str]) -> list[str]:
    """The words a name is filed under: its last (a person of three words or more, the last
    two), and for an organisation also its last word that is no kind word ("dream" of
    "Georgian Dream party")."""
    words = core[-1:]
    if kind == "PERSON" and len(core) > 2:
        words = core[-2:]  # "Ana Ruiz Soto" is also found as the longer form of "Ana Ruiz"
    if kind == "ORG":
        words += [w for w in reversed(core) if w not in _KIND_WORDS][:1]
        words += core[:1]  # "Power of the People" is found again as "People's Power"
    return words


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


class EntityRegistry:
    def __init__(self, known: Iterable[GlobalEntity] = ()):
        self.entities: dict[str, GlobalEntity] = {}
        self.by_norm: dict[tuple[str, str], str] = {}
        self.by_actor: dict[str, str] = {}
        self.by_surname: dict[tuple[str, str], set[str]] = {}
        self.changed: dict[str, GlobalEntity] = {}
        for entity in known:
            self._index(entity)

    def _index(self, entity: GlobalEntity) -> None:
        self.entities[entity.id] = entity
        kind = _kind(entity.type)
        if entity.actor_id:
            self.by_actor[entity.actor_id] = entity.id
        for name in [entity.name, *entity.aliases]:
            self.by_norm.setdefault((kind, name_key(name)), entity.id)
            core = core_tokens(name)
            if core:
                for word in _filed_words(kind, core):
                    self.by_surname.setdefault((kind, sound_key(word)), set()).add(entity.id)
            if kind == "ORG":
                initials = _initials(name)
                if len(initials) >= 2:
                    self.by_norm.setdefault((kind, "acronym:" + initials), entity.id)

    def assign(self, local: LocalEntity) -> str:
        """The global id for ``local``; new entities and new aliases are remembered."""
        names = [m.text for m in local.mentions if m.kind == "name"] or [local.name]
        entity_id = self._match(local, names)
        if entity_id is None:
            seed = f"{_kind(local.type)}:{local.actor_id or name_key(local.name)}"
            entity_id = "n" + hashlib.sha1(seed.encode()).hexdigest()[:15]
            entity = GlobalEntity(entity_id, local.name, local.type, local.country, local.sector,
                                  local.actor_id, [], lat=local.lat, lon=local.lon)
        else:
            entity = self.entities[entity_id]
            if entity.type == "NORP" and local.type == "GPE":
                entity.type = "GPE"  # "Norwegian" first, then "Norway": the country is a place
            entity.country = entity.country or local.country
            entity.sector = entity.sector or local.sector
        for name in names + [local.name]:
            if name not in entity.aliases:
                entity.aliases.append(name)
        self._index(entity)
        self.changed[entity_id] = entity
        return entity_id

    def _match(self, local: LocalEntity, names: list[str]) -> Optional[str]:
        kind = _kind(local.type)
        if local.actor_id and local.actor_id in self.by_actor:
            return self.by_actor[local.actor_id]
        looked_up = [local.name, *names]
        if kind == "PERSON" and any(len(core_tokens(n)) > 1 for n in looked_up):
            # A person named in full is looked up by the full name: the bare surname of
            # "Sadia Qadri" must not find Imran Qadri through his alias "Qadri".
            looked_up = [n for n in looked_up if len(core_tokens(n)) > 1]
        elif kind == "PERSON":
            looked_up = []  # a bare surname: below, where one shared by two people joins neither
        for name in looked_up:
            found = self.by_norm.get((kind, name_key(name)))
            if found:
                return found
            if kind == "ORG" and name.isupper() and 2 <= len(name) <= 6:
                found = self.by_norm.get((kind, "acronym:" + name))
                if found:
                    return found
        if kind not in ("PERSON", "ORG"):
            return None
        full = max(names, key=lambda n: len(core_tokens(n)))
        core = core_tokens(full)
        if not core:
            return None
        # Filed under the sound of their last word: a longer form of a known name ("Abiy Ahmed
        # Ali" of "Abiy Ahmed") ends in another word, so each of the local's words is asked.
        words = core if kind == "PERSON" else _filed_words(kind, core)
        filed = set().union(*(self.by_surname.get((kind, sound_key(w)), set()) for w in words))
        matches = [candidate_id for candidate_id in sorted(filed)
                   if self._same(kind, full, [self.entities[candidate_id].name,
                                              *self.entities[candidate_id].aliases])]
        if kind == "PERSON" and len(core) == 1 and len(matches) > 1:
            # A bare surname two known people share ("Khan" after Imran Khan and Sadiq Khan)
            # names neither of them for sure: it stays an entity of its own.
            return None
        return matches[0] if matches else None

    @staticmethod
    def _same(kind: str, name: str, known: list[str]) -> bool:
        if kind == "PERSON" and len(core_tokens(name)) > 1:
            full_names = [o for o in known if len(core_tokens(o)) > 1]
            if full_names:
                # Both are known in full: the full names decide. A surname alias of the
                # known person ("Grigoryan" of Armen Grigoryan) must not let another
                # person of that surname (Mane Grigoryan) join him.
                known = full_names
        for other in known:
            if kind == "PERSON":
                a, b = core_tokens(name), core_tokens(other)
                if len(a) > 1 and len(b) > 1 and similar_words(a[0], b[0]) and min(len(a), len(b)) >= 2 \
                        and (is_short_form(name, other) or is_short_form(other, name)):
                    return True  # a longer form: "Abiy Ahmed Ali" of "Abiy Ahmed", "Ana Maria Ruiz" of "Ana Ruiz"
                if not a or not b or not _spellings_of_one_word(a[-1], b[-1]):
                    continue
                # Both full names: first names must agree too (Ali Khamenei is not Ali Akbar Velayati).
                if len(a) > 1 and len(b) > 1:
                    if similar_words(a[0], b[0]) and (is_short_form(name, other) or is_short_form(other, name)
                                                      or len(a) == len(b)):
                        return True
                elif is_short_form(name, other) or is_short_form(other, name):
                    return True
            elif acronym_of(name, other) or acronym_of(other, name) or _with_kind_word(name, other) \
                    or _with_kind_word(other, name) or _possessive_turned(name, other) \
                    or _possessive_turned(other, name):
                return True
        return False

    def take_changed(self) -> list[GlobalEntity]:
        changed, self.changed = list(self.changed.values()), {}
        return changed
