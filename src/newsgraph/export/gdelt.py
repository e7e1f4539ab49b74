"""GDELT 2.0-style exports: the Events table and the Mentions table as TSV.

The column names and their order are GDELT 2.0's (Events: 61 columns, Mentions: 16), so the
files load with tools written for GDELT.  Unlike GDELT's own files they start with a header
row.  Where our data differs from GDELT's, the file says what we have rather than guess:

* GLOBALEVENTID is our event id string ("ev-..."), not an integer.
* Country codes (Actor1CountryCode, ActionGeo_CountryCode, ...) are ISO 3166 alpha-3
  ("ISR"), as in our records: GDELT writes CAMEO country codes for actors (mostly the same
  alpha-3 codes) but FIPS 10-4 two-letter codes for the ActionGeo_* columns.
* Actor1Code is country + sector ("IRNGOV"), the part of a CAMEO actor code we know.
* IsRootEvent is 1 when any mention starts before character 500 of its article (the lead
  paragraph, GDELT's proxy for importance), else 0.
* FractionDate is year + day_of_year / 365 with 4 decimals (the codebook's
  (MONTH * 30 + DAY) / 365 formula is not what GDELT's files contain).
* ActionGeo_Type is 4 (a city or landmark) when the place has coordinates, else empty.
* AvgTone, MentionDocTone, SentenceID, the actor offsets and MentionDocLen are empty:
  we do not score tone and do not keep those positions or lengths in the event record.
* MentionType is 1 (web) when the article has a URL; otherwise 2 (citation only) and
  MentionIdentifier / SOURCEURL hold our article id.

Fields are written as GDELT does, unquoted: tabs and line breaks inside text become spaces,
so every line splits on tabs into exactly its columns.  DATEADDED (and EventTimeDate) is
the export's time, YYYYMMDDHHMMSS in UTC, or ``added`` when given.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from ..records import Event, EventActor
from .files import TEXT_ERRORS, replacing

EVENT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)

MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)

ROOT_EVENT_OFFSET = 500  # a mention starting before this character is in the lead

# Everything a line-based reader could take for the end of a line or a field.
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_ADDED = re.compile(r"\d{14}")


def _text(value) -> str:
    """A cell: empty for None, numbers as Python writes them, text on one line."""
    if value is None:
        return ""
    return _BREAKS.sub(" ", str(value))


def _added(added: str | None) -> str:
    if added is None:
        return datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    if not _ADDED.fullmatch(added):
        raise ValueError(f"added must be YYYYMMDDHHMMSS, got {added!r}")
    return added


def _date_columns(value: str | None) -> list[str]:
    """SQLDATE, MonthYear, Year, FractionDate of a YYYY-MM-DD date (all empty for None)."""
    if not value:
        return ["", "", "", ""]
    day = date.fromisoformat(value)
    fraction = day.year + day.timetuple().tm_yday / 365
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), f"{day.year:04d}", f"{fraction:.4f}"]


def _actor_columns(actor: EventActor | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroup, Ethnic, Religion1, Religion2, Type1-3."""
    if actor is None:
        country = sector = name = ""
    else:
        country, sector = actor.country or "", actor.sector or ""
        name = " ".join((actor.text or "").split()).upper()  # GDELT: one line, upper case
    return [_text(country + sector), _text(name), _text(country), "", "", "", "",
            _text(sector), "", ""]


def _place_columns(place: dict | None) -> list[str]:
    """The eight ActionGeo_* columns."""
    place = place or {}
    lat, lon = place.get("lat"), place.get("lon")
    geo_type = "4" if lat is not None and lon is not None else ""
    return [geo_type, _text(place.get("name")), _text(place.get("country")), "", "",
            _text(lat), _text(lon), ""]


def _article_ref(article_id: str | None, articles: dict[str, dict]) -> tuple[str, str]:
    """(MentionType, identifier): the article's URL, or its id as a citation."""
    url = (articles.get(article_id) or {}).get("url") if article_id else None
    if url:
        return "1", url
    return "2", article_id or ""


def _event_row(event: Event, articles: dict[str, dict], added: str) -> list[str]:
    mentions = event.mentions or []
    cameo = event.cameo or ""
    is_root = int(any((m.start or 0) < ROOT_EVENT_OFFSET for m in mentions))
    source_url = _article_ref(mentions[0].article_id, articles)[1] if mentions else ""
    return [_text(event.id), *_date_columns(event.date),
            *_actor_columns(event.source), *_actor_columns(event.target),
            str(is_root), _text(cameo), _text(cameo[:3]), _text(event.root or cameo[:2]),
            _text(event.quad_class), _text(event.goldstein), str(len(mentions)),
            _text(event.num_sources), _text(event.num_articles), "",
            *[""] * 16,  # Actor1Geo_* and Actor2Geo_*: we place the action only
            *_place_columns(event.place), added, _text(source_url)]


def _mention_rows(event: Event, articles: dict[str, dict], added: str) -> Iterator[list[str]]:
    confidence = event.confidence
    percent = "" if confidence is None else str(round(confidence * 100))
    for mention in event.mentions or []:
        article_id = mention.article_id
        article = (articles.get(article_id) or {}) if article_id else {}
        published = article.get("published")
        mention_time = "" if not published else (
            date.fromisoformat(published[:10]).strftime("%Y%m%d000000"))
        mention_type, identifier = _article_ref(article_id, articles)
        yield [_text(event.id), added, mention_time, mention_type,
               _text(article.get("outlet")), _text(identifier), "", "", "",
               _text(mention.start), "1", percent, "", "", "", ""]


def _write_tsv(path: Path, header: tuple[str, ...], rows: Iterable[list[str]]) -> int:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with replacing(path) as tmp, open(tmp, "w", encoding="utf-8", errors=TEXT_ERRORS, newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n",
                            quoting=csv.QUOTE_NONE, quotechar=None)
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def write_gdelt_tsv(events: Iterable[Event], articles: dict[str, dict], path: Path,
                    added: str | None = None) -> int:
    """Write ``events`` as a GDELT 2.0 Events table to ``path``; return the event count.

    ``articles`` maps article ids to {"url", "published", "outlet", "title"}; SOURCEURL is
    the URL of the first mention's article.  ``added`` (YYYYMMDDHHMMSS, UTC) fixes
    DATEADDED; by default it is the time of the export.
    """
    stamp = _added(added)
    return _write_tsv(path, EVENT_COLUMNS, (_event_row(e, articles, stamp) for e in events))


def write_gdelt_mentions_tsv(events: Iterable[Event], articles: dict[str, dict], path: Path,
                             added: str | None = None) -> int:
    """Write one GDELT 2.0 Mentions row per mention of ``events``; return the row count.

    MentionTimeDate is the article's publication day (YYYYMMDD000000), ActionCharOffset the
    mention's start and Confidence the event's confidence in percent.
    """
    stamp = _added(added)
    rows = (row for event in events for row in _mention_rows(event, articles, stamp))
    return _write_tsv(path, MENTION_COLUMNS, rows)
