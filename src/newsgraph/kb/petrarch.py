"""Readers for TABARI/PETRARCH ``.actors`` and ``.agents`` dictionary files.

Actor entries are a headword line, optional ``+alias`` lines and CAMEO codes,
inline (``HAMAS [PSEREB]``) or on indented lines, optionally date-restricted
(``[USAGOV 20130201-20170120]``, ``[IRNGOV >890604]``, ``[HOB <950601]``).
Comments are ``#`` to end of line, ``{...}`` and ``<!-- ... -->``. Agent
entries are ``WORDS {PLURALS} [~GOV]`` with ``!NAME! = A, B`` substitutions.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .model import Actor, Agent, Role
from .names import is_readable, key, readable
from .titles import headword_titles

# CAMEO codes that are not ISO 3166 alpha-3 codes, mapped where one exists.
CAMEO_TO_ISO = {
    "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "ANG": "AGO", "FRN": "FRA",
    "USR": "SUN", "FRY": "YUG", "KSV": "XKX", "UAR": "EGY", "PAL": "PSE",
}
INTERNATIONAL = {"IGO", "NGO", "IMG", "NGM", "MNC", "INT", "UIS"}
# CAMEO region codes (manual 1.1b3, table 3.3): places, never countries.
REGIONS = frozenset("AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAM SAS "
                    "SEA SAF WAF WST".split())
ROLE_CODES = frozenset(
    "COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI "
    "LAB LEG MED REF MOD RAD PRM PTY UNK JRN SOC PRE REL".split())
RELIGIONS = frozenset(
    "ADR ALE ATH BAH BUD CHR CTH DOX JHW MRM PRO CON HIN ITR JAN JEW MOS SHI SUN DRZ "
    "SFI MUS PAG SHN SIK TAO ZRO".split())
# ISO 3166-3 codes of former countries the dictionaries use.
FORMER = frozenset({"SUN", "YUG", "DDR", "CSK", "SCG"})

_CODE = re.compile(
    r"^\s*([A-Za-z~]+(?:/[A-Za-z]+)*)?\d*\s*(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+))?\s*$")
_BRACKET = re.compile(r"\[([^\]]*)\]")


class DictionaryError(ValueError):
    """A dictionary file that cannot be read as TABARI/PETRARCH format."""


def tabari_date(text: str) -> str:
    """'890604' -> '1989-06-04', '20130201' -> '2013-02-01' (YY < 30 is 20YY)."""
    if len(text) == 6:
        year = int(text[:2])
        text = ("20" if year < 30 else "19") + text
    if len(text) != 8:
        raise ValueError(f"bad date {text!r}")
    return _dt.date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()


@dataclass
class Entry:
    headword: str
    line: int
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, Optional[str], Optional[str]]] = field(default_factory=list)
    comment: str = ""


def _strip_comments(lines: Iterable[str]) -> Iterable[tuple[int, str, str]]:
    """(line number, text without comments, '#' comment) for each line."""
    in_xml = False
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\n\r")
        if in_xml:
            if "-->" in line:
                in_xml = False
            continue
        if line.lstrip().startswith("<!"):
            in_xml = "-->" not in line and not line.rstrip().endswith(">")
            continue
        comment = ""
        if "#" in line:
            line, _, comment = line.partition("#")
        yield number, line, comment.strip()


def _codes(text: str, entry: Entry, problems: list[str], number: int) -> None:
    for body in _BRACKET.findall(text):
        m = _CODE.match(body)
        if not m or not m.group(1):
            if body.strip() not in {"---", "+++", "###", ""}:
                problems.append(f"line {number}: unreadable code [{body}]")
            continue
        code = m.group(1).split("/")[0].upper()
        try:
            if m.group(2) == "<":
                start, end = None, tabari_date(m.group(3))
            elif m.group(2) == ">":
                start, end = tabari_date(m.group(3)), None
            elif m.group(4):
                start, end = tabari_date(m.group(4)), tabari_date(m.group(5))
            else:
                start = end = None
        except ValueError:
            problems.append(f"line {number}: bad date in [{body}]")
            continue
        entry.codes.append((code, start, end))


def parse_actors(text: str, problems: Optional[list[str]] = None) -> list[Entry]:
    """The entries of an actor dictionary, in file order (without codes dropped)."""
    problems = [] if problems is None else problems
    entries: list[Entry] = []
    current: Optional[Entry] = None
    for number, line, comment in _strip_comments(text.splitlines()):
        line = re.sub(r"\{[^}]*\}", " ", line)
        if not line.strip():
            continue
        if line.startswith("+"):
            if current is None:
                raise DictionaryError(f"line {number}: alias before any actor")
            alias = line[1:].split("[")[0].strip()
            if alias:
                current.aliases.append(alias)
            _codes(line, current, problems, number)
        elif line[0].isspace() or line[0] == "[":
            if current is None:
                raise DictionaryError(f"line {number}: code before any actor")
            _codes(line, current, problems, number)
        else:
            current = Entry(line.split("[")[0].strip(), number, comment=comment)
            entries.append(current)
            _codes(line, current, problems, number)
    return entries


def custom_countries(entries: Iterable[Entry], countries: frozenset[str]) -> frozenset[str]:
    """Country codes a user dictionary defines itself: a three-letter code that is an
    entry's only code and is no ISO country, role, region or international code
    ("ARNOR [ARN]" in a test dictionary, a new state in a user's own)."""
    out = set()
    for e in entries:
        if len(e.codes) == 1 and len(code := e.codes[0][0]) == 3 and code.isalpha() and code.isupper():
            if code not in countries and code not in CAMEO_TO_ISO and code not in ROLE_CODES \
                    and code not in INTERNATIONAL and code not in REGIONS:
                out.add(code)
    return frozenset(out)


def split_code(code: str, countries: frozenset[str]) -> tuple[Optional[str], Optional[str]]:
    """(ISO country or None, sector or None) of a CAMEO actor code such as 'IRNGOVLEG'."""
    segs = [code[i:i + 3] for i in range(0, len(code), 3)]
    if not segs:
        return None, None
    first = CAMEO_TO_ISO.get(segs[0], segs[0])
    country = first if (first in countries or first in FORMER) else None
    rest = segs[1:] if (country or segs[0] not in ROLE_CODES) else segs
    if segs[0] in INTERNATIONAL:
        sector = {"IMG": "REB", "INT": None, "UIS": "GOV"}.get(segs[0], segs[0])
        if segs[0] == "MNC" and len(segs) > 1 and segs[1] in countries:
            country = segs[1]
        roles = [s for s in rest if s in ROLE_CODES]
        if sector is None and roles:
            sector = roles[0]
        return country, sector
    roles = [s for s in rest if s in ROLE_CODES and s not in {"MOD", "RAD"}]
    if not roles:
        return country, ("REL" if any(s in RELIGIONS for s in segs) else None)
    if roles[0] == "GOV" and len(roles) > 1 and roles[1] in {"LEG", "JUD"}:
        return country, roles[1]
    return country, roles[0]


# --- from entries to actor records --------------------------------------------

# Title words at the start of a headword ("PRESIDENT_HASSAN_ROUHANI_"), upper case:
# derived in kb/titles.py from the classes of data/titles.toml.
TITLE_WORDS = headword_titles()
ORG_WORDS = frozenset(
    "ministry ministries department party front movement army armies forces force council "
    "committee government organization organisation organizations union association "
    "brigade brigades group groups agency bank court assembly parliament congress senate "
    "house office commission company corporation corp inc ltd llc plc university "
    "institute school college foundation fund network league alliance coalition "
    "federation society church police guard guards command service services authority "
    "bureau cabinet administration mission program programme tribunal battalion "
    "battalions cells nuclei faction militia regime embassy navy military newspaper "
    "television radio news times post press club center centre trust board directorate "
    "secretariat unit units industries airlines airways group holdings international "
    "commandos resistance revolutionary liberation jihad mujahideen taliban council "
    "committees soldiers troops rebels insurgents fighters students workers people "
    "peoples nations states republic kingdom community communities order brotherhood "
    "ministers officials leaders monitor monitors staff bodies".split())
COUNTRYISH = frozenset(
    "states nations republic kingdom union people peoples community communities bank "
    "islands federation emirates territories".split())


def _title_stripped(headword: str) -> str:
    tokens = headword.replace("_", " ").split()
    i = 0
    while i < len(tokens) - 1 and tokens[i].upper() in TITLE_WORDS:
        i += 1
    return " ".join(tokens[i:]) if len(tokens) - i >= 2 else " ".join(tokens)


def guess_type(entry: Entry, name: str, country_only: bool, first_names: frozenset[str]) -> str:
    """PERSON, ORG or GPE for a dictionary entry (the format does not say)."""
    words = {w.lower().strip("(),.'") for w in name.split()}
    if "CountryInfo" in entry.comment or "IGOrulers" in entry.comment:
        return "PERSON"
    if country_only:
        return "ORG" if words & (ORG_WORDS - COUNTRYISH) else "GPE"
    if words & ORG_WORDS:
        return "ORG"
    if any(code.startswith("MNC") for code, _, _ in entry.codes):
        return "ORG"
    tokens = name.split()
    if any(start for _, start, _ in entry.codes) or any(end for _, _, end in entry.codes):
        return "PERSON"
    if 2 <= len(tokens) <= 5 and tokens[0].upper() in first_names:
        return "PERSON"
    return "ORG"


def _alias_fits(alias: str, kind: str, first_names: frozenset[str]) -> bool:
    """Drop the dictionaries' cross-type aliases: "Assad Regime" on a person,
    "Khaled Meshaal" or "Sheikh Nasrallah" on an organisation."""
    tokens = alias.split()
    has_org_word = any(t.lower().strip("(),.'") in ORG_WORDS for t in tokens)
    if kind == "PERSON":
        return not has_org_word
    if kind == "ORG" and len(tokens) >= 2 and not has_org_word:
        first = tokens[0].upper()
        if first in TITLE_WORDS or (len(tokens) <= 4 and first in first_names):
            return False
    return True


def first_names_of(entries: Iterable[Entry]) -> frozenset[str]:
    """First tokens of the person entries the dictionaries mark as CountryInfo leaders."""
    out = set()
    for e in entries:
        if "CountryInfo" in e.comment:
            tokens = _title_stripped(e.headword).upper().split()
            if len(tokens) >= 2 and tokens[0].lower() not in ORG_WORDS:
                out.add(tokens[0])
    return frozenset(out - TITLE_WORDS)


def entry_to_actor(entry: Entry, countries: frozenset[str],
                   first_names: frozenset[str] = frozenset()) -> Optional[Actor]:
    """An :class:`Actor` (id left empty) for a parsed entry, or None if unusable."""
    if not entry.codes:
        return None
    roles: list[Role] = []
    default = None
    for code, start, end in entry.codes:
        country, sector = split_code(code, countries)
        if start or end:
            roles.append(Role(None, country, sector, start, end))
        elif default is None:
            default = (code, country, sector)
    if default is None:
        latest = max(entry.codes, key=lambda c: (c[1] or "", c[2] or "9999"))
        default = (latest[0], *split_code(latest[0], countries))
    code, country, sector = default
    if country is None and roles:
        country = next((r.country for r in reversed(roles) if r.country), None)
    country_only = bool(country) and sector is None and not roles
    forms = [readable(_title_stripped(entry.headword), acronyms=not country_only)] + [
        readable(h, acronyms=not country_only) for h in [entry.headword, *entry.aliases]]
    forms = [f for f in dict.fromkeys(forms) if is_readable(f)]
    if not forms:
        return None
    name = forms[0]
    if len(name.split()) == 1:  # a surname headword: prefer the full name it is part of
        fuller = [f for f in forms[1:] if len(f.split()) >= 2 and f.split()[-1] == name
                  and f.split()[0].upper() not in TITLE_WORDS and "(" not in f]
        if fuller and not name.isupper():
            name = fuller[0]
    acronym = re.search(r"\(([A-Z][A-Z0-9.&/-]{1,9})\)$", name)
    if acronym:  # "Basque Fatherland and Freedom (ETA)" -> name + alias "ETA"
        forms.append(acronym.group(1))
        name = name[: acronym.start()].strip()
    aliases = tuple(f for f in dict.fromkeys(forms) if f != name and key(f) != "")
    kind = guess_type(entry, name, country_only, first_names)
    aliases = tuple(a for a in aliases if _alias_fits(a, kind, first_names))
    return Actor(id="", name=name, aliases=aliases, type=kind, country=country,
                 sector=sector, roles=tuple(roles), cameo=code)


# --- agents ---------------------------------------------------------------------

_MACRO = re.compile(r"^\s*(![A-Za-z]+!)\s*=\s*(.+)$")
_AGENT = re.compile(r"^([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[\s*([^\]}]*?)\s*[\]}]")


def _expand(words: str, macros: dict[str, list[str]]) -> list[str]:
    out = [words]
    for name, values in macros.items():
        out = [w.replace(name, v) if name in w else w for w in out for v in values]
        out = list(dict.fromkeys(out))
    final = []
    for w in out:
        w = re.sub(r"[_\s]+", " ", w).strip()
        if w.upper().endswith("MINIST"):
            final += [w + "ER", w + "RY"]
        else:
            final.append(w)
    return final


def parse_agents(text: str, problems: Optional[list[str]] = None) -> list[Agent]:
    """The role words of an agents dictionary with their sectors, in file order."""
    problems = [] if problems is None else problems
    macros: dict[str, list[str]] = {}
    agents: list[Agent] = []
    for number, line, _comment in _strip_comments(text.splitlines()):
        if not line.strip():
            continue
        m = _MACRO.match(line)
        if m:
            macros[m.group(1)] = [v.strip() for v in m.group(2).split(",") if v.strip()]
            continue
        m = _AGENT.match(line.strip())
        if not m:
            problems.append(f"line {number}: agent without a code: {line.strip()[:60]}")
            continue
        words, plurals, code = m.group(1), m.group(2), m.group(3).replace(" ", "").upper()
        forms = _expand(words, macros)
        if plurals and plurals.strip():
            forms += [f for p in plurals.split(",") for f in _expand(p, macros)]
        _, sector = split_code(code.replace("~", ""), frozenset())
        for form in forms:
            if is_readable(form):
                agents.append(Agent(form.lower(), sector, code))
    return agents


def looks_like_agents(text: str) -> bool:
    """Whether a dictionary's codes are agent codes (``[~GOV]``/``[NGO~]``)."""
    codes = _BRACKET.findall(text)
    return bool(codes) and sum("~" in c for c in codes) > len(codes) / 2
