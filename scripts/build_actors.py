#!/usr/bin/env python3
"""Build src/newsgraph/data/actors.json.gz from the Phoenix CAMEO dictionaries.

Usage: python scripts/build_actors.py [PHOENIX_DIR] [--out PATH]

PHOENIX_DIR (default ../shared/reference/cameo/phoenix_dictionaries beside the
checkout) holds Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt and Phoenix.agents.txt (TABARI/PETRARCH format,
petrarch2, MIT, Open Event Data Alliance). Names and codes are carried over as
facts; entries are normalised to readable names, ISO 3166 alpha-3 countries and
CAMEO sectors. The hand-written tables below add what Phoenix lacks or mis-codes:
every ISO country with its names and demonyms, international organisations,
Middle East organisations and armed groups, office holders of 2013-2022 with
dated roles, and a few role words. They win over Phoenix where both speak.

The output is deterministic (sorted, one record per line, gzip without a
timestamp); about 6.8 MB of JSON, 0.9 MB compressed.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.kb.model import Actor, Agent, Country, Role  # noqa: E402
from newsgraph.kb.names import key, slug  # noqa: E402
from newsgraph.kb.petrarch import (  # noqa: E402
    entry_to_actor, first_names_of, parse_actors, parse_agents)

DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "cameo" / "phoenix_dictionaries"
DEFAULT_OUT = ROOT / "src" / "newsgraph" / "data" / "actors.json.gz"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"

# ISO 3166-1 alpha-3 | short name | other names | demonyms and adjectives.
# Kosovo uses the widely used user-assigned XKX; the last five rows are former
# countries (ISO 3166-3) that the dictionaries code.
SUPPLEMENT = Path(__file__).resolve().parent / "supplement"
# Hand-written facts (names, codes, dates) that correct or complete the Phoenix
# dictionaries; one record per line, fields separated by " | ", see each file's header.
COUNTRIES = (SUPPLEMENT / "countries.txt").read_text("utf-8")
ACTORS = (SUPPLEMENT / "actors.txt").read_text("utf-8")
AGENTS = (SUPPLEMENT / "agents.txt").read_text("utf-8")


def _cell(text: str):
    text = text.strip()
    return None if text in {"", "-"} else text


def _list(text: str) -> list[str]:
    return [p.strip() for p in text.split(";") if p.strip()]


def _records(text: str) -> list[str]:
    """The lines of a supplement file that hold records (not blank, not # comments)."""
    return [line for line in text.strip().splitlines() if line.strip() and not line.startswith("#")]


def supplement_countries() -> list[Country]:
    out = []
    for line in _records(COUNTRIES):
        code, name, names, demonyms = (c.strip() for c in line.split("|"))
        out.append(Country(code, name, tuple(_list(names)), tuple(_list(demonyms))))
    return out


def supplement_actors() -> list[Actor]:
    out: list[Actor] = []
    for line in _records(ACTORS):
        cells = [c.strip() for c in line.lstrip(">").split("|")]
        if line.startswith(">"):
            title, country, sector, start, end = (_cell(c) for c in cells)
            last = out[-1]
            roles = (*last.roles, Role(title, country, sector, start, end))
            out[-1] = Actor(**{**_fields(last), "roles": roles})
            continue
        cells += [""] * (6 - len(cells))
        name, kind, country, sector, aliases, wikidata = cells[:6]
        out.append(Actor(id="", name=name, aliases=tuple(_list(aliases)), type=kind,
                         country=_cell(country), sector=_cell(sector),
                         wikidata=_cell(wikidata)))
    return out


def _fields(actor: Actor) -> dict:
    return {f: getattr(actor, f) for f in Actor.__slots__}


def supplement_agents() -> list[Agent]:
    out = []
    for line in _records(AGENTS):
        words, sector = (c.strip() for c in line.split("|"))
        out.append(Agent(words, sector, "~" + sector))
    return out


# --- merging ----------------------------------------------------------------------

def _keys(actor: Actor) -> set[str]:
    return {k for k in (key(n) for n in actor.names()) if k}


def _dedupe_aliases(name: str, aliases) -> tuple[str, ...]:
    seen = {key(name)}
    out = []
    for alias in sorted(dict.fromkeys(aliases), key=lambda a: (a.casefold(), a)):
        k = key(alias)
        if k and k not in seen:
            seen.add(k)
            out.append(alias)
    return tuple(out)


def merge_phoenix(actors: list[Actor]) -> list[Actor]:
    """One record per (name, country, type): Phoenix repeats many entries."""
    groups: dict[tuple, list[Actor]] = defaultdict(list)
    for a in actors:
        groups[(key(a.name), a.country, a.type)].append(a)
    out = []
    for group in groups.values():
        first = group[0]
        aliases = [al for a in group for al in (a.name, *a.aliases)]
        roles = tuple(dict.fromkeys(r for a in group for r in a.roles))
        out.append(Actor(**{**_fields(first), "aliases": _dedupe_aliases(first.name, aliases),
                            "roles": roles}))
    return out


def country_actors(countries: list[Country], phoenix: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """A GPE actor per country, absorbing Phoenix's country-level entries."""
    by_code = {c.code: c for c in countries}
    names_of = {c.code: {key(n) for n in (c.name, *c.names)} for c in countries}
    absorbed: dict[str, list[Actor]] = defaultdict(list)
    rest = []
    for a in phoenix:
        if (a.type == "GPE" and a.country in by_code and a.sector is None
                and (_keys(a) & names_of[a.country])):
            absorbed[a.country].append(a)
        else:
            rest.append(a)
    out = []
    for c in countries:
        extra = [n for a in absorbed[c.code] for n in a.names()]
        cameo = absorbed[c.code][0].cameo if absorbed[c.code] else None
        aliases = _dedupe_aliases(c.name, [*c.names, *c.demonyms, *extra])
        out.append(Actor(id="", name=c.name, aliases=aliases, type="GPE", country=c.code,
                         cameo=cameo))
    return out, rest


def apply_supplement(base: list[Actor], supplement: list[Actor]) -> list[Actor]:
    """Supplement records absorb compatible base records and claim their names."""
    index: dict[str, set[int]] = defaultdict(set)
    for i, a in enumerate(base):
        for k in _keys(a):
            index[k].add(i)
    claimed: dict[str, int] = {}
    for j, s in enumerate(supplement):
        for k in _keys(s):
            claimed.setdefault(k, j)
    absorbed: set[int] = set()
    merged = []
    for j, s in enumerate(supplement):
        hits = set()
        for k in _keys(s):
            if s.type == "PERSON" and len(k.split()) < 2:
                continue  # a surname alone does not identify the same person
            hits |= index.get(k, set())
        names = list(s.aliases)
        cameo = s.cameo
        roles = s.roles
        for i in sorted(hits - absorbed):
            b = base[i]
            if b.type != s.type or b.country != s.country:
                continue
            absorbed.add(i)
            names += [b.name, *b.aliases]
            cameo = cameo or b.cameo
            if not roles:
                roles = b.roles
        mine = {k for k, owner in claimed.items() if owner == j}
        names = [n for n in names if key(n) in mine or key(n) not in claimed]
        merged.append(Actor(**{**_fields(s), "aliases": _dedupe_aliases(s.name, names),
                               "roles": roles, "cameo": cameo}))
    out = merged
    for i, b in enumerate(base):
        if i in absorbed:
            continue
        if key(b.name) in claimed:
            continue  # the supplement has this name for another actor
        aliases = tuple(a for a in b.aliases if key(a) not in claimed)
        out.append(Actor(**{**_fields(b), "aliases": aliases}) if aliases != b.aliases else b)
    return out


def assign_ids(actors: list[Actor]) -> list[Actor]:
    """Stable slugs: the name, then name-country, then a counter on collisions."""
    ordered = sorted(actors, key=lambda a: (slug(a.name), a.country or "", a.type,
                                            a.cameo or "", a.name, a.aliases))
    bases = defaultdict(list)
    for a in ordered:
        bases[slug(a.name) or "actor"].append(a)
    out, used = [], set()
    for base, group in bases.items():
        for a in group:
            ident = base if len(group) == 1 else f"{base}-{(a.country or a.sector or 'x').lower()}"
            n = 2
            candidate = ident
            while candidate in used:
                candidate = f"{ident}-{n}"
                n += 1
            used.add(candidate)
            out.append(Actor(**{**_fields(a), "id": candidate}))
    return sorted(out, key=lambda a: a.id)


def build(source: Path) -> dict:
    countries = supplement_countries()
    codes = frozenset(c.code for c in countries)
    entries = []
    problems: list[str] = []
    for name in ACTOR_FILES:
        text = (source / name).read_text("utf-8", errors="replace")
        file_problems: list[str] = []
        entries += parse_actors(text, file_problems)
        problems += [f"{name}: {p}" for p in file_problems]
    first_names = first_names_of(entries)
    phoenix = []
    for e in entries:
        a = entry_to_actor(e, codes, first_names)
        if a is None or (a.country is None and a.sector is None):
            continue
        if "\ufffd" in a.name:
            continue
        phoenix.append(a)
    phoenix = merge_phoenix(phoenix)
    gpes, rest = country_actors(countries, phoenix)
    actors = assign_ids(apply_supplement(gpes + rest, supplement_actors()))

    agent_problems: list[str] = []
    agents = parse_agents((source / AGENT_FILE).read_text("utf-8", errors="replace"),
                          agent_problems)
    problems += [f"{AGENT_FILE}: {p}" for p in agent_problems]
    table: dict[str, Agent] = {}
    for ag in supplement_agents() + agents:
        table.setdefault(key(ag.words), ag)
    return {
        "format": "newsgraph-actors",
        "version": 1,
        "source": "Phoenix CAMEO dictionaries (openeventdata/petrarch2, MIT) "
                  "+ newsgraph supplement (scripts/build_actors.py)",
        "countries": [c.to_json() for c in sorted(countries, key=lambda c: c.code)],
        "agents": [table[k].to_json() for k in sorted(table)],
        "actors": [a.to_json() for a in actors],
        "problems": sorted(set(problems)),
    }


def dumps(data: dict) -> str:
    """JSON with one record per line: small diffs, deterministic."""
    def block(name: str) -> str:
        rows = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":"))
                          for r in data[name])
        return f'"{name}":[\n{rows}\n]'
    head = {k: v for k, v in data.items() if k not in {"countries", "agents", "actors", "problems"}}
    parts = [json.dumps(k) + ":" + json.dumps(v, ensure_ascii=False) for k, v in head.items()]
    parts += [block("countries"), block("agents"), block("actors")]
    return "{" + ",\n".join(parts) + "}\n"


def write(path: Path, text: str) -> None:
    """Write the JSON, gzipped (with a fixed header time) when the name ends in .gz."""
    raw = text.encode("utf-8")
    if path.suffix == ".gz":
        raw = gzip.compress(raw, compresslevel=9, mtime=0)
    path.write_bytes(raw)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--problems", action="store_true",
                        help="list the dictionary lines that could not be used")
    args = parser.parse_args(argv)
    data = build(args.source)
    if args.problems:
        print("\n".join(data["problems"]), file=sys.stderr)
    write(args.out, dumps(data))
    print(f"{args.out}: {len(data['actors'])} actors, {len(data['countries'])} countries, "
          f"{len(data['agents'])} role words; {len(data['problems'])} unusable lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
