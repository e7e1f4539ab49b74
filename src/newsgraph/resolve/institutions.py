"""A country's institutions written in lower case, as named organisations of that country.

News names them by country and head noun, and the statistical NER leaves them untagged:
"Russia's defence ministry", "the Ethiopian government", "the government of Ethiopia",
"Ethiopia's federal government", "the American embassy". Each becomes an ORG name mention;
within an article the mentions of one (country, words) are one entity, whose name is the
canonical "<demonym> <words>" ("Ethiopian government", "Russian defence ministry"), so that
the entity registry meets the same name in every article. A phrase the NER tagged, or with
another name in it, is left as is. A mission abroad keeps its host city, which tells one
embassy of a country from another: "Chile's embassy in Lima" is the "Chilean embassy in
Lima".
"""
from __future__ import annotations

from typing import Optional

from ..records import Mention
from .local import Cluster, LocalResolver

_DETERMINERS = {"the", "a", "an"}


def add_institutions(resolver: LocalResolver, kb, heads: frozenset[str], qualifiers: frozenset[str],
                     missions: frozenset[str] = frozenset()) -> None:
    doc = resolver.doc
    found: dict[tuple[str, str], Cluster] = {}
    for token in doc:
        if token.lemma_.lower() not in heads or token.pos_ != "NOUN" or token.ent_type_ \
                or token.i in resolver.by_token:
            continue
        head = token
        reading = _reading(doc, token, kb)
        if reading is None:
            continue
        start, end, code, words = reading
        canonical_words = " ".join(w for w in words if w not in qualifiers)
        host = _host_city(doc, token, end) if token.lemma_.lower() in missions else None
        if host is not None:
            end, canonical_words = host.end, f"{canonical_words} in {host.text}"
        demonyms = kb.countries[code].demonyms if code in kb.countries else ()
        if not demonyms:
            continue
        span = doc[start:end]
        mention = Mention(span.start_char, span.end_char, span.text, "name", "ORG")
        cluster = found.get((code, canonical_words))
        if cluster is None:
            cluster = Cluster(f"e{len(resolver.clusters) + 1}", "ORG", countries=[code],
                              canonical=f"{demonyms[0]} {canonical_words}",
                              role_words={head.lower_})  # its sector: "government" is GOV
            resolver.clusters.append(cluster)
            found[(code, canonical_words)] = cluster
        resolver.add_name(cluster, mention)
        for i in range(start, end):
            resolver.by_token.setdefault(i, cluster)


def name_institutions(resolver: LocalResolver, kb, heads: frozenset[str], qualifiers: frozenset[str]) -> None:
    """The same canonical name for an institution the NER tagged: "US Embassy" and "American
    embassy" are both "American embassy", "Russian Defence Ministry" is "Russian defence ministry"."""
    for cluster in resolver.clusters:
        if cluster.type != "ORG" or cluster.canonical or not cluster.names:
            continue
        words = cluster.names[0].replace("’s", "").replace("'s", "").split()
        if len(words) >= 3 and words[-2].lower() == "of" and words[0].lower() in heads:
            words = [" ".join(words[-1:]), *words[:-2]]  # "Parliament of Georgia" -> "Georgia Parliament"
        if len(words) < 2 or words[-1].lower() not in heads:
            continue
        code = kb.country_of_word(words[0])
        rest = [w.lower() for w in words[1:]]
        if not code or code not in kb.countries or not kb.countries[code].demonyms \
                or any(kb.country_of_word(w) for w in rest) or not all(w.isalpha() for w in rest):
            continue
        cluster.canonical = " ".join([kb.countries[code].demonyms[0], *(w for w in rest if w not in qualifiers)])
        cluster.countries.append(code)


def _host_city(doc, head, end: int):
    """The place of "in <place>" right after a mission ("embassy in Lima"), as a span;
    None when the phrase is more than a place's name ("in the north of the city")."""
    if end >= len(doc) or doc[end].lower_ != "in" or doc[end].head.i != head.i:
        return None
    objects = [c for c in doc[end].children if c.dep_ == "pobj"]
    if len(objects) != 1 or objects[0].ent_type_ not in ("GPE", "LOC"):
        return None
    place = objects[0]
    span = doc[place.left_edge.i:place.right_edge.i + 1]
    if span.start != end + 1 or any(t.ent_type_ not in ("GPE", "LOC") for t in span):
        return None
    return span


def _reading(doc, head, kb) -> Optional[tuple[int, int, str, list[str]]]:
    """(start, end, country, lower-case words) of "Russia's defence ministry", "the Ethiopian
    government", "the government of Ethiopia"; None without exactly one country modifier."""
    left = [t for t in doc[head.left_edge.i:head.i] if t.lower_ not in _DETERMINERS]
    country_tokens = [t for t in left if t.ent_type_ in ("GPE", "NORP") and kb.country_of_word(t.text)]
    words = [t.lower_ for t in left if t not in country_tokens and t.tag_ != "POS" and t.is_alpha]
    end = head.i + 1
    if not country_tokens:
        of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        objects = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
        if len(objects) != 1 or objects[0].ent_type_ != "GPE" or objects[0].right_edge.i != objects[0].i:
            return None
        country_tokens, end = objects, objects[0].i + 1
    codes = {kb.country_of_word(t.text) for t in country_tokens}
    if len(codes) != 1 or any(t.ent_type_ in ("ORG", "PERSON", "FAC") for t in left):
        return None
    if any(not (t.is_alpha or t.tag_ == "POS") or t.pos_ == "PROPN" and not t.is_lower and t not in country_tokens
           for t in left):
        return None
    start = min([t.i for t in left] + [head.i])
    code = codes.pop()
    if kb.countries.get(code) is None:
        return None
    return start, end, code, [*words, head.lower_]
