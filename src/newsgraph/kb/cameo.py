"""The CAMEO code table: root, QuadClass, Goldstein scale and PLOVER category of each code,
and which codes have sides that are interchangeable.

The reference floor of the events and fuse stages: the coder codes with it, the store
and the sentence coder describe codes with it.
"""
from __future__ import annotations

from dataclasses import dataclass
import re
from functools import lru_cache
from importlib import resources
from typing import Optional

#: Codes whose two sides do the same thing (consult, discuss by telephone, meet, mediate):
#: "A met B" is "B met A", so the coder writes one record per pair, its sides in a stable order.
SYMMETRIC_CODES = frozenset({"040", "041", "044", "046"})

#: Roots whose sides are compared both ways when reports are fused. Reports of one
#: consultation may name its sides in either order, and not only under a symmetric code:
#: a visit "A visited B" (042) is "B hosted A" (043). So for any root-04 code, two reports
#: whose sides are swapped may still tell the same event.
SIDES_EITHER_WAY_ROOTS = frozenset({"04"})


@dataclass(frozen=True)
class CameoCode:
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover: Optional[str]  # None for CAMEO 01/02, which PLOVER dropped
    plover_mode: Optional[str]
    name: str


#: What a verb dictionary's own code looks like: three or four digits, as CAMEO's are.
OWN_CODE = re.compile(r"\d{3,4}")


class CameoTable(dict):
    """The CAMEO codes by code. ``code in table`` is true of CAMEO's codes only; looking up
    a code a user's verb dictionary defines outside CAMEO ("[345]", see :func:`own_code`)
    gives that code's own row instead of a KeyError."""

    def __missing__(self, code: str) -> CameoCode:
        if not isinstance(code, str) or not OWN_CODE.fullmatch(code):
            raise KeyError(code)
        return own_code(code, self)


def own_code(code: str, table: Optional[dict] = None) -> CameoCode:
    """The row of a code CAMEO lacks, as a verb dictionary's author defined it: its root is
    its first two digits, and it takes that root's QuadClass, Goldstein score and PLOVER
    category when CAMEO has the root, else 0, 0.0 and none. Worked example: "[066]" is
    root 06 (material cooperation: QuadClass 2, Goldstein 6.0, PLOVER COOPERATE); "[345]"
    is root 34, which CAMEO lacks: QuadClass 0, Goldstein 0.0, no PLOVER category."""
    table = load_cameo() if table is None else table
    root = dict.get(table, code[:2])
    if root is None:
        return CameoCode(code, code[:2], 0, 0.0, None, None, "a code of the verb dictionary's own")
    return CameoCode(code, code[:2], root.quad_class, root.goldstein, root.plover, root.plover_mode,
                     f"a code of the verb dictionary's own, under {root.name}")


@lru_cache(maxsize=1)
def load_cameo() -> CameoTable:
    """Every CAMEO code of ``newsgraph/data/cameo.tsv`` (built by scripts/build_cameo.py)."""
    text = resources.files("newsgraph.data").joinpath("cameo.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    header, body = rows[0], rows[1:]
    out = CameoTable()
    for row in body:
        r = dict(zip(header, row))
        out[r["code"]] = CameoCode(r["code"], r["root"], int(r["quad_class"]), float(r["goldstein"]),
                                   r["plover"] or None, r["plover_mode"] or None, r["name"])
    return out


def describe(code: str) -> CameoCode:
    """The table row of ``code``; an unknown code raises KeyError naming it."""
    table = load_cameo()
    if code not in table:
        raise KeyError(f"unknown CAMEO code {code!r}")
    return table[code]
