"""Pronouns and the descriptions read as pronouns, for :class:`LocalResolver` (local.py).

A pronoun ("he", "her") or an age standing for a person ("the 64-year-old") is the person
most recently mentioned before it, the subject of a recent sentence preferred; mentions inside
a quotation are not antecedents of the pronoun that attributes it ("..., he added").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING, Optional

from ..records import Mention

PERSONAL = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_AGE = re.compile(r"\b[Tt]he \d{1,3}-year-old\b")

if TYPE_CHECKING:  # the resolver's clusters
    from .local import Cluster


class Anaphora:
    """Mixed into LocalResolver: reads its doc, clusters, quoted spans and mentions."""

    def add_pronouns(self) -> None:
        self._add_age_descriptions()
        # Pronoun mentions are never antecedents, so the index made here stays true below.
        index = self._pronoun_index = self._antecedent_index()
        # the latest subject pronoun resolved, outside quotations: "Abiy Ahmed thanked the panel.
        # "...," he said. He also thanked Ramaphosa": the second "he" is the first one's person,
        # though the panel's chief was named nearer
        told: Optional[tuple[int, "Cluster"]] = None
        quoted = sorted(self.quoted)
        ends = list(accumulate((b for _a, b in quoted), max))
        for token in self.doc:
            if token.lower_ not in PERSONAL or token.pos_ != "PRON":
                continue
            cluster = self.antecedent(token.idx, index, told)
            subject = self._clause_subject_cluster(token)
            if cluster is not None and subject is not None and cluster is subject:
                # "Ana Ruiz ... spoke to him by phone": an object pronoun is never its own clause's
                # subject; the person named before, other than the subject, is meant
                cluster = self._antecedent_other_than(token.idx, subject)
            if cluster is not None:
                self._mention(cluster, token.idx, token.idx + len(token.text), token.text, "pronoun",
                              self.doc[token.i:token.i + 1])
                if token.dep_ in ("nsubj", "nsubjpass") and not _inside(quoted, ends, token.idx):
                    told = (token.idx, cluster)

    def _add_age_descriptions(self) -> None:
        """An age standing for a person is read as a pronoun is: "Ana Ruiz won the vote. The
        64-year-old has led since 2003" -> Ruiz. Not "the 64-year-old president" (a role,
        read by add_roles) nor "a 20-year-old" (someone new)."""
        found = []
        for match in _AGE.finditer(self.doc.text):
            span = self.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or span.end >= len(self.doc) or span.start in self.by_token:
                continue
            if self.doc[span.end].pos_ in ("NOUN", "PROPN", "ADJ"):
                continue  # "the 64-year-old president"
            found.append(span)
        if not found:
            return
        index = self._antecedent_index()
        for span in found:
            cluster = self.antecedent(span.start_char, index)
            if cluster is not None:
                self._mention(cluster, span.start_char, span.end_char, span.text, "role", span)

    def antecedent(self, char: int, index=None, told: Optional[tuple] = None) -> Optional[Cluster]:
        """The person most recently mentioned before ``char``, subjects preferred.

        ``index`` (from :meth:`_antecedent_index`) answers in log time what a scan of every
        mention answers; add_pronouns asks once per pronoun, so a scan made long articles
        quadratic. Both give the same cluster. Without ``index``, the one add_pronouns made
        serves while no other mention has been added since. ``told``: (start, cluster) of the
        latest subject pronoun resolved before ``char``, a subject mention as good as a name."""
        index = index or self._pronoun_index
        if index is not None:
            best, best_subject = (_latest(entries, char) for entries in index)
        else:
            best, best_subject = self._scan(char)
        if told is not None and (best_subject is None or told[0] > best_subject[0]):
            best_subject = told  # a subject pronoun resolved since (see add_pronouns)
        if best_subject and self._same_or_previous_sentences(best_subject[0], char):
            return best_subject[1]
        return best[1] if best else None

    def _clause_subject_cluster(self, token) -> Optional["Cluster"]:
        """For an object pronoun ("him", "her" after a verb or preposition), the cluster of
        its clause's subject; None otherwise."""
        if token.lower_ not in ("him", "her") or token.dep_ not in ("dobj", "obj", "pobj", "dative", "iobj"):
            return None
        verb = token.head if token.dep_ != "pobj" else token.head.head
        for _ in range(3):
            if verb.pos_ in ("VERB", "AUX"):
                break
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and verb.dep_ == "relcl":
            subject = verb.head
        return self.by_token.get(subject.i) if subject is not None else None

    def _antecedent_other_than(self, char: int, excluded: "Cluster") -> Optional["Cluster"]:
        """The person most recently mentioned before ``char`` who is not ``excluded``."""
        best, _ = self._scan(char, excluded)
        return best[1] if best else None

    def _scan(self, char: int, excluded: Optional["Cluster"] = None) -> tuple:
        """(start, cluster) of the latest person mention before ``char``, and of the latest
        that is a subject; not pronouns, not mentions inside quotations, not ``excluded``."""
        best, best_subject = None, None
        for cluster in self.clusters:
            if cluster.type != "PERSON" or cluster is excluded:
                continue
            for m in cluster.mentions:
                if m.start >= char or m.kind == "pronoun" or any(a <= m.start < b for a, b in self.quoted):
                    continue
                if best is None or m.start > best[0]:
                    best = (m.start, cluster)
                if excluded is None and self._is_subject(m) and (best_subject is None or m.start > best_subject[0]):
                    best_subject = (m.start, cluster)
        return best, best_subject

    def _is_subject(self, m: Mention) -> bool:
        token = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return token is not None and token.root.dep_ in ("nsubj", "nsubjpass")

    def _antecedent_index(self):
        """The candidates of :meth:`antecedent` (all, subjects), each sorted by (start, scan
        order): of the mentions before a point, the scan keeps the first one it meets with
        the greatest start, which is the first entry of that start here."""
        quoted = sorted(self.quoted)
        ends = list(accumulate((b for _a, b in quoted), max))
        entries = []
        for cluster in self.clusters:
            if cluster.type != "PERSON":
                continue
            for m in cluster.mentions:
                if m.kind == "pronoun" or _inside(quoted, ends, m.start):
                    continue
                entries.append((m.start, len(entries), cluster, self._is_subject(m)))
        entries.sort(key=lambda e: (e[0], e[1]))
        subjects = [e for e in entries if e[3]]
        return ([e[0] for e in entries], entries), ([e[0] for e in subjects], subjects)

    def _same_or_previous_sentences(self, start: int, char: int, window: int = 3) -> bool:
        if self._sent_starts is None:
            self._sent_starts = [s.start_char for s in self.doc.sents]
        n = bisect_right(self._sent_starts, char)  # the sentences starting at or before char
        return n > 0 and start >= self._sent_starts[max(0, n - window)]


def _latest(index, char: int):
    """(start, cluster) of the first entry with the greatest start before ``char``."""
    starts, entries = index
    n = bisect_left(starts, char)
    if n == 0:
        return None
    first = entries[bisect_left(starts, starts[n - 1])]
    return first[0], first[2]


def _inside(ranges: list[tuple[int, int]], ends: list[int], pos: int) -> bool:
    """Whether ``pos`` lies in one of the sorted ``ranges``; ``ends[i]`` is the greatest
    end among ranges[:i + 1] (ranges may overlap)."""
    n = bisect_right(ranges, (pos, float("inf")))
    return n > 0 and ends[n - 1] > pos
