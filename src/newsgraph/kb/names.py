"""Keys of names, titles and role words, readable names, and variants of one name.

Two keys, for two jobs; they differ on purpose, and each caller keeps to its own:

- :func:`key` is the LOOKUP key of every index of the knowledge base (actor names and
  aliases, country words, titles; :func:`plain_key`, which keeps "al-"/"el-", for role
  words and ids). It is exact (no fuzzy matching) but insensitive to case, accents,
  punctuation, hyphens, a leading "the" and the Arabic article ("al-", "el-", "Al "). It
  keeps forms of address: an alias may be written with one.
- :func:`name_key` is the COMPARISON key of names within an article and across articles
  (mention clusters, the entity registry, the gazetteer). It drops forms of address and
  titles of office from the front of the name (``kb.titles.name_key_words``), and "the";
  it keeps the particles (al-, bin) and reads a full stop as a word break.

Where they differ::

    key("Sheikh Tamim al-Thani")       # 'sheikh tamim thani'
    name_key("Sheikh Tamim al-Thani")  # 'tamim al thani'
    key("U.S."), name_key("U.S.")      # 'us', 'u s'

A name key's words are what :func:`core_tokens`, :func:`is_short_form` and
:func:`similar_words` compare.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz
from unidecode import unidecode  # transliterates more than NFKD does (e.g. "ı", "ø", Cyrillic)

from .titles import name_key_words

# --- the lookup key of the knowledge base ---------------------------------------

_DROP = re.compile(r"['\u2019\u2018`\u00b4.]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
ARTICLES = frozenset({"al", "el"})


def _key_tokens(text: str) -> list[str]:
    """Lower-case ASCII word tokens, a leading "the" dropped."""
    if not text:
        return []
    if not text.isascii():
        text = unidecode(text)
    text = _DROP.sub("", text.casefold())
    tokens = _NON_WORD.sub(" ", text).split()
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    return tokens


def key(text: str) -> str:
    """The normalised lookup key of a name, title or role word ("" if none)."""
    tokens = _key_tokens(text)
    kept = [t for t in tokens if t not in ARTICLES]
    return " ".join(kept or tokens)


def plain_key(text: str) -> str:
    """Like :func:`key` but keeping articles (al-, el-): for role words and titles."""
    return " ".join(_key_tokens(text))


def singular_variants(words: str) -> list[str]:
    """Singular forms to try for a plural last word ("rebels" -> "rebel")."""
    head, _, last = words.rpartition(" ")
    prefix = head + " " if head else ""
    out = []
    if last.endswith("men") and len(last) > 4:
        out.append(last[:-3] + "man")
    if last.endswith("ies") and len(last) > 4:
        out.append(last[:-3] + "y")
    if last.endswith("es") and len(last) > 3:
        out.append(last[:-2])
    if last.endswith("s") and not last.endswith("ss") and len(last) > 2:
        out.append(last[:-1])
    return [prefix + w for w in out]


def slug(text: str) -> str:
    """A stable id fragment: ``key`` with articles kept, joined by hyphens."""
    return plain_key(text).replace(" ", "-")


# --- the comparison key of names, and variants of one name ------------------------

# Forms of address and titles of office are not part of a name, nor is a leading "the".
_NOT_NAME = name_key_words() | {"the"}
_PARTICLES = frozenset("al el ul bin ibn bint abu de van von der".split())
_SPLIT = re.compile(r"[\s\-‐‑–—_]+")


def name_tokens(name: str) -> list[str]:
    """Lower-case ASCII tokens of a name, forms of address, titles of office and "the"
    dropped from its front."""
    return list(_name_tokens(name))


def core_tokens(name: str) -> list[str]:
    """Tokens without particles (al-, bin, ...): what distinguishes a name."""
    return list(_core_tokens(name))


# Resolution compares each name with many others, so the same few names are split
# over and over; the cache holds tuples, and the functions above hand out lists.
@lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    text = unidecode(name).lower().replace("'", "").replace("’", "").replace(".", " ")
    words = [w for w in _SPLIT.split(text) if w]
    while words and words[0] in _NOT_NAME:
        words = words[1:]
    return tuple(words)


@lru_cache(maxsize=65536)
def _core_tokens(name: str) -> tuple[str, ...]:
    return tuple(w for w in _name_tokens(name) if w not in _PARTICLES)


def name_key(name: str) -> str:
    """The comparison key of a name (see the module docstring): "Sheikh Tamim al-Thani" ->
    "tamim al thani"."""
    return " ".join(_name_tokens(name))


def similar_words(a: str, b: str, cutoff: float = 80) -> bool:
    """One word in two transliterations: Velayati/Velyati, Nakhala/Nakhalah/Nakhaleh."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or a[0] != b[0]:
        return False
    if min(len(a), len(b)) < 5 and abs(len(a) - len(b)) > 1:
        # A short word two letters off is another word, not a spelling: "Reda" is not
        # "Redwan" (ratio 80), though "Raisi"/"Raeisi" and "Musaed"/"Musaid" are one name.
        return False
    return fuzz.ratio(a, b) >= cutoff


