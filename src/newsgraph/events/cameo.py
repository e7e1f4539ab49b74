"""The CAMEO code table: root, QuadClass, Goldstein scale and PLOVER category of each code."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional


@dataclass(frozen=True)
class CameoCode:
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover: Optional[str]  # None for CAMEO 01/02, which PLOVER dropped
    plover_mode: Optional[str]
    name: str


@lru_cache(maxsize=1)
def load_cameo() -> dict[str, CameoCode]:
    """Every CAMEO code of ``newsgraph/data/cameo.tsv`` (built by scripts/build_cameo.py)."""
    text = resources.files("newsgraph.data").joinpath("cameo.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    header, body = rows[0], rows[1:]
    out = {}
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
