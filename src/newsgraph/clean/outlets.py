"""The outlet table: names, aliases, web domains and dateline tags of news outlets."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional


@dataclass(frozen=True)
class OutletTable:
    by_alias: dict[str, str]
    by_domain: dict[str, str]
    by_tag_: dict[str, str]
    pattern: Optional[re.Pattern]

    def canonical(self, name: str) -> str:
        return self.by_alias.get(name.casefold(), name)

    def by_tag(self, tag: str) -> Optional[str]:
        return self.by_tag_.get(tag.casefold())

    def by_host(self, host: Optional[str]) -> Optional[str]:
        while host:
            if host in self.by_domain:
                return self.by_domain[host]
            host = host.partition(".")[2] if host.count(".") > 1 else ""
        return None

    def find_in(self, text: str) -> Optional[str]:
        """The outlet whose name or alias (two or more words) stands in ``text``."""
        if self.pattern is None:
            return None
        match = self.pattern.search(text)
        return self.by_alias[match.group().casefold()] if match else None


def _build(records: list[dict]) -> OutletTable:
    by_alias, by_domain, by_tag = {}, {}, {}
    for record in records:
        name = record["name"]
        for alias in [name, *record.get("aliases", [])]:
            by_alias[alias.casefold()] = name
        for domain in record.get("domains", []):
            by_domain[domain.casefold()] = name
        for tag in record.get("tags", []):
            by_tag[tag.casefold()] = name
    # Only names of several words are searched inside free text: "AP" or "Dawn" would
    # match ordinary words.
    long_names = sorted((a for a in by_alias if " " in a), key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(a) for a in long_names), re.I) if long_names else None
    return OutletTable(by_alias, by_domain, by_tag, pattern)


@lru_cache(maxsize=4)
def load_outlets(extra_file: Optional[str] = None) -> OutletTable:
    text = resources.files("newsgraph.data").joinpath("outlets.json").read_text("utf-8")
    records = json.loads(text)["outlets"]
    if extra_file:
        with open(extra_file, encoding="utf-8") as handle:
            records = records + json.load(handle)["outlets"]
    return _build(records)
