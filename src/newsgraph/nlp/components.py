"""spaCy components of newsgraph, registered by name.

``newsgraph_entity_fixes`` corrects the statistical NER where every small
English model is wrong on news of this kind: Persian and Arabic surnames
tagged ORG, honorifics left out of a name, "the" kept in place names, and
known places and feasts tagged as people. Its state is its config (word
lists), so a worker rebuilds it from the pipeline's config alone.
"""

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..kb.entity_words import entity_relabel
from ..kb.names import acronym_of
from .quotes import load_reporting_verbs
from ..kb.role_words import person_heads
from ..kb.titles import forms_of_address, ranks, titles_of_office

# Forms of address ("Ayatollah", "Dr.") belong to a name and are taken into the PERSON span;
# titles of office (emir, king) and offices (president) are roles, learnt by the resolve
# stage, not part of the name. Both tables are data (data/titles.toml, data/entity_relabel.toml).
HONORIFICS = forms_of_address()
# Ranks ("General", "Rear Admiral", "Gen.") are roles: dropped from the front of a PERSON span.
RANKS = ranks()
# Names the models get wrong, with the label they should carry.
RELABEL = entity_relabel()
_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"}


@Language.component("newsgraph_paragraphs", assigns=["token.is_sent_start"])
def paragraph_starts(doc: Doc) -> Doc:
    """A paragraph starts a sentence: a headline or subheading without a full stop must not
    run into the first sentence of the story below it. The parser keeps these starts."""
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            if not doc[i].is_space:
                doc[i].is_sent_start = True
    return doc


@Language.factory("newsgraph_word_forms", default_config={"forms": {}}, assigns=["token.lemma"],
                  requires=["token.lemma"])
def make_word_forms(nlp: Language, name: str, forms: dict[str, str]):
    """Lemmas of the hyphenated words :func:`keep_word_forms` keeps whole ("re-elected" ->
    "re-elect"), which the lemmatizer does not know."""
    table = {form.lower(): lemma for form, lemma in forms.items()}

    def set_lemmas(doc: Doc) -> Doc:
        for tok in doc:
            if "-" in tok.text and (lemma := table.get(tok.lower_)) is not None:
                tok.lemma_ = lemma
        return doc
    return set_lemmas


def keep_word_forms(nlp: Language, forms: dict[str, str]) -> None:
    """Tokenizer special cases: each form (and its capitalised spelling) is one token."""
    for form in forms:
        for spelling in {form, form[:1].upper() + form[1:]}:
            nlp.tokenizer.add_special_case(spelling, [{"ORTH": spelling}])


@Language.factory(
    "newsgraph_entity_fixes",
    default_config={"person_words": [], "org_words": [], "relabel": RELABEL, "honorifics": list(HONORIFICS),
                    "country_names": [], "ranks": list(RANKS), "demonyms": []},
    assigns=["doc.ents"],
    requires=["doc.ents", "token.pos"],
)
def make_entity_fixes(nlp: Language, name: str, person_words: list[str], org_words: list[str],
                      relabel: dict[str, list[str]], honorifics: list[str], country_names: list[str],
                      ranks: list[str], demonyms: list[str]):
    return EntityFixes(nlp, person_words, org_words, relabel, honorifics, country_names, ranks, demonyms)