def is_short_form(short: str, full: str) -> bool:
    """Whether ``short`` names the same person as ``full`` ("Velayati" / "Ali Akbar Velayati")."""
    s, f = _core_tokens(short), _core_tokens(full)
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
    if not is_acronym(short):
        return False
    letters = initials(full)
    return short == letters or short == letters[: len(short)] and len(letters) - len(short) <= 1


def is_acronym(name: str) -> bool:
    """What :func:`acronym_of` takes as a short form: 2 to 6 characters, upper case ("PIJ", "U.S.")."""
    return name.isupper() and 2 <= len(name) <= 6


def initials(name: str) -> str:
    """The initials of a name's capitalised words: "Organization of Islamic Cooperation" -> "OIC"."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name) if w[0].isupper())


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
    folded = word[0]
    for c in rest:
        if c != folded[-1]:
            folded += c
    return folded[:3]


# --- readable names from dictionary headwords --------------------------------

_LOWER = frozenset(
    "al el bin bint ibn de da di del della der den van von du la le of the and for "
    "on in y e des dos das do ul ud ad ar as at an to ou".split()
)
_VOWELS = set("AEIOUY")
_CLUSTER = re.compile(r"[B-DF-HJ-NP-TV-XZ]{4}")
_ROMAN = re.compile(r"^(?=[IVX]+$)M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")


def _cap(part: str) -> str:
    if not part:
        return part
    if part.startswith("MC") and len(part) > 3:
        return "Mc" + part[2:].capitalize()
    if len(part) > 2 and part[1] == "'":  # O'BRIEN, D'ESCOTO
        return part[0] + "'" + part[2:].capitalize()
    return part.capitalize()


def _word(token: str, first: bool, single: bool, acronyms: bool = True) -> str:
    bare = token.strip("()")
    letters = [c for c in bare if c.isalpha()]
    if not letters:
        return token
    upper = "".join(letters).isupper()
    if bare in {"MR", "MRS", "MS", "DR", "ST", "MR.", "MRS.", "MS.", "DR.", "ST."}:
        return token.capitalize()
    if upper and (
        "." in bare
        or (token.startswith("(") and token.endswith(")"))
        or not (_VOWELS & set(letters))
        or _ROMAN.match(bare)
        or (acronyms and single and len(bare) <= 4)
        or (single and len(bare) <= 7 and _CLUSTER.search(bare))
    ):
        return token
    if not upper:  # already mixed case: keep as written
        return token
    low = token.lower()
    if not first and low in _LOWER:
        return low
    parts = token.split("-")
    out = [_cap(p) for p in parts]
    if not first and len(parts) > 1 and parts[0].lower() in _LOWER:
        out[0] = parts[0].lower()
    return "-".join(out)


def readable(headword: str, acronyms: bool = True) -> str:
    """'ALI_AKBAR_VELAYATI_' -> 'Ali Akbar Velayati'; 'GHAZI_AL_YAWER_' -> 'Ghazi al-Yawer'."""
    text = headword.replace("_", " ").strip()
    tokens = text.split()
    single = len(tokens) == 1
    words: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.upper() in {"AL", "EL"} and 0 < i < len(tokens) - 1:
            words.append(tok.lower() + "-" + _word(tokens[i + 1], True, False))
            i += 2
            continue
        words.append(_word(tok, i == 0, single, acronyms))
        i += 1
    return " ".join(words)


_READABLE_OK = re.compile(r"^[A-Za-z0-9\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f .,'&()/-]*$")


def is_readable(name: str) -> bool:
    """Whether a name is fit to show: letters, ordinary punctuation, sane length."""
    return (
        2 <= len(name) <= 90
        and bool(_READABLE_OK.match(name))
        and name.count("(") == name.count(")")
        and any(c.isalpha() for c in name)
    )
