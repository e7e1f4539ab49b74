"""The trigger lexicon: which verbs and event nouns carry which CAMEO code.

The file format is documented at the top of ``newsgraph/data/event_lexicon.txt``.
A user file in the same format (``[events] lexicon_files``) adds patterns or
overrides the packaged ones: a user line whose pattern already exists replaces
the packaged code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Optional

from ..kb.cameo import load_cameo
from ..kb.petrarch_verbs import VerbDictionary, load_verb_dictionaries


@dataclass(frozen=True)
class Pattern:
    code: str
    lemma: str
    preps: tuple[str, ...] = ()  # prepositions or particles that must hang off the trigger
    noun: Optional[str] = None  # verbs: the object's head lemma; nouns: a modifier ("phone" call)
    weak: bool = False  # a cue that codes only when nothing stronger does
    is_noun: bool = False
    rule: Optional[str] = None  # a verb dictionary pattern: "file:line" of the pattern that fired
    reverse_code: Optional[str] = None  # dictionary [a:b]: the code of the event back to the source
    matched_words: int = 0  # dictionary patterns: the words matched besides the verb
    origin: Optional[str] = None  # "file:line" of a lexicon line, "grammar:NAME" of a grammar rule
    text: str = ""  # the pattern as its file writes it

    @property
    def specificity(self) -> int:
        if self.rule is not None:
            return min(self.matched_words, 3)
        return 2 * (self.noun is not None) + len(self.preps)


class LexiconError(ValueError):
    """A lexicon line that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]
    dictionary: Optional[VerbDictionary] = None  # user verb dictionaries (``[events] verb_files``)
    fallback: Optional[VerbDictionary] = None  # CAMEO.2.0: codes only where nothing else does

    def __len__(self) -> int:
        return sum(map(len, self.verbs.values())) + sum(map(len, self.nouns.values()))


def parse_line(line: str) -> Optional[Pattern]:
    """One lexicon line as a pattern; None for blank and comment lines."""
    line = line.split("#", 1)[0].strip()
    if not line:
        return None
    parts = line.split()
    if len(parts) < 2:
        raise ValueError("a line needs a CAMEO code and a pattern")
    code, words = parts[0], parts[1:]
    weak = words[0].startswith("!")
    if weak:
        words[0] = words[0][1:]
    is_noun = words[0].startswith("=")
    if is_noun:
        words[0] = words[0][1:]
    lemma, _, modifier = words[0].lower().partition(":")
    noun = modifier or None
    preps = []
    for word in words[1:]:
        if word.startswith("+"):
            if is_noun or noun:
                raise ValueError(f"{word!r}: one object noun per pattern, and none for event nouns")
            noun = word[1:].lower()
        else:
            preps.append(word.lower())
    if not lemma:
        raise ValueError("empty trigger")
    return Pattern(code, lemma, tuple(preps), noun, weak, is_noun)


def _read(text: str, origin: str, table: dict, known: dict) -> None:
    for number, line in enumerate(text.splitlines(), 1):
        try:
            pattern = parse_line(line)
        except ValueError as exc:
            raise LexiconError(f"{origin}:{number}: {exc}") from None
        if pattern is None:
            continue
        if pattern.code not in known:
            raise LexiconError(f"{origin}:{number}: unknown CAMEO code {pattern.code!r}")
        pattern = replace(pattern, origin=f"{origin}:{number}", text=line.split("#", 1)[0].strip())
        table[(pattern.is_noun, pattern.lemma, pattern.preps, pattern.noun)] = pattern


@lru_cache(maxsize=4)
def load_lexicon(extra_files: tuple[str, ...] = (), verb_files: tuple[str, ...] = (),
                 fallback: bool = False) -> Lexicon:
    """The packaged lexicon, then each extra file over it; with the verb dictionaries of
    ``verb_files`` beside it (their bad lines are the dictionary's ``problems``) and, if
    ``fallback``, the packaged CAMEO.2.0 dictionary below them all."""
    known = load_cameo()
    table: dict = {}
    text = resources.files("newsgraph.data").joinpath("event_lexicon.txt").read_text("utf-8")
    _read(text, "event_lexicon.txt", table, known)
    for path in extra_files:
        try:
            extra = Path(path).read_text("utf-8")
        except OSError as exc:
            raise LexiconError(f"{path}: cannot read the lexicon ({exc.strerror})") from None
        _read(extra, str(path), table, known)
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    for pattern in table.values():
        (nouns if pattern.is_noun else verbs).setdefault(pattern.lemma, []).append(pattern)
    order = lambda ps: tuple(sorted(ps, key=lambda p: (-p.specificity, p.weak, p.code)))  # noqa: E731
    dictionary = load_verb_dictionaries(tuple(verb_files)) if verb_files else None
    return Lexicon({k: order(v) for k, v in verbs.items()}, {k: order(v) for k, v in nouns.items()}, dictionary,
                   cameo2_dictionary() if fallback else None)