class EntityFixes:
    """Relabels and re-bounds entity spans; see the module docstring."""

    def __init__(self, nlp: Language, person_words: list[str], org_words: list[str],
                 relabel: dict[str, list[str]], honorifics: list[str], country_names: list[str] = (),
                 ranks: list[str] = RANKS, demonyms: list[str] = ()):
        from spacy.matcher import PhraseMatcher

        # "Turkey will allow ...", "Jordan and Britain agreed": a sentence-initial country
        # name is tagged PERSON by the models; the whole span being a country name settles it.
        self.country_names = {c.casefold() for c in country_names}
        self.person_words = {w.casefold() for w in person_words}
        self.org_words = {w.casefold() for w in org_words}
        self.honorifics = {h.casefold() for h in honorifics}
        self.ranks = {r.casefold() for r in ranks}
        self.demonyms = {d.casefold() for d in demonyms}  # "Georgian", not "Islamic"
        self.reporting_verbs = load_reporting_verbs()
        self.office_words = self.honorifics | self.ranks | set(person_heads()) | set(titles_of_office())
        self.matcher = PhraseMatcher(nlp.vocab)
        for label, phrases in relabel.items():
            self.matcher.add(label, [nlp.make_doc(p) for p in phrases])

    def __call__(self, doc: Doc) -> Doc:
        ents = [part for span in doc.ents for part in self._speaking_work(span)]
        spans = [self._named_after_nationality(span) or self._fix(_to_its_acronym(span)) for span in ents]
        forced = [Span(doc, start, end, label=match_id) for match_id, start, end in self.matcher(doc)]
        forced_tokens = {i for span in forced for i in range(span.start, span.end)}
        kept = [s for s in spans if s is not None and not (set(range(s.start, s.end)) & forced_tokens)]
        doc.ents = filter_spans(forced + kept)
        return doc

    def _speaking_work(self, span: Span) -> list[Span]:
        """A "work of art" that is the subject of a verb of saying, outside quotation marks,
        is one organisation or several: "Georgian Dream and People's Power said in a joint
        statement" -> ORG "Georgian Dream", ORG "People's Power". Any other span: itself."""
        doc = span.doc
        if span.label_ != "WORK_OF_ART" or span.root.dep_ != "nsubj" \
                or span.root.head.lemma_.lower() not in self.reporting_verbs \
                or (span.start > 0 and doc[span.start - 1].is_quote):
            return [span]
        cuts = [t.i for t in span if t.dep_ == "cc" or t.text == ","] + [span.end]
        parts, start = [], span.start
        for cut in cuts:
            if cut > start:
                parts.append(Span(doc, start, cut, label="ORG"))
            start = cut + 1
        return parts

    def _named_after_nationality(self, span: Span):
        """A nationality the model tagged alone before the rest of a proper name is an
        organisation's name: "Georgian Dream and People's Power said" -> ORG "Georgian Dream"
        (likewise "Ethiopian Airlines"); not a title before a name ("Georgian President Ana
        Ruiz", "Russian Foreign Minister ..."), which the resolve stage reads as a role."""
        doc = span.doc
        if span.label_ != "NORP" or len(span) != 1 or span.root.tag_ not in ("JJ", "NNP") \
                or span.root.lower_ not in self.demonyms:
            return None
        end = span.end
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                and not doc[end].ent_type_ and doc[end].lower_ not in self.office_words:
            end += 1
        if end == span.end or (end < len(doc) and (doc[end].ent_type_ == "PERSON"
                                                   or doc[end].lower_ in self.office_words)):
            return None
        return Span(doc, span.start, end, label="ORG")

    def _fix(self, span: Span):
        doc = span.doc
        start, end, label = span.start, span.end, span.label_
        if label not in _LABELS:
            return span
        # "the Gaza Strip" -> "Gaza Strip": the article is not part of the name.
        while start < end - 1 and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        while end > start + 1 and doc[end - 1].tag_ == "POS":  # "Iran's"
            end -= 1
        words = [t.lower_ for t in doc[start:end]]
        if label in ("PERSON", "ORG", "GPE") and " ".join(words) in self.country_names:
            return Span(doc, start, end, label="GPE")
        if label in ("PERSON", "ORG") and end - start > 1 and not any(w in self.org_words for w in words) \
                and not any(w in self.person_words for w in words) and _is_town(doc[start:end].text):
            # "Bat Yam" tagged a person: a name of several words the gazetteer knows as a town.
            return Span(doc, start, end, label="GPE")
        if label in ("ORG", "GPE", "NORP") and any(w in self.person_words for w in words) \
                and not any(w in self.org_words for w in words) and not _phrase_shaped(doc[start:end]):
            label = "PERSON"
        if label == "PERSON" and any(w in self.org_words for w in words) and len(words) > 1:
            label = "ORG"
        if label == "PERSON" and len(words) == 2 and words[0] in self.demonyms \
                and not (set(words) & (self.office_words | self.person_words)):
            # a nationality and one name is an organisation's name, no person's: "Georgian
            # Dream said" (a person is named "Dmitry Peskov", "the Russian Dmitry Peskov")
            label = "ORG"
        if label == "PERSON":
            # A rank is a role, not a name: "Major General Hossein Salami" is "Hossein Salami".
            while end - start > 1 and (doc[start].lower_ in self.ranks or (
                    end - start > 2 and f"{doc[start].lower_} {doc[start + 1].lower_}" in self.ranks)):
                start += 2 if f"{doc[start].lower_} {doc[start + 1].lower_}" in self.ranks else 1
            # Take in the honorifics before a name ("Ayatollah Ali Khamenei").
            while start > 0 and not _in_compound_word(doc, start - 1) and (
                    doc[start - 1].lower_ in self.honorifics
                    or (start > 1 and f"{doc[start - 2].lower_} {doc[start - 1].lower_}" in self.honorifics)):
                start -= 2 if start > 1 and f"{doc[start - 2].lower_} {doc[start - 1].lower_}" in \
                    self.honorifics else 1
        if start >= end:
            return None
        return Span(doc, start, end, label=label)


_NAME_JOINERS = frozenset({"of", "in", "for", "and", "the", "on"})


def _phrase_shaped(span: Span) -> bool:
    """A name with a possessive or a joining word inside is a phrase, no person's name, even
    with a surname in it: "People's Power", "Power of the People"."""
    return any(t.tag_ == "POS" or t.lower_ in ("'s", "’s") or (t.lower_ in _NAME_JOINERS and t.is_lower)
               for t in span[1:-1])


def _to_its_acronym(span: Span) -> Span:
    """An organisation's name the model cut short, taken to its end: through a hyphenated word
    ("Organization for Security and Co" + "-operation"), and on to the bracketed acronym whose
    initials it then has: "Organization for Security and Co-operation in Europe (OSCE)"."""
    doc = span.doc
    if span.label_ != "ORG":
        return span
    end = span.end
    while end + 1 < len(doc) and doc[end].text in "-‐‑" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    for paren in range(end, min(end + 5, len(doc) - 2)):
        token = doc[paren]
        if token.text == "(":
            if doc[paren + 2].text == ")" and acronym_of(doc[paren + 1].text, doc[span.start:paren].text):
                end = paren
            break
        if not (token.lower_ in _NAME_JOINERS or (token.text[:1].isupper() and token.is_alpha)):
            break
    return span if end == span.end else Span(doc, span.start, end, label="ORG")


def _is_town(text: str) -> bool:
    """Whether the gazetteer knows ``text`` as a place in a country, by its own words: the
    comparison key drops forms of address, so "Sheikh Tamim" would find a town "Tamim";
    the key must keep every word."""
    from ..kb.gazetteer import load_gazetteer
    from ..kb.names import name_key

    key = name_key(text)
    if len(key.split()) < len(text.split()):
        return False
    place = load_gazetteer().find(text)
    return place is not None and place.country is not None


def _in_compound_word(doc: Doc, i: int) -> bool:
    """Whether token ``i`` ends a hyphenated word spaCy split: "Secretary-General" is
    "Secretary", "-", "General", and its "General" is no form of address."""
    return i >= 2 and doc[i - 1].text in "-‐‑" and not doc[i - 1].whitespace_ \
        and not doc[i - 2].whitespace_
