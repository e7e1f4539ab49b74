"""What an article looks like to story grouping: weighted terms and a MinHash of its wording.

Three kinds of terms, each compared on its own and then mixed (see
:mod:`.stories`):
- ``w:`` content words, lightly stemmed, so "protesters"/"protester" agree;
- ``n:`` names: the resolved entities of the article (variants of one name are
  one entity) and capitalised words inside sentences, the crude but robust
  proxy for names the resolver does not know;
- ``#:`` numbers ("137", "6.1"), which tell look-alike events apart (another
  toll, another magnitude, another year).

The headline and the lead state what the story is about, so their terms count
twice: two reports of the same event share their leads more than their
background paragraphs.

The MinHash (datasketch) is over word 5-shingles of the whole text, with a
hash that is the same in every process: signatures are stored and compared
across runs.
"""
from __future__ import annotations

import re
import zlib
from collections import Counter
from functools import lru_cache
from datetime import date
from typing import Iterable, Optional

import numpy as np
from datasketch import MinHash

from ..records import StoryFeatures

_TOKEN = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?]['\"”’)]*\s+")
_DIGIT = re.compile(r"\d")
# a word at the start of the text, of a line, or after a sentence's end (or a colon)
_INITIAL = re.compile(r"(?:^|[.!?:]['\"”’)]*\s+|\n\W*)([^\W_]+(?:['’.-][^\W_]+)*)", re.M)
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off
on once only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves said says say told according
new one two three also would could may might must shall will year years time times day days week weeks month
months last first next people mr mrs ms news report reports reported like get got make made just many much
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
""".split())
_MONTHS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec""".split())
LEAD_SENTENCES = 2
SHINGLE = 5
NUM_PERM = 64
MINHASH_SCHEME = "affine32"  # datasketch's default since 2.0; stored sketches name it to be read back
# made once: a MinHash draws its permutations from its seed each time it is created
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME).permutations
# one sketch per process, cleared for each text: creating one costs more than filling it
_SKETCH = MinHash(num_perm=NUM_PERM, hashfunc=int, scheme=MINHASH_SCHEME, permutations=_PERMUTATIONS)


def stem(word: str) -> str:
    """A light plural/verb-form folding, enough for matching reports of one event."""
    if len(word) > 5 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("es") and word[-3] in "sxz":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def features_of(article_id: str, title: Optional[str], text: str, published: Optional[str]) -> StoryFeatures:
    """The signature of an article's words; :func:`with_entities` adds its resolved entities."""
    counts: Counter = Counter()
    lead_end = _lead_end(text)
    lead, body = _TOKEN.findall(text, 0, lead_end), _TOKEN.findall(text, lead_end)
    head = _TOKEN.findall(title or "") + lead
    initial = Counter(_INITIAL.findall(title or "")) + Counter(_INITIAL.findall(text))
    _count_terms(Counter(head), initial, 2, counts)
    _count_terms(Counter(body), Counter(), 1, counts)
    return StoryFeatures(article_id, _day(published), dict(counts), minhash(shingle_hashes(lead + body)))


def with_entities(features: StoryFeatures, entity_ids: Iterable[str]) -> StoryFeatures:
    """The features with the article's resolved entities counted as names (one count a mention)."""
    terms = dict(features.terms)
    for entity in entity_ids:
        key = "n:" + entity
        terms[key] = terms.get(key, 0) + 1
    return StoryFeatures(features.article_id, features.day, terms, features.minhash)


def _lead_end(text: str) -> int:
    end = 0
    for _ in range(LEAD_SENTENCES):
        match = _SENTENCE_END.search(text, end)
        if not match:
            return len(text)
        end = match.end()
    return end


def _count_terms(tokens: Counter, initial: Counter, weight: int, counts: Counter) -> None:
    """Count distinct tokens once each; ``initial`` are the tokens seen at a sentence's start."""
    for token, n in tokens.items():
        term, name = _terms_of(token)
        if term is None:
            continue
        counts[term] += n * weight
        if name is not None:
            inside = n - initial.pop(token, 0)  # taken once: the head and the body share one count
            if inside > 0:
                counts[name] += inside * weight


@lru_cache(maxsize=500_000)
def _terms_of(token: str) -> tuple[Optional[str], Optional[str]]:
    """The term a token counts for, and its name term when capitalised (a name inside a sentence)."""
    if not token.isalpha() and _DIGIT.search(token):
        number = token.replace(",", "")
        return ("#:" + number.lower() if len(number) > 1 else None), None
    lower = token.lower()
    if len(lower) < 3 or lower in STOPWORDS:
        return None, None
    name = "n:" + lower if token[0].isupper() and lower not in _MONTHS else None
    return "w:" + stem(lower), name


@lru_cache(maxsize=500_000)
def _word_hash(token: str) -> int:
    return zlib.crc32(token.lower().encode("utf-8"))


def text_shingles(text: str) -> np.ndarray:
    return shingle_hashes(_TOKEN.findall(text))


def shingle_hashes(tokens: list[str]) -> np.ndarray:
    """Sorted distinct hashes of the word 5-grams (lower-cased): what near-duplicates share.

    Each word is hashed with crc32 (the same in every process, unlike Python's
    salted hash(): sketches are stored) and five consecutive word hashes are
    mixed into one 32-bit shingle hash, all in numpy.
    """
    if len(tokens) < SHINGLE:
        return np.zeros(0, dtype=np.uint64)
    words = np.fromiter(map(_word_hash, tokens), dtype=np.uint64, count=len(tokens))
    mixed = np.zeros(len(tokens) - SHINGLE + 1, dtype=np.uint64)
    for k in range(SHINGLE):
        mixed = (mixed * np.uint64(1_000_003) + words[k:len(words) - SHINGLE + 1 + k]) & np.uint64(0xFFFFFFFF)
    return np.unique(mixed)


def minhash(hashes: np.ndarray) -> np.ndarray:
    if not len(hashes):
        return np.zeros(0, dtype=np.uint64)
    # the shingles are hashed already: datasketch applies its permutations to these values
    _SKETCH.clear()
    _SKETCH.update_batch(hashes.tolist())
    return _SKETCH.hashvalues.copy()


def _day(published: Optional[str]) -> Optional[int]:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None
