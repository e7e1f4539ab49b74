"""Names the model left untagged or tagged apart, for :class:`LocalResolver` (local.py):
an acronym defined in brackets after its name, and a surname alone after the full name.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..kb.names import core_tokens, is_acronym, name_key
from ..records import Mention

if TYPE_CHECKING:  # the resolver's clusters
    from .local import Cluster


class UntaggedNames:
    """Mixed into LocalResolver: reads its doc, clusters and token map, adds through add_name."""

    def _add_untagged_acronym(self, ent, cluster: Cluster) -> None:
        """An acronym in brackets after a name that the model left untagged: "the Republican
        People's Party (CHP)"; one it tagged is joined by _defined_acronym."""
        doc, end = self.doc, ent.end
        if cluster.type not in ("ORG", "NORP", "GPE") or len(ent) < 2 or end + 2 >= len(doc) \
                or doc[end].text != "(" or doc[end + 2].text != ")":
            return
        token = doc[end + 1]
        if token.ent_type_ or not is_acronym(token.text):  # (a role phrase around it may hold it)
            return
        self.add_name(cluster, Mention(token.idx, token.idx + len(token.text), token.text, "name", cluster.type))
        self.by_token[token.i] = cluster

    def _add_untagged_surnames(self) -> None:
        """A surname the model left untagged is still its person: "President Ana Ruiz ...
        Ruiz told the delegation ..." when exactly one person named before ends with it, and
        the word stands alone (not "Ruiz Street", not inside another name)."""
        holders: dict[str, list[Cluster]] = {}
        for cluster in self.clusters:
            if cluster.type == "PERSON":
                for name in {core_tokens(n)[-1] for n in self.distinct_names(cluster) if len(core_tokens(n)) > 1}:
                    holders.setdefault(name, []).append(cluster)
        doc = self.doc
        for token in doc:
            # The tagger calls a name opening a sentence a noun as often as not ("Ruiz told").
            if token.pos_ not in ("PROPN", "NOUN") or not token.is_title or len(token.text) < 3 \
                    or token.i in self.by_token or token.ent_type_:
                continue
            if any(0 <= j < len(doc) and doc[j].pos_ == "PROPN" for j in (token.i - 1, token.i + 1)):
                continue
            found = holders.get(name_key(token.text))
            if not found or len(found) != 1 or found[0].mentions[0].start >= token.idx:
                continue
            mention = Mention(token.idx, token.idx + len(token.text), token.text, "name", "PERSON")
            self.add_name(found[0], mention)
            self.by_token[token.i] = found[0]


def defined_acronym(doc, previous, ent) -> Optional[Cluster]:
    """The cluster an acronym is defined for in brackets right after its name, as news
    writes it: "the Republican People's Party (CHP)" makes CHP that party, whatever its
    letters (they are often the initials of the name in another language)."""
    if previous is None or not is_acronym(ent.text) or ent.start < 1 or ent.end >= len(doc):
        return None
    name, cluster = previous
    if doc[ent.start - 1].text != "(" or doc[ent.end].text != ")" or name.end != ent.start - 1:
        return None
    return cluster if cluster.type in ("ORG", "NORP", "GPE") and len(name) > 1 else None
