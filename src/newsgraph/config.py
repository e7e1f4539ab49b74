"""The options object: built once at the boundary, passed down to every stage.

Defaults live in the packaged ``data/default_config.toml``. A user file
overrides them key by key; every key is validated strictly (unknown keys and
wrong types are errors), in the manner of spaCy's ``schemas.py``.
"""
from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import NewsgraphError


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class IngestOptions(_Section):
    max_article_bytes: int = Field(gt=0)
    follow_symlinks: bool
    extensions: tuple[str, ...]


class CleanOptions(_Section):
    favor_precision: bool
    favor_recall: bool
    include_tables: bool
    recurring_min_articles: int = Field(ge=2)
    recurring_min_share: float = Field(gt=0, le=1)
    recurring_min_chars: int = Field(ge=1)
    tail_min_lines: int = Field(ge=1)
    date_extensive_search: bool
    outlets_file: str


class StoreOptions(_Section):
    backend: Literal["sqlite"]
    path: str
    batch_size: int = Field(ge=1)


class RunOptions(_Section):
    progress: bool
    workers: int = Field(ge=0)


class NLPOptions(_Section):
    enabled: bool
    model: str
    batch_size: int = Field(ge=1)
    section_chars: int = Field(ge=1000)
    max_chars: int = Field(ge=1)
    article_seconds: float = Field(gt=0)
    actor_files: tuple[str, ...]


class EventOptions(_Section):
    enabled: bool
    lexicon_files: tuple[str, ...]
    verb_files: tuple[str, ...]
    cameo2_verbs: Literal["off", "fallback"]
    min_confidence: float = Field(ge=0, le=1)
    keep_hypothetical: bool


class StoryOptions(_Section):
    threshold: float = Field(gt=0, le=1)
    small_threshold: float = Field(gt=0, le=1)
    small_size: int = Field(ge=0)
    word_weight: float = Field(ge=0)
    name_weight: float = Field(ge=0)
    number_weight: float = Field(ge=0)
    centering: float = Field(ge=0, le=1)
    strong_similarity: float = Field(gt=0, le=1)
    window_days: int = Field(ge=0)
    far_factor: float = Field(ge=0, le=1)
    horizon_days: int = Field(ge=0)
    max_postings: int = Field(ge=1)
    min_similarity: float = Field(ge=0, le=1)
    duplicate_jaccard: float = Field(gt=0, le=1)
    max_duplicate_checks: int = Field(ge=0)


class Options(_Section):
    ingest: IngestOptions
    clean: CleanOptions
    nlp: NLPOptions
    events: EventOptions
    stories: StoryOptions
    store: StoreOptions
    run: RunOptions


def _default_table() -> dict[str, Any]:
    text = resources.files("newsgraph.data").joinpath("default_config.toml").read_text("utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], override: dict[str, Any], where: str = "") -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        path = f"{where}{key}"
        if key not in base:
            raise NewsgraphError("E301", path, "unknown key")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise NewsgraphError("E301", path, "expected a table")
            merged[key] = _merge(base[key], value, path + ".")
        else:
            merged[key] = value
    return merged


def _as_model_input(table: dict[str, Any]) -> dict[str, Any]:
    # TOML arrays arrive as lists; the frozen model keeps tuples.
    out: dict[str, Any] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            out[key] = _as_model_input(value)
        elif isinstance(value, list):
            out[key] = tuple(value)
        else:
            out[key] = value
    return out


def load_options(
    config_file: Optional[str | Path] = None, overrides: Optional[dict[str, Any]] = None
) -> Options:
    """Build the options: packaged defaults, then ``config_file``, then ``overrides``."""
    table = _default_table()
    if config_file is not None:
        try:
            user = tomllib.loads(Path(config_file).read_text("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise NewsgraphError("E302", str(config_file), str(exc)) from None
        table = _merge(table, user)
    if overrides:
        table = _merge(table, overrides)
    try:
        return Options.model_validate(_as_model_input(table))
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        raise NewsgraphError("E301", key, first["msg"]) from None
