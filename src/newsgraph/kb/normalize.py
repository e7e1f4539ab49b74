"""Lookup keys and readable names for actor names, titles and role words.

``key`` is the one normalisation every index of the knowledge base uses: it is
exact (no fuzzy matching), but insensitive to case, accents, punctuation,
hyphens, a leading "the" and the Arabic article ("al-", "el-", "Al ").
"""
from __future__ import annotations

import re
import unicodedata

try:  # transliterates more than NFKD does (e.g. "ı", "ø", Cyrillic)
    from unidecode import unidecode as _translit
except ImportError:  # pragma: no cover - unidecode is installed with newsgraph
    def _translit(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text)
        return "".join(c for c in decomposed if not unicodedata.combining(c))

_DROP = re.compile(r"['\u2019\u2018`\u00b4.]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
ARTICLES = frozenset({"al", "el"})


def _tokens(text: str) -> list[str]:
    """Lower-case ASCII word tokens, a leading "the" dropped."""
    if not text:
        return []
    if not text.isascii():
        text = _translit(text)
    text = _DROP.sub("", text.casefold())
    tokens = _NON_WORD.sub(" ", text).split()
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    return tokens


def key(text: str) -> str:
    """The normalised lookup key of a name, title or role word ("" if none)."""
    tokens = _tokens(text)
    kept = [t for t in tokens if t not in ARTICLES]
    return " ".join(kept or tokens)


def plain_key(text: str) -> str:
    """Like :func:`key` but keeping articles (al-, el-): for role words and titles."""
    return " ".join(_tokens(text))


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
