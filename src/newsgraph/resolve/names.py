"""Name normalisation and comparison: transliteration variants of one name."""
from __future__ import annotations

import re

from rapidfuzz import fuzz
from unidecode import unidecode

HONORIFIC_WORDS = frozenset(
    "ayatollah grand sheikh shaikh seyyed sayyed sayyid imam hojatoleslam mullah emir king prince crown "
    "queen pope dr mr mrs ms gen general maj col lt capt sen rep gov rev rabbi sir lord dame".split())
_PARTICLES = frozenset("al el ul bin ibn bint abu de van von der".split())
_SPLIT = re.compile(r"[\s\-‐‑–—_]+")


def tokens(name: str) -> list[str]:
    """Lower-case ASCII tokens of a name, honorifics and "the" dropped."""
    text = unidecode(name).lower().replace("'", "").replace("’", "").replace(".", " ")
    words = [w for w in _SPLIT.split(text) if w]
    while words and words[0] in HONORIFIC_WORDS | {"the"}:
        words = words[1:]
    return words


def core_tokens(name: str) -> list[str]:
    """Tokens without particles (al-, bin, ...): what distinguishes a name."""
    return [w for w in tokens(name) if w not in _PARTICLES]


def norm(name: str) -> str:
    return " ".join(tokens(name))


def surname_key(name: str) -> str:
    core = core_tokens(name)
    return core[-1] if core else ""


def similar_words(a: str, b: str, cutoff: float = 80) -> bool:
    """One word in two transliterations: Velayati/Velyati, Nakhala/Nakhalah/Nakhaleh."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or a[0] != b[0]:
        return False
    return fuzz.ratio(a, b) >= cutoff


def is_short_form(short: str, full: str) -> bool:
    """Whether ``short`` names the same person as ``full`` ("Velayati" / "Ali Akbar Velayati")."""
    s, f = core_tokens(short), core_tokens(full)
    if not s or not f or len(s) > len(f):
        return False
    # Every word of the short form stands, in order, among the full name's words.
    pos = 0
    for word in s:
        while pos < len(f) and not similar_words(word, f[pos]):
            pos += 1
        if pos == len(f):
            return False
        pos += 1
    return similar_words(s[-1], f[-1]) or len(s) > 1


def acronym_of(short: str, full: str) -> bool:
    """"PIJ" for "Palestinian Islamic Jihad", "OIC" for "Organization of Islamic Cooperation"."""
    if not (short.isupper() and 2 <= len(short) <= 6):
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", full) if w[0].isupper())
    return short == initials or short == initials[: len(short)] and len(initials) - len(short) <= 1


_SOUNDS = (("ph", "f"), ("w", "v"), ("q", "k"), ("c", "k"), ("z", "s"), ("j", "g"))


def sound_key(word: str) -> str:
    """A coarse key under which transliterations of one word meet (Dvorkin/Dworkin, Nakhala/Nakhaleh).

    The first letter stays; later vowels, y and h go; sounds written several ways fold.
    """
    word = unidecode(word).lower()
    for a, b in _SOUNDS:
        word = word.replace(a, b)
    if not word:
        return ""
    rest = [c for c in word[1:] if c.isalpha() and c not in "aeiouyh"]
    key = word[0]
    for c in rest:
        if c != key[-1]:
            key += c
    return key[:3]
