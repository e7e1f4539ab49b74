"""When an event happened: its own time expression, else what the article fixes.

Order of evidence, each a general habit of news writing:
1. a time expression the trigger governs ("met *on Sunday*"), not one inside a
   relative clause about something else ("the bombardment, which entered its
   second week on Monday");
2. a time expression of the sentence's main clause, else of the sentence;
3. nothing for a past perfect ("had rejected": before the reported occasion) or
   for an event noun that is only the topic of another event;
4. the date of the occasion the article last dated outside a relative clause: a
   report's later sentences ("During the call, he hailed ...") tell the same
   occasion; not for what is told as now ("has said", "says");
5. null. The publication date alone is not the event's date; fusion can lend
   one from corroborating reports.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date as Date, timedelta
from typing import NamedTuple, Optional

from ..records import Article, ArticleAnalysis
from .clauses import span_text
from .grammar import SAYING_VERBS
from .lexicon import told_day_phrases, word_set
from .modality import modality

_BOUNDARIES = {"relcl", "acl"}


class _ToldDay(NamedTuple):
    """A phrase that names a day by the one told before ("that evening"), as a time."""
    start: int
    text: str
    date: Optional[str]
    precision: Optional[str]
    weekday: Optional[int]


# When an event happened as the resolver tells it: (date, precision, weekday). In an article
# with no date of its own "on Tuesday" is (None, None, 1): no date, but the day of the week a
# corroborating report's date must fall on.
When = tuple[Optional[str], Optional[str], Optional[int]]
_UNKNOWN: When = (None, None, None)


def _when(time) -> When:
    if time.date:
        return time.date, time.precision or "day", None
    return None, None, time.weekday


class DateResolver:
    def __init__(self, article: Article, analysis: Optional[ArticleAnalysis]):
        # a weekday without a date ("on Tuesday" in an undated article) still tells the day
        self.times = sorted((t for t in (analysis.times if analysis else ())
                             if t.date or t.weekday is not None), key=lambda t: t.start)
        self._starts = [t.start for t in self.times]  # a sentence's times by bisection, in order
        # times the article cannot fix ("in February" with no year known): they still tell
        # that an act was not on the day the report goes on telling
        self.unfixed = sorted(t.start for t in (analysis.times if analysis else ())
                              if not t.date and t.weekday is None)
        self.anchor: Optional[When] = None
        self.published = article.published
        self._inside_of: dict[int, list] = {}  # sentence start -> its times (read once per sentence)

    def _inside(self, sent) -> list:
        """The sentence's time expressions, with the days it names by reference: in "Borrell
        condemned the vote on Tuesday. The embassy, in a statement the same day, said ...",
        "the same day" of the second sentence is that Tuesday (``event_words.toml [told_day]``)."""
        cached = self._inside_of.get(sent.start_char)
        if cached is None:
            cached = self._inside_of[sent.start_char] = self._read_inside(sent)
        return cached

    def _read_inside(self, sent) -> list:
        inside = self.times[bisect_left(self._starts, sent.start_char):bisect_left(self._starts, sent.end_char)]
        pattern, offsets = told_day_phrases()
        told = []
        for m in pattern.finditer(span_text(sent)):
            start = sent.start_char + m.start()
            day = next((t for t in reversed(self.times[:bisect_left(self._starts, start)])
                        if (t.date and (t.precision or "day") == "day") or (not t.date and t.weekday is not None)),
                       None)
            if day is None:
                continue
            offset = offsets[m.group(0).lower()]
            if not day.date:
                told.append(_ToldDay(start, m.group(0), None, None, (day.weekday + offset) % 7))
                continue
            try:
                moved = Date.fromisoformat(day.date[:10]) + timedelta(days=offset)
            except ValueError:
                continue
            told.append(_ToldDay(start, m.group(0), moved.isoformat(), "day", None))
        return sorted(inside + told, key=lambda t: t.start) if told else inside

    def note_sentence(self, sent) -> None:
        """A sentence with no event still dates the occasion the report goes on telling
        ("Ana Ruiz extended her rule on Sunday by beating ... The board said Ruiz had taken
        52% of the vote": Sunday): the time its main verb governs, if any."""
        inside = self._inside(sent)
        root = sent.root
        if root.pos_ not in ("VERB", "AUX") or _present(root):
            return
        governed = [t for t in inside if _governs(root, _token_at(sent, t.start))
                    and not _dates_a_noun(_token_at(sent, t.start), root, t.start + len(t.text))]
        if governed and not _past_perfect(root):
            best = min(governed, key=lambda t: abs(t.start - root.idx))
            if not _since(_token_at(sent, best.start)):
                self.anchor = _when(best)

    def _unfixed_governed(self, tok, sent) -> bool:
        """'the minister paid a state visit to Lima in February', in an article with no year: the
        visit has a time of its own, which no later day of the report stands in for."""
        starts = self.unfixed[bisect_left(self.unfixed, sent.start_char):bisect_left(self.unfixed, sent.end_char)]
        return any(_governs(tok, _token_at(sent, start)) for start in starts)

    def _long_before_publication(self, time) -> bool:
        """Whether a time lies more than a month before the article's publication."""
        if not time.date or not self.published:
            return False
        try:
            told = Date.fromisoformat(time.date[:10])
            published = Date.fromisoformat(str(self.published)[:10])
        except ValueError:
            return False
        return (published - told).days > 31

    def date_of(self, trig, sent) -> When:
        inside = self._inside(sent)
        tok = trig.token
        if (when := _when_clause(tok)) is not None:
            # "met Ana Ruiz in August 2021, when he travelled to Lima": the when-clause's
            # time is its head's
            tok = when.head
        elif (said := _statement_content(tok)) is not None:
            # "issued a statement in which the president thanked the mediators": the thanks were said
            # when the statement was issued
            tok = said
        # "last month's battle", "Tuesday's strike": a time that dates a noun is that noun's,
        # unless the noun is the trigger itself
        own = [t for t in inside if not _dates_a_noun(_token_at(sent, t.start), trig.token, t.start + len(t.text))
               and not _quoted_deixis(sent, t)]
        governed = [t for t in own if _governs(tok, _token_at(sent, t.start))]
        if not governed and not trig.pattern.is_noun and not _in_boundary(tok):
            governed = [t for t in own if not _in_boundary(_token_at(sent, t.start))]
        if governed:
            best = min(governed, key=lambda t: abs(t.start - tok.idx))
            if _span(sent, best):
                return _UNKNOWN  # "talks held from March 6 to 10": over days, on none of them
            found = _when(best)
            if not _in_boundary(tok) and not _past_perfect(tok) and not _since(_token_at(sent, best.start)):
                # "a bill the ruling party withdrew in March 2023": a relative clause's
                # occasion is background, not the occasion the report goes on telling; nor is
                # what "had been meeting since Oct. 25" began with
                self.anchor = found
            return found
        if trig.pattern.is_noun or _past_perfect(tok) or _in_boundary(tok) or self._unfixed_governed(tok, sent):
            return _UNKNOWN
        if own and _announced(trig):
            # "Their foreign ministers are to meet ..., and both sides will activate an
            # agreement signed in 2001": an act announced for later was not done years before
            own = [t for t in own if not self._long_before_publication(t)]
        if own:
            # "issued a statement condemning the bombardment, which entered its second
            # week on Monday": the sentence's own time is nearer evidence than an earlier one
            nearest = min(own, key=lambda t: abs(t.start - tok.idx))
            if _span(sent, nearest):
                return _UNKNOWN
            found = _when(nearest)
            if self.anchor is None:
                # the first occasion the report dates is the one it goes on telling, even where
                # the parse hangs its time elsewhere ("met a delegation headed by X on Wednesday")
                self.anchor = found
            return found
        if self.anchor is not None and not _present(tok):
            return self.anchor
        return _UNKNOWN


_DEICTIC = re.compile(r"(?i)\b(?:today|tonight|yesterday|tomorrow|now|this (?:week|month|year|morning|evening)"
                      r"|last (?:week|month|year|night)|next (?:week|month|year))\b")


def _quoted_deixis(sent, time) -> bool:
    """'told his host that "the resistance is in its best state today"': a "today" inside a
    quotation is the speaker's day, which the publication date does not give."""
    if not _DEICTIC.search(time.text):
        return False
    before = span_text(sent)[:max(0, time.start - sent.start_char)]
    opened = before.count("\u201c") - before.count("\u201d")
    return opened > 0 or (before.count('"') % 2 == 1)


def _announced(trig) -> bool:
    """An intent, or an act told in the future or as a possibility."""
    return "intent" in trig.flags or bool(set(modality(trig)) & {"future", "hypothetical"})


def _dates_a_noun(time_tok, trigger, end_char: int) -> bool:
    """'last month's battle', 'May's confrontation', 'a 1998 accord', 'the March 2023 vote': a
    time that modifies a noun (possessive, compound, number or adjective) dates that noun.
    ``end_char`` ends the time expression: "March 10" is one, its "10" no modifier of "March"."""
    head = time_tok
    for _ in range(4):
        outer = head.head
        if outer.i == head.i:
            return False
        if time_tok.idx <= outer.idx < end_char:
            head = outer  # still inside the expression ("last" of "last month")
            continue
        if outer.pos_ not in ("NOUN", "PROPN"):
            return False
        if head.dep_ == "poss":
            return outer.i != trigger.i
        if head.dep_ in ("compound", "nummod", "amod") and outer.dep_ not in ("nsubj", "nsubjpass"):
            # "thanked them in his Wednesday night address": the occasion the act was done in;
            # on a subject it is a fronted time the parser hung there ("That evening riot police")
            occasion = outer.dep_ == "pobj" and outer.head.head.i == trigger.i
            return outer.i != trigger.i and not occasion
        return False
    return False


def _token_at(sent, char: int):
    for tok in sent:
        if tok.idx <= char < tok.idx + max(1, len(tok.text)) or tok.idx >= char:
            return tok
    return sent.root


def _governs(trigger, tok) -> bool:
    """Whether ``tok`` hangs off the trigger (or the verb an event noun depends on)
    without crossing into a relative or adjectival clause."""
    targets = {trigger.i}
    if trigger.pos_ in ("NOUN", "PROPN"):
        head = trigger.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        targets.add(head.i)
    steps = 0
    while steps < 12:
        if tok.i in targets:
            return True
        if tok.dep_ in _BOUNDARIES or tok.head.i == tok.i:
            return False
        tok = tok.head
        steps += 1
    return False


def _when_clause(tok):
    """The relative or adverbial clause opened by "when" that holds ``tok``, if any."""
    v = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    steps = 0
    while v.head.i != v.i and steps < 6:
        if v.dep_ in ("relcl", "advcl") and any(c.lower_ == "when" and c.dep_ == "advmod" for c in v.children):
            return v
        if v.dep_ in _BOUNDARIES:
            return None
        v = v.head
        steps += 1
    return None


def _statement_content(tok):
    """The verb that issued the statement (letter, message ...) whose relative clause holds
    ``tok``, if any (``event_words.toml [statement_nouns]``)."""
    v = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    for _ in range(4):
        if v.dep_ == "relcl":
            noun = v.head
            if noun.lemma_.lower() not in word_set("statement_nouns"):
                return None
            verb = noun.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            return verb if verb.pos_ in ("VERB", "AUX") else None
        if v.dep_ in _BOUNDARIES or v.head.i == v.i:
            return None
        v = v.head
    return None


def _in_boundary(tok) -> bool:
    """Whether an act is told inside a relative or adjectival clause, background to another
    occasion ("a bill the party withdrew in March"). A speaker's relative clause of saying is
    no boundary: "according to the ministry, which said 13 people were detained" reports the
    occasion the article goes on telling."""
    steps = 0
    while tok.head.i != tok.i and steps < 12:
        if tok.dep_ in _BOUNDARIES and not (tok.dep_ == "relcl" and steps > 0
                                            and tok.lemma_.lower() in SAYING_VERBS):
            return True
        tok = tok.head
        steps += 1
    return False


def _since(time_tok) -> bool:
    """'since Oct. 25': the start of a span, not the day of an occasion."""
    return _opens_span(time_tok, ("since",))


_SPAN_ENDS = {"to", "until", "till", "through", "-", "\u2013", "and"}


def _span(sent, time) -> bool:
    """'talks held from March 6 to 10', 'between 25 October and 2 November', 'had been meeting
    since Oct. 25': a time that opens a span of days fixes none of them for an act done
    over the span."""
    tok = _token_at(sent, time.start)
    if _opens_span(tok, ("since",)):
        return True
    if not _opens_span(tok, ("from", "between")):
        return False
    after = [t.lower_ for t in sent.doc[tok.i + 1:min(tok.i + 4, sent.end)]]
    return any(word in _SPAN_ENDS for word in after)


def _opens_span(time_tok, words) -> bool:
    head = time_tok
    for _ in range(3):
        if head.dep_ == "pobj" and head.head.lower_ in words:
            return True
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def _past_perfect(tok) -> bool:
    v = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in v.children)


def _present(tok) -> bool:
    """'has said she will veto', 'says', 'is holding talks': told as now, not as the
    occasion the article last dated.

    The verb that reports or governs the trigger decides, not the trigger's own tense:
    in '"We support the talks," the envoy said' the support is told at
    the past occasion of the saying (dated by the report's last dated occasion), while
    in 'the envoy says Chile supports them' it is told as now."""
    v = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    chain = [v]
    for _ in range(3):  # the trigger's verb, then the verbs it is reported or governed by
        if v.dep_ not in ("xcomp", "conj", "ccomp") or v.head.i == v.i:
            break
        v = v.head
        chain.append(v)
    top = chain[-1]
    if len(chain) > 1 and top.tag_ == "VBD" and not _told_as_now(top):
        return False
    return any(u.tag_ in ("VBZ", "VBP") or _told_as_now(u) for u in chain)


def _told_as_now(v) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve", "is", "are", "am")
               for c in v.children)
