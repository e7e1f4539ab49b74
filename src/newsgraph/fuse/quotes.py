"""The same quote in several articles, in other words or another translation, gets one group.

Two quotes of different articles are the same when most of the content words of
the shorter one occur in the longer one (overlap coefficient), and the shorter
has enough of them to make chance agreement unlikely. Candidates come from an
inverted index of rare words, so the cost grows with the number of quotes, not
with its square. Groups are closed transitively only through such verified
pairs.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from typing import Iterable

_WORD = re.compile(r"[^\W\d_]{3,}")
STOPWORDS = frozenset("""the and for that this with from have has had was were are will would can could
should shall not but all any its his her their our your they them she him who whom which what when
where there here than then also into onto upon about over under after before while been being such
some more most very just only even much many other others those these each both said says say
""".split())
MIN_WORDS = 6  # a shorter quote ("we will win") recurs by chance
MIN_OVERLAP = 0.7
MAX_POSTING = 500  # words in more quotes than this say nothing about which quote it is


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in (m.lower() for m in _WORD.findall(text)) if w not in STOPWORDS)


def group_quotes(quotes: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """{quote id: group id} for quotes (id, article id, text) that recur in other articles."""
    items = [(qid, aid, content_words(text)) for qid, aid, text in quotes]
    items = [it for it in items if len(it[2]) >= MIN_WORDS]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, (_, _, words) in enumerate(items):
        for w in words:
            postings[w].append(i)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (_, aid, words) in enumerate(items):
        seen: dict[int, int] = defaultdict(int)
        for w in words:
            post = postings[w]
            if len(post) > MAX_POSTING:
                continue
            for j in post:
                if j > i:
                    seen[j] += 1
        for j, shared in seen.items():
            other_aid, other = items[j][1], items[j][2]
            if other_aid == aid:
                continue
            if shared / min(len(words), len(other)) >= MIN_OVERLAP:
                parent[find(i)] = find(j)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        members[find(i)].append(i)
    out: dict[str, str] = {}
    for group in members.values():
        if len({items[i][1] for i in group}) < 2:
            continue
        ids = sorted(items[i][0] for i in group)
        gid = "g" + hashlib.sha1(ids[0].encode()).hexdigest()[:15]
        for qid in ids:
            out[qid] = gid
    return out
