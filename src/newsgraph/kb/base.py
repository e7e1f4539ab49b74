"""The knowledge base: exact lookups over normalised keys, built once at load."""
from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from typing import Iterable, Iterator, Optional, Union

from .model import Actor, Agent, Country, Role
from .names import key, plain_key, singular_variants
from .titles import title_synonyms

Day = Union[str, _dt.date, None]

# Title variants -> one canonical title key (compared after ``title_key``): data/title_synonyms.toml.
TITLE_SYNONYMS = title_synonyms()


def title_key(text: str) -> str:
    """A title's lookup key: ``key`` without "the", then the canonical synonym."""
    k = " ".join(t for t in key(text).split() if t != "the")
    return TITLE_SYNONYMS.get(k, k)


def _day(on: Day) -> Optional[str]:
    if on is None:
        return None
    return on.isoformat()[:10] if isinstance(on, _dt.date) else str(on)[:10]


class KnowledgeBase:
    """Read-only actor knowledge base; build it with :func:`newsgraph.kb.load_kb`.

    Pickles as the ``load_kb`` call that made it, so a worker process rebuilds
    (or reuses its cached copy of) the same knowledge base.
    """

    def __init__(self, actors: Iterable[Actor], countries: Iterable[Country],
                 agents: Iterable[Agent], extra_files: tuple[str, ...] = ()):
        self._extra_files = tuple(extra_files)
        self._actors = tuple(actors)
        self._by_id = {a.id: a for a in self._actors}
        self.countries: dict[str, Country] = {c.code: c for c in countries}
        self._index_names()
        self._index_countries()
        self._agents: dict[str, Optional[str]] = {}
        for agent in agents:
            self._agents.setdefault(plain_key(agent.words), agent.sector)
        self._index_titles()
        # answers to the per-token questions the event coder asks over and over: the base is
        # read-only, so an answer never goes stale (bounded, see _remember)
        self._country_answers: dict[str, Optional[str]] = {}
        self._sector_answers: dict[str, Optional[str]] = {}

    def __reduce__(self):
        from . import load_kb
        return (load_kb, (self._extra_files,))

    # --- indexes -------------------------------------------------------------------
    def _index_names(self) -> None:
        index: dict[str, list[Actor]] = {}
        for actor in self._actors:  # canonical names first, then aliases
            k = key(actor.name)
            if k:
                index.setdefault(k, []).append(actor)
        for actor in self._actors:
            own = key(actor.name)
            for alias in actor.aliases:
                k = key(alias)
                if k and k != own:
                    found = index.setdefault(k, [])
                    if actor not in found:  # identity check first: cheap
                        found.append(actor)
        self._by_key: dict[str, tuple[Actor, ...]] = {k: tuple(v) for k, v in index.items()}
        # A person's first and last names alone, as news shortens a longer name: "Anwar
        # Gargash" for ANWAR_MUHAMMAD_GARGASH. Kept only where they name one person.
        ends: dict[str, set[str]] = {}
        by_id: dict[str, Actor] = {}
        for actor in self._actors:
            if actor.type != "PERSON":
                continue
            for name in (actor.name, *actor.aliases):
                words = key(name).split()
                if len(words) >= 3:
                    ends.setdefault(f"{words[0]} {words[-1]}", set()).add(actor.id)
                    by_id[actor.id] = actor
        self._by_ends: dict[str, Actor] = {k: by_id[next(iter(v))] for k, v in ends.items()
                                           if len(v) == 1 and k not in self._by_key}
        # A person's surname alone ("President Mugabe"), where it is one person's only and no
        # other name of the dictionaries: surnames many people share ("Khan") find no one.
        surnames: dict[str, set[str]] = {}
        for actor in self._actors:
            if actor.type == "PERSON":
                for name in (actor.name, *actor.aliases):
                    words = key(name).split()
                    if len(words) >= 2 and len(words[-1]) >= 4:
                        surnames.setdefault(words[-1], set()).add(actor.id)
                        by_id[actor.id] = actor
        self._by_surname: dict[str, Actor] = {k: by_id[next(iter(v))] for k, v in surnames.items()
                                              if len(v) == 1 and k not in self._by_key}

    def _index_countries(self) -> None:
        words: dict[str, str] = {}
        for c in self.countries.values():
            for name in (c.name, *c.names, *c.demonyms):
                words.setdefault(key(name), c.code)
        places: dict[str, set[str]] = defaultdict(set)
        for a in self._actors:
            if a.type == "GPE" and a.country and a.sector is None:
                for name in a.names():
                    places[key(name)].add(a.country)
        for k, codes in places.items():
            if k not in words and len(codes) == 1:
                words[k] = next(iter(codes))
        words.pop("", None)
        self._country_words = words

    def _index_titles(self) -> None:
        titles: dict[str, list[tuple[Actor, Role]]] = defaultdict(list)
        for actor in self._actors:
            for role in actor.roles:
                if not role.title:
                    continue
                for k in self._title_variants(role.title):
                    titles[k].append((actor, role))
        self._titles = dict(titles)

    def _title_variants(self, title: str) -> set[str]:
        """'Secretary-General of the Palestinian Islamic Jihad' is also 'PIJ
        secretary general', 'Secretary-General of Islamic Jihad', ..."""
        tk = title_key(title)
        out = {tk}
        head, sep, org = tk.partition(" of ")
        if sep:
            orgs = {org}
            for actor in self._by_key.get(org, ()):
                if actor.type == "ORG":
                    orgs |= {title_key(n) for n in actor.names()}
            for o in orgs:
                out |= {f"{head} of {o}", f"{o} {head}"}
        return out

    # --- lookups ---------------------------------------------------------------------
    def find(self, name: str) -> list[Actor]:
        """Actors whose name or an alias equals ``name`` after normalisation
        (case, accents, punctuation, hyphens, leading "the", al-/el-). Exact:
        no fuzzy matching. Canonical-name matches come before alias matches. A name of two
        words that no actor has is also a person's first and last names, when only one
        person's longer name has them ("Anwar Gargash")."""
        k = key(name)
        found = self._by_key.get(k)
        if found is None and (actor := self._by_ends.get(k)) is not None:
            return [actor]
        return list(found or ())

    def find_surname(self, name: str) -> Optional[Actor]:
        """The one person whose surname ``name`` (a single word) is, else None."""
        k = key(name)
        return self._by_surname.get(k) if k and " " not in k and k not in self._country_words else None

    def get(self, actor_id: str) -> Optional[Actor]:
        """The actor with this id, or None."""
        return self._by_id.get(actor_id)

    def actors(self) -> Iterator[Actor]:
        """All actors, sorted by id (extra files' actors included)."""
        return iter(self._actors)

    def __len__(self) -> int:
        return len(self._actors)

    def country_of_word(self, word: str) -> Optional[str]:
        """ISO alpha-3 code for a country name, demonym or place the dictionaries
        tie to one country ("Iranian", "the United States", "U.S.", "Tehran")."""
        if word in self._country_answers:
            return self._country_answers[word]
        k = key(word)
        code = self._country_words.get(k) if k else None
        if k and code is None:
            for variant in singular_variants(k):
                code = self._country_words.get(variant)
                if code:
                    break
        return _remember(self._country_answers, word, code)

    def sector_of_role(self, words: str) -> Optional[str]:
        """CAMEO sector for role words ("foreign minister" -> GOV, "police" -> COP,
        "rebels" -> REB). Tries the whole phrase, its singular, then ever shorter
        endings ("senior police officials" -> "police officials" -> ...)."""
        if words in self._sector_answers:
            return self._sector_answers[words]
        tokens = plain_key(words).split()
        for i in range(len(tokens)):
            phrase = " ".join(tokens[i:])
            for candidate in (phrase, *singular_variants(phrase)):
                if candidate in self._agents:
                    return _remember(self._sector_answers, words, self._agents[candidate])
        return _remember(self._sector_answers, words, None)

    def holder_of(self, title_words: str, country: Optional[str] = None,
                  on: Day = None) -> Optional[Actor]:
        """Who held a titled role in ``country`` (ISO code or a country word) on
        ``on`` (YYYY-MM-DD or a date; None: the latest holder). The country may
        also be in the title ("President of Iran", "Iranian foreign minister").
        Without a country, returns None unless exactly one actor fits."""
        day = _day(on)
        if country and not (len(country) == 3 and country.isupper()):
            country = self.country_of_word(country)
        for tk, where in self._title_readings(title_words, country):
            found = self._holders(tk, where, day)
            if found is not None:
                return found or None
        return None

    def _title_readings(self, title_words: str, country: Optional[str]):
        tk = title_key(title_words)
        yield tk, country
        tokens = tk.split()
        head, sep, rest = tk.rpartition(" of ")
        if sep and (code := self.country_of_word(rest)) and country in (None, code):
            yield title_key(head), code
        for n in (1, 2, 3):
            if len(tokens) > n and (code := self.country_of_word(" ".join(tokens[:n]))):
                if country in (None, code):
                    yield title_key(" ".join(tokens[n:])), code

    def _holders(self, tk: str, country: Optional[str], day: Optional[str]):
        """None if the title is unknown; [] -> no unique holder; else the actor."""
        entries = self._titles.get(tk)
        if not entries:
            return None
        fits = [(a, r) for a, r in entries
                if (country is None or r.country == country)
                and (day is None or r.active_on(day))]
        if not fits:
            return []
        if country is None and len({a.id for a, _ in fits}) > 1 and day is not None:
            return []
        if country is None and day is None and len({r.country for _, r in fits}) > 1:
            return []
        actor, _ = max(fits, key=lambda ar: (ar[1].start or "", ar[0].id))
        return actor


def _remember(answers: dict, question: str, answer):
    """Keep ``answer`` to ``question`` in ``answers`` and return it; past 200,000 answers the
    table starts again, so that a long run's memory stays bounded."""
    if len(answers) > 200_000:
        answers.clear()
    answers[question] = answer
    return answer
