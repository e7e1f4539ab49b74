"""The records of the actor knowledge base (read-only, picklable)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

#: Actor types: a person, an organisation (incl. armed groups and IGOs), a
#: country or place, a nationality/religious/political group.
TYPES = ("PERSON", "ORG", "GPE", "NORP")


def _pad(day: Optional[str], end: bool) -> Optional[str]:
    """'2020' -> '2020-01-01' (or '2020-12-31' for an end); full dates unchanged."""
    if not day or len(day) == 10:
        return day
    if len(day) == 4:
        return day + ("-12-31" if end else "-01-01")
    if len(day) == 7:
        return day + ("-31" if end else "-01")
    return day


@dataclass(frozen=True, slots=True)
class Role:
    """A position held for a time: "President" of IRN, sector GOV, from .. to.

    ``start``/``end`` are ISO dates (YYYY-MM-DD), or YYYY / YYYY-MM where only
    the year or month is known, or None when open or unknown. ``end`` is the
    first day the role is no longer held (the successor's first day).
    ``title`` is None for roles taken from date-restricted CAMEO codes.
    """

    title: Optional[str]
    country: Optional[str]
    sector: Optional[str]
    start: Optional[str] = None
    end: Optional[str] = None

    def active_on(self, day: str) -> bool:
        """Whether the role was held on ``day`` (YYYY-MM-DD): start <= day < end."""
        start = _pad(self.start, end=False)
        end = self.end
        if end and len(end) < 10:  # year/month-level: held until the end of it
            padded = _pad(end, end=True)
            if padded and day > padded:
                return False
        elif end and day >= end:
            return False
        return not (start and day < start)

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "country": self.country, "sector": self.sector,
                "start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Role":
        return cls(data.get("title"), data.get("country"), data.get("sector"),
                   data.get("start"), data.get("end"))


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor: a person, organisation, armed group, IGO or country.

    ``country`` is an ISO 3166 alpha-3 code (or None for IGOs, NGOs and
    transnational groups), ``sector`` a CAMEO role/type code (GOV, MIL, REB,
    IGO, NGO, ...). ``cameo`` is the full CAMEO code the source dictionary gave
    (e.g. "IRNGOV", "IGOUNO", "PSEREBHMS"), when there was one.
    """

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    type: str = "ORG"
    country: Optional[str] = None
    sector: Optional[str] = None
    roles: tuple[Role, ...] = ()
    wikidata: Optional[str] = None
    cameo: Optional[str] = None

    def names(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases."""
        return (self.name, *self.aliases)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "aliases": list(self.aliases),
                "type": self.type, "country": self.country, "sector": self.sector,
                "roles": [r.to_json() for r in self.roles], "wikidata": self.wikidata,
                "cameo": self.cameo}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Actor":
        get = data.get
        roles = get("roles")
        return cls(
            str(data["id"]), str(data["name"]), tuple(get("aliases") or ()),
            get("type") or "ORG", get("country"), get("sector"),
            tuple([Role(r.get("title"), r.get("country"), r.get("sector"), r.get("start"),
                        r.get("end")) for r in roles]) if roles else (),
            get("wikidata"), get("cameo"),
        )


@dataclass(frozen=True, slots=True)
class Country:
    """An ISO 3166 country: its short name, other names and demonyms/adjectives."""

    code: str
    name: str
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "names": list(self.names),
                "demonyms": list(self.demonyms)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Country":
        return cls(str(data["code"]), str(data["name"]),
                   tuple(data.get("names") or ()), tuple(data.get("demonyms") or ()))


@dataclass(frozen=True, slots=True)
class Agent:
    """A role word ("foreign minister") and the CAMEO sector it implies."""

    words: str
    sector: Optional[str]
    code: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"words": self.words, "sector": self.sector, "code": self.code}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Agent":
        return cls(str(data["words"]), data.get("sector"), str(data.get("code") or ""))
