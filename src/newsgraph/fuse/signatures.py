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

import math
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


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return stem(word)


def stem(word: str) -> str:
    """A light plural/verb-form folding, enough for matching reports of one event."""
    if len(word) > 5 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("es") and word[-3] in "sxz":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def features_of(article_id: str, title: Optional[str], text: str, published: Optional[str],
                entity_ids: Iterable[str] = ()) -> StoryFeatures:
    counts: Counter = Counter()
    lead_end = _lead_end(text)
    _count_terms(title or "", 0, len(title or ""), 2, counts)
    _count_terms(text, 0, lead_end, 2, counts)
    _count_terms(text, lead_end, len(text), 1, counts)
    for entity in entity_ids:
        counts["n:" + entity] += 1
    terms = {t: 1.0 + math.log(c) for t, c in counts.items()}
    return StoryFeatures(article_id, _day(published), terms, minhash(text_shingles(text)))


def _lead_end(text: str) -> int:
    end = 0
    for _ in range(LEAD_SENTENCES):
        match = _SENTENCE_END.search(text, end)
        if not match:
            return len(text)
        end = match.end()
    return end


def _count_terms(text: str, start: int, end: int, weight: int, counts: Counter) -> None:
    previous = start
    for match in _TOKEN.finditer(text, start, end):
        token = match.group()
        gap = text[previous:match.start()]
        previous = match.end()
        if _DIGIT.search(token):
            number = token.replace(",", "")
            if len(number) > 1:
                counts["#:" + number.lower()] += weight
            continue
        lower = token.lower()
        if len(lower) < 3 or lower in STOPWORDS:
            continue
        # a capitalised word is a name inside a sentence; at its start it may be any word
        if token[0].isupper() and lower not in _MONTHS and previous > start + len(token) and not (
                "." in gap or "\n" in gap or "?" in gap or "!" in gap or ":" in gap):
            counts["n:" + lower] += weight
        counts["w:" + _stem(lower)] += weight


def text_shingles(text: str) -> set[bytes]:
    return shingles([w.lower() for w in _TOKEN.findall(text)])


def shingles(words: list[str]) -> set[bytes]:
    """Word 5-grams of the lower-cased words: what near-duplicates share."""
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def minhash(grams: set[bytes]) -> np.ndarray:
    if not grams:
        return np.zeros(0, dtype=np.uint64)
    # crc32 is the same in every process, unlike Python's salted hash(): sketches are stored
    sketch = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32, scheme=MINHASH_SCHEME, permutations=_PERMUTATIONS)
    sketch.update_batch(list(grams))
    return sketch.hashvalues.copy()


def _day(published: Optional[str]) -> Optional[int]:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None