@lru_cache(maxsize=1)
def cameo2_dictionary() -> VerbDictionary:
    """The packaged CAMEO.2.0 verb dictionary (``data/cameo2_verbs.txt``, built by
    ``scripts/build_cameo2_verbs.py``); read once per process. The few lines its reader
    skips are the published file's and are not warned about."""
    path = resources.files("newsgraph.data").joinpath("cameo2_verbs.txt")
    with resources.as_file(path) as real:
        return load_verb_dictionaries((str(real),))


@lru_cache(maxsize=1)
def _reported_acts_table() -> dict:
    import tomllib

    return tomllib.loads(resources.files("newsgraph.data").joinpath("reported_acts.toml").read_text("utf-8"))


@lru_cache(maxsize=1)
def reported_acts() -> dict[str, str]:
    """Nouns that refer back to an act told before -> that act's CAMEO root
    (``newsgraph/data/reported_acts.toml``): "accusation" -> "11"."""
    return dict(_reported_acts_table()["acts"])


@lru_cache(maxsize=1)
def deeds() -> tuple[frozenset[str], tuple[str, ...]]:
    """Nouns of a deed told before ("the move") and the roots of the deeds they may refer
    back to: ``reported_acts.toml [deeds]``."""
    table = _reported_acts_table()["deeds"]
    return frozenset(table["nouns"]), tuple(table["roots"])


@lru_cache(maxsize=1)
def acts_of_state() -> frozenset[str]:
    """Nouns of a state's own acts ("the vote", "the law"): ``reported_acts.toml [acts_of_state]``."""
    return frozenset(_reported_acts_table()["acts_of_state"]["nouns"])


@lru_cache(maxsize=1)
def event_words() -> dict:
    """``newsgraph/data/event_words.toml`` as read: channels and words of judging."""
    import tomllib

    return tomllib.loads(resources.files("newsgraph.data").joinpath("event_words.toml").read_text("utf-8"))


@lru_cache(maxsize=None)
def word_set(table: str, key: str = "words") -> frozenset[str]:
    """One list of ``data/event_words.toml`` as a set of lemmas, read once:
    ``word_set("channels")`` are media and platforms ("on Twitter"), ``("figurative",
    "objects")`` objects that make a verb of force a figure of speech ("struck a
    conciliatory note"), ``("figurative", "quarrel_verbs")`` and ``("figurative",
    "persons")`` the verbs that are one person's quarrel, ``("force_subjects")`` armed
    forces whose verbs of impact are assaults, ``("protested")`` words whose object is
    what a protest is against ("in defiance of X"), ``("home_people")`` unnamed
    sides that are the people of the article's country ("the protesters")."""
    return frozenset(event_words()[table][key])


@lru_cache(maxsize=1)
def told_day_phrases() -> tuple[re.Pattern, dict[str, int]]:
    """The phrases that date an event by the last day the article named, as one pattern
    and each phrase's offset in days (``event_words.toml [told_day]``): "that evening" 0,
    "the following day" +1, "the day before" -1 (not "the day before the vote")."""
    table = event_words()["told_day"]
    offsets = {p: off for key, off in (("same", 0), ("next", 1), ("previous", -1)) for p in table[key]}
    alternatives = "|".join(re.escape(p) for p in sorted(offsets, key=len, reverse=True))
    pattern = re.compile(rf"(?i)\b(?:{alternatives})\b(?!\s+(?:the|a|an|his|her|its|their)\b)")
    return pattern, offsets


def channel_words() -> frozenset[str]:
    """Lemmas of media and platforms: what a statement goes out through ("on Twitter")."""
    return word_set("channels")
